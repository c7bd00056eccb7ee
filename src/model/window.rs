//! Time windows: one-off or recurring spans of wall-clock time in a zone.

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

/// A span of time, once or repeating, in a named IANA time zone.
///
/// `start` and `end` are the first occurrence, in the zone's wall-clock
/// time. A repeating window recurs every week, month or year after that,
/// up to and including the date `until` when one is given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Window {
    /// Start of the first occurrence, wall-clock time in `zone`.
    pub start: DateTime,
    /// End of the first occurrence, wall-clock time in `zone`.
    pub end: DateTime,
    /// IANA time zone name, such as `Europe/London` or `UTC`.
    pub zone: String,
    /// How the window repeats.
    pub repeat: Repeat,
    /// The last date on which an occurrence may start.
    pub until: Option<jiff::civil::Date>,
}

/// How a window repeats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Repeat {
    /// Once only.
    #[default]
    Never,
    /// Every week on the same weekday.
    Weekly,
    /// Every month on the same day (the month's last day when it is shorter).
    Monthly,
    /// Every year on the same date.
    Yearly,
}

impl Repeat {
    /// Every variant, for pick-lists.
    pub const ALL: [Repeat; 4] = [Repeat::Never, Repeat::Weekly, Repeat::Monthly, Repeat::Yearly];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Repeat::Never => "once",
            Repeat::Weekly => "weekly",
            Repeat::Monthly => "monthly",
            Repeat::Yearly => "yearly",
        }
    }
}

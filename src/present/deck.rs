//! A deck: the slides of one release, or of the book's upcoming releases,
//! in the order a walkthrough takes them.

use super::blocks::Block;
use super::slides;
use crate::check::Finding;
use crate::model::{Book, Id, Phase, Release};
use crate::schedule::Conflict;
use jiff::civil::Date;

/// What a walkthrough covers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One release.
    Release(Id),
    /// The releases not yet deployed and reviewed, soonest first.
    Upcoming,
}

/// The kinds of slide, in the order a release's slides come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SlideKind {
    /// The upcoming releases at a glance (decks of several releases).
    Agenda,
    /// The release, its phase and its dates.
    Overview,
    /// The changes and known errors in the release.
    Scope,
    /// A calendar excerpt with the schedule's conflicts.
    Schedule,
    /// One deployment's runbook.
    Runbook,
    /// The risk matrix and the top risks.
    Risks,
    /// Acceptance criteria and approvals.
    Acceptance,
    /// The backout plan.
    Backout,
    /// Open findings of the ISO/IEC 20000 checks.
    Findings,
    /// The go/no-go checkpoint.
    GoNoGo,
}

impl SlideKind {
    /// Every kind, in deck order.
    pub const ALL: [SlideKind; 10] = [
        SlideKind::Agenda,
        SlideKind::Overview,
        SlideKind::Scope,
        SlideKind::Schedule,
        SlideKind::Runbook,
        SlideKind::Risks,
        SlideKind::Acceptance,
        SlideKind::Backout,
        SlideKind::Findings,
        SlideKind::GoNoGo,
    ];

    /// A short name, for the grid of slides and the presenter's notes.
    pub fn label(self) -> &'static str {
        match self {
            SlideKind::Agenda => "Agenda",
            SlideKind::Overview => "Overview",
            SlideKind::Scope => "Scope",
            SlideKind::Schedule => "Schedule",
            SlideKind::Runbook => "Runbook",
            SlideKind::Risks => "Risks",
            SlideKind::Acceptance => "Acceptance",
            SlideKind::Backout => "Backout",
            SlideKind::Findings => "Findings",
            SlideKind::GoNoGo => "Go/no-go",
        }
    }
}

/// One slide: a kicker line, a title, and blocks in up to three areas.
///
/// `top` spans the slide; under it, `left` and `right` sit side by side
/// (`left` takes the whole width when `right` is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// What kind of slide it is.
    pub kind: SlideKind,
    /// The release it is about, if one.
    pub release: Option<Id>,
    /// The small line above the title, e.g. "REL-5 Payments 2027.01.1 · Build & Test".
    pub kicker: String,
    /// The title.
    pub title: String,
    /// Blocks across the whole slide.
    pub top: Vec<Block>,
    /// Blocks on the left (or across, when `right` is empty).
    pub left: Vec<Block>,
    /// Blocks on the right.
    pub right: Vec<Block>,
    /// Talking points for the presenter, shown in the notes window.
    pub notes: Vec<String>,
}

impl Slide {
    /// A slide with a kicker and title and nothing on it yet.
    pub fn new(kind: SlideKind, release: Option<&Release>, title: impl Into<String>) -> Self {
        let kicker = match release {
            Some(r) => format!("{} {} · {}", r.id, r.name, r.phase.label()),
            None => String::new(),
        };
        Self {
            kind,
            release: release.map(|r| r.id.clone()),
            kicker,
            title: title.into(),
            top: Vec::new(),
            left: Vec::new(),
            right: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// The slides of a walkthrough.
#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    /// What it covers.
    pub scope: Scope,
    /// A title for the whole deck, e.g. "Payments 2027.01.1" or "Upcoming releases".
    pub title: String,
    /// The releases it covers, in slide order.
    pub releases: Vec<Id>,
    /// The slides.
    pub slides: Vec<Slide>,
}

/// What every slide reads: the book, today, and the findings and conflicts
/// worked out once for the whole deck.
pub struct Context<'a> {
    /// The book.
    pub book: &'a Book,
    /// Today, for "in 12 days" and overdue marks.
    pub today: Date,
    /// Every finding about the book.
    pub findings: &'a [Finding],
    /// Every conflict on the book's schedule.
    pub conflicts: &'a [Conflict],
}

impl Context<'_> {
    /// A person's name, or "nobody" when none is set.
    pub fn person(&self, id: Option<&Id>) -> String {
        match id {
            Some(id) => self.book.person(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
            None => "nobody".to_owned(),
        }
    }

    /// The conflicts that involve a release.
    pub fn conflicts_of<'b>(&'b self, release: &'b Id) -> impl Iterator<Item = &'b Conflict> + 'b {
        self.conflicts.iter().filter(move |c| c.deployments.iter().any(|d| &d.release == release))
    }
}

/// How many releases a deck of upcoming releases walks through at most.
pub const MAX_UPCOMING: usize = 6;

/// The releases a walkthrough of upcoming releases covers: those not yet
/// in review, soonest deployment first.
pub fn upcoming(book: &Book, today: Date) -> Vec<&Release> {
    let mut releases: Vec<&Release> = book.releases.iter().filter(|r| r.phase <= Phase::Deployment).collect();
    releases.sort_by_key(|r| (next_date(r, today).unwrap_or(Date::MAX), r.id.number().map_or(0, |(_, n)| n)));
    releases
}

/// The release's next deployment day on or after today, or else the
/// planned start of its Deployment phase.
pub fn next_date(r: &Release, today: Date) -> Option<Date> {
    let windows = r.deployments.iter().map(|d| d.window.start.date()).filter(|d| *d >= today).min();
    windows.or(r.phases.deployment.planned_start)
}

/// Builds the deck for `scope`. `findings` are the book's findings as of
/// `today` (structural and process rules).
pub fn deck(book: &Book, scope: &Scope, today: Date, findings: &[Finding]) -> Deck {
    let conflicts = crate::schedule::detect(book);
    let cx = Context { book, today, findings, conflicts: &conflicts };
    let mut out = Deck { scope: scope.clone(), title: String::new(), releases: Vec::new(), slides: Vec::new() };
    match scope {
        Scope::Release(id) => match book.release(id) {
            Some(r) => {
                out.title = r.name.clone();
                out.releases.push(r.id.clone());
                out.slides = slides::release_slides(&cx, r);
            }
            None => {
                out.title = format!("There is no release {id}");
                out.slides.push(slides::nothing(&format!("There is no release {id} in this book.")));
            }
        },
        Scope::Upcoming => {
            out.title = "Upcoming releases".to_owned();
            let all = upcoming(book, today);
            let shown = &all[..all.len().min(MAX_UPCOMING)];
            out.slides.push(slides::agenda(&cx, shown, all.len() - shown.len()));
            for r in shown {
                out.releases.push(r.id.clone());
                out.slides.extend(slides::release_slides(&cx, r));
            }
        }
    }
    out
}

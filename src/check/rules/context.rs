//! What every rule is made of: a [`Need`] (something a release must have
//! by a certain phase) and the [`Ctx`] that turns an unmet need into a
//! finding whose severity fits the release's phase.
//!
//! A need is *due* when the release enters a phase. Its severity follows
//! from how far away that is: an error once the release is in (or past)
//! that phase, a warning in the phase just before, information two phases
//! before, and nothing earlier. So a missing go/no-go is information in
//! Planning, a warning in Build & Test and an error from Deployment on;
//! nothing required later is ever an error earlier. A need may also cap
//! its severity (naming, for example, is never more than a warning).
//!
//! The same needs drive the phase gate: evaluating a release *as if* it
//! were in the phase it is moving to gives exactly the errors that block
//! the move, and the tally of needs met gives the gate's criteria.

use crate::check::{Finding, Severity};
use crate::edit::Path;
use crate::model::{Book, DecisionKind, Id, Phase, Release};
use jiff::civil::Date;

use super::index::Index;

/// When a need must be met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Before the release leaves this phase (due when it enters the next).
    Exit(Phase),
    /// Before the release enters this phase.
    Entry(Phase),
    /// At all times; its severity is its cap.
    Always,
}

impl Stage {
    /// The phase the release may not enter without it, if any.
    pub fn due(self) -> Option<Phase> {
        match self {
            Stage::Exit(p) => Some(p.next().unwrap_or(Phase::Closed)),
            Stage::Entry(p) => Some(p),
            Stage::Always => None,
        }
    }
}

/// One requirement of a rule, as the gate lists it.
#[derive(Debug, PartialEq, Eq)]
pub struct Need {
    /// The rule's id, e.g. `R4`.
    pub rule: &'static str,
    /// The clause it comes from, e.g. `8.5.3 c`.
    pub clause: &'static str,
    /// When it must be met.
    pub stage: Stage,
    /// The most serious it can be.
    pub cap: Severity,
    /// The criterion in a few words, as the gate shows it.
    pub label: &'static str,
    /// How to resolve it, in a release manager's words.
    pub fix: &'static str,
}

/// Position of a phase in the release's life, 0 for Planning.
fn rank(phase: Phase) -> i32 {
    Phase::ALL.iter().position(|p| *p == phase).map_or(0, |i| i32::try_from(i).unwrap_or(0))
}

impl Need {
    /// How serious this need is when unmet by a release in `phase`, or
    /// `None` when it is too early to mention.
    pub fn severity(&self, phase: Phase) -> Option<Severity> {
        let base = match self.stage.due() {
            None => Severity::Error,
            Some(due) => match rank(due) - rank(phase) {
                ..=0 => Severity::Error,
                1 => Severity::Warning,
                2 => Severity::Info,
                _ => return None,
            },
        };
        Some(base.min(self.cap))
    }
}

/// How a need came out for one release: how many of its instances fail.
#[derive(Clone, Copy, Debug)]
pub struct Tally {
    /// The need.
    pub need: &'static Need,
    /// How many places do not meet it (0 when met).
    pub problems: usize,
}

/// What an unmet need says: where to fix it and what is wrong.
pub struct Fail {
    /// The record to fix.
    pub at: Path,
    /// The field to fix, if one.
    pub field: Option<&'static str>,
    /// What is wrong.
    pub message: String,
}

impl Fail {
    /// A failure at `at`, field `field`.
    pub fn new(at: Path, field: &'static str, message: String) -> Self {
        Self { at, field: Some(field), message }
    }

    /// A failure at a record (or list) as a whole.
    pub fn whole(at: Path, message: String) -> Self {
        Self { at, field: None, message }
    }
}

/// Where findings go, and (for the gate) which need each came from.
pub struct Sink<'s> {
    /// The findings.
    pub findings: &'s mut Vec<Finding>,
    /// For the gate: the need of each finding, and the tally of needs.
    pub gate: Option<(&'s mut Vec<&'static Need>, &'s mut Vec<Tally>)>,
}

/// One release being checked.
pub struct Ctx<'a, 's> {
    /// The book.
    pub book: &'a Book,
    /// Look-ups into the book.
    pub ix: &'a Index<'a>,
    /// Today, for dates that have passed.
    pub today: Date,
    /// The release.
    pub r: &'a Release,
    /// The phase the release is judged in (its own, or the one a gate moves it to).
    pub phase: Phase,
    /// Whether the release's type takes the emergency fast path.
    pub emergency: bool,
    /// The furthest phase a recorded gate override let the release into, and that decision.
    overridden: Option<(Phase, &'a Id)>,
    sink: Sink<'s>,
}

impl<'a, 's> Ctx<'a, 's> {
    /// Checks `r` as if it were in `phase`.
    pub fn new(book: &'a Book, ix: &'a Index<'a>, today: Date, r: &'a Release, phase: Phase, sink: Sink<'s>) -> Self {
        let emergency = ix.types.get(&r.release_type).is_some_and(|t| t.emergency);
        Self { book, ix, today, r, phase, emergency, overridden: overridden_to(r), sink }
    }

    /// The release's place in the book, built only when a finding needs it.
    pub fn here(&self) -> Here<'a> {
        Here(&self.r.id)
    }

    /// Whether the release is judged as being in `phase` or later.
    pub fn reached(&self, phase: Phase) -> bool {
        self.phase >= phase
    }

    /// Whether the release is judged in a phase other than its own (a gate).
    pub fn hypothetical(&self) -> bool {
        self.phase != self.r.phase
    }

    /// Records that a need was looked at and how many places fail it.
    fn tally(&mut self, need: &'static Need, problems: usize) {
        if let Some((_, tally)) = &mut self.sink.gate {
            match tally.iter_mut().find(|t| std::ptr::eq(t.need, need)) {
                Some(t) => t.problems += problems,
                None => tally.push(Tally { need, problems }),
            }
        }
    }

    /// Notes a need as looked at, with nothing wrong (yet).
    pub fn touch(&mut self, need: &'static Need) {
        self.tally(need, 0);
    }

    /// Checks one instance of a need: when `ok` is false, reports the
    /// failure `fail` describes, at the severity the phase gives it.
    pub fn check(&mut self, need: &'static Need, ok: bool, fail: impl FnOnce() -> Fail) {
        self.tally(need, usize::from(!ok));
        if !ok {
            self.report(need, fail);
        }
    }

    /// Reports a failure of `need` without counting it again.
    fn report(&mut self, need: &'static Need, fail: impl FnOnce() -> Fail) {
        let Some(mut severity) = need.severity(self.phase) else { return };
        let Fail { at, field, mut message } = fail();
        if severity == Severity::Error
            && let (Some(due), Some((into, decision))) = (need.stage.due(), self.overridden)
            && due <= into
        {
            severity = Severity::Warning;
            message.push_str(&format!(" The gate into {} was overridden by decision {decision}.", into.label()));
        }
        self.sink.findings.push(Finding {
            rule: need.rule,
            clause: need.clause,
            severity,
            release: Some(self.r.id.clone()),
            at,
            field: field.map(Into::into),
            message,
            position: None,
        });
        if let Some((needs, _)) = &mut self.sink.gate {
            needs.push(need);
        }
    }

    /// Checks a need over a list: each item for which `bad` holds fails.
    /// While the need is only information, one finding sums them up
    /// (`many`, given the count and the first bad item); otherwise each
    /// bad item gets its own finding (`one`).
    pub fn each<T>(
        &mut self,
        need: &'static Need,
        items: &[T],
        bad: impl Fn(&T) -> bool,
        one: impl Fn(&T) -> Fail,
        many: impl FnOnce(usize, &T) -> Fail,
    ) {
        let count = items.iter().filter(|x| bad(x)).count();
        self.tally(need, count);
        let Some(first) = items.iter().find(|x| bad(x)) else { return };
        if count > 1 && need.severity(self.phase) == Some(Severity::Info) {
            self.report(need, || many(count, first));
        } else {
            for item in items.iter().filter(|x| bad(x)) {
                self.report(need, || one(item));
            }
        }
    }
}

/// The furthest phase a complete gate-override decision of this release
/// lets it into: the decision's title names the phase, as the gate dialog
/// writes it ("Gate override: enter Deployment").
fn overridden_to(r: &Release) -> Option<(Phase, &Id)> {
    r.decisions
        .iter()
        .filter(|d| d.kind == DecisionKind::GateOverride && super::gates::override_complete(d))
        .filter_map(|d| {
            let title = d.title.to_lowercase();
            let phase = Phase::ALL.into_iter().rev().find(|p| title.contains(&p.label().to_lowercase()))?;
            Some((phase, &d.id))
        })
        .max_by_key(|(p, _)| *p)
}

/// The place of a release in the book; a path is only built (and
/// allocated) when a finding needs one.
#[derive(Clone, Copy, Debug)]
pub struct Here<'a>(pub &'a Id);

impl Here<'_> {
    /// `releases[ID]`.
    pub fn path(self) -> Path {
        // Room for the steps a finding adds, so that they do not reallocate.
        Path(Vec::with_capacity(4)).item("releases", self.0)
    }

    /// `releases[ID].name`.
    pub fn field(self, name: &str) -> Path {
        self.path().field(name)
    }

    /// `releases[ID].list[ITEM]`.
    pub fn item(self, list: &str, id: &Id) -> Path {
        self.path().item(list, id)
    }
}

/// A date as people write it: "Sun 29 Nov 2026".
pub fn day(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// Whether a text field is blank (only white space).
pub fn blank(s: &str) -> bool {
    // Most texts start with a plain letter; only look further when not.
    match s.bytes().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// Ids as a short list: "AC-1, AC-4 and AC-5", or the first few and "…".
pub fn id_list<'x>(ids: impl Iterator<Item = &'x Id>) -> String {
    let ids: Vec<&Id> = ids.collect();
    let shown: Vec<String> = ids.iter().take(4).map(|i| i.to_string()).collect();
    match (ids.len(), shown.split_last()) {
        (_, None) => String::new(),
        (1, Some((last, _))) => last.clone(),
        (n, Some((last, rest))) if n <= 4 => format!("{} and {last}", rest.join(", ")),
        (n, _) => format!("{} and {} more", shown.join(", "), n - shown.len()),
    }
}

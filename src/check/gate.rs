//! The phase gate (R16): what moving a release into its next phase
//! requires, which of it is met, and what blocks the move.
//!
//! The gate asks the process rules one question: which of the release's
//! needs would be broken *if it were already in the phase it is moving to*.
//! The errors in that answer block the move; the needs due at this gate
//! are its criteria, each met or not. So the gate and the checks can never
//! disagree.

use super::rules::{Need, Stage, judge};
use super::{Finding, Severity};
use crate::model::{Book, Id, Phase};
use jiff::civil::Date;

/// Which side of the gate a criterion belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// An exit criterion of the phase being left.
    Exit,
    /// An entry criterion of the phase being entered.
    Entry,
    /// Due at an earlier gate and still not met.
    Earlier,
}

impl Side {
    /// A heading for people.
    pub fn label(self) -> &'static str {
        match self {
            Side::Exit => "Exit criteria",
            Side::Entry => "Entry criteria",
            Side::Earlier => "Still open from earlier gates",
        }
    }
}

/// One criterion of the gate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateCriterion {
    /// The rule it comes from, e.g. `R4`.
    pub rule: &'static str,
    /// The clause, e.g. `8.5.3 c`.
    pub clause: &'static str,
    /// The criterion in a few words.
    pub label: &'static str,
    /// Exit, entry or earlier.
    pub side: Side,
    /// How many places do not meet it (0 when met).
    pub problems: usize,
    /// How serious an unmet criterion is at this gate (`Error` blocks).
    pub severity: Severity,
}

impl GateCriterion {
    /// Whether it is met.
    pub fn met(&self) -> bool {
        self.problems == 0
    }
}

/// A finding that blocks the move, and how to resolve it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    /// What is wrong, and where.
    pub finding: Finding,
    /// How to resolve it.
    pub fix: &'static str,
}

/// The gate between a release's phase and the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gate {
    /// The release.
    pub release: Id,
    /// The phase it is in.
    pub from: Phase,
    /// The phase it would enter.
    pub to: Phase,
    /// Whether the release takes the emergency fast path.
    pub emergency: bool,
    /// Whether the policy makes a blocked move need a recorded decision.
    pub enforce: bool,
    /// The criteria, exit first, then entry, then those left from earlier gates.
    pub criteria: Vec<GateCriterion>,
    /// What blocks the move.
    pub blocking: Vec<Blocker>,
    /// What should be fixed but does not block, with how.
    pub warnings: Vec<Blocker>,
}

impl Gate {
    /// Whether the move needs a recorded decision to go ahead.
    pub fn is_blocked(&self) -> bool {
        self.enforce && !self.blocking.is_empty()
    }

    /// How many criteria are met, out of how many.
    pub fn met_count(&self) -> (usize, usize) {
        (self.criteria.iter().filter(|c| c.met()).count(), self.criteria.len())
    }
}

/// The gate for moving `release` into `to`, as of `today`.
pub fn gate(book: &Book, release: &Id, to: Phase, today: Date) -> Gate {
    let enforce = book.policy.gates.enforce;
    let Some(r) = book.release(release) else {
        return Gate {
            release: release.clone(),
            from: to,
            to,
            emergency: false,
            enforce,
            criteria: Vec::new(),
            blocking: Vec::new(),
            warnings: Vec::new(),
        };
    };
    let mut g = Gate {
        release: release.clone(),
        from: r.phase,
        to,
        emergency: false,
        enforce,
        criteria: Vec::new(),
        blocking: Vec::new(),
        warnings: Vec::new(),
    };
    if to <= r.phase {
        return g;
    }
    let judgement = judge(book, r, to, today);
    g.emergency = judgement.emergency;
    for t in &judgement.tally {
        let Some(severity) = t.need.severity(to) else { continue };
        let side = match (t.need.stage, t.need.stage.due()) {
            (Stage::Exit(_), Some(due)) if due == to => Side::Exit,
            (Stage::Entry(_), Some(due)) if due == to => Side::Entry,
            _ if t.problems > 0 && severity == Severity::Error => Side::Earlier,
            _ => continue,
        };
        g.criteria.push(criterion(t.need, side, t.problems, severity));
    }
    g.criteria.sort_by_key(|c| c.side);
    for (finding, need) in judgement.findings {
        let blocker = Blocker { finding, fix: need.fix };
        match blocker.finding.severity {
            Severity::Error => g.blocking.push(blocker),
            Severity::Warning => g.warnings.push(blocker),
            Severity::Info => {}
        }
    }
    g
}

fn criterion(need: &'static Need, side: Side, problems: usize, severity: Severity) -> GateCriterion {
    GateCriterion { rule: need.rule, clause: need.clause, label: need.label, side, problems, severity }
}

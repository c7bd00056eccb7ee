//! The ISO/IEC 20000 process rules R1–R20 and the risk gate G1, as pure
//! functions over the book.
//!
//! Each rule is a set of [`Need`]s: things a release must have by a
//! certain phase (see `context` for how a need's severity follows the
//! release's phase). The files group the rules by the part of the plan
//! they read:
//!
//! | file | rules |
//! |---|---|
//! | `policy` | R1 release types and cadence, R14 naming |
//! | `scope` | R2 changes and known errors, R10 change authorisation, R12 emergency changes |
//! | `plan` | R3 deployment plan, R9 dates for other processes, R15 DML, R6 baseline |
//! | `acceptance` | R4 criteria and approval, R5 waivers, R19 go/no-go, R12 ECAB approval |
//! | `readiness` | R13 backout, R18 stakeholder agreement |
//! | `blackout` | R17 blackout windows |
//! | `review` | R7 outcome and early life support, R8 conclusions, R11 review held, R20 review complete |
//! | `gates` | R16 the record gates leave |
//! | `risk_gate` | G1 the risk gate |
//!
//! A recorded, complete gate-override decision turns the errors it
//! overrode into warnings, so that a book with a decided exception is not
//! reported as broken for ever.

mod acceptance;
mod blackout;
mod context;
mod gates;
mod index;
mod plan;
mod policy;
mod readiness;
mod review;
mod risk_gate;
mod scope;

pub use context::{Need, Stage, Tally};
pub use policy::{follows_convention, release_day};
pub use risk_gate::{acceptance, acceptance_draft, acceptance_missing, held_at_gate, unfinished_acceptance};

use super::Finding;
use crate::model::{Book, Phase, Release};
use context::{Ctx, Sink};
pub(crate) use index::Index;
use jiff::civil::Date;

/// Every process finding in the book, as of `today`.
pub fn process_findings(book: &Book, today: Date) -> Vec<Finding> {
    let ix = Index::new(book, None);
    let mut out = Vec::with_capacity(book.releases.len() * 4);
    book_findings(book, today, &mut out);
    for r in &book.releases {
        release_findings(book, &ix, today, r, &mut out);
    }
    out
}

/// The rules about the book as a whole (R1's policy and cadence).
pub(crate) fn book_findings(book: &Book, today: Date, out: &mut Vec<Finding>) {
    policy::book_rules(book, today, out);
}

/// The rules about one release in its own phase; [`process_findings`] is
/// [`book_findings`] then this for each release, with one [`Index`].
pub(crate) fn release_findings<'a>(
    book: &'a Book,
    ix: &'a Index<'a>,
    today: Date,
    r: &'a Release,
    out: &mut Vec<Finding>,
) {
    let sink = Sink { findings: out, gate: None };
    release_rules(&mut Ctx::new(book, ix, today, r, r.phase, sink));
}

/// One release judged as if it were in `phase`: its findings, the need
/// behind each, and the tally of every need looked at. The phase gate
/// builds on this.
pub fn judge(book: &Book, release: &Release, phase: Phase, today: Date) -> Judgement {
    let ix = Index::new(book, Some(&release.id));
    let (mut findings, mut needs, mut tally) = (Vec::new(), Vec::new(), Vec::new());
    let sink = Sink { findings: &mut findings, gate: Some((&mut needs, &mut tally)) };
    release_rules(&mut Ctx::new(book, &ix, today, release, phase, sink));
    let emergency = ix.types.get(&release.release_type).is_some_and(|t| t.emergency);
    Judgement { findings: findings.into_iter().zip(needs).collect(), tally, emergency }
}

/// What [`judge`] found.
#[derive(Debug)]
pub struct Judgement {
    /// Each finding with the need it breaks.
    pub findings: Vec<(Finding, &'static Need)>,
    /// Every need looked at, with its number of problems.
    pub tally: Vec<Tally>,
    /// Whether the release takes the emergency fast path.
    pub emergency: bool,
}

fn release_rules(cx: &mut Ctx<'_, '_>) {
    policy::naming(cx);
    scope::check(cx);
    plan::check(cx);
    acceptance::check(cx);
    readiness::check(cx);
    blackout::check(cx);
    risk_gate::check(cx);
    review::check(cx);
    gates::check(cx);
}

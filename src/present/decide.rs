//! Decisions taken live in a walkthrough, each turned into one named edit.
//!
//! The edit's name is the line the audit trail and the minutes show, so it
//! says in words what was decided, about which release, by whom.

use crate::edit::{Edit, Path};
use crate::model::{
    Action, Approval, ApprovalDecision, Book, CriterionStatus, GoNoGoVerdict, Id, IdKind, Release, Risk, RiskCategory,
    Role, Vote,
};
use crate::present::blocks::short;
use jiff::Timestamp;
use jiff::civil::Date;

/// A decision a meeting takes about one release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// An acceptance criterion is met, with the evidence given in the room.
    CriterionMet {
        /// The criterion.
        criterion: Id,
        /// Evidence (kept as it was when empty).
        evidence: String,
    },
    /// An approver gives their decision.
    Approval {
        /// The approval to complete, or `None` to add one.
        approval: Option<Id>,
        /// Who.
        person: Id,
        /// In which role (a new approval only).
        role: Option<Role>,
        /// Approved, approved with conditions, or rejected.
        decision: ApprovalDecision,
        /// Conditions or remarks.
        note: String,
    },
    /// An attendee votes go or no-go.
    Vote {
        /// Who.
        person: Id,
        /// Their vote.
        verdict: GoNoGoVerdict,
        /// Their reasons.
        note: String,
    },
    /// The go/no-go verdict is signed.
    Verdict {
        /// Go or no-go.
        verdict: GoNoGoVerdict,
        /// Who signs it.
        signed_by: Id,
    },
    /// An action item is agreed.
    ActionItem {
        /// What is to be done.
        title: String,
        /// Who does it.
        owner: Option<Id>,
        /// By when.
        due: Option<Date>,
    },
    /// A new risk is raised.
    Risk {
        /// Short title.
        title: String,
        /// Its category.
        category: RiskCategory,
        /// Likelihood on the policy's scale.
        likelihood: u8,
        /// Impact on the policy's scale.
        impact: u8,
        /// Who owns it.
        owner: Option<Id>,
    },
}

/// Why a decision could not be recorded, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotRecorded(pub String);

fn refuse<T>(text: impl Into<String>) -> Result<T, NotRecorded> {
    Err(NotRecorded(text.into()))
}

/// The edit that records `decision` about `release` at `now`.
pub fn edit(book: &Book, release: &Id, decision: &Decision, now: Timestamp) -> Result<Edit, NotRecorded> {
    let Some(r) = book.release(release) else { return refuse(format!("There is no release {release}.")) };
    let at = Path::root().item("releases", &r.id);
    let name_of = |p: &Id| book.person(p).map_or_else(|| p.to_string(), |x| x.name.clone());
    let (name, edits) = match decision {
        Decision::CriterionMet { criterion, evidence } => {
            let Some(c) = r.criteria.iter().find(|c| &c.id == criterion) else {
                return refuse(format!("There is no criterion {criterion} in {}.", r.id));
            };
            if c.status == CriterionStatus::Met {
                return refuse(format!("{criterion} is already met."));
            }
            let cat = at.clone().item("criteria", criterion);
            let mut edits = vec![Edit::set(cat.clone(), "status", &CriterionStatus::Met)];
            let mut name = format!("{}: criterion {criterion} marked met — “{}”", r.id, short(&c.description, 70));
            if !evidence.trim().is_empty() {
                edits.push(Edit::set(cat, "evidence", evidence.trim()));
                name.push_str(&format!(" (evidence: {})", short(evidence, 60)));
            }
            (name, edits)
        }
        Decision::Approval { approval, person, role, decision, note } => {
            approval_edits(book, r, &at, approval.as_ref(), person, *role, *decision, note, now)?
        }
        Decision::Vote { person, verdict, note } => {
            let existing = r.go_no_go.votes.iter().find(|v| v.person.as_ref() == Some(person));
            let g = at.clone().field("go_no_go");
            let edits = match existing {
                Some(v) => {
                    let vat = g.item("votes", &v.id);
                    let mut e = vec![
                        Edit::set(vat.clone(), "verdict", &Some(*verdict)),
                        Edit::set(vat.clone(), "at", &Some(now)),
                    ];
                    if !note.trim().is_empty() {
                        e.push(Edit::set(vat, "note", note.trim()));
                    }
                    e
                }
                None => {
                    let vote = Vote {
                        id: book.ledger.peek_id(IdKind::Vote),
                        person: Some(person.clone()),
                        verdict: Some(*verdict),
                        note: note.trim().to_owned(),
                        at: Some(now),
                    };
                    vec![Edit::insert(g, "votes", r.go_no_go.votes.len(), &vote)]
                }
            };
            let mut name = format!("{}: {} voted {}", r.id, name_of(person), verdict.label().to_lowercase());
            if !note.trim().is_empty() {
                name.push_str(&format!(" — {}", short(note, 80)));
            }
            (name, edits)
        }
        Decision::Verdict { verdict, signed_by } => {
            let g = at.clone().field("go_no_go");
            let edits = vec![
                Edit::set(g.clone(), "verdict", &Some(*verdict)),
                Edit::set(g.clone(), "signed_by", &Some(signed_by.clone())),
                Edit::set(g, "signed_at", &Some(now)),
            ];
            (format!("{}: go/no-go verdict {}, signed by {}", r.id, verdict.label(), name_of(signed_by)), edits)
        }
        Decision::ActionItem { title, owner, due } => {
            if title.trim().is_empty() {
                return refuse("Say what the action is.");
            }
            let item = Action {
                id: book.ledger.peek_id(IdKind::Action),
                title: title.trim().to_owned(),
                owner: owner.clone(),
                due: *due,
                done: false,
            };
            let mut name = format!("{}: action item {} “{}”", r.id, item.id, short(title, 80));
            name.push_str(&match owner {
                Some(p) => format!(" for {}", name_of(p)),
                None => " (no owner yet)".to_owned(),
            });
            if let Some(d) = due {
                name.push_str(&format!(", due {}", d.strftime("%-d %b %Y")));
            }
            (name, vec![Edit::insert(at.clone(), "actions", r.actions.len(), &item)])
        }
        Decision::Risk { title, category, likelihood, impact, owner } => {
            if title.trim().is_empty() {
                return refuse("Give the risk a title.");
            }
            let policy = &book.policy.risk;
            let scale = crate::risk::scale_of(policy);
            let (l, i) = ((*likelihood).clamp(1, scale), (*impact).clamp(1, scale));
            let risk = Risk {
                id: book.ledger.peek_id(IdKind::Risk),
                title: title.trim().to_owned(),
                category: *category,
                likelihood: l,
                impact: i,
                residual_likelihood: l,
                residual_impact: i,
                owner: owner.clone(),
                releases: vec![r.id.clone()],
                ..Risk::default()
            };
            let score = l * i;
            let mut name = format!(
                "{}: new risk {} “{}” ({}, {l} × {i} = {score} {})",
                r.id,
                risk.id,
                short(title, 80),
                category.label().to_lowercase(),
                policy.band(score).label()
            );
            if let Some(p) = owner {
                name.push_str(&format!(", owner {}", name_of(p)));
            }
            (name, vec![Edit::insert(Path::root(), "risks", book.risks.len(), &risk)])
        }
    };
    let edits = edits.into_iter().collect::<Result<Vec<_>, _>>().map_err(|e| NotRecorded(e.to_string()))?;
    Ok(Edit::Group { name, edits })
}

/// The edits of an approval: the given one, or the person's pending one,
/// completed; otherwise a new approval.
#[allow(clippy::too_many_arguments, reason = "the fields of one decision, passed apart")]
fn approval_edits(
    book: &Book,
    r: &Release,
    at: &Path,
    approval: Option<&Id>,
    person: &Id,
    role: Option<Role>,
    decision: ApprovalDecision,
    note: &str,
    now: Timestamp,
) -> Result<(String, Vec<Result<Edit, crate::edit::EditError>>), NotRecorded> {
    if decision == ApprovalDecision::Pending {
        return refuse("Choose approved, approved with conditions or rejected.");
    }
    let existing = match approval {
        Some(id) => match r.approvals.iter().find(|a| &a.id == id) {
            Some(a) => Some(a),
            None => return refuse(format!("There is no approval {id} in {}.", r.id)),
        },
        None => {
            r.approvals.iter().find(|a| a.person.as_ref() == Some(person) && a.decision == ApprovalDecision::Pending)
        }
    };
    let role = existing.and_then(|a| a.role).or(role);
    let edits = match existing {
        Some(a) => {
            let aat = at.clone().item("approvals", &a.id);
            let mut e = vec![Edit::set(aat.clone(), "decision", &decision), Edit::set(aat.clone(), "at", &Some(now))];
            if a.person.as_ref() != Some(person) {
                e.push(Edit::set(aat.clone(), "person", &Some(person.clone())));
            }
            if !note.trim().is_empty() {
                e.push(Edit::set(aat, "note", note.trim()));
            }
            e
        }
        None => {
            let new = Approval {
                id: book.ledger.peek_id(IdKind::Approval),
                person: Some(person.clone()),
                role,
                decision,
                at: Some(now),
                note: note.trim().to_owned(),
            };
            vec![Edit::insert(at.clone(), "approvals", r.approvals.len(), &new)]
        }
    };
    let who = book.person(person).map_or_else(|| person.to_string(), |p| p.name.clone());
    let role = role.map_or_else(String::new, |r| format!(" ({})", r.label()));
    let verb = match decision {
        ApprovalDecision::Approved => "approved the release",
        ApprovalDecision::Conditional => "approved the release with conditions",
        ApprovalDecision::Rejected => "rejected the release",
        ApprovalDecision::Pending => "left the approval pending",
    };
    let mut name = format!("{}: {who}{role} {verb}", r.id);
    if !note.trim().is_empty() {
        name.push_str(&format!(" — {}", short(note, 80)));
    }
    Ok((name, edits))
}

#[cfg(test)]
mod tests;

//! A walkthrough's place in the audit trail.
//!
//! Starting the walkthrough adds a "Walkthrough started" entry (naming the
//! deck and its releases) and leaving it adds "Walkthrough ended". The
//! edits between the two are what the meeting decided; an edit undone
//! during the meeting is taken back out, and redone, put back. So the
//! minutes can be cut from the book file alone, by the window or by
//! `relplan export --to minutes`.

use crate::model::{AuditEntry, AuditKind, Id};

const STARTED: &str = "Walkthrough started: ";
const ENDED: &str = "Walkthrough ended: ";

/// The audit text that opens a walkthrough of the deck `title` covering `releases`.
pub fn started_text(title: &str, releases: &[Id]) -> String {
    let ids: Vec<&str> = releases.iter().map(Id::as_str).collect();
    format!("{STARTED}{title} [{}]", ids.join(", "))
}

/// The audit text that closes a walkthrough of the deck `title`.
pub fn ended_text(title: &str) -> String {
    format!("{ENDED}{title}")
}

/// One walkthrough found in the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting<'a> {
    /// The deck's title.
    pub title: String,
    /// The releases it covered.
    pub releases: Vec<Id>,
    /// The entry that opened it.
    pub started: &'a AuditEntry,
    /// The entry that closed it, unless it is still going on (or was never closed).
    pub ended: Option<&'a AuditEntry>,
    /// What it decided, oldest first, without what was undone.
    pub decisions: Vec<&'a AuditEntry>,
}

/// Whether an entry opens a walkthrough.
fn is_start(e: &AuditEntry) -> bool {
    e.kind == AuditKind::Meeting && e.what.starts_with(STARTED)
}

/// The last walkthrough in the audit trail, if any.
pub fn last_meeting(audit: &[AuditEntry]) -> Option<Meeting<'_>> {
    meeting_at(audit, audit.iter().rposition(is_start)?)
}

/// The walkthrough opened by the entry at `start`, if that entry opens one.
pub fn meeting_at(audit: &[AuditEntry], start: usize) -> Option<Meeting<'_>> {
    let started = audit.get(start).filter(|e| is_start(e))?;
    let (title, releases) = parse_start(&started.what);
    let mut ended = None;
    let mut decisions: Vec<&AuditEntry> = Vec::new();
    let mut undone: Vec<&AuditEntry> = Vec::new();
    for e in audit.iter().skip(start + 1) {
        match e.kind {
            AuditKind::Meeting if e.what.starts_with(ENDED) => {
                ended = Some(e);
                break;
            }
            AuditKind::Meeting if e.what.starts_with(STARTED) => break,
            AuditKind::Edit | AuditKind::Import => decisions.push(e),
            AuditKind::Undo => {
                let name = e.what.strip_prefix("Undo: ").unwrap_or(&e.what);
                if let Some(i) = decisions.iter().rposition(|d| d.what == name) {
                    undone.push(decisions.remove(i));
                }
            }
            AuditKind::Redo => {
                let name = e.what.strip_prefix("Redo: ").unwrap_or(&e.what);
                if let Some(i) = undone.iter().rposition(|d| d.what == name) {
                    undone.remove(i);
                    // Redone now: it counts from the time it was redone.
                    decisions.push(e);
                }
            }
            AuditKind::Created | AuditKind::Meeting => {}
        }
    }
    Some(Meeting { title, releases, started, ended, decisions })
}

/// The deck's title and releases from a start entry's text.
fn parse_start(what: &str) -> (String, Vec<Id>) {
    let rest = what.strip_prefix(STARTED).unwrap_or(what);
    match rest.rsplit_once(" [") {
        Some((title, ids)) => {
            let ids = ids.trim_end_matches(']');
            let releases = ids.split(", ").filter(|s| !s.trim().is_empty()).map(|s| Id::from(s.trim())).collect();
            (title.to_owned(), releases)
        }
        None => (rest.to_owned(), Vec::new()),
    }
}

/// The text of a decision as the minutes show it (a redone edit without its "Redo: ").
pub fn decision_text(e: &AuditEntry) -> &str {
    if e.kind == AuditKind::Redo { e.what.strip_prefix("Redo: ").unwrap_or(&e.what) } else { &e.what }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(minute: i64, kind: AuditKind, what: &str) -> AuditEntry {
        let at = jiff::Timestamp::from_second(1_795_000_000 + minute * 60).unwrap_or_default();
        AuditEntry { at, who: "Claire Donovan".into(), kind, what: what.into() }
    }

    #[test]
    fn the_last_meeting_keeps_what_stayed_decided() {
        let rel = [Id::from("REL-4"), Id::from("REL-5")];
        let audit = vec![
            entry(0, AuditKind::Edit, "Set name of REL-1 to “x”"),
            entry(1, AuditKind::Meeting, &started_text("Upcoming releases", &rel)),
            entry(2, AuditKind::Edit, "REL-5: criterion AC-22 marked met"),
            entry(3, AuditKind::Edit, "REL-5: Rajesh Iyer voted go"),
            entry(4, AuditKind::Undo, "Undo: REL-5: Rajesh Iyer voted go"),
            entry(5, AuditKind::Edit, "REL-5: action item ACT-9"),
            entry(6, AuditKind::Undo, "Undo: REL-5: action item ACT-9"),
            entry(7, AuditKind::Redo, "Redo: REL-5: action item ACT-9"),
            entry(8, AuditKind::Meeting, &ended_text("Upcoming releases")),
            entry(9, AuditKind::Edit, "Set name of REL-2 to “y”"),
        ];
        let m = last_meeting(&audit).expect("a meeting");
        assert_eq!(m.title, "Upcoming releases");
        assert_eq!(m.releases, rel);
        let said: Vec<&str> = m.decisions.iter().map(|e| decision_text(e)).collect();
        assert_eq!(said, ["REL-5: criterion AC-22 marked met", "REL-5: action item ACT-9"]);
        assert_eq!(m.decisions[1].at, audit[7].at, "a redone decision counts from when it was redone");
        assert_eq!(m.ended.map(|e| e.at), Some(audit[8].at));
    }

    #[test]
    fn a_book_without_walkthroughs_has_no_meeting() {
        assert!(last_meeting(&[entry(0, AuditKind::Edit, "Set name of REL-1 to “x”")]).is_none());
    }
}

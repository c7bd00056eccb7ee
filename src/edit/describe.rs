//! Names of edits, as they appear in the undo list and the audit trail.

use super::{Edit, Path};
use crate::model::{Id, IdKind};

impl Edit {
    /// A name for this edit that a release manager can read, such as
    /// "Set likelihood of RISK-12 to 4" or "Add runbook step STEP-9 to DEP-2".
    pub fn describe(&self) -> String {
        match self {
            Edit::Set { at, field, value } => {
                format!("Set {} of {} to {}", words(field), subject(at), short_value(value))
            }
            Edit::Insert { at, id, .. } => format!("Add {} {id}{}", noun(id), to_subject(at)),
            Edit::Remove { at, id, .. } => format!("Delete {} {id}{}", noun(id), from_subject(at)),
            Edit::Move { id, index, .. } => format!("Move {} {id} to position {}", noun(id), index + 1),
            Edit::Group { name, .. } => name.clone(),
        }
    }
}

/// What a path names: the innermost id plus any nested record, or the book.
fn subject(at: &Path) -> String {
    let tail = at.tail_fields().into_iter().map(words).collect::<Vec<_>>().join(" ");
    match (at.last_id(), tail.is_empty()) {
        (Some(id), true) => id.to_string(),
        (Some(id), false) => format!("{id} {tail}"),
        (None, true) => "the book".to_owned(),
        (None, false) => format!("the {tail}"),
    }
}

fn to_subject(at: &Path) -> String {
    if at.0.is_empty() { String::new() } else { format!(" to {}", subject(at)) }
}

fn from_subject(at: &Path) -> String {
    if at.0.is_empty() { String::new() } else { format!(" from {}", subject(at)) }
}

fn noun(id: &Id) -> &'static str {
    id.number().and_then(|(prefix, _)| IdKind::from_prefix(prefix)).map_or("entry", IdKind::noun)
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

/// A value shortened for display: `Some(…)` removed, text in quotes, cut at 40 characters.
fn short_value(ron: &str) -> String {
    let mut v = ron.trim();
    if let Some(inner) = v.strip_prefix("Some(").and_then(|s| s.strip_suffix(')')) {
        v = inner;
    }
    if v == "None" || v == "\"\"" {
        return "nothing".to_owned();
    }
    let quoted = v.len() >= 2 && v.starts_with('"') && v.ends_with('"');
    let text = if quoted { &v[1..v.len() - 1] } else { v };
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    if quoted { format!("“{out}”") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_like_a_sentence() {
        let e = Edit::Set {
            at: Path::root().item("risks", &Id::from("RISK-12")),
            field: "likelihood".into(),
            value: "4".into(),
        };
        assert_eq!(e.describe(), "Set likelihood of RISK-12 to 4");
        let e = Edit::Set {
            at: Path::root().item("releases", &Id::from("REL-3")),
            field: "name".into(),
            value: "\"Payments 2027.03\"".into(),
        };
        assert_eq!(e.describe(), "Set name of REL-3 to “Payments 2027.03”");
        let e = Edit::Remove {
            at: Path::root().item("releases", &Id::from("REL-3")).item("deployments", &Id::from("DEP-2")),
            list: "steps".into(),
            id: Id::from("STEP-9"),
        };
        assert_eq!(e.describe(), "Delete runbook step STEP-9 from DEP-2");
        let e = Edit::Set { at: Path::root().field("policy"), field: "naming_convention".into(), value: "None".into() };
        assert_eq!(e.describe(), "Set naming convention of the policy to nothing");
    }
}

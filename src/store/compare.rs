//! What differs between two versions of a book (the one open in the window
//! and the one on disk), place by place, for people to decide which to keep.

use crate::model::Book;
use serde_json::Value;

/// One difference between two books.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// Where: the entity and field, e.g. `releases › REL-4 “Payments 2027.03.1” › version`.
    pub place: String,
    /// The value in the first book ("mine"), shortened; `—` when absent.
    pub mine: String,
    /// The value in the second book ("theirs"), shortened; `—` when absent.
    pub theirs: String,
}

/// Values longer than this many characters are cut short.
const SHOWN_CHARS: usize = 80;

/// The differences between two books, in the order of the book's parts.
/// Records in lists are matched by their id, so a record that moved is
/// not reported as changed. The id counters are left out; the audit trail
/// is compared by its length.
pub fn compare(mine: &Book, theirs: &Book) -> Vec<Difference> {
    let (Ok(a), Ok(b)) = (serde_json::to_value(mine), serde_json::to_value(theirs)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(&mut Vec::new(), Some(&a), Some(&b), &mut out);
    out
}

fn walk(place: &mut Vec<String>, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<Difference>) {
    if a == b {
        return;
    }
    let at = place.iter().map(String::as_str).collect::<Vec<_>>();
    match at.as_slice() {
        ["ledger", "last_ids"] => return,
        ["ledger", "audit"] => {
            let count = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
            out.push(Difference {
                place: "audit trail".to_owned(),
                mine: format!("{} entries", count(a)),
                theirs: format!("{} entries", count(b)),
            });
            return;
        }
        _ => {}
    }
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                place.push(key.clone());
                walk(place, x.get(key), y.get(key), out);
                place.pop();
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) if is_records(x) && is_records(y) => {
            for item in x {
                let id = id_of(item);
                place.push(label(item));
                walk(place, Some(item), y.iter().find(|o| id_of(o) == id), out);
                place.pop();
            }
            for item in y.iter().filter(|o| !x.iter().any(|m| id_of(m) == id_of(o))) {
                place.push(label(item));
                walk(place, None, Some(item), out);
                place.pop();
            }
        }
        _ => out.push(Difference { place: shown_place(place), mine: shown(a), theirs: shown(b) }),
    }
}

/// Whether a list holds records with ids.
fn is_records(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|v| id_of(v).is_some())
}

fn id_of(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

/// A record's id and its name or title.
fn label(v: &Value) -> String {
    let id = id_of(v).unwrap_or("?");
    match ["name", "title"].iter().find_map(|k| v.get(*k).and_then(Value::as_str)).filter(|s| !s.is_empty()) {
        Some(name) => format!("{id} “{}”", cut(name, 40)),
        None => id.to_owned(),
    }
}

fn shown_place(place: &[String]) -> String {
    if place.is_empty() {
        return "book".to_owned();
    }
    place.iter().map(|p| p.replace('_', " ")).collect::<Vec<_>>().join(" › ")
}

/// A value in a few words.
fn shown(v: Option<&Value>) -> String {
    match v {
        None => "—".to_owned(),
        Some(Value::Null) => "(empty)".to_owned(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".to_owned(),
        Some(Value::String(s)) => format!("“{}”", cut(s, SHOWN_CHARS)),
        Some(Value::Object(o)) if o.contains_key("id") => "present".to_owned(),
        Some(Value::Object(o)) => format!("{} fields", o.len()),
        Some(Value::Array(a)) if a.is_empty() => "(none)".to_owned(),
        Some(Value::Array(a)) => {
            let items: Vec<String> = a.iter().take(4).map(|v| cut(&plain(v), 24)).collect();
            let more = if a.len() > 4 { format!(" and {} more", a.len() - 4) } else { String::new() };
            format!("{}{more}", items.join(", "))
        }
        Some(other) => cut(&other.to_string(), SHOWN_CHARS),
    }
}

fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(_) => id_of(v).map_or_else(|| "…".to_owned(), ToOwned::to_owned),
        other => other.to_string(),
    }
}

/// At most `n` characters, with an ellipsis when cut.
fn cut(s: &str, n: usize) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() { format!("{head}…") } else { head }
}

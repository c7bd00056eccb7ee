//! JSON: the whole book for scripts, with the same shape as the book file
//! (`format`, `version`, `book`) and the same field names, so a script can
//! read either. Dates are ISO 8601 text, instants RFC 3339 in UTC.

use crate::model::{Book, Id};
use crate::store::{FORMAT_NAME, FORMAT_VERSION};
use serde::Serialize;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    book: &'a Book,
}

/// The book as pretty-printed JSON. With `release`, only that release and
/// the risks linked to it are kept; the shared records stay.
pub fn to_json(book: &Book, release: Option<&Id>) -> Vec<u8> {
    let filtered;
    let book = match release {
        Some(id) => {
            let mut b = book.clone();
            b.releases.retain(|r| &r.id == id);
            b.risks.retain(|r| r.releases.contains(id));
            filtered = b;
            &filtered
        }
        None => book,
    };
    let mut out = serde_json::to_vec_pretty(&FileOut { format: FORMAT_NAME, version: FORMAT_VERSION, book })
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string().into_bytes());
    out.push(b'\n');
    out
}

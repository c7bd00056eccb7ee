//! Finding where in a book file a path points, for messages with line:column.

use crate::edit::{Path, Step};

/// The byte offset of the record and field a path names, searching the
/// file as Relplan writes it (each entity's `id` first, one field per line).
pub fn locate(text: &str, at: &Path, field: Option<&str>) -> Option<usize> {
    let mut pos = text.find("book:")?;
    for step in &at.0 {
        pos = match step {
            Step::Field(name) => find_key(text, pos, name)?,
            Step::Item(list, id) => {
                let list_at = find_key(text, pos, list)?;
                find_id(text, list_at, id.as_str(), 1)?
            }
        };
    }
    match field {
        Some(f) if f != "id" => find_key(text, pos, f),
        _ => Some(pos),
    }
}

/// The byte offset of the `n`-th (1-based) `id: "…"` with this id after `from`.
pub fn find_id(text: &str, from: usize, id: &str, n: usize) -> Option<usize> {
    let needle = format!("id: \"{id}\"");
    let mut pos = from;
    let mut found = None;
    for _ in 0..n {
        let at = text.get(pos..)?.find(&needle)? + pos;
        found = Some(at);
        pos = at + needle.len();
    }
    found
}

/// The byte offset of the next `key:` after `from`, at the start of a word.
fn find_key(text: &str, from: usize, key: &str) -> Option<usize> {
    let needle = format!("{key}:");
    let mut pos = from;
    loop {
        let found = text.get(pos..)?.find(&needle)? + pos;
        let before = text[..found].chars().next_back();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '"')) {
            return Some(found);
        }
        pos = found + needle.len();
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn finds_a_field_inside_a_listed_entity() {
        let text = "(\n  book: (\n    releases: [\n      (\n        id: \"REL-1\",\n        name: \"a\",\n      ),\n      (\n        id: \"REL-2\",\n        name: \"b\",\n      ),\n    ],\n  ),\n)";
        let at = Path::root().item("releases", &Id::from("REL-2"));
        let off = locate(text, &at, Some("name")).unwrap();
        assert_eq!(line_col(text, off), (10, 9));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("é\nçà x", 7), (2, 3));
    }
}

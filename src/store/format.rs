//! The book file format: a header with the format name and version, then
//! the book, written in a stable order with one field per line.

use crate::model::Book;
use serde::{Deserialize, Serialize};

/// The format name at the top of every book file.
pub const FORMAT_NAME: &str = "relplan-book";

/// The format version this program writes.
pub const FORMAT_VERSION: u32 = 1;

/// The comment line every book file starts with.
pub const FILE_COMMENT: &str =
    "// Relplan release book. Open it with Relplan; when editing by hand, keep every id as it is.";

/// The whole file, for writing.
#[derive(Serialize)]
pub(crate) struct FileOut<'a> {
    pub format: &'static str,
    pub version: u32,
    pub book: &'a Book,
}

/// The whole file, for reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileIn {
    #[allow(dead_code, reason = "checked by the header scan before parsing")]
    pub format: String,
    #[allow(dead_code, reason = "checked by the header scan before parsing")]
    pub version: u32,
    pub book: Book,
}

/// The text of a book file.
pub fn to_text(book: &Book) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .separate_tuple_members(true)
        .enumerate_arrays(false)
        .escape_strings(false)
        .struct_names(false);
    let body = ron::ser::to_string_pretty(&FileOut { format: FORMAT_NAME, version: FORMAT_VERSION, book }, config)?;
    Ok(format!("{FILE_COMMENT}\n{body}\n"))
}

/// The format name and version read from the top of a file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Header {
    pub format: String,
    pub version: u32,
}

/// Reads the header without parsing the rest of the file.
///
/// The file must start (after comments and blank lines) with `(`,
/// `format: "…"` and `version: N`. On failure, returns the byte offset of
/// the problem and what was expected there.
pub(crate) fn scan_header(text: &str) -> Result<Header, (usize, String)> {
    let mut s = Scanner { text, pos: 0 };
    s.skip_trivia();
    // An optional struct name before the parenthesis.
    while s.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
        s.pos += 1;
    }
    s.skip_trivia();
    s.expect("(", "a Relplan book to start with “(”")?;
    s.skip_trivia();
    s.expect("format", "the book to begin with its format name (format: \"relplan-book\")")?;
    s.skip_trivia();
    s.expect(":", "“:” after format")?;
    s.skip_trivia();
    let format = s.string()?;
    s.skip_trivia();
    s.expect(",", "“,” after the format name")?;
    s.skip_trivia();
    s.expect("version", "the format version after the format name (version: 1)")?;
    s.skip_trivia();
    s.expect(":", "“:” after version")?;
    s.skip_trivia();
    let start = s.pos;
    while s.peek().is_some_and(|c| c.is_ascii_digit()) {
        s.pos += 1;
    }
    let version =
        text[start..s.pos].parse().map_err(|_| (start, "a whole number for the format version".to_owned()))?;
    Ok(Header { format, version })
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_trivia(&mut self) {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                self.pos += trimmed.find("*/").map_or(trimmed.len(), |i| i + 2);
            } else {
                return;
            }
        }
    }

    fn expect(&mut self, token: &str, what: &str) -> Result<(), (usize, String)> {
        if self.text[self.pos..].starts_with(token) {
            self.pos += token.len();
            Ok(())
        } else {
            Err((self.pos, format!("expected {what}")))
        }
    }

    fn string(&mut self) -> Result<String, (usize, String)> {
        let start = self.pos;
        self.expect("\"", "the format name in quotes")?;
        let rest = &self.text[self.pos..];
        let end = rest.find('"').filter(|&i| i <= 64).ok_or((start, "a short format name in quotes".to_owned()))?;
        self.pos += end + 1;
        Ok(rest[..end].to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_read_past_comments() {
        let h = scan_header("// hello\n/* x */ (\n    format: \"relplan-book\",\n    version: 7,\n book: ()").unwrap();
        assert_eq!(h, Header { format: "relplan-book".into(), version: 7 });
    }

    #[test]
    fn missing_header_points_at_the_problem() {
        let (at, what) = scan_header("(\n  book: ()").unwrap_err();
        assert_eq!(at, 4);
        assert!(what.contains("format name"), "{what}");
    }
}

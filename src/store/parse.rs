//! Turning the bytes of a file into a book, with clear errors.

use super::error::{LoadError, ParseError};
use super::format::{FORMAT_NAME, FORMAT_VERSION, FileIn, scan_header};
use super::locate::{find_id, line_col, locate};
use crate::check::{Finding, structural_findings};
use crate::model::Book;
use std::path::Path;

/// Nesting deeper than this is refused; real books nest about eight deep.
const NESTING_LIMIT: usize = 64;

/// Findings beyond this many are reported without a line number, so that a
/// badly broken file is still reported quickly.
const LOCATED_FINDINGS_LIMIT: usize = 1000;

/// A book read from a file, with the structural problems found in it.
#[derive(Debug)]
pub struct Parsed {
    /// The book.
    pub book: Book,
    /// Structural problems (dangling references, duplicate ids, impossible
    /// values), each with its place in the file.
    pub findings: Vec<Finding>,
    /// The format version the file had, when older than the current one.
    pub migrated_from: Option<u32>,
    /// The format version the file had, when newer than this program's.
    /// Such a book is shown read-only and never saved back (a newer
    /// Relplan may keep things in it that this one cannot see).
    pub newer_version: Option<u32>,
}

/// Reads a book from the bytes of a file. `origin` names the file in messages.
pub fn parse(bytes: &[u8], origin: &Path) -> Result<Parsed, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = line_col(good, good.len());
        LoadError::Parse(ParseError {
            path: origin.to_owned(),
            line,
            column,
            field: String::new(),
            message: "the file is not UTF-8 text (is it a Relplan book?)".to_owned(),
        })
    })?;
    let header = scan_header(text).map_err(|(offset, message)| {
        let (line, column) = line_col(text, offset);
        LoadError::Parse(ParseError {
            path: origin.to_owned(),
            line,
            column,
            field: String::new(),
            message: format!("this is not a Relplan book: {message}"),
        })
    })?;
    if header.format != FORMAT_NAME {
        return Err(LoadError::Parse(ParseError {
            path: origin.to_owned(),
            line: 1,
            column: 1,
            field: "format".to_owned(),
            message: format!("this is a “{}” file, not a Relplan book (“{FORMAT_NAME}”)", header.format),
        }));
    }
    let book = if header.version > FORMAT_VERSION {
        // A newer file opens (read-only) when everything in it is something
        // this program knows; otherwise it is refused, saying where.
        parse_current(text, origin).map_err(|e| LoadError::NewerVersion {
            path: origin.to_owned(),
            found: header.version,
            supported: FORMAT_VERSION,
            first_unknown: format!("{}:{}: {}", e.line, e.column, e.message),
        })?
    } else {
        super::migrate::read_version(text, header.version, origin).map_err(LoadError::Parse)?
    };
    let mut findings = structural_findings(&book);
    place_findings(text, &mut findings);
    let migrated_from = (header.version < FORMAT_VERSION).then_some(header.version);
    let newer_version = (header.version > FORMAT_VERSION).then_some(header.version);
    Ok(Parsed { book, findings, migrated_from, newer_version })
}

/// Reads text in the current format version.
pub(crate) fn parse_current(text: &str, origin: &Path) -> Result<Book, ParseError> {
    let options = ron::Options::default().with_recursion_limit(NESTING_LIMIT);
    let error = |span: ron::error::Span, field: String, code: &ron::Error| ParseError {
        path: origin.to_owned(),
        line: span.start.line,
        column: span.start.col,
        field,
        message: plain_ron(code),
    };
    let mut de =
        ron::Deserializer::from_str_with_options(text, &options).map_err(|e| error(e.span, String::new(), &e.code))?;
    let result: Result<FileIn, _> = serde_path_to_error::deserialize(&mut de);
    match result {
        Ok(file) => {
            de.end().map_err(|code| {
                let spanned = de.span_error(code);
                error(spanned.span, String::new(), &spanned.code)
            })?;
            Ok(file.book)
        }
        Err(e) => {
            let field = e.path().to_string();
            let spanned = de.span_error(e.into_inner());
            Err(error(spanned.span, if field == "." { String::new() } else { field }, &spanned.code))
        }
    }
}

/// Gives each finding its line and column in the file.
fn place_findings(text: &str, findings: &mut [Finding]) {
    for f in findings.iter_mut().take(LOCATED_FINDINGS_LIMIT) {
        let offset = if f.rule == "S1" {
            // A duplicate id: point at its second use.
            f.at.last_id().and_then(|id| find_id(text, 0, id.as_str(), 2))
        } else {
            locate(text, &f.at, f.field.as_deref())
        };
        f.position = offset.map(|o| line_col(text, o));
    }
}

/// A ron error in plain words.
fn plain_ron(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => {
            format!("the file nests deeper than {NESTING_LIMIT} levels, which no real book does")
        }
        E::Eof => "the file ends too early (was it cut short?)".to_owned(),
        E::NoSuchStructField { found, expected, .. } => {
            format!("there is no field called “{found}” here; the fields are {}", expected.join(", "))
        }
        E::MissingStructField { field, .. } => format!("the field “{field}” is missing"),
        E::DuplicateStructField { field, .. } => format!("the field “{field}” appears twice"),
        E::NoSuchEnumVariant { found, expected, .. } => {
            format!("“{found}” is not allowed here; use one of {}", expected.join(", "))
        }
        E::IntegerOutOfBounds => "the number is too large, or below zero, for this field".to_owned(),
        E::ExpectedInteger => "a whole number is expected here".to_owned(),
        E::ExpectedFloat => "a number is expected here".to_owned(),
        E::ExpectedBoolean => "true or false is expected here".to_owned(),
        E::ExpectedString => "text in double quotes is expected here".to_owned(),
        E::ExpectedStringEnd => "a text is not closed with a double quote".to_owned(),
        E::ExpectedComma => "a comma is missing between two entries".to_owned(),
        E::UnexpectedChar(c) => format!("the character “{}” does not belong here", c.escape_debug()),
        E::TrailingCharacters => "there is more text after the end of the book".to_owned(),
        E::InvalidValueForType { expected, found } => format!("{expected} is expected here, not {found}"),
        other => other.to_string(),
    }
}

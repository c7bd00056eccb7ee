//! CSV export of the risk register.
//!
//! Every register column of the process guide is written, the worked-out
//! scores and bands included, in the register's order. The file is UTF-8
//! with a byte-order mark (so spreadsheets read accents correctly), lines
//! end in CRLF, and `;` can replace `,` for spreadsheets in countries that
//! write decimals with a comma.
//!
//! A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return is written with a single quote in front, so that no spreadsheet
//! runs it as a formula ("CSV injection"). [`crate::import::risk_csv`]
//! takes the quote off again, so a file round-trips unchanged.

use crate::model::{Book, Id};
use std::borrow::Cow;

/// How the CSV is written. The default: the whole register, separated by `,`.
#[derive(Clone, Debug, Default)]
pub struct CsvOptions {
    /// Only the risks of this release.
    pub release: Option<Id>,
    /// `;` for spreadsheets in countries that write decimals with a comma.
    pub semicolon: bool,
}

/// The byte-order mark written at the start of the file.
pub const BOM: &str = "\u{FEFF}";

/// The first characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell's text made safe for spreadsheets: a single quote in front of
/// text that starts like a formula. Text that already starts with a quote
/// followed by such a character gets one more, so that
/// [`unescape_cell`] always gives back the original.
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars();
    let needs = match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => true,
        Some('\'') => chars.next().is_some_and(|c| FORMULA_STARTS.contains(&c) || c == '\''),
        _ => false,
    };
    if needs { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// Undoes [`escape_cell`]: takes off a single quote that was put in front
/// of text starting like a formula (or like an escaped one).
pub fn unescape_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest)
            if rest.chars().next().is_some_and(|c| FORMULA_STARTS.contains(&c) || c == '\'')
                && escape_cell(rest).len() == text.len() =>
        {
            rest
        }
        _ => text,
    }
}

/// The risk register as CSV bytes (UTF-8 with a byte-order mark).
pub fn to_csv(book: &Book, options: &CsvOptions) -> Vec<u8> {
    let table = super::tables::flat(book, super::tables::TableKind::Risks, options.release.as_ref(), &[]);
    super::csv_file::to_csv(&table, options.semicolon)
}

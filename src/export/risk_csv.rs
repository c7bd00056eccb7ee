//! CSV export of the risk register.

use crate::model::{Book, Id};

/// How the CSV is written.
#[derive(Clone, Debug)]
pub struct CsvOptions {
    /// Only the risks of this release.
    pub release: Option<Id>,
    /// `;` for spreadsheets in countries that write decimals with a comma.
    pub semicolon: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self { release: None, semicolon: false }
    }
}

/// The risk register as CSV bytes (UTF-8 with a byte-order mark).
pub fn to_csv(book: &Book, options: &CsvOptions) -> Vec<u8> {
    let _ = (book, options);
    Vec::new()
}

//! Reading a risk CSV file's text and its cells: encoding, separator and
//! one parser per kind of column, each returning a message a release
//! manager can act on.

use crate::export::risk_csv::unescape_cell;
use crate::model::{Book, Id, RiskCategory, RiskStatus, Treatment};
use jiff::civil::Date;

/// The file's bytes as text: UTF-8 (with or without a byte-order mark), or
/// Windows-1252 when it is not UTF-8 (what older spreadsheets save as
/// "CSV"). The flag says whether the fallback was used.
pub(super) fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), true),
    }
}

/// One byte of Windows-1252 as a character.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The line of the file a record starts on, worked out from the record's
/// byte offset. The csv crate's own line count is one short after every
/// CRLF line end (what the export and most spreadsheets write), and its
/// byte offset of a record then points at the `\n` before it; counting the
/// line feeds up to and including that byte gives the right line either
/// way. Records come in order, so each call only counts from the last one.
#[derive(Default)]
pub(super) struct Lines {
    /// The byte counted up to (exclusive), and the line feeds before it.
    upto: usize,
    feeds: u64,
}

impl Lines {
    /// The line (from 1) of the record at `byte` of `text`.
    pub(super) fn at(&mut self, text: &str, byte: u64) -> u64 {
        let end = usize::try_from(byte).unwrap_or(usize::MAX).saturating_add(1).min(text.len());
        if end > self.upto {
            self.feeds += text.as_bytes()[self.upto..end].iter().filter(|&&b| b == b'\n').count() as u64;
            self.upto = end;
        }
        self.feeds + 1
    }
}

/// The separator the file uses: whichever of `,`, `;` and tab appears most
/// often in its first line outside quotes (`,` when there is a tie).
pub(super) fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// A spreadsheet's name for a column: A, B, …, Z, AA, AB, …
pub(super) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A text cell with the spreadsheet-safety quote taken off.
pub(super) fn text(cell: &str) -> String {
    unescape_cell(cell).to_owned()
}

/// A cell with the quote taken off and spaces trimmed, for values that are not free text.
fn value(cell: &str) -> &str {
    unescape_cell(cell.trim()).trim()
}

/// A point on the likelihood or impact scale.
pub(super) fn scale_point(cell: &str, scale: u8) -> Result<u8, String> {
    let v = value(cell);
    if v.is_empty() {
        return Err(format!("is empty; write a whole number from 1 to {scale}"));
    }
    // Spreadsheets sometimes write whole numbers as "3.0" or "3,0".
    let whole = v.strip_suffix(".0").or_else(|| v.strip_suffix(",0")).unwrap_or(v);
    match whole.parse::<u8>() {
        Ok(n) if (1..=scale).contains(&n) => Ok(n),
        _ => Err(format!("“{v}” is not a whole number from 1 to {scale}")),
    }
}

fn one_of<T: Copy>(cell: &str, all: &[T], label: fn(T) -> &'static str, what: &str) -> Result<T, String> {
    let v = value(cell);
    all.iter().copied().find(|x| label(*x).eq_ignore_ascii_case(v)).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|x| label(*x)).collect();
        if v.is_empty() {
            format!("is empty; write a {what}: {}", names.join(", "))
        } else {
            format!("“{v}” is not a {what}; write one of {}", names.join(", "))
        }
    })
}

/// A risk category.
pub(super) fn category(cell: &str) -> Result<RiskCategory, String> {
    one_of(cell, &RiskCategory::ALL, RiskCategory::label, "category")
}

/// A treatment, or none when the cell is empty.
pub(super) fn treatment(cell: &str) -> Result<Option<Treatment>, String> {
    if value(cell).is_empty() {
        return Ok(None);
    }
    one_of(cell, &Treatment::ALL, Treatment::label, "treatment").map(Some)
}

/// A status ("Monitored" is read as Monitoring).
pub(super) fn status(cell: &str) -> Result<RiskStatus, String> {
    if value(cell).eq_ignore_ascii_case("monitored") {
        return Ok(RiskStatus::Monitoring);
    }
    one_of(cell, &RiskStatus::ALL, RiskStatus::label, "status")
}

/// A date: `2026-11-27`, `2026/11/27` or `27.11.2026`; none when empty.
pub(super) fn date(cell: &str) -> Result<Option<Date>, String> {
    let v = value(cell);
    if v.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = v.split(['-', '/', '.']).collect();
    let numbers: Option<Vec<i16>> = parts.iter().map(|p| p.trim().parse::<i16>().ok()).collect();
    let ymd = match (numbers.as_deref(), v.contains('.')) {
        (Some(&[y, m, d]), false) if parts[0].len() == 4 => Some((y, m, d)),
        (Some(&[d, m, y]), true) if parts[2].len() == 4 => Some((y, m, d)),
        _ => None,
    };
    ymd.and_then(|(y, m, d)| Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok())
        .map(Some)
        .ok_or_else(|| format!("“{v}” is not a date; write it as year-month-day, e.g. 2026-11-27"))
}

/// A person of the book, by id or by name; none when empty.
pub(super) fn person(cell: &str, book: &Book) -> Result<Option<Id>, String> {
    let v = value(cell);
    if v.is_empty() {
        return Ok(None);
    }
    if let Some(p) = book.people.iter().find(|p| p.id.as_str() == v) {
        return Ok(Some(p.id.clone()));
    }
    let mut named = book.people.iter().filter(|p| p.name.trim().eq_ignore_ascii_case(v));
    match (named.next(), named.next()) {
        (Some(p), None) => Ok(Some(p.id.clone())),
        (Some(_), Some(_)) => Err(format!("more than one person is called “{v}”; write the person's id instead")),
        (None, _) => Err(format!("there is no person called “{v}” in this book; add them first, or leave it empty")),
    }
}

/// Releases of the book, by id or by name, separated by `,` or `;`.
pub(super) fn releases(cell: &str, book: &Book) -> Result<Vec<Id>, String> {
    let mut out: Vec<Id> = Vec::new();
    for part in value(cell).split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let found = book
            .releases
            .iter()
            .find(|r| r.id.as_str() == part)
            .or_else(|| book.releases.iter().find(|r| r.name.trim().eq_ignore_ascii_case(part)));
        match found {
            Some(r) if !out.contains(&r.id) => out.push(r.id.clone()),
            Some(_) => {}
            None => return Err(format!("there is no release “{part}” in this book")),
        }
    }
    Ok(out)
}

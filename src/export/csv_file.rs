//! CSV files of the book's flat tables (releases, deployments, risks,
//! schedule, findings), written the way the risk register CSV is: UTF-8
//! with a byte-order mark, CRLF line ends, `,` or `;` between cells, and
//! every text cell that starts like a formula quoted with `'` (see
//! [`super::risk_csv::escape_cell`]).

use super::risk_csv::{BOM, escape_cell};
use super::tables::Flat;

/// A flat table as CSV bytes.
pub fn to_csv(table: &Flat, semicolon: bool) -> Vec<u8> {
    let mut out = BOM.as_bytes().to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(table.rows.len() * 200));
    // Writing into memory cannot fail; should the csv crate ever report an
    // error, the bytes written so far are still returned.
    let _ = writer.write_record(table.header.iter().map(|h| escape_cell(h).into_owned().into_bytes()));
    for row in &table.rows {
        let _ = writer.write_record(row.iter().map(|c| escape_cell(c).into_owned().into_bytes()));
    }
    match writer.into_inner() {
        Ok(bytes) => out.extend_from_slice(&bytes),
        Err(e) => out.extend_from_slice(e.into_inner().get_ref()),
    }
    out
}

//! Golden-file tests: each text export of the bundled example book, as of a
//! fixed date, compared with the files in `tests/golden/` (insta). A change
//! to a report shows up as a readable diff in review;
//! `INSTA_UPDATE=always cargo test --test export_golden` records a new one.

use relplan::export::{self, ExportOptions, Format, TableKind};
use relplan::model::Id;

fn options() -> ExportOptions {
    ExportOptions::new(jiff::civil::date(2026, 11, 27))
}

fn text(format: Format, options: &ExportOptions) -> String {
    let book = relplan::templates::example().expect("the example book opens");
    let bytes = export::export(&book, format, options, &|_, _| {}).expect("the export is made");
    String::from_utf8(bytes).expect("text formats are UTF-8")
}

macro_rules! golden {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "golden", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn html_report_of_the_example_book() {
    golden!("report.html", text(Format::Html, &options()));
}

#[test]
fn markdown_report_of_the_example_book() {
    golden!("report.md", text(Format::Markdown, &options()));
}

#[test]
fn markdown_report_of_one_release() {
    let one = ExportOptions { release: Some(Id::from("REL-4")), ..options() };
    golden!("release-REL-4.md", text(Format::Markdown, &one));
}

#[test]
fn json_of_the_example_book() {
    golden!("book.json", text(Format::Json, &options()));
}

#[test]
fn calendar_of_the_example_book() {
    golden!("calendar.ics", text(Format::Ics, &options()));
}

#[test]
fn csv_tables_of_the_example_book() {
    for table in TableKind::ALL {
        let o = ExportOptions { table, ..options() };
        golden!(format!("{}.csv", table.name()), text(Format::Csv, &o));
    }
}

//! A hostile book: text that a colleague typed tries every attack on every
//! export, and each test proves the attack comes out as harmless text.
//!
//! - HTML: script tags, event handlers, `javascript:` links;
//! - Markdown: links, images, raw HTML and autolinks;
//! - CSV and XLSX: formulas starting with `=`, `+`, `-`, `@`, tab or CR;
//! - iCalendar: line breaks that try to end the event and add alarms or events;
//! - file names: `../` and device names such as CON in titles.

use relplan::export::{self, ExportOptions, Format, TableKind, evidence, names};
use relplan::model::{Book, Id};

const SCRIPT: &str = "<script>alert('x')</script><img src=x onerror=alert(1)>";
const JS_LINK: &str = "javascript:alert(document.cookie)";
const MD_LINKS: &str = "[click](javascript:alert(1)) ![pic](https://evil.example/p.png) <b>bold</b> https://evil.example www.evil.example mail@evil.example";
const ICS_BREAK: &str = "Cut-over\r\nEND:VEVENT\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nACTION:DISPLAY\r\nEND:VALARM\r\nBEGIN:VEVENT\r\nUID:evil@attacker\nSUMMARY:Injected";
const FORMULAS: [&str; 6] = [
    "=HYPERLINK(\"https://evil.example\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
];

/// The example book with hostile text in every kind of field.
fn hostile() -> Book {
    let mut book = relplan::templates::example().expect("the example book opens");
    book.name = "../../CON".to_owned();
    book.description = format!("{SCRIPT}\n{MD_LINKS}");
    if let Some(p) = book.people.first_mut() {
        p.name = SCRIPT.to_owned();
        p.email = format!("\"><script>x</script>{JS_LINK}");
    }
    for (i, r) in book.releases.iter_mut().enumerate() {
        r.name = if i % 2 == 0 { format!("{SCRIPT} ../NUL {i}") } else { FORMULAS[i % FORMULAS.len()].to_owned() };
        r.summary = format!("{MD_LINKS}\n{JS_LINK}");
        for d in &mut r.deliverables {
            d.dml_location = JS_LINK.to_owned();
            d.name = FORMULAS[i % FORMULAS.len()].to_owned();
        }
        for c in &mut r.criteria {
            c.evidence = "https://reports.example.com/acceptance".to_owned();
        }
        for d in &mut r.deployments {
            d.name = ICS_BREAK.to_owned();
            for s in &mut d.steps {
                s.title = FORMULAS[(i + 1) % FORMULAS.len()].to_owned();
            }
        }
        for m in &mut r.milestones {
            m.name = ICS_BREAK.replace("\r\n", "\n");
        }
    }
    for (i, risk) in book.risks.iter_mut().enumerate() {
        risk.title = FORMULAS[i % FORMULAS.len()].to_owned();
        risk.cause = FORMULAS[(i + 1) % FORMULAS.len()].to_owned();
        risk.description = format!("{SCRIPT} {MD_LINKS}");
    }
    for b in &mut book.blackouts {
        b.name = ICS_BREAK.to_owned();
        b.reason = ICS_BREAK.to_owned();
    }
    book
}

fn options() -> ExportOptions {
    ExportOptions::new(jiff::civil::date(2026, 11, 27))
}

fn text(book: &Book, format: Format, options: &ExportOptions) -> String {
    let bytes = export::export(book, format, options, &|_, _| {}).expect("the export is made");
    String::from_utf8(bytes).expect("text formats are UTF-8")
}

/// The tags of an HTML page (its own markup: user text never makes one).
fn tags(html: &str) -> Vec<&str> {
    html.split('<').skip(1).filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag)).collect()
}

#[test]
fn html_has_no_script_no_handlers_and_only_web_or_mail_links() {
    let html = text(&hostile(), Format::Html, &options());
    for tag in tags(&html) {
        let name = tag.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        assert!(
            !["script", "img", "iframe", "object", "embed", "link", "base", "form"].contains(&name.as_str()),
            "tag <{tag}>"
        );
        for attr in tag.split_whitespace().skip(1) {
            assert!(!attr.to_ascii_lowercase().starts_with("on"), "event handler in <{tag}>");
            if let Some(href) = attr.strip_prefix("href=\"") {
                let ok = ["#", "http://", "https://", "mailto:"].iter().any(|p| href.starts_with(p));
                assert!(ok, "link {href}");
            }
        }
    }
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript"), "no javascript: link");
    assert!(html.contains("&lt;script&gt;alert("), "the script is shown as text");
    assert!(html.contains("href=\"https://reports.example.com/acceptance\""), "a real web address is a link");
    assert!(html.contains("Content-Security-Policy"), "the page forbids scripts to the browser too");
}

#[test]
fn markdown_has_no_links_images_or_html_from_user_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let md = text(&hostile(), Format::Markdown, &options());
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Markdown: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link in the Markdown: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image in the Markdown: {dest_url}"),
            _ => {}
        }
    }
    // Wikis also turn bare addresses into links (GitHub-style autolinks).
    for bare in ["https://evil", "www.evil", "mail@evil"] {
        assert!(!md.contains(bare), "{bare} is escaped");
    }
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

#[test]
fn csv_cells_never_start_like_a_formula() {
    let book = hostile();
    for table in TableKind::ALL {
        let o = ExportOptions { table, ..options() };
        let bytes = export::export(&book, Format::Csv, &o, &|_, _| {}).expect("the CSV is made");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[3..]);
        let mut quoted = 0;
        for record in reader.records() {
            for cell in record.expect("the CSV parses").iter() {
                assert!(!cell.starts_with(FORMULA_STARTS), "{} cell {cell:?}", table.name());
                quoted += usize::from(cell.starts_with('\''));
            }
        }
        if matches!(table, TableKind::Risks | TableKind::Deployments) {
            assert!(quoted > 0, "the hostile {} cells were quoted", table.name());
        }
    }
}

#[test]
fn xlsx_has_no_formula_cells() {
    use std::io::Read;
    let bytes = export::export(&hostile(), Format::Xlsx, &options(), &|_, _| {}).expect("the workbook is made");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut sheets = 0;
    let mut strings = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("entry");
        let name = file.name().expect("entry name").into_owned();
        let mut xml = String::new();
        file.read_to_string(&mut xml).expect("XML");
        if name.starts_with("xl/worksheets/sheet") {
            sheets += 1;
            assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name} holds a formula");
            assert!(xml.contains("<autoFilter") && xml.contains("<pane"), "{name} has filters and a frozen header");
        }
        if name == "xl/sharedStrings.xml" {
            strings = xml;
        }
    }
    assert_eq!(sheets, 5);
    assert!(strings.contains("=HYPERLINK("), "the formula text is kept as text");
}

#[test]
fn xlsx_cuts_text_over_the_cell_limit_and_still_writes_the_workbook() {
    use std::io::Read;
    let mut book = relplan::templates::example().expect("the example book opens");
    book.risks[0].description = format!("Start. {}", "Long impact analysis. ".repeat(2_000));
    let bytes = export::export(&book, Format::Xlsx, &options(), &|_, _| {}).expect("the workbook is made");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an XLSX is a zip");
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml").expect("shared strings").read_to_string(&mut strings).expect("XML");
    let cell = strings.split("<t>").find(|t| t.starts_with("Start. ")).expect("the description is in the workbook");
    let cell = &cell[..cell.find("</t>").expect("the cell ends")];
    assert!(cell.ends_with("characters more; see the JSON or HTML export)"), "{}", &cell[cell.len() - 80..]);
    let cut: usize = cell.rsplit("… (cut: ").next().and_then(|n| n.split(' ').next()?.parse().ok()).expect("a count");
    let whole = book.risks[0].description.chars().count();
    let marker = cell.len() - cell.find("… (cut: ").expect("a marker");
    assert_eq!(cell.len() - marker + cut, whole, "the count says exactly how much is missing");
    assert!(cell.encode_utf16().count() <= 32_767);
}

#[test]
fn calendar_text_cannot_add_events_or_alarms() {
    let book = hostile();
    let ics = text(&book, Format::Ics, &options());
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    assert!(!lines.iter().any(|l| l.starts_with("BEGIN:VALARM")), "no alarm");
    assert!(!lines.iter().any(|l| l.starts_with("UID:evil")), "no injected event");
    assert!(!unfolded.contains('\r') || unfolded.matches('\r').count() == unfolded.matches("\r\n").count());
    let events = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    let plain = text(&relplan::templates::example().expect("example"), Format::Ics, &options());
    assert_eq!(events, plain.matches("BEGIN:VEVENT").count(), "the same events as the plain book");
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    let all = parsed.components.iter().chain(parsed.components.iter().flat_map(|c| &c.components));
    let names: Vec<String> = all.map(|c| c.name.to_string()).collect();
    assert!(!names.iter().any(|n| n == "VALARM"), "no alarm component");
    assert_eq!(names.iter().filter(|n| *n == "VEVENT").count(), events, "the parser sees the same events");
}

#[test]
fn pdf_shows_hostile_text_as_text_and_has_no_actions() {
    let bytes = export::export(&hostile(), Format::Pdf, &options(), &|_, _| {}).expect("the PDF is made");
    let raw = String::from_utf8_lossy(&bytes);
    for key in ["/JavaScript", "/JS", "/OpenAction", "/Launch", "/URI"] {
        assert!(!raw.contains(key), "the PDF has no {key}");
    }
    let text: String = pdf_extract::extract_text_from_mem(&bytes).expect("readable").split_whitespace().collect();
    assert!(text.contains("<script>alert('x')</script>"), "the script is printed as text");
}

#[test]
fn file_names_from_titles_stay_in_the_folder_and_avoid_device_names() {
    let book = hostile();
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = dir.path().join("pack");
    evidence::write(&book, None, &options(), &pack, &|_, _| {}).expect("the pack is written");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir.path()).expect("listing") {
        let entry = entry.expect("entry");
        assert_eq!(entry.file_name(), "pack", "nothing is written beside the pack");
    }
    for entry in std::fs::read_dir(&pack).expect("listing") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(!names::is_reserved(&name) && !name.starts_with('.'), "{name}");
        found.push(name);
    }
    assert!(found.iter().any(|n| n == "_CON.pdf"), "{found:?}");
    let one = ExportOptions { release: Some(Id::from("REL-2")), ..options() };
    let files = evidence::files(&book, None, &one, &|_, _| {}).expect("files");
    assert!(
        files.iter().all(|(n, _)| names::inside(&pack, n).is_ok()),
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(names::file_stem("NUL", "x"), "_NUL");
    assert_eq!(names::file_stem("../..", "export"), "export");
}

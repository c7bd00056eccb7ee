//! The PDF report, read back with a PDF text extractor: the pages a reader
//! expects (title, contents, parts), page numbers, headers repeated on the
//! pages a table runs onto, and the paper size.

use relplan::export::{self, ExportOptions, Format, Paper};

fn pdf(options: &ExportOptions) -> Vec<u8> {
    let book = relplan::templates::example().expect("the example book opens");
    export::export(&book, Format::Pdf, options, &|_, _| {}).expect("the PDF is made")
}

fn pages(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes).expect("the PDF can be read back")
}

/// Text with all white space removed, so that checks do not depend on how
/// the extractor spaces out words.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_report_has_a_title_page_contents_parts_and_page_numbers() {
    let bytes = pdf(&ExportOptions::new(jiff::civil::date(2026, 11, 27)));
    assert!(bytes.starts_with(b"%PDF-"));
    let pages = pages(&bytes);
    let n = pages.len();
    assert!(n > 10, "the example book fills more than ten pages, got {n}");
    let title = squash(&pages[0]);
    assert!(title.contains("NorthwindPayments") && title.contains("6releases"), "{title}");
    assert!(title.contains("Checkedasof2026-11-27"), "{title}");
    assert!(squash(&pages[1]).starts_with("Contents"), "the second page is the contents: {}", pages[1]);
    for part in ["Bookoverview", "Releases", "Schedule", "Riskregister", "Checkfindings", "Audittrail"] {
        assert!(squash(&pages[1]).contains(part), "the contents list {part}");
        assert!(pages.iter().skip(2).any(|p| squash(p).starts_with(part)), "a page starts with the part {part}");
    }
    for (i, page) in pages.iter().enumerate().skip(1) {
        let wanted = format!("Page{}of{n}", i + 1);
        assert!(squash(page).contains(&wanted), "page {} says “{wanted}”", i + 1);
    }
    for name in ["REL-1Payments2026.06.1", "REL-6Payments2027.03.1", "Inherent(15risks)", "Residual(15risks)"] {
        assert!(pages.iter().any(|p| squash(p).contains(name)), "{name} is in the report");
    }
}

#[test]
fn a_table_that_runs_onto_another_page_repeats_its_header() {
    let pages = pages(&pdf(&ExportOptions::new(jiff::civil::date(2026, 11, 27))));
    let header = "StartEndReleaseWhatEnvironment";
    let with_header: Vec<usize> =
        pages.iter().enumerate().filter(|(_, p)| squash(p).contains(header)).map(|(i, _)| i).collect();
    assert!(with_header.len() >= 2, "the schedule's dates span pages {with_header:?}, each with its header");
    for pair in with_header.windows(2) {
        assert_eq!(pair[1], pair[0] + 1, "the header is on every page the table runs onto");
    }
}

#[test]
fn letter_paper_gives_letter_pages() {
    let options = ExportOptions { paper: Paper::Letter, ..ExportOptions::new(jiff::civil::date(2026, 11, 27)) };
    let bytes = pdf(&options);
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/MediaBox[0 0 612 792]"), "Letter pages are 612 × 792 points");
    let a4 = pdf(&ExportOptions::new(jiff::civil::date(2026, 11, 27)));
    assert!(
        String::from_utf8_lossy(&a4).contains("/MediaBox[0 0 595.28 841.89]"),
        "A4 pages are 595.28 × 841.89 points"
    );
}

#[test]
fn the_slides_handout_starts_a_landscape_page_for_every_slide_in_order() {
    let book = relplan::templates::example().expect("the example book opens");
    let today = jiff::civil::date(2026, 11, 27);
    let findings = relplan::check::all_findings(&book, today);
    let scope = relplan::present::Scope::Release(relplan::model::Id::from("REL-5"));
    let deck = relplan::present::deck(&book, &scope, today, &findings);
    let bytes = relplan::export::slides_pdf::to_pdf(&deck).expect("the slides are made");
    let pages: Vec<String> = pages(&bytes).iter().map(|p| squash(p)).collect();
    assert!(pages.len() >= deck.slides.len(), "{} pages for {} slides", pages.len(), deck.slides.len());
    let mut at = 0;
    for (i, slide) in deck.slides.iter().enumerate() {
        let title = squash(&slide.title);
        let marker = format!("Slide{}of{}", i + 1, deck.slides.len());
        let found = pages[at..].iter().position(|p| p.starts_with(&title) && p.contains(&marker));
        let Some(offset) = found else { panic!("slide {} “{}” starts a page", i + 1, slide.title) };
        at += offset + 1;
    }
    let all = pages.concat();
    assert!(all.contains("Acceptancecriteriaandapprovals"), "the acceptance slide is there");
    assert!(all.contains("Backoutplan") || all.contains("Backout"), "the backout slide is there");
    let landscape = String::from_utf8_lossy(&bytes).contains("[0 0 960 540]");
    assert!(landscape, "pages are 16:9");
}

#[test]
fn text_in_scripts_the_bundled_fonts_lack_and_emoji_print_as_typed() {
    // Needs a font with Chinese and Japanese characters on the computer
    // (assets/install-system-packages.sh installs Droid Sans Fallback).
    let mut book = relplan::templates::example().expect("the example book opens");
    book.releases[0].name = "東京データセンター移行 上海 🚀".into();
    let options = ExportOptions::new(jiff::civil::date(2026, 11, 27));
    let bytes = export::export(&book, Format::Pdf, &options, &|_, _| {}).expect("the PDF is made");
    let text: String = pages(&bytes).iter().map(|p| squash(p)).collect();
    let at = text.find("REL-1").unwrap_or(0);
    assert!(
        text.contains("REL-1東京データセンター移行上海🚀"),
        "the name prints as typed: {}",
        text[at..].chars().take(40).collect::<String>()
    );
    assert!(!text.contains("REL-1????"), "no character is replaced by a question mark");
}

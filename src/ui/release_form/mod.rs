//! The selected release as a form, one section per part of the plan.
//!
//! The form is a pure function of the book and the release: it reads them
//! and pushes [`Intents`] (edits), and never changes the book itself. Every
//! edit path starts at `releases[<id>]`, except the risks, which live in
//! the book's register.
//!
//! Layout: a header (name, type, priority, a phase stepper and the
//! release's findings), then collapsible sections. Their order follows the
//! phase the release is in (see [`sections::order_for`]): what matters in
//! that phase comes first and is open; the rest of the plan follows.
//!
//! Files, one job each: `header` and `stepper` draw the top; `sections`
//! orders the sections; `picks`, `chips` and `when` are small widgets the
//! sections share (people with "New person…", removable id chips, dates,
//! times and timestamps); the other files are one section each.

mod acceptance;
mod backout;
mod chips;
mod communications;
mod decisions;
mod deliverables;
mod deployments;
mod go_no_go;
mod header;
mod overview;
mod picks;
pub mod reveal;
mod review;
mod risks;
mod runbook;
mod scope;
mod sections;
mod stepper;
mod when;

use crate::check::Finding;
use crate::edit::Path;
use crate::model::{Book, Id, IdKind, Release};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use jiff::civil::Date;
use sections::Section;

/// What every section reads: the book, the release, where its edits go
/// and a few values worked out once per frame.
struct Form<'a> {
    /// The whole book, for pick-lists and new ids.
    book: &'a Book,
    /// The release shown.
    release: &'a Release,
    /// `releases[<id>]`: where every edit of the release starts.
    at: Path,
    /// Today, in the computer's time zone: the default of "Set date" buttons.
    today: Date,
    /// The pick-lists of the book's records.
    options: std::sync::Arc<picks::Options>,
}

impl Form<'_> {
    /// The id the book hands out next for a new entity of this kind.
    fn new_id(&self, kind: IdKind) -> Id {
        self.book.ledger.peek_id(kind)
    }

    /// A person's name, or a dash when none is set.
    fn person_name(&self, id: Option<&Id>) -> String {
        match id {
            Some(id) => self.book.person(id).map_or_else(|| format!("{id} (missing)"), |p| p.name.clone()),
            None => "—".to_owned(),
        }
    }
}

/// Shows a release's plan as a form and returns its edits in `out`.
pub fn release_form_ui(ui: &mut egui::Ui, book: &Book, release: &Release, findings: &[Finding], out: &mut Intents) {
    let options = picks::Options::of(ui.ctx(), book);
    let at = Path::root().item("releases", &release.id);
    let form = Form { book, release, at, today: crate::ui::today(), options };
    let mine: Vec<&Finding> = findings.iter().filter(|f| f.release.as_ref() == Some(&release.id)).collect();
    // "Go there" from the checks: open the finding's section and scroll to it.
    // A click on a calendar item: open the section of that part (the part opens itself).
    let goto = crate::ui::checks::take_pending_goto(ui.ctx(), &release.id)
        .and_then(|f| sections::section_of(&f, &release.id))
        .or_else(|| {
            let at = reveal::take_section(ui.ctx(), &release.id)?;
            sections::section_at(&at, None, &release.id)
        });
    egui::ScrollArea::vertical().id_salt(("release_form.scroll", &release.id)).auto_shrink([false, false]).show(
        ui,
        |ui| {
            ui.set_max_width(ui.available_width().min(1180.0));
            header::header_ui(ui, &form, &mine, out);
            ui.add_space(tokens(ui.ctx()).spacing);
            let order = sections::order_for(release.phase);
            for (index, section) in order.into_iter().enumerate() {
                if index == sections::OPEN_BY_DEFAULT {
                    more_of_the_plan_ui(ui);
                }
                let count = mine.iter().filter(|f| sections::section_of(f, &release.id) == Some(section)).count();
                // A section with findings opens too, so problems are in view.
                let open = index < sections::OPEN_BY_DEFAULT || count > 0;
                section_ui(ui, &form, section, open, count, goto == Some(section), out);
            }
            ui.add_space(tokens(ui.ctx()).spacing * 4.0);
        },
    );
}

/// The divider between the sections this phase is about and the rest.
fn more_of_the_plan_ui(ui: &mut egui::Ui) {
    let t = tokens(ui.ctx());
    ui.add_space(t.spacing);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Rest of the plan").size(t.small_size).color(t.text_weak));
        ui.add(egui::Separator::default().horizontal());
    });
}

/// One collapsible section: its title, a one-line summary on the right of
/// the header, and its body.
#[allow(clippy::too_many_arguments, reason = "one private helper, each argument a plain fact about the section")]
fn section_ui(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    section: Section,
    open: bool,
    findings: usize,
    go_there: bool,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    let salt = ("release_form.section", &form.release.id, section.key(), form.release.phase);
    let title = egui::RichText::new(section.title()).size(t.body_size * 1.2).strong();
    let response = ui.scope(|ui| {
        // A full-width header bar, so the summary has room on its right.
        ui.visuals_mut().collapsing_header_frame = true;
        // "Go there" opens the section (the header's own state, so it stays open).
        let header = egui::CollapsingHeader::new(title).id_salt(salt).default_open(open);
        header.open(go_there.then_some(true)).show(ui, |ui| {
            ui.visuals_mut().collapsing_header_frame = false;
            ui.add_space(t.spacing * 0.5);
            body_ui(ui, form, section, out);
            ui.add_space(t.spacing);
        })
    });
    let response = response.inner;
    if go_there {
        response.header_response.scroll_to_me(Some(egui::Align::TOP));
    }
    let mut summary = summary(ui.ctx(), form, section);
    if findings > 0 {
        let noun = if findings == 1 { "finding" } else { "findings" };
        summary = format!("⚠ {findings} {noun}   {summary}");
    }
    paint_summary(ui, &response.header_response, section.title(), &summary, findings > 0);
    ui.add_space(t.spacing * 0.25);
}

fn body_ui(ui: &mut egui::Ui, form: &Form<'_>, section: Section, out: &mut Intents) {
    match section {
        Section::Overview => overview::overview_ui(ui, form, out),
        Section::Scope => scope::scope_ui(ui, form, out),
        Section::Deliverables => deliverables::deliverables_ui(ui, form, out),
        Section::Deployments => deployments::deployments_ui(ui, form, out),
        Section::Acceptance => acceptance::acceptance_ui(ui, form, out),
        Section::GoNoGo => go_no_go::go_no_go_ui(ui, form, out),
        Section::Backout => backout::backout_ui(ui, form, out),
        Section::Communications => communications::communications_ui(ui, form, out),
        Section::Decisions => decisions::decisions_ui(ui, form, out),
        Section::Risks => risks::risks_ui(ui, form, out),
        Section::Review => review::review_ui(ui, form, out),
    }
}

fn summary(ctx: &egui::Context, form: &Form<'_>, section: Section) -> String {
    match section {
        Section::Overview => overview::summary(form),
        Section::Scope => scope::summary(form.release),
        Section::Deliverables => deliverables::summary(form.release),
        Section::Deployments => deployments::summary(form.release),
        Section::Acceptance => acceptance::summary(form.release),
        Section::GoNoGo => go_no_go::summary(form),
        Section::Backout => backout::summary(form.release),
        Section::Communications => communications::summary(form.release),
        Section::Decisions => decisions::summary(form.release),
        Section::Risks => risks::summary(ctx, form),
        Section::Review => review::summary(form.release),
    }
}

/// Writes the summary right-aligned in a section's header row, when it fits
/// beside the title. It is also the header's hover text.
fn paint_summary(ui: &egui::Ui, header: &egui::Response, title: &str, summary: &str, warn: bool) {
    if summary.is_empty() {
        return;
    }
    let t = tokens(ui.ctx());
    let painter = ui.painter();
    let colour = if warn { t.warning } else { t.text_weak };
    let galley = painter.layout_no_wrap(summary.to_owned(), egui::FontId::proportional(t.small_size), colour);
    let title_width =
        painter.layout_no_wrap(title.to_owned(), egui::FontId::proportional(t.body_size * 1.2), t.text).size().x;
    let rect = header.rect;
    let free = rect.width() - title_width - ui.spacing().indent - 3.0 * t.spacing;
    if galley.size().x <= free {
        let pos = egui::pos2(rect.right() - t.spacing - galley.size().x, rect.center().y - galley.size().y / 2.0);
        painter.galley(pos, galley, colour);
    }
    header.clone().on_hover_text(summary);
}

//! The register table: every column of the process guide, sorted by
//! clicking a heading, laid out only for the rows on screen. A row opens
//! its risk in the card. Overdue reviews and open high risks with no owner
//! or no treatment are marked with a word and an icon as well as colour.

use super::cache::Computed;
use super::paint::{band_pill_painted, flag_text, flagged, painted_text};
use super::{RiskViewState, View};
use crate::model::{Book, Risk};
use crate::risk::{Attention, Column, Sort, Which, attention, band_of, score_of, score_text};
use crate::ui::theme::{Tokens, tokens};
use egui::{Align, Label, Layout, RichText, Sense, Ui};
use egui_extras::{Column as Width, TableBuilder};

/// A column of the table: what it sorts on (none for the flags), its
/// heading, what the heading means, and its starting width in body-size units.
struct Col {
    sort: Option<Column>,
    heading: &'static str,
    meaning: &'static str,
    width: f32,
}

const fn col(sort: Column, heading: &'static str, meaning: &'static str, width: f32) -> Col {
    Col { sort: Some(sort), heading, meaning, width }
}

// The key results first (id, title, both scores, flags, status and
// owner), so they are in view without scrolling sideways; the assessment's
// parts and the long texts follow.
const COLUMNS: [Col; 21] = [
    col(Column::Id, "ID", "Risk id", 6.5),
    col(Column::Title, "Title", "Title", 22.0),
    col(Column::InherentScore, "Inherent", "Inherent score and band", 9.5),
    col(Column::ResidualScore, "Residual", "Residual score and band", 9.5),
    Col { sort: None, heading: "Flags", meaning: "Why the risk needs attention", width: 10.0 },
    col(Column::Status, "Status", "Status", 8.0),
    col(Column::Owner, "Owner", "Owner", 11.0),
    col(Column::Category, "Category", "Category", 8.5),
    col(Column::Likelihood, "L", "Inherent likelihood", 2.6),
    col(Column::Impact, "I", "Inherent impact", 2.6),
    col(Column::Treatment, "Treatment", "Treatment", 8.0),
    col(Column::ResidualLikelihood, "Res. L", "Residual likelihood", 5.0),
    col(Column::ResidualImpact, "Res. I", "Residual impact", 5.0),
    col(Column::Due, "Due", "Treatment due date", 8.0),
    col(Column::NextReview, "Next review", "Next review date", 12.0),
    col(Column::Releases, "Releases", "Linked releases", 9.0),
    col(Column::Description, "Description", "Description", 18.0),
    col(Column::Cause, "Cause", "Cause", 14.0),
    col(Column::Consequence, "Consequence", "Consequence", 14.0),
    col(Column::Controls, "Existing controls", "Existing controls", 14.0),
    col(Column::Actions, "Actions", "Treatment actions", 14.0),
];

/// The register.
pub(super) fn register_ui(ui: &mut Ui, view: &View<'_>, computed: &Computed, state: &mut RiskViewState) {
    let t = tokens(ui.ctx());
    if computed.rows.is_empty() {
        ui.add_space(t.spacing);
        let text = if view.book.risks.is_empty() {
            "The register is empty. Use Add risk to record the first risk."
        } else {
            "No risks match these filters."
        };
        ui.label(RichText::new(text).color(t.text_weak));
        if state.filter.is_active() && ui.button("Clear filters").clicked() {
            state.filter = crate::risk::Filter::default();
        }
        return;
    }
    let unit = t.body_size * 0.7;
    let row_h = t.body_size + t.spacing * 1.4;
    // A risk just added appears a frame later: keep asking until its row is there.
    let scroll_to = if state.scroll_to_editing {
        let row = state.editing.as_ref().and_then(|id| computed.row_of(view.book, id));
        state.scroll_to_editing = row.is_none() && state.editing.is_some();
        row
    } else {
        None
    };
    egui::ScrollArea::horizontal().id_salt("risks.register.h").auto_shrink([false, false]).show(ui, |ui| {
        // A click anywhere on a row opens its risk, so cell text is not selectable.
        ui.style_mut().interaction.selectable_labels = false;
        // The open risk's row gets a light wash of the accent colour, unlike
        // the stripes, and every cell keeps its own text colours.
        ui.visuals_mut().selection.bg_fill = t.accent.gamma_multiply(0.28);
        ui.visuals_mut().selection.stroke.color = t.text;
        let mut table = TableBuilder::new(ui)
            .id_salt("risks.register")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .auto_shrink([false, false])
            .cell_layout(Layout::left_to_right(Align::Center));
        for c in &COLUMNS {
            table = table.column(Width::initial(c.width * unit).at_least(2.0 * unit).clip(true));
        }
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(Align::Center));
        }
        table
            .header(row_h, |mut header| {
                for c in &COLUMNS {
                    header.col(|ui| heading_ui(ui, c, &mut state.sort));
                }
            })
            .body(|body| {
                body.rows(row_h, computed.rows.len(), |mut row| {
                    let Some(risk) = computed.rows.get(row.index()).and_then(|&i| view.book.risks.get(i)) else {
                        return;
                    };
                    let editing = state.editing.as_ref() == Some(&risk.id);
                    row.set_selected(editing);
                    let a = attention(risk, &view.book.policy.risk, view.today);
                    for c in &COLUMNS {
                        row.col(|ui| cell_ui(ui, &t, view.book, risk, c, a));
                    }
                    let r = row.response();
                    r.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Row, true, editing, row_name(view.book, risk, a))
                    });
                    if r.clicked() {
                        state.editing = if editing { None } else { Some(risk.id.clone()) };
                    }
                });
            });
    });
}

fn heading_ui(ui: &mut Ui, c: &Col, sort: &mut Sort) {
    let Some(column) = c.sort else {
        ui.label(RichText::new(c.heading).strong()).on_hover_text(c.meaning);
        return;
    };
    let mark = match (sort.column == column, sort.descending) {
        (false, _) => "",
        (true, false) => " ⏶",
        (true, true) => " ⏷",
    };
    let r = ui
        .add(egui::Button::new(RichText::new(format!("{}{mark}", c.heading)).strong()).frame(false))
        .on_hover_text(format!("{}: click to sort, click again to reverse", c.meaning));
    let name = format!("Sort by {}", c.meaning.to_lowercase());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if r.clicked() {
        *sort = sort.clicked(column);
    }
}

/// The first line of a text, cut to what a column can show, with the
/// whole text on hover when anything was left out.
fn long_text(ui: &mut Ui, text: &str) {
    let first = text.lines().next().unwrap_or("");
    // Laying out a long paragraph only to cut it costs more than it shows.
    let shown = match first.char_indices().nth(160) {
        Some((cut, _)) => &first[..cut],
        None => first,
    };
    let r = ui.add(Label::new(shown).truncate());
    if shown.len() < text.len() {
        r.on_hover_text(text);
    }
}

/// The numbers "1" to "9" without allocating a string per cell.
fn digit(n: u8) -> &'static str {
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"].get(usize::from(n)).copied().unwrap_or("?")
}

/// One cell. Plain values are painted (the row's accessible name carries
/// them); titles, names and long texts are labels that show the whole
/// text on hover; flags are labels with an explanation on hover.
fn cell_ui(ui: &mut Ui, t: &Tokens, book: &Book, risk: &Risk, c: &Col, a: Attention) {
    // Columns scrolled out of sight are not laid out at all.
    if !ui.is_rect_visible(ui.max_rect()) {
        return;
    }
    let policy = &book.policy.risk;
    let plain = |ui: &mut Ui, text: &str| painted_text(ui, text, t.text, false);
    let none = |ui: &mut Ui| painted_text(ui, "—", t.text_weak, false);
    let Some(column) = c.sort else {
        if a.any() {
            ui.label(flagged(t, flag_text(a))).on_hover_text(a.words());
        }
        return;
    };
    match column {
        Column::Id => painted_text(ui, risk.id.as_str(), t.text_weak, true),
        Column::Title => long_text(ui, if risk.title.trim().is_empty() { "Untitled risk" } else { &risk.title }),
        Column::Category => plain(ui, risk.category.label()),
        Column::Likelihood => plain(ui, digit(risk.likelihood)),
        Column::Impact => plain(ui, digit(risk.impact)),
        Column::ResidualLikelihood => plain(ui, digit(risk.residual_likelihood)),
        Column::ResidualImpact => plain(ui, digit(risk.residual_impact)),
        Column::InherentScore | Column::InherentBand => {
            let band = band_of(risk, Which::Inherent, policy);
            band_pill_painted(ui, &score_text(score_of(risk, Which::Inherent, policy), band), band);
        }
        Column::ResidualScore | Column::ResidualBand => {
            let band = band_of(risk, Which::Residual, policy);
            band_pill_painted(ui, &score_text(score_of(risk, Which::Residual, policy), band), band);
        }
        Column::Treatment => match risk.treatment {
            Some(tr) => plain(ui, tr.label()),
            None if a.no_treatment => {
                ui.label(flagged(t, "⚑ None")).on_hover_text("A high risk with no treatment chosen");
            }
            None => none(ui),
        },
        Column::Owner => match &risk.owner {
            Some(id) => long_text(ui, book.person(id).map_or(id.as_str(), |p| p.name.as_str())),
            None if a.no_owner => {
                ui.label(flagged(t, "⚑ No owner")).on_hover_text("A high risk that nobody owns");
            }
            None => none(ui),
        },
        Column::Status => plain(ui, risk.status.label()),
        Column::Due => match risk.due {
            Some(d) => plain(ui, &d.to_string()),
            None => none(ui),
        },
        Column::NextReview => match risk.next_review {
            Some(d) if a.review_overdue => {
                ui.label(flagged(t, format!("⚠ {d} overdue"))).on_hover_text("The review date has passed");
            }
            Some(d) => plain(ui, &d.to_string()),
            None => none(ui),
        },
        Column::Releases => {
            let ids: Vec<&str> = risk.releases.iter().map(|r| r.as_str()).collect();
            if ids.is_empty() { none(ui) } else { long_text(ui, &ids.join(", ")) }
        }
        Column::Description => long_text(ui, &risk.description),
        Column::Cause => long_text(ui, &risk.cause),
        Column::Consequence => long_text(ui, &risk.consequence),
        Column::Controls => long_text(ui, &risk.controls),
        Column::Actions => long_text(ui, &risk.actions),
    }
}

/// The row's name for screen readers: the risk and the values its cells paint.
fn row_name(book: &Book, risk: &Risk, a: Attention) -> String {
    let policy = &book.policy.risk;
    let score = |which| {
        let band = band_of(risk, which, policy);
        score_text(score_of(risk, which, policy), band)
    };
    let owner = risk.owner.as_ref().map_or("no owner", |id| book.person(id).map_or(id.as_str(), |p| p.name.as_str()));
    let flags = if a.any() { format!("; {}", a.words()) } else { String::new() };
    format!(
        "Risk {} {}: {}, inherent {} (likelihood {}, impact {}), {}, residual {} (likelihood {}, impact {}), {owner}, {}, due {}, next review {}, releases {}{flags}",
        risk.id,
        risk.title,
        risk.category.label(),
        score(Which::Inherent),
        risk.likelihood,
        risk.impact,
        risk.treatment.map_or("no treatment", |t| t.label()),
        score(Which::Residual),
        risk.residual_likelihood,
        risk.residual_impact,
        risk.status.label(),
        risk.due.map_or_else(|| "not set".to_owned(), |d| d.to_string()),
        risk.next_review.map_or_else(|| "not set".to_owned(), |d| d.to_string()),
        if risk.releases.is_empty() {
            "none".to_owned()
        } else {
            risk.releases.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
        },
    )
}

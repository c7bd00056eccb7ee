//! The Changes tab: requests for change (RFCs) that releases implement,
//! with their risk and impact assessment and their authorisation (R10).

use super::authorisation::authorisation_rows_ui;
use super::common::Tone;
use super::entity_list::{Card, CardHead, Filter};
use crate::edit::Path;
use crate::model::{Band, Book, ChangeAuthority, ChangeRequest, Id, IdKind};
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;

impl Card for ChangeRequest {
    const LIST: &'static str = "changes";
    const NOUN: &'static str = "change";
    const PLURAL: &'static str = "changes";
    const KIND: IdKind = IdKind::Change;
    const FILTER_HINT: &'static str = "id, RFC or title";

    fn items(book: &Book) -> &[Self] {
        &book.changes
    }

    fn head(&self, _book: &Book) -> CardHead {
        let title = match (self.rfc.trim(), self.title.trim()) {
            ("", t) => t.to_owned(),
            (r, "") => r.to_owned(),
            (r, t) => format!("{r} · {t}"),
        };
        let risk = self.risk.map_or_else(|| "Risk not assessed".to_owned(), |b| format!("{} risk", b.label()));
        let detail = format!("{} · {risk}", self.authority.label());
        let (status, tone) = match &self.authorisation {
            Some(a) => {
                let day = a.at.to_zoned(jiff::tz::TimeZone::system()).strftime("%-d %b %Y").to_string();
                (format!("Authorised {day}"), Tone::Good)
            }
            None if self.authority == ChangeAuthority::Standard => ("Pre-authorised".to_owned(), Tone::Good),
            None => (format!("Awaiting {}", self.authority.label()), Tone::Warning),
        };
        CardHead { title, detail, status, tone }
    }

    fn matches(&self, filter: &Filter) -> bool {
        filter.hits(&[self.id.as_str(), &self.rfc, &self.title])
    }

    fn body_ui(&self, ui: &mut Ui, book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.change", &self.id), |ui| {
            let mut f = Fields::new(at.clone(), out);
            f.text(ui, "RFC", "rfc", &self.rfc);
            f.text(ui, "Title", "title", &self.title);
            f.multiline(ui, "Description", "description", &self.description);
            f.opt_choice(ui, "Risk band", "risk", self.risk, &Band::ALL, Band::label);
            f.multiline(ui, "Risk assessment", "risk_assessment", &self.risk_assessment);
            f.multiline(ui, "Impact assessment", "impact_assessment", &self.impact_assessment);
            f.choice(
                ui,
                "Change authority",
                "authority",
                self.authority,
                &ChangeAuthority::ALL,
                ChangeAuthority::label,
            );
            authorisation_rows_ui(ui, book, self, &at, out);
        });
    }

    fn new_item(_book: &Book, id: Id) -> Self {
        ChangeRequest { id, ..ChangeRequest::default() }
    }
}

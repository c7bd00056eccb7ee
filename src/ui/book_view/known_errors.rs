//! The Known errors tab: problems and known errors that releases resolve
//! or ship with (R2).

use super::common::{KNOWN_ERROR_KINDS, PROBLEM_STATUSES, Tone, known_error_kind_label, problem_status_label};
use super::entity_list::{Card, CardHead, Filter};
use crate::edit::Path;
use crate::model::{Book, Id, IdKind, KnownError, KnownErrorKind, ProblemStatus};
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;

impl Card for KnownError {
    const LIST: &'static str = "known_errors";
    const NOUN: &'static str = "known error";
    const PLURAL: &'static str = "known errors";
    const KIND: IdKind = IdKind::KnownError;
    const FILTER_HINT: &'static str = "id, reference or title";

    fn items(book: &Book) -> &[Self] {
        &book.known_errors
    }

    fn head(&self, _book: &Book) -> CardHead {
        let title = match (self.reference.trim(), self.title.trim()) {
            ("", t) => t.to_owned(),
            (r, "") => r.to_owned(),
            (r, t) => format!("{r} · {t}"),
        };
        let kind = match self.kind {
            KnownErrorKind::Problem => "Problem",
            KnownErrorKind::KnownError => "Known error",
        };
        let detail = if self.workaround.trim().is_empty() {
            format!("{kind} · no workaround recorded")
        } else {
            format!("{kind} · workaround: {}", self.workaround.lines().next().unwrap_or_default())
        };
        let tone = match self.status {
            ProblemStatus::Open => Tone::Warning,
            ProblemStatus::Resolved => Tone::Good,
        };
        CardHead { title, detail, status: problem_status_label(self.status).to_owned(), tone }
    }

    fn matches(&self, filter: &Filter) -> bool {
        filter.hits(&[self.id.as_str(), &self.reference, &self.title])
    }

    fn body_ui(&self, ui: &mut Ui, _book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.known_error", &self.id), |ui| {
            let mut f = Fields::new(at, out);
            f.text(ui, "Reference", "reference", &self.reference);
            f.text(ui, "Title", "title", &self.title);
            f.choice(ui, "Kind", "kind", self.kind, &KNOWN_ERROR_KINDS, known_error_kind_label);
            f.multiline(ui, "Description", "description", &self.description);
            f.multiline(ui, "Workaround", "workaround", &self.workaround);
            f.choice(ui, "Status", "status", self.status, &PROBLEM_STATUSES, problem_status_label);
        });
    }

    fn new_item(_book: &Book, id: Id) -> Self {
        KnownError { id, ..KnownError::default() }
    }
}

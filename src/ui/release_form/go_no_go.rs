//! The go/no-go checkpoint: when it is held, each attendee's vote, and the
//! signed verdict.

use super::overview::subheading;
use super::when::timestamp_row;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{GoNoGoVerdict, IdKind, Vote};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::{RichText, Ui};

/// A one-line summary for the section header.
pub(super) fn summary(form: &Form<'_>) -> String {
    let g = &form.release.go_no_go;
    let (go, no_go, open) = tally(&g.votes);
    let votes = format!("{go} go, {no_go} no-go, {open} undecided");
    match (g.verdict, g.signed_at) {
        (Some(v), Some(at)) => {
            format!("{} signed {} · {votes}", v.label(), at.to_zoned(jiff::tz::TimeZone::UTC).date())
        }
        (Some(v), None) => format!("{} (not signed) · {votes}", v.label()),
        (None, _) => format!("no verdict yet · {votes}"),
    }
}

/// Go votes, no-go votes and undecided votes.
fn tally(votes: &[Vote]) -> (usize, usize, usize) {
    let count = |v: Option<GoNoGoVerdict>| votes.iter().filter(|x| x.verdict == v).count();
    (count(Some(GoNoGoVerdict::Go)), count(Some(GoNoGoVerdict::NoGo)), count(None))
}

/// Draws the section.
pub(super) fn go_no_go_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    let g = &r.go_no_go;
    let at = form.at.clone().field("go_no_go");
    let mut f = Fields::new(at.clone(), out);
    Fields::grid(ui, ("release_form.go_no_go", &r.id), |ui| {
        timestamp_row(&mut f, ui, "Meeting", "scheduled", g.scheduled);
    });
    subheading(ui, "Votes");
    let (go, no_go, open) = tally(&g.votes);
    if !g.votes.is_empty() {
        ui.label(RichText::new(format!("{go} go · {no_go} no-go · {open} undecided")).color(t.text_weak));
    }
    let row = |v: &Vote| ListRow {
        title: form.person_name(v.person.as_ref()),
        status: v.verdict.map_or_else(|| "○ undecided".to_owned(), |x| verdict_words(x).to_owned()),
    };
    let body = |ui: &mut Ui, v: &Vote, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            picks::person_row(&mut f, ui, form, "Person", "person", v.person.as_ref());
            f.opt_choice(
                ui,
                "Vote",
                "verdict",
                v.verdict,
                &[GoNoGoVerdict::Go, GoNoGoVerdict::NoGo],
                GoNoGoVerdict::label,
            );
            f.multiline(ui, "Note", "note", &v.note);
        });
    };
    let new = || Vote { id: form.new_id(IdKind::Vote), ..Vote::default() };
    list_ui(ui, out, &at, "votes", "vote", &g.votes, row, body, new);

    subheading(ui, "Sign-off");
    let mut f = Fields::new(at, out);
    Fields::grid(ui, ("release_form.go_no_go.verdict", &r.id), |ui| {
        f.opt_choice(
            ui,
            "Verdict",
            "verdict",
            g.verdict,
            &[GoNoGoVerdict::Go, GoNoGoVerdict::NoGo],
            GoNoGoVerdict::label,
        );
        picks::person_row(&mut f, ui, form, "Signed by", "signed_by", g.signed_by.as_ref());
        timestamp_row(&mut f, ui, "Signed at", "signed_at", g.signed_at);
        f.multiline(ui, "Notes", "notes", &g.notes);
    });
}

fn verdict_words(v: GoNoGoVerdict) -> &'static str {
    match v {
        GoNoGoVerdict::Go => "✔ Go",
        GoNoGoVerdict::NoGo => "✖ No-go",
    }
}

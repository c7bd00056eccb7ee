//! Communications (who is told what, how and when) and each stakeholder's
//! agreement of the release schedule.

use super::overview::subheading;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{Agreement, Communication, IdKind, Release};
use crate::ui::intent::Intents;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::Ui;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let sent = r.communications.iter().filter(|c| c.sent).count();
    let agreed = r.agreements.iter().filter(|a| a.agreed).count();
    format!(
        "{sent} of {} communications sent · {agreed} of {} stakeholders agreed",
        r.communications.len(),
        r.agreements.len()
    )
}

/// Draws the section.
pub(super) fn communications_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    subheading(ui, "Communications");
    let row = |c: &Communication| {
        let date = c.date.map_or_else(|| "no date".to_owned(), |d| d.to_string());
        let mark = if c.sent { "✔ sent" } else { "○ not sent" };
        let channel = if c.channel.is_empty() { String::new() } else { format!(" · {}", c.channel) };
        ListRow { title: picks::short(&c.audience, 60), status: format!("{date}{channel} · {mark}") }
    };
    let body = |ui: &mut Ui, c: &Communication, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Audience", "audience", &c.audience);
            f.text(ui, "Channel", "channel", &c.channel);
            f.date(ui, "Date", "date", c.date, form.today);
            f.multiline(ui, "Message", "message", &c.message);
            f.check(ui, "Sent", "sent", c.sent);
        });
    };
    let new =
        || Communication { id: form.new_id(IdKind::Communication), date: Some(form.today), ..Communication::default() };
    list_ui(ui, out, &form.at, "communications", "communication", &r.communications, row, body, new);

    subheading(ui, "Stakeholder agreement of the schedule");
    let row = |a: &Agreement| {
        let mark = match (a.agreed, a.on) {
            (true, Some(d)) => format!("✔ agreed {d}"),
            (true, None) => "✔ agreed".to_owned(),
            (false, _) => "○ not agreed yet".to_owned(),
        };
        ListRow { title: form.person_name(a.stakeholder.as_ref()), status: mark }
    };
    let body = |ui: &mut Ui, a: &Agreement, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            picks::person_row(&mut f, ui, form, "Stakeholder", "stakeholder", a.stakeholder.as_ref());
            f.check(ui, "Agreed", "agreed", a.agreed);
            f.date(ui, "Agreed on", "on", a.on, form.today);
            f.multiline(ui, "Note", "note", &a.note);
        });
    };
    let new = || Agreement { id: form.new_id(IdKind::Agreement), ..Agreement::default() };
    list_ui(ui, out, &form.at, "agreements", "stakeholder agreement", &r.agreements, row, body, new);
}

//! A change's authorisation: which authority decided, who signed, when,
//! and on what conditions (R10). The authorisation is set as a whole value.

use super::common::{combo_ui, date_time_ui, note_ui, person_combo_ui, text_width, warning_ui};
use crate::edit::{Edit, EditError, Path};
use crate::model::{Authorisation, Book, ChangeAuthority, ChangeRequest};
use crate::ui::intent::{Intent, Intents};
use egui::Ui;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The rows of a change's authorisation, inside the change's grid.
pub(super) fn authorisation_rows_ui(ui: &mut Ui, book: &Book, change: &ChangeRequest, at: &Path, out: &mut Intents) {
    let set = |a: Option<&Authorisation>| Edit::set(at.clone(), "authorisation", &a);
    let Some(auth) = &change.authorisation else {
        ui.label("Authorisation");
        ui.horizontal(|ui| {
            note_ui(ui, "Not yet authorised.");
            if ui.button("Record authorisation").on_hover_text("Record who authorised this change, and when").clicked()
            {
                let new = Authorisation { authority: change.authority, by: None, at: now(), note: String::new() };
                out.apply(set(Some(&new)));
            }
        });
        ui.end_row();
        return;
    };
    let with = |f: &dyn Fn(&mut Authorisation)| {
        let mut a = auth.clone();
        f(&mut a);
        set(Some(&a))
    };
    let salt = |part: &str| format!("{}.authorisation.{part}", at);

    ui.label("Authorised by");
    ui.horizontal(|ui| {
        let all = &ChangeAuthority::ALL;
        if let Some(authority) =
            combo_ui(ui, salt("authority"), "Authorised by", auth.authority, all, ChangeAuthority::label)
        {
            out.apply(with(&|a| a.authority = authority));
        }
        if ui.button("Remove authorisation").on_hover_text("This change has not been authorised after all").clicked() {
            out.apply(set(None));
        }
    });
    ui.end_row();
    if auth.authority != change.authority {
        ui.label("");
        warning_ui(
            ui,
            &format!("Authorised by {}, but this change needs {}.", auth.authority.label(), change.authority.label()),
        );
        ui.end_row();
    }

    ui.label("Signed by");
    if let Some(by) = person_combo_ui(ui, salt("by"), "Signed by", auth.by.as_ref(), &book.people) {
        out.apply(with(&|a| a.by = by.clone()));
    }
    ui.end_row();

    ui.label("When");
    let zone = TimeZone::system();
    ui.horizontal(|ui| {
        let local = zone.to_datetime(auth.at);
        date_time_ui(ui, &salt("at"), "Authorised at", local, out, |dt| {
            let ts = zone.to_timestamp(dt).map_err(|e| EditError::BadValue(e.to_string()))?;
            with(&|a| a.at = ts)
        });
        if ui.button("Now").on_hover_text("Set the time to now").clicked() {
            out.apply(with(&|a| a.at = now()));
        }
        note_ui(ui, zone.iana_name().unwrap_or("local time"));
    });
    ui.end_row();

    let label = ui.label("Conditions or remarks");
    let mut note = auth.note.clone();
    let r = ui
        .add(egui::TextEdit::multiline(&mut note).desired_rows(2).desired_width(text_width(ui)))
        .labelled_by(label.id);
    if r.changed() {
        out.typing(with(&|a| a.note.clone_from(&note)));
    }
    if r.lost_focus() {
        out.push(Intent::Seal);
    }
    ui.end_row();
}

/// Now, to the second.
fn now() -> Timestamp {
    let now = Timestamp::now();
    Timestamp::from_second(now.as_second()).unwrap_or(now)
}

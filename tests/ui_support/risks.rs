//! The risk view, for the UI tests of the register, the matrices and the
//! release's risk summary.

use super::{app_with_example, book};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::{CommandId, RelplanApp};

/// The app on the example book, showing the risk view.
pub fn risks_view() -> Harness<'static, RelplanApp> {
    let mut h = app_with_example();
    h.run();
    h.state_mut().run_command(CommandId::ViewRisks);
    h.run();
    h
}

/// The ids of the risks the register shows (its rows are named "Risk RISK-n title").
pub fn register_ids(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    h.get_all_by_label_contains("Risk RISK-")
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|l| l.strip_prefix("Risk ").and_then(|s| s.split_whitespace().next()).map(str::to_owned))
        .collect()
}

/// The ids of the book's risks that `keep` selects, sorted.
pub fn ids_where(h: &Harness<'static, RelplanApp>, keep: impl Fn(&relplan::model::Risk) -> bool) -> Vec<String> {
    let mut ids: Vec<String> = book(h).risks.iter().filter(|r| keep(r)).map(|r| r.id.to_string()).collect();
    ids.sort();
    ids
}

/// The register's ids, sorted.
pub fn shown_sorted(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    let mut ids = register_ids(h);
    ids.sort();
    ids
}

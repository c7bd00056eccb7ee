//! The left panel: the book's releases, filtered and sorted, with a health
//! badge per release. Only the visible rows are laid out.

use super::intent::{Intent, Intents};
use super::theme;
use crate::model::{Book, Id, Phase, Release};
use jiff::civil::Date;

/// How releases are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Earliest key date first.
    #[default]
    DateAscending,
    /// Latest key date first.
    DateDescending,
    /// By name.
    Name,
}

impl SortOrder {
    fn label(self) -> &'static str {
        match self {
            SortOrder::DateAscending => "Date, earliest first",
            SortOrder::DateDescending => "Date, latest first",
            SortOrder::Name => "Name",
        }
    }
}

/// The list's filters and order.
#[derive(Clone, Debug, Default)]
pub struct ListState {
    /// Only releases in this phase.
    pub phase: Option<Phase>,
    /// Only releases of this type.
    pub release_type: Option<Id>,
    /// Only releases deploying to this environment.
    pub environment: Option<Id>,
    /// Only releases whose id, name, version or summary contains this text.
    pub text: String,
    /// The order.
    pub sort: SortOrder,
    /// Put the keyboard focus in the search box on the next frame.
    pub focus_search: bool,
    /// The rows last shown, with the book and filters they were computed for.
    rows: Option<(super::memo::BookKey, Filters, std::sync::Arc<Vec<usize>>)>,
}

/// What decides which rows show and in which order.
type Filters = (Option<Phase>, Option<Id>, Option<Id>, String, SortOrder);

impl ListState {
    fn filters(&self) -> Filters {
        (self.phase, self.release_type.clone(), self.environment.clone(), self.text.clone(), self.sort)
    }

    /// The rows to show, recomputed only when the book or a filter changes.
    fn rows(&mut self, ctx: &egui::Context, book: &Book) -> std::sync::Arc<Vec<usize>> {
        let key = super::memo::book_key(ctx);
        let filters = self.filters();
        if let Some((k, f, rows)) = &self.rows
            && *k == key
            && *f == filters
        {
            return rows.clone();
        }
        let rows = std::sync::Arc::new(visible_releases(book, self));
        self.rows = Some((key, filters, rows.clone()));
        rows
    }
}

/// The date a release is known by: its first deployment, or its planned
/// deployment phase, or its planning start.
pub fn key_date(r: &Release) -> Option<Date> {
    r.deployments
        .iter()
        .map(|d| d.window.start.date())
        .min()
        .or(r.phases.deployment.planned_start)
        .or(r.phases.planning.planned_start)
}

/// When a release goes live ([`crate::schedule::go_live`]), else the
/// planned start of its deployment phase.
pub fn go_live(book: &Book, r: &Release) -> Option<Date> {
    crate::schedule::go_live(book, r).map(|d| d.window.start.date()).or(r.phases.deployment.planned_start)
}

/// A row's key dates: when it goes live and when it is planned to close,
/// e.g. "deploys 9 Mar 2027 · closes 30 Mar".
pub fn key_dates(book: &Book, r: &Release) -> String {
    let deploys = go_live(book, r);
    let (verb, first) = match (deploys, r.phases.planning.actual_start.or(r.phases.planning.planned_start)) {
        (Some(d), _) => ("deploys", Some(d)),
        (None, Some(s)) => ("starts", Some(s)),
        (None, None) => ("", None),
    };
    let close = r.phases.review_and_close.actual_end.or(r.phases.review_and_close.planned_end);
    match (first, close) {
        (Some(d), Some(c)) if c.year() == d.year() => {
            format!("{verb} {} · closes {}", d.strftime("%-d %b %Y"), c.strftime("%-d %b"))
        }
        (Some(d), Some(c)) => format!("{verb} {} · closes {}", d.strftime("%-d %b %Y"), c.strftime("%-d %b %Y")),
        (Some(d), None) => format!("{verb} {}", d.strftime("%-d %b %Y")),
        (None, Some(c)) => format!("closes {}", c.strftime("%-d %b %Y")),
        (None, None) => "no dates yet".to_owned(),
    }
}

/// The indices of the releases that pass the filters, in display order.
pub fn visible_releases(book: &Book, state: &ListState) -> Vec<usize> {
    let needle = state.text.trim().to_lowercase();
    let mut rows: Vec<usize> = book
        .releases
        .iter()
        .enumerate()
        .filter(|(_, r)| state.phase.is_none_or(|p| r.phase == p))
        .filter(|(_, r)| state.release_type.as_ref().is_none_or(|t| &r.release_type == t))
        .filter(|(_, r)| state.environment.as_ref().is_none_or(|e| r.deployments.iter().any(|d| &d.environment == e)))
        .filter(|(_, r)| {
            needle.is_empty()
                || [r.id.as_str(), &r.name, &r.version, &r.summary].iter().any(|s| s.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    match state.sort {
        SortOrder::DateAscending => {
            rows.sort_by_cached_key(|&i| (key_date(&book.releases[i]).is_none(), key_date(&book.releases[i])));
        }
        SortOrder::DateDescending => rows.sort_by_cached_key(|&i| std::cmp::Reverse(key_date(&book.releases[i]))),
        SortOrder::Name => rows.sort_by_cached_key(|&i| book.releases[i].name.to_lowercase()),
    }
    rows
}

/// How many findings of each weight a release has; the list shows errors
/// and warnings (info notes are for the Checks view).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    /// Findings that must be fixed.
    pub errors: usize,
    /// Findings that should be fixed.
    pub warnings: usize,
    /// Notes, good to know.
    pub infos: usize,
}

impl Problems {
    /// Counts one more finding.
    pub fn add(&mut self, severity: crate::check::Severity) {
        match severity {
            crate::check::Severity::Error => self.errors += 1,
            crate::check::Severity::Warning => self.warnings += 1,
            crate::check::Severity::Info => self.infos += 1,
        }
    }

    /// The counts of a list of findings.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a crate::check::Finding>) -> Self {
        let mut counts = Self::default();
        for f in findings {
            counts.add(f.severity);
        }
        counts
    }

    /// Every weight there is, heaviest first, e.g. "1 error, 10 notes".
    pub fn breakdown(self) -> String {
        let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        [(self.errors, "error", "errors"), (self.warnings, "warning", "warnings"), (self.infos, "note", "notes")]
            .into_iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| n(count, one, many))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The counts in words, e.g. "1 error and 3 warnings (and 10 notes in Checks)".
    pub fn words(self) -> String {
        let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        let mut text = format!("{} and {}", n(self.errors, "error", "errors"), n(self.warnings, "warning", "warnings"));
        if self.infos > 0 {
            text.push_str(&format!(" (and {} in Checks)", n(self.infos, "note", "notes")));
        }
        text
    }
}

/// Shows the release list and returns selections in `out`.
pub fn release_list_ui(
    ui: &mut egui::Ui,
    book: &Book,
    problems: &std::collections::HashMap<Id, Problems>,
    selected: Option<&Id>,
    state: &mut ListState,
    out: &mut Intents,
) {
    let t = theme::tokens(ui.ctx());
    ui.horizontal(|ui| {
        ui.heading("Releases");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("+ New").on_hover_text("New release (Ctrl+N)").clicked() {
                out.push(Intent::Run(super::CommandId::NewRelease));
            }
        });
    });
    filters_ui(ui, book, state);
    let rows = state.rows(ui.ctx(), book);
    ui.weak(format!("{} of {} releases", rows.len(), book.releases.len()));
    ui.separator();
    let row_height = t.row_height + t.spacing;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, rows.len(), |ui, range| {
        for &i in &rows[range] {
            let r = &book.releases[i];
            let problems = problems.get(&r.id).copied().unwrap_or_default();
            row_ui(ui, book, r, problems, selected == Some(&r.id), out);
        }
    });
}

fn filters_ui(ui: &mut egui::Ui, book: &Book, state: &mut ListState) {
    ui.horizontal_wrapped(|ui| {
        let phase = state.phase.map_or("All phases", Phase::label);
        super::widgets::named_combo(ui, "filter.phase", "Phase filter", phase, |ui| {
            ui.selectable_value(&mut state.phase, None, "All phases");
            for p in Phase::ALL {
                ui.selectable_value(&mut state.phase, Some(p), p.label());
            }
        });
        let kind =
            state.release_type.as_ref().and_then(|id| book.release_type(id)).map_or("All types", |t| t.name.as_str());
        super::widgets::named_combo(ui, "filter.type", "Type filter", kind, |ui| {
            ui.selectable_value(&mut state.release_type, None, "All types");
            for t in &book.policy.release_types {
                ui.selectable_value(&mut state.release_type, Some(t.id.clone()), &t.name);
            }
        });
        let env = state
            .environment
            .as_ref()
            .and_then(|id| book.environment(id))
            .map_or("All environments", |e| e.name.as_str());
        super::widgets::named_combo(ui, "filter.env", "Environment filter", env, |ui| {
            ui.selectable_value(&mut state.environment, None, "All environments");
            for e in &book.environments {
                ui.selectable_value(&mut state.environment, Some(e.id.clone()), &e.name);
            }
        });
        super::widgets::named_combo(ui, "filter.sort", "Sort order", &format!("Sort: {}", state.sort.label()), |ui| {
            for s in [SortOrder::DateAscending, SortOrder::DateDescending, SortOrder::Name] {
                ui.selectable_value(&mut state.sort, s, s.label());
            }
        });
    });
}

fn row_ui(ui: &mut egui::Ui, book: &Book, r: &Release, problems: Problems, is_selected: bool, out: &mut Intents) {
    let t = theme::tokens(ui.ctx());
    let kind = book.release_type(&r.release_type).map_or("No type", |t| t.name.as_str());
    let dates = key_dates(book, r);
    let risk = super::risks::summary::release_summary(ui.ctx(), book, &r.id);
    let fill = if is_selected { t.raised } else { egui::Color32::TRANSPARENT };
    let response = egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.set_height(t.row_height);
            // The badges are laid out first, from the right, so a long name
            // is shortened rather than the health badges dropped.
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let shown = problems.errors + problems.warnings;
                    if shown > 0 {
                        let colour = if problems.errors > 0 { t.error } else { t.warning };
                        ui.label(egui::RichText::new(format!("⚠ {shown}")).color(colour).small())
                            .on_hover_text(problems.words());
                    }
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    let name_width = ui.painter().layout_no_wrap(r.name.clone(), font, t.text).size().x;
                    // The risk summary (highest open residual score, then open
                    // risks per band) takes what the name leaves, but always at
                    // least room for its short form, "max 20".
                    let room = (ui.available_width() - name_width - t.spacing).max(ui.available_width() * 0.3);
                    super::risks::summary::compact_ui(ui, &risk, room);
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&r.name).strong()).truncate());
                    });
                });
            });
            let line =
                egui::RichText::new(format!("{} · {kind} · {dates}", r.phase.label())).small().color(t.text_weak);
            ui.add(egui::Label::new(line).truncate());
        })
        .response;
    let click = ui.interact(response.rect, ui.make_persistent_id(("release.row", &r.id)), egui::Sense::click());
    let label = format!("{} — {} — {}", r.name, r.phase.label(), kind);
    click.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &label));
    if click.clicked() {
        out.push(Intent::SelectRelease(r.id.clone()));
    }
    if click.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
}

//! The application's state: the open book, the view, dialogs, background
//! jobs and settings. The frame loop is in `app_loop`.

use super::dialogs::Dialog;
use super::jobs::{self, Job};
use super::prefs::Prefs;
use super::screenshot::{ScreenshotPlan, ViewName};
use super::session::Session;
use super::theme::Theme;
use crate::edit::Document;
use crate::model::Id;
use std::path::PathBuf;

/// How the window starts: which book, which view, and whether to take a screenshot.
#[derive(Debug, Default, Clone)]
pub struct StartOptions {
    /// The book to open; `None` for the last book, or the example.
    pub file: Option<PathBuf>,
    /// The view to show first.
    pub view: Option<ViewName>,
    /// The release to select first.
    pub release: Option<String>,
    /// The theme to use instead of the saved one.
    pub theme: Option<Theme>,
    /// Write a PNG of the window and exit.
    pub screenshot: Option<ScreenshotPlan>,
    /// With the present view: the slide to show first, from 1.
    pub slide: Option<usize>,
    /// Offer the unsaved changes that a Relplan which stopped left behind
    /// (the window does; tests ask for it).
    pub recover: bool,
}

/// The main area's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainView {
    /// The selected release's plan.
    Release,
    /// The book's shared records.
    Book,
    /// The release schedule.
    Calendar,
    /// The risk register and matrices.
    Risks,
    /// The ISO/IEC 20000 findings.
    Checks,
}

/// A message in the status bar.
#[derive(Clone, Debug)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub is_error: bool,
}

/// The running application.
pub struct RelplanApp {
    pub(super) session: Option<Session>,
    pub(super) prefs: Prefs,
    pub(super) view: MainView,
    pub(super) selected: Option<Id>,
    pub(super) list: super::release_list::ListState,
    pub(super) book_view: super::book_view::BookViewState,
    pub(super) calendar: super::calendar::CalendarState,
    pub(super) risks: super::risks::RiskViewState,
    pub(super) checks: super::checks::ChecksState,
    /// Findings of the open book, and the book state they were computed for.
    findings_cache: Option<(u64, u64, std::rc::Rc<Vec<crate::check::Finding>>)>,
    /// Findings per release, for the release list's badges; follows `findings_cache`.
    pub(super) problem_counts: std::rc::Rc<std::collections::HashMap<Id, super::release_list::Problems>>,
    /// Counts the books opened, so that a cache never mixes two books.
    generation: u64,
    pub(super) show_history: bool,
    pub(super) palette: super::palette::PaletteState,
    pub(super) dialog: Option<Dialog>,
    /// The meeting-room walkthrough, while it runs.
    pub(super) present: Option<super::present::PresentState>,
    /// The status text the walkthrough's footer shows, and since when (egui time).
    pub(super) present_message: Option<(String, f64)>,
    pub(super) jobs: Vec<Job>,
    pub(super) status: Option<Status>,
    pub(super) load_error: Option<String>,
    pub(super) close_after_save: bool,
    /// A book to open once the save under way has succeeded ("Save, then
    /// open" when another book is asked for while this one has changes).
    pub(super) open_after_save: Option<std::path::PathBuf>,
    pub(super) close_confirmed: bool,
    pub(super) screenshot: Option<ScreenshotPlan>,
    /// A PNG of the window the Export dialog asked for, until it is taken.
    pub(super) png_export: Option<super::screenshot::PngExport>,
    /// The theme and zoom last applied to the window.
    pub(super) applied_look: Option<(Theme, f32)>,
    /// The window title last sent.
    pub(super) last_title: String,
    pub(super) ctx: egui::Context,
    /// Whether the window had the keyboard focus last frame.
    pub(super) was_focused: bool,
    /// The book's file changed or vanished on disk (noticed when the window regained focus).
    pub(super) disk_notice: Option<crate::store::DiskState>,
    first_frame_reported: bool,
    /// A book read from a file that someone else has open, waiting for the
    /// user's choice in the lock dialog.
    pub(super) pending_open: Option<super::lock_dialog::PendingOpen>,
    /// The lock on the file a Save as… is writing, until it is done.
    pub(super) save_as_lock: Option<crate::store::BookLock>,
    /// Recovered books not yet restored or discarded.
    pub(super) recovered: Vec<crate::store::Recovered>,
    /// What the start would have opened, while recovered books are offered.
    pub(super) deferred_open: Option<Option<PathBuf>>,
    /// The last problem writing the recovery journal, once reported.
    pub(super) journal_problem: Option<String>,
}

impl RelplanApp {
    /// Starts the app from eframe.
    pub fn new(cc: &eframe::CreationContext<'_>, prefs: Prefs, start: StartOptions) -> Self {
        egui_extras::install_image_loaders(&cc.egui_ctx);
        Self::with_options(&cc.egui_ctx, prefs, start)
    }

    /// Starts the app on a context (also used by tests and benchmarks).
    pub fn with_options(ctx: &egui::Context, prefs: Prefs, start: StartOptions) -> Self {
        let mut app = Self::blank(ctx, prefs, &start);
        let last = app.prefs.recent.first().filter(|p| p.exists()).cloned();
        let target = start.file.or(last);
        if start.recover && app.offer_recovery(&target) {
            return app;
        }
        match target {
            // A screenshot must show the book, so it loads before the first frame.
            Some(path) if app.screenshot.is_some() => app.open_now(&path),
            // A small book is read at once, so the first frame shows it.
            Some(path) if jobs::opens_at_once(&path) => app.finish_job(ctx, jobs::open_book(path)),
            Some(path) => app.jobs.push(jobs::open(path)),
            None => app.open_example(),
        }
        let named = start.release.is_some();
        if let Some(r) = start.release {
            app.selected = Some(Id::from(r));
        }
        match (start.view, &app.selected) {
            // The walkthrough of one release when one was named, else of the upcoming ones.
            (Some(ViewName::Present), Some(id)) if named => {
                app.start_presenting(crate::present::Scope::Release(id.clone()));
            }
            (Some(ViewName::Present), _) => app.start_presenting(crate::present::Scope::Upcoming),
            (Some(view), _) => app.show_view(view),
            (None, _) => {}
        }
        if let (Some(state), Some(n)) = (&mut app.present, start.slide) {
            state.index = n.saturating_sub(1);
        }
        app
    }

    /// Starts the app on a book already in memory (for tests and benchmarks).
    pub fn with_book(ctx: &egui::Context, prefs: Prefs, book: crate::model::Book) -> Self {
        let mut app = Self::blank(ctx, prefs, &StartOptions::default());
        let mut session = Session::new(Document::new(book), None, Vec::new());
        app.protect(&mut session);
        app.set_session(session);
        app
    }

    fn blank(ctx: &egui::Context, mut prefs: Prefs, start: &StartOptions) -> Self {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        super::jobs::wake_on_finish(ctx);
        if let Some(theme) = start.theme {
            prefs.theme = theme;
        }
        Self {
            session: None,
            prefs,
            view: MainView::Release,
            selected: None,
            list: Default::default(),
            book_view: Default::default(),
            calendar: Default::default(),
            risks: Default::default(),
            checks: Default::default(),
            findings_cache: None,
            problem_counts: std::rc::Rc::default(),
            generation: 0,
            show_history: false,
            palette: Default::default(),
            dialog: None,
            present: None,
            present_message: None,
            jobs: Vec::new(),
            status: None,
            load_error: None,
            close_after_save: false,
            open_after_save: None,
            close_confirmed: false,
            screenshot: start.screenshot.clone(),
            png_export: None,
            applied_look: None,
            last_title: String::new(),
            ctx: ctx.clone(),
            was_focused: true,
            disk_notice: None,
            first_frame_reported: false,
            pending_open: None,
            save_as_lock: None,
            recovered: Vec::new(),
            deferred_open: None,
            journal_problem: None,
        }
    }

    /// For `benches/startup.sh`: with `RELPLAN_EXIT_AFTER_FIRST_FRAME` set,
    /// prints the time from start to the end of the first frame that shows
    /// the book (not a frame still waiting for it to open) and closes.
    pub(super) fn report_first_frame(&mut self, ctx: &egui::Context) {
        if self.first_frame_reported || self.session.is_none() || self.is_busy() {
            return;
        }
        self.first_frame_reported = true;
        if std::env::var_os("RELPLAN_EXIT_AFTER_FIRST_FRAME").is_some() {
            println!("FIRST_FRAME_MS {:.1}", crate::ui::started().elapsed().as_secs_f64() * 1e3);
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Shows this release (for tests and benchmarks; people click the list).
    pub fn select_release(&mut self, id: Id) {
        self.selected = Some(id);
        self.view = MainView::Release;
    }

    /// The selected release's id.
    pub fn selected_release_id(&self) -> Option<&Id> {
        self.selected.as_ref()
    }

    /// Whether a file is being opened or saved in the background.
    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Whether a dialog is open.
    pub fn has_dialog(&self) -> bool {
        self.dialog.is_some()
    }

    /// The preferences in use.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The open book, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The open book, to change directly (tests use it to fix the clock).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    /// Whether a close request has been accepted.
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// Makes a book the open one. The book open before is closed; its
    /// unsaved changes were given up (every way here asks first), so its
    /// recovery file goes.
    pub(super) fn set_session(&mut self, session: Session) {
        if let Some(journal) = self.session.as_mut().and_then(|s| s.journal.as_mut()) {
            journal.clear();
        }
        self.disk_notice = None;
        self.generation += 1;
        self.findings_cache = None;
        let keep = self.selected.as_ref().filter(|id| session.doc.book().release(id).is_some()).cloned();
        self.selected = keep.or_else(|| session.doc.book().releases.first().map(|r| r.id.clone()));
        if let Some(author) = self.prefs.author.clone() {
            let mut session = session;
            session.doc.set_author(&author);
            self.session = Some(session);
        } else {
            self.session = Some(session);
        }
    }

    pub(super) fn set_status(&mut self, text: String, is_error: bool) {
        self.status = Some(Status { text, is_error });
    }

    /// Which state of which book is shown, for results cached per change of the book.
    pub(super) fn book_key(&self) -> super::memo::BookKey {
        let state = self.session.as_ref().map_or(0, |s| s.doc.history().state());
        super::memo::BookKey { generation: self.generation, state }
    }

    /// Every finding about the open book (structural and process rules),
    /// computed once per change of the book.
    pub fn findings(&mut self) -> std::rc::Rc<Vec<crate::check::Finding>> {
        let Some(s) = &self.session else { return std::rc::Rc::default() };
        let state = s.doc.history().state();
        if let Some((generation, cached_state, findings)) = &self.findings_cache
            && *generation == self.generation
            && *cached_state == state
        {
            return findings.clone();
        }
        // Until the first edit, the structural findings found on opening keep
        // their line and column in the file; after it, they are found afresh
        // so a broken reference made in the window shows at once.
        let findings = if state == 0 {
            let mut found = s.findings.clone();
            found.extend(crate::check::process_findings(s.doc.book(), today()));
            found
        } else {
            crate::check::all_findings(s.doc.book(), today())
        };
        let mut counts = std::collections::HashMap::new();
        for f in &findings {
            if let Some(r) = &f.release {
                counts.entry(r.clone()).or_insert_with(super::release_list::Problems::default).add(f.severity);
            }
        }
        self.problem_counts = std::rc::Rc::new(counts);
        let findings = std::rc::Rc::new(findings);
        self.findings_cache = Some((self.generation, state, findings.clone()));
        findings
    }

    pub(super) fn show_view(&mut self, view: ViewName) {
        self.view = match view {
            ViewName::Release | ViewName::Releases => MainView::Release,
            ViewName::Book => MainView::Book,
            ViewName::Calendar => MainView::Calendar,
            ViewName::Risks => MainView::Risks,
            ViewName::Checks => MainView::Checks,
            ViewName::History => {
                self.show_history = true;
                MainView::Release
            }
            ViewName::Present => {
                self.present_selected();
                self.view
            }
        };
    }

    /// The window title: the book's name and a marker for unsaved changes.
    pub fn title(&self) -> String {
        match &self.session {
            Some(s) => format!(
                "{}{}{} — Relplan",
                if s.doc.is_dirty() { "• " } else { "" },
                s.display_name(),
                if s.is_read_only() { " (read-only)" } else { "" }
            ),
            None => "Relplan".to_owned(),
        }
    }
}

/// Today's date in the user's time zone, or `RELPLAN_TODAY` (YYYY-MM-DD)
/// when set, so that demos, screenshots and tests can fix the date.
pub fn today() -> jiff::civil::Date {
    std::env::var("RELPLAN_TODAY").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(|| jiff::Zoned::now().date())
}

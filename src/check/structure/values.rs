//! S4–S7: no impossible values: windows end after they start and name a
//! real time zone, phase dates run forwards, risk scores lie on the
//! policy's scale, and the policy itself makes sense.

use super::Checker;
use crate::check::Severity;
use crate::edit::Path;
use crate::model::{PhaseDates, Release, Risk, Window};

impl<'a> Checker<'a> {
    /// S5: the risk scale and its bands make sense.
    pub(crate) fn policy(&mut self) {
        let p = self.book.policy.risk;
        let at = Path::root().field("policy");
        if !(3..=5).contains(&p.scale) {
            self.error("S5", at.clone(), "risk", format!("The risk scale is {}; it must be 3, 4 or 5.", p.scale));
            return;
        }
        let max = p.max_score();
        let ok = 1 <= p.medium_from
            && p.medium_from <= p.high_from
            && p.high_from <= p.critical_from
            && p.critical_from <= max;
        if !ok {
            self.error(
                "S5",
                at.clone(),
                "risk",
                format!(
                    "The risk bands must start in increasing order within 1–{max}; they start at {}, {} and {}.",
                    p.medium_from, p.high_from, p.critical_from
                ),
            );
        }
        if self.book.policy.release_types.is_empty() {
            self.push(
                "S7",
                Severity::Warning,
                at,
                Some("release_types"),
                "The policy has no release types.".to_owned(),
            );
        }
    }

    fn window(&mut self, w: &'a Window, at: &dyn Fn() -> Path) {
        if w.end < w.start {
            self.error("S4", at(), "end", format!("The window ends ({}) before it starts ({}).", w.end, w.start));
        } else if w.end == w.start {
            let message =
                format!("The window ends when it starts ({}), so it has no length; make it end later.", w.end);
            self.error("S4", at(), "end", message);
        }
        if !self.known_zone(&w.zone) {
            let message = if w.zone.is_empty() {
                "The window has no time zone.".to_owned()
            } else {
                format!("“{}” is not a time zone Relplan knows (use a name such as Europe/London or UTC).", w.zone)
            };
            self.error("S6", at(), "zone", message);
        }
        if let Some(until) = w.until
            && until < w.start.date()
        {
            self.error("S4", at(), "until", format!("The window repeats until {until}, before it first starts."));
        }
    }

    /// S4, S6: windows end after they start and name a real time zone.
    pub(crate) fn windows(&mut self) {
        for bo in &self.book.blackouts {
            self.window(&bo.window, &|| Path::root().item("blackouts", &bo.id).field("window"));
        }
        for env in &self.book.environments {
            for mw in &env.maintenance_windows {
                let at =
                    || Path::root().item("environments", &env.id).item("maintenance_windows", &mw.id).field("window");
                self.window(&mw.window, &at);
            }
        }
    }

    fn phase_dates(&mut self, d: &PhaseDates, at: &dyn Fn() -> Path) {
        if let (Some(s), Some(e)) = (d.planned_start, d.planned_end)
            && e < s
        {
            self.error("S4", at(), "planned_end", format!("The phase is planned to end ({e}) before it starts ({s})."));
        }
        if let (Some(s), Some(e)) = (d.actual_start, d.actual_end)
            && e < s
        {
            self.error("S4", at(), "actual_end", format!("The phase ended ({e}) before it started ({s})."));
        }
    }

    /// S4, S5, S6, S7 within one release: its name, phase dates and
    /// deployment windows.
    pub(crate) fn release_parts(&mut self, r: &'a Release) {
        self.release = Some(r.id.clone());
        let at = || Path::root().item("releases", &r.id);
        if r.name.trim().is_empty() {
            self.push("S7", Severity::Warning, at(), Some("name"), "The release has no name.".to_owned());
        }
        for phase in crate::model::Phase::ALL {
            if let (Some(dates), Some(field)) = (r.phases.get(phase), crate::model::PhasePlan::field_name(phase)) {
                self.phase_dates(dates, &|| at().field("phases").field(field));
            }
        }
        for d in &r.deployments {
            let dat = || at().item("deployments", &d.id);
            self.window(&d.window, &|| dat().field("window"));
            if d.window.repeat != crate::model::Repeat::Never {
                self.error(
                    "S5",
                    dat().field("window"),
                    "repeat",
                    "A deployment window happens once; it cannot repeat.".to_owned(),
                );
            }
        }
        self.release = None;
    }

    /// S5: likelihood and impact of every risk lie on the policy's scale.
    pub(crate) fn risk_values(&mut self) {
        self.book.risks.iter().for_each(|risk| self.risk_value(risk));
    }

    /// S5: likelihood and impact of one risk lie on the policy's scale.
    /// When the scale itself is not valid (the policy's own finding says
    /// so), only values that no scale allows are reported.
    pub(crate) fn risk_value(&mut self, risk: &Risk) {
        let scale = self.book.policy.risk.scale;
        let valid = (3..=5).contains(&scale);
        let at = || Path::root().item("risks", &risk.id);
        for (field, value) in [
            ("likelihood", risk.likelihood),
            ("impact", risk.impact),
            ("residual_likelihood", risk.residual_likelihood),
            ("residual_impact", risk.residual_impact),
        ] {
            let words = field.replace('_', " ");
            if valid && (value < 1 || value > scale) {
                let message = format!("The {words} is {value}; on this book's scale it must be 1 to {scale}.");
                self.error("S5", at(), field, message);
            } else if !valid && !(1..=5).contains(&value) {
                let message = format!(
                    "The {words} is {value}, which no risk scale allows (scales run from 1 to 3, 4 or 5); this \
                     book's risk scale, {scale}, is not a valid scale either."
                );
                self.error("S5", at(), field, message);
            }
        }
    }
}

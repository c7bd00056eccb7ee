//! The schedule of one release: its type, service area, deployment days
//! clear of blackouts, phase dates, and the phase it is in "today".

use super::Gen;
use super::calendar::{Calendar, TODAY, next_weekday};
use super::names::{AREAS, EMERGENCY, HOTFIX, PATCH, SECURITY, TYPES};
use crate::model::{EnvironmentKind, Phase, PhaseDates, PhasePlan};

/// Index of the Test environment in the book's environments.
pub const TEST: usize = 1;
/// Index of the Staging environment.
pub const STAGING: usize = 2;
/// Index of the Production environment.
pub const PROD: usize = 3;
/// Index of the disaster-recovery environment.
pub const DR: usize = 4;

/// The kind of each environment, by index.
const KINDS: [EnvironmentKind; 5] = [
    EnvironmentKind::Development,
    EnvironmentKind::Test,
    EnvironmentKind::Staging,
    EnvironmentKind::Production,
    EnvironmentKind::DisasterRecovery,
];

/// The kind of the environment at index `env`.
pub fn kind(env: usize) -> EnvironmentKind {
    KINDS.get(env).copied().unwrap_or_default()
}

/// Days after production deployment in which incidents count (the policy's default).
pub const ELS_DAYS: i32 = 14;

/// When things happen in one release, as day offsets.
pub struct Plan {
    /// Index into [`TYPES`].
    pub ty: usize,
    /// Index into [`AREAS`].
    pub area: usize,
    /// First day of planning.
    pub plan_start: i32,
    /// First day of build and test.
    pub build_start: i32,
    /// Day of the first deployment.
    pub first_deploy: i32,
    /// Day of the production deployment.
    pub prod: i32,
    /// Day of the last deployment.
    pub last_deploy: i32,
    /// Day of the go/no-go meeting.
    pub go_day: i32,
    /// Day the post-implementation review is completed.
    pub review_end: i32,
    /// The phase on "today".
    pub phase: Phase,
    /// Deployments in order: environment index and day.
    pub deploys: Vec<(usize, i32)>,
    /// Whether a deployment falls inside a blackout (emergencies only).
    pub in_freeze: bool,
}

impl Plan {
    /// Whether the release is an emergency.
    pub fn emergency(&self) -> bool {
        self.ty == EMERGENCY
    }

    /// Whether the release skips the Sunday production window.
    pub fn urgent(&self) -> bool {
        self.ty == EMERGENCY || self.ty == HOTFIX
    }

    /// Whether the release has reached `phase` on "today".
    pub fn reached(&self, phase: Phase) -> bool {
        self.phase >= phase
    }

    /// The planned and actual phase dates.
    pub fn phase_plan(&self, cal: &Calendar, slip: bool) -> PhasePlan {
        let spans = [
            (Phase::Planning, self.plan_start, self.build_start - 1),
            (Phase::BuildAndTest, self.build_start, self.first_deploy - 1),
            (Phase::Deployment, self.first_deploy, self.last_deploy),
            (Phase::ReviewAndClose, self.last_deploy + 1, self.review_end),
        ];
        let mut out = PhasePlan::default();
        let dates = |d: i32| Some(cal.date(d));
        for (phase, start, end) in spans {
            let mut pd = PhaseDates { planned_start: dates(start), planned_end: dates(end), ..PhaseDates::default() };
            if self.phase >= phase {
                // A phase longer than a day sometimes starts a day late.
                let late = i32::from(slip && end > start && phase == Phase::BuildAndTest);
                pd.actual_start = dates(start + late);
                if self.phase > phase {
                    pd.actual_end = dates(end);
                }
            }
            match phase {
                Phase::Planning => out.planning = pd,
                Phase::BuildAndTest => out.build_and_test = pd,
                Phase::Deployment => out.deployment = pd,
                _ => out.review_and_close = pd,
            }
        }
        out
    }
}

impl Gen {
    /// Schedules the `i`-th of `n` releases: production deployments spread
    /// evenly over two years, moved off blackouts (emergencies stay put and
    /// get an exception instead).
    pub(super) fn schedule(&mut self, i: usize, n: usize) -> Plan {
        let weights: Vec<u32> = TYPES.iter().map(|t| t.weight).collect();
        let ty = self.rng.weighted(&weights);
        let area = self.rng.below(AREAS.len());
        let spread = (i as i64 * 730 / n.max(1) as i64) as i32;
        let target = spread + self.rng.range(-3, 3);
        let variant = self.rng.chance(65);
        // Regular releases go live in the Sunday window, hotfixes in the
        // Tuesday or Thursday evening window, emergencies when needed.
        let snap = |day: i32| match ty {
            EMERGENCY => day,
            HOTFIX => next_weekday(day, 1).min(next_weekday(day, 3)),
            _ => next_weekday(day, 6),
        };
        let mut prod = snap(target);
        let mut deploys = layout(ty, variant, prod);
        let frozen = |g: &Gen, d: &[(usize, i32)]| d.iter().any(|&(e, day)| g.cal.frozen(kind(e), day));
        let mut in_freeze = frozen(self, &deploys);
        if ty != EMERGENCY {
            for _ in 0..12 {
                if !in_freeze {
                    break;
                }
                prod = snap(prod + 1);
                deploys = layout(ty, variant, prod);
                in_freeze = frozen(self, &deploys);
            }
        }
        let first_deploy = deploys.iter().map(|d| d.1).min().unwrap_or(prod);
        let last_deploy = deploys.iter().map(|d| d.1).max().unwrap_or(prod);
        let spec = &TYPES[ty];
        let build_start = first_deploy - self.rng.range(spec.build.0, spec.build.1).max(1);
        let plan_start = build_start - self.rng.range(spec.planning.0, spec.planning.1).max(1);
        let go_day = if ty == EMERGENCY || ty == HOTFIX { prod } else { prod - 2 };
        let review_end = prod + ELS_DAYS + self.rng.range(2, 8);
        let phase = if review_end < TODAY {
            Phase::Closed
        } else if prod < TODAY {
            Phase::ReviewAndClose
        } else if first_deploy <= TODAY {
            Phase::Deployment
        } else if build_start <= TODAY {
            Phase::BuildAndTest
        } else {
            Phase::Planning
        };
        Plan {
            ty,
            area,
            plan_start,
            build_start,
            first_deploy,
            prod,
            last_deploy,
            go_day,
            review_end,
            phase,
            deploys,
            in_freeze,
        }
    }
}

/// The environments and days a release of type `ty` deploys to, for a
/// production deployment on `prod`.
fn layout(ty: usize, variant: bool, prod: i32) -> Vec<(usize, i32)> {
    match ty {
        EMERGENCY => vec![(STAGING, prod), (PROD, prod)],
        HOTFIX => vec![(STAGING, prod - 1), (PROD, prod)],
        PATCH | SECURITY if variant => vec![(STAGING, prod - 4), (PROD, prod)],
        PATCH | SECURITY => vec![(STAGING, prod - 4), (PROD, prod), (DR, prod)],
        _ if variant => vec![(TEST, prod - 12), (STAGING, prod - 4), (PROD, prod)],
        _ => vec![(STAGING, prod - 4), (PROD, prod), (DR, prod)],
    }
}

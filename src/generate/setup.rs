//! The parts of a book that releases share: policy, people, environments,
//! blackouts, configuration items and standing known errors.

use super::calendar::{Freeze, ZONE};
use super::names::{self, AREAS, COMPONENTS, FIRST, LAST, REGIONS, TEAMS, TYPES};
use super::{CiState, Gen, prose};
use crate::model::{
    Blackout, BlackoutScope, ConfigItem, Environment, EnvironmentKind, Frequency, FrequencyUnit, IdKind, KnownError,
    KnownErrorKind, MaintenanceWindow, Person, Policy, ProblemStatus, ReleaseType, Repeat, Role, Window,
};
use jiff::civil::{Date, date};

/// A weekly maintenance window: name, day offset of the first occurrence,
/// start hour and end hour.
type WeeklyWindow = (&'static str, i32, i8, i8);

/// The environments: kind, name, what it is for, and its weekly windows.
const ENVIRONMENTS: &[(EnvironmentKind, &str, &str, &[WeeklyWindow])] = &[
    (
        EnvironmentKind::Development,
        "Development",
        "Shared build and integration cluster.",
        &[("Monday morning", 0, 7, 9)],
    ),
    (
        EnvironmentKind::Test,
        "Test",
        "Functional and regression testing; refreshed weekly.",
        &[("Tuesday evening", 1, 18, 22), ("Thursday evening", 3, 18, 22)],
    ),
    (
        EnvironmentKind::Staging,
        "Staging",
        "Production-like rehearsal, masked data.",
        &[("Monday evening", 0, 19, 23), ("Wednesday evening", 2, 19, 23)],
    ),
    (
        EnvironmentKind::Production,
        "Production",
        "Live service in the London data centres.",
        &[
            ("Sunday early morning", 6, 1, 5),
            ("Tuesday evening (hotfixes)", 1, 20, 23),
            ("Thursday evening (hotfixes)", 3, 20, 23),
        ],
    ),
    (EnvironmentKind::DisasterRecovery, "DR", "Warm standby in Manchester.", &[("Sunday morning", 6, 6, 9)]),
];

/// One-off freezes: name, reason, first day, last day, production only.
const ONE_OFF: &[(&str, &str, Date, Date, bool)] = &[
    ("ISO/IEC 20000 surveillance audit", "Auditors on site.", date(2026, 6, 15), date(2026, 6, 17), true),
    ("Data-centre power maintenance", "UPS replacement in London DC2.", date(2026, 9, 12), date(2026, 9, 13), false),
    ("Black Friday trading peak", "Highest card volumes of the year.", date(2026, 11, 26), date(2026, 11, 30), true),
    ("Financial year-end close", "Ledger close and audit.", date(2027, 3, 29), date(2027, 4, 2), true),
    ("Core network upgrade", "Carrier replaces core routers.", date(2027, 7, 17), date(2027, 7, 18), false),
    ("Black Friday trading peak", "Highest card volumes of the year.", date(2027, 11, 25), date(2027, 11, 29), true),
];

impl Gen {
    /// The release policy with the seven default release types.
    ///
    /// Expected frequencies grow with the book, so that the cadence of a
    /// big synthetic book stays within them (at twice the average rate).
    pub(super) fn policy(&mut self, releases: usize) {
        let total: u32 = TYPES.iter().map(|t| t.weight).sum();
        let mut policy = Policy { naming_convention: "{text} {year}.{month}.{n}".to_owned(), ..Policy::default() };
        for t in TYPES {
            policy.release_types.push(ReleaseType {
                id: self.book.ledger.next_id(IdKind::ReleaseType),
                name: t.name.to_owned(),
                description: t.description.to_owned(),
                expected_frequency: Some(Frequency { count: expected(t, total, releases), unit: t.unit }),
                emergency: t.emergency,
            });
        }
        self.book.policy = policy;
    }

    /// 30 to 60 people, more for bigger books, each with one or more roles.
    pub(super) fn people(&mut self, releases: usize) {
        let count = 30 + (releases / 70).min(30);
        let (a, b) = (self.rng.below(FIRST.len()), self.rng.below(LAST.len()));
        for i in 0..count {
            let (roles, team) = roles_of(i);
            let first = FIRST[(a + i) % FIRST.len()];
            let last = LAST[(b + 5 * i) % LAST.len()];
            let id = self.book.ledger.next_id(IdKind::Person);
            let s = &mut self.staff;
            for role in roles {
                let list = match role {
                    Role::ReleaseManager => &mut s.release_managers,
                    Role::ChangeManager => &mut s.change_managers,
                    Role::CabMember => &mut s.cab,
                    Role::EcabMember => &mut s.ecab,
                    Role::ServiceOwner => &mut s.service_owners,
                    Role::TechnicalOwner => &mut s.technical,
                    Role::Stakeholder => &mut s.stakeholders,
                    Role::Auditor => continue,
                };
                list.push(id.clone());
            }
            let person = Person {
                id,
                name: format!("{first} {last}"),
                email: names::email(first, last, 0),
                team: TEAMS[team % TEAMS.len()].to_owned(),
                roles: roles.to_vec(),
            };
            self.book.people.push(person);
        }
    }

    /// The five environments and their weekly maintenance windows.
    pub(super) fn environments(&mut self) {
        for (kind, name, description, windows) in ENVIRONMENTS {
            let id = self.book.ledger.next_id(IdKind::Environment);
            let mut env = Environment {
                id,
                name: (*name).to_owned(),
                kind: *kind,
                description: (*description).to_owned(),
                maintenance_windows: Vec::new(),
            };
            for (wname, day, from, to) in *windows {
                let window = Window {
                    start: self.cal.at(*day, *from, 0),
                    end: self.cal.at(*day, *to, 0),
                    zone: ZONE.to_owned(),
                    repeat: Repeat::Weekly,
                    until: None,
                };
                let id = self.book.ledger.next_id(IdKind::MaintenanceWindow);
                env.maintenance_windows.push(MaintenanceWindow { id, name: (*wname).to_owned(), window });
            }
            self.book.environments.push(env);
        }
    }

    /// Recurring freezes (yearly, monthly, weekly) and one-off ones. The
    /// calendar learns the one-off ones so that deployments avoid them.
    pub(super) fn blackouts(&mut self) {
        let env = |i: usize| self.book.environments.get(i).map(|e| e.id.clone());
        let live: Vec<_> = [env(3), env(4)].into_iter().flatten().collect();
        let prod: Vec<_> = env(3).into_iter().collect();
        let cal = &self.cal;
        let day = |d: Date| cal.offset(d);
        let mut list = vec![
            (
                "Year-end change freeze",
                "Reduced staffing and peak retail trading over the holidays.",
                BlackoutScope::All,
                (day(date(2025, 12, 19)), 0, 0),
                (day(date(2026, 1, 4)), 23, 59),
                Repeat::Yearly,
            ),
            (
                "Month-start billing run",
                "Direct debits and invoices are collected on the 1st and 2nd.",
                BlackoutScope::Environments(live.clone()),
                (day(date(2026, 1, 1)), 0, 0),
                (day(date(2026, 1, 2)), 23, 59),
                Repeat::Monthly,
            ),
            (
                "Friday trading peak",
                "Weekend payment volumes start on Friday afternoon.",
                BlackoutScope::Environments(prod.clone()),
                (4, 12, 0),
                (4, 20, 0),
                Repeat::Weekly,
            ),
        ];
        let mut freezes = Vec::new();
        for (name, reason, first, last, production_only) in ONE_OFF {
            let scope = if *production_only { BlackoutScope::Environments(live.clone()) } else { BlackoutScope::All };
            list.push((name, reason, scope, (day(*first), 0, 0), (day(*last), 23, 59), Repeat::Never));
            freezes.push(Freeze { first: day(*first), last: day(*last), production_only: *production_only });
        }
        self.cal.freezes = freezes;
        for (name, reason, scope, (d0, h0, m0), (d1, h1, m1), repeat) in list {
            let window = Window {
                start: self.cal.at(d0, h0, m0),
                end: self.cal.at(d1, h1, m1),
                zone: ZONE.to_owned(),
                repeat,
                until: None,
            };
            let id = self.book.ledger.next_id(IdKind::Blackout);
            let (name, reason) = (name.to_owned(), reason.to_owned());
            self.book.blackouts.push(Blackout { id, name, reason, scope, window, source_uid: None });
        }
    }

    /// About `releases / 4 + 20` configuration items, spread over the areas.
    pub(super) fn config_items(&mut self, releases: usize) {
        let count = releases / 4 + 20;
        self.area_versions =
            (0..AREAS.len()).map(|_| [self.rng.range(1, 6) as u32, self.rng.range(0, 20) as u32, 0]).collect();
        for i in 0..count {
            let area = i % AREAS.len();
            let component = (i / AREAS.len()) % COMPONENTS.len();
            let round = i / (AREAS.len() * COMPONENTS.len());
            let (suffix, kind, what) = COMPONENTS[component];
            let mut name = format!("{}-{suffix}", AREAS[area].1);
            if round > 0 {
                let r = round - 1;
                name.push_str(&format!("-{}{}", REGIONS[r % REGIONS.len()], r / REGIONS.len() + 1));
            }
            let v = [self.rng.range(1, 9) as u32, self.rng.range(0, 30) as u32, self.rng.range(0, 12) as u32];
            let owner = self.one_of(|s| &s.technical);
            self.book.config_items.push(ConfigItem {
                id: self.book.ledger.next_id(IdKind::ConfigItem),
                name,
                kind: kind.to_owned(),
                version: String::new(),
                owner,
                description: format!("{}: {what}.", AREAS[area].0),
            });
            self.area_cis[area].push(self.cis.len());
            self.cis.push(CiState { component, planned: v, live: v });
        }
    }

    /// Open known errors that no release resolves (releases may ship with them).
    pub(super) fn standing_errors(&mut self, releases: usize) {
        for _ in 0..(5 + releases / 100) {
            let ci = self.rng.below(self.cis.len());
            let id = self.known_error(ci, ProblemStatus::Open);
            self.standing_errors.push(id);
        }
    }

    /// A new known error about a configuration item.
    pub(super) fn known_error(&mut self, ci: usize, status: ProblemStatus) -> crate::model::Id {
        let id = self.book.ledger.next_id(IdKind::KnownError);
        let ci_name = self.book.config_items.get(ci).map(|c| c.name.clone()).unwrap_or_default();
        let kind = if self.rng.chance(30) { KnownErrorKind::Problem } else { KnownErrorKind::KnownError };
        let title = prose::fill(self.rng.word(prose::KE_TITLES), &ci_name, "", "");
        let incidents = self.rng.range(2, 14);
        let workaround = match kind {
            KnownErrorKind::Problem => String::new(),
            KnownErrorKind::KnownError => self.rng.word(prose::WORKAROUNDS).to_owned(),
        };
        self.book.known_errors.push(KnownError {
            id: id.clone(),
            reference: format!("PRB-{}", 300 + self.book.known_errors.len()),
            title,
            kind,
            description: match kind {
                KnownErrorKind::Problem => {
                    format!("Linked to {incidents} incidents; root cause in {ci_name} not yet found.")
                }
                KnownErrorKind::KnownError => {
                    format!("Linked to {incidents} incidents; root cause traced to {ci_name}.")
                }
            },
            workaround,
            status,
        });
        id
    }
}

/// At most how many releases of type `t` per period: the policy's usual
/// number, or twice the average rate in a book of `releases` releases
/// spread over two years (730 days).
fn expected(t: &names::TypeSpec, total: u32, releases: usize) -> u32 {
    let days = match t.unit {
        FrequencyUnit::Week => 7,
        FrequencyUnit::Month => 30,
        FrequencyUnit::Quarter => 91,
        FrequencyUnit::Year => 365,
    };
    let per_period = (releases as u64 * u64::from(t.weight) * days * 2).div_ceil(u64::from(total.max(1)) * 730);
    t.count.max(u32::try_from(per_period).unwrap_or(u32::MAX))
}

/// The roles and team index of the `i`-th person: a fixed core team first,
/// then mostly technical owners and stakeholders.
fn roles_of(i: usize) -> (&'static [Role], usize) {
    use Role::*;
    match i {
        0..=2 => (&[ReleaseManager, CabMember], 0),
        3 => (&[ChangeManager, CabMember, EcabMember], 1),
        4 => (&[ChangeManager, CabMember], 1),
        5..=8 => (&[ServiceOwner, CabMember, EcabMember], 3 + i % 3),
        9 => (&[Auditor], 10),
        10..=12 => (&[TechnicalOwner, CabMember, EcabMember], 2),
        _ => match i % 8 {
            0 => (&[Stakeholder], 9 + i % 3),
            1 => (&[ServiceOwner, Stakeholder], 3 + i % 2),
            2 if i % 24 == 2 => (&[ReleaseManager], 0),
            4 => (&[TechnicalOwner, CabMember], 5 + i % 3),
            6 => (&[Stakeholder], 11),
            _ => (&[TechnicalOwner], 2 + i % 7),
        },
    }
}

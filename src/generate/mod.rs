//! Synthetic books for demos, tests and benchmarks.
//!
//! [`generate`] writes a realistic book for a fictional organisation,
//! Northwind Digital Services: a policy with seven release types, people
//! with roles, five environments with weekly maintenance windows,
//! blackouts, configuration items, change requests, known errors, and the
//! requested number of releases with every part of their plan filled in and
//! about ten risks each.
//!
//! The output depends only on the number of releases and the seed: no
//! system clock, no hash-map order, and a random-number generator written
//! out in the `rng` module. Dates count from a fixed start (Monday 2026-01-05),
//! production deployments spread over the two years after it, and phases
//! are set against a fixed "today" of 2026-11-27: releases reviewed before
//! then are closed, those around it are in Build & Test, Deployment or
//! Review & Close, later ones are in Planning.

mod calendar;
mod deploy;
mod names;
mod plan;
mod prose;
mod release;
mod review;
mod risks;
mod rng;
mod setup;
mod signoff;
#[cfg(test)]
mod tests;

use crate::model::{AuditEntry, AuditKind, Book, Id};
use calendar::Calendar;
use rng::Rng;

/// Writes a realistic synthetic book with `releases` releases.
///
/// The same `(releases, seed)` always gives an identical book, and so an
/// identical file, on every machine. Every id comes from the book's ledger,
/// every reference points at an existing entry, and the book passes the
/// structural checks. A 2000-release book takes a few tens of milliseconds
/// to generate in a release build.
pub fn generate(releases: usize, seed: u64) -> Book {
    let mut g = Gen::new(releases, seed);
    g.policy(releases);
    g.people(releases);
    g.environments();
    g.blackouts();
    g.config_items(releases);
    g.standing_errors(releases);
    for i in 0..releases {
        g.release(i, releases);
    }
    g.finish(releases, seed)
}

/// People's ids grouped by the role the generator gives them work for.
#[derive(Default)]
struct Staff {
    release_managers: Vec<Id>,
    change_managers: Vec<Id>,
    cab: Vec<Id>,
    ecab: Vec<Id>,
    service_owners: Vec<Id>,
    technical: Vec<Id>,
    stakeholders: Vec<Id>,
}

/// A configuration item as the generator tracks it.
struct CiState {
    /// Index into [`names::COMPONENTS`].
    component: usize,
    /// Version after the latest planned release.
    planned: [u32; 3],
    /// Version in production on "today".
    live: [u32; 3],
}

/// The generator: the book being written and what it needs to remember.
struct Gen {
    rng: Rng,
    cal: Calendar,
    book: Book,
    staff: Staff,
    cis: Vec<CiState>,
    /// Configuration items (indices into `cis`) of each service area.
    area_cis: Vec<Vec<usize>>,
    /// Current product version of each service area.
    area_versions: Vec<[u32; 3]>,
    /// Releases named so far in each month, counted from January 2025.
    month_seq: Vec<u32>,
    /// Known errors no release resolves, for `ships_with`.
    standing_errors: Vec<Id>,
    /// RFC numbers handed out so far.
    rfcs: u32,
}

impl Gen {
    fn new(releases: usize, seed: u64) -> Self {
        let mut book = Book::default();
        book.releases.reserve(releases);
        book.risks.reserve(releases * 11);
        book.changes.reserve(releases * 3 / 2);
        Self {
            rng: Rng::new(seed),
            cal: Calendar::new(),
            book,
            staff: Staff::default(),
            cis: Vec::new(),
            area_cis: vec![Vec::new(); names::AREAS.len()],
            area_versions: Vec::new(),
            month_seq: vec![0; 72],
            standing_errors: Vec::new(),
            rfcs: 4000,
        }
    }

    /// A person from a group, or `None` when the group is empty.
    fn one_of(&mut self, group: fn(&Staff) -> &Vec<Id>) -> Option<Id> {
        self.one_of_except(group, &[])
    }

    /// A person from a group who is not among `taken` (anyone from the
    /// group when all of it is taken), or `None` when the group is empty.
    fn one_of_except(&mut self, group: fn(&Staff) -> &Vec<Id>, taken: &[Id]) -> Option<Id> {
        let list = group(&self.staff);
        let start = self.rng.below(list.len());
        let free = (0..list.len())
            .map(|k| (start + k) % list.len())
            .find(|&i| list.get(i).is_some_and(|p| !taken.contains(p)));
        list.get(free.unwrap_or(start)).cloned()
    }

    /// Sets the configuration items' versions to what is live today, names
    /// the book and records its creation.
    fn finish(mut self, releases: usize, seed: u64) -> Book {
        for (item, state) in self.book.config_items.iter_mut().zip(&self.cis) {
            item.version = version(state.live);
        }
        self.book.name = "Northwind Digital Services".to_owned();
        self.book.description = format!(
            "Release book for Northwind's payments and customer services: {releases} releases from January 2026 \
             to January 2028. Synthetic data, generated with seed {seed}."
        );
        self.book.ledger.audit.push(AuditEntry {
            at: self.cal.ts(0, 9, 0),
            who: "relplan gen".to_owned(),
            kind: AuditKind::Created,
            what: format!("Generated a synthetic book with {releases} releases (seed {seed})."),
        });
        self.book
    }
}

/// A version as text: `[4, 12, 3]` → "4.12.3".
fn version(v: [u32; 3]) -> String {
    format!("{}.{}.{}", v[0], v[1], v[2])
}

//! Look-ups built once per check of a book, so that every rule finds a
//! change, a person or a release's risks without scanning the book.

use super::blackout::Prepared;
use crate::model::{Book, ChangeRequest, ConfigItem, Id, KnownError, Person, ReleaseType, Risk};
use jiff::tz::TimeZone;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A quick hasher for short keys such as ids. The book is the user's own
/// data, so the hash-flooding resistance of the standard hasher buys
/// nothing here, and it costs a good part of a whole-book check.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.add(word);
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A map keyed by id, with the quick hasher.
pub type IdMap<'a, V> = HashMap<&'a Id, V, BuildHasherDefault<IdHasher>>;

/// The book's entities by id.
pub struct Index<'a> {
    /// Change requests.
    pub changes: IdMap<'a, &'a ChangeRequest>,
    /// Known errors and problems.
    pub known_errors: IdMap<'a, &'a KnownError>,
    /// People.
    pub people: IdMap<'a, &'a Person>,
    /// Configuration items.
    pub config_items: IdMap<'a, &'a ConfigItem>,
    /// The production environments (usually one: a list beats a map).
    pub production: Vec<&'a Id>,
    /// Release types.
    pub types: IdMap<'a, &'a ReleaseType>,
    /// The risks linked to each release that the risk gate stops: not
    /// closed, with a residual score (clamped to the policy's scale, as the
    /// register shows it) in the policy's gate band or above.
    pub gated_risks: IdMap<'a, Vec<&'a Risk>>,
    /// Blackout windows, ready to test against deployments.
    pub blackouts: Vec<Prepared<'a>>,
    /// The policy's naming convention, parsed.
    pub convention: Option<super::policy::Convention>,
    /// The time zones deployments name, looked up once.
    zones: Vec<(&'a str, Option<TimeZone>)>,
}

impl<'a> Index<'a> {
    /// Indexes a book; with `only`, the risks and zones of that one release only.
    pub fn new(book: &'a Book, only: Option<&Id>) -> Self {
        let mut risks: IdMap<'a, Vec<&'a Risk>> = IdMap::default();
        let policy = book.policy.risk;
        // The register's clamped score and band, so that the gate and the register agree.
        let gated = |r: &Risk| super::risk_gate::held_at_gate(r, &policy);
        for risk in book.risks.iter().filter(|r| gated(r)) {
            for release in &risk.releases {
                if only.is_none_or(|o| o == release) {
                    risks.entry(release).or_default().push(risk);
                }
            }
        }
        Self {
            changes: book.changes.iter().map(|x| (&x.id, x)).collect(),
            known_errors: book.known_errors.iter().map(|x| (&x.id, x)).collect(),
            people: book.people.iter().map(|x| (&x.id, x)).collect(),
            config_items: book.config_items.iter().map(|x| (&x.id, x)).collect(),
            production: book
                .environments
                .iter()
                .filter(|e| e.kind == crate::model::EnvironmentKind::Production)
                .map(|e| &e.id)
                .collect(),
            types: book.policy.release_types.iter().map(|x| (&x.id, x)).collect(),
            gated_risks: risks,
            blackouts: super::blackout::prepare(book),
            convention: super::policy::Convention::of(book),
            zones: zones(book, only),
        }
    }

    /// A time zone by name, if it is known.
    pub fn zone(&self, name: &str) -> Option<&TimeZone> {
        match self.zones.iter().find(|(n, _)| *n == name) {
            Some((_, zone)) => zone.as_ref(),
            None => None,
        }
    }
}

/// The distinct zones of the deployments (of one release, with `only`).
fn zones<'a>(book: &'a Book, only: Option<&Id>) -> Vec<(&'a str, Option<TimeZone>)> {
    let mut out: Vec<(&'a str, Option<TimeZone>)> = Vec::new();
    for r in book.releases.iter().filter(|r| only.is_none_or(|o| o == &r.id)) {
        for d in &r.deployments {
            let name = d.window.zone.as_str();
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, TimeZone::get(name).ok()));
            }
        }
    }
    out
}

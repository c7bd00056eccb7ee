//! A release's risk summary for the release list and the release form:
//! the highest residual score and how many risks sit in each band.

use super::score::{Which, is_active, score_of};
use crate::model::{Band, Book, Id, Risk};
use std::collections::HashMap;

/// The residual picture of a release's risks that are not closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RiskSummary {
    /// The highest residual score among them, with its band.
    pub highest: Option<(u8, Band)>,
    /// How many of them are in each residual band, lowest band first.
    pub per_band: [usize; 4],
    /// All risks linked to the release, closed ones included.
    pub total: usize,
}

impl RiskSummary {
    /// How many risks are not closed.
    pub fn active(&self) -> usize {
        self.per_band.iter().sum()
    }

    /// A compact line, e.g. "Residual max 12 High · 1 C · 2 H · 3 M · 0 L".
    pub fn compact(&self) -> String {
        match self.highest {
            None if self.total == 0 => "No risks".to_owned(),
            None => "No open risks".to_owned(),
            Some((score, band)) => {
                let counts: Vec<String> = Band::ALL
                    .iter()
                    .rev()
                    .map(|b| format!("{} {}", self.per_band[*b as usize], &b.label()[..1]))
                    .collect();
                format!("Residual max {score} {} · {}", band.label(), counts.join(" "))
            }
        }
    }

    /// The same in full words, for screen readers and tooltips.
    pub fn words(&self) -> String {
        match self.highest {
            None if self.total == 0 => "No risks are linked".to_owned(),
            None if self.total == 1 => "1 risk, closed".to_owned(),
            None => format!("{} risks, all closed", self.total),
            Some((score, band)) => {
                let counts: Vec<String> = Band::ALL
                    .iter()
                    .rev()
                    .map(|b| format!("{} {}", self.per_band[*b as usize], b.label().to_lowercase()))
                    .collect();
                let open = match self.active() {
                    1 => "1 open risk".to_owned(),
                    n => format!("{n} open risks"),
                };
                format!(
                    "{open}, highest residual score {score} ({}); by residual band: {}",
                    band.label().to_lowercase(),
                    counts.join(", ")
                )
            }
        }
    }
}

impl RiskSummary {
    /// Counts one more risk in the summary.
    fn add(&mut self, risk: &Risk, policy: &crate::model::RiskPolicy) {
        self.total += 1;
        if !is_active(risk) {
            return;
        }
        let score = score_of(risk, Which::Residual, policy);
        let band = policy.band(score);
        self.per_band[band as usize] += 1;
        if self.highest.is_none_or(|(best, _)| score > best) {
            self.highest = Some((score, band));
        }
    }
}

/// The risk summary of a release.
pub fn summary(book: &Book, release: &Id) -> RiskSummary {
    let policy = book.policy.risk;
    let mut s = RiskSummary::default();
    for risk in book.risks_of(release) {
        s.add(risk, &policy);
    }
    s
}

/// The risk summary of every release that has risks, in one pass over the
/// register (releases without risks are left out: their summary is the default).
pub fn summaries(book: &Book) -> HashMap<Id, RiskSummary> {
    let policy = book.policy.risk;
    let mut out: HashMap<Id, RiskSummary> = HashMap::new();
    for risk in &book.risks {
        for (k, release) in risk.releases.iter().enumerate() {
            // A release listed twice on one risk counts once, as in `summary`.
            if !risk.releases[..k].contains(release) {
                out.entry(release.clone()).or_default().add(risk, &policy);
            }
        }
    }
    out
}

//! Checks of a book: findings with a rule, a severity, a message and the
//! place to fix.
//!
//! `structure` holds the structural checks every book must pass (ids,
//! references, impossible values). The ISO/IEC 20000 process rules
//! (`rules`) build on the same [`Finding`] type, and `gate` turns them into
//! the criteria and blockers of a phase change.

pub mod gate;
mod id_set;
pub mod rules;
mod structure;
mod whole_book;

pub use rules::process_findings;
pub use structure::structural_findings;
pub use whole_book::all_findings;

use crate::edit::Path;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Good to know.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// The word for it.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One thing a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Rule id, e.g. `S3` for a structural rule or `R4` for a process rule.
    pub rule: &'static str,
    /// The clause of ISO/IEC 20000-1 or ITIL the rule comes from, if any.
    pub clause: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The release it concerns, if any.
    pub release: Option<crate::model::Id>,
    /// The record to fix.
    pub at: Path,
    /// The field to fix, if one.
    pub field: Option<compact_str::CompactString>,
    /// What is wrong, in a release manager's words.
    pub message: String,
    /// Where in the file, when known: 1-based line and column.
    pub position: Option<(usize, usize)>,
}

impl Finding {
    /// The place to fix, as text: `releases[REL-3].deployments[DEP-1].environment`.
    pub fn path(&self) -> String {
        match &self.field {
            Some(f) => self.at.with_field(f),
            None => self.at.to_string(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let release = self.release.as_ref().map_or("-", |r| r.as_str());
        write!(f, "{} {} {} {}: {}", self.rule, self.severity.label(), release, self.path(), self.message)?;
        if let Some((line, col)) = self.position {
            write!(f, " (line {line}, column {col})")?;
        }
        Ok(())
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

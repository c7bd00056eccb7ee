//! Risks from a CSV file, such as one written by the register export and
//! edited in a spreadsheet.
//!
//! - The first line names the columns, as the export writes them (any
//!   order, any case; unknown columns are reported and ignored; scores and
//!   bands are worked out, never read).
//! - `,`, `;` or tab separators, with or without a byte-order mark; a file
//!   that is not UTF-8 is read as Windows-1252. The spreadsheet-safety
//!   quote the export puts before formula-like text is taken off.
//! - A row is matched to a risk of the book by its id when the book has
//!   that id, else by title and linked releases; a match is updated, any
//!   other row becomes a new risk with a fresh id. So importing the same
//!   file twice never duplicates risks.
//! - An empty cell leaves a value that every risk must have (category,
//!   likelihood, impact, residual likelihood and impact, status) as it is
//!   (the default for a new risk; a new risk's residual position is its
//!   inherent one); for optional values it clears them.
//! - Each bad cell is reported by line and column; its row is skipped.
//!   Nothing changes until the user confirms the preview, and then the
//!   whole import is one undoable step.

mod cells;

use super::{ImportError, ImportPreview};
use crate::edit::{Edit, EditError, IdPlanner, Path};
use crate::model::{Book, Id, IdKind, Risk};
use crate::risk::Column;
use std::collections::HashMap;

/// Reads a CSV file of risks and says which risks it would add or update.
pub fn preview(book: &Book, bytes: &[u8], path: &std::path::Path) -> Result<ImportPreview, ImportError> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (text, fallback) = cells::decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError(format!("{name} is empty.")));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(cells::separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(ImportError(format!("The first line of {name} cannot be read: {e}."))),
        None => return Err(ImportError(format!("{name} is empty."))),
    };
    let mut plan = Plan::new(book);
    let columns = plan.header(&header);
    if !columns.contains(&Some(Column::Title)) {
        return Err(ImportError(format!(
            "{name} has no Title column. The first line must name the columns, as File › Export risk register writes them."
        )));
    }
    if fallback {
        plan.notes.push("The file is not UTF-8; it was read as Windows-1252 (Western European).".to_owned());
    }
    let mut lines = cells::Lines::default();
    for record in records {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| lines.at(&text, p.byte()));
                plan.row(line, &columns, &r);
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(&text, p.byte()));
                plan.problems.push(format!("Line {line}: cannot be read ({e}); skipped."));
            }
        }
    }
    plan.finish(&name).map_err(|e| ImportError(format!("{name} cannot be imported: {e}.")))
}

/// What the import will do, built row by row.
struct Plan<'a> {
    book: &'a Book,
    ids: IdPlanner,
    /// Book risks by id, by (title, releases), and by title alone.
    by_id: HashMap<Id, usize>,
    by_key: HashMap<(String, Vec<Id>), usize>,
    by_title: HashMap<String, usize>,
    /// The line that first described each target risk, and each new risk's key.
    seen: HashMap<Id, u64>,
    seen_new: HashMap<(String, Vec<Id>), u64>,
    updates: Vec<(Risk, Risk)>,
    added: Vec<Risk>,
    unchanged: usize,
    notes: Vec<String>,
    problems: Vec<String>,
}

fn title_key(title: &str) -> String {
    title.trim().to_lowercase()
}

fn key(title: &str, releases: &[Id]) -> (String, Vec<Id>) {
    let mut r = releases.to_vec();
    r.sort();
    (title_key(title), r)
}

impl<'a> Plan<'a> {
    fn new(book: &'a Book) -> Self {
        let mut by_id = HashMap::new();
        let mut by_key = HashMap::new();
        let mut by_title = HashMap::new();
        for (i, r) in book.risks.iter().enumerate() {
            by_id.entry(r.id.clone()).or_insert(i);
            by_key.entry(key(&r.title, &r.releases)).or_insert(i);
            by_title.entry(title_key(&r.title)).or_insert(i);
        }
        Plan {
            book,
            ids: IdPlanner::new(&book.ledger),
            by_id,
            by_key,
            by_title,
            seen: HashMap::new(),
            seen_new: HashMap::new(),
            updates: Vec::new(),
            added: Vec::new(),
            unchanged: 0,
            notes: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// The register column of each position of the header; unknown and repeated ones are reported.
    fn header(&mut self, header: &csv::StringRecord) -> Vec<Option<Column>> {
        let mut out: Vec<Option<Column>> = Vec::new();
        for (i, cell) in header.iter().enumerate() {
            let at = format!("Line 1, column {}", cells::column_letter(i));
            let name = cells::text(cell.trim_start_matches('\u{FEFF}')).trim().to_owned();
            let column = Column::from_header(&name);
            match column {
                None if name.is_empty() => {}
                None => self.problems.push(format!("{at}: “{name}” is not a register column; it is ignored.")),
                Some(c) if out.contains(&Some(c)) => {
                    self.problems.push(format!("{at}: “{name}” appears twice; only the first is read."));
                    out.push(None);
                    continue;
                }
                Some(_) => {}
            }
            out.push(column);
        }
        out
    }

    /// Reads one row: reports its bad cells, or plans its update or addition.
    fn row(&mut self, line: u64, columns: &[Option<Column>], record: &csv::StringRecord) {
        if record.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let scale = crate::risk::scale_of(&self.book.policy.risk);
        let mut draft = Draft::default();
        let mut bad = Vec::new();
        for (i, cell) in record.iter().enumerate() {
            let Some(Some(column)) = columns.get(i).copied() else { continue };
            if let Err(message) = draft.read(column, cell, scale, self.book) {
                bad.push(format!("Line {line}, column {} ({}): {message}.", cells::column_letter(i), column.header()));
            }
        }
        let title = draft.risk.title.clone();
        if title.trim().is_empty() && bad.is_empty() {
            let at = columns.iter().position(|c| *c == Some(Column::Title)).unwrap_or(0);
            bad.push(format!(
                "Line {line}, column {} (Title): is empty; every risk needs a title.",
                cells::column_letter(at)
            ));
        }
        if !bad.is_empty() {
            self.problems.extend(bad);
            return;
        }
        let releases = draft.set.contains(&Column::Releases).then(|| draft.risk.releases.clone());
        let existing = draft.id.as_ref().and_then(|id| self.by_id.get(id).copied()).or_else(|| match &releases {
            Some(r) => self.by_key.get(&key(&title, r)).copied(),
            None => self.by_title.get(&title_key(&title)).copied(),
        });
        match existing.and_then(|i| self.book.risks.get(i)) {
            Some(old) => {
                if let Some(first) = self.seen.insert(old.id.clone(), line) {
                    self.problems.push(format!("Line {line}: the same risk as line {first} ({}); skipped.", old.id));
                    self.seen.insert(old.id.clone(), first);
                    return;
                }
                let mut new = old.clone();
                draft.apply_to(&mut new);
                if new == *old {
                    self.unchanged += 1;
                } else {
                    self.updates.push((old.clone(), new));
                }
            }
            None => {
                let k = key(&title, &draft.risk.releases);
                if let Some(first) = self.seen_new.get(&k) {
                    self.problems.push(format!("Line {line}: the same risk as line {first} (“{title}”); skipped."));
                    return;
                }
                self.seen_new.insert(k, line);
                let mut new = Risk { id: self.ids.next(IdKind::Risk), ..Risk::default() };
                draft.apply_to(&mut new);
                if !draft.set.contains(&Column::ResidualLikelihood) {
                    new.residual_likelihood = new.likelihood;
                }
                if !draft.set.contains(&Column::ResidualImpact) {
                    new.residual_impact = new.impact;
                }
                self.added.push(new);
            }
        }
    }

    fn finish(self, name: &str) -> Result<ImportPreview, EditError> {
        let mut notes = self.notes;
        let mut lines = Vec::new();
        let mut edits = Vec::new();
        let linked = |r: &Risk| {
            if r.releases.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.releases.iter().map(Id::as_str).collect::<Vec<_>>().join(", "))
            }
        };
        for (k, risk) in self.added.iter().enumerate() {
            edits.push(Edit::insert(Path::root(), "risks", self.book.risks.len() + k, risk)?);
            lines.push(format!("Add {} “{}”{}", risk.id, risk.title, linked(risk)));
        }
        for (old, new) in &self.updates {
            let (mut e, changed) = changes(old, new)?;
            edits.append(&mut e);
            lines.push(format!("Update {} “{}”: {}", old.id, new.title, changed.join(", ")));
        }
        if self.unchanged > 0 {
            let s = if self.unchanged == 1 { " is" } else { "s are" };
            notes.push(format!("{} risk{s} already as in the file.", self.unchanged));
        }
        let (added, updated) = (self.added.len(), self.updates.len());
        let edit = (!edits.is_empty())
            .then(|| Edit::Group { name: format!("Import risks from {name} ({added} new, {updated} updated)"), edits });
        Ok(ImportPreview { title: format!("Risks from {name}"), notes, lines, problems: self.problems, edit })
    }
}

/// Edits that turn `old` into `new`, one per changed field, with the changed fields' names.
fn changes(old: &Risk, new: &Risk) -> Result<(Vec<Edit>, Vec<&'static str>), EditError> {
    let at = Path::root().item("risks", &old.id);
    let mut edits = Vec::new();
    let mut names = Vec::new();
    macro_rules! field {
        ($($f:ident),*) => {$(
            if old.$f != new.$f {
                edits.push(Edit::set(at.clone(), stringify!($f), &new.$f)?);
                names.push(Column::ALL.iter().find(|c| c.field() == Some(stringify!($f))).map_or("", |c| c.header()));
            }
        )*};
    }
    field!(
        title,
        description,
        category,
        cause,
        consequence,
        controls,
        likelihood,
        impact,
        treatment,
        actions,
        residual_likelihood,
        residual_impact,
        owner,
        status,
        due,
        next_review,
        releases
    );
    Ok((edits, names))
}

/// One row's values: the columns it sets, held in a risk.
#[derive(Default)]
struct Draft {
    id: Option<Id>,
    risk: Risk,
    set: Vec<Column>,
}

impl Draft {
    /// Reads one cell. Empty cells of values every risk must have are not set.
    fn read(&mut self, column: Column, cell: &str, scale: u8, book: &Book) -> Result<(), String> {
        let r = &mut self.risk;
        let required = matches!(
            column,
            Column::Category
                | Column::Likelihood
                | Column::Impact
                | Column::ResidualLikelihood
                | Column::ResidualImpact
                | Column::Status
        );
        if column.is_derived() || (required && cell.trim().is_empty()) {
            return Ok(());
        }
        match column {
            Column::Id => {
                let id = cells::text(cell).trim().to_owned();
                self.id = (!id.is_empty()).then_some(Id::from(id));
                return Ok(());
            }
            Column::Title => r.title = cells::text(cell),
            Column::Description => r.description = cells::text(cell),
            Column::Cause => r.cause = cells::text(cell),
            Column::Consequence => r.consequence = cells::text(cell),
            Column::Controls => r.controls = cells::text(cell),
            Column::Actions => r.actions = cells::text(cell),
            Column::Category => r.category = cells::category(cell)?,
            Column::Likelihood => r.likelihood = cells::scale_point(cell, scale)?,
            Column::Impact => r.impact = cells::scale_point(cell, scale)?,
            Column::ResidualLikelihood => r.residual_likelihood = cells::scale_point(cell, scale)?,
            Column::ResidualImpact => r.residual_impact = cells::scale_point(cell, scale)?,
            Column::Treatment => r.treatment = cells::treatment(cell)?,
            Column::Owner => r.owner = cells::person(cell, book)?,
            Column::Status => r.status = cells::status(cell)?,
            Column::Due => r.due = cells::date(cell)?,
            Column::NextReview => r.next_review = cells::date(cell)?,
            Column::Releases => r.releases = cells::releases(cell, book)?,
            Column::InherentScore | Column::InherentBand | Column::ResidualScore | Column::ResidualBand => {}
        }
        self.set.push(column);
        Ok(())
    }

    /// Copies the values this row sets onto a risk.
    fn apply_to(&self, to: &mut Risk) {
        let r = &self.risk;
        for column in &self.set {
            match column {
                Column::Title => to.title.clone_from(&r.title),
                Column::Description => to.description.clone_from(&r.description),
                Column::Cause => to.cause.clone_from(&r.cause),
                Column::Consequence => to.consequence.clone_from(&r.consequence),
                Column::Controls => to.controls.clone_from(&r.controls),
                Column::Actions => to.actions.clone_from(&r.actions),
                Column::Category => to.category = r.category,
                Column::Likelihood => to.likelihood = r.likelihood,
                Column::Impact => to.impact = r.impact,
                Column::ResidualLikelihood => to.residual_likelihood = r.residual_likelihood,
                Column::ResidualImpact => to.residual_impact = r.residual_impact,
                Column::Treatment => to.treatment = r.treatment,
                Column::Owner => to.owner.clone_from(&r.owner),
                Column::Status => to.status = r.status,
                Column::Due => to.due = r.due,
                Column::NextReview => to.next_review = r.next_review,
                Column::Releases => to.releases.clone_from(&r.releases),
                Column::Id
                | Column::InherentScore
                | Column::InherentBand
                | Column::ResidualScore
                | Column::ResidualBand => {}
            }
        }
    }
}

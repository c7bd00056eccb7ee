//! The conflict rules about windows: a deployment inside a blackout without
//! an approved exception, and a production deployment outside its
//! environment's maintenance windows. Blackout and maintenance occurrences
//! are expanded once over the span of all deployments and sorted, then each
//! deployment is looked up with a binary search.

use super::Interval;
use super::conflicts::{Conflict, ConflictKind, DeploymentRef};
use super::index::{Exception, ScheduleIndex, exception};
use super::recur::{for_each_occurrence, zone};
use crate::model::{BlackoutScope, Book};
use jiff::SignedDuration;
use std::collections::HashMap;

/// A list of occurrences sorted by start, with the longest one's length.
#[derive(Default)]
struct Spans {
    list: Vec<(Interval, u32)>,
    longest: SignedDuration,
}

impl Spans {
    fn push(&mut self, at: Interval, what: u32) {
        self.longest = self.longest.max(at.length());
        self.list.push((at, what));
    }

    fn overlapping(&self, at: Interval) -> impl Iterator<Item = &(Interval, u32)> {
        let stop = self.list.partition_point(|(s, _)| s.start <= at.end);
        let earliest = at.start.checked_sub(self.longest).unwrap_or(at.start);
        self.list[..stop]
            .iter()
            .rev()
            .take_while(move |(s, _)| s.start >= earliest)
            .filter(move |(s, _)| s.overlaps(&at))
    }
}

/// Adds the blackout conflicts of every deployment.
pub(crate) fn blackouts(book: &Book, ix: &ScheduleIndex, out: &mut Vec<Conflict>) {
    let Some(span) = ix.span else { return };
    let mut everywhere = Spans::default();
    let mut per_env: HashMap<u32, Spans> = HashMap::new();
    for (bi, b) in book.blackouts.iter().enumerate() {
        let tz = zone(&b.window.zone);
        for_each_occurrence(&b.window, &tz, span, |o| match &b.scope {
            BlackoutScope::All => everywhere.push(o.interval, bi as u32),
            BlackoutScope::Environments(envs) => {
                for env in envs.iter().filter_map(|e| ix.envs.get(e.as_str())) {
                    per_env.entry(env).or_default().push(o.interval, bi as u32);
                }
            }
        });
    }
    everywhere.list.sort_by_key(|(s, _)| s.start);
    per_env.values_mut().for_each(|s| s.list.sort_by_key(|(s, _)| s.start));
    let mut hits: Vec<(Interval, u32)> = Vec::new();
    for (i, e) in ix.deps.iter().enumerate() {
        hits.clear();
        hits.extend(everywhere.overlapping(e.interval).copied());
        if let Some(spans) = per_env.get(&e.env) {
            hits.extend(spans.overlapping(e.interval).copied());
        }
        if hits.is_empty() {
            continue;
        }
        let Some((r, d)) = ix.resolve(book, i as u32) else { continue };
        let invalid = match exception(r, d) {
            Exception::Approved => continue,
            Exception::None => None,
            Exception::NotValid(id) => Some(id),
        };
        hits.sort_by_key(|(s, b)| (*b, s.start));
        hits.dedup_by_key(|(_, b)| *b);
        for &(occurrence, bi) in &hits {
            let dep = DeploymentRef { release: r.id.clone(), deployment: d.id.clone() };
            let mut c = Conflict::new(ConflictKind::Blackout, occurrence.intersection(&e.interval), vec![dep]);
            c.environment = Some(d.environment.clone());
            c.blackout = book.blackouts.get(bi as usize).map(|b| b.id.clone());
            c.invalid_exception = invalid.clone();
            out.push(c);
        }
    }
}

/// The maintenance windows of an environment over `range`, merged where they touch.
pub fn maintenance_unions(env: &crate::model::Environment, range: Interval) -> Vec<Interval> {
    let mut spans: Vec<Interval> = Vec::new();
    for m in &env.maintenance_windows {
        let tz = zone(&m.window.zone);
        for_each_occurrence(&m.window, &tz, range, |o| spans.push(o.interval));
    }
    spans.sort();
    let mut merged: Vec<Interval> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

/// Whether `at` fits inside one of the merged windows.
pub fn fits(unions: &[Interval], at: Interval) -> bool {
    let i = unions.partition_point(|u| u.start <= at.start);
    i > 0 && unions[i - 1].contains(&at)
}

/// Adds a conflict for every production deployment outside its environment's maintenance windows.
pub(crate) fn maintenance(book: &Book, ix: &ScheduleIndex, out: &mut Vec<Conflict>) {
    let Some(span) = ix.span else { return };
    let week = SignedDuration::from_hours(24 * 8);
    let range = Interval::new(
        span.start.checked_sub(week).unwrap_or(span.start),
        span.end.checked_add(week).unwrap_or(span.end),
    );
    for env in &book.environments {
        let Some(n) = ix.envs.get(env.id.as_str()) else { continue };
        if !ix.is_production(n) || env.maintenance_windows.is_empty() {
            continue;
        }
        let unions = maintenance_unions(env, range);
        let lo = ix.by_env.partition_point(|&i| ix.deps[i as usize].env < n);
        let hi = ix.by_env.partition_point(|&i| ix.deps[i as usize].env <= n);
        for &i in &ix.by_env[lo..hi] {
            let e = ix.deps[i as usize];
            if fits(&unions, e.interval) {
                continue;
            }
            if let Some((r, d)) = ix.resolve(book, i) {
                let dep = DeploymentRef { release: r.id.clone(), deployment: d.id.clone() };
                let mut c = Conflict::new(ConflictKind::Maintenance, e.interval, vec![dep]);
                c.environment = Some(env.id.clone());
                out.push(c);
            }
        }
    }
}

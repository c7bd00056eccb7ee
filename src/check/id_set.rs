//! A set of ids made for checking large books quickly.
//!
//! Almost every id has the `PREFIX-N` form the ledger hands out, so the set
//! keeps one bit per number for each prefix; a hundred thousand ids then
//! fit in a few kilobytes, and membership costs no hashing. Ids of any
//! other form (typed by hand in a file) go into an ordinary hash set.

use crate::model::Id;
use rustc_hash::FxHashSet;

/// Numbers at or above this go to the hash set, so a stray `REL-99999999`
/// cannot make the bit set huge.
const MAX_BIT: u64 = 1 << 22;

/// A set of ids.
#[derive(Default)]
pub(super) struct IdSet<'a> {
    /// One bit set per prefix (packed into a number, see [`split`]); few
    /// prefixes, so a short list is fastest.
    bits: Vec<(u64, Vec<u64>)>,
    other: FxHashSet<&'a str>,
}

impl<'a> IdSet<'a> {
    /// The set of these ids.
    pub(super) fn of(ids: impl IntoIterator<Item = &'a Id>) -> Self {
        let mut set = Self::default();
        for id in ids {
            set.insert(id);
        }
        set
    }

    /// Adds `id`; `false` when it was already in the set.
    pub(super) fn insert(&mut self, id: &'a Id) -> bool {
        match split(id.as_str()) {
            Some((prefix, n)) => {
                let words = match self.bits.iter().position(|(p, _)| *p == prefix) {
                    Some(i) => &mut self.bits[i].1,
                    None => {
                        self.bits.push((prefix, Vec::new()));
                        let last = self.bits.len() - 1;
                        &mut self.bits[last].1
                    }
                };
                let (word, bit) = ((n / 64) as usize, 1u64 << (n % 64));
                if words.len() <= word {
                    words.resize(word + 1, 0);
                }
                let fresh = words[word] & bit == 0;
                words[word] |= bit;
                fresh
            }
            None => self.other.insert(id.as_str()),
        }
    }

    /// Whether `id` is in the set.
    pub(super) fn contains(&self, id: &Id) -> bool {
        match split(id.as_str()) {
            Some((prefix, n)) => self
                .bits
                .iter()
                .find(|(p, _)| *p == prefix)
                .is_some_and(|(_, words)| words.get((n / 64) as usize).is_some_and(|w| w & (1u64 << (n % 64)) != 0)),
            None => self.other.contains(id.as_str()),
        }
    }
}

impl IdSet<'_> {
    /// Whether the two sets have an id in common.
    pub(super) fn overlaps(&self, other: &IdSet) -> bool {
        let bits = self.bits.iter().any(|(prefix, mine)| {
            other
                .bits
                .iter()
                .find(|(p, _)| p == prefix)
                .is_some_and(|(_, theirs)| mine.iter().zip(theirs).any(|(a, b)| a & b != 0))
        });
        bits || self.other.iter().any(|id| other.other.contains(id))
    }
}

/// The prefix packed into a number with the number after it: `REL-12`
/// gives the bytes of `REL` and 12. `None` for a prefix longer than seven
/// bytes, or a number that could be written another way (`REL-012`,
/// `REL-+12`) or is too large, so two different ids never share a bit.
fn split(id: &str) -> Option<(u64, u64)> {
    let bytes = id.as_bytes();
    // The digits at the end, then the dash before them; scanning by hand
    // is a good part faster than searching for the dash first.
    let digits_from = bytes.iter().rposition(|b| !b.is_ascii_digit()).map_or(0, |i| i + 1);
    let (head, digits) = bytes.split_at(digits_from);
    let [prefix @ .., b'-'] = head else { return None };
    if prefix.len() > 7 || digits.is_empty() || digits.len() > 7 || (digits[0] == b'0' && digits.len() > 1) {
        return None;
    }
    // The length goes in the top byte, so `A` and `A\0` stay apart.
    let mut packed = (prefix.len() as u64) << 56;
    for (i, b) in prefix.iter().enumerate() {
        packed |= u64::from(*b) << (8 * i);
    }
    let n = digits.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0'));
    (n < MAX_BIT).then_some((packed, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_written_differently_are_different_members() {
        let ids: Vec<Id> = ["REL-1", "REL-01", "REL-+1", "RISK-1", "REL-99999999", "odd id", "LONGPREFIX-1", "REL-1"]
            .into_iter()
            .map(Id::from)
            .collect();
        let mut set = IdSet::default();
        let fresh: Vec<bool> = ids.iter().map(|id| set.insert(id)).collect();
        assert_eq!(fresh, [true, true, true, true, true, true, true, false]);
        assert!(set.contains(&Id::from("LONGPREFIX-1")));
        assert!(!set.contains(&Id::from("LONGPREFIX-2")));
        assert!(set.contains(&Id::from("REL-01")));
        assert!(set.contains(&Id::from("odd id")));
        assert!(!set.contains(&Id::from("REL-2")));
        assert!(!set.contains(&Id::from("CHG-1")));
        assert!(!set.contains(&Id::from("REL-64")), "a word that exists but a bit that is not set");
    }
}

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

/// Bit sets are kept for this many prefixes at most (a book has about a
/// dozen); ids with other prefixes go to the hash set.
const MAX_PREFIXES: usize = 64;

/// A bit set may always grow to this many words (4,096 numbers); beyond
/// that, only while it stays within a few words per id it holds.
const MIN_WORDS: usize = 64;

/// A set of ids.
#[derive(Default)]
pub(super) struct IdSet<'a> {
    /// One bit set per prefix (packed into a number, see [`split`]); few
    /// prefixes, so a short list is fastest.
    /// Each entry: the prefix, its words, and how many ids went in.
    bits: Vec<(u64, Vec<u64>, usize)>,
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
        if let Some((prefix, n)) = split(id.as_str()) {
            let (word, bit) = ((n / 64) as usize, 1u64 << (n % 64));
            if let Some(words) = self.words_for(prefix, word) {
                let fresh = words[word] & bit == 0;
                words[word] |= bit;
                return fresh && (self.other.is_empty() || !self.other.contains(id.as_str()));
            }
        }
        self.other.insert(id.as_str())
    }

    /// The bit set of `prefix`, grown to hold `word`; `None` when that would
    /// take far more room than the ids it holds (a few ids with huge
    /// numbers, or very many prefixes, as a hostile file might have), so
    /// that such ids go to the hash set instead.
    fn words_for(&mut self, prefix: u64, word: usize) -> Option<&mut Vec<u64>> {
        let i = match self.bits.iter().position(|(p, _, _)| *p == prefix) {
            Some(i) => i,
            None if self.bits.len() < MAX_PREFIXES => {
                self.bits.push((prefix, Vec::new(), 0));
                self.bits.len() - 1
            }
            None => return None,
        };
        let (_, words, members) = &mut self.bits[i];
        if words.len() <= word {
            if word >= MIN_WORDS && word > 4 * (*members + 1) {
                return None;
            }
            words.resize(word + 1, 0);
        }
        *members += 1;
        Some(words)
    }

    /// Whether `id` is in the set.
    pub(super) fn contains(&self, id: &Id) -> bool {
        self.contains_str(id.as_str())
    }

    fn contains_str(&self, id: &str) -> bool {
        let in_bits = split(id).is_some_and(|(prefix, n)| {
            self.bits
                .iter()
                .find(|(p, _, _)| *p == prefix)
                .is_some_and(|(_, words, _)| words.get((n / 64) as usize).is_some_and(|w| w & (1u64 << (n % 64)) != 0))
        });
        in_bits || (!self.other.is_empty() && self.other.contains(id))
    }
}

impl IdSet<'_> {
    /// Whether the two sets have an id in common.
    pub(super) fn overlaps(&self, other: &IdSet) -> bool {
        let bits = self.bits.iter().any(|(prefix, mine, _)| {
            other
                .bits
                .iter()
                .find(|(p, _, _)| p == prefix)
                .is_some_and(|(_, theirs, _)| mine.iter().zip(theirs).any(|(a, b)| a & b != 0))
        });
        // An id may sit in one set's bits and the other's hash set.
        bits || self.other.iter().any(|id| other.contains_str(id)) || other.other.iter().any(|id| self.contains_str(id))
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

    #[test]
    fn a_huge_number_or_too_many_prefixes_go_to_the_hash_set_and_still_count() {
        let ids: Vec<Id> = ["A-4000000", "A-1", "A-4000000"].into_iter().map(Id::from).collect();
        let mut set = IdSet::default();
        let fresh: Vec<bool> = ids.iter().map(|id| set.insert(id)).collect();
        assert_eq!(fresh, [true, true, false]);
        assert!(set.bits.iter().all(|(_, words, _)| words.len() < MIN_WORDS), "no huge bit set for one id");
        let many: Vec<Id> = (0..200).map(|i| Id::from(format!("P{i}-1"))).collect();
        let mut set = IdSet::default();
        assert!(many.iter().all(|id| set.insert(id)));
        assert!(set.bits.len() <= MAX_PREFIXES);
        assert!(many.iter().all(|id| set.contains(id)));
        assert!(!many.iter().all(|id| set.insert(id)), "inserting again finds them");
    }

    #[test]
    fn sets_overlap_whichever_side_holds_an_id_in_its_hash_set() {
        let (a_ids, b_ids): (Vec<Id>, Vec<Id>) = (
            ["REL-01", "X-4000000", "CHG-3"].into_iter().map(Id::from).collect(),
            ["REL-01", "CHG-4"].into_iter().map(Id::from).collect(),
        );
        let (a, b) = (IdSet::of(&a_ids), IdSet::of(&b_ids));
        assert!(a.overlaps(&b) && b.overlaps(&a), "REL-01 is in both hash sets");
        // X-4000000 in one set's hash set, in the other's bits once that has grown.
        let mut grown = IdSet::default();
        let filler: Vec<Id> = (0..4_000_001).step_by(64).map(|n| Id::from(format!("X-{n}"))).collect();
        filler.iter().for_each(|id| {
            grown.insert(id);
        });
        let big = Id::from("X-4000000");
        grown.insert(&big);
        let lone = IdSet::of([&big]);
        assert!(grown.overlaps(&lone) && lone.overlaps(&grown));
        let apart = IdSet::of(&b_ids[1..]);
        assert!(!a.overlaps(&apart) && !apart.overlaps(&a));
    }
}

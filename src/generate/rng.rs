//! A small, fixed pseudo-random number generator.
//!
//! The generator is SplitMix64 (Steele, Lea and Flood, 2014), written out
//! here rather than taken from a crate on purpose: a synthetic book must be
//! the same, byte for byte, for the same seed on every machine and in every
//! future version of Relplan, so that benchmarks compare like with like and
//! bug reports can name a seed. A random-number crate is free to change its
//! algorithms or its range reduction in a minor release; this code only
//! changes when someone edits it, and the tests pin its output.

/// SplitMix64: a 64-bit state advanced by a constant and mixed on output.
///
/// It is fast, passes the usual statistical tests, and every seed
/// (including 0) gives a good stream. It is not for cryptography.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    ///
    /// Uses the multiply-high reduction, whose bias (below 2^-32 for the
    /// small ranges used here) does not matter for synthetic data.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        // The high half of a 64 × 64-bit product is always below `n`.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as usize
    }

    /// A number in `lo..=hi` (or `lo` when `hi < lo`).
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        if hi <= lo {
            return lo;
        }
        let width = (i64::from(hi) - i64::from(lo) + 1) as usize;
        lo + self.below(width) as i32
    }

    /// True with a chance of `percent` in a hundred.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of a slice, or `None` when it is empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// One of a list of string fragments; "" when the list is empty.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        self.pick(items).copied().unwrap_or_default()
    }

    /// An index chosen with the given weights (all zero gives 0).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }

    /// `k` distinct indices from `0..n`, in increasing order (fewer when
    /// `n < k`).
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::with_capacity(k.min(n));
        // Selection sampling (Knuth's algorithm S): one pass, sorted output.
        let mut needed = k.min(n);
        for i in 0..n {
            if needed == 0 {
                break;
            }
            if self.below(n - i) < needed {
                chosen.push(i);
                needed -= 1;
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // First outputs of the reference implementation for seed 1234567.
        let mut rng = Rng::new(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(got, [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]);
    }

    #[test]
    fn helpers_stay_in_range() {
        let mut rng = Rng::new(7);
        for _ in 0..1000 {
            assert!(rng.below(5) < 5);
            let r = rng.range(-3, 4);
            assert!((-3..=4).contains(&r));
            let s = rng.sample(10, 4);
            assert_eq!(s.len(), 4);
            assert!(s.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.range(5, 5), 5);
        assert_eq!(rng.weighted(&[0, 0]), 0);
        assert_eq!(rng.weighted(&[0, 3]), 1);
    }
}

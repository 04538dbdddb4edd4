//! A fixed-size set of agency positions, one bit per agency (one `u64` word
//! per 64 agencies): what every filter option of the [`Index`](super::Index)
//! is made of.

/// A fixed-size set of agency positions, one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    pub(super) fn empty(n_bits: usize) -> Bitset {
        Bitset {
            words: vec![0; n_bits.div_ceil(64)],
        }
    }

    /// All of `0..n_bits`; the unused high bits of the last word stay clear so
    /// that counts and iteration never see positions past the end.
    pub(super) fn full(n_bits: usize) -> Bitset {
        let mut bits = Bitset {
            words: vec![u64::MAX; n_bits.div_ceil(64)],
        };
        let n_tail_bits = n_bits % 64;
        if n_tail_bits != 0 {
            if let Some(last) = bits.words.last_mut() {
                *last = (1u64 << n_tail_bits) - 1;
            }
        }
        bits
    }

    pub(super) fn insert(&mut self, position: usize) {
        if let Some(word) = self.words.get_mut(position / 64) {
            *word |= 1u64 << (position % 64);
        }
    }

    pub(super) fn contains(&self, position: usize) -> bool {
        self.words
            .get(position / 64)
            .is_some_and(|word| word & (1u64 << (position % 64)) != 0)
    }

    pub(super) fn and_assign(&mut self, other: &Bitset) {
        for (word, other_word) in self.words.iter_mut().zip(&other.words) {
            *word &= other_word;
        }
    }

    pub(super) fn or_assign(&mut self, other: &Bitset) {
        for (word, other_word) in self.words.iter_mut().zip(&other.words) {
            *word |= other_word;
        }
    }

    pub(super) fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// Size of the intersection, without building it.
    pub(super) fn count_and(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(word, other_word)| (word & other_word).count_ones() as usize)
            .sum()
    }

    /// The set positions, ascending.
    pub(super) fn ones(&self) -> Vec<usize> {
        let mut positions = Vec::with_capacity(self.count());
        for (word_idx, &word) in self.words.iter().enumerate() {
            let mut remaining = word;
            while remaining != 0 {
                positions.push(word_idx * 64 + remaining.trailing_zeros() as usize);
                remaining &= remaining - 1;
            }
        }
        positions
    }
}

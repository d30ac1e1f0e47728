//! How the lexicon ([`super::lexicon`]) keys its words: the classes a listed word has, how
//! a word packs into a key, and which slot of a table a key hashes to. Shared with
//! `build.rs`, which compiles the word lists into tables with the same keys and slots.

/// A given name (detector part of the lists).
pub(super) const GIVEN: u16 = 1;
/// A surname.
pub(super) const SURNAME: u16 = 1 << 1;
/// A syllable of a romanised Chinese given name (`Wei`, `Ming`).
pub(super) const SYLLABLE: u16 = 1 << 2;
/// A street, building or unit word (`Road`, `Nagar`, `Blk`, `Apt`).
pub(super) const STREET: u16 = 1 << 3;
/// A city, state or country.
pub(super) const PLACE: u16 = 1 << 4;
/// A company, shop or product word (`Ltd`, `Traders`, `Store`).
pub(super) const COMPANY: u16 = 1 << 5;
/// A title before a name (`Mr`, `Dr`, `Shri`, `Smt`).
pub(super) const TITLE: u16 = 1 << 6;
/// An account status or placeholder (`active`, `NULL`, `test`).
pub(super) const STATUS: u16 = 1 << 7;
/// A common English word.
pub(super) const ENGLISH: u16 = 1 << 8;
/// A word that addresses a person before their name (`Dear`, `Hi`, `Attn`).
pub(super) const GREETING: u16 = 1 << 9;
/// A lower-case particle inside a name (`bin`, `binte`, `van`, `de`).
pub(super) const PARTICLE: u16 = 1 << 10;
/// A word of a place of several words (`San` and `Francisco` of `San Francisco`).
pub(super) const PLACE_PART: u16 = 1 << 11;
/// A nationality or language (`Uruguayan`, `Tswana`): a field's value, never a name alone.
pub(super) const NATIONALITY: u16 = 1 << 12;
/// A common German word that is no English word (`Stadt`, `Rechnung`): German writes its
/// nouns with a capital. A common word in free text, but no bar to a name field's value
/// (German surnames are words: `Krüger`, `Schulze`).
pub(super) const GERMAN: u16 = 1 << 13;

/// Longest word kept in a table of packed words, in bytes.
pub(super) const SHORT: usize = 16;

/// Letters a-z, and 26 for a word boundary: the symbols of the letter-trigram model.
pub(super) const SYMBOLS: usize = 27;

/// An ASCII word of up to [`SHORT`] bytes in lower case, its bytes packed little-endian
/// into one integer (the zero bytes after it keep lengths apart); `None` for other words.
pub(super) fn short_key(word: &[u8]) -> Option<u128> {
    if word.len() > SHORT || !word.is_ascii() {
        return None;
    }
    let mut packed = [0u8; SHORT];
    for (p, b) in packed.iter_mut().zip(word) {
        *p = b.to_ascii_lowercase();
    }
    Some(u128::from_le_bytes(packed))
}

/// A packed word ([`short_key`]), or a word's bytes, as a key of a table of words.
pub(super) trait PackedWord: Copy + Eq + Default {
    /// The key's bits folded into 64 for the table's multiplicative hash.
    fn fold(self) -> u64;
}

impl PackedWord for u64 {
    fn fold(self) -> u64 {
        self
    }
}

impl PackedWord for u128 {
    fn fold(self) -> u64 {
        // The low half is the word's first eight letters: the high half is spread before
        // it is mixed in, so words that share them still hash apart.
        (self as u64) ^ ((self >> 64) as u64).wrapping_mul(0xff51_afd7_ed55_8ccd)
    }
}

impl PackedWord for &[u8] {
    fn fold(self) -> u64 {
        // The word eight bytes at a time, each mixed into the hash by a multiply.
        self.chunks(8).fold(self.len() as u64, |hash, chunk| {
            let mut bytes = [0u8; 8];
            bytes[..chunk.len()].copy_from_slice(chunk);
            (hash.rotate_left(5) ^ u64::from_le_bytes(bytes)).wrapping_mul(0x517c_c1b7_2722_0a95)
        })
    }
}

/// The shift of a table of `slots` slots (a power of two): 64 less its log2, so that the
/// hash's top bits pick the first slot.
pub(super) const fn shift(slots: usize) -> u32 {
    64 - slots.trailing_zeros()
}

/// The first slot to look for `key` in, in a table of the given [`shift`]; the next ones
/// follow it, wrapping around (the default key, 0 or no bytes, which no listed word is,
/// marks a free slot).
#[inline]
pub(super) fn slot<K: PackedWord>(key: K, shift: u32) -> usize {
    (key.fold().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

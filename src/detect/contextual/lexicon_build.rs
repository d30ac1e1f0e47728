//! Builds the lexicon's tables ([`super::lexicon`]) from the word lists of `patterns/lists/`.
//! `build.rs` runs it and compiles the tables into the binary (built at every start, they
//! cost ~7 M instructions, 1.7 % of a scan of 5 MB); the tests run it to check the
//! compiled-in tables against the lists.

use super::lexicon_keys::{
    shift, short_key, slot, PackedWord, COMPANY, ENGLISH, GERMAN, GIVEN, GREETING, NATIONALITY,
    PARTICLE, PLACE, PLACE_PART, STATUS, STREET, SURNAME, SYLLABLE, SYMBOLS, TITLE,
};
use std::collections::BTreeMap;

/// Greetings and addressing words (hand-written: short and closed).
pub(super) const GREETINGS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "attn",
    "attention",
    "thanks",
    "thank",
    "regards",
    "dearest",
    "namaste",
    "vanakkam",
    "greetings",
    "cc",
    "fao",
    "hallo",
    "hola",
    "bonjour",
    "ciao",
];

/// Particles that join the parts of a name (Malay `bin`/`binte`, Dutch `van`, ...).
pub(super) const PARTICLES: &[&str] = &[
    "bin", "binte", "binti", "bte", "bt", "a/l", "a/p", "s/o", "d/o", "van", "von", "de", "da",
    "del", "della", "di", "du", "le", "la", "al", "el", "der", "den", "ter", "dos", "das",
];

/// The word lists (`patterns/lists/`) and the class each gives its words.
pub(super) const LISTS: [(&str, u16); 11] = [
    (
        include_str!("../../../patterns/lists/names_given.txt"),
        GIVEN,
    ),
    (
        include_str!("../../../patterns/lists/names_surnames.txt"),
        SURNAME,
    ),
    (
        include_str!("../../../patterns/lists/names_zh_syllables.txt"),
        SYLLABLE,
    ),
    (
        include_str!("../../../patterns/lists/address_words.txt"),
        STREET,
    ),
    (include_str!("../../../patterns/lists/places.txt"), PLACE),
    (
        include_str!("../../../patterns/lists/company_words.txt"),
        COMPANY,
    ),
    (
        include_str!("../../../patterns/lists/name_titles.txt"),
        TITLE,
    ),
    (
        include_str!("../../../patterns/lists/status_words.txt"),
        STATUS,
    ),
    (
        include_str!("../../../patterns/lists/english_words.txt"),
        ENGLISH,
    ),
    (
        include_str!("../../../patterns/lists/german_words.txt"),
        GERMAN,
    ),
    (
        include_str!("../../../patterns/lists/nationalities.txt"),
        NATIONALITY,
    ),
];

/// The letter-trigram log-odds of names against other words, computed by `make_lists.py`
/// from the detector's name lists and an English word list.
const TRIGRAMS: &str = include_str!("../../../patterns/lists/name_trigrams.txt");

/// The entries of a list file: one a line, `#` comments.
pub(super) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(str::trim_ascii)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `w` in lower case. Most listed words outside ASCII are in Indic scripts, which have no
/// case: for those (and ASCII) the ASCII mapping gives what [`str::to_lowercase`] gives.
pub(super) fn lower_case(w: &str) -> String {
    let caseless = |c: char| c.is_ascii() || ('\u{0900}'..='\u{0DFF}').contains(&c);
    if w.chars().all(caseless) {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// An open-addressing table from packed words (or words' bytes) to their classes, at most
/// half full: the slots of a key are [`slot`] and the ones after it; the default key (0, or
/// no bytes) marks a free slot.
pub(super) struct Table<K> {
    /// The key of each slot.
    pub keys: Vec<K>,
    /// The classes of each slot's word.
    pub classes: Vec<u16>,
}

/// Every table of the lexicon.
pub(super) struct Tables {
    /// Listed ASCII words of up to 8 bytes, in lower case and packed by [`short_key`].
    pub short8: Table<u64>,
    /// Listed ASCII words of 9 to 16 bytes, likewise.
    pub short16: Table<u128>,
    /// The other listed words (longer, or not ASCII), in [`lower_case`].
    pub long: Table<Vec<u8>>,
    /// The longest listed word, in bytes.
    pub longest: usize,
    /// The log-odds of each trigram of symbols `a`, `b`, `c` at `(a * 27 + b) * 27 + c`.
    pub log_odds: Vec<f32>,
}

/// Builds the tables from the lists, [`GREETINGS`] and [`PARTICLES`].
pub(super) fn build() -> Tables {
    let (mut short8, mut short16) = (Vec::new(), Vec::new());
    let mut long: BTreeMap<Vec<u8>, u16> = BTreeMap::new();
    let mut longest = 0;
    let mut add = |w: &str, class: u16| {
        // The words of a multi-word place (`tamil nadu`) are parts of a place, not places
        // on their own.
        let mut add_one = |w: &str, class: u16| {
            longest = longest.max(w.len());
            match short_key(w.as_bytes()) {
                Some(key) => match u64::try_from(key) {
                    Ok(key) => short8.push((key, class)),
                    Err(_) => short16.push((key, class)),
                },
                None => *long.entry(lower_case(w).into_bytes()).or_default() |= class,
            }
        };
        if !w.as_bytes().contains(&b' ') {
            add_one(w, class);
        } else if class == PLACE {
            w.split(' ').for_each(|part| add_one(part, PLACE_PART));
        }
    };
    for (text, class) in LISTS {
        entries(text).for_each(|w| add(w, class));
    }
    GREETINGS.iter().for_each(|w| add(w, GREETING));
    PARTICLES.iter().for_each(|w| add(w, PARTICLE));
    Tables {
        short8: table(&short8),
        short16: table(&short16),
        long: long_table(&long),
        longest,
        log_odds: trigrams(TRIGRAMS),
    }
}

/// The table of the words that do not pack, `long`, keyed by their bytes.
fn long_table(long: &BTreeMap<Vec<u8>, u16>) -> Table<Vec<u8>> {
    let entries: Vec<(&[u8], u16)> = long.iter().map(|(w, c)| (&w[..], *c)).collect();
    let table = table(&entries);
    Table {
        keys: table.keys.iter().map(|k| k.to_vec()).collect(),
        classes: table.classes,
    }
}

/// The table of `entries`, the classes of a word listed more than once joined.
fn table<K: PackedWord>(entries: &[(K, u16)]) -> Table<K> {
    let slots = (2 * entries.len()).next_power_of_two().max(2);
    let mut table = Table {
        keys: vec![K::default(); slots],
        classes: vec![0; slots],
    };
    for &(key, class) in entries {
        let mut s = slot(key, shift(slots));
        while table.keys[s] != key && table.keys[s] != K::default() {
            s = (s + 1) & (slots - 1);
        }
        table.keys[s] = key;
        table.classes[s] |= class;
    }
    table
}

/// The symbol of a byte: its letter's place in the alphabet, or 26 for a word boundary
/// (`^` before a word, `$` after it).
fn symbol(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => Some(usize::from(l - b'a')),
        b'^' | b'$' => Some(26),
        _ => None,
    }
}

/// The log-odds of every trigram, from the lines `abc value` of `text` (`* value`: every
/// trigram not listed).
fn trigrams(text: &str) -> Vec<f32> {
    let mut log_odds = vec![0f32; SYMBOLS * SYMBOLS * SYMBOLS];
    for line in entries(text) {
        let Some((tri, value)) = line.split_once(' ') else {
            continue;
        };
        let value: f32 = value.parse().expect("trigram file holds numbers");
        if tri == "*" {
            log_odds.iter_mut().for_each(|x| *x = value);
            continue;
        }
        if let [a, b, c] = tri.as_bytes() {
            if let (Some(a), Some(b), Some(c)) = (symbol(*a), symbol(*b), symbol(*c)) {
                log_odds[(a * SYMBOLS + b) * SYMBOLS + c] = value;
            }
        }
    }
    log_odds
}

//! What the name and address detectors know about words: the compiled-in lists of
//! `patterns/lists/` (given names, surnames, Chinese name syllables, street and place words,
//! company words, titles, status words, common English words) in one Aho-Corasick automaton
//! built once, a letter-trigram model that tells name-like words from other words, and the
//! tokenizer both detectors share, so a value is walked once for both.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind};
use std::cell::RefCell;
use std::sync::OnceLock;

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

/// Any name list.
pub(super) const NAME: u16 = GIVEN | SURNAME | SYLLABLE;

/// Greetings and addressing words (hand-written: short and closed).
const GREETINGS: &[&str] = &[
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
];

/// Particles that join the parts of a name (Malay `bin`/`binte`, Dutch `van`, ...).
const PARTICLES: &[&str] = &[
    "bin", "binte", "binti", "bte", "bt", "a/l", "a/p", "s/o", "d/o", "van", "von", "de", "da",
    "del", "della", "di", "du", "le", "la", "al", "el", "der", "den", "ter", "dos", "das",
];

/// The word lists and models, built on first use.
pub(super) struct Lexicon {
    automaton: AhoCorasick,
    classes: Vec<u16>,
    trigrams: Trigrams,
}

/// The lexicon, built once for the whole process.
pub(super) fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

/// The entries of a list file: one a line, `#` comments.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn build() -> Lexicon {
        let lists: [(&'static str, u16); 9] = [
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
        ];
        let mut words: rustc_hash::FxHashMap<String, u16> = Default::default();
        let mut add = |w: &str, class: u16| {
            // The words of a multi-word place (`tamil nadu`) are parts of a place, not
            // places on their own.
            if !w.contains(' ') {
                *words.entry(w.to_lowercase()).or_default() |= class;
            } else if class == PLACE {
                for part in w.split(' ') {
                    *words.entry(part.to_lowercase()).or_default() |= PLACE_PART;
                }
            }
        };
        for (text, class) in lists {
            entries(text).for_each(|w| add(w, class));
        }
        GREETINGS.iter().for_each(|w| add(w, GREETING));
        PARTICLES.iter().for_each(|w| add(w, PARTICLE));
        let mut words: Vec<(String, u16)> = words.into_iter().collect();
        words.sort_unstable();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(words.iter().map(|(w, _)| w))
            .expect("the word lists build an automaton");
        let classes = words.iter().map(|(_, c)| *c).collect();
        let trigrams = Trigrams::load(include_str!("../../../patterns/lists/name_trigrams.txt"));
        Lexicon {
            automaton,
            classes,
            trigrams,
        }
    }

    /// The classes of the whole word `word` (any ASCII case), 0 when no list has it.
    pub(super) fn classes(&self, word: &[u8]) -> u16 {
        let input = Input::new(word).anchored(Anchored::Yes);
        match self.automaton.find(input) {
            Some(m) if m.end() == word.len() => self.classes[m.pattern().as_usize()],
            _ => 0,
        }
    }

    /// How much more `word` looks like a name than like another word: the mean log-odds of
    /// its letter trigrams (above 0: name-like). Words with letters outside A-Z score 0.
    pub(super) fn name_score(&self, word: &[u8]) -> f32 {
        self.trigrams.score(word)
    }
}

/// Letter-trigram log-odds of names against other words (`patterns/lists/name_trigrams.txt`,
/// computed by `make_lists.py` from the detector's name lists and an English word list).
struct Trigrams {
    log_odds: Vec<f32>,
}

/// Letters a-z, and 26 for a word boundary.
const SYMBOLS: usize = 27;

fn symbol(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => Some(usize::from(l - b'a')),
        b'^' | b'$' => Some(26),
        _ => None,
    }
}

/// The trigram indices of `word` with its boundaries, or `false` when it has a byte outside
/// A-Z.
fn trigram_ids(word: &[u8], mut f: impl FnMut(usize)) -> bool {
    // `'` and `-` inside a name (`D'Amore`, `Mary-Jane`) are left out.
    let letters = || word.iter().filter(|&&b| b != b'\'' && b != b'-');
    if !letters().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut prev = [26usize, 26usize];
    for &b in letters() {
        let s = symbol(b).expect("letters checked above");
        f((prev[0] * SYMBOLS + prev[1]) * SYMBOLS + s);
        prev = [prev[1], s];
    }
    f((prev[0] * SYMBOLS + prev[1]) * SYMBOLS + 26);
    true
}

impl Trigrams {
    fn load(text: &'static str) -> Trigrams {
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
            let ids: Vec<usize> = tri.bytes().filter_map(symbol).collect();
            if let [a, b, c] = ids[..] {
                log_odds[(a * SYMBOLS + b) * SYMBOLS + c] = value;
            }
        }
        Trigrams { log_odds }
    }

    fn score(&self, word: &[u8]) -> f32 {
        let (mut sum, mut k) = (0f32, 0u32);
        if !trigram_ids(word, |i| {
            sum += self.log_odds[i];
            k += 1;
        }) {
            return 0.0;
        }
        sum / k.max(1) as f32
    }
}

/// A token of a value: a run of letters (any script, with `'` and `-` inside a word) or of
/// digits and letters.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Bit set of the `T_` flags below.
    pub flags: u8,
    /// Lexicon classes of the word (ASCII words and listed script words).
    pub classes: u16,
}

/// Has an ASCII digit.
pub(super) const T_DIGIT: u8 = 1;
/// Has a letter.
pub(super) const T_LETTER: u8 = 1 << 1;
/// The first letter is upper case (or the word is in a script without case).
pub(super) const T_CAP: u8 = 1 << 2;
/// Every cased letter after the first is lower case.
pub(super) const T_TITLE: u8 = 1 << 3;
/// Every cased letter is upper case, and there are at least two.
pub(super) const T_UPPER: u8 = 1 << 4;
/// Has a letter outside ASCII.
pub(super) const T_NONASCII: u8 = 1 << 5;
/// Every cased letter is lower case.
pub(super) const T_LOWER: u8 = 1 << 6;

impl Token {
    /// Whether flag `f` is set.
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }

    /// Whether the word is in one of the classes `c`.
    pub fn has(&self, c: u16) -> bool {
        self.classes & c != 0
    }
}

/// The character at `v[i]` and its length in bytes (`None` for a byte that does not start
/// valid UTF-8).
fn char_at(v: &[u8], i: usize) -> Option<(char, usize)> {
    let len = match *v.get(i)? {
        // Most bytes are ASCII: no UTF-8 validation for them (it was ~9 % of a scan's
        // instructions on a mysqldump).
        b if b < 0x80 => return Some((char::from(b), 1)),
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        _ => return None,
    };
    let s = std::str::from_utf8(v.get(i..i + len)?).ok()?;
    s.chars().next().map(|c| (c, len))
}

/// Whether `c` can be part of a word: a letter or a combining mark (Indic vowel signs).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !c.is_ascii_punctuation()
            && {
                // Combining marks have no case and are not alphanumeric; general punctuation and
                // symbols (U+2000..U+2BFF, CJK punctuation) are not word characters.
                !matches!(c as u32, 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F)
            })
}

/// Splits `v` into tokens, looking each word up in the lexicon.
pub(super) fn tokenize(lex: &Lexicon, v: &[u8], out: &mut Vec<Token>) {
    out.clear();
    let mut i = 0;
    while i < v.len() {
        let Some((c, len)) = char_at(v, i) else {
            i += 1;
            continue;
        };
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut t = Token {
            start,
            ..Token::default()
        };
        let (mut lower, mut upper, mut first) = (0u32, 0u32, true);
        let mut title = true;
        while i < v.len() {
            let Some((c, len)) = char_at(v, i) else { break };
            if is_word_char(c) {
                if c.is_ascii_digit() {
                    t.flags |= T_DIGIT;
                } else {
                    t.flags |= T_LETTER;
                    if !c.is_ascii() {
                        t.flags |= T_NONASCII;
                    }
                    if c.is_uppercase() {
                        upper += 1;
                        if first {
                            t.flags |= T_CAP;
                        } else {
                            title = false;
                        }
                    } else if c.is_lowercase() {
                        lower += 1;
                    } else if first {
                        // A script without case.
                        t.flags |= T_CAP;
                    }
                    first = false;
                }
                i += len;
                continue;
            }
            // `'` and `-` join letters inside a word (`D'Souza`, `Mary-Jane`); `’` too.
            let joiner = matches!(c, '\'' | '-' | '’');
            let next_is_letter = char_at(v, i + len).is_some_and(|(n, _)| n.is_alphabetic());
            let prev_is_letter = v[i - 1].is_ascii_alphabetic() || v[i - 1] >= 0x80;
            if joiner && next_is_letter && prev_is_letter && t.flags & T_DIGIT == 0 {
                i += len;
                // A capital after the joiner keeps title case (`O'Brien`, `Mary-Jane`).
                first = true;
                continue;
            }
            break;
        }
        t.end = i;
        if title && t.is(T_CAP) {
            t.flags |= T_TITLE;
        }
        if upper >= 2 && lower == 0 {
            t.flags |= T_UPPER;
        }
        if upper == 0 && lower > 0 {
            t.flags |= T_LOWER;
        }
        if t.is(T_LETTER) && !t.is(T_DIGIT) {
            t.classes = lex.classes(&v[t.start..t.end]);
        }
        out.push(t);
    }
}

thread_local! {
    /// Token scratch of this worker, reused for every value.
    static TOKENS: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with the tokens of `v` (each worker reuses its buffer).
pub(super) fn with_tokens<R>(lex: &Lexicon, v: &[u8], f: impl FnOnce(&[Token]) -> R) -> R {
    TOKENS.with(|cell| {
        let mut toks = cell.take();
        tokenize(lex, v, &mut toks);
        let r = f(&toks);
        cell.replace(toks);
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(get(), v.as_bytes(), &mut out);
        out.iter().map(|t| &v[t.start..t.end]).collect()
    }

    #[test]
    fn tokens_keep_joined_names_whole() {
        assert_eq!(
            words("Mr. D'Souza, Mary-Jane O’Neil #05-123"),
            ["Mr", "D'Souza", "Mary-Jane", "O’Neil", "05", "123"]
        );
        assert_eq!(words("राहुल शर्मा"), ["राहुल", "शर्मा"]);
        assert_eq!(words("அருண் குமார்"), ["அருண்", "குமார்"]);
    }

    #[test]
    fn classes_from_the_lists() {
        let lex = get();
        assert!(lex.classes(b"road") & STREET != 0);
        assert!(lex.classes(b"ROAD") & STREET != 0);
        assert!(lex.classes(b"Mr") & TITLE != 0);
        assert!(lex.classes(b"Pvt") & COMPANY != 0);
        assert!(lex.classes(b"binte") & PARTICLE != 0);
        assert_eq!(lex.classes(b"roadx"), 0);
    }

    #[test]
    fn names_score_above_words() {
        let lex = get();
        // Names from the generator's part of the lists: never seen by the model.
        let names = include_str!("../../../patterns/lists/synth/surnames_west.txt");
        let words = [
            "because",
            "refund",
            "account",
            "pending",
            "shipment",
            "warehouse",
        ];
        let held: Vec<&str> = entries(names).take(200).collect();
        let named = held
            .iter()
            .filter(|w| lex.name_score(w.as_bytes()) > 0.0)
            .count();
        assert!(named * 10 > held.len() * 6, "{named} of {}", held.len());
        for w in words {
            assert!(lex.name_score(w.as_bytes()) < 0.0, "{w}");
        }
    }
}

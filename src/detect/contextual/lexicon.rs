//! What the name and address detectors know about words: the lists of `patterns/lists/`
//! (given names, surnames, Chinese name syllables, street and place words, company words,
//! titles, status words, common English words) in tables compiled into the binary (by
//! `build.rs` with `lexicon_build.rs`), a letter-trigram model that tells name-like words
//! from other words, and the tokenizer both detectors share, so a value is walked once for
//! both.

use super::lexicon_keys::{shift, short_key, slot, PackedWord, SHORT, SYMBOLS};
pub(super) use super::lexicon_keys::{
    COMPANY, ENGLISH, GERMAN, GIVEN, GREETING, NATIONALITY, PARTICLE, PLACE, PLACE_PART, STATUS,
    STREET, SURNAME, SYLLABLE, TITLE,
};
use std::cell::RefCell;

include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

/// Any name list.
pub(super) const NAME: u16 = GIVEN | SURNAME | SYLLABLE;

/// What a word of ASCII letters needs to be in a short, closed class: at most
/// `longest` bytes, and a first letter in `first` (bit 0 for `a`, either case). A test
/// before the table look-up that most words of running text fail (`issue`, `delivery`);
/// `false` means the word is not in the class.
#[derive(Clone, Copy)]
struct Hint {
    longest: usize,
    first: u32,
}

impl Hint {
    /// The hint of words of up to `longest` bytes that start with one of `letters`.
    const fn new(letters: &[u8], longest: usize) -> Hint {
        let mut first = 0;
        let mut i = 0;
        while i < letters.len() {
            first |= 1 << (letters[i] - b'a');
            i += 1;
        }
        Hint { longest, first }
    }

    /// Whether the run `v[start..end]` may be a word of the hinted class (`false` for a run
    /// that does not start with a letter).
    fn admits(self, v: &[u8], start: usize, end: usize) -> bool {
        let letter = u32::from((v[start] | 0x20).wrapping_sub(b'a'));
        end - start <= self.longest && letter < 26 && self.first >> letter & 1 != 0
    }
}

/// [`PARTICLE`] (`bin`, `binte`, `van`, `della`, ...).
const PARTICLE_HINT: Hint = Hint::new(b"abdeltv", 5);
/// [`TITLE`] (`mr`, `shri`, `kumari`, `monsieur`, ...).
const TITLE_HINT: Hint = Hint::new(b"adfhijklmps", 8);

/// The word lists and models.
pub(super) struct Lexicon {
    /// Each listed ASCII word of up to 8 bytes, in lower case and packed by [`short_key`],
    /// with its classes: most looked-up words, found with one multiply and compare.
    short8: WordTable<u64>,
    /// The same for listed ASCII words of 9 to [`SHORT`] bytes.
    short16: WordTable<u128>,
    /// The other listed words (longer, or not ASCII), ASCII letters in lower case, keyed by
    /// their bytes.
    long: WordTable<&'static [u8]>,
    /// The longest listed word, in bytes: longer words are looked up no further.
    longest: usize,
    trigrams: Trigrams,
}

/// The lexicon, compiled in.
static LEXICON: Lexicon = Lexicon {
    short8: WordTable::new(&SHORT8_KEYS, &SHORT8_CLASSES),
    short16: WordTable::new(&SHORT16_KEYS, &SHORT16_CLASSES),
    long: WordTable::new(&LONG_KEYS, &LONG_CLASSES),
    longest: LONGEST,
    trigrams: Trigrams {
        log_odds: &LOG_ODDS,
    },
};

/// The lexicon.
pub(super) fn get() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The classes of the whole word `word` (any ASCII case), 0 when no list has it.
    pub(super) fn classes(&self, word: &[u8]) -> u16 {
        /// Room for the lower-cased word on the stack (listed words are shorter).
        const ROOM: usize = 64;
        if word.len() > self.longest || word.len() > ROOM {
            return 0;
        }
        if let Some(key) = short_key(word) {
            return match u64::try_from(key) {
                Ok(key) => self.short8.get(key),
                Err(_) => self.short16.get(key),
            };
        }
        let mut lower = [0u8; ROOM];
        let lower = &mut lower[..word.len()];
        for (l, b) in lower.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        self.long.get(&*lower)
    }

    /// The classes of the word `v[start..end]`, which has ASCII letters only: what
    /// [`Lexicon::classes`] gives, with the key read in one load of the 8 or [`SHORT`]
    /// bytes of `v` around the word ([`window`]).
    fn letters_classes(&self, v: &[u8], start: usize, end: usize) -> u16 {
        // Bit 5 of every byte set puts an ASCII letter in lower case.
        const LOWER: u8 = 0x20;
        let len = end - start;
        match len {
            1..=8 => {
                let (bytes, at) = window::<8>(v, start);
                let raw = u64::from_le_bytes(bytes);
                let lower = u64::from_le_bytes([LOWER; 8]);
                self.short8
                    .get(((raw >> (8 * at)) | lower) & (u64::MAX >> (8 * (8 - len))))
            }
            9..=SHORT => {
                let (bytes, at) = window::<SHORT>(v, start);
                let raw = u128::from_le_bytes(bytes);
                let lower = u128::from_le_bytes([LOWER; SHORT]);
                self.short16
                    .get(((raw >> (8 * at)) | lower) & (u128::MAX >> (8 * (SHORT - len))))
            }
            _ => self.classes(&v[start..end]),
        }
    }

    /// How much more `word` looks like a name than like another word: the mean log-odds of
    /// its letter trigrams (above 0: name-like). Words of Latin letters with accents score
    /// as their letters without them ([`fold_latin`]) when that is above 0; other words
    /// with letters outside A-Z score 0.
    pub(super) fn name_score(&self, word: &[u8]) -> f32 {
        match self.trigrams.score(word) {
            Some(score) => score,
            // Accents taken off, a European name scores as its letters do, but no lower
            // than a word of another script (0): the model knows English and Indian names
            // better than Spanish or French ones.
            None => {
                let mut room = [0u8; FOLD_ROOM];
                fold_latin(word, &mut room)
                    .and_then(|w| self.trigrams.score(w))
                    .map_or(0.0, |score| score.max(0.0))
            }
        }
    }
}

/// `N` bytes of `v` that hold `v[start]` and as many bytes after it as `v` has up to `N`:
/// from `start` on, or from earlier where `v` ends within `N` bytes (zero-padded where `v`
/// is shorter than `N`), and how far into them `start` is.
fn window<const N: usize>(v: &[u8], start: usize) -> ([u8; N], usize) {
    let mut bytes = [0u8; N];
    match v.len().checked_sub(N) {
        Some(last) => {
            let from = start.min(last);
            bytes.copy_from_slice(&v[from..from + N]);
            (bytes, start - from)
        }
        None => {
            bytes[..v.len()].copy_from_slice(v);
            (bytes, start)
        }
    }
}

/// An open-addressing hash table from packed words (or the bytes of words that do not
/// pack) to their classes, at most half full: a look-up is a hash, and a compare or two (the
/// default key, which no listed word is, marks a free slot). Its slots are filled by
/// `build.rs` (with `lexicon_build.rs`).
struct WordTable<K: 'static> {
    keys: &'static [K],
    classes: &'static [u16],
    /// 64 less the log2 of the slot count: the hash's top bits pick the first slot.
    shift: u32,
}

impl<K: PackedWord> WordTable<K> {
    /// The table of the slots `keys` (a power of two of them) and their `classes`.
    const fn new(keys: &'static [K], classes: &'static [u16]) -> WordTable<K> {
        WordTable {
            keys,
            classes,
            shift: shift(keys.len()),
        }
    }

    /// The classes of `key`, 0 when it is not in the table.
    #[inline]
    fn get<Q: PackedWord>(&self, key: Q) -> u16
    where
        K: PartialEq<Q>,
    {
        let mask = self.keys.len() - 1;
        let mut s = slot(key, self.shift);
        loop {
            let k = self.keys[s];
            if k == key {
                return self.classes[s];
            }
            if k == K::default() {
                return 0;
            }
            s = (s + 1) & mask;
        }
    }
}

/// Letter-trigram log-odds of names against other words (`patterns/lists/name_trigrams.txt`,
/// computed by `make_lists.py` from the detector's name lists and an English word list).
struct Trigrams {
    log_odds: &'static [f32],
}

/// The trigram indices of `word` with its boundaries, or `false` when it has a byte outside
/// A-Z.
fn trigram_ids(word: &[u8], mut f: impl FnMut(usize)) -> bool {
    // `'` and `-` inside a name (`D'Amore`, `Mary-Jane`) are left out.
    let joiner = |b: u8| b == b'\'' || b == b'-';
    if !word.iter().all(|&b| b.is_ascii_alphabetic() || joiner(b)) {
        return false;
    }
    let mut prev = [26usize, 26usize];
    for &b in word.iter().filter(|&&b| !joiner(b)) {
        // An ASCII letter (checked above): its symbol is its place in the alphabet.
        let s = usize::from(b.to_ascii_lowercase() - b'a');
        f((prev[0] * SYMBOLS + prev[1]) * SYMBOLS + s);
        prev = [prev[1], s];
    }
    f((prev[0] * SYMBOLS + prev[1]) * SYMBOLS + 26);
    true
}

impl Trigrams {
    /// The mean log-odds of the word's trigrams; `None` for a word with a letter outside
    /// ASCII.
    fn score(&self, word: &[u8]) -> Option<f32> {
        let (mut sum, mut k) = (0f32, 0u32);
        if !trigram_ids(word, |i| {
            sum += self.log_odds[i];
            k += 1;
        }) {
            return None;
        }
        Some(sum / k.max(1) as f32)
    }
}

/// Room for a word with its accents taken off ([`fold_latin`]); longer words are not folded.
const FOLD_ROOM: usize = 48;

/// Word `w` with the accents of its Latin letters taken off (`Fernández` → `Fernandez`,
/// `Lefèvre` → `Lefevre`, `Dvořák` → `Dvorak`), written to `room`: how the lists and the name
/// model, which hold ASCII, read a European name. `None` when a letter is left outside ASCII
/// (another script, `ß`, `ø`) or the word does not fit.
fn fold_latin<'r>(w: &[u8], room: &'r mut [u8; FOLD_ROOM]) -> Option<&'r [u8]> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    // Latin-1 and Latin Extended-A letters (U+00C0-U+017F) lead with 0xC3-0xC5: a higher
    // lead byte (Latin Extended-B on, other scripts) keeps a letter outside ASCII.
    if w.iter().any(|&b| b >= 0xC6) {
        return None;
    }
    let mut len = 0;
    for c in std::str::from_utf8(w).ok()?.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let byte = u8::try_from(c).ok().filter(u8::is_ascii)?;
        *room.get_mut(len)? = byte;
        len += 1;
    }
    Some(&room[..len])
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
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Combining marks have no case and are not alphanumeric; general punctuation and symbols
    // (U+2000..U+2BFF, CJK punctuation) are not word characters unless alphanumeric (`ℕ`).
    // Outside those blocks every character but white space is one, which needs no lookup in
    // the (slow) alphanumeric tables: white space is never alphanumeric.
    if matches!(c as u32, 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F) {
        c.is_alphanumeric()
    } else {
        !c.is_whitespace()
    }
}

/// Class of a byte to the tokenizer: upper-case ASCII letter.
const C_UPPER: u8 = 1;
/// Lower-case ASCII letter.
const C_LOWER: u8 = 1 << 1;
/// ASCII digit.
const C_DIGIT: u8 = 1 << 2;
/// `'` or `-`, which may join the letters of a word (`O'Brien`, `Mary-Jane`).
const C_JOIN: u8 = 1 << 3;
/// A byte outside ASCII.
const C_HIGH: u8 = 1 << 4;
/// The ASCII bytes of a word.
const C_ALNUM: u8 = C_UPPER | C_LOWER | C_DIGIT;

/// The `C_` class of each byte; 0 for the other ASCII bytes, which end a word.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            C_UPPER
        } else if c.is_ascii_lowercase() {
            C_LOWER
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c == b'\'' || c == b'-' {
            C_JOIN
        } else if !c.is_ascii() {
            C_HIGH
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What a word's letters say about its case, gathered while the word is read.
#[derive(Default)]
struct Shape {
    flags: u8,
    lower: u32,
    upper: u32,
    /// The next letter is the first of the word or of a joined part (`O'Brien`).
    at_first: bool,
    /// No upper-case letter after a first one.
    title: bool,
}

impl Shape {
    fn new() -> Shape {
        Shape {
            at_first: true,
            title: true,
            ..Shape::default()
        }
    }

    /// A letter, upper or lower case or neither (a script without case).
    fn letter(&mut self, upper: bool, lower: bool, ascii: bool) {
        self.flags |= T_LETTER;
        if !ascii {
            self.flags |= T_NONASCII;
        }
        if upper {
            self.upper += 1;
            if self.at_first {
                self.flags |= T_CAP;
            } else {
                self.title = false;
            }
        } else if lower {
            self.lower += 1;
        } else if self.at_first {
            self.flags |= T_CAP;
        }
        self.at_first = false;
    }

    /// Reads the run of ASCII letters and digits at `v[i..]` and returns its end. Up to the
    /// first letter byte by byte (that letter's case decides [`T_CAP`]); after it, with one
    /// table lookup a byte.
    fn ascii_run(&mut self, v: &[u8], mut i: usize) -> usize {
        while let Some(&b) = v.get(i).filter(|_| self.at_first) {
            if b.is_ascii_digit() {
                self.flags |= T_DIGIT;
            } else if b.is_ascii_alphabetic() {
                self.letter(b.is_ascii_uppercase(), b.is_ascii_lowercase(), true);
            } else {
                return i;
            }
            i += 1;
        }
        let (mut upper, mut lower, mut kinds) = (0u32, 0u32, 0u8);
        while let Some(&b) = v.get(i) {
            let class = BYTE_CLASS[usize::from(b)];
            if class & C_ALNUM == 0 {
                break;
            }
            upper += u32::from(class & C_UPPER);
            lower += u32::from((class & C_LOWER) >> 1);
            kinds |= class;
            i += 1;
        }
        if upper > 0 {
            self.title = false;
        }
        if kinds & (C_UPPER | C_LOWER) != 0 {
            self.flags |= T_LETTER;
        }
        if kinds & C_DIGIT != 0 {
            self.flags |= T_DIGIT;
        }
        self.upper += upper;
        self.lower += lower;
        i
    }

    /// The token's flags once the word is read.
    fn finish(&self) -> u8 {
        let mut flags = self.flags;
        if self.title && flags & T_CAP != 0 {
            flags |= T_TITLE;
        }
        if self.upper >= 2 && self.lower == 0 {
            flags |= T_UPPER;
        }
        if self.upper == 0 && self.lower > 0 {
            flags |= T_LOWER;
        }
        flags
    }
}

/// Whether the joiner (`'`, `-` or `’`) at `v[i..i + len]` joins letters inside a word
/// (`D'Souza`, `Mary-Jane`): a letter on both sides, and no digit in the word so far.
fn joins_letters(v: &[u8], i: usize, len: usize, shape: &Shape) -> bool {
    let next_is_letter = match v.get(i + len) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(v, i + len).is_some_and(|(n, _)| n.is_alphabetic()),
        None => false,
    };
    let prev_is_letter = v[i - 1].is_ascii_alphabetic() || v[i - 1] >= 0x80;
    next_is_letter && prev_is_letter && shape.flags & T_DIGIT == 0
}

/// Whether the free text `v` (ASCII or not) may hold a name or an address: `false` only
/// when the free-text detectors ([`super::name`], [`super::address`]) can find neither, so
/// `v` need not be split into tokens. One walk over the runs of ASCII letters and digits
/// (the words of the splitter, unless a joiner or a byte outside ASCII is next to them:
/// text with a byte outside ASCII is never refused, and a capitalised word next to a joiner
/// that may join it to another is taken as a possible name word unless the joined word has
/// a digit, [`joined_to_digits`]), looking words up only where a rule asks for their
/// classes.
///
/// A name needs a name word (a capitalised word in title case or `Mc` form, a one-letter
/// capital, a listed name, title or particle in capitals: `Road BINTE Asha` holds
/// `BINTE Asha` as `Road Binte Asha` holds `Binte Asha`) that
/// - follows another name word across a name gap ([`super::name::joins_name`]) unless
///   the two can be in no name the detector accepts ([`super::name::pair_may_name`]: the
///   `Mobile Safari` of a user agent scores too low), or is followed by a particle across
///   one;
/// - follows a title or greeting across a name gap; or
/// - stands alone in the value ([`super::name::around_alone`], maybe after a particle), is
///   no initial and has classes a lone name may have ([`super::name::may_stand_alone`]).
///
/// So the capitalised first word of a sentence, a lone capitalised word among others
/// (`Worker.run`), a place or a one-letter code alone give nothing. An address needs a
/// postal code (a word of 6 digits that may end one, [`may_end_address`]; 5 after a US
/// state code; or a UK inward code such as `1AA`) or a capitalised street word after a word of up to 6 bytes that starts with a
/// digit (a house number).
pub(super) fn may_hold_free_text(lex: &Lexicon, v: &[u8]) -> bool {
    free_text_walk::<true>(lex, v)
}

/// The walk of [`may_hold_free_text`]; with `SKIP`, over stretches of runs that start with
/// a lower-case letter eight bytes at a time ([`next_marked_run`]) and over dates and times
/// in one step ([`date_time_end`]), which gives the same answer as the plain walk.
fn free_text_walk<const SKIP: bool>(lex: &Lexicon, v: &[u8]) -> bool {
    use super::address::is_us_state;
    use super::name::{around_alone, joins_name, may_stand_alone, pair_may_name};
    // The run before the one being read: start, end and kinds of bytes; unless `passed`
    // holds the start of a stretch of runs passed up by [`next_marked_run`], whose last run
    // is the run before, found only when a rule asks for it ([`last_run`]).
    let mut prev: Option<(usize, usize, u8)> = None;
    let mut passed: Option<usize> = None;
    // The run before is a name word.
    let mut after_name = false;
    // A run that may be a house number was read.
    let mut house = false;
    let mut i = 0;
    while let Some(&b) = v.get(i) {
        let first = BYTE_CLASS[usize::from(b)];
        if first & C_ALNUM == 0 {
            if first & C_HIGH != 0 {
                return true;
            }
            i += 1;
            continue;
        }
        // A date and time (`2024-09-03T06:58`, `2024-05-15 16:19`) is runs of digits (with
        // the `T`) of 2 to 5 bytes: none is a postal code, all may be house numbers. Passed
        // in one step, it leaves what its runs leave: the last (the minutes) as the run
        // before, no name word, a house number read.
        if SKIP && first == C_DIGIT {
            if let Some(end) = date_time_end(v, i) {
                prev = Some((end - 2, end, C_DIGIT));
                passed = None;
                after_name = false;
                house = true;
                i = end;
                continue;
            }
        }
        // A run that starts with a lower-case letter, not after a name word, changes nothing
        // but the run before: such runs are passed up to the next run that starts with a
        // capital or a digit ([`next_marked_run`]), and the last of them is read as the run
        // before that one only if a rule asks for it (`before`).
        if SKIP && first == C_LOWER && !after_name {
            let next = next_marked_run(v, i);
            if v.get(next).is_some_and(|&b| !b.is_ascii()) {
                return true;
            }
            passed = Some(i);
            i = next;
            continue;
        }
        let start = i;
        let (end, rest) = alnum_run(v, start + 1);
        let kinds = first | rest;
        i = end;
        let len = end - start;
        // The run before this one.
        let before = || match passed {
            Some(from) => last_run(v, from, start),
            None => prev,
        };
        let joined = |s: usize, e: usize| may_join(v, s, e);
        // The classes of a run before, when it is a word of letters.
        let classes_of = |(s, e, k): (usize, usize, u8)| {
            if k & C_DIGIT == 0 {
                lex.letters_classes(v, s, e)
            } else {
                0
            }
        };
        // Whether a name gap joins this run to the one before. The gaps that may
        // ([`joins_name`]: ` `, `.`, `. `) are told by their bytes, and a space after a run
        // always joins, so the run before is found only after a full stop.
        let gap_joins = || match v[..start] {
            [.., a, b' '] if a.is_ascii_alphanumeric() => true,
            [.., a, b'.'] | [.., a, b'.', b' '] if a.is_ascii_alphanumeric() => before()
                .is_some_and(|p| {
                    joins_name(&v[p.1..start], p.1 - p.0, || {
                        TITLE_HINT.admits(v, p.0, p.1) && classes_of(p) & TITLE != 0
                    })
                }),
            _ => false,
        };
        let mut name_word = false;
        if first == C_DIGIT {
            let postal = kinds == C_DIGIT
                && match len {
                    6 => before().is_some_and(|p| may_end_address(v, p, start)),
                    5 => before().is_some_and(|p| is_us_state(&v[p.0..p.1])),
                    _ => false,
                };
            let inward =
                len == 3 && v[start + 1].is_ascii_uppercase() && v[start + 2].is_ascii_uppercase();
            // A code before its city follows a gap an address goes on through, with a
            // comma: told first by the gap's last byte, which most runs' (`:`, `.`, `=`,
            // `T`) is not.
            let gap_byte = start > 0 && super::address::joining_byte(v[start - 1]);
            let code = gap_byte && (2..=6).contains(&len) && code_after_comma(v, start, end);
            if postal || inward || code {
                return true;
            }
            house |= len <= 6;
        } else if kinds & C_DIGIT != 0 {
            // Letters and digits: no name, street word or particle.
        } else if first == C_UPPER && joined(start, end) {
            if !joined_to_digits(v, end) {
                return true;
            }
            // Part of a word with a digit (`SM-A536E`): no name, street word or particle.
        } else if first == C_UPPER {
            let mut classes = None;
            let mut classes = || *classes.get_or_insert_with(|| lex.letters_classes(v, start, end));
            if house && classes() & STREET != 0 {
                return true;
            }
            let upper = len >= 2 && rest & C_LOWER == 0;
            name_word = rest & C_UPPER == 0
                || super::name::mc(&v[start..end])
                || upper && classes() & (NAME | TITLE | PARTICLE) != 0;
            if name_word {
                // The second word of a name, or the first after a title or greeting.
                if gap_joins() {
                    let p = before().expect("a gap joins a run before");
                    let mut pair = || {
                        let first = (&v[p.0..p.1], classes_of(p));
                        pair_may_name(lex, first, (&v[start..end], classes()), &v[end..])
                    };
                    if after_name && pair()
                        || joined(p.0, p.1)
                        || classes_of(p) & (TITLE | GREETING) != 0
                    {
                        return true;
                    }
                }
                // A name alone in the value, maybe after a particle.
                if len >= 2 && around_alone(&v[end..]) {
                    let alone = match before() {
                        None => around_alone(&v[..start]),
                        Some(p) => {
                            around_alone(&v[..p.0])
                                && (joined(p.0, p.1) || classes_of(p) & PARTICLE != 0)
                        }
                    };
                    if alone && may_stand_alone(classes()) {
                        return true;
                    }
                }
            }
        } else if after_name
            && gap_joins()
            && (joined(start, end)
                || PARTICLE_HINT.admits(v, start, end)
                    && lex.letters_classes(v, start, end) & PARTICLE != 0)
        {
            // A particle inside a name (`bin`, `van`).
            return true;
        }
        after_name = name_word;
        prev = Some((start, end, kinds));
        passed = None;
    }
    false
}

/// Whether the word the splitter reads through a run of letters that ends at `end` has an
/// ASCII digit after that run: joiners that join letters ([`joins_letters`]) lead from it to
/// a run with a digit (`SM-A536E`). Such a word is read whole, digits and all, and so is no
/// name, particle or street word. Only ASCII is followed: a byte outside ASCII makes the
/// walk of [`may_hold_free_text`] accept the text when it reaches it.
fn joined_to_digits(v: &[u8], mut end: usize) -> bool {
    let joiner = |b: Option<&u8>| b.is_some_and(|&b| BYTE_CLASS[usize::from(b)] & C_JOIN != 0);
    while joiner(v.get(end)) && v.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
        let (next_end, kinds) = alnum_run(v, end + 1);
        if kinds & C_DIGIT != 0 {
            return true;
        }
        end = next_end;
    }
    false
}

/// Whether a code of 6 digits at `v[start..]`, after the run `p` (start, end, kinds), may end
/// an address ([`super::address`]'s `postal` and `before_postal`): the walk back from it
/// needs the gap to the word before to join (`address::joins`), and the code is a PIN (first
/// digit 1-8) or follows `Singapore`. So the digits of a hash (`sha256$600000$`), a phone
/// (`+44 7700 900095`) or an id (`ORD-2021-098401`) end none. The run before may be part
/// of a longer word (`D'Souza`): its length only lets more gaps join.
/// Out of line: few runs are 6 digits, and the walk's loop stays lean.
#[inline(never)]
fn may_end_address(v: &[u8], p: (usize, usize, u8), start: usize) -> bool {
    use super::address::joins;
    let word = &v[p.0..p.1];
    joins(&v[p.1..start], word)
        && ((b'1'..=b'8').contains(&v[start]) || word.eq_ignore_ascii_case(b"singapore"))
}

/// Whether the run `v[start..end]` that starts with a digit may be a postal code written
/// before its city ([`super::address`]'s `before_city`: `Calle Mayor 10, 28013 Madrid`): a
/// comma in the gap before it (or before its country's letters: `, DK-5366`) that an
/// address may go on through (`address::joins`: at most four bytes), and the number ends
/// with the run (`10115`, `366 00`) or after `-` and three digits (`1100-053`, `82-411`;
/// [`super::address::ends_number`]). Out of line: few runs are codes.
#[inline(never)]
fn code_after_comma(v: &[u8], start: usize, end: usize) -> bool {
    use super::address::ends_number;
    // After its country's letters (`DK-5366`), the comma is before them.
    let letters = v[..start.saturating_sub(1)]
        .iter()
        .rev()
        .take(2)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let from = match start.checked_sub(letters + 1) {
        Some(at) if letters > 0 && v[start - 1] == b'-' => at,
        _ => start,
    };
    let comma = v[from.saturating_sub(4)..from]
        .iter()
        .rev()
        .take_while(|b| !b.is_ascii_alphanumeric())
        .any(|&b| b == b',');
    let dashed = || {
        let three = v
            .get(end + 1..end + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        v.get(end) == Some(&b'-') && three && !v.get(end + 4).is_some_and(u8::is_ascii_digit)
    };
    comma && (ends_number(v, end) || dashed())
}

/// The end of a date and minute at `v[at..]` (`2024-09-03T06:58`, `2024-05-15 16:19`: 16
/// bytes) that ends a run there (no ASCII letter or digit after it); `None` for anything
/// else. Tested from its separators, so most other runs of digits are refused at once.
fn date_time_end(v: &[u8], at: usize) -> Option<usize> {
    let t: &[u8; 16] = v.get(at..)?.first_chunk()?;
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15];
    let form = t[4] == b'-'
        && t[7] == b'-'
        && t[13] == b':'
        && matches!(t[10], b'T' | b' ')
        && digits.iter().all(|&d| t[d].is_ascii_digit())
        && !v.get(at + 16).is_some_and(u8::is_ascii_alphanumeric);
    form.then_some(at + 16)
}

/// The first byte at or after `from` that is outside ASCII, or an ASCII capital or digit
/// that starts a run of ASCII letters and digits; `v.len()` when there is none. Searched
/// eight bytes at a time; a capital or digit inside a run (`iPhone`, `u100002`) is passed
/// with the rest of its run. `from` is the start of a run or a byte that ends one, so the
/// runs passed all start with a lower-case letter.
fn next_marked_run(v: &[u8], from: usize) -> usize {
    use crate::swar::{ascii_in_range, HI};
    let mut at = from;
    loop {
        while let Some(block) = v.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            let w = u64::from_le_bytes(*block);
            let stop = w & HI | ascii_in_range(w, b'0', b'9') | ascii_in_range(w, b'A', b'Z');
            if stop != 0 {
                at += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        let marked = |b: u8| b >= 0x80 || b.is_ascii_digit() || b.is_ascii_uppercase();
        while v.get(at).is_some_and(|&b| !marked(b)) {
            at += 1;
        }
        match v.get(at) {
            Some(b) if b.is_ascii() && at > from && v[at - 1].is_ascii_alphanumeric() => {
                at = alnum_run(v, at).0;
            }
            _ => return at,
        }
    }
}

/// The last run of ASCII letters and digits in `v[from..to]` (start, end and the kinds of
/// its bytes), where `to` ends no run that started before it; `None` when there is none
/// (never when `from` starts a run).
fn last_run(v: &[u8], from: usize, to: usize) -> Option<(usize, usize, u8)> {
    let before = &v[from..to];
    let last = before.iter().rposition(u8::is_ascii_alphanumeric)?;
    let start = before[..last]
        .iter()
        .rposition(|&b| !b.is_ascii_alphanumeric())
        .map_or(from, |p| from + p + 1);
    let (end, kinds) = alnum_run(v, start);
    Some((start, end, kinds))
}

/// Whether a joiner (`'` or `-`) next to the run `v[start..end]` of ASCII letters and
/// digits may join it to a word of letters before or after it ([`joins_letters`], left
/// open whether the word has a digit).
fn may_join(v: &[u8], start: usize, end: usize) -> bool {
    let letter = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80);
    let joiner = |b: Option<&u8>| b.is_some_and(|&b| BYTE_CLASS[usize::from(b)] & C_JOIN != 0);
    start >= 2 && joiner(v.get(start - 1)) && letter(v.get(start - 2))
        || joiner(v.get(end)) && letter(v.get(end + 1))
}

/// The end of the ASCII letters and digits that run from `from`, and the classes of their
/// bytes ([`BYTE_CLASS`]) gathered.
#[inline(always)]
fn alnum_run(v: &[u8], from: usize) -> (usize, u8) {
    let mut kinds = 0;
    let rest = v.get(from..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&b| {
            let class = BYTE_CLASS[usize::from(b)];
            kinds |= class;
            class & C_ALNUM == 0
        })
        .unwrap_or(rest.len());
    // The byte that ends the run was gathered too: keep only the run's classes.
    (from + len, kinds & C_ALNUM)
}

/// Splits `v` into tokens, looking each word up in the lexicon.
///
/// A word of ASCII letters and digits, most of a dump, is read by [`ascii_word`] with one
/// table lookup a byte; words with characters outside ASCII or joiners (`D'Souza`) by
/// [`word`], which decodes characters and classifies them by their Unicode properties.
pub(super) fn tokenize(lex: &Lexicon, v: &[u8], out: &mut Vec<Token>) {
    out.clear();
    let mut i = 0;
    while i < v.len() {
        let class = BYTE_CLASS[usize::from(v[i])];
        if class & C_ALNUM == 0 {
            if class & C_HIGH == 0 {
                i += 1;
                continue;
            }
            match char_at(v, i) {
                Some((c, _)) if is_word_char(c) => {}
                Some((_, len)) => {
                    i += len;
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        let start = i;
        let ascii = if class & C_ALNUM != 0 {
            ascii_word(v, start)
        } else {
            None
        };
        let (end, flags) = ascii.unwrap_or_else(|| word(v, start));
        i = end;
        let classes = match (flags & (T_LETTER | T_DIGIT) == T_LETTER, ascii) {
            (false, _) => 0,
            (true, Some(_)) => lex.letters_classes(v, start, end),
            (true, None) => joined_classes(lex, &v[start..end]),
        };
        out.push(Token {
            start,
            end,
            flags,
            classes,
        });
    }
}

/// The classes of a word of letters that [`word`] read: the listed word's, or for a word
/// of parts joined by `-` that is not listed itself, the name classes every part has
/// (`Jean-Pierre` and `Hans-Peter` are given names, `García-López` a surname).
fn joined_classes(lex: &Lexicon, w: &[u8]) -> u16 {
    let whole = lex.classes(w);
    if whole != 0 || !w.contains(&b'-') {
        return whole;
    }
    w.split(|&b| b == b'-')
        .fold(GIVEN | SURNAME, |shared, part| shared & lex.classes(part))
}

/// The word of ASCII letters and digits at `v[start..]`: its end and flags; `None` when a
/// joiner or a character outside ASCII may carry it on (then [`word`] reads it).
fn ascii_word(v: &[u8], start: usize) -> Option<(usize, u8)> {
    // The classes of the bytes after the first, gathered: with the first byte's, they decide
    // the flags of a word that starts with a letter, the most common one.
    let first = BYTE_CLASS[usize::from(v[start])];
    let (i, rest) = alnum_run(v, start + 1);
    let next = v.get(i).map_or(0, |&b| BYTE_CLASS[usize::from(b)]);
    let kinds = first | rest;
    // A joiner joins only letters, in a word without digits ([`joins_letters`]).
    let joiner_may_join = next & C_JOIN != 0
        && kinds & C_DIGIT == 0
        && v.get(i + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || !b.is_ascii());
    if next & C_HIGH != 0 || joiner_may_join {
        return None;
    }
    if kinds & (C_UPPER | C_LOWER) == 0 {
        return Some((i, T_DIGIT));
    }
    let flags = if first & C_DIGIT == 0 {
        // `first` is the first letter: it decides the capital, and the case of the others
        // whether the word is in title, upper or lower case.
        let cap = first == C_UPPER;
        let more_upper = rest & C_UPPER != 0;
        let mut flags = if rest & C_DIGIT != 0 {
            T_LETTER | T_DIGIT
        } else {
            T_LETTER
        };
        if cap {
            flags |= T_CAP;
            if !more_upper {
                flags |= T_TITLE;
            } else if rest & C_LOWER == 0 {
                flags |= T_UPPER;
            }
        } else if !more_upper {
            flags |= T_LOWER;
        }
        flags
    } else {
        // Digits first (`5th`, `03T06`): the letters are counted.
        let mut shape = Shape::new();
        shape.ascii_run(v, start);
        shape.finish()
    };
    Some((i, flags))
}

/// The word at `v[start..]` (its first character is a word character), any characters:
/// its end and flags.
fn word(v: &[u8], start: usize) -> (usize, u8) {
    let mut i = start;
    let mut shape = Shape::new();
    while i < v.len() {
        let b = v[i];
        if b.is_ascii_alphanumeric() {
            i = shape.ascii_run(v, i);
            continue;
        }
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match char_at(v, i) {
                Some(decoded) => decoded,
                None => break,
            }
        };
        if !c.is_ascii() && is_word_char(c) {
            shape.letter(c.is_uppercase(), c.is_lowercase(), false);
            i += len;
            continue;
        }
        if matches!(c, '\'' | '-' | '’') && joins_letters(v, i, len, &shape) {
            i += len;
            // A capital after the joiner keeps title case (`O'Brien`, `Mary-Jane`).
            shape.at_first = true;
            continue;
        }
        break;
    }
    (i, shape.finish())
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
    use super::super::lexicon_build::{self, entries, lower_case, LISTS, PARTICLES};
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
    fn compiled_tables_are_the_lists() {
        let built = lexicon_build::build();
        let lex = get();
        assert_eq!(lex.short8.keys, built.short8.keys);
        assert_eq!(lex.short8.classes, built.short8.classes);
        assert_eq!(lex.short16.keys, built.short16.keys);
        assert_eq!(lex.short16.classes, built.short16.classes);
        assert_eq!(lex.long.keys, built.long.keys);
        assert_eq!(lex.long.classes, built.long.classes);
        assert_eq!(lex.longest, built.longest);
        let bits = |x: &[f32]| x.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(lex.trigrams.log_odds), bits(&built.log_odds));
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
    fn ascii_words_read_as_the_general_reader_does() {
        let text = "Mr. D'Souza MARY-jane o'neil McMaster 5th 5TH 03T06 04Z abc- ab'1 x \
                    NT iPhone eBay ABc aBC A a 1 12a a12 Ünal Straße-Nord Road’s SKU-JF04";
        let v = text.as_bytes();
        let mut checked = 0;
        for start in 0..v.len() {
            let starts_word = v[start].is_ascii_alphanumeric()
                && (start == 0 || !v[start - 1].is_ascii_alphanumeric());
            if let Some(fast) = ascii_word(v, start).filter(|_| starts_word) {
                assert_eq!(fast, word(v, start), "{}", &text[start..]);
                checked += 1;
            }
        }
        assert!(checked > 25, "{checked}");
    }

    #[test]
    fn every_listed_word_has_its_class() {
        let lex = get();
        for (text, class) in LISTS {
            for w in entries(text).filter(|w| !w.contains(' ')) {
                assert_eq!(lower_case(w), w.to_lowercase(), "{w}");
                // Non-ASCII words are looked up in the case they are listed in.
                let looked_up = if w.is_ascii() {
                    w.to_ascii_uppercase()
                } else {
                    w.to_lowercase()
                };
                assert!(lex.classes(looked_up.as_bytes()) & class != 0, "{w}");
            }
        }
        let unlisted = ["roadx", "qqqq", "zzzzzzzzzzzz", "abcdefghijklmnop", "x"];
        // Words that do not pack: longer than 16 bytes, or not ASCII.
        for w in unlisted
            .into_iter()
            .chain(["thiruvananthapuramx", "caféx", "ünal"])
        {
            assert_eq!(lex.classes(w.as_bytes()), 0, "{w}");
        }
        assert_eq!(lower_case("ÜNAL Straße"), "ünal straße");
    }

    #[test]
    fn hints_admit_every_word_of_their_classes() {
        let listed = LISTS
            .iter()
            .flat_map(|(text, class)| entries(text).map(move |w| (w, *class)));
        let added = PARTICLES.iter().map(|w| (*w, PARTICLE));
        let mut checked = 0;
        for (w, class) in listed.chain(added) {
            // Only words of letters are hinted: `a/l` is never a run of letters.
            if !w.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            let v = w.to_ascii_uppercase();
            for (hint, classes) in [(PARTICLE_HINT, PARTICLE), (TITLE_HINT, TITLE)] {
                if class & classes != 0 {
                    assert!(hint.admits(w.as_bytes(), 0, w.len()), "{w}");
                    assert!(hint.admits(v.as_bytes(), 0, w.len()), "{w}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 40, "{checked}");
        // Most words of running text are no particle or title.
        for w in ["issue", "delivery", "reopened", "payment", "it"] {
            assert!(!PARTICLE_HINT.admits(w.as_bytes(), 0, w.len()), "{w}");
        }
        assert!(!TITLE_HINT.admits(b"expired", 0, 7));
    }

    #[test]
    fn letters_classes_agree_with_classes() {
        let lex = get();
        let text = b"Road MUMBAI Shri binte Priya-Xyzzyabcdefghijklmnopq Kumar";
        // Every word of ASCII letters at every offset, near the end of `v` too.
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                let w = &text[start..end];
                if w.iter().all(u8::is_ascii_alphabetic) {
                    let v = &text[..(end + 3).min(text.len())];
                    assert_eq!(lex.letters_classes(v, start, end), lex.classes(w));
                }
            }
        }
        assert!(lex.letters_classes(b"Road", 0, 4) & STREET != 0);
    }

    #[test]
    fn latin_letters_lose_their_accents() {
        let fold = |w: &str| {
            let mut room = [0u8; FOLD_ROOM];
            fold_latin(w.as_bytes(), &mut room).map(|f| String::from_utf8(f.to_vec()).unwrap())
        };
        for (w, folded) in [
            ("Fernández", "Fernandez"),
            ("Lefèvre", "Lefevre"),
            ("Dvořák", "Dvorak"),
            ("Müller", "Muller"),
            ("Asha", "Asha"),
        ] {
            assert_eq!(fold(w).as_deref(), Some(folded), "{w}");
        }
        // A letter that keeps no ASCII form, another script, a word too long.
        for w in [
            "Straße",
            "Søren",
            "अनिरुद्ध",
            "Ǆemal",
            &"é".repeat(FOLD_ROOM + 1),
        ] {
            assert_eq!(fold(w), None, "{w}");
        }
        // A name with accents scores as without them when that is name-like, else 0.
        let lex = get();
        let plain = lex.name_score(b"Fernandez");
        assert!(plain > 0.0);
        assert_eq!(lex.name_score("Fernández".as_bytes()), plain);
        assert_eq!(lex.name_score("Straße".as_bytes()), 0.0);
        assert!(lex.name_score("Bestätigung".as_bytes()) >= 0.0);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// Passing stretches of runs that start with a lower-case letter, and dates and
        /// times, gives the answer of the plain walk.
        #[test]
        fn lower_case_skip_keeps_the_answer(
            parts in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "the", "order", "was", "delivered", "bin", "van", "de", "dear", "mr",
                        "road", "abcdefghijk", "x", "Asha", "Rao", "Dear", "Mr", "MR", "Road",
                        "Flat", "12", "221B", "560001", "78701", "TX", "1AA", "x7", "aB", "é",
                        "Ünal", "McMaster", "A", "O", "Souza", "2024-09-03T06:58:41Z",
                        "2024-05-15 16:19", "2024-09-03T06:58", "2024-09-03T06:58a",
                        "2024-09-03T06:581", "2024-09-03T06", "2024-09-03X06:58", "9024-09-03 06",
                        "iPhone", "u100002", "x64", "n2Wh", "kyc", "binte", "it", "dr", "shri",
                        "Bin", "Dr", "Kumar", "Singapore", "098401", "SW1A", "AppleWebKit", "B",
                        "expired", "Days", "issue", "75001", "1100", "053", "82", "Calle",
                        "Paris",
                    ]),
                    proptest::sample::select(vec![
                        " ", " ", " ", ", ", ". ", "-", "'", "’", "/", ":", "=", "(", "", ".",
                        "; ", "_", "$", ") (", "  ", "\"", "!",
                    ]),
                ),
                0..16,
            ),
            lead in proptest::sample::select(vec![
                "", " ", "x ", "the order was placed ", "[", "2024-09-03T06:58:41Z INFO ",
            ]),
        ) {
            let text: String = std::iter::once(lead)
                .chain(parts.iter().flat_map(|(w, g)| [*w, *g]))
                .collect();
            let v = text.as_bytes();
            proptest::prop_assert_eq!(
                free_text_walk::<true>(get(), v),
                free_text_walk::<false>(get(), v),
                "{:?}",
                text
            );
        }
    }
}

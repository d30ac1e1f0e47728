//! Context: what a field's name and the words before a value say about its type.
//!
//! Field names are split into lower-case words (`customerMobileNo` → customer, mobile, no;
//! `cards[].number` → cards, number). A word supports a type when it is one of the type's
//! `field_names`, or a compound that starts or ends with one (`mobileno`, `custphone`). Deny
//! words (`order`, `txn`, `amount`, ...) make the field refuse weak shapes, unless the name
//! also supports a type. Keywords are matched, case-insensitively and as whole words, in the
//! few bytes before a candidate.

use super::pattern::PatternSet;
use crate::format::FieldHint;
use crate::types::PiiType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

/// How far before a candidate a keyword may stand, in bytes.
pub const KEYWORD_WINDOW: usize = 32;

/// Shortest field word that may head or end a compound (`mob` would match too much).
const MIN_COMPOUND_PART: usize = 4;

/// Field-name and keyword knowledge compiled from a [`PatternSet`].
#[derive(Clone, Debug)]
pub struct Context {
    /// Field word → bit set of supported types (those of at least [`MIN_COMPOUND_PART`]
    /// bytes also head or end compounds).
    words: FxHashMap<String, u32>,
    /// Words that deny weak shapes.
    deny: FxHashSet<String>,
    /// Words that cancel the support of a type's field names → the types they cancel
    /// (those of at least [`MIN_COMPOUND_PART`] bytes also as a compound's head or end).
    excludes: FxHashMap<String, u32>,
    /// Keyword automaton; pattern index → type bit set.
    keywords: Option<AhoCorasick>,
    keyword_types: Vec<u32>,
    /// The keywords of the [`GATED`] types, matched anywhere in a value.
    gate: Option<Gate>,
}

/// Types whose detectors read a whole value looking for candidates and, outside a field
/// that supports them, report only after a keyword: dates of birth, passports and
/// positions. A value with none of their keywords anywhere is passed over by them
/// ([`Context::gated_keywords`]).
pub const GATED: u32 = (1 << PiiType::DateOfBirth.index())
    | (1 << PiiType::Passport.index())
    | (1 << PiiType::GeoLocation.index());

impl Context {
    /// Compiles the context of `set`.
    pub fn new(set: &PatternSet) -> Context {
        let mut words: FxHashMap<String, u32> = FxHashMap::default();
        let mut keyword_list: Vec<String> = Vec::new();
        let mut keyword_types: Vec<u32> = Vec::new();
        let mut excludes: FxHashMap<String, u32> = FxHashMap::default();
        for p in &set.patterns {
            let bit = 1u32 << p.ty.index();
            for w in &p.file.exclude_field_words {
                *excludes.entry(w.to_lowercase()).or_default() |= bit;
            }
            for w in &p.file.field_names {
                *words.entry(w.to_lowercase()).or_default() |= bit;
            }
            for k in &p.file.keywords {
                let k = k.to_lowercase();
                match keyword_list.iter().position(|x| *x == k) {
                    Some(i) => keyword_types[i] |= bit,
                    None => {
                        keyword_list.push(k);
                        keyword_types.push(bit);
                    }
                }
            }
        }
        let keywords = (!keyword_list.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&keyword_list)
                .expect("keyword automaton builds from plain strings")
        });
        let gated: Vec<(&String, u32)> = keyword_list
            .iter()
            .zip(&keyword_types)
            .filter(|(_, bits)| *bits & GATED != 0)
            .map(|(k, bits)| (k, bits & GATED))
            .collect();
        let gate = Gate::new(&gated);
        Context {
            words,
            deny: set.deny_field_words.iter().cloned().collect(),
            excludes,
            keywords,
            keyword_types,
            gate,
        }
    }

    /// What a field named `name` says about its values.
    ///
    /// ```
    /// use leakscan::detect::{context::Context, pattern::PatternSet};
    /// use leakscan::types::PiiType;
    /// let ctx = Context::new(&PatternSet::builtin().unwrap());
    /// assert!(ctx.field_hint(b"customerMobileNo").supports(PiiType::Phone));
    /// assert!(ctx.field_hint(b"order_id").denies_weak);
    /// ```
    pub fn field_hint(&self, name: &[u8]) -> FieldHint {
        let mut hint = FieldHint::default();
        let mut denied = false;
        let mut excluded = 0;
        for word in split_words(name) {
            excluded |= self.excludes.get(&word).copied().unwrap_or(0)
                | compound_bits(&self.excludes, &word);
            if let Some(bits) = self.words.get(&word) {
                hint.supports |= bits;
                continue;
            }
            if self.deny.contains(&word) {
                denied = true;
                continue;
            }
            hint.supports |= compound_bits(&self.words, &word);
            if word.len() > 4 && word.ends_with("id") {
                denied = true;
            }
        }
        hint.supports &= !excluded;
        hint.denies_weak = denied && hint.supports == 0;
        hint
    }

    /// Types supported by a keyword ending within [`KEYWORD_WINDOW`] bytes before
    /// `value[at]`, as a bit set.
    pub fn keywords_before(&self, value: &[u8], at: usize) -> u32 {
        let Some(ac) = &self.keywords else { return 0 };
        let from = at.saturating_sub(KEYWORD_WINDOW);
        let window = &value[from..at];
        let mut bits = 0;
        for m in ac.find_iter(window) {
            let before = m.start().checked_sub(1).map(|i| window[i]);
            let after = window.get(m.end()).copied();
            let whole_word = !before.is_some_and(|b| b.is_ascii_alphanumeric())
                && !after.is_some_and(|b| b.is_ascii_alphanumeric());
            // A keyword cut by the window's start is still a word if the byte before the
            // window is not a letter.
            let cut = m.start() == 0 && from > 0 && value[from - 1].is_ascii_alphanumeric();
            if whole_word && !cut {
                bits |= self.keyword_types[m.pattern().as_usize()];
            }
        }
        bits
    }

    /// The [`GATED`] types with a keyword anywhere in `value`, whole word or not, as a bit
    /// set: a superset of what [`Context::keywords_before`] finds before any position of
    /// `value`, so a type missing here has keyword support nowhere in it.
    pub fn gated_keywords(&self, value: &[u8]) -> u32 {
        self.gate.as_ref().map_or(0, |g| g.types_in(value))
    }

    /// Whether every keyword of the [`GATED`] types holds a letter (an ASCII letter or a
    /// byte outside ASCII): then a keyword before a value's digits puts a letter there.
    pub fn gated_keywords_lettered(&self) -> bool {
        self.gate.as_ref().map_or(true, |g| g.lettered)
    }
}

/// The keywords of the [`GATED`] types, searched for in a whole value.
///
/// The search runs over the value with ASCII letters lower-cased (the keywords are lower
/// case), so the automaton needs no case folding and can use its SIMD prefilter. It
/// reports leftmost, non-overlapping matches, and still sees every type that has a keyword
/// in the value: no keyword of one type can overlap a keyword of another (checked when the
/// gate is built; where one could, the search reports overlapping matches instead). An
/// occurrence hidden by a reported match overlaps it, so that match is of the same type.
#[derive(Clone, Debug)]
struct Gate {
    automaton: AhoCorasick,
    /// Pattern index → type bit set.
    types: Vec<u32>,
    /// Whether keywords of different types can overlap in text.
    overlapping: bool,
    /// Whether every keyword holds a letter (an ASCII letter or a byte outside ASCII).
    lettered: bool,
}

/// Longest value [`Gate`] lowers in a buffer on the stack.
const SHORT: usize = 256;

thread_local! {
    /// Lower-cased copy of a longer value being searched, reused by each worker.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Gate {
    fn new(keywords: &[(&String, u32)]) -> Option<Gate> {
        if keywords.is_empty() {
            return None;
        }
        let overlapping = keywords.iter().any(|(a, ta)| {
            keywords
                .iter()
                .any(|(b, tb)| ta & tb == 0 && can_overlap(a.as_bytes(), b.as_bytes()))
        });
        let kind = if overlapping {
            MatchKind::Standard
        } else {
            MatchKind::LeftmostFirst
        };
        let automaton = AhoCorasickBuilder::new()
            .match_kind(kind)
            .build(keywords.iter().map(|(k, _)| k.as_bytes()))
            .expect("keyword automaton builds from plain strings");
        let lettered = keywords
            .iter()
            .all(|(k, _)| k.bytes().any(|b| b.is_ascii_alphabetic() || !b.is_ascii()));
        Some(Gate {
            automaton,
            types: keywords.iter().map(|(_, t)| *t).collect(),
            overlapping,
            lettered,
        })
    }

    fn types_in(&self, value: &[u8]) -> u32 {
        // Most values are short: they are lowered on the stack.
        if value.len() <= SHORT {
            let mut buf = [0u8; SHORT];
            let lowered = &mut buf[..value.len()];
            lowered.copy_from_slice(value);
            lowered.make_ascii_lowercase();
            return self.types_in_lowered(lowered);
        }
        LOWERED.with(|cell| {
            let mut lowered = cell.take();
            lowered.clear();
            lowered.extend(value.iter().map(u8::to_ascii_lowercase));
            let bits = self.types_in_lowered(&lowered);
            cell.replace(lowered);
            bits
        })
    }

    /// [`Gate::types_in`] of a lower-cased value.
    fn types_in_lowered(&self, lowered: &[u8]) -> u32 {
        let mut bits = 0;
        let mut add = |m: aho_corasick::Match| {
            bits |= self.types[m.pattern().as_usize()];
            bits == GATED
        };
        if self.overlapping {
            self.automaton.find_overlapping_iter(lowered).any(&mut add);
        } else {
            self.automaton.find_iter(lowered).any(&mut add);
        }
        bits
    }
}

/// Whether `a` and `b` can overlap in a text: one holds the other, or an end of one is a
/// start of the other.
fn can_overlap(a: &[u8], b: &[u8]) -> bool {
    let contains = |x: &[u8], y: &[u8]| x.windows(y.len()).any(|w| w == y);
    let shared_end =
        |x: &[u8], y: &[u8]| (1..x.len().min(y.len())).any(|n| x[x.len() - n..] == y[..n]);
    contains(a, b) || contains(b, a) || shared_end(a, b) || shared_end(b, a)
}

/// The bits of the entries of `parts` (of at least [`MIN_COMPOUND_PART`] bytes) that head
/// or end `word` and are shorter than it: one look-up per head and end length, not a
/// comparison per entry.
fn compound_bits(parts: &FxHashMap<String, u32>, word: &str) -> u32 {
    let mut bits = 0;
    for n in MIN_COMPOUND_PART..word.len() {
        for part in [word.get(..n), word.get(word.len() - n..)]
            .into_iter()
            .flatten()
        {
            bits |= parts.get(part).copied().unwrap_or(0);
        }
    }
    bits
}

/// Whether bit set `bits` holds `ty`.
pub fn has(bits: u32, ty: PiiType) -> bool {
    bits & (1 << ty.index()) != 0
}

/// Splits a field name into lower-case words at non-alphanumerics and camelCase humps;
/// digits stay with their letters (`cardLast4` → card, last4; `ipv6` stays whole).
pub fn split_words(name: &[u8]) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev: u8 = 0;
    for &b in name {
        if !b.is_ascii_alphanumeric() {
            flush(&mut words, &mut cur);
            prev = b;
            continue;
        }
        let hump = b.is_ascii_uppercase() && prev.is_ascii_lowercase();
        if hump {
            flush(&mut words, &mut cur);
        }
        cur.push(b.to_ascii_lowercase() as char);
        prev = b;
    }
    flush(&mut words, &mut cur);
    words
}

fn flush(words: &mut Vec<String>, cur: &mut String) {
    if !cur.is_empty() {
        words.push(std::mem::take(cur));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_of_keywords() {
        assert!(can_overlap(b"born", b"born on"));
        assert!(can_overlap(b"dob", b"born"), "dob|born share the b");
        assert!(can_overlap(b"pp no", b"no"));
        assert!(!can_overlap(b"gps", b"dob"));
        assert!(!can_overlap(b"lat", b"passport"));
    }

    #[test]
    fn gate_sees_every_keyword_type() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        let gate = ctx.gate.as_ref().unwrap();
        // The built-in keywords of different types cannot overlap: the fast search is used.
        assert!(!gate.overlapping);
        // Every built-in keyword has a letter: a value's digits need one before them.
        assert!(ctx.gated_keywords_lettered());
        let dob = 1 << PiiType::DateOfBirth.index();
        let passport = 1 << PiiType::Passport.index();
        let geo = 1 << PiiType::GeoLocation.index();
        assert_eq!(ctx.gated_keywords(b"DOB: 12/03/1990"), dob);
        assert_eq!(
            ctx.gated_keywords(b"Passport No K1234567, born 1990, GPS 12.9716, 77.5946"),
            dob | passport | geo
        );
        assert_eq!(ctx.gated_keywords(b"order 12345 shipped"), 0);
        // Everything a keyword before a position finds, the gate finds too.
        let text = b"name Asha, date of birth 1990-04-17, pp no Z1234567, lat 12.971599";
        for at in 0..text.len() {
            let before = ctx.keywords_before(text, at) & GATED;
            assert_eq!(before & !ctx.gated_keywords(text), 0, "at {at}");
        }
    }

    /// [`Context::field_hint`] as first written: every entry compared with every word.
    fn field_hint_by_entries(ctx: &Context, name: &[u8]) -> FieldHint {
        let part = |word: &str, p: &str| {
            p.len() >= MIN_COMPOUND_PART
                && word.len() > p.len()
                && (word.starts_with(p) || word.ends_with(p))
        };
        let (mut hint, mut denied, mut excluded) = (FieldHint::default(), false, 0);
        for word in split_words(name) {
            for (ex, bits) in &ctx.excludes {
                if word == *ex || part(&word, ex) {
                    excluded |= bits;
                }
            }
            if let Some(bits) = ctx.words.get(&word) {
                hint.supports |= bits;
                continue;
            }
            if ctx.deny.contains(&word) {
                denied = true;
                continue;
            }
            for (w, bits) in &ctx.words {
                if part(&word, w) {
                    hint.supports |= bits;
                }
            }
            if word.len() > 4 && word.ends_with("id") {
                denied = true;
            }
        }
        hint.supports &= !excluded;
        hint.denies_weak = denied && hint.supports == 0;
        hint
    }

    proptest::proptest! {
        /// The look-ups by head and end agree with comparing every entry.
        #[test]
        fn field_hint_matches_entries(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "customer", "Mobile", "no", "_", ".", "phone", "passport", "expiry", "id",
                "order", "txn", "card", "last4", "email", "address", "name", "product", "x",
                "dob", "birth", "Place", "hash", "password", "gps", "pan", "aadhaar",
            ]),
            0..6,
        )) {
            let ctx = Context::new(&PatternSet::builtin().unwrap());
            let name = parts.concat().into_bytes();
            proptest::prop_assert_eq!(ctx.field_hint(&name), field_hint_by_entries(&ctx, &name));
        }
    }

    #[test]
    fn field_hints_match_entries_for_every_listed_word() {
        let set = PatternSet::builtin().unwrap();
        let ctx = Context::new(&set);
        let listed = ctx.words.keys().chain(ctx.excludes.keys()).chain(&ctx.deny);
        for w in listed {
            for name in [
                w.clone(),
                format!("cust{w}"),
                format!("{w}no"),
                format!("my_{w}_id"),
            ] {
                let name = name.as_bytes();
                assert_eq!(
                    ctx.field_hint(name),
                    field_hint_by_entries(&ctx, name),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(
            split_words(b"customerMobileNo"),
            ["customer", "mobile", "no"]
        );
        assert_eq!(split_words(b"cards[].number"), ["cards", "number"]);
        assert_eq!(split_words(b"card_last4"), ["card", "last4"]);
        assert_eq!(split_words(b"PAN"), ["pan"]);
        assert_eq!(
            split_words(b"users.email_address"),
            ["users", "email", "address"]
        );
    }

    #[test]
    fn hints_from_field_names() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        assert!(ctx.field_hint(b"mobile").supports(PiiType::Phone));
        assert!(ctx.field_hint(b"aadhaar_no").supports(PiiType::Aadhaar));
        assert!(ctx.field_hint(b"aadhaar_id").supports(PiiType::Aadhaar));
        assert!(!ctx.field_hint(b"aadhaar_id").denies_weak);
        assert!(ctx.field_hint(b"txn_id").denies_weak);
        assert!(ctx.field_hint(b"customerid").denies_weak);
        // A city field holds no weak shape, and no person's name or address alone.
        assert_eq!(ctx.field_hint(b"city").supports, 0);
        assert!(ctx.field_hint(b"city").denies_weak);
        assert_eq!(
            ctx.field_hint(b"address"),
            ctx.field_hint(b"shipping_address")
        );
        assert!(!ctx
            .field_hint(b"email_address")
            .supports(PiiType::PostalAddress));
        assert!(!ctx
            .field_hint(b"product_name")
            .supports(PiiType::PersonName));
        assert!(ctx
            .field_hint(b"customerName")
            .supports(PiiType::PersonName));
    }

    #[test]
    fn keywords_are_whole_words_before_the_value() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        let line = b"my aadhaar is 234567890124";
        assert!(has(ctx.keywords_before(line, 14), PiiType::Aadhaar));
        let line = b"xaadhaarx 234567890124";
        assert!(!has(ctx.keywords_before(line, 10), PiiType::Aadhaar));
        let far = b"aadhaar ........................................ 234567890124";
        assert!(!has(
            ctx.keywords_before(far, far.len() - 12),
            PiiType::Aadhaar
        ));
    }
}

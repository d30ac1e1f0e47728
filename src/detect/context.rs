//! Context: what a field's name and the words before a value say about its type.
//!
//! Field names are split into lower-case words (`customerMobileNo` → customer, mobile, no;
//! `cards[].number` → cards, number). A word supports a type when it is one of the type's
//! `field_names`, or a compound that starts or ends with one (`mobileno`, `custphone`). Deny
//! words (`order`, `txn`, `amount`, ...) make the field refuse weak shapes, unless the name
//! also supports a type. In a path (`table.column`, `profile.fullName`) the last segment
//! decides; the path before it adds support only where the last names a part or form of a
//! thing, `number` or `last` (see [`Context::field_hint`]). Keywords are matched,
//! case-insensitively and as whole words, in the few bytes before a candidate.

use super::geo::Axis;
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
    /// Words that name a part or form of what the path before them names (`number`).
    parts: FxHashSet<String>,
    /// Words that cancel the support of a type's field names → the types they cancel
    /// (those of at least [`MIN_COMPOUND_PART`] bytes also as a compound's head or end).
    excludes: FxHashMap<String, u32>,
    /// Words that say a field holds another thing altogether (a company's name) → the types
    /// they rule out even in free text; each is in [`Context::excludes`] too.
    things: FxHashMap<String, u32>,
    /// Keyword automaton; pattern index → type bit set.
    keywords: Option<AhoCorasick>,
    keyword_types: Vec<u32>,
    /// The keywords of the [`GATED`] types, matched anywhere in a value.
    gate: Option<Gate>,
    /// Field word → the coordinate a field named with it holds alone (`lat`, `lng`).
    axes: FxHashMap<String, Axis>,
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
        let mut things: FxHashMap<String, u32> = FxHashMap::default();
        let mut axes: FxHashMap<String, Axis> = FxHashMap::default();
        for p in &set.patterns {
            for (names, axis) in [
                (&p.file.latitude_field_names, Axis::Latitude),
                (&p.file.longitude_field_names, Axis::Longitude),
            ] {
                axes.extend(names.iter().map(|w| (w.to_lowercase(), axis)));
            }
            let bit = 1u32 << p.ty.index();
            for w in &p.file.exclude_field_words {
                *excludes.entry(w.to_lowercase()).or_default() |= bit;
            }
            for w in &p.file.other_field_words {
                *excludes.entry(w.to_lowercase()).or_default() |= bit;
                *things.entry(w.to_lowercase()).or_default() |= bit;
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
            parts: set.part_field_words.iter().cloned().collect(),
            excludes,
            things,
            keywords,
            keyword_types,
            gate,
            axes,
        }
    }

    /// The coordinate a field named `name` holds alone: a word of its name is a latitude or a
    /// longitude word, whole (`location.lat`, `geo_longitude`, `homeLat`; not `platform`),
    /// and no word is of the other axis (`lat_lng` holds both, in one value).
    ///
    /// ```
    /// use leakscan::detect::{context::Context, geo::Axis, pattern::PatternSet};
    /// let ctx = Context::new(&PatternSet::builtin().unwrap());
    /// assert_eq!(ctx.axis(b"location.lat"), Some(Axis::Latitude));
    /// assert_eq!(ctx.axis(b"geo_longitude"), Some(Axis::Longitude));
    /// assert_eq!(ctx.axis(b"lat_lng"), None);
    /// assert_eq!(ctx.axis(b"platform"), None);
    /// ```
    pub fn axis(&self, name: &[u8]) -> Option<Axis> {
        let mut found = None;
        for word in split_words(name) {
            match (self.axes.get(&word), found) {
                (Some(&axis), Some(held)) if axis != held => return None,
                (Some(&axis), _) => found = Some(axis),
                (None, _) => {}
            }
        }
        found
    }

    /// What a field named `name` says about its values.
    ///
    /// A name is a path of segments (`table.column`, `profile.fullName`, `cards[].number`):
    /// its last segment says what the values are, and the path before it only whose they
    /// are. Support, deny and exclude words are read from the last segment; the earlier
    /// segments add their support (the nearest that has any) only when the last is wholly
    /// words that name a part or form of a thing (`part_field_words` of
    /// `patterns/context.toml`: `cards[].number`, `name.last`, `phones[].value`), so
    /// `contacts.order_no` is an order number and `contacts.cep` a postal code, not phones.
    /// A one-word last segment is the name of what its parent is, so the parent's last word
    /// excludes too (`company.name`, `products[].name`, but not `hotel_bookings.name`).
    ///
    /// ```
    /// use leakscan::detect::{context::Context, pattern::PatternSet};
    /// use leakscan::types::PiiType;
    /// let ctx = Context::new(&PatternSet::builtin().unwrap());
    /// assert!(ctx.field_hint(b"customerMobileNo").supports(PiiType::Phone));
    /// assert!(ctx.field_hint(b"order_id").denies_weak);
    /// assert!(ctx.field_hint(b"contacts.order_no").denies_weak);
    /// assert!(ctx.field_hint(b"phones[].number").supports(PiiType::Phone));
    /// assert!(!ctx.field_hint(b"contacts.cep").supports(PiiType::Phone));
    /// assert!(ctx.field_hint(b"profile.fullName").supports(PiiType::PersonName));
    /// assert!(!ctx.field_hint(b"company.name").supports(PiiType::PersonName));
    /// ```
    pub fn field_hint(&self, name: &[u8]) -> FieldHint {
        self.field_hint_with(name, compound_bits)
    }

    /// [`Context::field_hint`], with `compound` giving the bits of a map's entries that
    /// head or end a word.
    fn field_hint_with(
        &self,
        name: &[u8],
        compound: impl Fn(&FxHashMap<String, u32>, &str) -> u32,
    ) -> FieldHint {
        let mut segments = name
            .rsplit(|&b| matches!(b, b'.' | b'[' | b']'))
            .map(|s| self.segment(s, &compound))
            .filter(|s| s.words > 0);
        let Some(last) = segments.next() else {
            return FieldHint::default();
        };
        let parent = segments.next();
        let (parent_names, parent_thing) = match parent {
            Some(p) if last.words == 1 => (p.names, p.thing),
            _ => (0, 0),
        };
        let excluded = last.excluded | parent_names;
        let mut supports = last.supports;
        if supports == 0 && !last.denied && last.words == last.parts {
            supports = parent
                .into_iter()
                .chain(segments)
                .map(|s| s.supports & !s.excluded)
                .find(|&bits| bits != 0)
                .unwrap_or(0);
        }
        // The field names a thing: one whose word cancelled the support (`company_name`), or
        // one its last word (or a one-word column's parent) is (`employer`, `company.name`).
        let other = supports & last.things | last.thing | parent_thing;
        let supports = supports & !excluded;
        FieldHint {
            supports,
            denies_weak: last.denied && supports == 0,
            names_thing: has(other, PiiType::PersonName),
        }
    }

    /// What the words of one segment of a field name say.
    fn segment(
        &self,
        segment: &[u8],
        compound: impl Fn(&FxHashMap<String, u32>, &str) -> u32,
    ) -> Segment {
        let mut seg = Segment::default();
        let mut prev = String::new();
        for word in split_words(segment) {
            seg.words += 1;
            seg.parts += usize::from(self.parts.contains(&word));
            // Two words written apart support what they support written as one
            // (`last_four` as `lastfour`, `card_last` as `cardlast`).
            if seg.words > 1 {
                prev.push_str(&word);
                seg.supports |= self.words.get(&prev).copied().unwrap_or(0);
            }
            prev.clone_from(&word);
            seg.excluded |=
                self.excludes.get(&word).copied().unwrap_or(0) | compound(&self.excludes, &word);
            seg.things |=
                self.things.get(&word).copied().unwrap_or(0) | compound(&self.things, &word);
            if let Some(bits) = self.words.get(&word) {
                seg.supports |= bits;
                continue;
            }
            if self.deny.contains(&word) {
                seg.denied = true;
                continue;
            }
            seg.supports |= compound(&self.words, &word);
            if word.len() > 4 && word.ends_with("id") {
                seg.denied = true;
            }
        }
        // The thing the segment names: its last word (`prev` now), or that word's singular.
        let singular = prev
            .strip_suffix("ies")
            .map(|w| format!("{w}y"))
            .or_else(|| prev.strip_suffix('s').map(str::to_string));
        let whole = |map: &FxHashMap<String, u32>| {
            [Some(&prev), singular.as_ref()]
                .into_iter()
                .flatten()
                .fold(0, |bits, w| bits | map.get(w).copied().unwrap_or(0))
        };
        (seg.names, seg.thing) = (whole(&self.excludes), whole(&self.things));
        seg
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
        self.gate.as_ref().is_none_or(|g| g.lettered)
    }
}

/// What the words of one segment of a field name say ([`Context::field_hint`]).
#[derive(Clone, Copy, Debug, Default)]
struct Segment {
    /// How many words it has.
    words: usize,
    /// How many of them name a part or form of a thing (`number`, `last`).
    parts: usize,
    /// Types its words support, exclusions not yet applied.
    supports: u32,
    /// Types its words exclude.
    excluded: u32,
    /// Types whose `other_field_words` it has (as [`Segment::excluded`]).
    things: u32,
    /// Types whose `other_field_words` its last word, or that word's singular, is.
    thing: u32,
    /// Types its last word, or that word's singular, excludes as a whole word: the thing
    /// the segment names (`company`, `companies`).
    names: u32,
    /// Whether a word denies weak shapes.
    denied: bool,
}

/// The keywords of the [`GATED`] types, searched for in a whole value.
///
/// Most values searched are short (~50 bytes) and hold no keyword, so the search is a walk
/// over the value's byte pairs, each tested in a table: no lower-cased copy, no automaton's
/// fixed cost a search. When every keyword is at least three bytes long, only the pairs at
/// even positions are tested, in a table of the pairs a keyword holds at its offsets 0 and
/// 1: a keyword's first two pairs start one at an even position. Where a pair is in the
/// table, the keywords that could hold it there are compared, ignoring ASCII case (the
/// keywords are lower case). Every occurrence is seen, so every type with a keyword in the
/// value is found.
#[derive(Clone, Debug)]
struct Gate {
    /// Bit `a | b << 8` set when a keyword holds the bytes `a` and `b` at an offset below
    /// [`Gate::step`] (or is the one byte `a`, then for every `b`), in either ASCII case.
    pairs: Box<[u64; 1024]>,
    /// How far apart the tested pairs stand: 2 when every keyword has three bytes or more,
    /// else 1.
    step: usize,
    /// The keywords and their type bit sets, sorted by their first byte; keywords that hold
    /// a shorter one of the same types are left out (wherever they stand, it does too).
    keywords: Vec<(Vec<u8>, u32)>,
    /// First byte (either ASCII case) → the range of [`Gate::keywords`] that start with it.
    by_first: Box<[(u16, u16); 256]>,
    /// The union of the keywords' type bit sets: the search stops once it has all of them.
    all: u32,
    /// Whether every keyword holds a letter (an ASCII letter or a byte outside ASCII).
    lettered: bool,
}

impl Gate {
    fn new(keywords: &[(&String, u32)]) -> Option<Gate> {
        if keywords.is_empty() {
            return None;
        }
        let lettered = keywords
            .iter()
            .all(|(k, _)| k.bytes().any(|b| b.is_ascii_alphabetic() || !b.is_ascii()));
        let holds = |x: &[u8], y: &[u8]| x.windows(y.len()).any(|w| w == y);
        let mut kept: Vec<(Vec<u8>, u32)> = Vec::new();
        for (i, (k, t)) in keywords.iter().enumerate() {
            let k = k.as_bytes();
            // Left out when another keyword of (at least) the same types stands inside it;
            // of two equal keywords, the first is kept.
            let covered = keywords.iter().enumerate().any(|(j, (o, ot))| {
                let o = o.as_bytes();
                j != i
                    && !o.is_empty()
                    && *t & !ot == 0
                    && (o.len() < k.len() || (o == k && j < i))
                    && holds(k, o)
            });
            if !covered && !k.is_empty() {
                kept.push((k.to_ascii_lowercase(), *t));
            }
        }
        kept.sort_by_key(|(k, _)| k[0]);
        let step = if kept.iter().all(|(k, _)| k.len() >= 3) {
            2
        } else {
            1
        };
        let mut pairs = Box::new([0u64; 1024]);
        let mut by_first = Box::new([(0u16, 0u16); 256]);
        let cases = |b: u8| [b, b.to_ascii_uppercase()];
        for (n, (k, _)) in kept.iter().enumerate() {
            let n = u16::try_from(n).expect("fewer than 65,536 keywords");
            let range = &mut by_first[usize::from(k[0])];
            if range.1 == 0 {
                range.0 = n;
            }
            range.1 = n + 1;
            for offset in 0..step {
                let seconds: Vec<u8> = match k.get(offset + 1) {
                    Some(&b) => cases(b).to_vec(),
                    None => (0..=255).collect(),
                };
                for a in cases(k[offset]) {
                    for &b in &seconds {
                        let pair = usize::from(u16::from_le_bytes([a, b]));
                        pairs[pair >> 6] |= 1 << (pair & 63);
                    }
                }
            }
        }
        for b in b'a'..=b'z' {
            by_first[usize::from(b.to_ascii_uppercase())] = by_first[usize::from(b)];
        }
        Some(Gate {
            pairs,
            step,
            all: kept.iter().fold(0, |all, (_, t)| all | t),
            keywords: kept,
            by_first,
            lettered,
        })
    }

    /// The types of the keywords that start at `at` in `value`.
    fn types_at(&self, value: &[u8], at: usize) -> u32 {
        let (from, to) = self.by_first[usize::from(value[at])];
        let rest = &value[at..];
        self.keywords[usize::from(from)..usize::from(to)]
            .iter()
            .filter(|(k, _)| rest.len() >= k.len() && rest[..k.len()].eq_ignore_ascii_case(k))
            .fold(0, |bits, (_, t)| bits | t)
    }

    /// The types of the keywords that could hold the pair at `at` (a pair in the table).
    fn types_around(&self, value: &[u8], at: usize) -> u32 {
        (at.saturating_sub(self.step - 1)..=at).fold(0, |bits, s| bits | self.types_at(value, s))
    }

    /// Whether the pair `u16::from_le_bytes([a, b])` is in the table, as 1 or 0.
    #[inline(always)]
    fn pair_bit(&self, pair: u16) -> u64 {
        let pair = usize::from(pair);
        self.pairs[pair >> 6] >> (pair & 63) & 1
    }

    /// Kept out of line: inlined into the per-value detection, it made the code around it
    /// dearer.
    #[inline(never)]
    fn types_in(&self, value: &[u8]) -> u32 {
        let mut bits = 0;
        let mut at = 0;
        if self.step == 2 {
            // The four even pairs of eight bytes tested at once.
            let mut words = value.chunks_exact(8);
            for w in words.by_ref() {
                let w = u64::from_le_bytes(w.try_into().expect("8 bytes"));
                let hit = (0..4).fold(0, |hit, k| hit | self.pair_bit((w >> (16 * k)) as u16) << k);
                if hit != 0 {
                    for k in (0..4).filter(|k| hit >> k & 1 != 0) {
                        bits |= self.types_around(value, at + 2 * k);
                    }
                    if bits == self.all {
                        return bits;
                    }
                }
                at += 8;
            }
        }
        while let Some(&[a, b]) = value.get(at..at + 2) {
            if self.pair_bit(u16::from_le_bytes([a, b])) != 0 {
                bits |= self.types_around(value, at);
                if bits == self.all {
                    return bits;
                }
            }
            at += self.step;
        }
        // The last byte, followed by nothing: a one-byte keyword may start there.
        match value.last() {
            Some(&last) if self.pair_bit(u16::from(last)) != 0 => {
                bits | self.types_around(value, value.len() - 1)
            }
            _ => bits,
        }
    }
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

    /// The types of the keywords of `keywords` (lower case) that stand anywhere in `value`,
    /// ignoring ASCII case: the gate's search written plainly.
    fn types_in_plainly(keywords: &[(String, u32)], value: &[u8]) -> u32 {
        let lowered = value.to_ascii_lowercase();
        keywords
            .iter()
            .filter(|(k, _)| lowered.windows(k.len()).any(|w| w == k.as_bytes()))
            .fold(0, |bits, (_, t)| bits | t)
    }

    /// The built-in keywords of the [`GATED`] types, lower case, with their types.
    fn gated_builtin() -> Vec<(String, u32)> {
        let set = PatternSet::builtin().unwrap();
        let mut list: Vec<(String, u32)> = Vec::new();
        for p in &set.patterns {
            let bit = (1u32 << p.ty.index()) & GATED;
            for k in &p.file.keywords {
                if bit != 0 {
                    list.push((k.to_lowercase(), bit));
                }
            }
        }
        list
    }

    proptest::proptest! {
        /// The pair-table search finds what searching for every keyword finds, with the
        /// built-in keywords in any case among bytes that start or continue them.
        #[test]
        fn gate_matches_plain_search(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "dob", "D.O.B", "date of birth", "Birth Date", "BORN", "born on", "bor",
                "passport", "Passport No", "pp no", "PPT NO", "pp", "gps", "Lat", "latitude",
                "location", "coordinates", "GEO", "ge", "d.o", "जन्म तिथि", "पासपोर्ट", "जन्",
                " ", "1990-04-17", "K1234567", "x", "o", ",", "é",
            ]),
            0..8,
        )) {
            let ctx = Context::new(&PatternSet::builtin().unwrap());
            let value = parts.concat().into_bytes();
            proptest::prop_assert_eq!(
                ctx.gated_keywords(&value),
                types_in_plainly(&gated_builtin(), &value)
            );
        }

        /// The same with made-up keywords: one byte long, inside one another, of one type
        /// or two, over a small alphabet.
        #[test]
        fn gate_matches_plain_search_of_any_keywords(
            keywords in proptest::collection::vec(("[ab.]{1,3}", 1u32..8), 1..6),
            value in "[abAB. ]{0,24}",
        ) {
            let mut list: Vec<(String, u32)> = Vec::new();
            for (k, t) in keywords {
                match list.iter_mut().find(|(x, _)| *x == k) {
                    Some((_, bits)) => *bits |= t,
                    None => list.push((k, t)),
                }
            }
            let refs: Vec<(&String, u32)> = list.iter().map(|(k, t)| (k, *t)).collect();
            let gate = Gate::new(&refs).unwrap();
            proptest::prop_assert_eq!(
                gate.types_in(value.as_bytes()),
                types_in_plainly(&list, value.as_bytes())
            );
        }
    }

    #[test]
    fn gate_sees_every_keyword_type() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
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

    /// [`Context::field_hint`] with compounds found as first written: every entry compared
    /// with every word.
    fn field_hint_by_entries(ctx: &Context, name: &[u8]) -> FieldHint {
        ctx.field_hint_with(name, |parts, word| {
            parts
                .iter()
                .filter(|(p, _)| {
                    p.len() >= MIN_COMPOUND_PART
                        && word.len() > p.len()
                        && (word.starts_with(p.as_str()) || word.ends_with(p.as_str()))
                })
                .fold(0, |bits, (_, b)| bits | b)
        })
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
    fn the_last_segment_says_what_a_value_is() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        let hint = |name: &str| ctx.field_hint(name.as_bytes());
        // A table or parent key never overrides what the column says...
        for name in ["contacts.order_no", "contacts.ref_no", "contacts.town"] {
            assert_eq!(hint(name).supports, 0, "{name}");
            assert!(hint(name).denies_weak, "{name}");
        }
        assert_eq!(hint("orders.mobile"), hint("mobile"));
        assert_eq!(hint("users.{}.email"), hint("email"));
        // ...and adds its support only when the column says nothing.
        assert!(hint("cards[].number").supports(PiiType::CardNumber));
        assert!(hint("contacts.value").supports(PiiType::Phone));
        assert!(hint("phones[]").supports(PiiType::Phone));
        assert!(hint("name.last").supports(PiiType::PersonName));
        assert!(!hint("orders.notes").denies_weak);
        // Exclusions come from the column, and from the parent's last word when the column
        // is one word: the name of what the parent is.
        assert!(hint("profile.fullName").supports(PiiType::PersonName));
        assert!(hint("profile.surname").supports(PiiType::PersonName));
        for name in [
            "company.name",
            "companies.name",
            "merchants[].name",
            "user.product.name",
        ] {
            assert!(!hint(name).supports(PiiType::PersonName), "{name}");
        }
        for name in [
            "company.contact_name",
            "hotel_bookings.name",
            "team.members[].name",
            "products.customer.name",
        ] {
            assert!(hint(name).supports(PiiType::PersonName), "{name}");
        }
        assert!(!hint("email.address").supports(PiiType::PostalAddress));
    }

    #[test]
    fn words_written_apart_support_as_one() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        for name in [
            "last_four",
            "lastFour",
            "cc_last_4",
            "card_last",
            "last_digits",
        ] {
            assert!(
                ctx.field_hint(name.as_bytes())
                    .supports(PiiType::CardPartial),
                "{name}"
            );
        }
        // A bare `last` is no card's last 4.
        for name in ["last_login", "last_order", "name.last"] {
            assert!(
                !ctx.field_hint(name.as_bytes())
                    .supports(PiiType::CardPartial),
                "{name}"
            );
        }
    }

    #[test]
    fn fields_naming_things_hold_no_names() {
        let ctx = Context::new(&PatternSet::builtin().unwrap());
        let names_thing = |name: &str| ctx.field_hint(name.as_bytes()).names_thing;
        for name in [
            "company",
            "employer",
            "firm",
            "company_name",
            "company.name",
            "organisation",
        ] {
            assert!(names_thing(name), "{name}");
        }
        // Free text about a thing, or a person of it, may still hold names.
        for name in [
            "notes",
            "event_description",
            "company.contact_name",
            "profile",
            "name",
            "display_name",
        ] {
            assert!(!names_thing(name), "{name}");
        }
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

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
use std::collections::HashMap;

/// How far before a candidate a keyword may stand, in bytes.
pub const KEYWORD_WINDOW: usize = 32;

/// Shortest field word that may head or end a compound (`mob` would match too much).
const MIN_COMPOUND_PART: usize = 4;

/// Field-name and keyword knowledge compiled from a [`PatternSet`].
#[derive(Clone, Debug)]
pub struct Context {
    /// Field word → bit set of supported types.
    words: HashMap<String, u32>,
    /// Field words long enough to head or end a compound, with their types.
    compound_parts: Vec<(String, u32)>,
    /// Words that deny weak shapes.
    deny: Vec<String>,
    /// Words that cancel the support of a type's field names, with the types they cancel.
    excludes: Vec<(String, u32)>,
    /// Keyword automaton; pattern index → type bit set.
    keywords: Option<AhoCorasick>,
    keyword_types: Vec<u32>,
}

impl Context {
    /// Compiles the context of `set`.
    pub fn new(set: &PatternSet) -> Context {
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut keyword_list: Vec<String> = Vec::new();
        let mut keyword_types: Vec<u32> = Vec::new();
        let mut excludes: Vec<(String, u32)> = Vec::new();
        for p in &set.patterns {
            let bit = 1u32 << p.ty.index();
            for w in &p.file.exclude_field_words {
                excludes.push((w.to_lowercase(), bit));
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
        let mut compound_parts: Vec<(String, u32)> = words
            .iter()
            .filter(|(w, _)| w.len() >= MIN_COMPOUND_PART)
            .map(|(w, b)| (w.clone(), *b))
            .collect();
        compound_parts.sort();
        let keywords = (!keyword_list.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&keyword_list)
                .expect("keyword automaton builds from plain strings")
        });
        Context {
            words,
            compound_parts,
            deny: set.deny_field_words.clone(),
            excludes,
            keywords,
            keyword_types,
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
            for (ex, bits) in &self.excludes {
                let part = ex.len() >= MIN_COMPOUND_PART
                    && word.len() > ex.len()
                    && (word.starts_with(ex.as_str()) || word.ends_with(ex.as_str()));
                if word == *ex || part {
                    excluded |= bits;
                }
            }
            if let Some(bits) = self.words.get(word.as_str()) {
                hint.supports |= bits;
                continue;
            }
            if self.deny.contains(&word) {
                denied = true;
                continue;
            }
            for (part, bits) in &self.compound_parts {
                if word.len() > part.len()
                    && (word.starts_with(part.as_str()) || word.ends_with(part.as_str()))
                {
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

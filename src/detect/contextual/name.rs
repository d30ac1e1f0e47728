//! `person_name`: the value of a name-like field when it looks like a name, and given name +
//! surname sequences in free text and unnamed fields.
//!
//! - **Name fields** (`name`, `first_name`, `customer_name`, `cardholder`, `naam`, `nombre`,
//!   ...; see `patterns/person_name.toml`): the whole value when it is 1-5 words of letters
//!   (any script; `'`, `-` and initials allowed), not an e-mail, not a status or placeholder
//!   word (`NULL`, `test`, `active`), not a company or shop (`Pvt Ltd`, `Traders`, `Store`).
//! - **Free text and unnamed fields**: a run of capitalised words (with particles such as
//!   `bin`, `binte`, `van`), trimmed of greetings and common words, that has no street,
//!   company or place word and whose words all look like names: listed in the detector's name
//!   lists, or scored name-like by the letter-trigram model of [`super::lexicon`]. Two words
//!   or more make a name when one is listed, a title or greeting comes before (`Mr`, `Dr`,
//!   `Shri`, `Smt`, `Dear`), an e-mail address in brackets comes after (`Asha Rao
//!   <asha@example.com>`), or every word scores clearly name-like; after a title, before a
//!   mailbox, or beside a listed word mid-sentence the words may score lower. A surname that is
//!   also a street word ends a name after a given name mid-sentence (`for Emma Hill`), not
//!   after a word that puts a place after it (`at Emma Hill`). One word is a name after
//!   a title or greeting, or when it is the whole value and is listed, or scores name-like
//!   with three letters or more and no common word beside it (`Ja.` is a reply, `Vielen
//!   Dank!` a phrase). So "Happy birthday Priya!" gives nothing (one word, no title), and
//!   "Rose Garden Road" gives no name (a street word).

use super::address::word;
use super::lexicon::{
    Lexicon, Token, COMPANY, ENGLISH, GERMAN, GIVEN, GREETING, NAME, NATIONALITY, PARTICLE, PLACE,
    PLACE_PART, STATUS, STREET, SURNAME, SYLLABLE, TITLE, T_CAP, T_DIGIT, T_LETTER, T_LOWER,
    T_NONASCII, T_TITLE, T_UPPER,
};
use super::{free, push};
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// Trigram score above which an unlisted word counts as name-like after a title or
/// greeting (`Dear Wridesh Varkey`), before a mailbox (`Wridesh Varkey <w@example.com>`) or
/// beside a listed name mid-sentence: there a capitalised word that is no common word is
/// most likely a name.
const CUE_NAME_LIKE: f32 = -1.0;
/// Trigram score above which an unlisted word counts as name-like.
const NAME_LIKE: f32 = 0.0;
/// Trigram score above which a word is name-like enough with no other support.
const CLEARLY_NAME_LIKE: f32 = 0.2;
/// Most words in a name (particles and initials not counted).
const MAX_WORDS: usize = 5;
/// Most bytes read after a name for the e-mail address of a mailbox (`<asha@example.com>`).
const MAX_MAILBOX: usize = 96;
/// Lower-case words that put a place, not a person, after them (`at Emma Hill`, `on Park
/// Lane`): a street word that is also a surname is no surname after them.
const PLACE_BEFORE: &[&[u8]] = &[
    b"at",
    b"on",
    b"in",
    b"near",
    b"to",
    b"from",
    b"off",
    b"via",
    b"along",
    b"opposite",
    b"behind",
    b"into",
    b"towards",
    b"past",
    b"across",
    b"visit",
    b"visited",
    b"reach",
];

/// Appends the name findings of `v` to `out`.
pub(super) fn detect(
    det: &Detector,
    lex: &Lexicon,
    v: &[u8],
    hint: FieldHint,
    toks: &[Token],
    out: &mut Vec<Hit>,
    first: usize,
) {
    if !det.enabled(PiiType::PersonName) || toks.is_empty() {
        return;
    }
    if hint.supports(PiiType::PersonName) {
        field_value(v, toks, out, first);
    } else if !hint.supports(PiiType::PostalAddress) && !hint.denies_weak && !hint.names_thing {
        free_text(lex, v, toks, out, first);
    }
}

/// Whether the bytes between words of a name field are ones a name has.
fn name_punctuation(v: &[u8]) -> bool {
    v.iter().all(|&b| {
        !b.is_ascii()
            || b.is_ascii_alphabetic()
            || matches!(b, b' ' | b'.' | b',' | b'\'' | b'-' | b'"' | b'\t')
    })
}

/// A name field's whole value.
fn field_value(v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    let (start, end) = (toks[0].start, toks[toks.len() - 1].end);
    let words = toks
        .iter()
        .filter(|t| !t.has(PARTICLE) && t.end - t.start > 1)
        .count();
    let ok = (1..=MAX_WORDS).contains(&words.max(1))
        && toks.len() <= MAX_WORDS + 2
        && name_punctuation(&v[start..end])
        && toks.iter().all(|t| t.is(T_LETTER) && !t.is(T_DIGIT))
        && !(toks.len() == 1 && toks[0].has(STATUS))
        && !toks.iter().any(|t| t.has(COMPANY) && !t.has(GIVEN | SURNAME))
        // Only common words, none of them a name: a product or a phrase.
        && !toks.iter().all(|t| t.has(ENGLISH | STATUS) && !t.has(NAME));
    if ok && free(&out[first..], start, end) {
        let mut basis = Basis::FIELD;
        if toks.iter().any(|t| t.has(NAME)) {
            basis |= Basis::DICTIONARY;
        }
        push(out, start, end, PiiType::PersonName, basis);
    }
}

/// Whether token `t` can be part of a name in running text.
#[inline]
fn name_word(v: &[u8], t: &Token) -> bool {
    if !t.is(T_LETTER) || t.is(T_DIGIT) {
        return false;
    }
    if t.is(T_NONASCII) && !t.is(T_TITLE) {
        // Scripts without case: only listed names.
        return t.has(GIVEN | SURNAME);
    }
    (t.is(T_CAP) && (t.is(T_TITLE) || mc(&v[t.start..t.end])))
        || (t.is(T_UPPER) && t.has(NAME | TITLE))
}

/// `McMaster`, `MacKevitt`: a capital after `Mc` or `Mac`, the rest lower case.
pub(super) fn mc(w: &[u8]) -> bool {
    let rest = match w {
        [b'M', b'c', rest @ ..] | [b'M', b'a', b'c', rest @ ..] => rest,
        _ => return false,
    };
    rest.len() >= 2 && rest[0].is_ascii_uppercase() && rest[1..].iter().all(u8::is_ascii_lowercase)
}

/// Whether the gap between two words of a name keeps them together: one space, or `. `
/// after an initial or a title.
fn name_gap(gap: &[u8], prev: &Token) -> bool {
    joins_name(gap, prev.end - prev.start, || prev.has(TITLE))
}

/// [`name_gap`] after a word of `prev_len` bytes; `prev_title` says whether that word is a
/// title, asked only after a full stop.
#[inline(always)]
pub(super) fn joins_name(gap: &[u8], prev_len: usize, prev_title: impl FnOnce() -> bool) -> bool {
    match gap {
        b" " => true,
        b". " | b"." => prev_len == 1 || prev_title(),
        _ => false,
    }
}

/// Whether a word of lexicon classes `classes`, no initial, can be a name standing alone
/// in a value with no title or greeting before it ([`free_text`]'s single-word rule): not
/// a title, greeting, particle, place, street, status or nationality word (`Male`, `True`,
/// `English` are listed surnames too, but alone they are a field's state or a language),
/// and not a common or company word unless it is also a listed name.
pub(super) fn may_stand_alone(classes: u16) -> bool {
    let listed = classes & (GIVEN | SURNAME) != 0;
    classes & (NEVER_ALONE | PARTICLE | PLACE_PART | STREET) == 0
        && (listed || classes & (COMMON | COMPANY) == 0)
}

/// Common words of the languages listed, English and German: in free text no name unless a
/// name list has them (a name field's value is barred by English words only: German
/// surnames are words).
const COMMON: u16 = ENGLISH | GERMAN;

/// Classes of a word that is never a name standing alone in its value, listed or not:
/// [`free_text`]'s single-word rule drops it, and [`may_stand_alone`] screens it out.
const NEVER_ALONE: u16 = TITLE | GREETING | PLACE | STATUS | NATIONALITY;

/// Classes that keep a word from sinking a run of name words by its score: names, titles,
/// greetings and particles (scored high or left out of the score), and common and status
/// words (which [`free_text`] may trim off the run's ends).
const VOUCHED: u16 = NAME | TITLE | GREETING | PARTICLE | COMMON | STATUS;

/// What the capitalised word `word` of ASCII letters, of lexicon classes `classes`, brings
/// to the lowest score of any run of name words that holds it ([`free_text`]'s `min`):
/// `None` for an initial or a [`VOUCHED`] word, which may be left out of the score or
/// trimmed off; else its [`score`] (minus infinity for a street, place or company word).
fn unvouched_score(lex: &Lexicon, word: &[u8], classes: u16) -> Option<f32> {
    if word.len() < 2 || classes & VOUCHED != 0 {
        None
    } else if classes & (STREET | PLACE | COMPANY) != 0 {
        Some(f32::NEG_INFINITY)
    } else {
        Some(lex.name_score(word))
    }
}

/// Whether the capitalised words `first` and `second` of ASCII letters (each with its
/// lexicon classes), which a name gap joins, may be part of a name [`free_text`] accepts.
/// Asked by the walk that screens free text ([`super::lexicon::may_hold_free_text`]) once
/// no title or greeting before `first` has made it accept the text; `after` is the text
/// after `second`. `false` when
/// - either scores [`CUE_NAME_LIKE`] or lower ([`unvouched_score`]): every run that holds
///   it has that low a `min`, which no rule accepts;
/// - both are unvouched, one scores [`NAME_LIKE`] or lower, and no `<` follows (no
///   mailbox): a run holding them has no cue, and a listed word in it stands next to a word
///   of the run (or a particle), which the walk reads as a pair of its own; without cue or
///   listed word a run of two words or more needs a `min` above [`NAME_LIKE`].
pub(super) fn pair_may_name(
    lex: &Lexicon,
    first: (&[u8], u16),
    second: (&[u8], u16),
    after: &[u8],
) -> bool {
    let first = unvouched_score(lex, first.0, first.1);
    let second = unvouched_score(lex, second.0, second.1);
    let sinks = |s: Option<f32>| s.is_some_and(|s| s <= CUE_NAME_LIKE);
    if sinks(first) || sinks(second) {
        return false;
    }
    match (first, second) {
        (Some(a), Some(b)) => a.min(b) > NAME_LIKE || memchr::memchr(b'<', after).is_some(),
        _ => true,
    }
}

/// Whether `s` holds only bytes [`free_text`] allows around a name that stands alone.
pub(super) fn around_alone(s: &[u8]) -> bool {
    s.iter()
        .all(|c| matches!(c, b' ' | b'"' | b'\'' | b'.' | b'!' | b','))
}

/// How name-like word `t` is: listed, or its trigram score.
fn score(lex: &Lexicon, v: &[u8], t: &Token) -> f32 {
    if t.has(GIVEN | SURNAME | SYLLABLE) {
        return f32::INFINITY;
    }
    if t.has(COMMON | STREET | PLACE | COMPANY | STATUS) {
        return f32::NEG_INFINITY;
    }
    lex.name_score(&v[t.start..t.end])
}

/// A one-letter word in capitals (`R` of `R. Savant`).
fn is_initial(v: &[u8], t: &Token) -> bool {
    t.end - t.start == 1 && v[t.start].is_ascii_uppercase()
}

/// Whether an e-mail address in angle brackets follows `v[end..]` (` <asha@example.com>`):
/// the words before it are a mailbox's display name, as in a mail header.
fn mailbox_after(v: &[u8], end: usize) -> bool {
    let rest = &v[end..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let Some(inner) = rest.strip_prefix(b"<") else {
        return false;
    };
    let inner = &inner[..inner.len().min(MAX_MAILBOX)];
    inner.iter().position(|&b| b == b'>').is_some_and(|close| {
        let addr = &inner[..close];
        addr.contains(&b'@') && !addr.iter().any(u8::is_ascii_whitespace)
    })
}

/// Whether the two words of `run`, after the lower-case word `before`, read as a given name
/// and a surname that is also a street word (`customer James Green`, `for Emma Hill`): the
/// first is a listed given name and no street or place word, the last a listed surname, and
/// `before` puts no place after it (not `at Emma Hill`: [`PLACE_BEFORE`]).
fn given_then_street_surname(run: &[Token], before: &[u8]) -> bool {
    matches!(run, [first, last]
        if first.has(GIVEN)
            && !first.has(STREET | PLACE | PLACE_PART)
            && last.has(SURNAME))
        && !PLACE_BEFORE.contains(&before)
}

/// Names in free text.
pub(super) fn free_text(lex: &Lexicon, v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    let whole = |a: usize, b: usize| {
        around_alone(&v[..toks[a].start]) && around_alone(&v[toks[b - 1].end..])
    };
    // Whether the run's first word `toks[k]`, before two more words up to `b`, has its
    // capital only as the first word of a sentence (`Patient Maria Garcia was admitted`,
    // `Contact Mr. Tanaka`): no listed name, title, greeting or particle, and not name-like.
    let opener = |k: usize, b: usize| {
        let t = &toks[k];
        let sentence_start = matches!(
            v[..t.start].trim_ascii_end().last(),
            None | Some(b'.' | b'!' | b'?' | b':' | b';' | b'|' | b'"')
        );
        b - k >= 3
            && sentence_start
            && !t.has(NAME | TITLE | GREETING | PARTICLE)
            && !t.is(T_NONASCII)
            && lex.name_score(&v[t.start..t.end]) <= NAME_LIKE
    };
    let mut i = 0;
    while i < toks.len() {
        if !name_word(v, &toks[i]) {
            i += 1;
            continue;
        }
        // The run of name words (and particles between them) from `i`.
        let mut j = i + 1;
        while j < toks.len() {
            let gap = &v[toks[j - 1].end..toks[j].start];
            let t = &toks[j];
            let particle = t.has(PARTICLE) && j + 1 < toks.len() && name_word(v, &toks[j + 1]);
            if !name_gap(gap, &toks[j - 1]) || !(name_word(v, t) || particle) {
                break;
            }
            j += 1;
        }
        // A particle before the run belongs to it (`binte Halimah` alone in a cell).
        let run_start = if i > 0 && toks[i - 1].has(PARTICLE) {
            i - 1
        } else {
            i
        };
        let (from, next) = (i, j);
        // A title or greeting just before the run (`dear Asha Rao`) supports it too.
        let mut cue = i > 0
            && toks[i - 1].has(TITLE | GREETING)
            && name_gap(&v[toks[i - 1].end..toks[i].start], &toks[i - 1]);
        let (mut a, mut b) = (i, j);
        // A sentence's first word was trimmed off (`opener`): what is left is not alone.
        let mut opened = false;
        // Titles, greetings, particles and common words off the run's start, in any order
        // (`Bestellung von Anna Schneider`, `Rechnung Herr Schmidt`); a title or greeting
        // is a cue, even where it is a common word too (`Herr`).
        while a < b {
            let t = &toks[a];
            let common = t.has(COMMON | STATUS) && !t.has(GIVEN | SURNAME);
            if t.has(TITLE | GREETING) {
                cue = true;
            } else if a == from && opener(a, b) {
                opened = true;
            } else if !t.has(PARTICLE) && !common {
                break;
            }
            a += 1;
        }
        while b > a
            && (toks[b - 1].has(PARTICLE)
                || toks[b - 1].has(COMMON | STATUS) && !toks[b - 1].has(GIVEN | SURNAME))
        {
            b -= 1;
        }
        i = next;
        if a == b {
            continue;
        }
        let run = &toks[a..b];
        // The run's words, without particles and initials.
        let words = || run.iter().filter(|t| !t.has(PARTICLE) && !is_initial(v, t));
        let n_words = words().count();
        // An e-mail address in brackets after two words or more names their person.
        cue |= n_words >= 2 && mailbox_after(v, toks[b - 1].end);
        // Mid-sentence (after a lower-case word) capitals mark a proper noun; at the start of
        // a sentence they may only mark the sentence.
        let mid = a > 0 && toks[a - 1].is(T_LOWER) && &v[toks[a - 1].end..toks[a].start] == b" ";
        // A street word at the end makes a street of the run, unless it is a listed name
        // after a cue or a surname after a given name mid-sentence.
        let street_end = toks[b - 1].has(STREET)
            && !(cue && toks[b - 1].has(GIVEN | SURNAME))
            && !(mid && given_then_street_surname(run, word(v, &toks[a - 1])));
        // Street, company or place words make the run something other than a name; so does
        // a capitalised street or company word right after it in the same phrase (a comma
        // ends the phrase: `for Asha Rao, Studio 5, ...` keeps the name).
        let other = |t: &Token| t.has(COMPANY | PLACE | STATUS) && !t.has(GIVEN | SURNAME);
        // Capitals after `the` name a thing (`the Death Star`, `the Galactic Empire`), not a
        // person, unless a title or greeting says so (`the Reverend John Smith`). Other
        // languages' `a` and `an` mean "to" (`an Anna Schneider`, `a Mario Rossi`).
        let after_the = mid && !cue && word(v, &toks[a - 1]) == b"the";
        let then_other = toks.get(next).is_some_and(|t| {
            t.has(STREET | COMPANY)
                && t.is(T_CAP)
                && !v[toks[next - 1].end..t.start].contains(&b',')
        });
        if n_words == 0
            || words().all(|t| t.has(PLACE | PLACE_PART))
            || n_words > MAX_WORDS
            || street_end
            || then_other
            || after_the
            || run.iter().any(other)
        {
            continue;
        }
        // A single word with no title or greeting is a name only alone in its value, and
        // not as a place, status or nationality word (`Male` in a gender field, `Japanese` in
        // a nationality field): any other is dropped before its words are scored.
        let alone = || !opened && whole(run_start, next) && !run.iter().any(|t| t.has(NEVER_ALONE));
        if !cue && n_words < 2 && !alone() {
            continue;
        }
        let min = words()
            .map(|t| score(lex, v, t))
            .fold(f32::INFINITY, f32::min);
        let listed = words().any(|t| t.has(GIVEN | SURNAME))
            || words().filter(|t| t.has(SYLLABLE)).count() >= 2;
        let accept = if cue {
            min > CUE_NAME_LIKE
        } else if n_words >= 2 && listed && mid {
            // A listed name mid-sentence vouches for its neighbours as a title does (`for
            // Graeme Edwards`; words in a script the trigram model does not know score 0).
            min > CUE_NAME_LIKE
        } else if n_words >= 2 {
            min > NAME_LIKE && (listed || mid || min > CLEARLY_NAME_LIKE)
        } else {
            // The single word stands alone (checked above). Unlisted, it has three letters
            // or more (`Ja.` and `Hi` are replies; two-letter names are listed), and no
            // common word was trimmed off beside it (`Vielen Dank!` is a phrase; a listed
            // name keeps its common word: `Xiao Soon`).
            let phrase = || {
                toks[from..a]
                    .iter()
                    .chain(&toks[b..next])
                    .any(|t| !t.has(PARTICLE))
            };
            let unlisted_alone = || words().all(|t| t.end - t.start >= 3) && !phrase();
            min > NAME_LIKE && (words().all(|t| t.has(NAME)) || unlisted_alone())
        };
        let (start, end) = (toks[a].start, toks[b - 1].end);
        if accept && free(&out[first..], start, end) {
            let mut basis = Basis::SHAPE;
            if listed {
                basis |= Basis::DICTIONARY;
            }
            if cue {
                basis |= Basis::KEYWORD;
            }
            push(out, start, end, PiiType::PersonName, basis);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_after_reads_a_bracketed_address() {
        for (v, end) in [
            ("Asha Rao <asha@example.com>", 8),
            ("Asha Rao<a@b.in> x", 8),
        ] {
            assert!(mailbox_after(v.as_bytes(), end), "{v}");
        }
        for (v, end) in [
            ("Asha Rao <not an address>", 8),
            ("Asha Rao <a @b.in>", 8),
            ("Asha Rao  <a@b.in>", 8),
            ("Asha Rao (a@b.in)", 8),
            ("Asha Rao <a@b.in", 8),
            ("Asha Rao", 8),
        ] {
            assert!(!mailbox_after(v.as_bytes(), end), "{v}");
        }
    }
}

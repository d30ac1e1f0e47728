//! The types that need context rather than a checksum: person names, postal addresses, dates
//! of birth, passports and clear-text passwords (issue 4). They run after the one-pass
//! anchor scan of a value, see its hits, and never overlap them.
//!
//! This module only dispatches: one call a detector. Names and addresses share one walk over
//! the value ([`lexicon::with_tokens`]), and only values that can hold one are walked: a
//! name or address field, or a value with an upper-case or non-ASCII letter.

mod address;
mod lexicon;
mod name;

use super::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// Appends the context-dependent findings of `value` to `out`; `out[first..]` holds the
/// value's hits so far (in no particular order).
pub(super) fn detect(
    det: &Detector,
    value: &[u8],
    hint: FieldHint,
    out: &mut Vec<Hit>,
    first: usize,
) {
    let wanted = det.enabled(PiiType::PersonName) || det.enabled(PiiType::PostalAddress);
    if wanted && may_hold_name_or_address(value, hint) {
        let lex = lexicon::get();
        lexicon::with_tokens(lex, value, |toks| {
            address::detect(det, value, hint, toks, out, first);
            name::detect(det, lex, value, hint, toks, out, first);
        });
    }
}

/// Changes what a field name says about names and addresses (`user_name` is no person's
/// name, `email_address` no postal address); `words` are the name's words (see
/// [`super::context::split_words`]).
pub(super) fn refine_hint(words: &[String], hint: &mut FieldHint) {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    // Names of things and of accounts, not of persons.
    if has(&[
        "username",
        "login",
        "nick",
        "nickname",
        "screen",
        "display",
        "displayname",
        "file",
        "filename",
        "host",
        "hostname",
        "product",
        "company",
        "merchant",
        "brand",
        "item",
        "shop",
        "store",
        "business",
        "org",
        "organisation",
        "organization",
        "bank",
        "branch",
        "app",
        "device",
        "city",
        "street",
        "domain",
        "server",
        "table",
        "column",
        "plan",
        "category",
        "page",
        "event",
        "template",
        "tag",
        "role",
        "group",
        "team",
        "project",
        "database",
        "schema",
        "field",
        "class",
        "module",
        "package",
        "vendor",
        "supplier",
        "hotel",
        "school",
        "college",
        "course",
        "country",
        "state",
        "district",
        "village",
        "area",
        "locality",
        "bucket",
        "queue",
        "topic",
        "service",
        "job",
        "task",
        "function",
        "method",
        "variable",
        "key",
        "type",
        "status",
        "path",
        "url",
        "image",
        "icon",
        "sku",
        "model",
        "network",
        "wifi",
        "ssid",
        "campaign",
    ]) {
        hint.supports &= !(1 << PiiType::PersonName.index());
    }
    // Addresses that are not postal, and parts of one that are not an address alone.
    if has(&[
        "email",
        "mail",
        "ip",
        "ipv4",
        "ipv6",
        "mac",
        "wallet",
        "web",
        "url",
        "remote",
        "server",
        "host",
        "bitcoin",
        "btc",
        "eth",
        "contract",
        "memory",
        "city",
        "state",
        "country",
        "zip",
        "zipcode",
        "pin",
        "pincode",
        "postcode",
        "postal",
        "district",
        "lat",
        "lng",
        "lon",
        "latitude",
        "longitude",
        "type",
        "id",
        "status",
        "verified",
        "count",
    ]) {
        hint.supports &= !(1 << PiiType::PostalAddress.index());
    }
}

/// Whether a value can hold a name or an address: the field says so, or it has an
/// upper-case ASCII letter or a non-ASCII byte (names in running text are capitalised or in
/// another script; addresses in running text have capitalised words).
fn may_hold_name_or_address(value: &[u8], hint: FieldHint) -> bool {
    hint.supports(PiiType::PersonName)
        || hint.supports(PiiType::PostalAddress)
        || value.iter().any(|&b| b.is_ascii_uppercase() || b >= 0x80)
}

/// Whether `start..end` overlaps one of `out[first..]`.
fn overlaps(out: &[Hit], first: usize, start: usize, end: usize) -> bool {
    out[first..].iter().any(|h| h.start < end && start < h.end)
}

/// Records a finding.
fn push(out: &mut Vec<Hit>, start: usize, end: usize, ty: PiiType, basis: Basis) {
    out.push(Hit {
        start,
        end,
        ty,
        basis,
    });
}

//! Names and addresses in running text, and their decoys: the sentences of support tickets
//! that mention the customer by name or give a delivery address (truth), and the ones where a
//! name is part of something else (decoys): a birthday greeting with one given name, a shop
//! or company named after a person (`Rao Traders`), a street named after one (`Priya Garden
//! Road`), dates.
//!
//! A full name in text is truth with or without a title or greeting before it; a lone given
//! name is truth only after a greeting (`Hi Asha`), the way the detector reads text.

use super::out::{Cell, Mark};
use super::values::{Gen, V};

/// Shop and company words a person's name is put before.
const BUSINESSES: &[&str] = &[
    "Traders",
    "Stores",
    "Enterprises",
    "Pvt Ltd",
    "Textiles",
    "Sweets",
    "Medicals",
    "& Sons",
];

/// Street words a name is put before.
const STREETS: &[&str] = &["Road", "Street", "Nagar", "Marg", "Lane", "Avenue", "Salai"];

/// `v` written into a scratch buffer, for a decoy built around it.
fn text_of(g: &mut Gen, v: V) -> Vec<u8> {
    let mut b = Vec::new();
    g.gen(v, &mut b);
    b
}

/// The person's address on one line with no quotes (free text holds no line breaks).
fn one_line_address(g: &mut Gen) -> Vec<u8> {
    loop {
        let a = text_of(g, V::Address);
        if !a.contains(&b'\n') && !a.contains(&b'"') {
            return a;
        }
    }
}

/// What a customer writes about names and addresses: truth or decoy.
pub(super) fn customer(g: &mut Gen, c: &mut Cell) {
    match g.below(6) {
        0 => {
            c.lit(b"please deliver to ");
            let a = one_line_address(g);
            c.planted(&a, Mark::Truth(crate::types::PiiType::PostalAddress));
            c.lit(b" before friday");
        }
        1 => {
            c.phrase(g, b"this is ", V::FullName, b", my order is late");
        }
        2 => {
            c.lit(b"Happy birthday ");
            // One word of the given name (`Wei` of `Wei Ming`): no full name.
            let given = text_of(g, V::GivenName);
            let word = given.split(|&b| b == b' ').next().unwrap_or_default();
            c.planted(word, Mark::Decoy);
            c.lit(b"! the cake order was wrong");
        }
        3 => {
            named_decoy(
                g,
                c,
                b"bought it from ",
                V::Surname,
                BUSINESSES,
                b" last week",
            );
        }
        4 => {
            named_decoy(
                g,
                c,
                b"the pickup point on ",
                V::GivenName,
                STREETS,
                b" is closed",
            );
        }
        _ => {
            c.lit(b"ordered on 12 March 2024, received on 3 May");
        }
    }
}

/// What an agent writes about names and addresses.
pub(super) fn agent(g: &mut Gen, c: &mut Cell) {
    match g.below(4) {
        0 => {
            c.phrase(g, b"Dear ", V::FullName, b", your refund is processed");
        }
        1 => {
            c.phrase(g, b"Hi ", V::GivenName, b", we have escalated this");
        }
        2 => {
            c.lit(b"the courier will reach ");
            let a = one_line_address(g);
            c.planted(&a, Mark::Truth(crate::types::PiiType::PostalAddress));
            c.lit(b" tomorrow");
        }
        _ => {
            c.phrase(g, b"spoke to ", V::FullName, b" on the phone");
        }
    }
}

/// Appends `before`, a decoy made of a generated name part `name` and a word picked from
/// `words` (`Tan Bakery`, `Wei Street`), then `after`. The name is drawn before the word.
fn named_decoy(g: &mut Gen, c: &mut Cell, before: &[u8], name: V, words: &[&str], after: &[u8]) {
    c.lit(before);
    let mut decoy = text_of(g, name);
    decoy.push(b' ');
    decoy.extend_from_slice(g.pick(words).as_bytes());
    c.planted(&decoy, Mark::Decoy);
    c.lit(after);
}

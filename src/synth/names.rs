//! Synthetic name parts, drawn only from the generator's part of the name lists
//! (`patterns/lists/synth/`, split off by `patterns/lists/make_lists.py`): the detector's
//! lists never hold them, so the accuracy test measures recognising names, not remembering
//! them. Indian, Singaporean (Chinese given names made of two syllables, Malay names with
//! `bin`/`binte`) and Western names, and a few names in Tamil and Devanagari script. Common
//! names combined at random: no combination is meant to be a real person.

use std::sync::OnceLock;

/// The name parts, by origin.
pub(super) struct Parts {
    /// Indian given names.
    pub(super) given_in: Vec<&'static str>,
    /// Indian surnames.
    pub(super) surnames_in: Vec<&'static str>,
    /// Singapore Chinese given names: two syllables (`Wei Ming`).
    pub(super) given_sg: Vec<&'static str>,
    /// Singapore Chinese surnames.
    pub(super) surnames_sg: Vec<&'static str>,
    /// Malay given names.
    pub(super) given_malay: Vec<&'static str>,
    /// Malay patronymics: `bin` or `binte` and a given name.
    pub(super) surnames_malay: Vec<&'static str>,
    /// Western given names.
    pub(super) given_west: Vec<&'static str>,
    /// Western surnames.
    pub(super) surnames_west: Vec<&'static str>,
    /// Names in Tamil and Devanagari script: (given, surname, given in Latin letters, surname
    /// in Latin letters). The Latin forms feed e-mail addresses and PANs.
    pub(super) native: Vec<(&'static str, &'static str, &'static str, &'static str)>,
}

/// The entries of a list file whose names start with an ASCII letter (e-mail addresses and
/// PANs are made from them).
fn list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| l.as_bytes()[0].is_ascii_alphabetic())
        .collect()
}

/// Strings made once and kept for the life of the process.
fn leak(v: Vec<String>) -> Vec<&'static str> {
    v.into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect()
}

/// The name parts, read once.
pub(super) fn parts() -> &'static Parts {
    static PARTS: OnceLock<Parts> = OnceLock::new();
    PARTS.get_or_init(|| {
        // Syllables are a closed inventory, not a name list: given names are new pairs of them.
        let syllables = list(include_str!("../../patterns/lists/names_zh_syllables.txt"));
        let given_sg = leak(
            syllables
                .iter()
                .step_by(3)
                .flat_map(|a| syllables.iter().skip(1).step_by(4).map(move |b| (a, b)))
                .filter(|(a, b)| a != b)
                .map(|(a, b)| format!("{a} {b}"))
                .collect(),
        );
        let given_malay = list(include_str!("../../patterns/lists/synth/given_malay.txt"));
        let surnames_malay = leak(
            given_malay
                .iter()
                .flat_map(|g| [format!("bin {g}"), format!("binte {g}")])
                .collect(),
        );
        let native = include_str!("../../patterns/lists/synth/native.tsv")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()?, f.next()?, f.next()?))
            })
            .collect();
        Parts {
            given_in: list(include_str!("../../patterns/lists/synth/given_in.txt")),
            surnames_in: list(include_str!("../../patterns/lists/synth/surnames_in.txt")),
            given_sg,
            surnames_sg: list(include_str!("../../patterns/lists/synth/surnames_sg.txt")),
            given_malay,
            surnames_malay,
            given_west: list(include_str!("../../patterns/lists/synth/given_west.txt")),
            surnames_west: list(include_str!("../../patterns/lists/synth/surnames_west.txt")),
            native,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn enough_names_of_each_part() {
        let p = parts();
        for (what, n) in [
            ("given_in", p.given_in.len()),
            ("surnames_in", p.surnames_in.len()),
            ("given_sg", p.given_sg.len()),
            ("surnames_sg", p.surnames_sg.len()),
            ("given_malay", p.given_malay.len()),
            ("given_west", p.given_west.len()),
            ("surnames_west", p.surnames_west.len()),
        ] {
            assert!(n >= 15, "{what}: {n}");
        }
        assert!(p.native.len() >= 10);
        for (g, s, lg, ls) in &p.native {
            assert!(!g.is_ascii() && !s.is_ascii());
            assert!(lg.is_ascii() && ls.is_ascii());
        }
    }

    /// The generator's names are none of the detector's: the split holds.
    #[test]
    fn no_generator_name_is_in_the_detector_lists() {
        let detector: HashSet<String> = [
            include_str!("../../patterns/lists/names_given.txt"),
            include_str!("../../patterns/lists/names_surnames.txt"),
        ]
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
        let p = parts();
        let native = p.native.iter().flat_map(|n| [n.0, n.1, n.2, n.3]);
        let all = [
            &p.given_in,
            &p.surnames_in,
            &p.surnames_sg,
            &p.given_malay,
            &p.given_west,
            &p.surnames_west,
        ]
        .into_iter()
        .flatten()
        .copied()
        .chain(native);
        for name in all {
            assert!(!detector.contains(&name.to_lowercase()), "{name}");
        }
    }
}

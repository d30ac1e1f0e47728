//! Other projects' published test vectors (Presidio, python-stdnum, libphonenumber,
//! scrubadub, Django, validator.js, email-validator, piicatcher) for leakscan's types, run
//! against the real engine with every failure listed at once. The vectors are in `tests/data/published/<source>.toml`,
//! each file headed by its source, commit and licence.
//!
//! A vector expects a finding of `type` spanning `match` (default: the whole text), or no
//! finding of type `none` (with `match`: none spanning `match`). Where leakscan's contract deliberately answers otherwise than the
//! source, the vector holds leakscan's documented answer and `differs` says why; a vector that
//! shows a real gap holds the right answer and `known_gap` its diagnosis: it is reported, not
//! failed, until it passes, when the stale mark fails the test.

use crate::common::{detector, scan_field, scan_line, Found};
use leakscan::detect::pattern::PatternSet;
use leakscan::detect::Detector;
use leakscan::types::{PiiType, Region};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One file of vectors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    /// The repository the vectors come from, `owner/name`.
    repo: String,
    /// Its commit the vectors were read at.
    commit: String,
    /// Its licence.
    licence: String,
    vector: Vec<Vector>,
}

/// One published test case, as leakscan's contract judges it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    /// The file of the source it comes from.
    from: String,
    text: String,
    /// The field the text is the value of; free text when absent.
    field: Option<String>,
    /// The region national phone numbers are read under (default `IN`).
    region: Option<String>,
    /// The type expected.
    #[serde(rename = "type")]
    ty: Option<String>,
    /// The exact span expected (default: the whole text); with `none`, the span refused.
    #[serde(rename = "match")]
    expect: Option<String>,
    /// A type that must not be found (at `match`, when given).
    none: Option<String>,
    /// Why leakscan's contract answers otherwise than the source (the vector holds
    /// leakscan's answer).
    differs: Option<String>,
    /// Why leakscan fails this vector today (the vector holds the right answer).
    known_gap: Option<String>,
}

/// What a vector checks.
enum Want {
    Found(PiiType, String),
    NotFound(PiiType, Option<String>),
}

fn type_named(name: &str, at: &str) -> PiiType {
    PiiType::from_name(name).unwrap_or_else(|| panic!("{at}: unknown type {name:?}"))
}

impl Vector {
    fn want(&self, at: &str) -> Want {
        match (&self.ty, &self.none) {
            (Some(ty), None) => Want::Found(
                type_named(ty, at),
                self.expect.clone().unwrap_or_else(|| self.text.clone()),
            ),
            (None, Some(ty)) => Want::NotFound(type_named(ty, at), self.expect.clone()),
            _ => panic!("{at}: give either `type` (and `match`) or `none`"),
        }
    }

    fn describe(&self) -> String {
        let region = self
            .region
            .as_deref()
            .map_or(String::new(), |r| format!(" (region {r})"));
        match &self.field {
            Some(f) => format!("{f} = {:?}{region}", self.text),
            None => format!("{:?}{region}", self.text),
        }
    }
}

/// Detectors for a region other than the default, built once each.
fn detector_for<'a>(
    region: Option<&str>,
    cache: &'a mut BTreeMap<String, Detector>,
) -> &'a Detector {
    match region {
        None => detector(),
        Some(code) => cache.entry(code.to_string()).or_insert_with(|| {
            let region = Region::parse(code).expect("a two-letter region");
            let set = PatternSet::builtin().expect("built-in patterns load");
            Detector::new(&set, None, region)
        }),
    }
}

fn sources() -> Vec<(String, Source)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/published");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/published exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).expect("vector file reads");
            let source: Source = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, source)
        })
        .collect()
}

/// Per type: vectors expecting it, those found with the exact span, and findings of it
/// where none was to be.
#[derive(Default)]
struct Tally {
    truth: usize,
    hit: usize,
    false_positive: usize,
}

#[test]
fn published_vectors_hold() {
    let mut regional = BTreeMap::new();
    let mut failures = Vec::new();
    let mut gaps = Vec::new();
    let mut tally: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let (mut checked, mut differing) = (0, 0);
    for (name, source) in sources() {
        assert!(
            !source.repo.is_empty() && source.commit.len() == 40 && !source.licence.is_empty(),
            "{name}: repo, 40-hex commit and licence are required"
        );
        for (i, v) in source.vector.iter().enumerate() {
            let at = format!("{name} #{} ({})", i + 1, v.from);
            checked += 1;
            differing += usize::from(v.differs.is_some());
            let det = detector_for(v.region.as_deref(), &mut regional);
            let found: Vec<Found> = match &v.field {
                Some(field) => scan_field(det, field, &v.text),
                None => scan_line(det, &v.text),
            };
            let seen: Vec<String> = found
                .iter()
                .map(|f| format!("{}:{:?}", f.ty, f.text))
                .collect();
            let (ok, what) = match v.want(&at) {
                Want::Found(ty, span) => {
                    let t = tally.entry(ty.name()).or_default();
                    t.truth += 1;
                    let ok = found.iter().any(|f| f.ty == ty && f.text == span);
                    t.hit += usize::from(ok);
                    (ok, format!("missed {ty} {span:?} in {}", v.describe()))
                }
                Want::NotFound(ty, span) => {
                    let ok = !found.iter().any(|f| {
                        f.ty == ty && (span.is_none() || span.as_deref() == Some(&*f.text))
                    });
                    tally.entry(ty.name()).or_default().false_positive += usize::from(!ok);
                    let at_span = span.map_or(String::new(), |s| format!(" at {s:?}"));
                    (ok, format!("{ty} found{at_span} in {}", v.describe()))
                }
            };
            match (&v.known_gap, ok) {
                (None, true) => {}
                (None, false) => failures.push(format!("{at}: {what} (found {seen:?})")),
                (Some(why), false) => gaps.push(format!("{at}: {what} (found {seen:?}): {why}")),
                (Some(_), true) => failures.push(format!(
                    "{at}: passes now: remove its `known_gap` mark ({})",
                    v.describe()
                )),
            }
        }
    }
    let table: Vec<String> = tally
        .iter()
        .map(|(ty, t)| {
            let precision = t.hit as f64 / (t.hit + t.false_positive).max(1) as f64;
            let recall = t.hit as f64 / t.truth.max(1) as f64;
            format!(
                "{ty:<14} truth {:>4} found {:>4} false {:>3} precision {precision:.3} recall {recall:.3}",
                t.truth, t.hit, t.false_positive
            )
        })
        .collect();
    eprintln!(
        "{checked} published vectors ({differing} where leakscan's contract differs):\n{}",
        table.join("\n")
    );
    if !gaps.is_empty() {
        eprintln!("{} known gaps:\n{}", gaps.len(), gaps.join("\n"));
    }
    assert!(checked >= 300, "only {checked} published vectors");
    assert!(
        failures.is_empty(),
        "{} of {checked} published vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

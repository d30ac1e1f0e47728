//! Every pattern file's examples and negative examples, run against the real engine, with
//! all failures listed at once; and a lint of the pattern data itself.

use crate::common::{detector, scan_field, scan_line, scan_record, Found, CONTEXTUAL};
use leakscan::detect::pattern::{Example, PatternSet};
use leakscan::types::PiiType;

/// At least this many examples and negative examples per type.
const MIN_EXAMPLES: usize = 25;

fn run(example: &Example) -> Vec<Found> {
    match (&example.field, &example.pair) {
        (Some(field), Some((name, value))) => {
            scan_record(detector(), &[(field, &example.text), (name, value)])
        }
        (Some(field), None) => scan_field(detector(), field, &example.text),
        (None, _) => scan_line(detector(), &example.text),
    }
}

fn describe(example: &Example) -> String {
    match (&example.field, &example.pair) {
        (Some(f), Some((name, value))) => format!("{f} = {:?}, {name} = {value:?}", example.text),
        (Some(f), None) => format!("{f} = {:?}", example.text),
        (None, _) => format!("{:?}", example.text),
    }
}

#[test]
fn every_example_and_negative_example_holds() {
    let set = PatternSet::builtin_with_examples().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for p in &set.patterns {
        for ex in &p.file.examples {
            checked += 1;
            let want = ex.expect.as_deref().unwrap_or(&ex.text);
            let found = run(ex);
            if !found.iter().any(|f| f.ty == p.ty && f.text == want) {
                failures.push(format!(
                    "{}: missed {want:?} in {} (found {found:?})",
                    p.file.id,
                    describe(ex)
                ));
            }
        }
        for ex in &p.file.negative_examples {
            checked += 1;
            let found = run(ex);
            if let Some(f) = found.iter().find(|f| f.ty == p.ty) {
                failures.push(format!(
                    "{}: negative {} gave {:?}",
                    p.file.id,
                    describe(ex),
                    f.text
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pattern_data_is_complete() {
    let set = PatternSet::builtin_with_examples().unwrap();
    let mut problems = Vec::new();
    // Every type, `geo_location` too (not in BUILT: the dump generator plants no positions, so
    // tests/accuracy.rs cannot score it; tests/documents.rs checks the planted ones).
    for ty in PiiType::ALL {
        let examples: usize = set.of_type(ty).map(|p| p.file.examples.len()).sum();
        let negatives: usize = set
            .of_type(ty)
            .map(|p| p.file.negative_examples.len())
            .sum();
        if examples < MIN_EXAMPLES || negatives < MIN_EXAMPLES {
            problems.push(format!(
                "{ty}: {examples} examples, {negatives} negative examples (< {MIN_EXAMPLES})"
            ));
        }
    }
    for p in &set.patterns {
        if p.file.regexes.is_empty() {
            problems.push(format!("{}: no shape regex", p.file.id));
        }
        if p.file.field_names.is_empty() {
            problems.push(format!("{}: no field names", p.file.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The shape regexes are the specification: every positive example's match fits one, and
/// holds an anchor byte the one-pass prefilter stops on (a digit, `@` or `$`), unless its
/// type is read from context.
#[test]
fn positives_fit_the_shape_regexes_and_the_prefilter() {
    let set = PatternSet::builtin_with_examples().unwrap();
    let mut failures = Vec::new();
    for p in &set.patterns {
        let regexes: Vec<regex::bytes::Regex> = p
            .file
            .regexes
            .iter()
            .map(|r| regex::bytes::Regex::new(r).expect("shape regexes compile"))
            .collect();
        for ex in &p.file.examples {
            let want = ex.expect.as_deref().unwrap_or(&ex.text);
            let fits = regexes.iter().any(|r| {
                r.find_iter(want.as_bytes())
                    .any(|m| m.as_bytes() == want.as_bytes())
            });
            if !fits {
                failures.push(format!("{}: {want:?} fits no shape regex", p.file.id));
            }
            if !CONTEXTUAL.contains(&p.ty)
                && !want
                    .bytes()
                    .any(|b| b.is_ascii_digit() || b == b'@' || b == b'$')
            {
                failures.push(format!("{}: {want:?} has no anchor byte", p.file.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

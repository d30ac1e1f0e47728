//! What fuzzing found, replayed on stable, and the property the tokeniser fuzz target checks,
//! run as property tests: random bytes with identifier-shaped tokens mixed in, cut at random
//! chunk edges and read windows, on random thread counts and read paths, give the findings
//! one chunk gives, in every format.

use leakscan::format::{Format, Layout};
use leakscan::fuzz;
use leakscan::output::report;
use leakscan::scan::{self, ScanOptions};
use proptest::prelude::*;
use std::path::Path;

/// Every committed input of `target` (tests/fuzz_regressions/<target>/) runs through the
/// target's entry point without a panic.
fn replay(target: &str, entry: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no regression inputs", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).unwrap();
            std::panic::catch_unwind(|| entry(&data)).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "failing inputs:\n{}", failed.join("\n"));
}

#[test]
fn tokenize_regressions() {
    replay("tokenize", fuzz::tokenize);
}

#[test]
fn container_regressions() {
    replay("container", fuzz::container);
}

#[test]
fn detect_regressions() {
    replay("detect", fuzz::detect);
}

/// Identifier-shaped tokens (valid checksums where the type has one), and the bytes that make
/// or break structure in some format.
const TOKENS: &[&str] = &[
    "asha.rao@example.com",
    "+91 98765 43210",
    "9876543210",
    "4111 1111 1111 1111",
    "2345 6789 0124",
    "ABCPE1234F",
    "S1234567D",
    "192.0.2.1",
    "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
    "email=",
    "\"phone\": ",
    "INSERT INTO users (id, email) VALUES (1, '",
    "'), (",
    "\",\"",
    "{\"a\":[",
    "]}",
    "\r\n",
    "\\\"",
    "é",
];

/// Bytes weighted towards structure: delimiters, quotes, brackets, newlines, digits.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    let structural =
        prop::sample::select(b",;|\t\n\r\"'{}[]:= \\()0123456789abcxyz@.-+\x00\xff\xc3".to_vec());
    prop_oneof![
        4 => structural.prop_map(|b| vec![b]),
        1 => any::<u8>().prop_map(|b| vec![b]),
        2 => prop::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
    ]
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..300).prop_map(|pieces| pieces.concat())
}

/// A format of [`Format::ALL`], or `None` (sniffed).
fn format() -> impl Strategy<Value = Option<Format>> {
    prop::option::weighted(0.85, prop::sample::select(Format::ALL.to_vec()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Tokenised whole or as the scanner streams it, the values are the same.
    #[test]
    fn streamed_values_are_whole_values(
        data in input(),
        forced in format(),
        target in 1usize..200,
        window in 1usize..300,
    ) {
        let layout = Layout::sniff("dump", &data, forced);
        let whole = fuzz::tokens_whole(&layout, &data);
        let streamed = fuzz::tokens_streamed(&layout, &data, target, window);
        prop_assert_eq!(whole, streamed);
    }
}

/// Scans `path` in-process; returns the findings text and the report without `seconds`.
fn scan_file(
    path: &Path,
    out: &Path,
    forced: Option<Format>,
    chunk_size: usize,
    threads: usize,
    mmap: bool,
) -> (String, serde_json::Value) {
    let findings = out.join("findings.jsonl");
    let opts = ScanOptions {
        paths: vec![path.as_os_str().to_owned()],
        findings: Some(findings.to_string_lossy().into_owned()),
        format: forced,
        chunk_size,
        threads,
        mmap,
        sketch_key: Some(b"fuzzing test".to_vec()),
        ..ScanOptions::default()
    };
    let summary = scan::run(&opts).expect("scan runs");
    let mut json = serde_json::to_value(report::build(&summary)).expect("report serialises");
    json["scanned"]["seconds"] = serde_json::Value::Null;
    (std::fs::read_to_string(findings).expect("findings"), json)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The whole scan — findings and report — does not depend on chunk size, threads or read
    /// path, whatever the bytes.
    #[test]
    fn findings_do_not_depend_on_chunks_or_threads(
        pieces in prop::collection::vec(piece(), 0..3000),
        forced in format(),
        chunk_size in 1usize..4096,
        threads in 1usize..5,
        mmap in any::<bool>(),
    ) {
        // Large enough, some of the time, to be memory-mapped (64 KiB and up).
        let mut data = pieces.concat();
        if chunk_size % 3 == 0 {
            data = data.repeat(1 + (70_000 / data.len().max(1)));
        }
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("dump");
        std::fs::write(&path, &data).unwrap();
        let want = scan_file(&path, tmp.path(), forced, usize::MAX / 2, 1, true);
        let got = scan_file(&path, tmp.path(), forced, chunk_size, threads, mmap);
        prop_assert!(want.0 == got.0, "findings differ");
        prop_assert_eq!(want.1, got.1);
    }
}

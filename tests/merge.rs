//! Parts and merge (issue #10): a generated corpus split into random disjoint parts — whole
//! files, and byte ranges of files with random cut points, in every format — scanned part by
//! part with one sketch key and merged in random order and grouping gives the whole scan's
//! report (apart from `seconds`) and, concatenated, its findings; merge refuses mismatched
//! reports naming both.

use crate::common::{bin, synth};
use leakscan::merge::{self, Named};
use leakscan::output::report::Report;
use leakscan::part::ByteRange;
use leakscan::scan::{self, ScanOptions};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const KEY: &[u8] = b"merge test sketch key";

/// A scan of `path` (one part when `range` is given): its report and findings lines.
fn scan_part(path: &Path, range: Option<ByteRange>, out: &Path, n: usize) -> (Report, String) {
    let findings = out.join(format!("f{n}.jsonl"));
    let opts = ScanOptions {
        paths: vec![path.as_os_str().to_owned()],
        findings: Some(findings.to_string_lossy().into_owned()),
        sketch_key: Some(KEY.to_vec()),
        range,
        // Small chunks, so that a part holds several.
        chunk_size: 4096,
        threads: 2,
        ..ScanOptions::default()
    };
    let summary = scan::run(&opts).expect("the part scans");
    let report = leakscan::output::report::build(&summary);
    (
        report,
        std::fs::read_to_string(findings).expect("findings written"),
    )
}

/// The report as JSON text without `seconds`.
fn without_seconds(report: &Report) -> String {
    let mut report = report.clone();
    report.scanned.seconds = 0.0;
    serde_json::to_string(&report).expect("serialises")
}

/// A random split of `data`: cut points anywhere, inside a header, just after a newline
/// (most often a record boundary), at the end and past it.
fn random_ranges(rng: &mut ChaCha8Rng, data: &[u8]) -> Vec<ByteRange> {
    let len = data.len();
    let mut cuts: Vec<u64> = (0..rng.random_range(1..5))
        .map(|_| match rng.random_range(0..4) {
            0 => rng.random_range(0..64.min(len + 1)),
            1 => {
                let from = rng.random_range(0..=len);
                memchr::memchr(b'\n', &data[from..]).map_or(len, |k| from + k + 1)
            }
            _ => rng.random_range(0..=len),
        } as u64)
        .collect();
    let len = len as u64;
    cuts.push(0);
    cuts.push(if rng.random_bool(0.5) {
        len
    } else {
        len + 1000
    });
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| ByteRange {
            start: w[0],
            end: w[1],
        })
        .collect()
}

/// Findings lines of a part: `part_record` becomes the whole file's `record`, given the
/// records of the file before the part.
fn renumbered(lines: &str, before: u64) -> Vec<Value> {
    lines
        .lines()
        .map(|line| {
            let mut v: Value = serde_json::from_str(line).expect("a findings line");
            if let Some(part) = v.get("part_record").and_then(Value::as_u64) {
                assert!(v["record"].is_null(), "a part past 0 cannot know `record`");
                let obj = v.as_object_mut().expect("an object");
                obj.remove("part_record");
                obj.insert("record".into(), (part + before).into());
            }
            v
        })
        .collect()
}

/// Merges `reports` in a random binary tree.
fn merge_randomly(rng: &mut ChaCha8Rng, reports: &[Named]) -> Report {
    let mut pool: Vec<Named> = reports.to_vec();
    pool.shuffle(rng);
    while pool.len() > 1 {
        let take = rng.random_range(2..=pool.len().min(4));
        let group: Vec<Named> = pool.drain(..take).collect();
        let merged = merge::merge(&group).expect("disjoint parts merge");
        let at = rng.random_range(0..=pool.len());
        pool.insert(
            at,
            Named {
                name: format!("merged{}", pool.len()),
                report: merged,
            },
        );
    }
    merge::merge(&pool).expect("one report merges")
}

#[test]
fn random_parts_merge_into_the_whole_scan() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 400_000, 11);
    std::fs::remove_file(corpus.path().join("truth.jsonl")).unwrap();
    let (whole, whole_findings) = scan_part(corpus.path(), None, out.path(), 0);
    let whole_json = without_seconds(&whole);
    let whole_findings: Vec<Value> = renumbered(&whole_findings, 0);
    assert!(whole_findings.len() > 1000, "the corpus has findings");
    let formats: std::collections::BTreeSet<&str> =
        whole.inputs.iter().map(|i| i.format.as_str()).collect();
    assert_eq!(
        formats.len(),
        6,
        "csv, tsv, jsonl, json, text, sql: {formats:?}"
    );

    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut n = 1;
    for seed in 0..3 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut reports = Vec::new();
        let mut findings = Vec::new();
        for file in &files {
            let data = std::fs::read(file).unwrap();
            let ranges = if rng.random_bool(0.25) {
                vec![None]
            } else {
                random_ranges(&mut rng, &data)
                    .into_iter()
                    .map(Some)
                    .collect()
            };
            let mut before = 0;
            for range in ranges {
                let (report, lines) = scan_part(file, range, out.path(), n);
                n += 1;
                findings.extend(renumbered(&lines, before));
                before += report.inputs[0].records;
                reports.push(Named {
                    name: format!("{}:{range:?}", file.display()),
                    report,
                });
            }
        }
        assert_eq!(
            findings, whole_findings,
            "seed {seed}: part findings in order"
        );
        let merged = merge_randomly(&mut rng, &reports);
        assert!(
            without_seconds(&merged) == whole_json,
            "seed {seed}: merged report differs from the whole scan"
        );
        for (ty, total) in &merged.types.0 {
            assert_eq!(
                total.distinct_estimate, whole.types.0[ty].distinct_estimate,
                "{ty:?}"
            );
        }
    }
}

/// Runs the binary; (exit code, stderr).
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = Command::new(bin())
        .args(args)
        .output()
        .expect("leakscan runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_merges_and_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = d.join("users.csv");
    let mut text = String::from("name,email\n");
    for i in 0..300 {
        text += &format!("Asha {i},\"asha{i}@example.com\nsecond line\"\n");
    }
    std::fs::write(&csv, &text).unwrap();
    let (key, other_key) = (d.join("key"), d.join("other"));
    std::fs::write(&key, "one key").unwrap();
    std::fs::write(&other_key, "another key").unwrap();
    let scan = |range: Option<&str>, key: &Path, report: &str| {
        let report = d.join(report);
        let mut cmd = Command::new(bin());
        cmd.arg("scan")
            .arg(&csv)
            .arg("-q")
            .arg("--sketch-key")
            .arg(key);
        cmd.arg("--report").arg(&report);
        if let Some(range) = range {
            cmd.args(["--range", range]);
        }
        let out = cmd.output().expect("leakscan runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        report
    };
    let whole = scan(None, &key, "whole.json");
    let a = scan(Some("0-5000"), &key, "a.json");
    let b = scan(Some("5000-1GB"), &key, "b.json");
    let merged = d.join("merged.json");
    let (code, err) = run(&[
        "merge".as_ref(),
        b.as_os_str(),
        a.as_os_str(),
        "--report".as_ref(),
        merged.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let read = |p: &Path| -> Report {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    assert_eq!(
        without_seconds(&read(&merged)),
        without_seconds(&read(&whole))
    );

    // A part scanned with another key, and parts that overlap: refused, naming both.
    let c = scan(Some("5000-1GB"), &other_key, "c.json");
    let overlap = scan(Some("4000-6000"), &key, "overlap.json");
    for (second, what) in [(&c, "sketch keys"), (&overlap, "overlap")] {
        let (code, err) = run(&[
            "merge".as_ref(),
            a.as_os_str(),
            second.as_os_str(),
            "--report".as_ref(),
            merged.as_os_str(),
        ]);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(&a.display().to_string()), "{err}");
        assert!(err.contains(&second.display().to_string()), "{err}");
        assert!(err.contains(what), "{err}");
    }
    let (code, err) = run(&[
        "merge".as_ref(),
        d.join("missing.json").as_os_str(),
        "--report".as_ref(),
        merged.as_os_str(),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("missing.json: not found"), "{err}");
}

#[test]
fn ranges_and_input_names_need_one_input() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("a.csv");
    std::fs::write(&csv, "email\nasha@example.com\n").unwrap();
    std::fs::write(dir.path().join("b.csv"), "email\nravi@example.com\n").unwrap();
    let (code, err) = run(&[
        "scan".as_ref(),
        dir.path().as_os_str(),
        "--range".as_ref(),
        "0-10".as_ref(),
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("exactly one input"), "{err}");
    let (code, _) = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        "--range".as_ref(),
        "10-0".as_ref(),
    ]);
    assert_eq!(code, Some(2), "a backwards range is a usage error");

    // Standard input reported under its real path; a range of a stream is refused.
    let report = dir.path().join("r.json");
    let findings = dir.path().join("f.jsonl");
    let mut child = Command::new(bin())
        .args(["scan", "-", "--input-name", "dump/a.csv", "-q", "--report"])
        .arg(&report)
        .arg("--findings")
        .arg(&findings)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"email\nasha@example.com\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let r: Report = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r.inputs[0].path, "dump/a.csv");
    assert!(std::fs::read_to_string(&findings)
        .unwrap()
        .contains("\"path\":\"dump/a.csv\""));
    let out = Command::new(bin())
        .args(["scan", "-", "--range", "0-10"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--range needs a regular file"));
}

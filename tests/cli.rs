//! The real binary: exit codes, `--types`, `--reveal`, standard input, skipped inputs, and
//! masking (planted values never appear in any output without `--reveal`).

use crate::common::bin;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Planted values: each must stay out of every output unless `--reveal` is given.
const PLANTED: [&str; 7] = [
    "asha.rao@example.com",
    "+91 98765 43210",
    "2345 6789 0124",
    "4111 1111 1111 1111",
    "ABCPE1234F",
    "S1234567D",
    "Asha Rao",
];

fn planted_csv(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("users.csv");
    let mut text = String::from("name,email,mobile,aadhaar,card,pan,nric\n");
    text += &format!(
        "{},{},{},{},{},{},{}\n",
        PLANTED[6], PLANTED[0], PLANTED[1], PLANTED[2], PLANTED[3], PLANTED[4], PLANTED[5]
    );
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(bin())
        .args(args)
        .output()
        .expect("leakscan runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn masks_everything_unless_revealed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = planted_csv(dir.path());
    let report = dir.path().join("r.json");
    let findings = dir.path().join("f.jsonl");
    let out = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
        "--findings".as_ref(),
        findings.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let table = run(&["scan".as_ref(), csv.as_os_str()]);
    let all = [
        std::fs::read_to_string(&report).unwrap(),
        std::fs::read_to_string(&findings).unwrap(),
        text(&out),
        text(&table),
    ]
    .join("\n");
    for value in PLANTED {
        assert!(!all.contains(value), "{value} leaked");
    }
    assert_eq!(
        std::fs::read_to_string(&findings).unwrap().lines().count(),
        PLANTED.len()
    );

    let revealed = dir.path().join("rev.jsonl");
    let out = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        "--findings".as_ref(),
        revealed.as_os_str(),
        "--reveal".as_ref(),
        "-q".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let lines = std::fs::read_to_string(&revealed).unwrap();
    for value in PLANTED {
        assert!(lines.contains(value), "{value} not revealed");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&revealed).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "revealed findings must be private");
    }
}

#[test]
fn types_limits_detectors() {
    let dir = tempfile::tempdir().unwrap();
    let csv = planted_csv(dir.path());
    let out = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        "--findings".as_ref(),
        "-".as_ref(),
        "--types".as_ref(),
        "email,pan_in".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let types: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(types, ["email", "pan_in"]);
    let bad = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        "--types".as_ref(),
        "emails".as_ref(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let csv = planted_csv(dir.path());
    let missing = dir.path().join("missing.csv");
    let one_bad = run(&[
        "scan".as_ref(),
        csv.as_os_str(),
        missing.as_os_str(),
        "-q".as_ref(),
    ]);
    assert_eq!(one_bad.status.code(), Some(1), "{}", text(&one_bad));
    assert!(text(&one_bad).contains("missing.csv"));
    let all_bad = run(&["scan".as_ref(), missing.as_os_str()]);
    assert_eq!(all_bad.status.code(), Some(2));
    let usage = run(&["scan".as_ref(), "--no-such-flag".as_ref(), csv.as_os_str()]);
    assert_eq!(usage.status.code(), Some(2));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let ok = run(&["scan".as_ref(), empty.as_os_str()]);
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(bin())
        .args(["scan", "-", "--findings", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"id,email\n1,asha.rao@example.com\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["path"], "-");
    assert_eq!(line["field"], "email");
    assert_eq!(line["record"], 1);
    assert_eq!(line["offset"], 11);
}

#[test]
fn binary_files_and_containers_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tool.bin"),
        b"\x7FELF\x02\x01\x01\x00\x00\x00rest",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dump.7z"),
        b"7z\xBC\xAF\x27\x1C\x00\x04rest",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), b"mail asha.rao@example.com\n").unwrap();
    let report = dir.path().join("r.json");
    let out = run(&[
        "scan".as_ref(),
        dir.path().as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    let reasons: Vec<(String, String)> = r["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            ("dump.7z".to_string(), "unsupported:7z".to_string()),
            ("tool.bin".to_string(), "binary".to_string())
        ]
    );
    assert_eq!(r["types"]["email"]["count"], 1);
}

#[test]
fn patterns_dir_adds_a_detector() {
    let dir = tempfile::tempdir().unwrap();
    let pats = dir.path().join("pats");
    std::fs::create_dir(&pats).unwrap();
    std::fs::write(
        pats.join("staff_badge.toml"),
        r#"
id = "staff_badge"
type = "passport"
description = "A made-up badge number used to test added patterns"
field_names = ["badge"]
keywords = ["badge"]
regexes = ['\bBX[0-9]{6}\b']
"#,
    )
    .unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "badge BX123456 issued\nnothing BY123456 here\n").unwrap();
    let out = run(&[
        "scan".as_ref(),
        text.as_os_str(),
        "--findings".as_ref(),
        "-".as_ref(),
        "--patterns".as_ref(),
        pats.as_os_str(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(
        (lines[0]["type"].as_str(), lines[0]["offset"].as_u64()),
        (Some("passport"), Some(6))
    );

    std::fs::write(
        pats.join("broken.toml"),
        "id = \"broken\"\ntype = \"no_such_type\"\nregexes = ['x']\n",
    )
    .unwrap();
    let bad = run(&[
        "scan".as_ref(),
        text.as_os_str(),
        "--patterns".as_ref(),
        pats.as_os_str(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("broken.toml") && err.contains("no_such_type"),
        "{err}"
    );
}

#[test]
fn each_input_is_read_under_the_region_its_numbers_say() {
    let dir = tempfile::tempdir().unwrap();
    // Files are read in name order: the French numbers first, then the same national
    // number in an Indian file (the memo of values seen must not carry it over).
    let table = |code: &str| {
        let mut text = String::from("name,mobile\n");
        for k in 0..12 {
            text += &format!("a{k},{code}{k}\n");
        }
        text + &"b,06 98 76 54 32\n".repeat(100)
    };
    std::fs::write(dir.path().join("a_fr.csv"), table("+33 6 12 34 56 7")).unwrap();
    std::fs::write(dir.path().join("b_in.csv"), table("+91 98765 4321")).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let scan = |region: Option<&str>| {
        let report = out_dir.path().join("report.json");
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "scan".as_ref(),
            dir.path().as_os_str(),
            "--threads".as_ref(),
            "1".as_ref(),
            "--findings".as_ref(),
            "-".as_ref(),
            "--reveal".as_ref(),
            "--report".as_ref(),
            report.as_os_str(),
        ];
        if let Some(region) = region {
            args.extend([
                std::ffi::OsStr::new("--region"),
                std::ffi::OsStr::new(region),
            ]);
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let report: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let regions: Vec<String> = report["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["region"].as_str().unwrap().to_string())
            .collect();
        let national = |file: &str| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .filter(|f| f["path"].as_str().unwrap().ends_with(file))
                .filter(|f| f["value"] == "06 98 76 54 32")
                .count()
        };
        (regions, national("a_fr.csv"), national("b_in.csv"))
    };
    assert_eq!(scan(None), (vec!["FR".into(), "IN".into()], 100, 0));
    assert_eq!(scan(Some("IN")), (vec!["IN".into(), "IN".into()], 0, 0));
}

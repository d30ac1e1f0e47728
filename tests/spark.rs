//! The Spark job (`spark/leakscan_job.py`) in `local[2]` mode on a generated corpus of more
//! than 50 MB, parts forced to 4 MiB: its merged report equals a direct `leakscan scan` with
//! the same sketch key (apart from `seconds`), and its findings, file by file in part order,
//! the direct scan's. A second run streams every input through standard input (as inputs on
//! remote storage are) and writes Parquet.
//!
//! Needs Java 17 and pyspark (`.ci/run` installs both). Without them the test says so and
//! passes, except in CI (`CI` set), where it fails.

use crate::common::{bin, synth};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// `spark-submit` of the installed pyspark, or why it cannot run.
fn spark_submit() -> Result<PathBuf, String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("no java".into());
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'bin', 'spark-submit'))",
        ])
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if !out.status.success() {
        return Err("no pyspark".into());
    }
    Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

fn job() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spark/leakscan_job.py")
}

/// Runs the job; its wall-clock seconds.
fn run_job(submit: &Path, args: &[&std::ffi::OsStr]) -> f64 {
    let started = Instant::now();
    let out = Command::new(submit)
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false"])
        .arg(job())
        .arg("--binary")
        .arg(bin())
        .args(args)
        .output()
        .expect("spark-submit runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the Spark job failed:\n{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    if let Some(line) = stdout
        .lines()
        .chain(stderr.lines())
        .find(|l| l.contains("leakscan_job:"))
    {
        eprintln!("{line}");
    }
    started.elapsed().as_secs_f64()
}

/// A report's JSON without `seconds`.
fn report(path: &Path) -> Value {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["scanned"]["seconds"] = Value::Null;
    v
}

/// The job's findings in part order, `part_record` turned back into the file's `record`
/// with the records of the file's earlier parts (from the part reports).
fn job_findings(out: &Path) -> (Vec<Value>, usize) {
    let mut parts: Vec<Value> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(out.join("parts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    names.sort();
    for name in names {
        for line in std::fs::read_to_string(name).unwrap().lines() {
            parts.push(serde_json::from_str(line).unwrap());
        }
    }
    parts.sort_by_key(|p| p["part"].as_u64().unwrap());
    let mut before: HashMap<String, u64> = HashMap::new();
    let mut findings = Vec::new();
    for part in &parts {
        let id = part["part"].as_u64().unwrap();
        let path = part["path"].as_str().unwrap().to_owned();
        let earlier = before.get(&path).copied().unwrap_or(0);
        let file = out.join(format!("findings/part-{id:05}"));
        for line in std::fs::read_to_string(file).unwrap().lines() {
            let mut v: Value = serde_json::from_str(line).unwrap();
            if let Some(n) = v.get("part_record").and_then(Value::as_u64) {
                let obj = v.as_object_mut().unwrap();
                obj.remove("part_record");
                obj.insert("record".into(), (n + earlier).into());
            }
            findings.push(v);
        }
        let records = part["report"]["inputs"][0]["records"].as_u64().unwrap_or(0);
        *before.entry(path).or_default() += records;
    }
    (findings, parts.len())
}

#[test]
fn spark_job_equals_a_direct_scan() {
    let submit = match spark_submit() {
        Ok(submit) => submit,
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("spark test skipped ({why}): install Java 17 and spark/requirements.txt");
            return;
        }
        Err(why) => panic!("CI must run the Spark test, but: {why}"),
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    synth(&corpus, 52_000_000, 5);
    std::fs::remove_file(corpus.join("truth.jsonl")).unwrap();
    let key = dir.path().join("sketch.key");
    std::fs::write(&key, b"spark test sketch key").unwrap();

    let (direct_report, direct_findings) = (dir.path().join("r.json"), dir.path().join("f.jsonl"));
    let started = Instant::now();
    let status = Command::new(bin())
        .arg("scan")
        .arg(&corpus)
        .arg("--sketch-key")
        .arg(&key)
        .arg("--report")
        .arg(&direct_report)
        .arg("--findings")
        .arg(&direct_findings)
        .arg("-q")
        .status()
        .unwrap();
    assert!(status.success());
    let direct_seconds = started.elapsed().as_secs_f64();
    let want = report(&direct_report);
    assert!(want["scanned"]["bytes"].as_u64().unwrap() > 50_000_000);

    let out = dir.path().join("out");
    let job_seconds = run_job(
        &submit,
        &[
            corpus.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--part-size".as_ref(),
            "4MiB".as_ref(),
            "--sketch-key".as_ref(),
            key.as_os_str(),
        ],
    );
    assert!(
        report(&out.join("report.json")) == want,
        "the merged report differs from the direct scan's"
    );
    let (findings, parts) = job_findings(&out);
    assert!(parts >= 12, "files were cut into parts: {parts}");
    let want_findings: Vec<Value> = std::fs::read_to_string(&direct_findings)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(findings.len(), want_findings.len());
    assert!(findings == want_findings, "the job's findings differ");
    eprintln!(
        "spark local[2]: {parts} parts, job {job_seconds:.1}s, direct scan {direct_seconds:.1}s"
    );

    // Every input through standard input, findings as Parquet by type.
    let small = dir.path().join("small");
    synth(&small, 300_000, 6);
    let status = Command::new(bin())
        .arg("scan")
        .arg(&small)
        .arg("--sketch-key")
        .arg(&key)
        .arg("--report")
        .arg(&direct_report)
        .arg("-q")
        .status()
        .unwrap();
    assert!(status.success());
    let streamed = dir.path().join("streamed");
    run_job(
        &submit,
        &[
            small.as_os_str(),
            "--out".as_ref(),
            streamed.as_os_str(),
            "--stream".as_ref(),
            "--findings".as_ref(),
            "parquet".as_ref(),
            "--sketch-key".as_ref(),
            key.as_os_str(),
        ],
    );
    // Standard input has no stored size: a streamed input reports `bytes_on_disk` 0.
    let mut want = report(&direct_report);
    for input in want["inputs"].as_array_mut().unwrap() {
        input["bytes_on_disk"] = 0.into();
    }
    assert!(report(&streamed.join("report.json")) == want);
    assert!(streamed.join("findings/type=email").is_dir());
}

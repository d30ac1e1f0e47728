//! Document and photo extraction against `pdftotext` and `exiftool`, and text in card scans
//! with `--ocr` against `tesseract` itself (issue 11): a measurement, not a test; it prints
//! figures for BENCHMARKS.md.

use leakscan::synth::card::write_id_cards;
use leakscan::synth::documents::write_bucket;
use std::path::Path;
use std::process::Command;

/// The leakscan binary cargo built for this bench.
fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_leakscan")
}

/// Files and bytes under `dir` (recursively).
fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Throughput per input kind against the tools a user would otherwise reach for, on the same
/// files in the same run: `pdftotext` (poppler-utils) for PDFs, one process per file as a
/// loop over a bucket runs it, and `exiftool` (libimage-exiftool-perl) for photo metadata in
/// its batch mode. Prints files/s and MB/s; leakscan with one thread is the per-core figure.
/// With `tesseract` installed, also card scans read with `--ocr` (`N / 10` of them) against
/// `tesseract FILE -` run on each.
/// Run with `cargo bench --bench documents` (`DOCS_BENCH_N`: files per kind, default 400).
fn main() {
    let n: usize = std::env::var("DOCS_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let dir = tempfile::tempdir().unwrap();
    write_bucket(dir.path(), 11, n, 256 << 10).unwrap();
    let report = dir.path().join("bench-report.json");
    // Long PDFs too (manifests of 200 pages of 40 lines), where parsing, not process start,
    // sets the pace.
    std::fs::create_dir_all(dir.path().join("manifests")).unwrap();
    for i in 0..n / 20 {
        let pages: Vec<Vec<Vec<String>>> = (0..200)
            .map(|p| {
                (0..40)
                    .map(|l| {
                        vec![
                            format!("AWB {i}{p:03}{l:02}"),
                            format!("+91 98{p:03}{l:02} {:05}", i * 7 + l),
                            format!("user{p}.{l}@example.com"),
                        ]
                    })
                    .collect()
            })
            .collect();
        let path = dir.path().join(format!("manifests/manifest-{i}.pdf"));
        std::fs::write(path, leakscan::synth::documents::pdf(&pages, &[])).unwrap();
    }
    let time = |f: &mut dyn FnMut()| {
        let started = std::time::Instant::now();
        f();
        started.elapsed().as_secs_f64()
    };
    let line = |what: &str, files: usize, bytes: u64, secs: f64| {
        println!(
            "{what:<44} {files:>6} files {:>8.1} MB {secs:>7.2} s {:>9.0} files/s {:>8.1} MB/s",
            bytes as f64 / 1e6,
            files as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    };
    let ocr = Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    let mut kinds = vec![
        ("orders", "pdftotext"),
        ("manifests", "pdftotext"),
        ("photos", "exiftool"),
    ];
    if ocr {
        write_id_cards(&dir.path().join("cards"), 11, (n / 10).max(1)).unwrap();
        kinds.push(("cards", "tesseract"));
    } else {
        println!("tesseract not found: card scans (--ocr) not measured");
    }
    for (sub, tool) in kinds {
        let path = dir.path().join(sub);
        let files = files_in(&path);
        let bytes: u64 = files.iter().map(|f| f.metadata().unwrap().len()).sum();
        for threads in ["1", "0"] {
            let secs = time(&mut || {
                let out = Command::new(bin())
                    .arg("scan")
                    .arg(&path)
                    .args(["--threads", threads, "--report"])
                    .arg(&report)
                    .args(if tool == "tesseract" {
                        &["--ocr"][..]
                    } else {
                        &[]
                    })
                    .output()
                    .unwrap();
                assert!(out.status.code().is_some_and(|c| c <= 1));
            });
            let ocr = if tool == "tesseract" { " --ocr" } else { "" };
            let label = format!("leakscan scan {sub}/{ocr} --threads {threads}");
            line(&label, files.len(), bytes, secs);
        }
        let secs = time(&mut || match tool {
            "pdftotext" => {
                for file in &files {
                    let out = Command::new("pdftotext").arg(file).arg("-").output();
                    assert!(out.is_ok_and(|o| o.status.success()), "pdftotext runs");
                }
            }
            "tesseract" => {
                for file in &files {
                    let out = Command::new("tesseract").arg(file).arg("-").output();
                    assert!(out.is_ok_and(|o| o.status.success()), "tesseract runs");
                }
            }
            _ => {
                let out = Command::new("exiftool")
                    .args(["-json", "-r"])
                    .arg(&path)
                    .output();
                assert!(out.is_ok_and(|o| o.status.success()), "exiftool runs");
            }
        });
        let label = match tool {
            "pdftotext" => "pdftotext FILE - (each file, 1 core)".to_string(),
            "tesseract" => "tesseract FILE - (each file)".to_string(),
            _ => format!("exiftool -json -r {sub}/ (1 core)"),
        };
        line(&label, files.len(), bytes, secs);
    }
}

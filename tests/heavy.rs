//! The heavy tier: one line of gigabytes, a `.gz` decoding to more than 2 GiB, a CSV field of
//! 100 MB, with peak memory asserted as figures. Sized by `LEAKSCAN_HEAVY_BYTES` (default
//! 16 MiB, so CI runs the same code quickly); full size, as README's testing section says:
//!
//! ```text
//! LEAKSCAN_HEAVY_BYTES=2200000000 cargo test --release --test tests heavy -- --nocapture
//! ```
//!
//! At `N` bytes: a single line of `N` bytes, a `.gz` of `N` decoded bytes read as a stream
//! (peak resident memory under 256 MiB whatever `N`), and a CSV field of `N / 22` bytes
//! (100 MB at full size). Peak memory is the child's own `VmHWM` (`--peak-memory`).

use crate::common::{bin, csv_block};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The tier's size: `LEAKSCAN_HEAVY_BYTES`, or 16 MiB.
fn heavy_bytes() -> u64 {
    std::env::var("LEAKSCAN_HEAVY_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16 << 20)
}

/// Peak memory a scan may use while decoding a stream, whatever its size.
const STREAM_PEAK_LIMIT: u64 = 256 << 20;

/// Runs `leakscan scan` with `args`; returns the report, peak memory (bytes) and seconds.
fn scan(args: &[&std::ffi::OsStr], out: &Path) -> (Value, u64, f64) {
    let report = out.join("report.json");
    let started = Instant::now();
    let run = Command::new(bin())
        .args(["scan", "-q", "--peak-memory", "--report"])
        .arg(&report)
        .args(args)
        .output()
        .expect("leakscan runs");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let peak_kb: u64 = stderr
        .lines()
        .find_map(|line| line.strip_prefix("leakscan: peak memory "))
        .and_then(|figure| figure.strip_suffix(" kB"))
        .and_then(|figure| figure.parse().ok())
        .expect("peak memory reported (Linux)");
    let report = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    (report, peak_kb * 1024, seconds)
}

/// Findings of `ty` in the report.
fn count(report: &Value, ty: &str) -> u64 {
    report["types"][ty]["count"].as_u64().unwrap_or(0)
}

fn figures(what: &str, bytes: u64, peak: u64, seconds: f64) {
    eprintln!(
        "heavy: {what}: {} MB in {seconds:.1} s, peak memory {} MiB",
        bytes / 1_000_000,
        peak >> 20
    );
}

/// Writes `n` bytes of one line: an e-mail, `n` letters and spaces, an e-mail.
fn one_line(path: &Path, n: u64) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let edge = b"asha.rao@example.com ";
    file.write_all(edge).unwrap();
    let block = b"lorem ipsum dolor sit amet ".repeat(4096);
    let mut left = n - 2 * edge.len() as u64;
    while left > 0 {
        let take = left.min(block.len() as u64) as usize;
        file.write_all(&block[..take]).unwrap();
        left -= take as u64;
    }
    file.write_all(edge).unwrap();
    file.flush().unwrap();
}

#[test]
#[cfg_attr(debug_assertions, ignore = "the heavy tier runs with --release")]
fn a_single_line_of_gigabytes() {
    let n = heavy_bytes();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("line.txt");
    one_line(&path, n);
    let (report, peak, seconds) = scan(&[path.as_os_str()], tmp.path());
    figures("single line (mapped)", n, peak, seconds);
    assert_eq!(report["inputs"][0]["bytes_scanned"], n);
    assert_eq!(report["scanned"]["records"], 1);
    assert_eq!(count(&report, "email"), 2, "both ends of the line are seen");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "the heavy tier runs with --release")]
fn a_gz_of_gigabytes_decodes_in_bounded_memory() {
    let n = heavy_bytes();
    // A block of CSV rows compressed once, repeated as gzip members.
    let (block, i) = csv_block();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(block.as_bytes()).unwrap();
    let member = encoder.finish().unwrap();
    let copies = n.div_ceil(block.len() as u64);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("big.csv.gz");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for _ in 0..copies {
        file.write_all(&member).unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let decoded = copies * block.len() as u64;
    // Read as a stream: a map of the compressed file would count its pages as resident.
    let (report, peak, seconds) = scan(&["--no-mmap".as_ref(), path.as_os_str()], tmp.path());
    figures(".gz decoded through a stream", decoded, peak, seconds);
    assert_eq!(report["inputs"][0]["bytes_decoded"], decoded);
    assert_eq!(report["inputs"][0]["status"], "ok");
    assert_eq!(count(&report, "email"), copies * i);
    assert!(
        peak < STREAM_PEAK_LIMIT,
        "peak memory {} MiB decoding {} MB",
        peak >> 20,
        decoded / 1_000_000
    );
}

#[test]
#[cfg_attr(debug_assertions, ignore = "the heavy tier runs with --release")]
fn a_csv_field_of_100_mb() {
    let field = heavy_bytes() / 22;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("field.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    file.write_all(b"id,note,email\n1,\"asha.rao@example.com ")
        .unwrap();
    let block = b"a note, with commas,\nand lines ".repeat(4096);
    let mut left = field;
    while left > 0 {
        let take = left.min(block.len() as u64) as usize;
        file.write_all(&block[..take]).unwrap();
        left -= take as u64;
    }
    file.write_all(b" \",ravi@example.com\n2,x,meera@example.com\n")
        .unwrap();
    file.flush().unwrap();
    drop(file);
    let size = std::fs::metadata(&path).unwrap().len();
    for (how, args) in [
        ("mapped", vec![path.as_os_str()]),
        ("read", vec!["--no-mmap".as_ref(), path.as_os_str()]),
    ] {
        let (report, peak, seconds) = scan(&args, tmp.path());
        figures(
            &format!("CSV with a {} MB field ({how})", field / 1_000_000),
            size,
            peak,
            seconds,
        );
        assert_eq!(report["scanned"]["records"], 2, "{how}");
        assert_eq!(
            count(&report, "email"),
            3,
            "{how}: values before, in and after the field"
        );
    }
}

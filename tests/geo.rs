//! Latitude and longitude in separate fields of one record (CSV columns, JSON keys, SQL
//! columns, `key=value` in log lines) are `geo_location`, one finding per field, only when
//! both come in the record; decoys in the same files (prices, amounts, integers, coarse or
//! lone coordinates) are not; results do not depend on chunk size or thread count; the
//! report counts them per field, the pair once as a distinct position.

use crate::common::{read_spans, same_as_scan_with, scan_with, Span};
use std::collections::BTreeSet;
use std::path::Path;

/// Rows of each file.
const ROWS: u64 = 240;

/// A position of row `i` (6 decimals; some with 4, some negative): latitude, longitude.
fn position(i: u64, salt: u64) -> (String, String) {
    let x = (i * 7919 + salt * 104_729) % 1_000_003;
    let lat = (x % 170_000_000) as f64 / 1e6 - 85.0;
    let lon = ((x * 31) % 350_000_000) as f64 / 1e6 - 175.0;
    match i % 3 {
        0 => (format!("{lat:.4}"), format!("{lon:.4}")),
        _ => (format!("{lat:.6}"), format!("{lon:.6}")),
    }
}

/// A file being written: its text and the (offset, field) of every coordinate to be found.
#[derive(Default)]
struct File {
    text: String,
    want: Vec<(u64, String)>,
}

impl File {
    /// Appends `s`.
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Appends the coordinate `s` of field `field`, to be found.
    fn coordinate(&mut self, s: &str, field: &str) {
        self.want.push((self.text.len() as u64, field.to_string()));
        self.text.push_str(s);
    }
}

/// What row `i` holds besides a position: a decoy (`Some`) or a real pair (`None`).
fn decoy(i: u64) -> Option<(&'static str, &'static str)> {
    match i % 8 {
        1 => Some(("12", "77")),            // integers
        3 => Some(("12.97", "77.59")),      // two decimals
        5 => Some(("12.971599", "")),       // no longitude
        7 => Some(("1.2.3456", "77.5946")), // a version
        _ => None,
    }
}

fn csv() -> File {
    let mut f = File::default();
    f.push("id,name,lat,price,lng,amount\n");
    for i in 0..ROWS {
        let (lat, lon) = position(i, 1);
        f.push(&format!("{i},user{i},"));
        match decoy(i) {
            Some((a, b)) => f.push(&format!("{a},12.9900,{b},")),
            None => {
                f.coordinate(&lat, "lat");
                f.push(",12.9900,");
                f.coordinate(&lon, "lng");
                f.push(",");
            }
        }
        f.push("77.5000\n");
    }
    f
}

fn json() -> File {
    let mut f = File::default();
    for i in 0..ROWS {
        let (lat, lon) = position(i, 2);
        f.push(&format!(
            "{{\"id\": {i}, \"price\": 12.9900, \"location\": {{"
        ));
        match decoy(i) {
            Some((a, "")) => f.push(&format!("\"lat\": {a}")),
            Some((a, b)) => f.push(&format!("\"lat\": \"{a}\", \"lon\": \"{b}\"")),
            None => {
                // Longitude first: the pair is reported in value order all the same.
                f.push("\"lon\": ");
                f.coordinate(&lon, "location.lon");
                f.push(", \"city\": \"Pune\", \"lat\": ");
                f.coordinate(&lat, "location.lat");
            }
        }
        f.push("}, \"amount\": 77.5000}\n");
    }
    f
}

fn sql() -> File {
    let mut f = File::default();
    f.push("CREATE TABLE `shops` (`id` int, `latitude` double, `longitude` double, `total` decimal(10,4));\n");
    for i in 0..ROWS {
        let (lat, lon) = position(i, 3);
        f.push(&format!("INSERT INTO `shops` VALUES ({i},"));
        match decoy(i) {
            Some((a, "")) => f.push(&format!("{a},NULL")),
            Some((a, b)) => f.push(&format!("'{a}',{b}")),
            None => {
                f.coordinate(&lat, "shops.latitude");
                f.push(",");
                f.coordinate(&lon, "shops.longitude");
            }
        }
        f.push(",12.9900);\n");
    }
    f
}

fn log() -> File {
    let mut f = File::default();
    for i in 0..ROWS {
        let (lat, lon) = position(i, 4);
        f.push(&format!(
            "2024-03-11 10:00:{:02} INFO ping user=u{i} ",
            i % 60
        ));
        match decoy(i) {
            Some((a, b)) => f.push(&format!("lat={a} lng={b} amount=12.9900")),
            None => {
                f.push("lat=");
                f.coordinate(&lat, "lat");
                f.push(" lng=");
                f.coordinate(&lon, "lng");
            }
        }
        f.push("\n");
    }
    f
}

/// Writes the four files into `dir`; returns the expected findings: (file, offset, field).
fn corpus(dir: &Path) -> BTreeSet<(String, u64, String)> {
    let mut want = BTreeSet::new();
    for (name, file) in [
        ("people.csv", csv()),
        ("profiles.jsonl", json()),
        ("shops.sql", sql()),
        ("app.log", log()),
    ] {
        std::fs::write(dir.join(name), &file.text).unwrap();
        want.extend(file.want.into_iter().map(|(o, f)| (name.to_string(), o, f)));
    }
    want
}

fn geo_findings(dir: &Path, spans: &[Span]) -> BTreeSet<(String, u64, String)> {
    let prefix = format!("{}/", dir.display());
    spans
        .iter()
        .filter(|s| s.ty == "geo_location")
        .map(|s| {
            let path = s.path.trim_start_matches(&prefix).to_string();
            (path, s.offset, s.field.clone().unwrap_or_default())
        })
        .collect()
}

#[test]
fn coordinates_in_separate_fields_pair_within_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let want = corpus(dir.path());
    let (findings, report) = scan_with(dir.path(), out.path(), 1 << 20, 1, true);
    let spans: Vec<Span> = findings
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found = geo_findings(dir.path(), &spans);
    let missed: Vec<_> = want.difference(&found).take(5).collect();
    let extra: Vec<_> = found.difference(&want).take(5).collect();
    assert!(
        missed.is_empty() && extra.is_empty(),
        "missed {missed:?}, extra {extra:?}"
    );
    // Four layouts, 4 rows in 8 with a pair.
    assert_eq!(want.len() as u64, 4 * 2 * ROWS / 2);
    // Findings stay in input order within each file.
    for file in ["people.csv", "profiles.jsonl", "shops.sql", "app.log"] {
        let offsets: Vec<u64> = spans
            .iter()
            .filter(|s| s.path.ends_with(file))
            .map(|s| s.offset)
            .collect();
        assert!(offsets.windows(2).all(|w| w[0] < w[1]), "{file}");
    }
    // Per field: one finding a record with a pair; the pair counts once as a distinct
    // position, so the total is the number of positions, not twice it.
    let pairs = ROWS / 2;
    for (file, field) in [
        ("people.csv", "lat"),
        ("people.csv", "lng"),
        ("profiles.jsonl", "location.lat"),
        ("shops.sql", "shops.longitude"),
        ("app.log", "lng"),
    ] {
        let entry = report["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| {
                e["path"].as_str().unwrap().ends_with(file) && e["field"].as_str() == Some(field)
            })
            .unwrap_or_else(|| panic!("{file} {field}"));
        let geo = &entry["types"]["geo_location"];
        assert_eq!(geo["count"], pairs, "{file} {field}");
        assert_eq!(geo["records"], pairs, "{file} {field}");
        assert!(
            geo["examples"][0].as_str().unwrap().len() <= 7,
            "masked: {geo}"
        );
    }
    let total = &report["types"]["geo_location"];
    assert_eq!(total["count"], 4 * 2 * pairs);
    let distinct = total["distinct_estimate"].as_u64().unwrap() as f64;
    let positions = (4 * pairs) as f64;
    assert!((distinct - positions).abs() < positions * 0.05, "{total}");
    // The same with small chunks and more threads.
    for setup in [(97, 1, false), (1000, 2, true), (4096, 8, false)] {
        same_as_scan_with(dir.path(), out.path(), setup, &findings, &report);
    }
    // The findings file the CLI writes has the same spans.
    let cli = out.path().join("cli.jsonl");
    let status = std::process::Command::new(crate::common::bin())
        .arg("scan")
        .arg(dir.path())
        .args(["-q", "--findings"])
        .arg(&cli)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(geo_findings(dir.path(), &read_spans(&cli)), want);
}

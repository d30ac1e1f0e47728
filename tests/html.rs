//! The HTML report, checked in a real browser: a generated corpus with planted values is
//! scanned with `--report` and `--html`, the page is opened in headless Chromium, and the
//! rendered DOM is compared with the JSON report (headline, top field, sorting, filtering,
//! paging); no planted raw value may appear in the page. A report of 100,000 fields must open
//! in a few seconds.
//!
//! The browser is Debian's `chromium` (`.ci/run` installs it and sets
//! `LEAKSCAN_REQUIRE_BROWSER`); `LEAKSCAN_CHROMIUM` names another binary. Without a browser
//! and without that variable, the checks that need one are skipped with a message, so that
//! `cargo test` still runs on a machine with only a Rust toolchain.

use crate::common::{bin, synth};
use leakscan::detect::validate::verhoeff;
use leakscan::output::report::Report;
use leakscan::output::severity;
use leakscan::types::PiiType;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The planted CSV's rows: name, e-mail, mobile, card, Aadhaar payload (11 digits, the check
/// digit is appended), PAN, NRIC.
const ROWS: [[&str; 7]; 2] = [
    [
        "Asha Rao",
        "asha.rao@example.com",
        "+91 98765 43210",
        "4111 1111 1111 1111",
        "23456789012",
        "ABCPE1234F",
        "S1234567D",
    ],
    [
        "Vikram Menon",
        "vikram.menon@example.org",
        "+91 91234 56789",
        "5555-5555-5555-4444",
        "34567812345",
        "BQRPK4321L",
        "T0123456G",
    ],
];

/// Every planted value as written, and the identifying forms the normaliser makes of them.
fn planted() -> Vec<String> {
    let mut values = Vec::new();
    for row in ROWS {
        for (i, value) in row.into_iter().enumerate() {
            let value = if i == 4 {
                aadhaar(value)
            } else {
                value.to_owned()
            };
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 9 {
                values.push(digits.clone());
                values.push(digits[digits.len() - 10..].to_owned());
            }
            values.push(value);
        }
    }
    values
}

/// A spaced, Verhoeff-valid Aadhaar number from an 11-digit payload.
fn aadhaar(payload: &str) -> String {
    let check = verhoeff::check_digit(payload.as_bytes()) as char;
    format!(
        "{} {} {}{check}",
        &payload[..4],
        &payload[4..8],
        &payload[8..]
    )
}

/// A synthetic corpus plus `leak/customers.csv`, holding the planted rows, in `dir`.
fn corpus(dir: &Path) {
    synth(&dir.join("synth"), 150_000, 11);
    let leak = dir.join("leak");
    std::fs::create_dir(&leak).unwrap();
    let mut csv = String::from("full_name,email,mobile,card_number,aadhaar_no,pan,nric\n");
    for row in ROWS {
        let mut cells: Vec<String> = row.iter().map(|s| s.to_string()).collect();
        cells[4] = aadhaar(row[4]);
        csv += &cells.join(",");
        csv.push('\n');
    }
    std::fs::write(leak.join("customers.csv"), csv).unwrap();
}

fn leakscan(args: &[&std::ffi::OsStr]) {
    let out = Command::new(bin())
        .args(args)
        .output()
        .expect("leakscan runs");
    assert!(
        out.status.success(),
        "leakscan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The browser to use, if any; panics when one is required and missing.
fn browser() -> Option<PathBuf> {
    let named = std::env::var_os("LEAKSCAN_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("LEAKSCAN_REQUIRE_BROWSER").is_none(),
            "no browser: install Debian's chromium (.ci/run does) or set LEAKSCAN_CHROMIUM"
        );
        eprintln!("html: no chromium found, skipping the browser checks");
    }
    found
}

/// Runs headless Chromium on `url` with `extra` arguments, in a fresh profile; its stdout
/// and the wall time it took.
fn chromium(exe: &Path, url: &str, extra: &[&str]) -> (String, Duration) {
    let profile = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let out = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap(), took)
}

/// The page as the browser rendered it, with `fragment` (`sort=exposed&dir=asc`) in its URL.
fn render(exe: &Path, page: &Path, fragment: &str) -> (String, Duration) {
    let url = format!("file://{}#{fragment}", page.display());
    let (dom, took) = chromium(exe, &url, &["--dump-dom"]);
    assert!(dom.contains("data-ready-ms="), "the script ran to its end");
    (dom, took)
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// `1,234` as 1234.
fn number(text: &str) -> u64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("`{text}` is a number"))
}

/// The text of `<dd data-figure="key">`, before its `<small>`.
fn figure(dom: &str, key: &str) -> String {
    let re = Regex::new(&format!(r#"data-figure="{key}">([^<]*)"#)).unwrap();
    let caps = re.captures(dom).unwrap_or_else(|| panic!("figure {key}"));
    unescape(&caps[1])
}

/// A row of the field table: its rank and its cells by `data-col`.
#[derive(Debug)]
struct Row {
    rank: usize,
    cells: std::collections::HashMap<String, String>,
}

impl Row {
    fn text(&self, col: &str) -> &str {
        &self.cells[col]
    }
}

/// The rows of the field table, in page order. Cells hold their text with tags removed.
fn rows(dom: &str) -> Vec<Row> {
    let table = &dom[dom.find(r#"id="field-table""#).expect("the field table")..];
    let table = &table[..table.find("</table>").unwrap()];
    let row_re = Regex::new(r#"(?s)<tr data-rank="(\d+)">(.*?)</tr>"#).unwrap();
    let cell_re = Regex::new(r#"(?s)<td[^>]*data-col="(\w+)"[^>]*>(.*?)</td>"#).unwrap();
    let tag_re = Regex::new(r"<[^>]*>").unwrap();
    row_re
        .captures_iter(table)
        .map(|row| Row {
            rank: row[1].parse().unwrap(),
            cells: cell_re
                .captures_iter(&row[2])
                .map(|c| (c[1].to_owned(), unescape(&tag_re.replace_all(&c[2], " "))))
                .map(|(k, v)| (k, v.split_whitespace().collect::<Vec<_>>().join(" ")))
                .collect(),
        })
        .collect()
}

/// The `aria-sort` of the field table's header `column`, if any.
fn aria_sort(dom: &str, column: &str) -> Option<String> {
    let re = Regex::new(&format!(r#"<th [^>]*data-sort="{column}"[^>]*>"#)).unwrap();
    let th = re.find(dom).expect("a sortable header").as_str();
    let sort = Regex::new(r#"aria-sort="(\w+)""#).unwrap();
    sort.captures(th).map(|c| c[1].to_owned())
}

fn status(dom: &str) -> String {
    let re = Regex::new(r#"id="table-status"[^>]*>([^<]*)<"#).unwrap();
    unescape(&re.captures(dom).expect("the status line")[1])
}

#[test]
fn the_page_matches_the_report_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let json = dir.path().join("report.json");
    let page = dir.path().join("report.html");
    leakscan(&[
        "scan".as_ref(),
        dir.path().as_os_str(),
        "--quiet".as_ref(),
        "--report".as_ref(),
        json.as_os_str(),
        "--html".as_ref(),
        page.as_os_str(),
    ]);
    // The same page from the saved report.
    let again = dir.path().join("again.html");
    leakscan(&[
        "report".as_ref(),
        json.as_os_str(),
        "--html".as_ref(),
        again.as_os_str(),
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html, std::fs::read_to_string(&again).unwrap());

    let report: Report = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    // Every planted value was found (and so masked), not passed over.
    for (field, ty) in [
        ("email", PiiType::Email),
        ("mobile", PiiType::Phone),
        ("card_number", PiiType::CardNumber),
        ("aadhaar_no", PiiType::Aadhaar),
        ("pan", PiiType::PanIn),
        ("nric", PiiType::SgNric),
    ] {
        let found = report
            .fields
            .iter()
            .find(|f| f.path.ends_with("customers.csv") && f.field.as_deref() == Some(field))
            .and_then(|f| f.types.0.get(&ty))
            .map(|t| t.records);
        assert_eq!(found, Some(2), "{field}");
    }
    let ranked = severity::rank(&report);
    let top = &report.fields[ranked[0].index];
    assert_eq!(
        ranked[0].level,
        severity::Level::Critical,
        "planted cards and ids beside names and contact data: {top:?}"
    );
    for value in planted() {
        assert!(!html.contains(&value), "planted `{value}` in the page file");
    }
    for remote in ["http:", "https:", " src="] {
        assert!(!html.contains(remote), "{remote} in the page file");
    }

    let Some(exe) = browser() else { return };
    let (dom, took) = render(&exe, &page, "");
    eprintln!("html: rendered {} bytes in {took:.2?}", html.len());
    for value in planted() {
        assert!(
            !dom.contains(&value),
            "planted `{value}` in the rendered page"
        );
    }
    assert_eq!(dom.matches("<script").count(), 2, "no script added");

    // Headline.
    assert_eq!(number(&figure(&dom, "inputs")), report.scanned.inputs);
    assert_eq!(number(&figure(&dom, "records")), report.scanned.records);
    let bytes = Regex::new(r#"data-figure="bytes">[^<]*<small>([^<]*)</small>"#).unwrap();
    assert_eq!(
        number(&bytes.captures(&dom).unwrap()[1]),
        report.scanned.bytes
    );
    assert_eq!(number(&figure(&dom, "fields")), ranked.len() as u64);
    let findings: u64 = report.types.0.values().map(|t| t.count).sum();
    assert_eq!(number(&figure(&dom, "findings")), findings);
    let people = Regex::new(r#"<li data-type="(\w+)"><span class="n">([^<]*)</span>"#).unwrap();
    let shown: Vec<(String, u64)> = people
        .captures_iter(&dom)
        .map(|c| (c[1].to_owned(), number(&c[2])))
        .collect();
    assert_eq!(shown.len(), report.types.0.len(), "{shown:?}");
    for (name, distinct) in &shown {
        let ty = PiiType::from_name(name).unwrap();
        assert_eq!(*distinct, report.types.0[&ty].distinct_estimate, "{name}");
    }

    // The field table, most severe first: its top row is the report's top field.
    let table = rows(&dom);
    assert_eq!(table.len(), ranked.len().min(50));
    let first = &table[0];
    assert_eq!(first.rank, 1);
    assert_eq!(first.text("path"), top.path);
    assert_eq!(
        first.text("field"),
        top.field.as_deref().unwrap_or("(no field)")
    );
    assert_eq!(number(first.text("exposed")), ranked[0].exposed);
    assert_eq!(number(first.text("distinct")), ranked[0].distinct);
    let share: f64 = first.text("share").trim_end_matches(" %").parse().unwrap();
    let expect = 100.0 * ranked[0].exposed as f64 / top.records as f64;
    assert!((share - expect).abs() <= 0.5, "{first:?}: {expect}");
    assert!(
        first.text("severity").starts_with("Critical 10"),
        "{first:?}"
    );
    for (ty, _) in &ranked[0].type_scores {
        assert!(first.text("types").contains(ty.name()), "{first:?}");
    }
    let ranks: Vec<usize> = table.iter().map(|r| r.rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] + 1 == w[1]), "{ranks:?}");
    assert_eq!(aria_sort(&dom, "rank").as_deref(), Some("ascending"));
    assert_eq!(aria_sort(&dom, "exposed"), None);

    // Sorted by records exposed, ascending: the smallest exposure of the whole report first.
    let (sorted, _) = render(&exe, &page, "sort=exposed&dir=asc");
    let exposed: Vec<u64> = rows(&sorted)
        .iter()
        .map(|r| number(r.text("exposed")))
        .collect();
    assert!(exposed.windows(2).all(|w| w[0] <= w[1]), "{exposed:?}");
    assert_eq!(exposed[0], ranked.iter().map(|f| f.exposed).min().unwrap());
    assert_eq!(aria_sort(&sorted, "exposed").as_deref(), Some("ascending"));
    assert_eq!(aria_sort(&sorted, "rank"), None);
    let (sorted, _) = render(&exe, &page, "sort=distinct");
    let distinct: Vec<u64> = rows(&sorted)
        .iter()
        .map(|r| number(r.text("distinct")))
        .collect();
    assert!(distinct.windows(2).all(|w| w[0] >= w[1]), "{distinct:?}");
    assert_eq!(
        distinct[0],
        ranked.iter().map(|f| f.distinct).max().unwrap()
    );
    assert_eq!(
        aria_sort(&sorted, "distinct").as_deref(),
        Some("descending")
    );

    // Filtered to one type: exactly the fields holding it, in rank order.
    let (filtered, _) = render(&exe, &page, "type=aadhaar");
    let with_aadhaar = ranked
        .iter()
        .filter(|f| f.type_scores.iter().any(|(t, _)| *t == PiiType::Aadhaar))
        .count();
    let shown = rows(&filtered);
    assert_eq!(shown.len(), with_aadhaar.min(50));
    assert!(shown.iter().all(|r| r.text("types").contains("aadhaar")));
    assert!(shown.windows(2).all(|w| w[0].rank < w[1].rank));
    assert!(
        status(&filtered).contains(&format!("of {with_aadhaar} fields matching")),
        "{}",
        status(&filtered)
    );

    // A screenshot renders.
    let shot = dir.path().join("shot.png");
    chromium(
        &exe,
        &format!("file://{}", page.display()),
        &[
            "--window-size=1280,1600",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 50_000,
        "{}",
        png.len()
    );
}

/// A report of `n` fields in `n / 1000` inputs, with varied types and counts.
fn large_report(n: usize) -> String {
    const TYPES: [(&str, &str); 5] = [
        ("card_number", "XXXX XXXX XXXX 1111"),
        ("email", "a•••@example.com"),
        ("phone", "+91 ••••••3210"),
        ("aadhaar", "XXXX XXXX 9012"),
        ("ip_address", "10.•.•.•"),
    ];
    let hll = r#""hll":{"p":14,"registers":""}"#;
    let mut fields = Vec::with_capacity(n);
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let records = 100 + state % 100_000;
        let found = records * (1 + state % 97) / 100;
        let (ty, example) = TYPES[(state >> 20) as usize % TYPES.len()];
        fields.push(format!(
            r#"{{"path":"big/part-{:03}.csv","field":"col{}","records":{records},"types":{{"{ty}":{{"count":{found},"records":{found},"distinct_estimate":{},{hll},"examples":["{example}"]}}}}}}"#,
            i / 1000,
            i % 1000 + 1,
            found - found / 10,
        ));
    }
    let types: Vec<String> = TYPES
        .iter()
        .map(|(ty, _)| format!(r#""{ty}":{{"count":1,"distinct_estimate":1,{hll}}}"#))
        .collect();
    format!(
        r#"{{"schema":"leakscan.report/1","tool":{{"name":"leakscan","version":"0.1.0"}},"complete":true,
"scanned":{{"inputs":{},"bytes":123456789,"records":987654,"seconds":1.5}},"sketch_key":"00",
"inputs":[],"types":{{{}}},"fields":[{}],"skipped":[],"errors":[]}}"#,
        n / 1000,
        types.join(","),
        fields.join(",\n")
    )
}

#[test]
fn a_report_of_100000_fields_opens_in_seconds() {
    const FIELDS: usize = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("large.json");
    let page = dir.path().join("large.html");
    std::fs::write(&json, large_report(FIELDS)).unwrap();
    leakscan(&[
        "report".as_ref(),
        json.as_os_str(),
        "--html".as_ref(),
        page.as_os_str(),
    ]);
    let size = std::fs::metadata(&page).unwrap().len();
    let Some(exe) = browser() else { return };
    let ready = Regex::new(r#"data-ready-ms="(\d+)""#).unwrap();
    for fragment in ["", "sort=field", "page=3&size=100"] {
        let (dom, took) = render(&exe, &page, fragment);
        let ms: u64 = ready.captures(&dom).unwrap()[1].parse().unwrap();
        eprintln!(
            "html: {FIELDS} fields, {:.1} MB page, #{fragment}: ready {ms} ms after navigation, \
             browser run {took:.2?}",
            size as f64 / 1e6
        );
        assert!(ms < 5_000, "{ms} ms to render #{fragment}");
        let table = rows(&dom);
        let status = status(&dom);
        if fragment.starts_with("page") {
            assert_eq!(table.len(), 100);
            assert_eq!(table[0].rank, 201);
            assert!(dom.contains("Page 3 of 1,000"));
        } else {
            assert_eq!(table.len(), 50, "one page of rows in the DOM, not all");
        }
        assert!(status.contains("of 100,000 fields"), "{status}");
    }
}

#[test]
fn report_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let other = dir.path().join("verify.json");
    std::fs::write(
        &other,
        large_report(0).replace("leakscan.report/1", "leakscan.verify/1"),
    )
    .unwrap();
    let not_json = dir.path().join("findings.jsonl");
    std::fs::write(&not_json, "{\"path\":\"a\"}\n{\"path\":\"b\"}\n").unwrap();
    for (input, says) in [
        (dir.path().join("missing.json"), "opening"),
        (other, "leakscan.verify/1"),
        (not_json, "reading the report"),
    ] {
        let out = Command::new(bin())
            .args([
                "report".as_ref(),
                input.as_os_str(),
                "--html".as_ref(),
                page.as_os_str(),
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(
            !page.exists(),
            "no page from a report that could not be read"
        );
    }
    let out = Command::new(bin())
        .args(["report", "r.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--html is required");
}

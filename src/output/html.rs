//! The HTML exposure report (`--html`): one self-contained page made from a [`Report`], for the
//! people who act on a scan and do not read JSON.
//!
//! The page is the template `html/page.html` with its style (`html/page.css`), its script
//! (`html/page.js`) and the data inlined: nothing is fetched, and a Content-Security-Policy
//! forbids fetching anything. The data is a JSON blob in a `<script type="application/json">`
//! that the page's script renders with `textContent` only, so a hostile field name stays text.
//! The blob holds what the page shows and nothing else (no sketches): the figures of the
//! report, its masked examples (the report holds no raw value, so neither does the page), and
//! the severity of each field and the table that explains it, both from
//! [`severity`](crate::output::severity): the page never re-derives them.
//!
//! The script renders sections from the blob's keys: headline, charts, the field table
//! (sorted, filtered and paginated in the browser, its state in the URL fragment, e.g.
//! `#sort=exposed&dir=desc&q=card&type=aadhaar&min=high&page=2&size=100`), how severity is
//! computed, and the inputs. A `verify` report would add a `verify` key and a section
//! renderer for it beside the others.

use crate::output::mask::Masked;
use crate::output::report::{ErrorEntry, InputEntry, Report, Scanned, SkippedEntry, Tool};
use crate::output::severity::{self, Level, BESIDE_BONUS};
use crate::types::PiiType;
use serde::Serialize;
use std::collections::HashMap;
use std::io;
use std::path::Path;

const TEMPLATE: &str = include_str!("html/page.html");
const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// Renders the page of `report`.
///
/// ```
/// use leakscan::output::{html, report};
/// let report: report::Report = serde_json::from_str(r#"{
///   "schema": "leakscan.report/1", "tool": {"name": "leakscan", "version": "0.1.0"},
///   "complete": true, "scanned": {"inputs": 0, "bytes": 0, "records": 0, "seconds": 0.0},
///   "sketch_key": "", "inputs": [], "types": {}, "fields": [], "skipped": [], "errors": []
/// }"#).unwrap();
/// let page = html::render(&report);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"<script type="application/json" id="leakscan-data">"#));
/// ```
pub fn render(report: &Report) -> String {
    let data = script_safe_json(&page_data(report));
    let mut page = String::with_capacity(TEMPLATE.len() + STYLE.len() + SCRIPT.len() + data.len());
    let mut rest = TEMPLATE;
    for (marker, text) in [
        ("{{style}}", STYLE),
        ("{{data}}", data.as_str()),
        ("{{script}}", SCRIPT),
    ] {
        let (before, after) = rest
            .split_once(marker)
            .expect("the template holds each marker once, in this order");
        page.push_str(before);
        page.push_str(text);
        rest = after;
    }
    page.push_str(rest);
    page
}

/// Writes the page of `report` to `path`, atomically (as the JSON report is written).
pub fn write_atomic(report: &Report, path: &Path) -> io::Result<()> {
    let page = render(report);
    crate::output::report::write_file_atomic(path, |out| out.write_all(page.as_bytes()))
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` (which JSON allows only
/// inside strings) written as `\u` escapes, so no `</script>` or `<!--` can end it early.
fn script_safe_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("page data serialises (string keys only)");
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(c),
        }
    }
    out
}

/// The blob the page renders. Keys are read by `page.js`; field rows are arrays to keep a
/// report of 100,000 fields small (see [`FieldRow`]).
#[derive(Serialize)]
struct PageData<'a> {
    /// `scan` (a verify report would be `verify`, with its own section).
    kind: &'static str,
    schema: &'a str,
    tool: &'a Tool,
    complete: bool,
    scanned: &'a Scanned,
    /// Fields in the report, with findings or not.
    fields_total: usize,
    /// Findings of every type.
    findings: u64,
    severity: SeverityDoc,
    /// Every type, indexed as [`PiiType::index`].
    types: Vec<TypeDoc>,
    /// Input paths of the field rows, each once.
    paths: Vec<&'a str>,
    /// Fields holding findings, most severe first.
    fields: Vec<FieldRow<'a>>,
    inputs: &'a [InputEntry],
    skipped: &'a [SkippedEntry],
    errors: &'a [ErrorEntry],
}

/// The rule of [`severity`], as the page explains it.
#[derive(Serialize)]
struct SeverityDoc {
    bonus: u8,
    /// Levels, lowest first.
    levels: Vec<LevelDoc>,
}

#[derive(Serialize)]
struct LevelDoc {
    name: &'static str,
    min_score: u8,
}

/// One type: how it weighs, and what the report found of it.
#[derive(Serialize)]
struct TypeDoc {
    name: &'static str,
    /// Plural, for prose: "e-mail addresses".
    label: &'static str,
    base: u8,
    holder: bool,
    raised: bool,
    why: &'static str,
    found: Option<TypeFound>,
}

#[derive(Serialize)]
struct TypeFound {
    count: u64,
    distinct: u64,
    /// Records holding the type, summed over fields.
    records: u64,
    /// Fields holding the type.
    fields: u64,
    /// The highest level the type reaches in a field (beside a name or not).
    level: u8,
}

/// A field: `[path index, field, records, score, level, score raised by a name or contact
/// beside it, records exposed, distinct, [type cells]]`.
#[derive(Serialize)]
struct FieldRow<'a>(
    u32,
    Option<&'a str>,
    u64,
    u8,
    u8,
    bool,
    u64,
    u64,
    Vec<TypeCell<'a>>,
);

/// A type in a field: `[type index, records, distinct, score, level, first masked example]`,
/// most severe first.
#[derive(Serialize)]
struct TypeCell<'a>(u8, u64, u64, u8, u8, Option<&'a Masked>);

fn page_data(report: &Report) -> PageData<'_> {
    let ranked = severity::rank(report);
    let mut path_index: HashMap<&str, u32> = HashMap::new();
    let mut paths = Vec::new();
    let mut found: Vec<Option<TypeFound>> = PiiType::ALL.iter().map(|_| None).collect();
    for (ty, total) in &report.types.0 {
        found[ty.index()] = Some(TypeFound {
            count: total.count,
            distinct: total.distinct_estimate,
            records: 0,
            fields: 0,
            level: 0,
        });
    }
    let mut fields = Vec::with_capacity(ranked.len());
    for sev in &ranked {
        let entry = &report.fields[sev.index];
        let path = *path_index.entry(entry.path.as_str()).or_insert_with(|| {
            paths.push(entry.path.as_str());
            (paths.len() - 1) as u32
        });
        let mut cells: Vec<TypeCell> = sev
            .type_scores
            .iter()
            .map(|&(ty, score)| {
                let stats = &entry.types.0[&ty];
                let level = Level::of(score) as u8;
                if let Some(f) = found[ty.index()].as_mut() {
                    f.records = f.records.saturating_add(stats.records);
                    f.fields += 1;
                    f.level = f.level.max(level);
                }
                TypeCell(
                    ty.index() as u8,
                    stats.records,
                    stats.distinct_estimate,
                    score,
                    level,
                    stats.examples.first(),
                )
            })
            .collect();
        cells.sort_by_key(|cell| std::cmp::Reverse(cell.3));
        fields.push(FieldRow(
            path,
            entry.field.as_deref(),
            entry.records,
            sev.score,
            sev.level as u8,
            sev.raised,
            sev.exposed,
            sev.distinct,
            cells,
        ));
    }
    let types = PiiType::ALL
        .into_iter()
        .zip(found)
        .map(|(ty, found)| {
            let w = severity::weight(ty);
            TypeDoc {
                name: ty.name(),
                label: label(ty),
                base: w.base,
                holder: w.names_holder,
                raised: w.raised_beside,
                why: w.why,
                found,
            }
        })
        .collect();
    PageData {
        kind: "scan",
        schema: &report.schema,
        tool: &report.tool,
        complete: report.complete,
        scanned: &report.scanned,
        fields_total: report.fields.len(),
        findings: report.types.0.values().map(|t| t.count).sum(),
        severity: SeverityDoc {
            bonus: BESIDE_BONUS,
            levels: Level::ALL
                .into_iter()
                .map(|l| LevelDoc {
                    name: l.name(),
                    min_score: l.min_score(),
                })
                .collect(),
        },
        types,
        paths,
        fields,
        inputs: &report.inputs,
        skipped: &report.skipped,
        errors: &report.errors,
    }
}

/// The plural a headline uses for a type: "562 phone numbers".
fn label(ty: PiiType) -> &'static str {
    match ty {
        PiiType::PersonName => "names",
        PiiType::Email => "e-mail addresses",
        PiiType::Phone => "phone numbers",
        PiiType::CardNumber => "full card numbers",
        PiiType::CardPartial => "masked card numbers",
        PiiType::Aadhaar => "Aadhaar numbers",
        PiiType::Passport => "passport numbers",
        PiiType::PanIn => "PANs (India)",
        PiiType::SgNric => "NRIC/FINs",
        PiiType::UsSsn => "US SSNs",
        PiiType::PasswordHash => "password hashes",
        PiiType::PasswordPlain => "clear-text passwords",
        PiiType::PostalAddress => "postal addresses",
        PiiType::DateOfBirth => "dates of birth",
        PiiType::IpAddress => "IP addresses",
        PiiType::UpiId => "UPI IDs",
        PiiType::GeoLocation => "locations",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::{build, tests::summary};
    use serde_json::Value;

    /// The data blob of a rendered page, parsed.
    fn blob(page: &str) -> Value {
        let start = page.find(r#"id="leakscan-data">"#).unwrap() + 19;
        let end = start + page[start..].find("</script>").unwrap();
        serde_json::from_str(&page[start..end]).unwrap()
    }

    #[test]
    fn the_page_is_self_contained() {
        let page = render(&build(&summary()));
        assert!(page.contains("Content-Security-Policy"));
        assert!(page.contains("default-src 'none'"));
        for marker in ["{{style}}", "{{data}}", "{{script}}"] {
            assert!(!page.contains(marker), "{marker}");
        }
        for remote in ["http:", "https:", "//cdn", " src=", "@import", "url("] {
            assert!(!page.contains(remote), "{remote} in the page");
        }
        assert_eq!(page.matches("<script").count(), 2);
    }

    #[test]
    fn the_blob_holds_ranked_fields_and_no_sketch() {
        let report = build(&summary());
        let page = render(&report);
        let data = blob(&page);
        assert_eq!(data["kind"], "scan");
        assert_eq!(data["fields_total"], 3);
        assert_eq!(data["findings"], 7);
        assert_eq!(
            data["paths"],
            serde_json::json!(["dump/users.csv.gz", "dump/notes.txt"])
        );
        let first = &data["fields"][0];
        // [path, field, records, score, level, raised, exposed, distinct, cells]
        assert_eq!(first[1], "mobile");
        assert_eq!(
            (&first[3], &first[4], &first[6]),
            (&3.into(), &1.into(), &3.into())
        );
        assert_eq!(first[8][0][5], "+91 ••••••3210");
        assert_eq!(data["fields"][2][1], Value::Null);
        assert_eq!(data["types"].as_array().unwrap().len(), PiiType::COUNT);
        assert_eq!(data["types"][PiiType::Email.index()]["found"]["fields"], 2);
        assert_eq!(data["types"][PiiType::Email.index()]["found"]["records"], 3);
        assert_eq!(
            data["types"][PiiType::Aadhaar.index()]["found"],
            Value::Null
        );
        assert_eq!(data["severity"]["levels"][3]["min_score"], 9);
        assert!(!page.contains("registers"), "no sketch in the page");
    }

    #[test]
    fn cells_are_most_severe_first() {
        let mut report = build(&summary());
        let email = report.fields[1].types.0[&PiiType::Email].clone();
        report.fields[1].types.0.insert(PiiType::PanIn, email);
        let data = blob(&render(&report));
        let contact = &data["fields"][0];
        assert_eq!(contact[1], "contact");
        let cells: Vec<u64> = contact[8]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[0].as_u64().unwrap())
            .collect();
        let expect = [PiiType::PanIn, PiiType::Email, PiiType::PersonName];
        assert_eq!(cells, expect.map(|t| t.index() as u64));
    }

    #[test]
    fn hostile_names_cannot_end_the_script() {
        let mut report = build(&summary());
        report.fields[0].field = Some("</script><script>alert(1)</script><!--&".into());
        report.fields[0].path = "a</SCRIPT>b".into();
        let page = render(&report);
        assert_eq!(page.matches("<script").count(), 2);
        assert_eq!(page.to_ascii_lowercase().matches("</script>").count(), 2);
        let data = blob(&page);
        let names: Vec<&str> = data["fields"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f[1].as_str())
            .collect();
        assert!(names.contains(&"</script><script>alert(1)</script><!--&"));
        assert_eq!(data["paths"][0], "a</SCRIPT>b");
    }

    #[test]
    fn rendering_is_deterministic_and_written_atomically() {
        let report = build(&summary());
        assert_eq!(render(&report), render(&report));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&report, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), render(&report));
        assert!(write_atomic(&report, &dir.path().join("no/such/dir/r.html")).is_err());
    }
}

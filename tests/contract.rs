//! The outputs parsed with this test's own types (as a user's script would) and checked
//! against CONTRACT.md's invariants.

use crate::common::synth;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::process::Command;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Finding {
    path: String,
    offset: u64,
    length: u64,
    #[serde(rename = "type")]
    ty: String,
    field: Option<String>,
    record: Option<u64>,
    /// Present only where the format has record ids (Elasticsearch).
    #[serde(default)]
    record_id: Option<String>,
    masked: String,
    basis: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Report {
    schema: String,
    tool: Tool,
    complete: bool,
    scanned: Scanned,
    inputs: Vec<Input>,
    types: BTreeMap<String, TypeTotal>,
    fields: Vec<Field>,
    skipped: Vec<Skipped>,
    errors: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Tool {
    name: String,
    version: String,
}

#[derive(Debug, Deserialize)]
struct Scanned {
    inputs: u64,
    bytes: u64,
    records: u64,
    seconds: f64,
}

#[derive(Debug, Deserialize)]
struct Input {
    path: String,
    format: String,
    encoding: String,
    region: String,
    bytes_on_disk: u64,
    bytes_decoded: u64,
    bytes_scanned: u64,
    bytes_skipped: u64,
    records: u64,
    status: String,
}

#[derive(Debug, Deserialize)]
struct TypeTotal {
    count: u64,
    distinct_estimate: u64,
}

#[derive(Debug, Deserialize)]
struct Field {
    path: String,
    field: Option<String>,
    records: u64,
    types: BTreeMap<String, FieldType>,
}

#[derive(Debug, Deserialize)]
struct FieldType {
    count: u64,
    records: u64,
    distinct_estimate: u64,
    examples: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Skipped {
    path: String,
    reason: String,
    bytes: u64,
}

const BASIS: [&str; 9] = [
    "checksum",
    "luhn",
    "verhoeff",
    "nric",
    "number_plan",
    "field",
    "keyword",
    "dictionary",
    "shape",
];

#[test]
fn report_and_findings_follow_the_contract() {
    let corpus = tempfile::tempdir().unwrap();
    synth(corpus.path(), 400_000, 3);
    std::fs::write(corpus.path().join("zz.gif"), b"GIF89a\x01\x00\x01\x00").unwrap();
    let out = tempfile::tempdir().unwrap();
    let report_path = out.path().join("report.json");
    let findings_path = out.path().join("findings.jsonl");
    let status = Command::new(crate::common::bin())
        .arg("scan")
        .arg(corpus.path())
        .arg("--report")
        .arg(&report_path)
        .arg("--findings")
        .arg(&findings_path)
        .status()
        .unwrap();
    assert!(status.success());
    let report: Report =
        serde_json::from_str(&std::fs::read_to_string(&report_path).unwrap()).unwrap();
    assert_eq!(report.schema, "leakscan.report/1");
    assert_eq!(report.tool.name, "leakscan");
    assert_eq!(report.tool.version, env!("CARGO_PKG_VERSION"));
    assert!(report.complete && report.errors.is_empty() && report.scanned.seconds >= 0.0);
    assert_eq!(report.scanned.inputs as usize, report.inputs.len());
    let mut bytes = 0;
    let mut records = 0;
    for input in &report.inputs {
        assert_eq!(
            input.bytes_scanned + input.bytes_skipped,
            input.bytes_decoded,
            "{input:?}"
        );
        assert_eq!(
            input.bytes_on_disk, input.bytes_decoded,
            "plain files: {input:?}"
        );
        assert_eq!(
            (
                input.status.as_str(),
                input.encoding.as_str(),
                input.region.as_str()
            ),
            ("ok", "utf-8", "IN")
        );
        assert!(
            [
                "csv",
                "tsv",
                "jsonl",
                "json",
                "text",
                "sql",
                "bson",
                "es-bulk",
                "elasticdump"
            ]
            .contains(&input.format.as_str()),
            "{input:?}"
        );
        bytes += input.bytes_scanned;
        records += input.records;
    }
    assert_eq!(
        (report.scanned.bytes, report.scanned.records),
        (bytes, records)
    );
    let listed = report.inputs.len() + report.skipped.len();
    let on_disk = std::fs::read_dir(corpus.path()).unwrap().count();
    assert_eq!(listed, on_disk, "every input appears once");
    assert_eq!(report.skipped[0].reason, "unsupported:image");
    assert!(report.skipped[0].path.ends_with("zz.gif") && report.skipped[0].bytes == 10);

    let findings: Vec<Finding> = std::fs::read_to_string(&findings_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Order: inputs in walk order, then by offset.
    let order: Vec<&str> = report.inputs.iter().map(|i| i.path.as_str()).collect();
    let key = |f: &Finding| (order.iter().position(|p| *p == f.path).unwrap(), f.offset);
    assert!(
        findings.windows(2).all(|w| key(&w[0]) < key(&w[1])),
        "findings ordered by input then offset"
    );
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.ty.clone()).or_default() += 1;
        assert!(f.length > 0 && f.record.unwrap_or(1) > 0 && !f.masked.is_empty());
        assert!(f.basis.iter().all(|b| BASIS.contains(&b.as_str())), "{f:?}");
        assert!(f.field.as_deref() != Some(""));
        assert!(
            f.record_id.is_none(),
            "no record ids in CSV, JSON or text: {f:?}"
        );
    }
    for (ty, total) in &report.types {
        assert_eq!(Some(&total.count), counts.get(ty), "{ty}");
        assert!(total.distinct_estimate <= total.count.max(1) * 102 / 100 + 1);
    }
    for field in &report.fields {
        assert!(order.contains(&field.path.as_str()));
        assert!(field.field.as_deref() != Some(""), "{field:?}");
        for (ty, t) in &field.types {
            assert!(
                t.records <= field.records && t.records <= t.count,
                "{ty} in {field:?}"
            );
            assert!(t.examples.len() <= 3 && !t.examples.is_empty());
            assert!(t.distinct_estimate >= 1);
        }
    }
}

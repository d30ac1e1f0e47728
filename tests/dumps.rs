//! Database exports: a mongodump folder (BSON), an Elasticsearch `_bulk` body and
//! `elasticdump` output, generated with ground truth; scored, and read the same way plain,
//! compressed, archived, from standard input, in any chunk size; corrupt BSON stops its
//! input with an error at the bad document's offset.

use crate::common::BUILT as SCORED;
use crate::common::{bin, read_spans, scan_tuned, Score, Span};
use leakscan::scan::ScanOptions;
use leakscan::synth::{generate, Density, FileKind, SynthConfig};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Generates the database export kinds (about `bytes` in all) into `dir`.
fn corpus(dir: &Path, bytes: u64) {
    generate(&SynthConfig {
        out_dir: dir.to_path_buf(),
        total_bytes: bytes,
        seed: 5,
        density: Density::Dense,
        kinds: FileKind::DUMPS.to_vec(),
    })
    .expect("synth writes");
}

/// Scans `path` with `tune` applied; returns the findings as parsed JSON and the report.
fn scan_with(path: &Path, out: &Path, tune: impl FnOnce(&mut ScanOptions)) -> (Vec<Value>, Value) {
    let (text, mut report) = scan_tuned(path, out, b"dumps test", tune);
    report["scanned"]["seconds"] = Value::Null;
    let found = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (found, report)
}

/// The findings of one input (its path ending in `suffix`) as (offset, type, field,
/// record, record_id), the way every read path must agree on them.
fn keyed(found: &[Value], suffix: &str) -> Vec<(u64, String, String, u64, Option<String>)> {
    found
        .iter()
        .filter(|f| f["path"].as_str().unwrap().ends_with(suffix))
        .map(|f| {
            (
                f["offset"].as_u64().unwrap(),
                f["type"].as_str().unwrap().to_string(),
                f["field"].as_str().unwrap_or_default().to_string(),
                f["record"].as_u64().unwrap(),
                f["record_id"].as_str().map(String::from),
            )
        })
        .collect()
}

#[test]
fn dumps_are_scored_against_truth_with_key_paths_and_record_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = (tmp.path().join("corpus"), tmp.path().join("out"));
    std::fs::create_dir_all(&out).unwrap();
    corpus(&dir, 900_000);
    let (found, report) = scan_with(&dir, &out, |_| {});

    // Formats and the skipped metadata file.
    let formats: Vec<(String, String)> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let path = i["path"].as_str().unwrap();
            let name = path.strip_prefix(&format!("{}/", dir.display())).unwrap();
            (name.to_string(), i["format"].as_str().unwrap().to_string())
        })
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        formats,
        [
            pair("db/users.bson", "bson"),
            pair("es_bulk.ndjson", "es-bulk"),
            pair("es_dump.json", "elasticdump"),
            pair("truth.jsonl", "jsonl"),
        ]
    );
    let metadata = dir.join("db/users.metadata.json");
    assert_eq!(report["skipped"][0]["reason"], "mongodump-metadata");
    assert_eq!(
        report["skipped"][0]["bytes"],
        std::fs::metadata(&metadata).unwrap().len()
    );
    assert!(report["inputs"][0]["records"].as_u64().unwrap() > 500);

    // Precision and recall, as tests/accuracy.rs scores the CSV and JSON corpus.
    let prefix = format!("{}/", dir.display());
    let truth = read_spans(&dir.join("truth.jsonl"));
    let findings: Vec<Span> = found
        .iter()
        .map(|f| serde_json::from_value::<Span>(f.clone()).unwrap())
        .map(|mut f| {
            f.path = f.path.trim_start_matches(&prefix).to_string();
            f
        })
        .filter(|f| f.path != "truth.jsonl")
        .collect();
    let score = Score::new(&truth, &findings);
    let table = score.table(SCORED.iter().map(|t| t.name()));
    println!("{table}");
    for ty in SCORED {
        let (_, in_truth, _) = score.by_type.get(ty.name()).copied().unwrap_or_default();
        let (precision, recall) = score.precision_recall(ty.name());
        if in_truth >= 20 {
            assert!(
                precision >= 0.98 && recall >= 0.98,
                "{}\n{table}",
                ty.name()
            );
        }
    }
    assert!(
        score.field_errors.len() * 100 <= truth.len(),
        "field or record differs on {} matches, e.g. {:?}",
        score.field_errors.len(),
        score.field_errors.iter().take(5).collect::<Vec<_>>()
    );

    // Key paths: BSON arrays and subdocuments, Elasticsearch fields without `_source.`.
    let fields = |suffix: &str| -> std::collections::BTreeSet<String> {
        keyed(&found, suffix).into_iter().map(|k| k.2).collect()
    };
    let bson_fields = fields("users.bson");
    for want in ["cards[].number", "email", "mobile"] {
        assert!(bson_fields.contains(want), "{want} in {bson_fields:?}");
    }
    for suffix in ["es_bulk.ndjson", "es_dump.json"] {
        let es_fields = fields(suffix);
        assert!(es_fields.contains("user.email"), "{es_fields:?}");
        assert!(es_fields.contains("_id"), "{es_fields:?}");
        assert!(!es_fields
            .iter()
            .any(|f| f.starts_with("_source") || f.starts_with("doc.")));
        // Every Elasticsearch finding carries its document's id; an e-mail id is masked.
        for (_, ty, field, _, id) in keyed(&found, suffix) {
            let id = id.unwrap_or_else(|| panic!("{suffix}: a {ty} in {field} without record_id"));
            if field == "_id" {
                assert!(!id.contains('@') || id.contains('•'), "{id} is masked");
            }
        }
    }
    assert!(keyed(&found, "users.bson").iter().all(|k| k.4.is_none()));
}

/// Packs `files` (name, bytes) as a `.tar.gz`.
fn tar_gz(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (name, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, &bytes[..]).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

#[test]
fn bson_reads_the_same_compressed_archived_from_stdin_and_in_any_chunks() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = (tmp.path().join("corpus"), tmp.path().join("out"));
    std::fs::create_dir_all(&out).unwrap();
    corpus(&dir, 400_000);
    let bson = std::fs::read(dir.join("db/users.bson")).unwrap();
    let metadata = std::fs::read(dir.join("db/users.metadata.json")).unwrap();
    let (plain, plain_report) = scan_with(&dir.join("db/users.bson"), &out, |_| {});
    let want = keyed(&plain, "users.bson");
    assert!(want.len() > 200, "{} findings", want.len());

    // Compressed, and the folder in a .tar.gz (its metadata file skipped there too).
    let packed = tmp.path().join("packed");
    std::fs::create_dir(&packed).unwrap();
    std::fs::write(packed.join("users.bson.gz"), gzip(&bson)).unwrap();
    let folder = [
        ("db/users.bson", bson.clone()),
        ("db/users.metadata.json", metadata.clone()),
    ];
    std::fs::write(packed.join("dump.tar.gz"), tar_gz(&folder)).unwrap();
    // Sniffed by content alone, without the extension.
    std::fs::write(packed.join("users.collection"), &bson).unwrap();
    let (found, report) = scan_with(&packed, &out, |_| {});
    for suffix in [
        "dump.tar.gz!db/users.bson",
        "users.bson.gz",
        "users.collection",
    ] {
        assert_eq!(keyed(&found, suffix), want, "{suffix}");
    }
    let skipped = &report["skipped"][0];
    assert!(skipped["path"]
        .as_str()
        .unwrap()
        .ends_with("dump.tar.gz!db/users.metadata.json"));
    assert_eq!(skipped["reason"], "mongodump-metadata");
    assert_eq!(skipped["bytes"], metadata.len() as u64);
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");

    // Standard input, sniffed.
    let mut child = Command::new(bin())
        .args(["scan", "-", "--findings", "-", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feed = std::thread::spawn(move || stdin.write_all(&bson));
    let output = child.wait_with_output().unwrap();
    feed.join().unwrap().unwrap();
    assert!(output.status.success());
    let piped: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(keyed(&piped, "-"), want);

    // Chunk sizes, threads and read path.
    for (chunk, threads, mmap) in [
        (1, 2, true),
        (7, 1, false),
        (4096, 2, true),
        (333, 2, false),
    ] {
        let (found, report) = scan_with(&dir.join("db/users.bson"), &out, |o| {
            (o.chunk_size, o.threads, o.mmap) = (chunk, threads, mmap);
        });
        assert_eq!(
            found, plain,
            "chunk {chunk}, {threads} threads, mmap {mmap}"
        );
        assert_eq!(
            report, plain_report,
            "chunk {chunk}, {threads} threads, mmap {mmap}"
        );
    }
}

#[test]
fn elasticsearch_reads_the_same_in_any_chunks() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = (tmp.path().join("corpus"), tmp.path().join("out"));
    std::fs::create_dir_all(&out).unwrap();
    corpus(&dir, 300_000);
    for name in ["es_bulk.ndjson", "es_dump.json"] {
        let path = dir.join(name);
        let (plain, plain_report) = scan_with(&path, &out, |_| {});
        assert!(plain.len() > 100, "{name}: {} findings", plain.len());
        for (chunk, threads, mmap) in [(1, 2, true), (97, 1, false), (4096, 2, false)] {
            let (found, report) = scan_with(&path, &out, |o| {
                (o.chunk_size, o.threads, o.mmap) = (chunk, threads, mmap);
            });
            assert_eq!(found, plain, "{name}: chunk {chunk}, {threads} threads");
            assert_eq!(
                report, plain_report,
                "{name}: chunk {chunk}, {threads} threads"
            );
        }
        // Sniffed from content under any name, also from a pipe.
        let renamed = out.join("export.data");
        std::fs::copy(&path, &renamed).unwrap();
        let (found, _) = scan_with(&renamed, &out, |o| o.mmap = false);
        assert_eq!(keyed(&found, "export.data"), keyed(&plain, name), "{name}");
    }
}

/// A BSON document `{"email": <email>, "n": {"mobile": <mobile>}}`.
fn document(email: &str, mobile: &str) -> Vec<u8> {
    let string = |key: &str, value: &str| {
        let mut e = vec![0x02];
        e.extend_from_slice(key.as_bytes());
        e.push(0);
        e.extend_from_slice(&(value.len() as i32 + 1).to_le_bytes());
        e.extend_from_slice(value.as_bytes());
        e.push(0);
        e
    };
    let wrap = |elements: Vec<u8>| {
        let mut d = ((elements.len() + 5) as i32).to_le_bytes().to_vec();
        d.extend(elements);
        d.push(0);
        d
    };
    let mut inner = vec![0x03];
    inner.extend_from_slice(b"n\0");
    inner.extend(wrap(string("mobile", mobile)));
    let mut elements = string("email", email);
    elements.extend(inner);
    wrap(elements)
}

#[test]
fn corrupt_bson_stops_its_input_at_the_bad_document() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let good: Vec<Vec<u8>> = (0..3)
        .map(|i| document(&format!("user{i}@example.com"), "+91 98765 43210"))
        .collect();
    let second = good[0].len() as u64;
    let cases: Vec<(&str, Vec<u8>, u64)> = vec![
        // The last document cut short.
        (
            "truncated",
            {
                let mut d = good.concat();
                d.truncate(d.len() - 7);
                d
            },
            second * 2,
        ),
        // The second document's length says 9 bytes more than it holds.
        (
            "lying",
            {
                let mut d = good.concat();
                let len = good[1].len() as i32 + 9;
                d[second as usize..second as usize + 4].copy_from_slice(&len.to_le_bytes());
                d
            },
            second,
        ),
        // A length shorter than any document.
        (
            "tiny",
            {
                let mut d = good.concat();
                d[second as usize..second as usize + 4].copy_from_slice(&3i32.to_le_bytes());
                d
            },
            second,
        ),
        // An element type that does not exist, inside the second document.
        (
            "type",
            {
                let mut d = good.concat();
                d[second as usize + 4] = 0x42;
                d
            },
            second,
        ),
        // A subdocument's length running past its parent.
        (
            "nested",
            {
                let mut d = good.concat();
                // After the length prefix, the `email` element and the `n` subdocument's type
                // byte and key.
                let email = 1 + 6 + 4 + "user1@example.com".len() + 1;
                let sub = second as usize + 4 + email + 3;
                d[sub..sub + 4].copy_from_slice(&200i32.to_le_bytes());
                d
            },
            second,
        ),
    ];
    for (name, bytes, bad_at) in cases {
        let path = tmp.path().join(format!("{name}.bson"));
        std::fs::write(&path, &bytes).unwrap();
        std::fs::write(tmp.path().join(format!("{name}.bson.gz")), gzip(&bytes)).unwrap();
        for (file, mmap) in [
            (format!("{name}.bson"), true),
            (format!("{name}.bson"), false),
            (format!("{name}.bson.gz"), true),
        ] {
            let (found, report) = scan_with(&tmp.path().join(&file), &out, |o| {
                (o.mmap, o.chunk_size) = (mmap, 16);
            });
            let error = &report["errors"][0];
            assert_eq!(error["offset"], bad_at, "{file} mmap {mmap}: {report}");
            assert!(
                error["error"].as_str().unwrap().starts_with("bson: "),
                "{error}"
            );
            let input = &report["inputs"][0];
            assert_eq!(input["status"], "partial", "{file}");
            assert_eq!(input["records"], bad_at / second, "{file}");
            assert_eq!(
                input["bytes_scanned"].as_u64().unwrap() + input["bytes_skipped"].as_u64().unwrap(),
                input["bytes_decoded"].as_u64().unwrap(),
                "{file}"
            );
            assert_eq!(input["bytes_decoded"], bytes.len() as u64, "{file}");
            // Findings before the bad document are kept, none after it.
            assert!(
                found.len() as u64 >= bad_at / second * 2,
                "{file}: {found:?}"
            );
            assert!(found.iter().all(|f| f["offset"].as_u64().unwrap() < bad_at));
        }
    }
}

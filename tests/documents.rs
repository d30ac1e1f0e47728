//! Documents and photos (issue 11): a bucket-shaped folder of PDF orders and labels, a
//! spreadsheet of customers, photos with EXIF GPS and artist tags, a scan, a screenshot and a
//! customer's e-mail, generated here with the truth of what each holds. Every planted value is
//! found with its field and record, at an offset in the extracted text; findings are the same
//! whatever the thread count or read path; the report says which inputs are extracted text
//! and counts images by kind; a broken document is an error and the scan goes on; nothing
//! raw leaves without `--reveal`.

use crate::common::bin;
use leakscan::input::document::{self, Kind};
use leakscan::merge::{merge, Named};
use leakscan::output::report::Report;
use leakscan::synth::card::write_id_cards;
use leakscan::synth::documents::{write_bucket, write_live_database_copy, Planted};
use serde::Deserialize;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::process::Command;

/// A finding with the keys compared here.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    path: String,
    offset: u64,
    length: u64,
    #[serde(rename = "type")]
    ty: String,
    field: Option<String>,
    record: Option<u64>,
    masked: String,
    value: Option<String>,
}

/// `found` with their paths left out, to compare findings of the same data in two places.
fn without_path(found: Vec<Found>) -> Vec<Found> {
    found
        .into_iter()
        .map(|f| Found {
            path: String::new(),
            ..f
        })
        .collect()
}

/// Scans `paths` with `args`; returns the findings (sorted as written) and the report.
fn scan(paths: &[&Path], args: &[&str]) -> (Vec<Found>, Report) {
    let out = tempfile::tempdir().unwrap();
    let findings = out.path().join("findings.jsonl");
    let report = out.path().join("report.json");
    let output = Command::new(bin())
        .arg("scan")
        .args(paths)
        .args(args)
        .arg("--findings")
        .arg(&findings)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("leakscan runs");
    assert!(
        output.status.success() || output.status.code() == Some(1),
        "scan failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found = std::fs::read_to_string(&findings)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a findings line"))
        .collect();
    let report = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    (found, report)
}

/// The planted values not found in `found` with their path (below `prefix`), type, field,
/// record and raw value (findings written with `--reveal`).
pub fn unfound<'t>(truth: &'t [Planted], found: &[Found], prefix: &str) -> Vec<&'t Planted> {
    truth
        .iter()
        .filter(|p| {
            !found.iter().any(|f| {
                f.path == format!("{prefix}{}", p.path)
                    && f.ty == p.ty
                    && f.field == p.field
                    && f.record == Some(p.record)
                    && f.value.as_deref() == Some(p.value.as_str())
            })
        })
        .collect()
}

fn bucket(dir: &Path) -> Vec<Planted> {
    let (truth, counts) = write_bucket(dir, 7, 3, 4096).unwrap();
    assert_eq!((counts.photos, counts.scans, counts.screenshots), (3, 1, 1));
    truth
}

#[test]
fn every_planted_value_is_found_in_its_field_and_record() {
    let dir = tempfile::tempdir().unwrap();
    let truth = bucket(dir.path());
    let prefix = format!("{}/", dir.path().display());
    let (found, report) = scan(&[dir.path()], &["--reveal", "--threads", "1"]);
    let missing = unfound(&truth, &found, &prefix);
    assert!(
        missing.is_empty(),
        "not found: {missing:#?}\nfindings: {found:#?}"
    );
    // Kinds planted: phones and e-mails in PDFs, form fields, the sheet and the e-mail,
    // positions in photos.
    for ty in ["phone", "email", "geo_location"] {
        assert!(truth.iter().any(|p| p.ty == ty), "{ty} planted");
    }
    assert!(truth
        .iter()
        .any(|p| p.field.as_deref() == Some("customer.phone")));

    // The report: documents are extracted text, images are counted by kind.
    for input in &report.inputs {
        assert_eq!(
            input.content.as_deref(),
            Some("extracted-text"),
            "{}",
            input.path
        );
        assert_eq!(
            input.bytes_scanned + input.bytes_skipped,
            input.bytes_decoded
        );
    }
    let formats: Vec<&str> = report.inputs.iter().map(|i| i.format.as_str()).collect();
    for format in ["pdf", "xlsx", "jpeg", "eml"] {
        assert!(formats.contains(&format), "{format} in {formats:?}");
    }
    assert_eq!(report.inputs.len(), 3 + 1 + 3 + 2 + 1);
    let images = report.images;
    assert_eq!(
        (
            images.photo,
            images.scan,
            images.screenshot,
            images.with_gps
        ),
        (3, 1, 1, 3)
    );
    // Photos' owners and serial numbers are fields detectors see.
    for field in [
        "exif.Artist",
        "exif.BodySerialNumber",
        "exif.DateTimeOriginal",
    ] {
        assert!(
            report
                .fields
                .iter()
                .any(|f| f.field.as_deref() == Some(field)),
            "{field}"
        );
    }
    assert!(report.skipped.is_empty() && report.errors.is_empty());
}

#[test]
fn offsets_are_offsets_in_the_extracted_text() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    let (found, _) = scan(&[dir.path()], &["--reveal"]);
    assert!(!found.is_empty());
    for f in &found {
        let data = std::fs::read(&f.path).unwrap();
        let kind = document::sniff(&f.path, &data).expect("a document");
        let doc = document::extract(kind, &data).unwrap().unwrap();
        let at = f.offset as usize..(f.offset + f.length) as usize;
        assert_eq!(
            Some(String::from_utf8_lossy(&doc.text()[at]).as_ref()),
            f.value.as_deref(),
            "{f:?}"
        );
    }
}

#[test]
fn findings_do_not_depend_on_threads_or_read_path() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("key");
    std::fs::write(&key, b"one sketch key for every run").unwrap();
    let key = key.to_str().unwrap();
    let (one, report_one) = scan(&[dir.path()], &["--threads", "1", "--sketch-key", key]);
    let (many, report_many) = scan(
        &[dir.path()],
        &["--threads", "4", "--chunk-size", "64", "--sketch-key", key],
    );
    let (streamed, _) = scan(&[dir.path()], &["--threads", "3", "--no-mmap"]);
    assert_eq!(one, many);
    assert_eq!(one, streamed);
    assert_eq!(report_one.fields, report_many.fields);
    assert_eq!(report_one.inputs, report_many.inputs);
}

#[test]
fn nothing_raw_leaves_without_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let truth = bucket(dir.path());
    let (found, report) = scan(&[dir.path()], &[]);
    let report_text = serde_json::to_string(&report).unwrap();
    let findings_text = format!("{found:?}");
    for p in &truth {
        assert!(!report_text.contains(&p.value), "{} in the report", p.ty);
        assert!(!findings_text.contains(&p.value), "{} in findings", p.ty);
    }
    // Positions are masked to about a kilometre: two decimals.
    let geo = found
        .iter()
        .find(|f| f.ty == "geo_location")
        .expect("a position");
    let parts: Vec<&str> = geo.masked.split(", ").collect();
    assert!(
        parts
            .iter()
            .all(|p| p.split('.').nth(1).is_some_and(|d| d.len() <= 2)),
        "{}",
        geo.masked
    );
}

#[test]
fn a_broken_document_is_an_error_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    std::fs::write(
        dir.path().join("orders/broken.pdf"),
        b"%PDF-1.7\nnot really a pdf",
    )
    .unwrap();
    let mut xlsx = std::fs::read(dir.path().join("customers/customers.xlsx")).unwrap();
    xlsx.truncate(xlsx.len() / 2);
    std::fs::write(dir.path().join("customers/cut.xlsx"), xlsx).unwrap();
    let (found, report) = scan(&[dir.path()], &[]);
    let errors: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.path.rsplit('/').next().unwrap(), e.error.as_str()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors
        .iter()
        .any(|(p, e)| *p == "broken.pdf" && e.starts_with("pdf: ")));
    assert!(errors.iter().any(|(p, _)| *p == "cut.xlsx"));
    // Their bytes were read and none scanned: each error holds them.
    for e in &report.errors {
        assert_eq!(
            e.bytes,
            std::fs::metadata(&e.path).unwrap().len(),
            "{}",
            e.path
        );
    }
    assert!(found.iter().any(|f| f.path.ends_with("customers.xlsx")));
    assert_eq!(report.inputs.len(), 10);
}

#[test]
fn image_counts_of_parts_add_up_when_merged() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("key");
    std::fs::write(&key, b"a sketch key for both parts").unwrap();
    let key_arg = key.to_str().unwrap();
    let part = |sub: &str| {
        let (_, report) = scan(&[&dir.path().join(sub)], &["--sketch-key", key_arg]);
        Named {
            name: sub.into(),
            report,
        }
    };
    let merged = merge(&[part("photos"), part("scans")]).unwrap();
    assert_eq!(
        (
            merged.images.photo,
            merged.images.scan,
            merged.images.screenshot
        ),
        (3, 1, 1)
    );
    assert_eq!(merged.inputs.len(), 5);
}

#[test]
fn sniffing_routes_documents_before_other_kinds() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    let xlsx = std::fs::read(dir.path().join("customers/customers.xlsx")).unwrap();
    assert_eq!(document::sniff("c.xlsx", &xlsx), Some(Kind::Office));
    let pdf = std::fs::read(dir.path().join("orders/order-1.pdf")).unwrap();
    assert_eq!(document::sniff("o.pdf", &pdf), Some(Kind::Pdf));
    // A plain zip of files stays an archive.
    assert_eq!(document::sniff("a.zip", b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00a.csv"), None);
}

#[test]
fn documents_inside_archives_are_read_as_documents() {
    let dir = tempfile::tempdir().unwrap();
    bucket(dir.path());
    let members = [
        "orders/order-2.pdf",
        "photos/IMG_0001.jpg",
        "mail/customer.eml",
    ];
    let out = tempfile::tempdir().unwrap();
    let archive = out.path().join("bucket.tar");
    let mut tar = tar::Builder::new(std::fs::File::create(&archive).unwrap());
    for member in members {
        tar.append_path_with_name(dir.path().join(member), member)
            .unwrap();
    }
    tar.finish().unwrap();
    drop(tar);
    let key = out.path().join("key");
    std::fs::write(&key, b"the same key").unwrap();
    let key = key.to_str().unwrap();
    let (packed, report) = scan(&[&archive], &["--reveal", "--sketch-key", key]);
    let direct: Vec<Found> = members
        .iter()
        .flat_map(|m| scan(&[&dir.path().join(m)], &["--reveal", "--sketch-key", key]).0)
        .collect();
    let strip = |found: Vec<Found>| -> Vec<Found> {
        found
            .into_iter()
            .map(|f| Found {
                path: f.path.rsplit(['!', '/']).next().unwrap().to_string(),
                ..f
            })
            .collect()
    };
    assert!(!direct.is_empty());
    assert_eq!(strip(packed), strip(direct));
    assert_eq!(report.images.with_gps, 1);
    assert!(report
        .inputs
        .iter()
        .all(|i| i.path.contains("bucket.tar!") && i.content.is_some()));
}

/// Scans `dir` with `args`, returning the exit code and standard error only.
fn scan_status(dir: &Path, args: &[&str], path_env: Option<&Path>) -> (Option<i32>, String) {
    let mut cmd = Command::new(bin());
    cmd.arg("scan").arg(dir).args(args).arg("--quiet");
    if let Some(path) = path_env {
        cmd.env("PATH", path);
    }
    let out = cmd.output().expect("leakscan runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ocr_reads_numbers_on_card_scans_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let truth = write_id_cards(dir.path(), 5, 2).unwrap();
    // Without tesseract, --ocr is a clear error, whatever is installed here.
    let empty = tempfile::tempdir().unwrap();
    let (code, stderr) = scan_status(dir.path(), &["--ocr"], Some(empty.path()));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("--ocr needs the `tesseract` command"),
        "{stderr}"
    );
    if !crate::common::tool_runs(
        "tesseract",
        "LEAKSCAN_REQUIRE_OCR",
        "apt-get install tesseract-ocr",
    ) {
        return;
    }
    let prefix = format!("{}/", dir.path().display());
    let ids = |found: &[Found]| -> Vec<(String, String)> {
        found
            .iter()
            .filter(|f| f.ty == "aadhaar" || f.ty == "pan_in")
            .map(|f| (f.path.clone(), f.ty.clone()))
            .collect()
    };

    // Off by default: the cards hold no metadata, nothing is found.
    let (found, report) = scan(&[dir.path()], &["--reveal"]);
    assert!(ids(&found).is_empty(), "{found:?}");
    assert_eq!(report.images.ocr, 0);

    // With --ocr every card's Aadhaar number and PAN is found in field `ocr` of its record,
    // whatever the thread count.
    let (found, report) = scan(&[dir.path()], &["--reveal", "--ocr", "--threads", "2"]);
    let missing = unfound(&truth, &found, &prefix);
    assert!(
        missing.is_empty(),
        "not read: {missing:#?}\nfound: {found:#?}"
    );
    assert_eq!(report.images.ocr, 2);
    assert!(report
        .inputs
        .iter()
        .all(|i| i.content.as_deref() == Some("extracted-text")));
    let (one, _) = scan(&[dir.path()], &["--reveal", "--ocr", "--threads", "1"]);
    assert_eq!(found, one);

    // --ocr-sample 1 reads the first card in walk order only.
    for threads in ["1", "2"] {
        let (found, report) = scan(
            &[dir.path()],
            &[
                "--reveal",
                "--ocr",
                "--ocr-sample",
                "1",
                "--threads",
                threads,
            ],
        );
        assert_eq!(report.images.ocr, 1);
        let first = format!("{prefix}card-1.png");
        let read = ids(&found);
        assert!(
            !read.is_empty() && read.iter().all(|(path, _)| *path == first),
            "{read:?}"
        );
    }
}

/// Synthetic customers of a SQLite `users` table: name, e-mail, phone (stored as an
/// integer), card number (as an integer, or as text with spaces).
const CUSTOMERS: [(&str, &str, i64, &str); 3] = [
    (
        "Asha Rao",
        "asha.rao@example.com",
        9876543210,
        "4111111111111111",
    ),
    (
        "Ravi Kumar",
        "ravi.kumar@example.org",
        9123456780,
        "5555 5555 5555 4444",
    ),
    (
        "Meera Iyer",
        "meera.iyer@example.net",
        8765432109,
        "4012888888881881",
    ),
];

/// Writes a SQLite database of [`CUSTOMERS`] at `path`, each with a binary avatar of
/// `avatar` bytes, and a row without a phone.
fn write_users_db(path: &Path, avatar: usize) {
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch(
        "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, email TEXT, \
         phone INTEGER, card, avatar BLOB)",
    )
    .unwrap();
    for (name, email, phone, card) in CUSTOMERS {
        // Integer affinity-free column: a card without spaces is stored as an integer.
        let card: rusqlite::types::Value = match card.parse::<i64>() {
            Ok(n) => n.into(),
            Err(_) => card.to_string().into(),
        };
        db.execute(
            "INSERT INTO users (name, email, phone, card, avatar) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![name, email, phone, card, vec![0u8; avatar]],
        )
        .unwrap();
    }
    db.execute("INSERT INTO users (name) VALUES ('No Phone')", [])
        .unwrap();
}

/// A copy of a live SQLite database in WAL mode, its newest row still in `app.db-wal`
/// beside it: read with the log (which is then skipped as `read_with:sqlite`), whether
/// mapped, read, or packed next to it in an archive (either order); a log alone is not
/// applied (`unsupported:sqlite_wal`).
#[test]
fn a_database_is_read_with_the_log_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    write_live_database_copy(
        dir.path(),
        &["asha.rao@example.com"],
        &["vikram.s@example.org"],
    )
    .unwrap();
    let emails = |found: &[Found]| -> Vec<(u64, String)> {
        found
            .iter()
            .map(|f| (f.record.unwrap(), f.value.clone().unwrap()))
            .collect()
    };
    let both = [
        (1, "asha.rao@example.com".to_string()),
        (2, "vikram.s@example.org".to_string()),
    ];
    for args in [&["--reveal"][..], &["--reveal", "--no-mmap"]] {
        let (found, report) = scan(&[dir.path()], args);
        assert_eq!(emails(&found), both, "{args:?}");
        let [skipped] = &report.skipped[..] else {
            panic!("{:?}", report.skipped)
        };
        assert!(skipped.path.ends_with("app.db-wal"));
        assert_eq!(skipped.reason, "read_with:sqlite");
    }

    let packed = tempfile::tempdir().unwrap();
    let pack = |members: &[&str]| {
        let archive = packed.path().join(format!("{}.tar", members.join("+")));
        let mut tar = tar::Builder::new(std::fs::File::create(&archive).unwrap());
        for name in members {
            let path = dir.path().join(name);
            tar.append_path_with_name(path, format!("data/{name}"))
                .unwrap();
        }
        tar.into_inner().unwrap();
        scan(&[&archive], &["--reveal"])
    };
    let reasons = |report: &Report| -> Vec<String> {
        report.skipped.iter().map(|s| s.reason.clone()).collect()
    };
    // In either order: `tar` packs a folder in the order of its directory.
    for members in [["app.db", "app.db-wal"], ["app.db-wal", "app.db"]] {
        let (found, report) = pack(&members);
        assert_eq!(emails(&found), both, "{members:?}");
        assert_eq!(reasons(&report), ["read_with:sqlite"], "{members:?}");
    }
    // A member between them parts them: the database is read as it stands.
    std::fs::write(dir.path().join("notes.txt"), "nothing here\n").unwrap();
    let (found, report) = pack(&["app.db", "notes.txt", "app.db-wal"]);
    assert_eq!(emails(&found), both[..1]);
    assert_eq!(reasons(&report), ["unsupported:sqlite_wal"]);
    let (found, report) = pack(&["app.db-wal"]);
    assert!(found.is_empty());
    assert_eq!(reasons(&report), ["unsupported:sqlite_wal"]);
}

/// A database too large to copy into memory (over 256 MiB, here padded with binary BLOBs
/// after its rows of text) is read in place, its rows extracted and scanned a part at a time
/// (parts of 16 MiB of text): the findings are those of the same rows in a small database
/// read whole, at the same offsets and records, mapped or read, and the BLOBs are counted
/// as skipped. Before, the whole file was skipped as `limit:document_bytes`.
#[test]
fn a_database_too_large_to_copy_is_read_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let database = |name: &str, padding_mib: u32| {
        let path = dir.path().join(name);
        let mut db = rusqlite::Connection::open(&path).unwrap();
        let rows = db.transaction().unwrap();
        rows.execute_batch("CREATE TABLE users (name TEXT, email TEXT, phone TEXT, note TEXT)")
            .unwrap();
        let mut insert = rows
            .prepare("INSERT INTO users VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        // About 45 MB of text: three parts at least.
        for i in 0..400_000u32 {
            let email = format!("user{i}@example.com");
            let phone = (i % 3 == 0).then(|| format!("+91 98765 {:05}", i % 100_000));
            let note = "Order 4532015112830366 reshipped; call back after 6 pm, ticket 2024-09-14";
            insert
                .execute(rusqlite::params!["Asha Rao", email, phone, note])
                .unwrap();
        }
        drop(insert);
        rows.execute_batch(&format!(
            "CREATE TABLE photos (data BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {padding_mib})
             INSERT INTO photos SELECT zeroblob(1048576) FROM n WHERE {padding_mib} > 0;"
        ))
        .unwrap();
        rows.commit().unwrap();
        path
    };
    let small = database("small.db", 0);
    let large = database("large.db", 260);
    assert!(std::fs::metadata(&large).unwrap().len() > document::MAX_DOCUMENT_BYTES);
    let (whole, whole_report) = scan(&[&small], &["--reveal", "-q"]);
    assert!(whole_report.inputs[0].bytes_scanned > 40_000_000);
    assert_eq!(
        whole.len(),
        400_000 + 133_334 + 400_000,
        "names, phones, e-mails"
    );
    // Compared whole, told by their number: a diff of 933,334 findings is no help.
    let same = |found: Vec<Found>| {
        let found = without_path(found);
        let first_diff = found
            .iter()
            .zip(&whole)
            .position(|(a, b)| a.offset != b.offset);
        (
            found.len(),
            first_diff,
            found == without_path(whole.clone()),
        )
    };
    for args in [&["--reveal", "-q"][..], &["--reveal", "-q", "--no-mmap"]] {
        let (found, report) = scan(&[&large], args);
        assert_eq!(same(found), (whole.len(), None, true), "{args:?}");
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        let [input] = &report.inputs[..] else {
            panic!("{:?}", report.inputs)
        };
        assert_eq!(input.format, "sqlite");
        assert_eq!(input.records, 400_000 + 260);
        assert_eq!(input.bytes_skipped, 260 << 20);
        assert_eq!(input.bytes_scanned, whole_report.inputs[0].bytes_scanned);
    }
    // Pages of the BLOBs overwritten: the rows read before the damage stand, the input is
    // partial and the error names the file.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&large)
        .unwrap();
    file.seek(SeekFrom::End(-(64 << 20))).unwrap();
    file.write_all(&[0xa5; 64 << 20]).unwrap();
    drop(file);
    let (found, report) = scan(&[&large], &["--reveal", "-q"]);
    assert_eq!(same(found), (whole.len(), None, true));
    let [error] = &report.errors[..] else {
        panic!("{:?}", report.errors)
    };
    assert!(error.path.ends_with("large.db"), "{error:?}");
    assert_eq!(report.inputs[0].status, "partial");
}

/// A database's URL-encoded cells (a `referrer` with `?email=asha.rao%40example.com`) are
/// decoded as CSV cells are (tests/url_cells.rs), their findings spanning the escapes in
/// the extracted text; `100%25 off`, `50%` and `%ZZ` give nothing.
#[test]
fn url_encoded_cells_of_a_database_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visits.db");
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(
        "CREATE TABLE visits (id INTEGER PRIMARY KEY, referrer TEXT, note TEXT);\
         INSERT INTO visits VALUES (1, \
           'https://shop.example/track?email=asha.rao%40example.com&ph=%2B919876543210', \
           '100%25 off');\
         INSERT INTO visits VALUES (2, '50% or %ZZ', 'asha.rao%40example.com');",
    )
    .unwrap();
    drop(db);
    let (found, _) = scan(&[&path], &["--reveal"]);
    let doc = document::extract(Kind::Sqlite, &std::fs::read(&path).unwrap())
        .unwrap()
        .unwrap();
    let got: Vec<_> = found
        .iter()
        .map(|f| {
            let stored = &doc.text()[f.offset as usize..(f.offset + f.length) as usize];
            (
                f.ty.as_str(),
                f.field.as_deref().unwrap(),
                f.record.unwrap(),
                String::from_utf8_lossy(stored).into_owned(),
                f.value.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "email",
                "visits.referrer",
                1,
                "asha.rao%40example.com".to_string(),
                "asha.rao@example.com"
            ),
            (
                "phone",
                "visits.referrer",
                1,
                "%2B919876543210".to_string(),
                "+919876543210"
            ),
            (
                "email",
                "visits.note",
                2,
                "asha.rao%40example.com".to_string(),
                "asha.rao@example.com"
            ),
        ]
    );
}

#[test]
fn sqlite_rows_are_records_of_table_column_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    write_users_db(&db, 300);
    let (found, report) = scan(&[&db], &["--reveal"]);
    let has = |ty: &str, field: &str, record: u64, value: &str| {
        found.iter().any(|f| {
            f.ty == ty
                && f.field.as_deref() == Some(field)
                && f.record == Some(record)
                && f.value.as_deref() == Some(value)
        })
    };
    for (i, (name, email, phone, card)) in CUSTOMERS.iter().enumerate() {
        let record = i as u64 + 1;
        assert!(
            has("email", "users.email", record, email),
            "{email}: {found:#?}"
        );
        assert!(
            has("phone", "users.phone", record, &phone.to_string()),
            "{phone}: {found:#?}"
        );
        assert!(
            has("card_number", "users.card", record, card),
            "{card}: {found:#?}"
        );
        assert!(
            has("person_name", "users.name", record, name),
            "{name}: {found:#?}"
        );
    }
    // Offsets are offsets in the extracted text.
    let data = std::fs::read(&db).unwrap();
    let doc = document::extract(Kind::Sqlite, &data).unwrap().unwrap();
    for f in &found {
        let at = f.offset as usize..(f.offset + f.length) as usize;
        assert_eq!(Some(&doc.text()[at]), f.value.as_deref().map(str::as_bytes));
    }
    // One input of four records (the row without a phone is one), read as extracted text;
    // the binary avatars are counted as skipped, sqlite_sequence is not read.
    assert!(report.errors.is_empty() && report.skipped.is_empty());
    let [input] = &report.inputs[..] else {
        panic!("{:?}", report.inputs)
    };
    assert_eq!(
        (
            input.format.as_str(),
            input.content.as_deref(),
            input.records
        ),
        ("sqlite", Some("extracted-text"), 4)
    );
    assert_eq!(input.bytes_skipped, 3 * 300);
    assert_eq!(
        input.bytes_scanned + input.bytes_skipped,
        input.bytes_decoded
    );
    assert!(report
        .fields
        .iter()
        .all(|f| f.field.as_deref().is_some_and(|f| f.starts_with("users."))));

    // Streamed, and from inside an archive, the findings are the same.
    let (streamed, _) = scan(&[&db], &["--reveal", "--no-mmap"]);
    assert_eq!(streamed, found);
    let archive = dir.path().join("leak.tar");
    let mut tar = tar::Builder::new(std::fs::File::create(&archive).unwrap());
    tar.append_path_with_name(&db, "app.db").unwrap();
    tar.into_inner().unwrap();
    let (packed, report) = scan(&[&archive], &["--reveal"]);
    assert_eq!(
        report.inputs[0].path,
        format!("{}!app.db", archive.display())
    );
    assert_eq!(without_path(packed), without_path(found));
}

#[test]
fn a_corrupt_or_encrypted_database_is_an_error_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write_users_db(&dir.path().join("good.db"), 0);
    // SQLite's header, then garbage.
    let mut corrupt = b"SQLite format 3\0\x10\x00\x01\x01".to_vec();
    corrupt.extend(b"not the rest of a database ".repeat(200));
    std::fs::write(dir.path().join("corrupt.db"), &corrupt).unwrap();
    // No header at all: a database encrypted with SQLCipher looks like this.
    let encrypted: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path().join("signal.sqlite"), &encrypted).unwrap();
    let (found, report) = scan(&[dir.path()], &[]);
    let mut errors: Vec<(&str, &str, u64)> = report
        .errors
        .iter()
        .map(|e| {
            (
                e.path.rsplit('/').next().unwrap(),
                e.error.as_str(),
                e.bytes,
            )
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            (
                "corrupt.db",
                "sqlite: cannot be read: file is not a database",
                corrupt.len() as u64
            ),
            (
                "signal.sqlite",
                "sqlite: no SQLite header (encrypted, e.g. with SQLCipher, or not a SQLite \
                 database)",
                encrypted.len() as u64
            ),
        ]
    );
    // The good database beside them is scanned.
    assert_eq!(report.inputs.len(), 1);
    assert!(report.inputs[0].path.ends_with("good.db"));
    assert!(found
        .iter()
        .any(|f| f.path.ends_with("good.db") && f.field.as_deref() == Some("users.email")));
}

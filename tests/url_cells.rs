//! URL-encoded cells: a CSV cell, a JSON string or an SQL string holding `%XX` escapes (a
//! `referrer` URL with `?email=asha.rao%40example.com`, a cell that is just
//! `%2B919876543210`) is decoded, its findings in its own field and spanning the escapes as
//! stored (through a CSV `""`, a JSON `\u0025`, an SQL `''` too, and in a JSON line whose
//! `%` are all escaped); `50%`, `%ZZ` and `100%25 off` give nothing; any chunk size and
//! thread count give the same.

use crate::common::{same_as_scan_with, scan_with};
use std::path::Path;

const CSV: &str = "id,referrer,contact,note\n\
    1,https://shop.example/track?email=asha.rao%40example.com&ph=%2B919876543210,\
    %2B91%2098765%2043210,100%25 off\n\
    2,\"https://x.example/?q=\"\"a\"\"&email=vikram.s%40example.org\",asha.rao%40example.com,\
    50% or %ZZ\n";

/// The second line's `%` are all JSON escapes (`\u0025`): its stored bytes hold none.
const JSONL: &str = "{\"id\":1,\"url\":\"https://shop.example/track?email=asha.rao%40example.com\
    &ph=%2B919876543210\",\"note\":\"100%25 off, 50%, %ZZ\"}\n\
    {\"id\":2,\"contact\":{\"mail\":\"vikram.s\\u002540example.org\",\
    \"phone\":\"\\u00252B919876543210\"}}\n";

const SQL: &str = "INSERT INTO `visits` (`id`, `referrer`, `note`) VALUES \
    (1,'https://shop.example/track?email=asha.rao%40example.com&ph=%2B919876543210','50%'),\
    (2,'it''s asha.rao%40example.com','%ZZ 100%25 off');\n";

/// The findings of `dir` as (file, type, field, record, the bytes stored at the finding's
/// offset and length).
fn found(dir: &Path, findings: &str) -> Vec<(String, String, String, u64, String)> {
    findings
        .lines()
        .map(|line| {
            let f: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let path = f["path"].as_str().unwrap();
            let data = std::fs::read(path).unwrap();
            let offset = f["offset"].as_u64().unwrap() as usize;
            let length = f["length"].as_u64().unwrap() as usize;
            (
                path.trim_start_matches(&format!("{}/", dir.display()))
                    .to_string(),
                f["type"].as_str().unwrap().to_string(),
                f["field"].as_str().unwrap_or_default().to_string(),
                f["record"].as_u64().unwrap(),
                String::from_utf8_lossy(&data[offset..offset + length]).into_owned(),
            )
        })
        .collect()
}

#[test]
fn url_encoded_cells_are_found_where_they_are_stored() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let dir = corpus.path();
    std::fs::write(dir.join("visits.csv"), CSV).unwrap();
    std::fs::write(dir.join("events.jsonl"), JSONL).unwrap();
    std::fs::write(dir.join("dump.sql"), SQL).unwrap();
    let (findings, report) = scan_with(dir, out.path(), usize::MAX / 2, 1, true);
    let f = |file: &str, ty: &str, field: &str, record: u64, stored: &str| {
        (
            file.to_string(),
            ty.to_string(),
            field.to_string(),
            record,
            stored.to_string(),
        )
    };
    assert_eq!(
        found(dir, &findings),
        [
            f(
                "dump.sql",
                "email",
                "visits.referrer",
                1,
                "asha.rao%40example.com"
            ),
            f("dump.sql", "phone", "visits.referrer", 1, "%2B919876543210"),
            f(
                "dump.sql",
                "email",
                "visits.referrer",
                2,
                "asha.rao%40example.com"
            ),
            f("events.jsonl", "email", "url", 1, "asha.rao%40example.com"),
            f("events.jsonl", "phone", "url", 1, "%2B919876543210"),
            f(
                "events.jsonl",
                "email",
                "contact.mail",
                2,
                "vikram.s\\u002540example.org"
            ),
            f(
                "events.jsonl",
                "phone",
                "contact.phone",
                2,
                "\\u00252B919876543210"
            ),
            f(
                "visits.csv",
                "email",
                "referrer",
                1,
                "asha.rao%40example.com"
            ),
            f("visits.csv", "phone", "referrer", 1, "%2B919876543210"),
            f("visits.csv", "phone", "contact", 1, "%2B91%2098765%2043210"),
            f(
                "visits.csv",
                "email",
                "referrer",
                2,
                "vikram.s%40example.org"
            ),
            f(
                "visits.csv",
                "email",
                "contact",
                2,
                "asha.rao%40example.com"
            ),
        ]
    );
    // The decoded e-mail after the CSV cell's `""` lands on its stored bytes: the offset is
    // that of the stored text, not of the unescaped cell.
    let vikram = CSV.find("vikram.s%40").unwrap();
    assert!(findings.contains(&format!("\"offset\":{vikram},\"length\":22")));
    for (chunk, threads, mmap) in [(1, 2, false), (7, 1, true), (64, 2, true)] {
        same_as_scan_with(dir, out.path(), (chunk, threads, mmap), &findings, &report);
    }
}

/// A `%` followed by two hex digits in a password (`7QwpPbun%1d&`, Faker's `password()`
/// writes such) escapes nothing an encoder would: the cell is read as stored, and the
/// password is found.
#[test]
fn passwords_holding_percent_hex_are_read_as_stored() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let dir = corpus.path();
    std::fs::write(
        dir.join("users.csv"),
        "id,password\n1,7QwpPbun%1d&\n2,%0BW5MyJe8d\n",
    )
    .unwrap();
    let (findings, _) = scan_with(dir, out.path(), usize::MAX / 2, 1, true);
    let password = |record: u64, stored: &str| {
        (
            "users.csv".to_string(),
            "password_plain".to_string(),
            "password".to_string(),
            record,
            stored.to_string(),
        )
    };
    assert_eq!(
        found(dir, &findings),
        [password(1, "7QwpPbun%1d&"), password(2, "%0BW5MyJe8d")]
    );
}

//! Whole-column judgement end to end (`leakscan::aggregate::column`): a column of bare card
//! numbers that no name supports is a card column; a `uid` column of 12-digit ids, one in ten
//! Verhoeff-valid by chance, yields no Aadhaar; a column that repeats a few words (`Black`,
//! `Male`, `Visa`) yields no lone names; the day/month order of ambiguous dates of
//! birth comes from the rest of their column. The data is generated here, check digits
//! computed.

use leakscan::detect::validate::{luhn, verhoeff};
use leakscan::output::report;
use leakscan::scan::{self, ScanOptions};
use serde_json::Value;
use std::path::Path;

/// A small deterministic digit stream (an LCG: the test needs variety, not randomness).
struct Digits(u64);

impl Digits {
    fn next(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        b'0' + ((self.0 >> 33) % 10) as u8
    }
}

/// Scans `file` (with `chunk_size`) and returns (findings, the report's `fields`).
fn scan(file: &Path, chunk_size: usize) -> (Vec<Value>, Vec<Value>) {
    let findings = file.with_extension("findings.jsonl");
    let opts = ScanOptions {
        paths: vec![file.as_os_str().to_owned()],
        findings: Some(findings.to_string_lossy().into_owned()),
        chunk_size,
        sketch_key: Some(b"column test key".to_vec()),
        ..ScanOptions::default()
    };
    let summary = scan::run(&opts).expect("scan runs");
    let json = serde_json::to_value(report::build(&summary)).expect("report serialises");
    let found = std::fs::read_to_string(findings)
        .expect("findings written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (found, json["fields"].as_array().expect("fields").clone())
}

fn of_type<'a>(found: &'a [Value], ty: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    found.iter().filter(move |f| f["type"] == ty)
}

/// The report's statistics of `ty` in field `field`.
fn field_type<'a>(fields: &'a [Value], field: &str, ty: &str) -> &'a Value {
    let f = fields
        .iter()
        .find(|f| f["field"] == field)
        .expect("the field is reported");
    &f["types"][ty]
}

#[test]
fn a_column_of_bare_cards_is_a_card_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Digits(1);
    let mut csv = String::from("n,value,note\n");
    for i in 0..300 {
        let mut card = vec![b'4'];
        card.extend((0..14).map(|_| d.next()));
        card.push(luhn::check_digit(&card));
        csv += &format!("{i},{},ok\n", String::from_utf8(card).unwrap());
    }
    let file = dir.path().join("cards.csv");
    std::fs::write(&file, &csv).unwrap();
    for chunk in [usize::MAX / 2, 333] {
        let (found, fields) = scan(&file, chunk);
        let cards: Vec<_> = of_type(&found, "card_number").collect();
        assert_eq!(cards.len(), 300, "chunk {chunk}");
        assert!(cards.iter().all(|f| f["basis"]
            .as_array()
            .unwrap()
            .contains(&Value::from("column"))));
        assert_eq!(field_type(&fields, "value", "card_number")["count"], 300);
    }
    // The same numbers in a sentence are judged alone: bare, unsupported, not reported.
    let text: String = csv.lines().skip(1).map(|l| format!("{l} x\n")).collect();
    let file = dir.path().join("lines.txt");
    std::fs::write(&file, text).unwrap();
    let (found, _) = scan(&file, 1 << 20);
    assert_eq!(of_type(&found, "card_number").count(), 0);
}

#[test]
fn ids_valid_by_chance_are_not_aadhaar() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Digits(2);
    let mut chance = String::from("uid,plan\n");
    let mut all_valid = String::from("uid,plan\n");
    let mut lucky = 0;
    for _ in 0..300 {
        let mut id = vec![b'2' + d.next() % 8];
        id.extend((0..11).map(|_| d.next()));
        lucky += usize::from(verhoeff::is_valid(&id));
        chance += &format!("{},basic\n", String::from_utf8(id.clone()).unwrap());
        id.truncate(11);
        id.push(verhoeff::check_digit(&id));
        all_valid += &format!("{},basic\n", String::from_utf8(id).unwrap());
    }
    assert!(lucky > 10, "some ids pass Verhoeff by chance ({lucky})");
    let file = dir.path().join("chance.csv");
    std::fs::write(&file, chance).unwrap();
    let (found, fields) = scan(&file, 1 << 20);
    assert_eq!(of_type(&found, "aadhaar").count(), 0);
    assert!(fields.iter().all(|f| f["types"].get("aadhaar").is_none()));
    let file = dir.path().join("valid.csv");
    std::fs::write(&file, all_valid).unwrap();
    let (found, fields) = scan(&file, 1 << 20);
    assert_eq!(of_type(&found, "aadhaar").count(), 300);
    assert_eq!(field_type(&fields, "uid", "aadhaar")["count"], 300);
}

#[test]
fn a_vocabulary_holds_no_lone_names() {
    let dir = tempfile::tempdir().unwrap();
    // Listed given names, capitalised, for a column as varied as names are.
    let listed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns/lists/names_given.txt"),
    )
    .unwrap();
    let given: Vec<&str> = listed
        .lines()
        .filter(|l| {
            !l.starts_with('#')
                && l.len() >= 4
                && l.bytes().all(|b| b.is_ascii_alphabetic())
                && l.as_bytes()[0].is_ascii_uppercase()
        })
        .step_by(37)
        .take(150)
        .collect();
    assert_eq!(given.len(), 150);
    let colours = [
        "Red", "Blue", "Green", "Black", "White", "Brown", "Rose", "Ivory",
    ];
    let genders = ["Male", "Female"];
    let payments = ["Visa", "Cash", "Amex", "Paytm"];
    let mut csv = String::from("id,colour,gender,payment,contact,first_name\n");
    for i in 0..300 {
        csv += &format!(
            "{},{},{},{},{},{}\n",
            10_000 + i,
            colours[i % colours.len()],
            genders[i % 2],
            payments[i % payments.len()],
            given[i % given.len()],
            ["Asha", "Ravi", "Meera"][i % 3],
        );
    }
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, &csv).unwrap();
    for chunk in [usize::MAX / 2, 333] {
        let (found, fields) = scan(&file, chunk);
        let names: Vec<_> = of_type(&found, "person_name").collect();
        let in_field = |field: &str| names.iter().filter(|f| f["field"] == field).count();
        for vocabulary in ["colour", "gender", "payment"] {
            assert_eq!(in_field(vocabulary), 0, "{vocabulary}, chunk {chunk}");
            assert!(field_type(&fields, vocabulary, "person_name").is_null());
        }
        // A field as varied as names keeps its lone names (most of them read as names
        // alone); a field named for names keeps them however few they are.
        assert!(
            in_field("contact") > 200,
            "{}, chunk {chunk}",
            in_field("contact")
        );
        assert_eq!(in_field("first_name"), 300, "chunk {chunk}");
        assert_eq!(
            field_type(&fields, "first_name", "person_name")["count"],
            300
        );
    }
}

#[test]
fn the_column_orders_ambiguous_dates_of_birth() {
    let dir = tempfile::tempdir().unwrap();
    // 05/03/1990 is 5 March day first (the same date as 1990-03-05), 3 May month first.
    let rows = |order_evidence: &str| {
        let mut csv = String::from("id,dob\n");
        for i in 0..90 {
            let v = match i % 3 {
                0 => "05/03/1990",
                1 => "1990-03-05",
                _ => order_evidence,
            };
            csv += &format!("{i},{v}\n");
        }
        csv
    };
    for (evidence, distinct) in [("25/12/1980", 2), ("12/25/1980", 3)] {
        let file = dir.path().join("dob.csv");
        std::fs::write(&file, rows(evidence)).unwrap();
        let (found, fields) = scan(&file, 64);
        assert_eq!(of_type(&found, "date_of_birth").count(), 90);
        let dob = field_type(&fields, "dob", "date_of_birth");
        assert_eq!(dob["distinct_estimate"], distinct, "{evidence}");
    }
}

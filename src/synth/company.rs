//! A fictional company's customer database and breach claims made from it, for `verify`
//! (issue 8): the company's own export, an older dump of another service that shares a few
//! of its customers (sketched as a known dump), and claimed samples:
//!
//! - `genuine.csv`: rows of the export, as messy as it is (phones written many ways, gaps in
//!   the ids, missing values);
//! - `naive.csv`: the same columns with made-up numbers (checksums and number plans at
//!   chance, one e-mail domain, one phone format, ids 1, 2, 3...);
//! - `careful.csv`: made-up people with checksum-valid numbers, written cleanly (caught by
//!   match rate, cross-field consistency and variety, not by checksums);
//! - `recycled.csv`: rows of the older dump, passed off as the company's;
//! - `mix.csv`: half genuine rows, half naive ones.
//!
//! Every value comes from the generator in [`super::values`], so it is fictional (documentation
//! e-mail domains, random numbers); output depends only on the seed.

use super::out::{push_padded, push_u64};
use super::values::{Country, Form, Gen, V};
use crate::detect::validate::nric;
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The export's columns.
const COLUMNS: &[&str] = &[
    "customer_id",
    "full_name",
    "email",
    "mobile",
    "country",
    "address",
    "aadhaar_no",
    "pan",
    "nric",
    "passport_no",
    "card_number",
    "dob",
    "password_hash",
    "created_at",
    "updated_at",
];

/// The older dump's columns (another service, 2019).
const OLD_COLUMNS: &[&str] = &["id", "name", "email", "phone", "signup_date"];

/// The claimed samples, by file name.
pub const CLAIMS: [&str; 5] = ["genuine", "naive", "careful", "recycled", "mix"];

/// What [`write`] makes.
#[derive(Clone, Debug)]
pub struct CompanyFiles {
    /// The company's own export: `export/customers.csv`.
    pub export: PathBuf,
    /// The older dump: `old_dump/forum_2019.csv`.
    pub old_dump: PathBuf,
    /// The claimed samples: `claims/<name>.csv`, in [`CLAIMS`] order.
    pub claims: Vec<PathBuf>,
}

/// Share (percent) of the older dump's rows that are the company's customers.
const OLD_OVERLAP_PERCENT: u32 = 2;
/// Rows of the older dump per customer of the company.
const OLD_ROWS_PER_CUSTOMER: usize = 2;

/// Writes a company of `customers` customers and claimed samples of `sample_rows` rows each
/// into `dir`.
pub fn write(
    dir: &Path,
    customers: usize,
    sample_rows: usize,
    seed: u64,
) -> io::Result<CompanyFiles> {
    let export = dir.join("export").join("customers.csv");
    let old_dump = dir.join("old_dump").join("forum_2019.csv");
    let claims_dir = dir.join("claims");
    for d in [
        export.parent(),
        old_dump.parent(),
        Some(claims_dir.as_path()),
    ]
    .into_iter()
    .flatten()
    {
        fs::create_dir_all(d)?;
    }
    let mut pick = Gen::new(seed, 200);
    let sample_rows = sample_rows.min(customers);
    let chosen = choose(&mut pick, customers, sample_rows);
    let old_rows = customers * OLD_ROWS_PER_CUSTOMER;
    let shared = old_rows * OLD_OVERLAP_PERCENT as usize / 100;
    let shared_customers = choose(&mut pick, customers, shared);

    // The export, keeping the rows the samples and the older dump take.
    let mut g = Gen::new(seed, 201);
    let mut out = csv_file(&export, COLUMNS)?;
    let mut kept = Vec::with_capacity(sample_rows);
    let mut for_old = Vec::with_capacity(shared);
    let mut id = 1000u64;
    let mut row = Vec::new();
    for i in 0..customers {
        // Accounts deleted since leave gaps.
        id += 1 + u64::from(g.below(4) / 3);
        customer(&mut g, id, &mut row);
        // An exact duplicate row now and then (an export joined twice).
        let dup = g.chance(1);
        write_row(&mut out, &row)?;
        if dup {
            write_row(&mut out, &row)?;
        }
        if chosen.contains(&i) {
            kept.push(row.clone());
        }
        if shared_customers.contains(&i) {
            for_old.push([row[1].clone(), row[2].clone(), row[3].clone()]);
        }
    }
    out.flush()?;

    // The older dump: other people, and some of the company's customers.
    let mut g = Gen::new(seed, 202);
    let mut out = csv_file(&old_dump, OLD_COLUMNS)?;
    let mut old_kept = Vec::new();
    let old_chosen = choose(&mut pick, old_rows, sample_rows);
    let mut shared = for_old.into_iter();
    for i in 0..old_rows {
        let person = match g
            .chance(OLD_OVERLAP_PERCENT)
            .then(|| shared.next())
            .flatten()
        {
            Some(p) => p,
            None => old_person(&mut g),
        };
        let mut date = Vec::new();
        date_between(&mut g, 2012, 2019, &mut date);
        let row = vec![
            (i + 1).to_string(),
            person[0].clone(),
            person[1].clone(),
            person[2].clone(),
            String::from_utf8_lossy(&date).into_owned(),
        ];
        write_row(&mut out, &row)?;
        if old_chosen.contains(&i) {
            old_kept.push(row);
        }
    }
    out.flush()?;

    let mut claims = Vec::new();
    for name in CLAIMS {
        let path = claims_dir.join(format!("{name}.csv"));
        let mut g = Gen::new(seed, 210 + claims.len() as u64);
        match name {
            "genuine" => write_rows(&path, COLUMNS, &kept)?,
            "naive" => {
                let rows: Vec<Vec<String>> = (0..sample_rows)
                    .map(|i| naive(&mut g, i as u64 + 1))
                    .collect();
                write_rows(&path, COLUMNS, &rows)?
            }
            "careful" => {
                let rows: Vec<Vec<String>> = (0..sample_rows)
                    .map(|i| careful(&mut g, 50_001 + i as u64))
                    .collect();
                write_rows(&path, COLUMNS, &rows)?
            }
            "recycled" => write_rows(&path, OLD_COLUMNS, &old_kept)?,
            _ => {
                let half = sample_rows / 2;
                let mut rows: Vec<Vec<String>> = kept.iter().take(half).cloned().collect();
                rows.extend((0..sample_rows - half).map(|i| naive(&mut g, i as u64 + 1)));
                write_rows(&path, COLUMNS, &rows)?
            }
        }
        claims.push(path);
    }
    Ok(CompanyFiles {
        export,
        old_dump,
        claims,
    })
}

/// `k` distinct numbers below `n`.
fn choose(g: &mut Gen, n: usize, k: usize) -> HashSet<usize> {
    let mut set = HashSet::with_capacity(k);
    let bound = u32::try_from(n).unwrap_or(u32::MAX);
    while set.len() < k.min(n) {
        set.insert(g.below(bound) as usize);
    }
    set
}

fn csv_file(path: &Path, columns: &[&str]) -> io::Result<BufWriter<fs::File>> {
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(path)?);
    writeln!(out, "{}", columns.join(","))?;
    Ok(out)
}

fn write_row(out: &mut impl Write, row: &[String]) -> io::Result<()> {
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if cell.contains([',', '"', '\n']) {
            write!(out, "\"{}\"", cell.replace('"', "\"\""))?;
        } else {
            out.write_all(cell.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

fn write_rows(path: &Path, columns: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut out = csv_file(path, columns)?;
    for row in rows {
        write_row(&mut out, row)?;
    }
    out.flush()
}

/// One value of the generator as a string.
fn val(g: &mut Gen, v: V) -> String {
    let mut b = Vec::new();
    g.gen(v, &mut b);
    String::from_utf8_lossy(&b).into_owned()
}

/// `YYYY-MM-DD HH:MM:SS` between January of `from` and December of `to`.
fn date_between(g: &mut Gen, from: u32, to: u32, b: &mut Vec<u8>) {
    push_u64(b, u64::from(from + g.below(to - from + 1)));
    b.push(b'-');
    push_padded(b, u64::from(1 + g.below(12)), 2);
    b.push(b'-');
    push_padded(b, u64::from(1 + g.below(28)), 2);
    b.push(b' ');
    push_padded(b, u64::from(g.below(24)), 2);
    b.push(b':');
    push_padded(b, u64::from(g.below(60)), 2);
    b.push(b':');
    push_padded(b, u64::from(g.below(60)), 2);
}

fn country_code(c: Country) -> &'static str {
    match c {
        Country::In => "IN",
        Country::Sg => "SG",
        Country::Us => "US",
        Country::Gb => "GB",
    }
}

/// The person's date of birth in ISO form.
fn dob(g: &mut Gen) -> String {
    let mut b = Vec::new();
    push_u64(&mut b, u64::from(g.person.born));
    b.push(b'-');
    push_padded(&mut b, u64::from(1 + g.below(12)), 2);
    b.push(b'-');
    push_padded(&mut b, u64::from(1 + g.below(28)), 2);
    String::from_utf8_lossy(&b).into_owned()
}

/// A passport number of the Indian format: a letter and seven digits.
fn passport(g: &mut Gen) -> String {
    let mut b = vec![b'A' + g.below(26) as u8];
    for _ in 0..7 {
        b.push(b'0' + g.below(10) as u8);
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// A card as exports keep it: BIN, masked middle, last four.
fn masked_card(g: &mut Gen) -> String {
    let digits: Vec<u8> = val(g, V::Card(Form::Strong))
        .bytes()
        .filter(u8::is_ascii_digit)
        .collect();
    let n = digits.len();
    format!(
        "{}{}{}",
        String::from_utf8_lossy(&digits[..6]),
        "*".repeat(n - 10),
        String::from_utf8_lossy(&digits[n - 4..])
    )
}

/// A citizen's NRIC as issued: S or T series numbers of those born 1968 or later start with
/// the birth year.
fn issued_nric(g: &mut Gen) -> String {
    let mut id = val(g, V::Nric).into_bytes();
    let born = g.person.born;
    if matches!(id[0], b'S' | b'T') && born >= 1968 {
        id[1] = b'0' + (born / 10 % 10) as u8;
        id[2] = b'0' + (born % 10) as u8;
        id[8] = nric::check_letter(id[0], &id[1..8]);
    }
    String::from_utf8_lossy(&id).into_owned()
}

/// A new person living in India or Singapore, where the company does business. (Numbers of
/// the generator's US and UK persons are drawn from the few reserved for fiction, so they
/// repeat across people.)
fn new_customer(g: &mut Gen) {
    loop {
        g.new_person();
        if matches!(g.person.country, Country::In | Country::Sg) {
            return;
        }
    }
}

/// One customer of the export, as messy as real ones: phones written many ways, a few
/// values missing.
fn customer(g: &mut Gen, id: u64, row: &mut Vec<String>) {
    new_customer(g);
    let c = g.person.country;
    let mut created = Vec::new();
    date_between(g, 2016, 2024, &mut created);
    let created = String::from_utf8_lossy(&created).into_owned();
    // Updated on or after creation: same year, or a later one.
    let mut updated = created.clone();
    if g.chance(60) {
        let year: u32 = created[..4].parse().unwrap_or(2016);
        let mut b = Vec::new();
        date_between(g, year, 2024, &mut b);
        let later = String::from_utf8_lossy(&b).into_owned();
        if later > created {
            updated = later;
        }
    }
    let missing = |g: &mut Gen, percent| g.chance(percent);
    row.clear();
    row.push(id.to_string());
    row.push(val(g, V::FullName));
    // Addresses are unique per customer, as a sign-up form makes them: the generator's
    // name-made ones repeat across a large customer base, so each gets a number.
    row.push(if missing(g, 3) {
        String::new()
    } else {
        numbered_email(g, 1, 99_999)
    });
    row.push(if missing(g, 2) {
        String::new()
    } else {
        val(g, V::Phone(Form::Field))
    });
    row.push(country_code(c).to_string());
    row.push(if missing(g, 5) {
        String::new()
    } else {
        val(g, V::Address)
    });
    row.push(if c == Country::In && !missing(g, 8) {
        val(g, V::Aadhaar(Form::Field))
    } else {
        String::new()
    });
    row.push(if c == Country::In && !missing(g, 10) {
        val(g, V::Pan(Form::Field))
    } else {
        String::new()
    });
    row.push(if c == Country::Sg {
        issued_nric(g)
    } else {
        String::new()
    });
    row.push(if g.chance(40) {
        passport(g)
    } else {
        String::new()
    });
    row.push(if g.chance(50) {
        masked_card(g)
    } else {
        String::new()
    });
    row.push(dob(g));
    row.push(val(g, V::Hash(Form::Field)));
    row.push(created);
    row.push(updated);
}

/// A person of the older dump (numbered e-mail addresses, as that service's were).
fn old_person(g: &mut Gen) -> [String; 3] {
    new_customer(g);
    let name = val(g, V::FullName);
    let email = numbered_email(g, 100, 900);
    [name, email, val(g, V::Phone(Form::Strong))]
}

/// The person's e-mail address with a number from `from..from + span` before the `@`, as
/// made-up or later sign-ups have when the plain address is taken.
fn numbered_email(g: &mut Gen, from: u32, span: u32) -> String {
    let email = val(g, V::Email);
    match email.split_once('@') {
        Some((local, domain)) => format!("{local}{}@{domain}", from + g.below(span)),
        None => email,
    }
}

/// `n` random digits.
fn digits(g: &mut Gen, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + g.below(10) as u8))
        .collect()
}

/// `n` random upper-case letters.
fn letters(g: &mut Gen, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'A' + g.below(26) as u8))
        .collect()
}

/// A naively made-up row: real-looking names and addresses, numbers typed at random (checksums and number
/// plans at chance: phones are ten uniform digits after +91), one e-mail domain and one phone
/// format, ids counting from 1.
fn naive(g: &mut Gen, id: u64) -> Vec<String> {
    g.new_person();
    let name = val(g, V::FullName);
    let local: String = name
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let email = format!("{local}{}@example.com", g.below(1000));
    let india = g.chance(80);
    let address = val(g, V::Address);
    let aadhaar = format!(
        "{}{} {} {}",
        2 + g.below(8),
        digits(g, 3),
        digits(g, 4),
        digits(g, 4)
    );
    let pan = format!("{}{}{}", letters(g, 5), digits(g, 4), letters(g, 1));
    let nric = format!("S{}{}", digits(g, 7), letters(g, 1));
    let card = format!("4{}******{}", digits(g, 5), digits(g, 4));
    let hash: String = (0..32)
        .map(|_| char::from(b"0123456789abcdef"[g.below(16) as usize]))
        .collect();
    let mut created = Vec::new();
    date_between(g, 2016, 2024, &mut created);
    let created = String::from_utf8_lossy(&created).into_owned();
    let dob = format!(
        "19{}-{:02}-{:02}",
        60 + g.below(40),
        1 + g.below(12),
        1 + g.below(28)
    );
    vec![
        id.to_string(),
        name,
        email,
        format!("+91 {}", digits(g, 10)),
        (if india { "IN" } else { "SG" }).to_string(),
        address,
        if india { aadhaar } else { String::new() },
        if india { pan } else { String::new() },
        if india { String::new() } else { nric },
        passport(g),
        card,
        dob,
        hash,
        created.clone(),
        created,
    ]
}

/// A carefully made-up row: the generator's checksum-valid numbers for invented people,
/// written cleanly (one phone format, lower-case e-mail, nothing missing, consecutive ids),
/// at a real-looking address copied from someone else (any country), as a fabricator pairing
/// scraped addresses with invented numbers does.
fn careful(g: &mut Gen, id: u64) -> Vec<String> {
    g.new_person();
    let address = val(g, V::Address);
    new_customer(g);
    let c = g.person.country;
    let phone: String = val(g, V::Phone(Form::Strong))
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let phone = match c {
        Country::In if phone.len() == 10 => format!("+91{phone}"),
        Country::In if phone.starts_with('0') => format!("+91{}", &phone[1..]),
        _ => format!("+{phone}"),
    };
    let mut created = Vec::new();
    date_between(g, 2016, 2024, &mut created);
    let created = String::from_utf8_lossy(&created).into_owned();
    vec![
        id.to_string(),
        val(g, V::FullName),
        numbered_email(g, 1000, 9000).to_ascii_lowercase(),
        phone,
        country_code(c).to_string(),
        address,
        if c == Country::In {
            val(g, V::Aadhaar(Form::Strong))
        } else {
            String::new()
        },
        if c == Country::In {
            val(g, V::Pan(Form::Strong))
        } else {
            String::new()
        },
        if c == Country::Sg {
            val(g, V::Nric)
        } else {
            String::new()
        },
        passport(g),
        masked_card(g),
        dob(g),
        val(g, V::Hash(Form::Strong)),
        created.clone(),
        created,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_files_for_a_seed() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let fa = write(a.path(), 300, 50, 9).unwrap();
        let fb = write(b.path(), 300, 50, 9).unwrap();
        for (x, y) in fa
            .claims
            .iter()
            .zip(&fb.claims)
            .chain([(&fa.export, &fb.export)])
        {
            assert_eq!(
                fs::read(x).unwrap(),
                fs::read(y).unwrap(),
                "{}",
                x.display()
            );
        }
        let genuine = fs::read_to_string(&fa.claims[0]).unwrap();
        // Rows start with their numeric id (an address's second line does not).
        let rows = genuine
            .lines()
            .filter(|l| {
                l.split(',')
                    .next()
                    .is_some_and(|id| id.parse::<u64>().is_ok())
            })
            .count();
        assert_eq!(rows, 50);
        let export = fs::read_to_string(&fa.export).unwrap();
        assert!(genuine.lines().skip(1).all(|l| export.contains(l)));
    }

    #[test]
    fn issued_nrics_carry_the_birth_year() {
        let mut g = Gen::new(3, 7);
        let mut checked = 0;
        for _ in 0..2000 {
            g.new_person();
            if g.person.country != Country::Sg {
                continue;
            }
            let id = issued_nric(&mut g);
            assert!(nric::is_valid(id.as_bytes()), "{id}");
            let born = g.person.born;
            if matches!(id.as_bytes()[0], b'S' | b'T') && born >= 1968 {
                assert_eq!(&id[1..3], format!("{:02}", born % 100));
                checked += 1;
            }
        }
        assert!(checked > 20);
    }
}

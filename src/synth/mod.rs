//! Synthetic dumps with byte-level ground truth, for `samples/`, tests and benches.
//!
//! [`generate`] writes one file per [`FileKind`] (CSV with and without header, TSV, JSON
//! Lines, mongoexport, a pretty-printed JSON array, a log, free text, and SQL dumps of
//! mysqldump, pg_dump and SQLite), each about its share
//! of [`SynthConfig::total_bytes`], and `truth.jsonl`: one line per planted value,
//!
//! ```json
//! {"path":"users.csv","offset":1234,"length":14,"type":"aadhaar","field":"national_id","record":17}
//! ```
//!
//! with the offset and length of the value as stored (inside quotes, escapes included), the
//! field and record number exactly as a scan reports them (CONTRACT.md), and the type. What is
//! planted follows the detection rules: a weak shape (a bare 10-digit mobile, a bare Aadhaar,
//! bare hex in a password field) is truth only where a field name or a keyword supports it;
//! elsewhere, and for decoys (order ids, epoch timestamps, UUIDs, Luhn-valid internal ids,
//! GSTINs, version strings, IMEIs, 12-digit ids failing Verhoeff, amounts, SKUs, ZIP codes),
//! it is not in the truth file.
//!
//! Output depends only on the configuration: each file has its own ChaCha8 stream of the seed.
//!
//! ```no_run
//! use leakscan::synth::{generate, sample_config};
//! let summary = generate(&sample_config("samples"))?;
//! println!("{} values planted", summary.truth_entries);
//! # Ok::<(), std::io::Error>(())
//! ```

pub mod card;
pub mod company;
pub mod documents;
mod dumps;
mod gstin;
mod identity;
mod json;
mod names;
mod out;
mod people;
mod sql;
mod tabular;
mod text;
mod values;
mod vocab;

use out::{Out, Truth};
use std::fs;
use std::io;
use std::path::PathBuf;
use values::Gen;

/// The name of the ground-truth file written beside the data files.
pub const TRUTH_FILE: &str = "truth.jsonl";

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthConfig {
    /// Directory the files are written to (created if missing).
    pub out_dir: PathBuf,
    /// Total size of the data files, shared out among the kinds (the truth file comes on top).
    pub total_bytes: u64,
    /// Seed: the same configuration always gives the same bytes.
    pub seed: u64,
    /// How much of the content is personal data.
    pub density: Density,
    /// Which files to write; empty means all of them.
    pub kinds: Vec<FileKind>,
}

/// How densely personal data (and decoys) are planted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Density {
    /// About one shaped token (truth or decoy) per 65 bytes: records full of personal data.
    Dense,
    /// About one shaped token per 2 KB: long free text and logs without personal data.
    Sparse,
}

impl Density {
    /// Bytes per planted token the generator steers `kind` towards. Dense targets differ
    /// by kind so that each file keeps mostly full records (a table row is denser than a
    /// support ticket) while the whole set lands near 65.
    fn bytes_per_token(self, kind: FileKind) -> u64 {
        match (self, kind) {
            (Density::Sparse, _) => 2000,
            (Density::Dense, FileKind::Csv) => 60,
            (Density::Dense, FileKind::CsvNoHeader) => 50,
            (Density::Dense, FileKind::Tsv) => 50,
            (Density::Dense, FileKind::Jsonl) => 65,
            (Density::Dense, FileKind::Mongoexport) => 60,
            (Density::Dense, FileKind::JsonArray) => 70,
            (Density::Dense, FileKind::Log) => 65,
            (Density::Dense, FileKind::Text) => 90,
            (Density::Dense, FileKind::MongoDump) => 60,
            (Density::Dense, FileKind::EsBulk | FileKind::Elasticdump) => 70,
            (Density::Dense, FileKind::MysqlDump) => 60,
            (Density::Dense, FileKind::PgCopy) => 50,
            (Density::Dense, FileKind::PgInserts) => 120,
            (Density::Dense, FileKind::SqliteDump) => 55,
        }
    }
}

/// The kinds of file, one file each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `users.csv`: CSV with a header.
    Csv,
    /// `contacts_noheader.csv`: CSV without a header.
    CsvNoHeader,
    /// `payments.tsv`: tab-separated, with a header.
    Tsv,
    /// `events.jsonl`: one JSON document a line.
    Jsonl,
    /// `mongo_customers.json`: mongoexport output.
    Mongoexport,
    /// `orders_array.json`: one pretty-printed JSON array.
    JsonArray,
    /// `app.log`: log lines.
    Log,
    /// `notes.txt`: free-text support tickets.
    Text,
    /// `db/users.bson` (and `db/users.metadata.json`): a mongodump folder.
    MongoDump,
    /// `es_bulk.ndjson`: an Elasticsearch `_bulk` body.
    EsBulk,
    /// `es_dump.json`: `elasticdump` output.
    Elasticdump,
    /// `mysql_users.sql`: a mysqldump with extended inserts.
    MysqlDump,
    /// `pg_payments.sql`: a pg_dump with a `COPY` block.
    PgCopy,
    /// `pg_users.sql`: a pg_dump with `--column-inserts`.
    PgInserts,
    /// `sqlite_people.sql`: an SQLite `.dump`.
    SqliteDump,
}

impl FileKind {
    /// Every kind, in the order files are written.
    pub const ALL: [FileKind; 12] = [
        FileKind::Csv,
        FileKind::CsvNoHeader,
        FileKind::Tsv,
        FileKind::Jsonl,
        FileKind::Mongoexport,
        FileKind::JsonArray,
        FileKind::Log,
        FileKind::Text,
        FileKind::MysqlDump,
        FileKind::PgCopy,
        FileKind::PgInserts,
        FileKind::SqliteDump,
    ];

    /// Database export kinds, written only when [`SynthConfig::kinds`] names them.
    pub const DUMPS: [FileKind; 3] = [FileKind::MongoDump, FileKind::EsBulk, FileKind::Elasticdump];

    /// The file's name in the output directory.
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Csv => "users.csv",
            FileKind::CsvNoHeader => "contacts_noheader.csv",
            FileKind::Tsv => "payments.tsv",
            FileKind::Jsonl => "events.jsonl",
            FileKind::Mongoexport => "mongo_customers.json",
            FileKind::JsonArray => "orders_array.json",
            FileKind::Log => "app.log",
            FileKind::Text => "notes.txt",
            FileKind::MongoDump => "db/users.bson",
            FileKind::EsBulk => "es_bulk.ndjson",
            FileKind::Elasticdump => "es_dump.json",
            FileKind::MysqlDump => "mysql_users.sql",
            FileKind::PgCopy => "pg_payments.sql",
            FileKind::PgInserts => "pg_users.sql",
            FileKind::SqliteDump => "sqlite_people.sql",
        }
    }

    /// Share of the total size, in percent of all kinds.
    fn weight(self) -> u64 {
        match self {
            FileKind::Csv => 18,
            FileKind::CsvNoHeader => 10,
            FileKind::Tsv => 12,
            FileKind::Jsonl => 16,
            FileKind::Mongoexport => 12,
            FileKind::JsonArray => 10,
            FileKind::Log => 14,
            FileKind::Text => 8,
            FileKind::MongoDump | FileKind::EsBulk | FileKind::Elasticdump => 12,
            FileKind::MysqlDump => 8,
            FileKind::PgCopy => 6,
            FileKind::PgInserts => 6,
            FileKind::SqliteDump => 5,
        }
    }

    fn writer(self) -> Box<dyn Writer> {
        match self {
            FileKind::Csv => Box::<tabular::Users>::default(),
            FileKind::CsvNoHeader => Box::<tabular::Contacts>::default(),
            FileKind::Tsv => Box::<tabular::Payments>::default(),
            FileKind::Jsonl => Box::<json::Events>::default(),
            FileKind::Mongoexport => Box::<json::Mongo>::default(),
            FileKind::JsonArray => Box::<json::Orders>::default(),
            FileKind::Log => Box::<text::Log>::default(),
            FileKind::Text => Box::<text::Notes>::default(),
            FileKind::MongoDump => Box::<dumps::MongoDump>::default(),
            FileKind::EsBulk => Box::<dumps::EsBulk>::default(),
            FileKind::Elasticdump => Box::<dumps::Elasticdump>::default(),
            FileKind::MysqlDump => Box::<sql::Mysql>::default(),
            FileKind::PgCopy => Box::<sql::PgCopy>::default(),
            FileKind::PgInserts => Box::<sql::PgInserts>::default(),
            FileKind::SqliteDump => Box::<sql::Sqlite>::default(),
        }
    }
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthSummary {
    /// Each file written and its size in bytes: the data files in [`FileKind::ALL`] order,
    /// then [`TRUTH_FILE`].
    pub files: Vec<(PathBuf, u64)>,
    /// Lines in the truth file.
    pub truth_entries: u64,
}

/// One file format's records.
trait Writer {
    /// Writes what comes before the first record (a CSV header, `[`).
    fn begin(&mut self, _out: &mut Out<'_>) {}
    /// Writes one record; a `clean` one holds no personal data and no decoy.
    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool);
    /// Writes what comes after the last record.
    fn end(&mut self, _out: &mut Out<'_>) {}
}

/// Writes the files of `cfg` and their ground truth into `cfg.out_dir`.
pub fn generate(cfg: &SynthConfig) -> io::Result<SynthSummary> {
    fs::create_dir_all(&cfg.out_dir)?;
    let kinds: Vec<FileKind> = FileKind::ALL
        .into_iter()
        .filter(|k| cfg.kinds.is_empty() || cfg.kinds.contains(k))
        .chain(
            FileKind::DUMPS
                .into_iter()
                .filter(|k| cfg.kinds.contains(k)),
        )
        .collect();
    let weights: u64 = kinds.iter().map(|k| k.weight()).sum();
    let truth_path = cfg.out_dir.join(TRUTH_FILE);
    let mut truth = Truth::create(&truth_path)?;
    let mut files = Vec::with_capacity(kinds.len() + 1);
    for kind in kinds {
        let budget = u128::from(cfg.total_bytes) * u128::from(kind.weight()) / u128::from(weights);
        let size = write_file(cfg, kind, budget as u64, &mut truth)?;
        files.push((cfg.out_dir.join(kind.file_name()), size));
    }
    let (size, truth_entries) = truth.finish()?;
    files.push((truth_path, size));
    Ok(SynthSummary {
        files,
        truth_entries,
    })
}

/// Writes records of `kind` until the file reaches `budget` bytes.
fn write_file(
    cfg: &SynthConfig,
    kind: FileKind,
    budget: u64,
    truth: &mut Truth,
) -> io::Result<u64> {
    let mut g = Gen::new(cfg.seed, kind as u64);
    let mut out = Out::create(&cfg.out_dir, kind.file_name(), truth)?;
    let mut writer = kind.writer();
    let target = cfg.density.bytes_per_token(kind);
    writer.begin(&mut out);
    while out.pos() < budget {
        // Steer towards the density: a clean record whenever tokens are ahead of bytes (and
        // a few more in dense files, where clean lines are part of the mess).
        let clean =
            out.tokens() * target > out.pos() || (cfg.density == Density::Dense && g.chance(3));
        writer.record(&mut g, &mut out, clean);
        out.flush_if_full()?;
    }
    writer.end(&mut out);
    out.finish()
}

/// The configuration of the committed `samples/`: seed 1, every kind, dense, 400 KB of data
/// (the truth file adds about as much again: the directory stays under 1 MB).
pub fn sample_config(out_dir: impl Into<PathBuf>) -> SynthConfig {
    SynthConfig {
        out_dir: out_dir.into(),
        total_bytes: 400_000,
        seed: 1,
        density: Density::Dense,
        kinds: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::{luhn, nric, verhoeff};
    use crate::types::PiiType;
    use regex::bytes::Regex;
    use serde::Deserialize;
    use serde_json::Value;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// A truth line, read with its own types as a consumer would.
    #[derive(Debug, Deserialize)]
    struct Entry {
        path: String,
        offset: usize,
        length: usize,
        #[serde(rename = "type")]
        ty: String,
        field: Option<String>,
        record: usize,
    }

    /// A generated set read back: file bytes by name, the truth, the summary.
    struct Set {
        files: BTreeMap<String, Vec<u8>>,
        truth: Vec<Entry>,
        summary: SynthSummary,
    }

    impl Set {
        fn truth_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
            self.truth.iter().filter(move |e| e.path == name)
        }

        /// Whether any truth span of `name` overlaps `start..end` (spans are sorted and
        /// disjoint, checked by `truth_spans_hold_valid_values`).
        fn covered<'a>(&'a self, name: &'a str, start: usize, end: usize) -> Option<&'a Entry> {
            let spans: Vec<&Entry> = self.truth_of(name).collect();
            let i = spans.partition_point(|e| e.offset + e.length <= start);
            spans.get(i).copied().filter(|e| e.offset < end)
        }
    }

    fn config(dir: &Path, seed: u64, total_bytes: u64, density: Density) -> SynthConfig {
        SynthConfig {
            out_dir: dir.to_path_buf(),
            total_bytes,
            seed,
            density,
            kinds: Vec::new(),
        }
    }

    fn read_set(summary: SynthSummary) -> Set {
        let mut files = BTreeMap::new();
        for (path, size) in &summary.files {
            let bytes = fs::read(path).expect("generated file reads back");
            assert_eq!(bytes.len() as u64, *size, "{}", path.display());
            let name = path.file_name().expect("a file name").to_string_lossy();
            files.insert(name.into_owned(), bytes);
        }
        let truth: Vec<Entry> = files[TRUTH_FILE]
            .split(|&c| c == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| {
                serde_json::from_slice(l).expect("a truth line is JSON of the documented shape")
            })
            .collect();
        assert_eq!(truth.len() as u64, summary.truth_entries);
        Set {
            files,
            truth,
            summary,
        }
    }

    fn make(seed: u64, total_bytes: u64, density: Density) -> Set {
        let dir = tempfile::tempdir().expect("temp dir");
        let summary = generate(&config(dir.path(), seed, total_bytes, density)).expect("generate");
        read_set(summary)
    }

    /// The value a span holds, unescaped the way its file's format escapes.
    fn decoded(name: &str, raw: &[u8]) -> String {
        let text = String::from_utf8(raw.to_vec()).expect("a span is UTF-8 cut at characters");
        if name.ends_with(".json") || name.ends_with(".jsonl") {
            serde_json::from_str(&format!("\"{text}\"")).expect("a JSON span is a string body")
        } else if name.ends_with(".csv") || name.ends_with(".tsv") {
            text.replace("\"\"", "\"")
        } else if name.ends_with(".sql") {
            text.replace("''", "'")
                .replace("\\n", "\n")
                .replace("\\'", "'")
                .replace("\\\\", "\\")
        } else {
            text
        }
    }

    fn digits(v: &str) -> Vec<u8> {
        v.bytes().filter(u8::is_ascii_digit).collect()
    }

    /// Digits and these separators only.
    fn only(v: &str, separators: &str) -> bool {
        v.chars()
            .all(|c| c.is_ascii_digit() || separators.contains(c))
    }

    /// Whether `v` is a valid value of `ty` (check digits, shapes, fictional domains).
    fn valid(ty: &str, v: &str, field: Option<&str>) -> bool {
        let d = digits(v);
        let b = v.as_bytes();
        match ty {
            "card_number" => {
                only(v, " -")
                    && (13..=19).contains(&d.len())
                    && luhn::check_digit(&d[..d.len() - 1]) == d[d.len() - 1]
            }
            "aadhaar" => {
                only(v, " -")
                    && d.len() == 12
                    && d[0] >= b'2'
                    && verhoeff::check_digit(&d[..11]) == d[11]
            }
            "sg_nric" => b.len() == 9 && nric::check_letter(b[0], &b[1..8]) == b[8],
            "pan_in" => {
                let u = v.to_ascii_uppercase();
                let u = u.as_bytes();
                u.len() == 10
                    && u[..5].iter().all(u8::is_ascii_uppercase)
                    && u[5..9].iter().all(u8::is_ascii_digit)
                    && u[9].is_ascii_uppercase()
                    && b"PCHFATBLJG".contains(&u[3])
            }
            "us_ssn" => {
                only(v, " -")
                    && d.len() == 9
                    && &d[..3] != b"000"
                    && &d[..3] != b"666"
                    && d[0] != b'9'
                    && &d[3..5] != b"00"
                    && &d[5..] != b"0000"
            }
            "phone" => only(v, "+ ()-") && (10..=14).contains(&d.len()),
            "card_partial" => b.len() >= 4 && b[b.len() - 4..].iter().all(u8::is_ascii_digit),
            "email" => v.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && vocab::EMAIL_DOMAINS.contains(&domain.to_ascii_lowercase().as_str())
            }),
            "upi_id" => v
                .split_once('@')
                .is_some_and(|(local, psp)| !local.is_empty() && vocab::UPI_HANDLES.contains(&psp)),
            "ip_address" => v.parse::<std::net::IpAddr>().is_ok(),
            "password_hash" => {
                v.starts_with('$')
                    || v.starts_with("pbkdf2")
                    || (field.is_some_and(|f| f.contains("password"))
                        && [32, 40, 64].contains(&v.len())
                        && b.iter().all(u8::is_ascii_hexdigit))
            }
            "date_of_birth" => (1950..2006).any(|y| v.contains(&y.to_string())),
            "passport" => (8..=9).contains(&v.len()) && b.iter().all(u8::is_ascii_alphanumeric),
            "password_plain" => !v.is_empty() && !v.contains(' ') && !v.starts_with('$'),
            "person_name" | "postal_address" => !v.is_empty(),
            _ => false,
        }
    }

    #[test]
    fn same_seed_same_bytes() {
        let a = make(21, 150_000, Density::Dense);
        let b = make(21, 150_000, Density::Dense);
        assert_eq!(a.files, b.files);
        let c = make(22, 150_000, Density::Dense);
        for kind in FileKind::ALL {
            let name = kind.file_name();
            assert_ne!(a.files[name], c.files[name], "{name}");
        }
    }

    #[test]
    fn a_file_depends_only_on_seed_and_kind() {
        let all = make(23, 200_000, Density::Dense);
        let dir = tempfile::tempdir().expect("temp dir");
        let cfg = SynthConfig {
            kinds: vec![FileKind::Log, FileKind::Log],
            ..config(dir.path(), 23, 60_000, Density::Dense)
        };
        let one = read_set(generate(&cfg).expect("generate"));
        assert_eq!(one.summary.files.len(), 2);
        // The longer file goes on where the shorter one stops.
        let (short, long) = (&all.files["app.log"], &one.files["app.log"]);
        assert!(long.len() > short.len());
        assert_eq!(&long[..short.len()], &short[..]);
        let short_truth: Vec<_> = all
            .truth_of("app.log")
            .map(|e| (e.offset, e.length))
            .collect();
        let long_truth: Vec<_> = one
            .truth_of("app.log")
            .map(|e| (e.offset, e.length))
            .collect();
        assert_eq!(&long_truth[..short_truth.len()], &short_truth[..]);
    }

    #[test]
    fn truth_spans_hold_valid_values() {
        let set = make(11, 300_000, Density::Dense);
        assert!(set.truth.len() > 1000);
        let mut ends: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &set.truth {
            let data = &set.files[&e.path];
            let raw = &data[e.offset..e.offset + e.length];
            assert!(!raw.is_empty(), "{e:?}");
            let end = ends.entry(&e.path).or_default();
            assert!(e.offset >= *end, "spans out of order or overlapping: {e:?}");
            *end = e.offset + e.length;
            // The value alone: never the middle of a longer word.
            // SQL hex literals (`0x…`, `X'…'`) hold the value's bytes as digits.
            let hex = [&b"0x"[..], b"X'"]
                .iter()
                .any(|p| data[..e.offset].ends_with(p));
            let before = e.offset.checked_sub(1).map(|i| data[i]).filter(|_| !hex);
            let after = data.get(e.offset + e.length).copied();
            // A passport number inside a machine-readable zone runs into its check digit.
            let zone = &data[e.offset + e.length..data.len().min(e.offset + e.length + 35)];
            let in_mrz = e.ty == "passport" && zone.contains(&b'<');
            for c in [before, after].into_iter().flatten().filter(|_| !in_mrz) {
                assert!(!c.is_ascii_alphanumeric(), "{e:?} touches {:?}", c as char);
            }
            let v = if hex {
                let bytes: Vec<u8> = raw
                    .chunks(2)
                    .map(|d| u8::from_str_radix(std::str::from_utf8(d).unwrap(), 16).unwrap())
                    .collect();
                String::from_utf8(bytes).expect("hex of text")
            } else {
                decoded(&e.path, raw)
            };
            assert_eq!(v.trim(), v, "{e:?}");
            assert!(!v.starts_with('"') && !v.ends_with('"'), "{e:?}: {v}");
            assert!(valid(&e.ty, &v, e.field.as_deref()), "{e:?}: {v:?}");
        }
    }

    #[test]
    fn every_type_and_shape_is_planted() {
        let set = make(12, 1_500_000, Density::Dense);
        let types: BTreeSet<&str> = set.truth.iter().map(|e| e.ty.as_str()).collect();
        for ty in PiiType::ALL {
            // No rule covers this one yet.
            if ty == PiiType::GeoLocation {
                continue;
            }
            assert!(types.contains(ty.name()), "no {ty}");
        }
        for kind in FileKind::ALL {
            assert!(set.truth_of(kind.file_name()).count() > 20, "{kind:?}");
        }
        let values: Vec<(&Entry, String)> = set
            .truth
            .iter()
            .map(|e| {
                (
                    e,
                    decoded(&e.path, &set.files[&e.path][e.offset..e.offset + e.length]),
                )
            })
            .collect();
        let has = |what: &str, f: &dyn Fn(&Entry, &str) -> bool| {
            assert!(values.iter().any(|(e, v)| f(e, v)), "no {what}");
        };
        let bare = |v: &str| v.bytes().all(|c| c.is_ascii_digit());
        has("bare mobile in a mobile field", &|e, v| {
            e.ty == "phone" && e.field.as_deref() == Some("Mobile No") && bare(v) && v.len() == 10
        });
        has("bare mobile after a keyword", &|e, v| {
            e.ty == "phone" && e.field.is_none() && bare(v)
        });
        has("bare Aadhaar in a field", &|e, v| {
            e.ty == "aadhaar" && e.field.is_some() && bare(v)
        });
        has("bare Aadhaar after a keyword", &|e, v| {
            e.ty == "aadhaar" && e.field.is_none() && bare(v)
        });
        has("bare card in a field", &|e, v| {
            e.ty == "card_number" && e.field.is_some() && bare(v)
        });
        has("bare card after a keyword", &|e, v| {
            e.ty == "card_number" && e.field.is_none() && bare(v)
        });
        has("bare SSN in a field", &|e, v| {
            e.ty == "us_ssn" && e.field.is_some() && bare(v)
        });
        has("bare hex password", &|e, v| {
            e.ty == "password_hash" && v.bytes().all(|c| c.is_ascii_hexdigit())
        });
        has("last 4 in a last4 field", &|e, v| {
            e.ty == "card_partial" && bare(v)
        });
        has("lower-case PAN", &|e, v| {
            e.ty == "pan_in" && v.bytes().all(|c| !c.is_ascii_uppercase())
        });
        has("M-series FIN", &|e, v| {
            e.ty == "sg_nric" && v.starts_with('M')
        });
        has("IPv6", &|e, v| e.ty == "ip_address" && v.contains(':'));
        has("non-ASCII name", &|e, v| {
            e.ty == "person_name" && !v.is_ascii()
        });
        has("e-mail with an escaped @", &|e, _| {
            let raw = &set.files[&e.path][e.offset..e.offset + e.length];
            e.ty == "email" && raw.windows(6).any(|w| w == b"\\u0040")
        });
        for prefix in ["2", "3", "4", "5", "6"] {
            has("card issuer", &|e, v| {
                e.ty == "card_number" && v.starts_with(prefix)
            });
        }
    }

    #[test]
    fn decoys_are_planted_and_never_truth() {
        let set = make(13, 300_000, Density::Dense);
        let decoys = [
            (
                "GSTIN",
                r"\b\d{2}[A-Z]{3}[CFP][A-Z]\d{4}[A-Z][1-9]Z[0-9A-Z]\b",
            ),
            (
                "UUID",
                r"\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b",
            ),
            ("Windows build", r"\b10\.0\.(?:19041|22631)\.\d+\b"),
            ("v-version", r"\bv\d+\.\d+\.\d+\.\d+\b"),
            ("epoch seconds", r"\b17\d{8}\b"),
            ("epoch milliseconds", r"\b17\d{11}\b"),
            ("order id", r"\bOD\d{18}\b"),
            ("invoice number", r"\bINV[/-]\d+[/-]\d+\b"),
            ("SKU", r"\bSKU-[A-Z]{2}\d{2}-\d{4}\b"),
            ("checksum hex", r"checksum=[0-9a-f]{64}\b"),
            ("ObjectId", r#"\{"\$oid":"[0-9a-f]{24}"\}"#),
            ("masked password", r",\*{8},"),
        ];
        for (what, re) in decoys {
            let re = Regex::new(re).expect("decoy pattern compiles");
            let mut found = 0;
            for (name, data) in &set.files {
                if name == TRUTH_FILE {
                    continue;
                }
                for m in re.find_iter(data) {
                    found += 1;
                    let hit = set.covered(name, m.start(), m.end());
                    assert!(
                        hit.is_none(),
                        "{what} {:?} in {name} is truth: {hit:?}",
                        m.as_bytes()
                    );
                }
            }
            assert!(found > 0, "no {what}");
        }
        // Numbers in deny fields of payments.tsv: shaped and checksummed like the real thing.
        let tsv = &set.files["payments.tsv"];
        let mut lines = tsv.split(|&c| c == b'\n').filter(|l| !l.is_empty());
        let header: Vec<&[u8]> = lines
            .next()
            .expect("a header")
            .split(|&c| c == b'\t')
            .collect();
        let col = |name: &str| {
            header
                .iter()
                .position(|h| *h == name.as_bytes())
                .expect("column")
        };
        let (order, iref, imei, aref) = (
            col("order_id"),
            col("internal_ref"),
            col("device_imei"),
            col("account_ref"),
        );
        let mut seen = [0; 4];
        for line in lines {
            let cells: Vec<&[u8]> = line.split(|&c| c == b'\t').collect();
            let luhn_ok = |d: &[u8]| luhn::check_digit(&d[..d.len() - 1]) == d[d.len() - 1];
            for (i, (c, ok)) in [
                (
                    order,
                    &(|d: &[u8]| d.len() == 10 && d[0] >= b'6') as &dyn Fn(&[u8]) -> bool,
                ),
                (iref, &|d: &[u8]| d.len() == 16 && luhn_ok(d)),
                (imei, &|d: &[u8]| d.len() == 15 && luhn_ok(d)),
                (aref, &|d: &[u8]| {
                    d.len() == 12 && verhoeff::check_digit(&d[..11]) != d[11]
                }),
            ]
            .into_iter()
            .enumerate()
            {
                let cell = cells[c];
                if !cell.is_empty() {
                    seen[i] += 1;
                    assert!(
                        cell.iter().all(u8::is_ascii_digit) && ok(cell),
                        "{:?}",
                        String::from_utf8_lossy(cell)
                    );
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
        let denied = [
            "order_id",
            "internal_ref",
            "device_imei",
            "account_ref",
            "txn_id",
            "created_ms",
        ];
        assert!(set
            .truth
            .iter()
            .all(|e| !denied.contains(&e.field.as_deref().unwrap_or(""))));
    }

    /// Cells of a CSV/TSV file as (row, column, start, end), the span inside any quotes.
    fn csv_cells(data: &[u8], delim: u8) -> Vec<(usize, usize, usize, usize)> {
        let mut cells = Vec::new();
        let (mut row, mut col, mut i) = (0, 0, 0);
        while i < data.len() {
            let (start, end);
            if data[i] == b'"' {
                let mut j = i + 1;
                while data[j] != b'"' || data.get(j + 1) == Some(&b'"') {
                    j += if data[j] == b'"' { 2 } else { 1 };
                }
                (start, end, i) = (i + 1, j, j + 1);
            } else {
                let mut j = i;
                while j < data.len() && data[j] != delim && data[j] != b'\n' {
                    j += 1;
                }
                (start, end, i) = (i, j, j);
            }
            cells.push((row, col, start, end));
            if data.get(i) == Some(&delim) {
                col += 1;
            } else {
                row += 1;
                col = 0;
            }
            i += 1;
        }
        cells
    }

    /// The values at `path` (`a.b`, `list[].c`) in a JSON document, as text.
    fn leaves(doc: &Value, path: &str) -> Vec<String> {
        let mut cur = vec![doc];
        for seg in path.split('.') {
            let (key, array) = match seg.strip_suffix("[]") {
                Some(k) => (k, true),
                None => (seg, false),
            };
            cur = cur
                .into_iter()
                .filter_map(|v| v.get(key))
                .flat_map(|v| match (array, v) {
                    (true, Value::Array(items)) => items.iter().collect(),
                    (true, _) => Vec::new(),
                    (false, v) => vec![v],
                })
                .collect();
        }
        cur.into_iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
    }

    /// (start, end) of each top-level element of a JSON array.
    fn array_elements(data: &[u8]) -> Vec<(usize, usize)> {
        let (mut depth, mut in_string, mut escaped) = (0, false, false);
        let mut elements = Vec::new();
        for (i, &c) in data.iter().enumerate() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    if depth == 1 {
                        elements.push((i, 0));
                    }
                    depth += 1;
                }
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 1 {
                        elements.last_mut().expect("an open element").1 = i + 1;
                    }
                }
                _ => {}
            }
        }
        elements
    }

    #[test]
    fn records_and_fields_match_an_independent_reading() {
        let set = make(14, 300_000, Density::Dense);
        for (name, data) in &set.files {
            let entries: Vec<&Entry> = set.truth_of(name).collect();
            let line_of =
                |offset: usize| data[..offset].iter().filter(|&&c| c == b'\n').count() + 1;
            match name.as_str() {
                "users.csv" | "payments.tsv" | "contacts_noheader.csv" => {
                    let delim = if name.ends_with(".tsv") { b'\t' } else { b',' };
                    let cells = csv_cells(data, delim);
                    let has_header = name != "contacts_noheader.csv";
                    let mut past_quoted_newline = 0;
                    for e in entries {
                        let i = cells.partition_point(|c| c.2 <= e.offset) - 1;
                        let (row, col, _, end) = cells[i];
                        assert!(e.offset + e.length <= end, "{e:?} leaves its cell");
                        let record = if has_header { row } else { row + 1 };
                        assert_eq!(e.record, record, "{e:?}");
                        let field = if has_header {
                            let h = cells
                                .iter()
                                .find(|c| c.0 == 0 && c.1 == col)
                                .expect("header cell");
                            String::from_utf8_lossy(&data[h.2..h.3]).into_owned()
                        } else {
                            format!("col{}", col + 1)
                        };
                        assert_eq!(e.field.as_deref(), Some(field.as_str()), "{e:?}");
                        let line = line_of(e.offset) - usize::from(has_header);
                        if line > record {
                            past_quoted_newline += 1;
                        }
                    }
                    if name == "users.csv" {
                        assert!(past_quoted_newline > 0, "no value after a quoted newline");
                    }
                }
                "events.jsonl" | "mongo_customers.json" => {
                    let docs: Vec<Value> = data
                        .split(|&c| c == b'\n')
                        .filter(|l| !l.is_empty())
                        .map(|l| serde_json::from_slice(l).expect("each line is a JSON document"))
                        .collect();
                    for e in entries {
                        assert_eq!(e.record, line_of(e.offset), "{e:?}");
                        let v = decoded(name, &data[e.offset..e.offset + e.length]);
                        let field = e.field.as_deref().expect("JSON values have a field");
                        let found = leaves(&docs[e.record - 1], field);
                        assert!(
                            found.iter().any(|l| l.contains(&v)),
                            "{e:?}: {v} not in {found:?}"
                        );
                    }
                }
                "orders_array.json" => {
                    let docs: Vec<Value> = serde_json::from_slice(data).expect("one JSON array");
                    let elements = array_elements(data);
                    assert_eq!(docs.len(), elements.len());
                    for e in entries {
                        let i = elements.partition_point(|el| el.1 <= e.offset);
                        assert!(elements[i].0 < e.offset, "{e:?}");
                        assert_eq!(e.record, i + 1, "{e:?}");
                        let v = decoded(name, &data[e.offset..e.offset + e.length]);
                        let field = e.field.as_deref().expect("JSON values have a field");
                        assert!(leaves(&docs[i], field).contains(&v), "{e:?}: {v}");
                    }
                }
                "app.log" | "notes.txt" => {
                    for e in entries {
                        assert_eq!(e.record, line_of(e.offset), "{e:?}");
                        let before = &data[..e.offset];
                        match e.field.as_deref() {
                            Some(key) => assert!(
                                before.ends_with(format!(" {key}=").as_bytes())
                                    || before.ends_with(format!(" {key}=\"").as_bytes()),
                                "{e:?}"
                            ),
                            None => assert!(!before.ends_with(b"=") && !before.ends_with(b"=\"")),
                        }
                    }
                }
                sql if sql.ends_with(".sql") => {
                    // A row tuple starts each `INSERT` line (pg_users.sql's raw newlines
                    // inside values start no `INSERT`), each `),(` of mysqldump's extended
                    // inserts, and each tab-separated COPY line.
                    let mut tuples = Vec::new();
                    let mut at = 0;
                    for line in data.split_inclusive(|&c| c == b'\n') {
                        if line.starts_with(b"INSERT") || line.contains(&b'\t') {
                            tuples.push(at);
                        }
                        if line.starts_with(b"INSERT") || line.starts_with(b",(") {
                            for (k, w) in line.windows(3).enumerate() {
                                if w == b"),(" {
                                    tuples.push(at + k + 1);
                                }
                            }
                        }
                        at += line.len();
                    }
                    for e in entries {
                        let field = e.field.as_deref().expect("SQL values have a field");
                        let table = &sql[sql.find('_').expect("kind_table.sql") + 1..sql.len() - 4];
                        assert!(field.starts_with(&format!("{table}.")), "{e:?}");
                        let record = tuples.partition_point(|&t| t <= e.offset);
                        assert_eq!(e.record, record, "{e:?}");
                    }
                }
                _ => assert_eq!(name, TRUTH_FILE),
            }
        }
    }

    /// Whether a keyword of a weak type ends within the 32 bytes before `at` in `line`.
    fn keyword_before(line: &[u8], at: usize) -> bool {
        let window = String::from_utf8_lossy(&line[at.saturating_sub(32)..at]).to_lowercase();
        window
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| vocab::KEYWORDS.contains(&w))
    }

    #[test]
    fn weak_shapes_in_free_text_follow_keywords_and_decoys_do_not() {
        let set = make(15, 300_000, Density::Dense);
        let runs = Regex::new(r"\d{9,}").expect("compiles");
        let (mut supported, mut unsupported) = (0, 0);
        for name in ["app.log", "notes.txt"] {
            let data = &set.files[name];
            let mut start = 0;
            for line in data.split(|&c| c == b'\n') {
                for m in runs.find_iter(line) {
                    let (s, e) = (start + m.start(), start + m.end());
                    let keyword = keyword_before(line, m.start());
                    match set.covered(name, s, e) {
                        Some(t) if t.field.is_none() && t.offset == s && t.length == e - s => {
                            assert!(keyword, "weak {t:?} without a keyword");
                            supported += 1;
                        }
                        Some(_) => {}
                        None => {
                            assert!(
                                !keyword,
                                "decoy {:?} after a keyword",
                                String::from_utf8_lossy(line)
                            );
                            unsupported += 1;
                        }
                    }
                }
                start += line.len() + 1;
            }
        }
        assert!(
            supported > 10 && unsupported > 10,
            "{supported} {unsupported}"
        );
    }

    #[test]
    fn sizes_and_densities_follow_the_config() {
        for (density, per_entry) in [(Density::Dense, 50..200), (Density::Sparse, 1000..10_000)] {
            let set = make(16, 400_000, density);
            let data: u64 = set
                .summary
                .files
                .iter()
                .filter(|(p, _)| !p.ends_with(TRUTH_FILE))
                .map(|f| f.1)
                .sum();
            assert!((400_000..440_000).contains(&data), "{density:?}: {data}");
            let bytes = data / set.summary.truth_entries;
            assert!(
                per_entry.contains(&bytes),
                "{density:?}: a value per {bytes} bytes"
            );
        }
    }

    #[test]
    fn samples_stay_under_a_megabyte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let summary = generate(&sample_config(dir.path())).expect("generate");
        assert_eq!(summary.files.len(), FileKind::ALL.len() + 1);
        let total: u64 = summary.files.iter().map(|f| f.1).sum();
        assert!(total < 1_000_000, "{total}");
    }
}

//! SQLite database files (read with `rusqlite`, SQLite compiled in): a record per row of every
//! table, in the order the tables were created, the field of a value `table.column` (as in SQL
//! dumps: `users.email`). The database is opened read-only from a copy of its bytes in memory
//! (it may come from inside an archive); nothing is written to disk. A database file too
//! large to copy is read in place instead ([`read_in_parts`]), its rows handed on in parts
//! of bounded size, so memory does not grow with it.
//!
//! - Values: TEXT as its bytes; INTEGER and REAL as their decimal text (a phone or a card
//!   number stored as an integer is `9876543210`; a whole REAL has no `.0`, one below 1e-6 or
//!   from 1e21 is written with an exponent); NULL is no value; a BLOB is scanned as bytes when
//!   it holds text (valid UTF-8 that would be read as a text file), otherwise passed over and
//!   its bytes counted as skipped.
//! - Tables: SQLite's own (`sqlite_%`) are left out, and so are virtual tables (full-text
//!   indexes, R-trees): what they hold is stored in their shadow tables (`docs_content`), read
//!   like any other. Columns computed on read (`GENERATED ALWAYS AS … VIRTUAL`) are left out;
//!   stored ones are read.
//! - A database in WAL mode whose `-wal` file lies beside it on disk, or next to it in an
//!   archive, is read with the transactions that log holds committed ([`wal`]), as SQLite
//!   would read it; the log itself is then skipped as `read_with:sqlite` (alone, where it is
//!   not applied: `unsupported:sqlite_wal`).
//! - Failures: a file without SQLite's header (a `.db` encrypted with SQLCipher), a corrupt
//!   page, or one whose rows expand past [`MAX_EXPANSION`] times its size (pages shared by
//!   several parents in a crafted file) is an error in fixed words: the whole file is its
//!   error, no row of it is scanned.

use super::{Builder, DocError, Extracted};
use crate::input::content::{self, Content, Encoding};
use rusqlite::config::DbConfig;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;

pub mod wal;

/// What a database's write-ahead log is named after: `app.db` has `app.db-wal`.
pub const WAL_SUFFIX: &str = "-wal";

/// The database at `path` (its bytes `db`) with the log beside it applied ([`wal::apply`]);
/// `None` when there is no log there, or it commits nothing to this database.
pub fn with_wal_beside(path: &Path, db: &[u8]) -> Option<Vec<u8>> {
    let mut log = path.as_os_str().to_owned();
    log.push(WAL_SUFFIX);
    let log = std::fs::read(log).ok()?;
    wal::apply(db, &log)
}

/// The report format, and the kind in errors.
pub const FORMAT: &str = "sqlite";

/// How many times its own size (plus 1 MiB) a database's rows may take as text, counting one
/// byte for each row. Stored values take at most about three times their bytes (an integer
/// `1` is stored in its header byte, a REAL in 8); more means pages shared by several parents,
/// or long defaults of rows stored before their column was added, in a crafted file.
pub const MAX_EXPANSION: usize = 4;

/// Extracts the rows of a SQLite database.
pub fn extract(data: &[u8]) -> Result<Extracted, DocError> {
    check_header(data)?;
    let db = open(data).map_err(unreadable)?;
    let mut out = Rows {
        builder: Builder::new(FORMAT),
        budget: budget_of(data.len() as u64),
        parts: None,
    };
    read_tables(&db, &mut out)?;
    Ok(out.builder.finish())
}

/// Reads the database file at `path` in place, read-only and never copied into memory, and
/// hands its rows to `take` in parts: each part ends with the first row that brings its text
/// to `part_bytes` or more, the last with the last row. `take` returns `false` to stop the
/// reading. The parts come in the order [`extract`] gives the rows; a write-ahead log beside
/// the file is not applied (SQLite is told the file is immutable, so that it writes nothing
/// beside it). An error ends the reading: what was read before it (a row cut short too) is
/// handed on as the last part.
pub fn read_in_parts(
    path: &Path,
    part_bytes: usize,
    take: &mut dyn FnMut(Extracted) -> bool,
) -> Result<(), DocError> {
    let cannot_open = |_| DocError::new(FORMAT, "cannot be read: the file cannot be opened");
    let file = std::fs::File::open(path).map_err(cannot_open)?;
    let len = file.metadata().map_err(cannot_open)?.len();
    let mut head = Vec::new();
    file.take(content::HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(cannot_open)?;
    check_header(&head)?;
    let db = open_in_place(path).map_err(unreadable)?;
    let mut out = Rows {
        builder: Builder::new(FORMAT),
        budget: budget_of(len),
        parts: Some((part_bytes, take)),
    };
    let read = read_tables(&db, &mut out);
    // The rows read since the last part, up to the end or an error, are the last part.
    if !matches!(read, Ok(false)) {
        let last = out.builder.finish();
        if last.records() > 0 || last.skipped() > 0 {
            let (_, take) = out.parts.expect("reading in parts");
            take(last);
        }
    }
    read.map(|_| ())
}

/// An error unless `head` starts with SQLite's header.
fn check_header(head: &[u8]) -> Result<(), DocError> {
    match content::classify(head) == Content::Document(FORMAT) {
        true => Ok(()),
        false => Err(DocError::new(
            FORMAT,
            "no SQLite header (encrypted, e.g. with SQLCipher, or not a SQLite database)",
        )),
    }
}

/// What the rows of a database go to: one document, or parts handed on as they fill.
struct Rows<'a> {
    builder: Builder,
    /// Bytes of text (one a row) the rows may still take ([`MAX_EXPANSION`]).
    budget: usize,
    /// The size of a part, and who takes each part (`false`: stop).
    parts: Option<(usize, &'a mut dyn FnMut(Extracted) -> bool)>,
}

impl Rows<'_> {
    /// Ends a row that took `cost` bytes of the budget; `Ok(false)` when the taker of a
    /// full part asks to stop.
    fn end_row(&mut self, cost: usize) -> Result<bool, DocError> {
        self.builder.end_record();
        self.budget = self.budget.checked_sub(cost).ok_or_else(|| {
            DocError::new(
                FORMAT,
                "rows take more room than a database of its size holds (corrupt or crafted)",
            )
        })?;
        match &mut self.parts {
            Some((size, take)) if self.builder.text_len() >= *size => {
                let full = std::mem::replace(&mut self.builder, Builder::new(FORMAT));
                Ok(take(full.finish()))
            }
            _ => Ok(true),
        }
    }
}

/// The text a database of `len` bytes may expand to ([`MAX_EXPANSION`]).
fn budget_of(len: u64) -> usize {
    MAX_EXPANSION
        .saturating_mul(usize::try_from(len).unwrap_or(usize::MAX))
        .saturating_add(1 << 20)
}

/// Reads every table's rows into `out`; `Ok(false)` when it was asked to stop.
fn read_tables(db: &Connection, out: &mut Rows<'_>) -> Result<bool, DocError> {
    for table in tables(db).map_err(unreadable)? {
        if !read_table(db, &table, out)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Settings of every connection: schema code in the file runs untrusted.
fn harden(db: &Connection) -> rusqlite::Result<()> {
    db.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    db.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

/// A connection to a read-only copy of `data` in memory.
fn open(data: &[u8]) -> rusqlite::Result<Connection> {
    let mut db = Connection::open_in_memory()?;
    harden(&db)?;
    // The header's write and read versions (bytes 18 and 19) are 2 in WAL mode, which a
    // database in memory cannot open: read as 1 (rollback journal), its pages are the same.
    let (head, rest) = data.split_at(data.len().min(20));
    let mut head = head.to_vec();
    for version in head.iter_mut().skip(18).filter(|v| **v == 2) {
        *version = 1;
    }
    let copy = head.as_slice().chain(rest);
    db.deserialize_read_exact(rusqlite::MAIN_DB, copy, data.len(), true)?;
    Ok(db)
}

/// A read-only connection to the database file at `path`, opened as immutable: SQLite takes
/// no lock and reads no journal or log, and so creates no file beside it.
fn open_in_place(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let db = Connection::open_with_flags(file_uri(path), flags)?;
    harden(&db)?;
    Ok(db)
}

/// The `file:` URI of `path` with `immutable=1`: every byte but letters, digits and `/._-~`
/// escaped, so that a `?`, `#` or `%` in a name is part of the path.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'.' | b'_' | b'-' | b'~' => {
                uri.push(char::from(b))
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The names of the tables read, in the order they were created.
fn tables(db: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = db.prepare(
        "SELECT name FROM main.sqlite_schema WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid",
    )?;
    let names = stmt.query_map([], |row| row.get(0))?;
    names.collect()
}

/// Hands every row of `table` to `out` as a record; `Ok(false)` when it was asked to stop.
fn read_table(db: &Connection, table: &str, out: &mut Rows<'_>) -> Result<bool, DocError> {
    let columns: Vec<String> = db
        .prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden IN (0, 3) ORDER BY cid")
        .and_then(|mut stmt| stmt.query_map([table], |row| row.get(0))?.collect())
        .map_err(unreadable)?;
    if columns.is_empty() {
        return Ok(true);
    }
    let fields: Vec<String> = columns.iter().map(|c| format!("{table}.{c}")).collect();
    let list: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
    let sql = format!("SELECT {} FROM main.{}", list.join(", "), quoted(table));
    let mut stmt = db.prepare(&sql).map_err(unreadable)?;
    let mut rows = stmt.query([]).map_err(unreadable)?;
    let mut number = itoa::Buffer::new();
    while let Some(row) = rows.next().map_err(unreadable)? {
        let mut cost = 1;
        for (i, field) in fields.iter().enumerate() {
            let field = Some(field.as_str());
            match row.get_ref(i).map_err(unreadable)? {
                ValueRef::Null => {}
                ValueRef::Integer(n) => {
                    let text = number.format(n);
                    cost += text.len();
                    out.builder.value(field, text);
                }
                ValueRef::Real(x) => {
                    let text = real_text(x);
                    cost += text.len();
                    out.builder.value(field, &text);
                }
                ValueRef::Text(bytes) => {
                    cost += bytes.len();
                    out.builder.value_bytes(field, bytes);
                }
                ValueRef::Blob(bytes) if is_text(bytes) => {
                    cost += bytes.len();
                    out.builder.value_bytes(field, bytes);
                }
                ValueRef::Blob(bytes) => {
                    cost += bytes.len();
                    out.builder.skip(bytes.len() as u64);
                }
            }
        }
        if !out.end_row(cost)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// An identifier quoted for SQL.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A REAL as decimal text: as Rust writes it (`9876543210`, `0.5`) from 1e-6 to 1e21, with an
/// exponent outside (`1e-9`, `1.5e300`; `inf`).
fn real_text(x: f64) -> String {
    if x == 0.0 || (1e-6..1e21).contains(&x.abs()) {
        x.to_string()
    } else {
        format!("{x:e}")
    }
}

/// Whether a BLOB holds text to scan: valid UTF-8 that would be read as text were it a file
/// (no NUL byte, at most a quarter of control bytes, no magic bytes of a binary kind).
fn is_text(blob: &[u8]) -> bool {
    std::str::from_utf8(blob).is_ok()
        && matches!(
            content::classify(blob),
            Content::Text(Encoding::Utf8 | Encoding::Utf8Bom)
        )
}

/// The error of a database SQLite cannot read, in SQLite's fixed words (never a name or a
/// value from the file).
fn unreadable(e: rusqlite::Error) -> DocError {
    let reason = match e {
        rusqlite::Error::SqliteFailure(e, _) => rusqlite::ffi::code_to_str(e.extended_code),
        _ => "unexpected content",
    };
    DocError::new(FORMAT, format!("cannot be read: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{FieldRef, FieldSink, Value};

    /// The (record, field, value) triples a document hands a sink.
    #[derive(Default)]
    struct Rows(Vec<(usize, String, String)>, usize);

    impl FieldSink for Rows {
        fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
            let FieldRef::Name(name) = field else {
                panic!("a value without a field");
            };
            self.0.push((
                self.1 + 1,
                String::from_utf8_lossy(name).into_owned(),
                String::from_utf8_lossy(value.bytes).into_owned(),
            ));
        }

        fn end_record(&mut self) {
            self.1 += 1;
        }
    }

    /// The bytes of a database built in memory by `sql`.
    fn database(sql: &str) -> Vec<u8> {
        let mut db = Connection::open_in_memory().unwrap();
        db.execute_batch(sql).unwrap();
        db.serialize(rusqlite::MAIN_DB).unwrap().to_vec()
    }

    fn rows(doc: &Extracted) -> Vec<(usize, String, String)> {
        let mut rows = Rows::default();
        doc.tokenize(0..doc.records(), 0, &mut rows);
        rows.0
    }

    fn row(record: usize, field: &str, value: &str) -> (usize, String, String) {
        (record, field.to_string(), value.to_string())
    }

    #[test]
    fn rows_are_records_and_columns_fields() {
        let data = database(
            "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, \
                 phone INTEGER, email TEXT, score REAL, note BLOB, photo BLOB, \
                 shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL);
             CREATE INDEX users_email ON users (email);
             INSERT INTO users (name, phone, email, score, note, photo) VALUES
                 ('Asha Rao', 9876543210, 'asha.rao@example.com', 0.5,
                  CAST('call 98765 43210' AS BLOB), x'89504e470d0a1a0a0000'),
                 ('  Ravi Kumar ', NULL, NULL, 2.0, NULL, NULL),
                 (NULL, NULL, NULL, NULL, NULL, NULL);
             CREATE TABLE \"order \"\"items\"\"\" (sku TEXT, qty INTEGER);
             INSERT INTO \"order \"\"items\"\"\" VALUES ('A-1', 3);
             ANALYZE;",
        );
        let doc = extract(&data).unwrap();
        assert_eq!(doc.format, "sqlite");
        // NULLs are no values (a row of them is still a record), the PNG BLOB is skipped and
        // counted, the computed column is not read, nor sqlite_sequence and sqlite_stat1.
        assert_eq!(
            rows(&doc),
            [
                row(1, "users.id", "1"),
                row(1, "users.name", "Asha Rao"),
                row(1, "users.phone", "9876543210"),
                row(1, "users.email", "asha.rao@example.com"),
                row(1, "users.score", "0.5"),
                row(1, "users.note", "call 98765 43210"),
                row(2, "users.id", "2"),
                row(2, "users.name", "Ravi Kumar"),
                row(2, "users.score", "2"),
                row(3, "users.id", "3"),
                row(4, "order \"items\".sku", "A-1"),
                row(4, "order \"items\".qty", "3"),
            ]
        );
        assert_eq!(doc.records(), 4);
        assert_eq!(doc.skipped(), 10);
    }

    #[test]
    fn virtual_tables_are_read_from_their_shadow_tables() {
        let data = database(
            "CREATE VIRTUAL TABLE notes USING fts5(body);
             INSERT INTO notes VALUES ('write to ravi@example.com');",
        );
        let got = rows(&extract(&data).unwrap());
        assert!(got
            .iter()
            .any(|(_, f, v)| f == "notes_content.c0" && v == "write to ravi@example.com"));
        assert!(
            got.iter().all(|(_, f, _)| !f.starts_with("notes.")),
            "{got:?}"
        );
    }

    #[test]
    fn collations_of_other_programs_do_not_stop_reading() {
        // Android's databases sort with `COLLATE LOCALIZED`, which SQLite here does not have.
        let mut db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE contacts (name TEXT COLLATE NOCASE);
             CREATE INDEX by_name ON contacts (name COLLATE NOCASE);
             INSERT INTO contacts VALUES ('Asha Rao');
             PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = replace(sql, 'NOCASE', 'LOCALIZED');",
        )
        .unwrap();
        let data = db.serialize(rusqlite::MAIN_DB).unwrap().to_vec();
        assert_eq!(
            rows(&extract(&data).unwrap()),
            [row(1, "contacts.name", "Asha Rao")]
        );
    }

    #[test]
    fn rows_expanding_past_the_file_are_an_error() {
        // Rows stored before a column was added read its default: a crafted default of 100 kB
        // makes a thousand short rows a hundred megabytes of text.
        let mut db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE t (a INTEGER);
             INSERT INTO t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n \
                 WHERE i < 1000) SELECT i FROM n;
             PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE TABLE t (a INTEGER, b DEFAULT ''' \
                 || hex(zeroblob(50000)) || ''')' WHERE name = 't';",
        )
        .unwrap();
        let data = db.serialize(rusqlite::MAIN_DB).unwrap().to_vec();
        assert_eq!(
            extract(&data).err().map(|e| e.to_string()).as_deref(),
            Some("sqlite: rows take more room than a database of its size holds (corrupt or crafted)")
        );
    }

    #[test]
    fn databases_in_wal_mode_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wal.db");
        let db = Connection::open(&path).unwrap();
        db.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE t (email TEXT);
             INSERT INTO t VALUES ('asha.rao@example.com');",
        )
        .unwrap();
        drop(db);
        let data = std::fs::read(&path).unwrap();
        assert_eq!(data[18..20], [2, 2]);
        assert_eq!(
            rows(&extract(&data).unwrap()),
            [row(1, "t.email", "asha.rao@example.com")]
        );
    }

    /// A copy of a live database in WAL mode: its newest row is in the log beside it, read
    /// with it; a log whose last frame is damaged commits nothing and is left out.
    #[test]
    fn the_log_beside_a_copied_database_is_applied() {
        let copy = tempfile::tempdir().unwrap();
        crate::synth::documents::write_live_database_copy(
            copy.path(),
            &["asha.rao@example.com"],
            &["vikram.s@example.org"],
        )
        .unwrap();
        let copied = copy.path().join("app.db");
        let data = std::fs::read(&copied).unwrap();
        let asha = row(1, "users.email", "asha.rao@example.com");
        assert_eq!(rows(&extract(&data).unwrap()), std::slice::from_ref(&asha));
        let merged = with_wal_beside(&copied, &data).expect("the log commits a row");
        assert_eq!(
            rows(&extract(&merged).unwrap()),
            [asha, row(2, "users.email", "vikram.s@example.org")]
        );

        let mut damaged = std::fs::read(copy.path().join("app.db-wal")).unwrap();
        assert_eq!(content::classify(&damaged), Content::Document("sqlite_wal"));
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert_eq!(wal::apply(&data, &damaged), None);
        assert_eq!(wal::apply(&data, b""), None);
        assert_eq!(with_wal_beside(&copy.path().join("other.db"), &data), None);
    }

    #[test]
    fn reals_and_blobs_as_text() {
        assert_eq!(real_text(9876543210.0), "9876543210");
        assert_eq!(real_text(-0.25), "-0.25");
        assert_eq!(real_text(0.0), "0");
        assert_eq!(real_text(1e-9), "1e-9");
        assert_eq!(real_text(1.5e300), "1.5e300");
        assert!(is_text(b"asha.rao@example.com"));
        assert!(is_text("Zoë, café".as_bytes()));
        assert!(!is_text(b"\x89PNG\r\n\x1a\n"));
        assert!(!is_text(b"ab\0cd"));
        assert!(!is_text(b"\x01\x02\x03x"));
    }

    #[test]
    fn broken_and_encrypted_files_are_errors() {
        let err = |data: &[u8]| {
            extract(data)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            err(b"\x8f\x12\xa0 random bytes of an encrypted file"),
            "sqlite: no SQLite header (encrypted, e.g. with SQLCipher, or not a SQLite database)"
        );
        let mut garbage = b"SQLite format 3\0".to_vec();
        garbage.extend(b"\x10\x00 not the rest of a database".repeat(50));
        assert!(err(&garbage).starts_with("sqlite: cannot be read: "));
        // A database cut short.
        let mut cut = database(
            "CREATE TABLE t (a TEXT); INSERT INTO t WITH RECURSIVE n(i) AS (SELECT 1 \
             UNION ALL SELECT i + 1 FROM n WHERE i < 30) SELECT hex(randomblob(900)) FROM n;",
        );
        cut.truncate(cut.len() / 2);
        assert!(
            err(&cut).starts_with("sqlite: cannot be read: "),
            "{}",
            err(&cut)
        );
    }

    /// Read in place, in parts of any size, a database gives the rows and text read whole,
    /// whatever its file is named; a taker that asks to stop gets no more parts.
    #[test]
    fn read_in_parts_gives_the_rows_read_whole() {
        let data = database(
            "CREATE TABLE users (name TEXT, email TEXT, photo BLOB);
             INSERT INTO users WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                 WHERE i < 40) SELECT 'Asha ' || i, 'asha' || i || '@example.com',
                 x'89504e470d0a1a0a0000' FROM n;
             CREATE TABLE empty (a TEXT);
             CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('call 98765 43210');",
        );
        let whole = extract(&data).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd ?#%name.db");
        std::fs::write(&path, &data).unwrap();
        for part_bytes in [1, 100, 1 << 20] {
            let (mut text, mut records, mut skipped, mut parts) = (Vec::new(), Vec::new(), 0, 0);
            read_in_parts(&path, part_bytes, &mut |part| {
                let mut rows = Rows::default();
                part.tokenize(0..part.records(), text.len() as u64, &mut rows);
                records.extend(rows.0.into_iter().map(|(_, field, value)| (field, value)));
                text.extend_from_slice(part.text());
                skipped += part.skipped();
                parts += 1;
                true
            })
            .unwrap();
            let expected: Vec<_> = rows(&whole).into_iter().map(|(_, f, v)| (f, v)).collect();
            assert_eq!(records, expected, "{part_bytes}");
            assert_eq!(text, whole.text(), "{part_bytes}");
            assert_eq!(skipped, whole.skipped(), "{part_bytes}");
            // A part ends with the row that fills it: a row a part, some, or one.
            match part_bytes {
                1 => assert_eq!(parts, whole.records()),
                100 => assert!((2..whole.records()).contains(&parts), "{parts}"),
                _ => assert_eq!(parts, 1),
            }
        }
        let mut taken = 0;
        read_in_parts(&path, 1, &mut |_| {
            taken += 1;
            taken < 3
        })
        .unwrap();
        assert_eq!(taken, 3);
        let missing = read_in_parts(&dir.path().join("missing.db"), 1, &mut |_| true);
        assert!(missing.is_err());
        // No lock, journal or log file is made beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

//! The SQL dumps, with the rows of the tabular files: `mysql_users.sql` (mysqldump: extended
//! inserts, backslash escapes, `_binary` strings, e-mails as `0x` hex, a trigger in a `DELIMITER ;;`
//! block whose body holds a decoy insert), `pg_payments.sql` (pg_dump with a `COPY` block:
//! tabs, `\N`, backslash escapes), `pg_users.sql` (pg_dump `--column-inserts`: one statement
//! a row, `''` escapes, raw newlines) and `sqlite_people.sql` (SQLite `.dump`, e-mails
//! now and then as `X'…'` blobs). Truth fields
//! are `table.column`, records the row tuples of each file.

use super::out::{Cell, Field, Out};
use super::tabular::{Contacts, Payments, Users, CONTACTS, PAYMENTS, USERS};
use super::values::Gen;
use super::Writer;

/// How a string is written inside a dump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Escape {
    /// In single quotes, MySQL style: `\'`, `\"`, `\\`, `\n`, `\r`, `\0`.
    Backslash,
    /// In single quotes, standard SQL: `''`, everything else as it is.
    Standard,
    /// A `COPY` text field: `\\`, `\t`, `\n`, `\r`.
    Copy,
    /// Hex digits (`0x…`, `X'…'`), two a byte.
    Hex,
}

/// Appends `s` encoded as `escape` says.
fn encode(b: &mut Vec<u8>, s: &[u8], escape: Escape) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &c in s {
        match (escape, c) {
            (Escape::Hex, _) => {
                b.extend_from_slice(&[HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]])
            }
            (Escape::Backslash, b'\'' | b'"' | b'\\') | (Escape::Copy, b'\\') => {
                b.extend_from_slice(&[b'\\', c])
            }
            (Escape::Backslash | Escape::Copy, b'\n') => b.extend_from_slice(b"\\n"),
            (Escape::Backslash | Escape::Copy, b'\r') => b.extend_from_slice(b"\\r"),
            (Escape::Backslash, 0) => b.extend_from_slice(b"\\0"),
            (Escape::Copy, b'\t') => b.extend_from_slice(b"\\t"),
            (Escape::Standard, b'\'') => b.extend_from_slice(b"''"),
            _ => b.push(c),
        }
    }
}

/// Whether the cell is a plain number a dump writes unquoted (`42`, `9876543210`, `12.50`).
fn numeric(cell: &Cell) -> bool {
    let b = cell.bytes();
    !b.is_empty()
        && b[0] != b'0'
        && b.len() <= 18
        && b.iter().all(|&c| c.is_ascii_digit() || c == b'.')
        && b.iter().filter(|&&c| c == b'.').count() <= 1
}

/// Writes one value of a tuple: `NULL` when empty, a number unquoted (when `bare_numbers`),
/// else a string in quotes encoded as `escape` says, after `prefix` (`_binary `).
fn value(out: &mut Out<'_>, cell: &Cell, escape: Escape, prefix: &[u8], bare_numbers: bool) {
    if cell.is_empty() {
        out.lit(b"NULL");
    } else if bare_numbers && numeric(cell) {
        out.raw(cell);
    } else if escape == Escape::Hex {
        out.lit(prefix);
        out.emit(cell, |b, s| encode(b, s, Escape::Hex));
    } else {
        out.lit(prefix);
        out.lit(b"'");
        out.emit(cell, |b, s| encode(b, s, escape));
        out.lit(b"'");
    }
}

/// `table.column` names of the SQL `users` table, in [`USERS`] order (the length makes the
/// compiler hold the two lists together).
const USERS_FIELDS: [&str; USERS.len()] = [
    "users.user_id",
    "users.full_name",
    "users.email",
    "users.mobile_no",
    "users.dob",
    "users.gender",
    "users.address",
    "users.city",
    "users.pincode",
    "users.country",
    "users.national_id",
    "users.pan",
    "users.password",
    "users.signup_ip",
    "users.user_agent",
    "users.created_at",
    "users.app_version",
    "users.status",
    "users.plan",
    "users.passport_no",
    "users.updated_on",
    "users.notes",
];

/// `table.column` names of the SQL `payments` table, in [`PAYMENTS`] order.
const PAYMENTS_FIELDS: [&str; PAYMENTS.len()] = [
    "payments.txn_id",
    "payments.order_id",
    "payments.created_ms",
    "payments.customer_name",
    "payments.card_number",
    "payments.card_last4",
    "payments.card_masked",
    "payments.expiry",
    "payments.amount",
    "payments.currency",
    "payments.upi_id",
    "payments.merchant",
    "payments.description",
    "payments.status",
    "payments.internal_ref",
    "payments.device_imei",
    "payments.account_ref",
    "payments.billing_zip",
    "payments.ip_address",
    "payments.ssn",
];

/// `table.column` names of the SQLite `people` table, in [`CONTACTS`] order.
const PEOPLE_FIELDS: [&str; 13] = [
    "people.id",
    "people.given_name",
    "people.surname",
    "people.phone",
    "people.email",
    "people.upi",
    "people.national_id",
    "people.city",
    "people.created_ms",
    "people.internal_ref",
    "people.status",
    "people.merchant",
    "people.note",
];

/// The column name of a `table.column` field.
fn column(field: &str) -> &str {
    field.rsplit_once('.').map_or(field, |(_, c)| c)
}

/// Writes `(a, b, …)` or `` (`a`,`b`,…) `` for these fields.
fn column_list(out: &mut Out<'_>, fields: &[&str], quote: &[u8], sep: &[u8]) {
    out.lit(b"(");
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.lit(sep);
        }
        out.lit(quote);
        out.lit(column(f).as_bytes());
        out.lit(quote);
    }
    out.lit(b")");
}

/// A `CREATE TABLE` for these fields, every column `type_`, names in `quote`s.
fn create_table(out: &mut Out<'_>, table: &str, fields: &[&str], quote: &[u8], type_: &str) {
    out.lit(b"CREATE TABLE ");
    out.lit(table.as_bytes());
    out.lit(b" (\n");
    for f in fields {
        out.lit(b"  ");
        out.lit(quote);
        out.lit(column(f).as_bytes());
        out.lit(quote);
        out.lit(b" ");
        out.lit(type_.as_bytes());
        out.lit(b",\n");
    }
    out.lit(b"  PRIMARY KEY (");
    out.lit(quote);
    out.lit(column(fields[0]).as_bytes());
    out.lit(quote);
    out.lit(b")\n);\n");
}

/// The fields of one users row, each built into a cell and handed to `write`.
fn users_row(
    g: &mut Gen,
    cell: &mut Cell,
    clean: bool,
    mut write: impl FnMut(usize, &Cell, &mut Gen),
) {
    g.new_person();
    g.tick(900);
    for (i, (&name, &field)) in USERS.iter().zip(&USERS_FIELDS).enumerate() {
        Users::cell(g, cell, name, Some(field), clean);
        write(i, cell, g);
    }
}

/// `mysql_users.sql`: a mysqldump of `users`, extended inserts of up to 40 rows.
#[derive(Default)]
pub(super) struct Mysql {
    cell: Cell,
    /// Rows in the open `INSERT` statement.
    rows: u32,
}

impl Writer for Mysql {
    fn begin(&mut self, out: &mut Out<'_>) {
        out.lit(
            b"-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    \
              Database: shop\n-- ------------------------------------------------------\n\n\
              /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n\
              /*!40101 SET NAMES utf8mb4 */;\n\n--\n-- Table structure for table `users`\n--\n\n\
              DROP TABLE IF EXISTS `users`;\n",
        );
        create_table(
            out,
            "`users`",
            &USERS_FIELDS,
            b"`",
            "varchar(255) DEFAULT NULL",
        );
        // A trigger whose body inserts a row: never a row of the dump.
        out.lit(
            b"DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 \
              TRIGGER `users_audit` AFTER INSERT ON `users` FOR EACH ROW BEGIN\n  INSERT INTO \
              `audit` VALUES (NEW.user_id, 'audit.bot@example.com', '+91 98765 43210'); END */;;\n\
              DELIMITER ;\n\n--\n-- Dumping data for table `users`\n--\n\n\
              LOCK TABLES `users` WRITE;\n/*!40000 ALTER TABLE `users` DISABLE KEYS */;\n",
        );
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        if self.rows == 0 {
            out.lit(b"INSERT INTO `users` VALUES (");
        } else {
            out.lit(b",(");
        }
        let cell = &mut self.cell;
        users_row(g, cell, clean, |i, cell, g| {
            if i > 0 {
                out.lit(b",");
            }
            let field = USERS_FIELDS[i];
            let (escape, prefix): (Escape, &[u8]) = match field {
                "users.password" if g.chance(30) => (Escape::Backslash, b"_binary "),
                // A binary column dumped with --hex-blob.
                "users.email" if g.chance(8) => (Escape::Hex, b"0x"),
                _ => (Escape::Backslash, b""),
            };
            value(out, cell, escape, prefix, true);
        });
        out.lit(b")");
        out.end_record();
        self.rows += 1;
        if self.rows == 40 || g.chance(3) {
            out.lit(b";\n");
            self.rows = 0;
        }
    }

    fn end(&mut self, out: &mut Out<'_>) {
        if self.rows > 0 {
            out.lit(b";\n");
        }
        out.lit(
            b"/*!40000 ALTER TABLE `users` ENABLE KEYS */;\nUNLOCK TABLES;\n\n-- Dump completed\n",
        );
    }
}

/// The header of a pg_dump.
const PG_HEADER: &[u8] =
    b"--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 16.2\n\n\
SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\
SELECT pg_catalog.set_config('search_path', '', false);\n\n\
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  \
INSERT INTO public.audit VALUES ('audit.bot@example.com');\n  RETURN NEW;\nEND;\n$$;\n\n";

/// The start of a pg_dump of one table: [`PG_HEADER`], then its `CREATE TABLE` with every
/// column `text`, names unquoted.
fn pg_create(out: &mut Out<'_>, table: &str, fields: &[&str]) {
    out.lit(PG_HEADER);
    create_table(out, table, fields, b"", "text");
}

/// `pg_payments.sql`: a pg_dump of `payments` with its rows in a `COPY` block.
#[derive(Default)]
pub(super) struct PgCopy {
    cell: Cell,
}

impl Writer for PgCopy {
    fn begin(&mut self, out: &mut Out<'_>) {
        pg_create(out, "public.payments", &PAYMENTS_FIELDS);
        out.lit(b"\nALTER TABLE public.payments OWNER TO shop;\n\nCOPY public.payments ");
        column_list(out, &PAYMENTS_FIELDS, b"", b", ");
        out.lit(b" FROM stdin;\n");
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        let card = Payments::new_payment(g);
        for (i, (&name, &field)) in PAYMENTS.iter().zip(&PAYMENTS_FIELDS).enumerate() {
            if i > 0 {
                out.lit(b"\t");
            }
            let c = &mut self.cell;
            Payments::cell(g, c, name, Some(field), card, clean);
            if c.is_empty() {
                out.lit(b"\\N");
            } else {
                out.emit(c, |b, s| encode(b, s, Escape::Copy));
            }
        }
        out.lit(b"\n");
        out.end_record();
    }

    fn end(&mut self, out: &mut Out<'_>) {
        out.lit(b"\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n");
    }
}

/// `pg_users.sql`: a pg_dump `--column-inserts` of `users`, one statement a row.
#[derive(Default)]
pub(super) struct PgInserts {
    cell: Cell,
}

impl Writer for PgInserts {
    fn begin(&mut self, out: &mut Out<'_>) {
        pg_create(out, "public.users", &USERS_FIELDS);
        out.lit(b"\n");
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        out.lit(b"INSERT INTO public.users ");
        column_list(out, &USERS_FIELDS, b"", b", ");
        out.lit(b" VALUES (");
        users_row(g, &mut self.cell, clean, |i, cell, _| {
            if i > 0 {
                out.lit(b", ");
            }
            // Quoted throughout, as a text column is.
            let bare = USERS_FIELDS[i] == "users.user_id";
            value(out, cell, Escape::Standard, b"", bare);
        });
        out.lit(b");\n");
        out.end_record();
    }
}

/// `sqlite_people.sql`: an SQLite `.dump` of an address book.
#[derive(Default)]
pub(super) struct Sqlite {
    cell: Cell,
}

impl Writer for Sqlite {
    fn begin(&mut self, out: &mut Out<'_>) {
        out.lit(b"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        create_table(out, "\"people\"", &PEOPLE_FIELDS, b"\"", "TEXT");
    }

    fn record(&mut self, g: &mut Gen, out: &mut Out<'_>, clean: bool) {
        g.new_person();
        g.tick(900);
        out.lit(if g.chance(50) {
            b"INSERT INTO people VALUES("
        } else {
            b"INSERT INTO \"people\" VALUES("
        });
        debug_assert_eq!(CONTACTS.len(), PEOPLE_FIELDS.len());
        for (i, &field) in PEOPLE_FIELDS.iter().enumerate() {
            if i > 0 {
                out.lit(b",");
            }
            let c = &mut self.cell;
            c.clear();
            let field: Field = Some(field);
            if let Some(v) = Contacts::column(g, i, clean) {
                c.val(g, v, field);
            }
            // A BLOB column.
            let (escape, prefix): (Escape, &[u8]) = if i == 4 && g.chance(10) {
                (Escape::Hex, b"X'")
            } else {
                (Escape::Standard, b"")
            };
            value(out, c, escape, prefix, true);
            if escape == Escape::Hex && !c.is_empty() {
                out.lit(b"'");
            }
        }
        out.lit(b");\n");
        out.end_record();
    }

    fn end(&mut self, out: &mut Out<'_>) {
        out.lit(b"COMMIT;\n");
    }
}

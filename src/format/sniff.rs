//! Telling an input's format from its name and first bytes.
//!
//! - A UTF-8 byte-order mark is skipped (`body_start` 3). UTF-16 is decoded before this.
//! - The name decides first, compression suffixes (`.gz`, `.zst`, `.bz2`, `.xz`) set aside,
//!   and for an archive member the part after the last `!`: `.csv` → CSV, `.tsv`/`.tab` →
//!   TSV, `.jsonl`/`.ndjson` → JSON Lines, `.json` → JSON when it starts with `[` or is not
//!   one object a line (else JSON Lines), `.sql` → SQL, `.bson` → BSON, `.log`/`.txt` → text
//!   (a `.txt` holding a delimited table under a header row, as the content test below
//!   finds one, is CSV).
//! - BSON is also told by content ([`super::bson::looks_like`]). JSON or JSON Lines (by name
//!   or content) whose first line is an Elasticsearch bulk action or an `elasticdump` hit is
//!   that format instead ([`super::es::sniff`]).
//! - Otherwise the content: a dump tool's header comment or a statement dumps start with
//!   (`CREATE TABLE`, `INSERT INTO`, `PRAGMA foreign_keys`, `BEGIN TRANSACTION`) → SQL;
//!   `[` followed by `{`, `[`, `"` or `]` → JSON; lines of `{…}` →
//!   JSON Lines, another document starting with `{` → JSON; two or more rows with the same
//!   number of `,` `;` `|` or tab outside quotes (in at least 90 % of the first 50 rows) →
//!   CSV with that delimiter (TSV for tab); anything else → text.
//! - CSV and TSV (also when forced): the delimiter is sniffed the same way (for a `.csv` whose
//!   counts vary, the most frequent one; `,` when there is none), and the first row is a
//!   header only if it looks like names rather than data (see `header`). A forced JSON
//!   layout still starts after a leading `[`.
//!
//! A head shorter than 64 KiB is the whole input, so its last row counts even without a
//! newline; in a longer head a row cut off at the end is ignored. At most the first 1 MiB of
//! the head is looked at.

use super::csv::{self, strip_cr, Event, Events};
use super::{FieldRef, FieldSink, Format, Layout, Scratch, Value};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";
/// A head shorter than this is the whole input (see [`Layout::sniff`]).
const WHOLE_BELOW: usize = 64 * 1024;
/// How much of the head is looked at, whatever its length: an unclosed quote must not make
/// sniffing read a whole mapped input.
const LOOK_AT: usize = 1 << 20;
/// How many rows or lines are looked at.
const ROWS: usize = 50;
/// Delimiters sniffed, in order of preference when their counts tie.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// See [`Layout::sniff`].
pub fn layout(name: &str, head: &[u8], forced: Option<Format>) -> Layout {
    let whole = head.len() < WHOLE_BELOW;
    let head = &head[..head.len().min(LOOK_AT)];
    let bom = if head.starts_with(BOM) { BOM.len() } else { 0 };
    let body = &head[bom..];
    let mut layout = Layout {
        format: Format::Text,
        delimiter: b',',
        header: Vec::new(),
        body_start: bom,
    };
    let format = forced
        .or_else(|| by_extension(name, body, whole))
        .or_else(|| super::bson::looks_like(head).then_some(Format::Bson))
        .or_else(|| sql_by_content(body))
        .or_else(|| json_by_content(body, whole));
    let format = match format {
        Some(Format::Jsonl | Format::Json) if forced.is_none() => super::es::sniff(body).or(format),
        other => other,
    };
    match format {
        Some(format @ (Format::Csv | Format::Tsv)) => {
            let rows = rows(head, bom, whole);
            layout.format = format;
            layout.delimiter = match format {
                Format::Tsv => b'\t',
                _ => delimiter(head, &rows).unwrap_or_else(|| most_frequent(head, &rows)),
            };
            set_header(&mut layout, head, &rows);
        }
        Some(format) => {
            layout.format = format;
            if format == Format::Json {
                if let Some((at, b'[')) = first_byte(body) {
                    layout.body_start = bom + at + 1;
                }
            }
        }
        None => {
            if let Some(table) = table(head, bom, whole) {
                layout = table;
            }
        }
    }
    // Exports are often saved as `.txt`: one holding a table under a header row
    // (`id|full_name|email`) is CSV; without a header it stays text, so prose and notes are
    // never cut into columns.
    let txt = extension(name).eq_ignore_ascii_case("txt");
    if forced.is_none() && layout.format == Format::Text && txt {
        if let Some(table) = table(head, bom, whole).filter(|t| !t.header.is_empty()) {
            layout = table;
        }
    }
    layout
}

/// The CSV (TSV for tab) layout of rows with the same number of a delimiter, header
/// detected; `None` when the rows have no common delimiter (or are fewer than two).
fn table(head: &[u8], bom: usize, whole: bool) -> Option<Layout> {
    let rows = rows(head, bom, whole);
    let d = delimiter(head, &rows).filter(|_| rows.len() >= 2)?;
    let mut table = Layout {
        format: if d == b'\t' { Format::Tsv } else { Format::Csv },
        delimiter: d,
        header: Vec::new(),
        body_start: bom,
    };
    set_header(&mut table, head, &rows);
    Some(table)
}

/// The format the input's name gives, if any.
fn by_extension(name: &str, body: &[u8], whole: bool) -> Option<Format> {
    let ext = extension(name);
    let is = |e: &str| ext.eq_ignore_ascii_case(e);
    if is("csv") {
        Some(Format::Csv)
    } else if is("tsv") || is("tab") {
        Some(Format::Tsv)
    } else if is("jsonl") || is("ndjson") {
        Some(Format::Jsonl)
    } else if is("json") {
        let array = matches!(first_byte(body), Some((_, b'[')));
        Some(if !array && object_lines(body, whole) {
            Format::Jsonl
        } else {
            Format::Json
        })
    } else if is("sql") {
        Some(Format::Sql)
    } else if is("bson") {
        Some(Format::Bson)
    } else if is("log") || is("txt") {
        Some(Format::Text)
    } else {
        None
    }
}

/// The extension of the last component of `name`, compression suffixes set aside.
fn extension(name: &str) -> &str {
    let mut leaf = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
    while let Some((stem, ext)) = leaf.rsplit_once('.') {
        if ["gz", "zst", "bz2", "xz"]
            .iter()
            .any(|c| ext.eq_ignore_ascii_case(c))
        {
            leaf = stem;
        } else {
            return ext;
        }
    }
    ""
}

/// SQL, told from the content: the first line that is neither blank nor a bare `--` is a
/// dump tool's header comment (`-- MySQL dump`, `-- MariaDB dump`, `-- PostgreSQL database
/// dump`) or starts a statement dumps begin with (`CREATE TABLE`, `INSERT INTO`, `PRAGMA
/// foreign_keys`, `BEGIN TRANSACTION`, a MySQL `/*!` comment, …).
fn sql_by_content(body: &[u8]) -> Option<Format> {
    const STARTS: [&[u8]; 13] = [
        b"-- MySQL dump",
        b"-- MariaDB dump",
        b"-- PostgreSQL database dump",
        b"-- Dumped from database",
        b"CREATE TABLE",
        b"INSERT INTO",
        b"REPLACE INTO",
        b"PRAGMA foreign_keys",
        b"BEGIN TRANSACTION",
        b"DROP TABLE",
        b"LOCK TABLES",
        b"SET NAMES",
        b"/*!40",
    ];
    let line = body
        .split(|&b| b == b'\n')
        .take(ROWS)
        .map(<[u8]>::trim_ascii)
        .find(|line| !line.is_empty() && *line != b"--")?;
    STARTS
        .iter()
        .any(|s| line.len() >= s.len() && line[..s.len()].eq_ignore_ascii_case(s))
        .then_some(Format::Sql)
}

/// JSON or JSON Lines, told from the content.
fn json_by_content(body: &[u8], whole: bool) -> Option<Format> {
    match first_byte(body)? {
        (at, b'[') => {
            let next = first_byte(&body[at + 1..]).map(|(_, b)| b);
            matches!(next, None | Some(b'{' | b'[' | b'"' | b']')).then_some(Format::Json)
        }
        (_, b'{') if object_lines(body, whole) => Some(Format::Jsonl),
        (_, b'{') => Some(Format::Json),
        _ => None,
    }
}

/// The offset and value of the first byte that is not JSON whitespace.
fn first_byte(body: &[u8]) -> Option<(usize, u8)> {
    body.iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .map(|at| (at, body[at]))
}

/// Whether the non-blank lines (among the first [`ROWS`]) each hold one `{…}` object; a line
/// cut off at the end of a partial head need only start with `{`.
fn object_lines(body: &[u8], whole: bool) -> bool {
    let mut lines = body.split(|&b| b == b'\n').peekable();
    let mut seen = 0;
    while let Some(line) = lines.next() {
        let cut = lines.peek().is_none() && !whole;
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with(b"{") || !(cut || line.ends_with(b"}")) {
            return false;
        }
        seen += 1;
        if seen == ROWS {
            break;
        }
    }
    seen > 0
}

/// A non-empty CSV row of the head.
struct Row {
    start: usize,
    /// Where its content ends (before `\r\n`).
    end: usize,
    /// Where the next row starts.
    next: usize,
}

/// The first [`ROWS`] non-empty rows of `head[start..]`, by the CSV quoting rules.
fn rows(head: &[u8], start: usize, whole: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = start;
    for event in Events::new(head, start..head.len(), b'\n') {
        if let Event::RowEnd(p) = event {
            let end = strip_cr(head, row, p);
            if end > row {
                rows.push(Row {
                    start: row,
                    end,
                    next: p + 1,
                });
                if rows.len() == ROWS {
                    return rows;
                }
            }
            row = p + 1;
        }
    }
    let end = strip_cr(head, row, head.len());
    if whole && end > row {
        rows.push(Row {
            start: row,
            end,
            next: head.len(),
        });
    }
    rows
}

/// How many `delimiter`s the row holds outside quotes.
fn count(head: &[u8], row: &Row, delimiter: u8) -> usize {
    Events::new(head, row.start..row.end, delimiter)
        .filter(|e| matches!(e, Event::Delim(_)))
        .count()
}

/// The delimiter whose count is the same, and at least 1, in the first row and in at least
/// 90 % of the rows; the one with the highest count wins.
fn delimiter(head: &[u8], rows: &[Row]) -> Option<u8> {
    let mut best: Option<(u8, usize)> = None;
    for d in DELIMITERS {
        let counts: Vec<usize> = rows.iter().map(|row| count(head, row, d)).collect();
        let Some(&first) = counts.first().filter(|&&c| c > 0) else {
            continue;
        };
        let same = counts.iter().filter(|&&c| c == first).count();
        if same * 10 >= counts.len() * 9 && best.is_none_or(|(_, c)| first > c) {
            best = Some((d, first));
        }
    }
    best.map(|(d, _)| d)
}

/// The delimiter seen most often in the rows, `,` when none is.
fn most_frequent(head: &[u8], rows: &[Row]) -> u8 {
    let total = |d: u8| rows.iter().map(|row| count(head, row, d)).sum::<usize>();
    let (d, n) = DELIMITERS
        .iter()
        .map(|&d| (d, total(d)))
        .fold(
            (b',', 0),
            |best, (d, n)| if n > best.1 { (d, n) } else { best },
        );
    if n > 0 {
        d
    } else {
        b','
    }
}

/// Collects a row's cells, trimmed, by column.
#[derive(Default)]
struct Cells(Vec<Option<Vec<u8>>>);

impl FieldSink for Cells {
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        if let FieldRef::Column(i) = field {
            if self.0.len() <= i {
                self.0.resize(i + 1, None);
            }
            let cell = value.bytes.trim_ascii();
            self.0[i] = (!cell.is_empty()).then(|| cell.to_vec());
        }
    }

    fn end_record(&mut self) {}
}

/// The cells of `row`, by column.
fn cells(head: &[u8], row: &Row, delimiter: u8, scratch: &mut Scratch) -> Vec<Option<Vec<u8>>> {
    let mut cells = Cells::default();
    csv::tokenize(delimiter, head, row.start..row.next, 0, scratch, &mut cells);
    cells.0
}

/// Sets the layout's header and body start when the first row is a header.
fn set_header(layout: &mut Layout, head: &[u8], rows: &[Row]) {
    let Some(first) = rows.first() else {
        return;
    };
    let mut scratch = Scratch::default();
    let mut names = cells(head, first, layout.delimiter, &mut scratch);
    names.resize(count(head, first, layout.delimiter) + 1, None);
    let Some(names) = names.into_iter().collect::<Option<Vec<Vec<u8>>>>() else {
        return;
    };
    let below: Vec<_> = rows[1..]
        .iter()
        .map(|row| cells(head, row, layout.delimiter, &mut scratch))
        .collect();
    if header(&names, &below) {
        layout.header = names
            .iter()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        layout.body_start = first.next;
    }
}

/// Whether the first row's cells (`names`, all non-empty, trimmed) are a header above the
/// rows `below`: every cell looks like a name (starts with a letter or `_`, at most 64 bytes,
/// no `@`, no run of 3 digits), and either there is no other row, or some column's name
/// differs in kind (word against number or e-mail) from most of the cells below it, or every
/// name is a `snake_case`/`camelCase` identifier while the rows below hold spaces or digits.
pub(crate) fn header(names: &[Vec<u8>], below: &[Vec<Option<Vec<u8>>>]) -> bool {
    if !names.iter().all(|n| looks_like_name(n)) {
        return false;
    }
    if below.is_empty() {
        return true;
    }
    let column = |j: usize| below.iter().filter_map(move |row| row.get(j)?.as_deref());
    let kind_differs = names.iter().enumerate().any(|(j, name)| {
        let kind = is_data(name);
        let (cells, differ) = column(j).fold((0, 0), |(n, d), cell| {
            (n + 1, d + usize::from(is_data(cell) != kind))
        });
        cells > 0 && differ * 2 > cells
    });
    let spaced_or_digits = below
        .iter()
        .flatten()
        .flatten()
        .any(|cell| cell.iter().any(|b| *b == b' ' || b.is_ascii_digit()));
    kind_differs || (names.iter().all(|n| is_identifier(n)) && spaced_or_digits)
}

/// Whether a header cell could be a column name.
fn looks_like_name(cell: &[u8]) -> bool {
    let starts_well = cell
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80);
    starts_well
        && cell.len() <= 64
        && !cell.contains(&b'@')
        && !cell.windows(3).any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Whether a cell holds data of number or e-mail kind rather than words.
fn is_data(cell: &[u8]) -> bool {
    let digits = cell.iter().filter(|b| b.is_ascii_digit()).count();
    let solid = cell.iter().filter(|&&b| b != b' ').count();
    cell.contains(&b'@') || digits * 2 > solid
}

/// Whether a name is a `snake_case` or `camelCase` identifier, not a plain word (`Asha`).
fn is_identifier(name: &[u8]) -> bool {
    let chars_ok = name
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    let lower = !name.iter().any(u8::is_ascii_uppercase);
    let hump = name
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    chars_ok && (name.contains(&b'_') || lower || hump)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(name: &str, head: &str) -> Layout {
        layout(name, head.as_bytes(), None)
    }

    fn header_of(layout: &Layout) -> Vec<&str> {
        layout.header.iter().map(String::as_str).collect()
    }

    #[test]
    fn by_extension() {
        let csv = "a;b\n1;2\n";
        assert_eq!(sniff("dump/users.csv", csv).format, Format::Csv);
        assert_eq!(sniff("users.CSV.gz", csv).format, Format::Csv);
        assert_eq!(sniff("x.zip!inner/users.tab", csv).format, Format::Tsv);
        assert_eq!(sniff("x.zip!inner/users.tab", csv).delimiter, b'\t');
        assert_eq!(sniff("a.jsonl.zst", "[1]").format, Format::Jsonl);
        assert_eq!(sniff("a.ndjson", "").format, Format::Jsonl);
        assert_eq!(sniff("db.sql", csv).format, Format::Sql);
        assert_eq!(sniff("app.log", "{\"a\":1}\n").format, Format::Text);
        assert_eq!(
            sniff("notes.txt", "Dear team, thanks.\nSee you, Asha.\n").format,
            Format::Text
        );
        // A table under a header row in a `.txt` is CSV; without a header it stays text.
        let table = sniff(
            "users.txt",
            "id|full_name|email\n1|Asha Rao|a@example.com\n",
        );
        assert_eq!((table.format, table.delimiter), (Format::Csv, b'|'));
        assert_eq!(header_of(&table), ["id", "full_name", "email"]);
        assert_eq!(sniff("notes.txt", "1;2\n3;4\n").format, Format::Text);
        assert_eq!(sniff("dir.v2/README", "hello there\n").format, Format::Text);
    }

    #[test]
    fn json_extension() {
        let array = sniff("a.json", "  [\n{\"a\":1}]");
        assert_eq!((array.format, array.body_start), (Format::Json, 3));
        let lines = sniff("a.json", "{\"a\":1}\n\n{\"a\":2}\n");
        assert_eq!((lines.format, lines.body_start), (Format::Jsonl, 0));
        let pretty = sniff("a.json", "{\n  \"a\": 1\n}\n");
        assert_eq!((pretty.format, pretty.body_start), (Format::Json, 0));
        // A cut-off last line of a long head need only start like an object.
        let mut long = "{\"k\":\"v\"}\n".repeat(7000);
        long.push_str("{\"cut");
        assert_eq!(sniff("a.json", &long).format, Format::Jsonl);
    }

    #[test]
    fn by_content() {
        assert_eq!(sniff("-", "\u{feff}[{\"a\":1}]").body_start, 4);
        assert_eq!(sniff("-", "[{\"a\":1}]").format, Format::Json);
        assert_eq!(
            sniff("-", "[2021-01-01 12:00] INFO up\n").format,
            Format::Text
        );
        assert_eq!(sniff("-", "{\"a\":1}\n{\"b\":2}").format, Format::Jsonl);
        assert_eq!(sniff("-", "{\n \"a\": 1\n}").format, Format::Json);
        let semi = sniff("-", "name;city\nAsha;Pune\nRavi;\"Delhi; NCR\"\n");
        assert_eq!((semi.format, semi.delimiter), (Format::Csv, b';'));
        let tsv = sniff("-", "a\tb\tc\n1\t2\t3\n");
        assert_eq!((tsv.format, tsv.delimiter), (Format::Tsv, b'\t'));
        let pipe = sniff("-", "x|y\n1|2\n3|4\n");
        assert_eq!((pipe.format, pipe.delimiter), (Format::Csv, b'|'));
        assert_eq!(
            sniff("-", "Hello, world. How are you?\nFine.\n").format,
            Format::Text
        );
        assert_eq!(sniff("-", "one line, only").format, Format::Text);
        assert_eq!(sniff("-", "").format, Format::Text);
    }

    #[test]
    fn sql_by_content() {
        for head in [
            "-- MySQL dump 10.13  Distrib 8.0.36\n--\n",
            "--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n",
            "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n",
            "\n  create table users (id int, email text);\n",
            "INSERT INTO t VALUES (1,'a,b'),(2,'c,d');\nINSERT INTO t VALUES (3,'e,f');\n",
            "BEGIN TRANSACTION;\nCREATE TABLE t(a);\n",
        ] {
            assert_eq!(sniff("-", head).format, Format::Sql, "{head}");
            assert_eq!(sniff("dump.dat", head).format, Format::Sql, "{head}");
        }
        // An extension other than `.sql` still decides.
        assert_eq!(
            sniff("x.csv", "INSERT INTO t VALUES (1);\n").format,
            Format::Csv
        );
        for head in [
            "-- a note\ninsert the coin\n",
            "Creating tables is fun\n",
            "--\n",
        ] {
            assert_ne!(sniff("-", head).format, Format::Sql, "{head}");
        }
    }

    #[test]
    fn bom_is_skipped() {
        let text = sniff("a.txt", "\u{feff}hello");
        assert_eq!(text.body_start, 3);
        let csv = sniff("a.csv", "\u{feff}id,name\r\n1,Asha\r\n");
        assert_eq!(header_of(&csv), ["id", "name"]);
        assert_eq!(csv.body_start, 3 + 9);
    }

    #[test]
    fn header_when_a_column_differs_in_kind() {
        let l = sniff(
            "u.csv",
            "name,phone\nAsha Rao,9876543210\nRavi,+91 98765 43210\n",
        );
        assert_eq!(header_of(&l), ["name", "phone"]);
        assert_eq!(l.body_start, 11);
        let l = sniff("u.csv", "Full Name,E-mail\nAsha Rao,asha@example.com\n");
        assert_eq!(header_of(&l), ["Full Name", "E-mail"]);
        let l = sniff(
            "u.csv",
            "\" Full Name \",\"E-mail\"\n\"Asha\",a@example.com\n",
        );
        assert_eq!(header_of(&l), ["Full Name", "E-mail"]);
    }

    #[test]
    fn header_of_identifiers_above_spaced_rows() {
        let l = sniff("u.csv", "first_name,homeCity\nAsha,New Delhi\n");
        assert_eq!(header_of(&l), ["first_name", "homeCity"]);
        // Plain words above plain words: data.
        let l = sniff("u.csv", "Name,City\nAsha,Mumbai\n");
        assert!(l.header.is_empty());
    }

    #[test]
    fn names_only_rows_keep_their_first_row() {
        let l = sniff(
            "people.csv",
            "Asha,Rao,Mumbai\nRavi,Kumar,Delhi\nMeera,Iyer,Chennai\n",
        );
        assert!(l.header.is_empty());
        assert_eq!(l.body_start, 0);
        let l = sniff("people.csv", "Asha Rao,Mumbai\nRavi Kumar,Navi Mumbai\n");
        assert!(l.header.is_empty());
    }

    #[test]
    fn data_rows_are_not_headers() {
        for head in [
            "9876543210,Asha\n9876543211,Ravi\n",
            "asha@example.com,x\nravi@example.com,y\n",
            "id,,name\n1,2,Asha\n",
            "user123,phone\nx,9876543210\n",
            "_ok,1st\nq,9\n",
        ] {
            assert!(sniff("u.csv", head).header.is_empty(), "{head}");
        }
    }

    #[test]
    fn only_row_is_a_header_if_it_looks_like_names() {
        let l = sniff("u.csv", "id,name,email\n");
        assert_eq!(
            (header_of(&l), l.body_start),
            (vec!["id", "name", "email"], 14)
        );
        let l = sniff("u.csv", "id,name");
        assert_eq!(l.body_start, 7);
        assert!(sniff("u.csv", "9876543210,a@b.c\n").header.is_empty());
    }

    #[test]
    fn forced_formats_still_sniff_delimiter_and_header() {
        let head = "\nid|mobile\r\n1|9876543210\r\n".as_bytes();
        let l = layout("data.txt", head, Some(Format::Csv));
        assert_eq!((l.format, l.delimiter), (Format::Csv, b'|'));
        assert_eq!(header_of(&l), ["id", "mobile"]);
        assert_eq!(l.body_start, 12);
        let l = layout("x", b"a\tb\n1\t2\n", Some(Format::Tsv));
        assert_eq!((l.delimiter, header_of(&l)), (b'\t', vec!["a", "b"]));
        let l = layout("x.csv", b" [{}]", Some(Format::Json));
        assert_eq!((l.format, l.body_start), (Format::Json, 2));
        assert_eq!(
            layout("x.csv", b"a,b", Some(Format::Text)).format,
            Format::Text
        );
    }

    #[test]
    fn csv_delimiter_falls_back_to_the_most_frequent() {
        let l = sniff("r.csv", "a;b;c\nd;e\nf\ng;h;i;j\n");
        assert_eq!(l.delimiter, b';');
        assert_eq!(sniff("one.csv", "emails\nx@example.com\n").delimiter, b',');
    }

    #[test]
    fn partial_last_row_of_a_long_head_is_ignored() {
        let row = format!("{},{}\n", "a".repeat(1500), "b".repeat(1500));
        let mut head = row.repeat(22);
        head.push_str("cut without a comma");
        assert!(head.len() >= WHOLE_BELOW);
        let l = sniff("-", &head);
        assert_eq!((l.format, l.delimiter), (Format::Csv, b','));
        // A short head is the whole input: its unterminated last row counts.
        assert_eq!(sniff("-", "a,b\nc,d").format, Format::Csv);
        assert_eq!(sniff("-", "a,b\ncut").format, Format::Text);
    }

    #[test]
    fn extension_parsing() {
        assert_eq!(extension("a/b.c/d.CSV.GZ"), "CSV");
        assert_eq!(extension("a.tar.gz!x/y.tsv.xz"), "tsv");
        assert_eq!(extension("noext"), "");
        assert_eq!(extension("-"), "");
    }
}

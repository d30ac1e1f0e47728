//! SQL dumps: `mysqldump`, `pg_dump` (plain, with `COPY` blocks or `--inserts` /
//! `--column-inserts`), SQLite `.dump` output and SQL Server scripts (SSMS "Generate
//! Scripts", `INSERT [dbo].[t] ([a]) VALUES (N'…')` with `GO` batches), read as row tuples
//! whose values are named `table.column`.
//!
//! One walker ([`Walker`]) reads the dump statement by statement, and both chunk edges and
//! the tokeniser run it, so a tuple is the same tuple however an input is cut:
//!
//! - `INSERT [IGNORE|OR …] INTO t [(cols)] VALUES (…),(…);` and `REPLACE INTO`: each tuple
//!   is a record, each value a field; a chunk edge falls after a tuple's `)` (multi-megabyte
//!   extended inserts are cut between tuples) or after a statement.
//! - `COPY t (cols) FROM stdin;`: each data line up to the `\.` line is a record, values
//!   tab-separated (`\N` is NULL, backslash escapes unescaped); `WITH CSV` / `(FORMAT csv)`
//!   blocks are read as CSV lines (a quoted newline inside a CSV value is not supported).
//! - `CREATE TABLE t (…)`: its column names are remembered, so inserts without a column
//!   list get names; a value past the known columns, or of a table never created, is
//!   `table.colN` (1-based, like a CSV without header).
//! - Anything else (`LOCK TABLES`, `SET`, `/*!40101 … */;`, `--` and `#` comments, views,
//!   functions and `$$` bodies, `DELIMITER ;;` blocks of triggers and procedures) is skipped
//!   to its delimiter, quotes and comments respected: inserts inside a trigger body are
//!   never read as rows.
//!
//! Names: quotes (`` ` ``, `"`, `[…]`) are removed, and a `public.` schema prefix is dropped (the
//! default schema of every pg_dump: `public.users.email` is reported as `users.email`); any
//! other schema is kept (`sales.orders.email`).
//!
//! Values: a quoted string is reported inside its quotes, unescaped for detection (`''`,
//! and backslash escapes where the dialect has them) with offsets into the stored bytes;
//! charset introducers (`_binary '…'`, `_utf8mb4'…'`, `N'…'`, `E'…'`) are read as strings;
//! hex literals (`0x…`, `X'…'`) are decoded when they hold printable UTF-8 text, else
//! reported as their hex digits; numbers and other bare literals are values as written;
//! `NULL` is no value; a call whose first argument is a string (`CAST(N'1985-03-04' AS
//! date)`, `to_date('17-JUN-03', 'DD-MON-RR')`) is that string, any other expression none.
//!
//! Dialect: backslashes escape inside strings (MySQL) until the dump says otherwise: a
//! `-- PostgreSQL database dump` header, `SET standard_conforming_strings = on`, `PRAGMA` or
//! `BEGIN TRANSACTION` (SQLite) switch to standard strings, where only `''` escapes (and
//! `E'…'` strings take backslashes). A `GO` line, `SET IDENTITY_INSERT` (or `ANSI_NULLS`,
//! `QUOTED_IDENTIFIER`, `NOCOUNT`), `USE [db]` or an `INSERT` into a `[bracketed]` table
//! switch to SQL Server's, where only `''` escapes and statements need no `;`: one also ends
//! at a `GO` line, an `INSERT` after its last tuple, and any other statement where a line
//! starts another (a procedure, function, trigger or view body runs to its `GO`).

use super::csv::{self, rel};
use super::text::{swar, EdgePicker};
use super::{ChunkState, Edge, FieldRef, FieldSink, Scratch, Value};
use memchr::{memchr, memmem, memrchr};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// How strings escape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Dialect {
    /// Backslash escapes inside strings (MySQL, MariaDB, PostgreSQL with
    /// `standard_conforming_strings` off).
    #[default]
    Backslash,
    /// Only `''` escapes (PostgreSQL, SQLite); `E'…'` strings take backslashes.
    Standard,
    /// SQL Server (T-SQL): only `''` escapes, and a statement ends without `;` too (see the
    /// module docs).
    TSql,
}

/// A statement delimiter (`;`, or what `DELIMITER` set), at most 8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Delimiter {
    bytes: [u8; 8],
    len: u8,
}

impl Default for Delimiter {
    fn default() -> Self {
        Delimiter {
            bytes: [b';', 0, 0, 0, 0, 0, 0, 0],
            len: 1,
        }
    }
}

impl Delimiter {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// The statement whose rows are being read: its table and field names.
#[derive(Debug, PartialEq, Eq)]
struct Stmt {
    /// The table as reported (quotes removed, `public.` dropped).
    table: Box<[u8]>,
    /// `table.column` for each column, in order (empty when no column is known).
    fields: Vec<Box<[u8]>>,
    /// The statement's bytes up to its rows, to reuse it for the next identical header
    /// (`pg_dump --inserts` writes one statement a row).
    header: Box<[u8]>,
    /// A `COPY … WITH CSV` block (else tab-separated text).
    csv: bool,
    /// The table is named in brackets (`[dbo].[t]`): a SQL Server statement.
    bracketed: bool,
}

/// What the walker is reading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Mode {
    /// Between statements.
    #[default]
    Top,
    /// An `INSERT`'s tuples, between two of them.
    Values(Arc<Stmt>),
    /// A `COPY … FROM stdin` block, at a line start.
    Copy(Arc<Stmt>),
}

/// Column names of the tables created so far, by lower-cased table name.
type Tables = HashMap<Box<[u8]>, Arc<[Box<[u8]>]>>;

/// The tokeniser's state at a chunk edge inside an SQL dump: the dialect, the delimiter,
/// the statement being read and the tables created before.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    dialect: Dialect,
    delimiter: Delimiter,
    mode: Mode,
    tables: Arc<Tables>,
}

/// What a walk does at records and boundaries: the chunk-edge walk only finds boundaries,
/// the tokeniser reports values.
trait Visit {
    /// A record boundary at `at` (after a tuple, a COPY line or a statement); the walker's
    /// state there is `w.state` (changed since the last call only if `w.version` changed).
    fn boundary(&mut self, at: usize, w: &Walker<'_>);
    /// A tuple whose `(` is at `open`: its end (after its `)`), `None` when it runs past the
    /// data.
    fn tuple(&mut self, w: &Walker<'_>, stmt: &Stmt, open: usize) -> Option<usize>;
    /// Complete data lines `from..to` (`to` after a `\n`) of a COPY block.
    fn copy_lines(&mut self, w: &Walker<'_>, stmt: &Stmt, from: usize, to: usize);
}

/// Reads a dump from a record boundary, statement by statement (see the module docs).
struct Walker<'a> {
    data: &'a [u8],
    end: usize,
    state: State,
    /// Bumped on every change of `state`.
    version: u64,
    /// The last statements built, most recent first, reused when a header is the same
    /// bytes (`pg_dump --inserts` writes one statement a row).
    recent: Vec<Arc<Stmt>>,
}

/// How many statements [`Walker::recent`] keeps.
const RECENT: usize = 4;

/// Whitespace between tokens.
#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Bytes of a bare identifier or keyword, as a table: bare values (numbers, `NULL`) are
/// walked a byte at a time.
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
        b += 1;
    }
    table
};

/// Bytes of a bare identifier or keyword.
#[inline]
fn is_word(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// Whether `word` is `keyword` (upper case), ignoring case.
#[inline]
fn is_kw(word: &[u8], keyword: &[u8]) -> bool {
    word.eq_ignore_ascii_case(keyword)
}

/// Bytes of [`find_structural`]: `'` `"` `(` `)` `,`.
const STRUCTURAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\'' as usize] = true;
    table[b'"' as usize] = true;
    table[b'(' as usize] = true;
    table[b')' as usize] = true;
    table[b',' as usize] = true;
    table
};

/// The first of `'` `"` `(` `)` `,` in `data[from..end]`. A byte at a time: between the
/// values of a tuple the next one is mostly a byte or two away, where a word-at-a-time
/// search costs more (see BENCHMARKS.md).
#[inline]
fn find_structural(data: &[u8], from: usize, end: usize) -> Option<usize> {
    data[from..end]
        .iter()
        .position(|&b| STRUCTURAL[usize::from(b)])
        .map(|k| from + k)
}

impl<'a> Walker<'a> {
    fn new(data: &'a [u8], end: usize, start: &ChunkState) -> Walker<'a> {
        let state = match start {
            ChunkState::Sql(state) => State::clone(state),
            ChunkState::Start | ChunkState::Stop(_) => State::default(),
        };
        Walker {
            data,
            end,
            state,
            version: 0,
            recent: Vec::new(),
        }
    }

    fn set_mode(&mut self, mode: Mode) {
        self.state.mode = mode;
        self.version += 1;
    }

    fn set_dialect(&mut self, dialect: Dialect) {
        if self.state.dialect != dialect {
            self.state.dialect = dialect;
            self.version += 1;
        }
    }

    /// Walks from `p` until the data runs out.
    fn run(&mut self, mut p: usize, v: &mut impl Visit) {
        loop {
            let next = match self.state.mode.clone() {
                Mode::Top => self.statement(p, v),
                Mode::Values(stmt) => self.values(p, &stmt, v),
                Mode::Copy(stmt) => self.copy(p, &stmt, v),
            };
            match next {
                Some(q) => p = q,
                None => return,
            }
        }
    }

    /// The first byte at or after `p` that is not whitespace.
    #[inline]
    fn skip_space(&self, mut p: usize) -> Option<usize> {
        while p < self.end {
            if !is_space(self.data[p]) {
                return Some(p);
            }
            p += 1;
        }
        None
    }

    /// Whether the delimiter starts at `p` (`None`: the data ends before it can be told).
    fn delimiter_at(&self, p: usize) -> Option<bool> {
        let d = self.state.delimiter.as_bytes();
        if self.data[p] != d[0] {
            return Some(false);
        }
        if p + d.len() > self.end {
            return None;
        }
        Some(&self.data[p..p + d.len()] == d)
    }

    /// The end of the word at `p` (`None` when it runs to the end of the data). An
    /// iterator walk: no bounds check a byte (bare numbers and `NULL`s go through here).
    #[inline]
    fn word_end(&self, p: usize) -> Option<usize> {
        self.data[p..self.end]
            .iter()
            .position(|&b| !is_word(b))
            .map(|k| p + k)
    }

    /// The word after whitespace from `p`: empty where something else stands there (`None`
    /// when the data ends first).
    fn next_word(&self, p: usize) -> Option<Range<usize>> {
        let q = self.skip_space(p)?;
        Some(q..self.word_end(q)?)
    }

    /// The end of the line holding `p`, after its `\n`.
    fn line_end(&self, p: usize) -> Option<usize> {
        memchr(b'\n', &self.data[p..self.end]).map(|k| p + k + 1)
    }

    /// After the comment starting at `p` (`--`, `#` or `/*`), if one does.
    fn comment_end(&self, p: usize) -> Option<Option<usize>> {
        let data = self.data;
        let next = data.get(p + 1).copied().filter(|_| p + 1 < self.end);
        match (data[p], next) {
            (b'-', Some(b'-')) => Some(self.line_end(p)),
            (b'#', _) if self.state.dialect == Dialect::Backslash => Some(self.line_end(p)),
            (b'/', Some(b'*')) => {
                Some(memmem::find(&data[p + 2..self.end], b"*/").map(|k| p + 2 + k + 2))
            }
            (b'-' | b'/', None) => Some(None),
            _ => None,
        }
    }

    /// Whether backslashes escape in the string whose quote is at `q`: in the backslash
    /// dialect, and in `E'…'` strings.
    #[inline]
    fn backslashes(&self, q: usize) -> bool {
        self.state.dialect == Dialect::Backslash
            || (q > 0
                && matches!(self.data[q - 1], b'E' | b'e')
                && (q < 2 || !is_word(self.data[q - 2])))
    }

    /// The closing quote of the string whose opening quote is at `open`, and whether the
    /// string holds escapes.
    #[inline]
    fn string_end(&self, open: usize) -> Option<(usize, bool)> {
        let data = self.data;
        let quote = data[open];
        let backslashes = self.backslashes(open);
        let mut escaped = false;
        let mut p = open + 1;
        loop {
            // Strings are short: a word at a time first, then `memchr` (inside `find2`).
            let k = if backslashes {
                swar::find2(data, p, self.end, quote, b'\\')?
            } else {
                swar::find2(data, p, self.end, quote, quote)?
            };
            if data[k] == b'\\' {
                escaped = true;
                p = k + 2;
                if p > self.end {
                    return None;
                }
                continue;
            }
            if k + 1 >= self.end {
                // A doubled quote cannot be told from a closing one yet.
                return None;
            }
            if data[k + 1] == quote {
                escaped = true;
                p = k + 2;
                continue;
            }
            return Some((k, escaped));
        }
    }

    /// The end (after its `)`) of the parenthesised group whose `(` is at `open`, strings
    /// and nested groups skipped: every tuple of the chunk-edge walk, on the walk thread.
    ///
    /// One 16-byte search finds a block's quotes, parentheses and backslashes, and its bits
    /// are read in order, inside strings as [`Walker::string_end`] reads them: the bytes met
    /// are those a walk to each next structural byte and each string's end meets, so the
    /// end is the same (proptest against that walk below). Between a tuple's values the
    /// next quote is a few bytes away, so one search serves several of them.
    #[inline]
    fn group_end(&self, open: usize) -> Option<usize> {
        const NEEDLES: [u8; 5] = [b'\'', b'"', b'(', b')', b'\\'];
        let (data, end) = (self.data, self.end);
        let mut depth = 1u32;
        // The quote of the string being read, and whether backslashes escape in it.
        let mut string: Option<(u8, bool)> = None;
        let mut block = open + 1;
        let mut mask = 0;
        if block < end {
            mask = swar::mask(data, block, end, NEEDLES);
        }
        loop {
            while mask == 0 {
                block += swar::BLOCK;
                if block >= end {
                    return None;
                }
                mask = swar::mask(data, block, end, NEEDLES);
            }
            let k = block + swar::first(mask);
            mask &= mask - 1;
            let b = data[k];
            // The byte after `k` that is passed over (escaped), if any.
            let skip = match string {
                None => {
                    match b {
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(k + 1);
                            }
                        }
                        b'\'' | b'"' => string = Some((b, self.backslashes(k))),
                        _ => {}
                    }
                    continue;
                }
                Some((_, true)) if b == b'\\' => true,
                Some((quote, _)) if b == quote => {
                    if k + 1 >= end {
                        // A doubled quote cannot be told from a closing one yet.
                        return None;
                    }
                    if data[k + 1] != quote {
                        string = None;
                    }
                    data[k + 1] == quote
                }
                Some(_) => false,
            };
            if skip {
                let next = k + 2;
                if next - block < swar::BLOCK {
                    mask &= u32::MAX << (next - block);
                } else if next < end {
                    block = next;
                    mask = swar::mask(data, block, end, NEEDLES);
                } else {
                    return None;
                }
            }
        }
    }

    /// The `,` or `)` ending the tuple value that goes on at `p`, strings and groups
    /// skipped (the same bytes [`Walker::group_end`] skips, so both find one tuple end).
    #[inline]
    fn value_end(&self, mut p: usize) -> Option<usize> {
        loop {
            let k = find_structural(self.data, p, self.end)?;
            match self.data[k] {
                b'(' => p = self.group_end(k)?,
                b'\'' | b'"' => p = self.string_end(k)?.0 + 1,
                _ => return Some(k),
            }
        }
    }

    /// After the delimiter ending the statement that goes on at `p`: strings, quoted names,
    /// comments, groups and (standard dialect) `$tag$` bodies skipped. In SQL Server's
    /// dialect also after the line break before a `GO` line or a line that starts another
    /// statement ([`Walker::routine_end`] stops at `GO` lines only).
    fn statement_end(&self, p: usize) -> Option<usize> {
        self.end_of_statement(p, true)
    }

    /// Where the `GO` line ending a SQL Server procedure, function, trigger or view that goes
    /// on at `p` starts: the `;` of its body's statements do not end it (T-SQL makes such a
    /// statement the only one of its batch).
    fn routine_end(&self, p: usize) -> Option<usize> {
        self.end_of_statement(p, false)
    }

    /// [`Walker::statement_end`], or with `lines` off [`Walker::routine_end`].
    fn end_of_statement(&self, mut p: usize, lines: bool) -> Option<usize> {
        let data = self.data;
        let first = self.state.delimiter.as_bytes()[0];
        let tsql = self.state.dialect == Dialect::TSql;
        while p < self.end {
            let b = data[p];
            if b == first && lines && self.delimiter_at(p)? {
                return Some(p + usize::from(self.state.delimiter.len));
            }
            match b {
                b'\n' if tsql => {
                    let next = p + 1;
                    if next >= self.end {
                        return None;
                    }
                    if self.go_line(next)? || lines && self.starts_statement(next)? {
                        return Some(next);
                    }
                    p = next;
                }
                b'[' if tsql => p = p + 1 + memchr(b']', &data[p + 1..self.end])? + 1,
                b'\'' | b'"' => p = self.string_end(p)?.0 + 1,
                b'`' => p = p + 1 + memchr(b'`', &data[p + 1..self.end])? + 1,
                b'-' | b'#' | b'/' => match self.comment_end(p) {
                    Some(end) => p = end?,
                    None => p += 1,
                },
                b'$' if self.state.dialect == Dialect::Standard => p = self.dollar_end(p)?,
                _ => p += 1,
            }
        }
        None
    }

    /// After a `$tag$ … $tag$` body starting at `p`, or `p + 1` when `$` starts none.
    fn dollar_end(&self, p: usize) -> Option<usize> {
        let data = self.data;
        let mut q = p + 1;
        while q < self.end && (data[q].is_ascii_alphanumeric() || data[q] == b'_') {
            q += 1;
        }
        if q >= self.end {
            return None;
        }
        if data[q] != b'$' || (q > p + 1 && data[p + 1].is_ascii_digit()) {
            return Some(p + 1);
        }
        let tag = &data[p..=q];
        memmem::find(&data[q + 1..self.end], tag).map(|k| q + 1 + k + tag.len())
    }

    /// Whether the line starting at `p` is a SQL Server batch end: `GO`, maybe a count, then
    /// the line break (`None`: the data ends before it can be told).
    fn go_line(&self, p: usize) -> Option<bool> {
        let data = &self.data[p..self.end];
        if !data.get(..2)?.eq_ignore_ascii_case(b"GO") {
            return Some(false);
        }
        let line = memchr(b'\n', data)?;
        Some(
            data[2..line]
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b' ' | b'\t' | b'\r')),
        )
    }

    /// Whether the line starting at `p` starts a statement: its first word (no indent)
    /// is one that begins statements in SQL Server scripts (`None`: the data ends in it).
    fn starts_statement(&self, p: usize) -> Option<bool> {
        const STARTS: [&[u8]; 14] = [
            b"INSERT",
            b"SET",
            b"USE",
            b"CREATE",
            b"ALTER",
            b"DROP",
            b"PRINT",
            b"DECLARE",
            b"EXEC",
            b"EXECUTE",
            b"TRUNCATE",
            b"DELETE",
            b"UPDATE",
            b"GRANT",
        ];
        if !self.data[p].is_ascii_alphabetic() {
            return Some(false);
        }
        let word = &self.data[p..self.word_end(p)?];
        Some(STARTS.iter().any(|k| is_kw(word, k)))
    }

    /// Reads the statement (or comment) starting at or after `p`, between statements.
    fn statement(&mut self, p: usize, v: &mut impl Visit) -> Option<usize> {
        let data = self.data;
        let p = self.skip_space(p)?;
        if let Some(end) = self.comment_end(p) {
            let end = end?;
            self.dialect_comment(&data[p..end]);
            v.boundary(end, self);
            return Some(end);
        }
        if self.delimiter_at(p)? {
            let end = p + usize::from(self.state.delimiter.len);
            v.boundary(end, self);
            return Some(end);
        }
        let word_end = self.word_end(p)?;
        let word = &data[p..word_end];
        let end = if is_kw(word, b"INSERT") || is_kw(word, b"REPLACE") {
            if let Some((stmt, after)) = self.insert_header(p, word_end)? {
                if stmt.bracketed {
                    self.set_dialect(Dialect::TSql);
                }
                return self.values(after, &stmt, v);
            }
            self.statement_end(word_end)?
        } else if is_kw(word, b"COPY") {
            if let Some(after) = self.copy_header(p, word_end)? {
                v.boundary(after, self);
                return Some(after);
            }
            self.statement_end(word_end)?
        } else if is_kw(word, b"CREATE") || is_kw(word, b"ALTER") {
            match self.routine(word_end)? {
                true => self.routine_end(word_end)?,
                false if is_kw(word, b"CREATE") => self.create(word_end)?,
                false => self.statement_end(word_end)?,
            }
        } else if is_kw(word, b"GO") && self.go_line(p)? {
            self.set_dialect(Dialect::TSql);
            self.line_end(p)?
        } else if is_kw(word, b"DELIMITER") {
            let end = self.line_end(word_end)?;
            let token = data[word_end..end].trim_ascii();
            if !token.is_empty() && token.len() <= 8 && !token.iter().any(|&b| is_space(b)) {
                let mut bytes = [0; 8];
                bytes[..token.len()].copy_from_slice(token);
                self.state.delimiter = Delimiter {
                    bytes,
                    len: token.len() as u8,
                };
                self.version += 1;
            }
            end
        } else {
            if self.names_tsql(word, word_end)? {
                self.set_dialect(Dialect::TSql);
            }
            let end = self.statement_end(word_end)?;
            let text = &data[p..end];
            if is_kw(word, b"PRAGMA") || (is_kw(word, b"BEGIN") && has_word(text, b"TRANSACTION")) {
                self.set_dialect(Dialect::Standard);
            } else if is_kw(word, b"SET") && has_word(text, b"standard_conforming_strings") {
                let on = has_word(text, b"on") || has_word(text, b"'on'");
                self.set_dialect(if on {
                    Dialect::Standard
                } else {
                    Dialect::Backslash
                });
            }
            end
        };
        v.boundary(end, self);
        Some(end)
    }

    /// Whether the statement whose first word is `word` (ending at `end`) is SQL Server's
    /// own: `SET IDENTITY_INSERT` (`ANSI_NULLS`, `QUOTED_IDENTIFIER`, `NOCOUNT`), `USE [db]`.
    fn names_tsql(&self, word: &[u8], end: usize) -> Option<bool> {
        let next = self.skip_space(end)?;
        if is_kw(word, b"USE") {
            return Some(self.data[next] == b'[');
        }
        if !is_kw(word, b"SET") || !is_word(self.data[next]) {
            return Some(false);
        }
        let option = &self.data[next..self.word_end(next)?];
        let options = [
            &b"IDENTITY_INSERT"[..],
            b"ANSI_NULLS",
            b"QUOTED_IDENTIFIER",
            b"NOCOUNT",
        ];
        Some(options.iter().any(|k| is_kw(option, k)))
    }

    /// Whether the `CREATE` or `ALTER` whose keyword ends at `p` makes a SQL Server
    /// procedure, function, trigger or view (`CREATE OR ALTER PROC`), whose body runs to a
    /// `GO` line: only in SQL Server's dialect.
    fn routine(&self, mut p: usize) -> Option<bool> {
        if self.state.dialect != Dialect::TSql {
            return Some(false);
        }
        loop {
            let next = self.next_word(p)?;
            let word = &self.data[next.clone()];
            if is_kw(word, b"OR") || is_kw(word, b"ALTER") {
                p = next.end;
                continue;
            }
            let kinds = [&b"PROC"[..], b"PROCEDURE", b"FUNCTION", b"TRIGGER", b"VIEW"];
            return Some(kinds.iter().any(|k| is_kw(word, k)));
        }
    }

    /// Sets the dialect a dump's header comment names.
    fn dialect_comment(&mut self, comment: &[u8]) {
        let starts = |prefix: &[u8]| {
            comment.len() >= prefix.len() && is_kw(&comment[..prefix.len()], prefix)
        };
        if starts(b"-- POSTGRESQL DATABASE DUMP") {
            self.set_dialect(Dialect::Standard);
        } else if starts(b"-- MYSQL DUMP") || starts(b"-- MARIADB DUMP") {
            self.set_dialect(Dialect::Backslash);
        }
    }

    /// The identifier at `p` (after whitespace and comments): its name without quotes and
    /// where it ends; `Some(None)` when none starts there.
    fn ident(&self, p: usize) -> Option<Option<(Range<usize>, usize)>> {
        let data = self.data;
        let mut p = self.skip_space(p)?;
        while let Some(end) = self.comment_end(p) {
            p = self.skip_space(end?)?;
        }
        Some(match data[p] {
            b'`' | b'"' | b'[' => {
                let close = if data[p] == b'[' { b']' } else { data[p] };
                let k = memchr(close, &data[p + 1..self.end])?;
                Some((p + 1..p + 1 + k, p + 2 + k))
            }
            b if is_word(b) => {
                let end = self.word_end(p)?;
                Some((p..end, end))
            }
            _ => None,
        })
    }

    /// A possibly qualified name at `p` (`schema.table`): its parts and where it ends.
    fn name(&self, p: usize, parts: &mut Vec<Range<usize>>) -> Option<Option<usize>> {
        parts.clear();
        let Some((first, mut end)) = self.ident(p)? else {
            return Some(None);
        };
        parts.push(first);
        while end < self.end && self.data[end] == b'.' {
            let Some((part, next)) = self.ident(end + 1)? else {
                break;
            };
            parts.push(part);
            end = next;
        }
        (end < self.end).then_some(Some(end))
    }

    /// The column names of a `(a, b, …)` list whose `(` is at `open`, and its end.
    fn column_list(&self, open: usize, cols: &mut Vec<Range<usize>>) -> Option<Option<usize>> {
        cols.clear();
        let mut p = open + 1;
        loop {
            let Some((col, end)) = self.ident(p)? else {
                return Some(None);
            };
            cols.push(col);
            let q = self.skip_space(end)?;
            match self.data[q] {
                b',' => p = q + 1,
                b')' => return Some(Some(q + 1)),
                _ => return Some(None),
            }
        }
    }

    /// The table name as reported: parts joined by `.`, a `public.` schema dropped.
    fn table_name(&self, parts: &[Range<usize>]) -> Vec<u8> {
        let parts = match parts {
            [schema, rest @ ..]
                if !rest.is_empty() && is_kw(&self.data[schema.clone()], b"PUBLIC") =>
            {
                rest
            }
            _ => parts,
        };
        let mut name = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                name.push(b'.');
            }
            name.extend_from_slice(&self.data[part.clone()]);
        }
        name
    }

    /// Builds (or reuses) the statement whose header is `data[start..end]`.
    fn stmt(
        &mut self,
        start: usize,
        end: usize,
        parts: &[Range<usize>],
        cols: &[Range<usize>],
        csv: bool,
    ) -> Arc<Stmt> {
        let header = &self.data[start..end];
        let table = self.table_name(parts);
        let names: Vec<Box<[u8]>> = if cols.is_empty() {
            self.state
                .tables
                .get(&*table.to_ascii_lowercase())
                .map(|c| c.to_vec())
                .unwrap_or_default()
        } else {
            cols.iter()
                .map(|c| Box::from(&self.data[c.clone()]))
                .collect()
        };
        let fields = names
            .iter()
            .map(|c| {
                let mut f = table.clone();
                f.push(b'.');
                f.extend_from_slice(c);
                f.into_boxed_slice()
            })
            .collect();
        let bracketed = parts
            .first()
            .is_some_and(|name| name.start > 0 && self.data[name.start - 1] == b'[');
        let stmt = Arc::new(Stmt {
            table: table.into_boxed_slice(),
            fields,
            header: header.into(),
            csv,
            bracketed,
        });
        self.recent.insert(0, stmt.clone());
        self.recent.truncate(RECENT);
        stmt
    }

    /// A recent statement whose header the data at `start` repeats (a word boundary after
    /// it), and where the header ends.
    fn repeated(&mut self, start: usize) -> Option<Option<(Arc<Stmt>, usize)>> {
        let rest = &self.data[start..self.end];
        let i = self
            .recent
            .iter()
            .position(|s| !s.csv && rest.starts_with(&s.header));
        let Some(i) = i else {
            return Some(None);
        };
        let end = start + self.recent[i].header.len();
        if end >= self.end {
            return None;
        }
        if is_word(self.data[end]) {
            return Some(None);
        }
        let stmt = self.recent.remove(i);
        self.recent.insert(0, stmt.clone());
        Some(Some((stmt, end)))
    }

    /// Reads an `INSERT`/`REPLACE` header (`start` at its keyword, `p` after it): when it
    /// inserts `VALUES`, the statement and where its tuples start; `Some(None)` when it is
    /// another kind of insert (skipped as a statement).
    fn insert_header(&mut self, start: usize, mut p: usize) -> Option<Option<(Arc<Stmt>, usize)>> {
        if let Some(hit) = self.repeated(start)? {
            return Some(Some(hit));
        }
        let mut parts = Vec::new();
        // Modifiers, then the table.
        loop {
            let Some(end) = self.name(p, &mut parts)? else {
                return Some(None);
            };
            let word = &self.data[parts[0].clone()];
            let modifier = parts.len() == 1
                && [
                    &b"INTO"[..],
                    b"IGNORE",
                    b"LOW_PRIORITY",
                    b"DELAYED",
                    b"HIGH_PRIORITY",
                    b"OR",
                    b"REPLACE",
                    b"ABORT",
                    b"FAIL",
                    b"ROLLBACK",
                ]
                .iter()
                .any(|k| is_kw(word, k))
                && !matches!(self.data[parts[0].start.saturating_sub(1)], b'`' | b'"');
            p = end;
            if !modifier {
                break;
            }
        }
        let mut cols = Vec::new();
        let q = self.skip_space(p)?;
        if self.data[q] == b'(' {
            match self.column_list(q, &mut cols)? {
                Some(end) => p = end,
                None => return Some(None),
            }
        }
        // Up to VALUES (OVERRIDING SYSTEM VALUE and PARTITION (…) skipped).
        loop {
            let next = self.next_word(p)?;
            if next.is_empty() {
                return Some(None);
            }
            let (word, end) = (&self.data[next.clone()], next.end);
            if is_kw(word, b"VALUES") || is_kw(word, b"VALUE") {
                let stmt = self.stmt(start, end, &parts, &cols, false);
                return Some(Some((stmt, end)));
            }
            if is_kw(word, b"OVERRIDING") {
                let system = self.skip_space(end)?;
                let value = self.skip_space(self.word_end(system)?)?;
                p = self.word_end(value)?;
            } else if is_kw(word, b"PARTITION") {
                let open = self.skip_space(end)?;
                if self.data[open] != b'(' {
                    return Some(None);
                }
                p = self.group_end(open)?;
            } else {
                return Some(None);
            }
        }
    }

    /// Reads a `COPY` header (`start` at its keyword, `p` after it). For `FROM stdin`, enters
    /// the block and returns where its data starts; `Some(None)` for any other `COPY`.
    fn copy_header(&mut self, start: usize, p: usize) -> Option<Option<usize>> {
        let mut parts = Vec::new();
        let Some(mut p) = self.name(p, &mut parts)? else {
            return Some(None);
        };
        let mut cols = Vec::new();
        let q = self.skip_space(p)?;
        if self.data[q] == b'(' {
            match self.column_list(q, &mut cols)? {
                Some(end) => p = end,
                None => return Some(None),
            }
        }
        let end = self.statement_end(p)?;
        let text = &self.data[p..end];
        if !has_word(text, b"stdin") || !has_word(text, b"from") {
            return Some(None);
        }
        let data_start = self.line_end(end)?;
        let csv = has_word(text, b"csv");
        let stmt = self.stmt(start, end, &parts, &cols, csv);
        self.set_mode(Mode::Copy(stmt));
        Some(Some(data_start))
    }

    /// Reads a `CREATE` statement (`p` after the keyword); remembers a table's columns.
    /// Returns where the statement ends.
    fn create(&mut self, mut p: usize) -> Option<usize> {
        let mut parts = Vec::new();
        // Up to TABLE, through TEMPORARY, UNLOGGED and the like.
        loop {
            let next = self.next_word(p)?;
            if next.is_empty() {
                return self.statement_end(next.start);
            }
            let word = &self.data[next.clone()];
            p = next.end;
            if is_kw(word, b"TABLE") {
                break;
            }
            let prefix = [&b"TEMPORARY"[..], b"TEMP", b"UNLOGGED", b"GLOBAL", b"LOCAL"];
            if !prefix.iter().any(|k| is_kw(word, k)) {
                return self.statement_end(p);
            }
        }
        loop {
            let Some(end) = self.name(p, &mut parts)? else {
                return self.statement_end(p);
            };
            let word = &self.data[parts[0].clone()];
            let keyword = parts.len() == 1
                && [&b"IF"[..], b"NOT", b"EXISTS"]
                    .iter()
                    .any(|k| is_kw(word, k));
            p = end;
            if !keyword {
                break;
            }
        }
        let open = self.skip_space(p)?;
        if self.data[open] != b'(' {
            return self.statement_end(open);
        }
        let mut cols: Vec<Box<[u8]>> = Vec::new();
        let mut q = open + 1;
        let close = loop {
            if let Some((name, end)) = self.ident(q)? {
                let quoted =
                    name.start > 0 && matches!(self.data[name.start - 1], b'`' | b'"' | b'[');
                let word = &self.data[name.clone()];
                let constraint = [
                    &b"PRIMARY"[..],
                    b"KEY",
                    b"INDEX",
                    b"UNIQUE",
                    b"CONSTRAINT",
                    b"FOREIGN",
                    b"CHECK",
                    b"FULLTEXT",
                    b"SPATIAL",
                    b"EXCLUDE",
                    b"LIKE",
                    b"PERIOD",
                ]
                .iter()
                .any(|k| is_kw(word, k));
                if quoted || !constraint {
                    cols.push(word.into());
                }
                q = end;
            }
            // To the `,` or `)` ending this definition.
            let k = self.value_end(q)?;
            if self.data[k] == b')' {
                break k;
            }
            q = k + 1;
        };
        let end = self.statement_end(close + 1)?;
        let table = self.table_name(&parts).to_ascii_lowercase();
        Arc::make_mut(&mut self.state.tables).insert(table.into(), cols.into());
        self.version += 1;
        self.recent.clear();
        Some(end)
    }

    /// Reads tuples from `p` (between two of them, or after `VALUES`) to the statement's
    /// end. The walker enters [`Mode::Values`] at the first tuple's end, so that every
    /// change of state is at a boundary.
    fn values(&mut self, mut p: usize, stmt: &Arc<Stmt>, v: &mut impl Visit) -> Option<usize> {
        loop {
            p = self.skip_space(p)?;
            match self.data[p] {
                b'(' => {
                    p = v.tuple(self, stmt, p)?;
                    if !matches!(&self.state.mode, Mode::Values(s) if Arc::ptr_eq(s, stmt)) {
                        self.set_mode(Mode::Values(stmt.clone()));
                    }
                    v.boundary(p, self);
                }
                b',' => p += 1,
                _ => {
                    // The delimiter, or a tail (`ON DUPLICATE KEY UPDATE …`) up to it; in
                    // SQL Server's dialect the next statement (or `GO`) itself.
                    let end = if self.delimiter_at(p)? {
                        p + usize::from(self.state.delimiter.len)
                    } else if self.state.dialect == Dialect::TSql {
                        p
                    } else {
                        self.statement_end(p)?
                    };
                    if self.state.mode != Mode::Top {
                        self.set_mode(Mode::Top);
                    }
                    v.boundary(end, self);
                    return Some(end);
                }
            }
        }
    }

    /// Reads COPY data lines from `p` (a line start) to the `\.` line.
    fn copy(&mut self, p: usize, stmt: &Stmt, v: &mut impl Visit) -> Option<usize> {
        let data = self.data;
        let block = &data[p..self.end];
        // The end marker at a line start: at `p` itself, or after a `\n`.
        let marker = if block.starts_with(b"\\.") {
            Some(p)
        } else {
            memmem::find(block, b"\n\\.").map(|k| p + k + 1)
        };
        let lines_end = match marker {
            Some(m) => m,
            None => p + memrchr(b'\n', block).map_or(0, |k| k + 1),
        };
        if lines_end > p {
            v.copy_lines(self, stmt, p, lines_end);
            v.boundary(lines_end, self);
        }
        let m = marker?;
        // `\.` ends the block when it is the whole line.
        let after = match data.get(m + 2..self.end.min(m + 4)) {
            Some([b'\n', ..]) => m + 3,
            Some([b'\r', b'\n']) => m + 4,
            _ if m + 2 == self.end => m + 2,
            Some([b'\r']) => return None,
            _ => {
                // A line that starts with `\.` but holds more is data.
                let end = self.line_end(m)?;
                v.copy_lines(self, stmt, m, end);
                v.boundary(end, self);
                return Some(end);
            }
        };
        self.set_mode(Mode::Top);
        v.boundary(after, self);
        Some(after)
    }
}

/// Whether `text` holds `word` as a whole word, ignoring case.
fn has_word(text: &[u8], word: &[u8]) -> bool {
    text.windows(word.len()).enumerate().any(|(i, w)| {
        is_kw(w, word)
            && (i == 0 || !is_word(text[i - 1]))
            && text.get(i + word.len()).is_none_or(|&b| !is_word(b))
    })
}

/// The chunk-edge walk: finds boundaries, picks edges and notes the state at each.
struct Edges {
    picker: EdgePicker,
    /// The state at each picked edge after the first.
    states: Vec<Arc<State>>,
    /// The state at the last picked edge (or the start) and the walker version it was
    /// taken at: edges within one statement share it.
    last: (u64, Arc<State>),
}

impl Visit for Edges {
    #[inline]
    fn boundary(&mut self, at: usize, w: &Walker<'_>) {
        if self.picker.boundary(at) {
            if self.last.0 != w.version {
                self.last = (w.version, Arc::new(w.state.clone()));
            }
            self.states.push(self.last.1.clone());
        }
    }

    #[inline]
    fn tuple(&mut self, w: &Walker<'_>, _stmt: &Stmt, open: usize) -> Option<usize> {
        w.group_end(open)
    }

    fn copy_lines(&mut self, w: &Walker<'_>, _stmt: &Stmt, from: usize, to: usize) {
        // Only the first line end at or after each wanted edge matters (`to` is one).
        let mut at = from.max(self.picker.next_at() - 1);
        while at < to - 1 {
            match memchr(b'\n', &w.data[at..to - 1]) {
                Some(k) => {
                    self.boundary(at + k + 1, w);
                    at = self.picker.next_at() - 1;
                }
                None => break,
            }
        }
    }
}

/// Chunk edges of an SQL dump (see [`super::Layout::chunk_edges`]).
///
/// The last window of an input, when shorter than `target`, is one chunk and is not walked:
/// no boundary in it can become an edge, and the state at its end is never used (no window
/// follows), so its last edge carries the first edge's state. Most dumps are shorter than a
/// chunk (on the 5 MB corpus the walk cost 4.3 M instructions for nothing).
pub fn chunk_edges(window: &[u8], target: usize, at_eof: bool, start: &ChunkState) -> Vec<Edge> {
    let first = match start {
        ChunkState::Sql(state) => state.clone(),
        ChunkState::Start | ChunkState::Stop(_) => Arc::new(State::default()),
    };
    let picker = EdgePicker::new(target);
    if picker.done(window.len(), at_eof) {
        return picker
            .finish(window.len(), at_eof)
            .into_iter()
            .map(|at| Edge {
                at,
                state: ChunkState::Sql(first.clone()),
            })
            .collect();
    }
    let mut walker = Walker::new(window, window.len(), start);
    let mut edges = Edges {
        picker,
        states: Vec::new(),
        last: (0, first.clone()),
    };
    walker.run(0, &mut edges);
    let picked = edges.states.len();
    let mut states = edges.states;
    let offsets = edges.picker.finish(window.len(), at_eof);
    if offsets.len() > picked + 1 {
        // The final edge: the end of the input, or the last boundary of the window. The
        // walker's state only changes right before a boundary, so its state now is the one
        // at the last boundary.
        states.push(if edges.last.0 == walker.version {
            edges.last.1
        } else {
            Arc::new(walker.state.clone())
        });
    }
    std::iter::once(first)
        .chain(states)
        .zip(offsets)
        .map(|(state, at)| Edge {
            at,
            state: ChunkState::Sql(state),
        })
        .collect()
}

/// The tokeniser: reports each tuple's and COPY line's values.
struct Tokens<'s, S: FieldSink> {
    base: u64,
    scratch: &'s mut Scratch,
    sink: &'s mut S,
}

/// Reports `value` as column `col` (0-based) of `stmt`, named `table.column`, or
/// `table.colN` past the known columns (`name` is the buffer for that name).
fn report(
    sink: &mut impl FieldSink,
    name: &mut Vec<u8>,
    stmt: &Stmt,
    col: usize,
    value: Value<'_>,
) {
    match stmt.fields.get(col) {
        Some(field) => sink.value(FieldRef::Name(field), value),
        None => {
            name.clear();
            name.extend_from_slice(&stmt.table);
            name.extend_from_slice(b".col");
            name.extend_from_slice((col + 1).to_string().as_bytes());
            sink.value(FieldRef::Name(name), value);
        }
    }
}

/// What a quoted string holds, told by its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Literal {
    /// Text (plain, `_charset`, `N`, `E`).
    Text,
    /// Hex digits (`X'…'`).
    Hex,
    /// Bits (`B'…'`): no value.
    Bits,
}

impl<S: FieldSink> Tokens<'_, S> {
    /// Reports the stored value `data[from..to]` as it is.
    fn plain(&mut self, data: &[u8], stmt: &Stmt, col: usize, from: usize, to: usize) {
        if to > from {
            let value = Value {
                bytes: &data[from..to],
                offset: self.base + from as u64,
                stored_at: None,
            };
            report(self.sink, &mut self.scratch.path, stmt, col, value);
        }
    }

    /// Reports the unescaped value in `scratch.value`, stored from `from`.
    fn unescaped(&mut self, stmt: &Stmt, col: usize, from: usize) {
        let Scratch {
            value,
            stored_at,
            path,
            ..
        } = &mut *self.scratch;
        if !value.is_empty() {
            let value = Value {
                bytes: value,
                offset: self.base + from as u64,
                stored_at: Some(stored_at),
            };
            report(self.sink, path, stmt, col, value);
        }
    }

    /// Reports hex digits `data[from..to]`: decoded when they hold printable UTF-8 text,
    /// else the digits themselves.
    fn hex(&mut self, data: &[u8], stmt: &Stmt, col: usize, from: usize, to: usize) {
        let digits = &data[from..to];
        let value = &mut self.scratch.value;
        value.clear();
        let decoded = digits.len().is_multiple_of(2)
            && digits.chunks_exact(2).all(|pair| {
                let hi = (pair[0] as char).to_digit(16);
                let lo = (pair[1] as char).to_digit(16);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        value.push((hi * 16 + lo) as u8);
                        true
                    }
                    _ => false,
                }
            })
            && std::str::from_utf8(value).is_ok_and(|t| {
                !t.chars()
                    .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            });
        if !decoded {
            return self.plain(data, stmt, col, from, to);
        }
        let stored_at = &mut self.scratch.stored_at;
        stored_at.clear();
        stored_at.run(value.len(), 0, 2);
        stored_at.set_end(rel(2 * value.len()));
        self.unescaped(stmt, col, from);
    }

    /// Reports the string whose quotes are at `open` and `close`.
    fn string(
        &mut self,
        w: &Walker<'_>,
        stmt: &Stmt,
        col: usize,
        open: usize,
        close: usize,
        escaped: bool,
    ) {
        let from = open + 1;
        if !escaped {
            return self.plain(w.data, stmt, col, from, close);
        }
        unescape(w.data, from, close, w.backslashes(open), self.scratch);
        self.unescaped(stmt, col, from);
    }

    /// Reads the bare value (a number, a keyword, a prefixed string, an expression) at `p`
    /// and reports it; returns where it ends.
    fn bare(&mut self, w: &Walker<'_>, stmt: &Stmt, col: usize, p: usize) -> Option<usize> {
        let data = w.data;
        let word = w.word_end(p)?;
        let quote = w.skip_space(word)?;
        if word > p && matches!(data[quote], b'\'' | b'"') {
            let prefix = &data[p..word];
            let literal = match prefix {
                [b'X' | b'x'] => Some(Literal::Hex),
                [b'B' | b'b'] => Some(Literal::Bits),
                [b'N' | b'n' | b'E' | b'e'] if quote == word => Some(Literal::Text),
                [b'_', ..] => Some(Literal::Text),
                _ => None,
            };
            if let Some(literal) = literal {
                let (close, escaped) = w.string_end(quote)?;
                match literal {
                    Literal::Text => self.string(w, stmt, col, quote, close, escaped),
                    Literal::Hex => self.hex(data, stmt, col, quote + 1, close),
                    Literal::Bits => {}
                }
                return Some(close + 1);
            }
        }
        // A word running up to the value's end (a number, `NULL`): it holds no group,
        // string or space, so `value_end`, the trims and the group test below would find
        // nothing to change (`quote` is `word`, inside the data).
        let whole_word = word > p && matches!(data[word], b',' | b')');
        let end = if whole_word { word } else { w.value_end(p)? };
        // A charset introducer before a bare literal (`_binary 0x…`) is set aside.
        let p = match data[p] {
            b'_' if word < end && is_space(data[word]) => w.skip_space(word)?.min(end),
            _ => p,
        };
        let mut to = end;
        while to > p && is_space(data[to - 1]) {
            to -= 1;
        }
        let text = &data[p..to];
        if is_kw(text, b"NULL") {
            return Some(end);
        }
        if !whole_word && text.iter().any(|&b| matches!(b, b'(' | b'\'' | b'"')) {
            // A call whose first argument is a string: that string is the value.
            if word > p && data[word] == b'(' {
                let arg = w.skip_space(word + 1)?;
                let quote = match data[arg] {
                    b'N' | b'n' if data.get(arg + 1) == Some(&b'\'') => arg + 1,
                    _ => arg,
                };
                if quote < end && data[quote] == b'\'' {
                    let (close, escaped) = w.string_end(quote)?;
                    self.string(w, stmt, col, quote, close, escaped);
                }
            }
            return Some(end);
        }
        match text {
            [b'0', b'x' | b'X', digits @ ..]
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_hexdigit) =>
            {
                self.hex(data, stmt, col, p + 2, to)
            }
            _ => self.plain(data, stmt, col, p, to),
        }
        Some(end)
    }

    /// Reports one COPY text-format line `data[from..to]` (without its `\n`).
    fn copy_line(&mut self, data: &[u8], stmt: &Stmt, from: usize, to: usize) {
        let mut col = 0;
        let mut field = from;
        loop {
            // One search finds the field's end and whether a backslash comes before it
            // (fields are short: a block at a time, not a `memchr` for each).
            let hit = swar::find2(data, field, to, b'\t', b'\\').unwrap_or(to);
            let escaped = hit < to && data[hit] == b'\\';
            let end = if escaped {
                memchr(b'\t', &data[hit..to]).map_or(to, |k| hit + k)
            } else {
                hit
            };
            let value = &data[field..end];
            if value != b"\\N" {
                if escaped {
                    unescape_copy(data, field, end, self.scratch);
                    self.unescaped(stmt, col, field);
                } else {
                    self.plain(data, stmt, col, field, end);
                }
            }
            if end == to {
                break;
            }
            col += 1;
            field = end + 1;
        }
        self.sink.end_record();
    }
}

impl<S: FieldSink> Visit for Tokens<'_, S> {
    #[inline]
    fn boundary(&mut self, _at: usize, _w: &Walker<'_>) {}

    fn tuple(&mut self, w: &Walker<'_>, stmt: &Stmt, open: usize) -> Option<usize> {
        let data = w.data;
        let mut col = 0;
        let mut p = open + 1;
        loop {
            p = w.skip_space(p)?;
            let after = match data[p] {
                b'\'' | b'"' => {
                    let (close, escaped) = w.string_end(p)?;
                    self.string(w, stmt, col, p, close, escaped);
                    close + 1
                }
                b',' | b')' => p,
                _ => self.bare(w, stmt, col, p)?,
            };
            // The value's end is mostly right after it (a string's closing quote, or where
            // `bare` stopped).
            let k = if after < w.end && matches!(data[after], b',' | b')') {
                after
            } else {
                w.value_end(after)?
            };
            if data[k] == b')' {
                self.sink.end_record();
                return Some(k + 1);
            }
            col += 1;
            p = k + 1;
        }
    }

    fn copy_lines(&mut self, w: &Walker<'_>, stmt: &Stmt, from: usize, to: usize) {
        let data = w.data;
        if stmt.csv {
            let mut named = Named {
                sink: &mut *self.sink,
                stmt,
                name: Vec::new(),
            };
            csv::tokenize(b',', data, from..to, self.base, self.scratch, &mut named);
            return;
        }
        let mut line = from;
        while line < to {
            let nl = memchr(b'\n', &data[line..to]).map_or(to, |k| line + k);
            let end = if nl > line && data[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            self.copy_line(data, stmt, line, end);
            line = nl + 1;
        }
    }
}

/// A sink that names CSV columns (of a `COPY … CSV` block) `table.column`.
struct Named<'a, S: FieldSink> {
    sink: &'a mut S,
    stmt: &'a Stmt,
    name: Vec<u8>,
}

impl<S: FieldSink> FieldSink for Named<'_, S> {
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        if let FieldRef::Column(col) = field {
            report(self.sink, &mut self.name, self.stmt, col, value);
        }
    }

    fn end_record(&mut self) {
        self.sink.end_record();
    }
}

/// Unescapes the string body `data[from..to]` (`''`, and backslash escapes when
/// `backslashes`) into `scratch.value`, with stored offsets relative to `from`.
fn unescape(data: &[u8], from: usize, to: usize, backslashes: bool, scratch: &mut Scratch) {
    let (value, stored_at) = (&mut scratch.value, &mut scratch.stored_at);
    value.clear();
    stored_at.clear();
    let mut i = from;
    while i < to {
        // The bytes up to the next quote or backslash are copied as they are.
        let rest = &data[i..to];
        let special = if backslashes {
            memchr::memchr3(b'\'', b'"', b'\\', rest)
        } else {
            memchr::memchr2(b'\'', b'"', rest)
        };
        let plain = special.map_or(to, |p| i + p);
        value.extend_from_slice(&data[i..plain]);
        stored_at.run(plain - i, rel(i - from), 1);
        i = plain;
        if i >= to {
            break;
        }
        let b = data[i];
        let at = rel(i - from);
        if b == b'\\' && i + 1 < to {
            let c = data[i + 1];
            if matches!(c, b'%' | b'_') {
                // MySQL keeps the backslash of `\%` and `\_`.
                value.extend_from_slice(&[b, c]);
                stored_at.run(2, at, 1);
            } else {
                value.push(match c {
                    b'0' => 0,
                    b'b' => 8,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'Z' => 0x1a,
                    other => other,
                });
                stored_at.run(1, at, 1);
            }
            i += 2;
            continue;
        }
        value.push(b);
        stored_at.run(1, at, 1);
        // The first of a doubled quote stands for both.
        i += if (b == b'\'' || b == b'"') && data.get(i + 1) == Some(&b) {
            2
        } else {
            1
        };
    }
    stored_at.set_end(rel(to - from));
}

/// Unescapes a COPY text-format value `data[from..to]` (`\\`, `\t`, `\n`, octal and
/// `\x` escapes) into `scratch.value`, with stored offsets relative to `from`.
fn unescape_copy(data: &[u8], from: usize, to: usize, scratch: &mut Scratch) {
    let (value, stored_at) = (&mut scratch.value, &mut scratch.stored_at);
    value.clear();
    stored_at.clear();
    let mut i = from;
    while i < to {
        // The bytes up to the next escape are copied as they are; a last lone backslash too.
        let plain = memchr::memchr(b'\\', &data[i..to]).map_or(to, |p| i + p);
        let plain = if plain + 1 >= to { to } else { plain };
        value.extend_from_slice(&data[i..plain]);
        stored_at.run(plain - i, rel(i - from), 1);
        i = plain;
        if i >= to {
            break;
        }
        let at = rel(i - from);
        let c = data[i + 1];
        i += 2;
        let byte = match c {
            b'b' => 8,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 0x0b,
            b'0'..=b'7' => {
                let mut n = u32::from(c - b'0');
                let mut k = 0;
                while k < 2 && i < to && matches!(data[i], b'0'..=b'7') {
                    n = n * 8 + u32::from(data[i] - b'0');
                    i += 1;
                    k += 1;
                }
                n as u8
            }
            b'x' if i < to && data[i].is_ascii_hexdigit() => {
                let mut n = 0u32;
                let mut k = 0;
                while k < 2 && i < to && data[i].is_ascii_hexdigit() {
                    n = n * 16 + (data[i] as char).to_digit(16).unwrap_or(0);
                    i += 1;
                    k += 1;
                }
                n as u8
            }
            other => other,
        };
        value.push(byte);
        stored_at.run(1, at, 1);
    }
    stored_at.set_end(rel(to - from));
}

/// Tokenises an SQL dump chunk (see [`super::Layout::tokenize`]).
pub fn tokenize(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    state: &ChunkState,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    let mut walker = Walker::new(data, range.end, state);
    let mut tokens = Tokens {
        base,
        scratch,
        sink,
    };
    walker.run(range.start, &mut tokens);
}

#[cfg(test)]
mod tests {
    use super::super::text::testing::{self, check_stored, chunked, end, p, streamed, Got};
    use super::super::{Format, Layout};
    use super::*;

    fn layout() -> Layout {
        Layout {
            format: Format::Sql,
            delimiter: b',',
            header: Vec::new(),
            body_start: 0,
        }
    }

    fn whole(data: &[u8]) -> Vec<Got> {
        let got = chunked(&layout(), data, usize::MAX);
        check_stored(data, &got);
        got
    }

    /// (field, value) pairs, and `|` for each record end.
    fn pairs(data: &[u8]) -> Vec<(String, String)> {
        testing::pairs(&whole(data))
    }

    /// The value stored for `bytes`, offsets checked against the data.
    fn offset_of(got: &[Got], want: &str) -> (u64, Option<Vec<u32>>) {
        got.iter()
            .find_map(|g| match g {
                Got::Value {
                    bytes,
                    offset,
                    stored_at,
                    ..
                } if bytes == want => Some((*offset, stored_at.clone())),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no {want:?} in {got:?}"))
    }

    /// The stored-offset map of the value `want`, which `data` stores escaped as `stored`:
    /// checks that the value starts where `stored` does and that the map ends at its length.
    fn escaped_map(data: &[u8], got: &[Got], want: &str, stored: &[u8]) -> Vec<u32> {
        let (offset, map) = offset_of(got, want);
        assert_eq!(offset as usize, memmem::find(data, stored).unwrap());
        let map = map.expect("unescaped");
        assert_eq!(*map.last().unwrap() as usize, stored.len());
        map
    }

    const MYSQL: &[u8] = br#"-- MySQL dump 10.13  Distrib 8.0.36
/*!40101 SET NAMES utf8mb4 */;
# a hash comment with a ( and a ' quote
DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(255) DEFAULT NULL COMMENT 'mail, (primary)',
  `phone` bigint DEFAULT NULL,
  `note` text,
  PRIMARY KEY (`id`),
  KEY `idx_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `users` WRITE;
/*!40000 ALTER TABLE `users` DISABLE KEYS */;
INSERT INTO `users` VALUES (1,'a@example.com',919876543210,'it\'s ''ok'' \\ (x)'),(2,NULL,_binary 'b@example.com',_binary 0x6340),(3,_utf8mb4'd@example.com',X'00ff',NULL);
INSERT IGNORE INTO `users` (`note`, `email`) VALUES ('n1','e@example.com');
REPLACE INTO users VALUES (4,'f@example.com',5,'-- not a comment; (')
  ON DUPLICATE KEY UPDATE note = VALUES(note);
UNLOCK TABLES;
DELIMITER ;;
/*!50003 CREATE*/ /*!50003 TRIGGER t AFTER INSERT ON users FOR EACH ROW BEGIN INSERT INTO users VALUES (9,'trigger@example.com',1,'x'); END */;;
CREATE PROCEDURE p() BEGIN INSERT INTO users VALUES (8,'proc@example.com',1,'y'); END ;;
DELIMITER ;
INSERT INTO `users` VALUES (5,'g@example.com',6,'z');
"#;

    #[test]
    fn mysqldump_rows_and_names() {
        assert_eq!(
            pairs(MYSQL),
            vec![
                p("users.id", "1"),
                p("users.email", "a@example.com"),
                p("users.phone", "919876543210"),
                p("users.note", "it's 'ok' \\ (x)"),
                end(),
                p("users.id", "2"),
                p("users.phone", "b@example.com"),
                p("users.note", "c@"),
                end(),
                p("users.id", "3"),
                p("users.email", "d@example.com"),
                p("users.phone", "00ff"),
                end(),
                p("users.note", "n1"),
                p("users.email", "e@example.com"),
                end(),
                p("users.id", "4"),
                p("users.email", "f@example.com"),
                p("users.phone", "5"),
                p("users.note", "-- not a comment; ("),
                end(),
                p("users.id", "5"),
                p("users.email", "g@example.com"),
                p("users.phone", "6"),
                p("users.note", "z"),
                end(),
            ]
        );
    }

    #[test]
    fn escaped_values_map_to_stored_offsets() {
        let got = whole(MYSQL);
        let map = escaped_map(MYSQL, &got, "it's 'ok' \\ (x)", b"it\\'s ''ok'' \\\\ (x)");
        // `s` is byte 3 of the value, stored after `\'` at 4.
        assert_eq!(map[3], 4);
        // A hex literal decodes to text with two stored digits a byte.
        let (offset, map) = offset_of(&got, "c@");
        assert_eq!(&MYSQL[offset as usize..offset as usize + 4], b"6340");
        assert_eq!(map, Some(vec![0, 2, 4]));
        // Plain values are stored as they are.
        let (offset, map) = offset_of(&got, "b@example.com");
        assert_eq!(&MYSQL[offset as usize - 1..offset as usize], b"'");
        assert_eq!(map, None);
    }

    const PG: &[u8] = b"--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n\
CREATE TABLE public.users (\n    id integer NOT NULL,\n    email character varying(255),\n    note text\n);\n\
CREATE FUNCTION public.f() RETURNS trigger AS $$ BEGIN INSERT INTO users VALUES (1, 'fn@example.com'); RETURN NEW; END; $$ LANGUAGE plpgsql;\n\
COPY public.users (id, email, note) FROM stdin;\n\
1\ta@example.com\tline\\none\\ttab \\\\ back\n\
2\t\\N\t\\\\N is text\n\
3\tb@example.com\t\\x41\\101\n\
\\.\n\
INSERT INTO public.users VALUES (4, 'c@example.com', 'C:\\');\n\
INSERT INTO public.users (id, email, note) OVERRIDING SYSTEM VALUE VALUES (5, 'd@example.com', E'it\\'s');\n\
INSERT INTO sales.orders (id, email) VALUES (6, 'e@example.com');\n\
COPY public.users (id, email) FROM stdin WITH (FORMAT csv);\n\
7,\"f@example.com\"\n\
\\.\n";

    #[test]
    fn pg_dump_copy_and_inserts() {
        assert_eq!(
            pairs(PG),
            vec![
                p("users.id", "1"),
                p("users.email", "a@example.com"),
                p("users.note", "line\none\ttab \\ back"),
                end(),
                p("users.id", "2"),
                p("users.note", "\\N is text"),
                end(),
                p("users.id", "3"),
                p("users.email", "b@example.com"),
                p("users.note", "AA"),
                end(),
                p("users.id", "4"),
                p("users.email", "c@example.com"),
                p("users.note", "C:\\"),
                end(),
                p("users.id", "5"),
                p("users.email", "d@example.com"),
                p("users.note", "it's"),
                end(),
                p("sales.orders.id", "6"),
                p("sales.orders.email", "e@example.com"),
                end(),
                p("users.id", "7"),
                p("users.email", "f@example.com"),
                end(),
            ]
        );
    }

    #[test]
    fn copy_null_and_escapes_keep_stored_offsets() {
        let got = whole(PG);
        let map = escaped_map(
            PG,
            &got,
            "line\none\ttab \\ back",
            b"line\\none\\ttab \\\\ back",
        );
        assert_eq!((map[4], map[5]), (4, 6));
    }

    const SQLITE: &[u8] = b"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n\
CREATE TABLE \"users\" (\"id\" INTEGER PRIMARY KEY, \"email\" TEXT, \"path\" TEXT, \"blob\" BLOB);\n\
INSERT INTO \"users\" VALUES(1,'a@example.com','C:\\dir\\','it''s');\n\
INSERT INTO users VALUES(2,'b@example.com',NULL,X'6240');\n\
INSERT INTO \"users\" VALUES(3,'c@example.com',-1.5e3,'x','extra');\n\
CREATE TABLE t(a,b);\nINSERT INTO t VALUES(1,2);\nCOMMIT;\n";

    #[test]
    fn sqlite_dump() {
        assert_eq!(
            pairs(SQLITE),
            vec![
                p("users.id", "1"),
                p("users.email", "a@example.com"),
                p("users.path", "C:\\dir\\"),
                p("users.blob", "it's"),
                end(),
                p("users.id", "2"),
                p("users.email", "b@example.com"),
                p("users.blob", "b@"),
                end(),
                p("users.id", "3"),
                p("users.email", "c@example.com"),
                p("users.path", "-1.5e3"),
                p("users.blob", "x"),
                p("users.col5", "extra"),
                end(),
                p("t.a", "1"),
                p("t.b", "2"),
                end(),
            ]
        );
    }

    /// An SSMS "Generate Scripts" data script: bracketed names, `N'…'` strings, no `;`,
    /// `GO` batches (after every statement, or only after some), a procedure whose body
    /// holds an `INSERT` that is no row.
    const TSQL: &[u8] = b"USE [shop]\r\nGO\r\nSET ANSI_NULLS ON\r\nGO\r\n\
CREATE TABLE [dbo].[Customers](\r\n\t[CustomerID] [int] IDENTITY(1,1) NOT NULL,\r\n\
\t[FullName] [nvarchar](100) NULL,\r\n\t[Dob] [datetime] NULL,\r\n\
 CONSTRAINT [PK_Customers] PRIMARY KEY CLUSTERED \r\n(\r\n\t[CustomerID] ASC\r\n\
)WITH (PAD_INDEX = OFF) ON [PRIMARY]\r\n) ON [PRIMARY]\r\nGO\r\n\
CREATE PROCEDURE [dbo].[AddOne] AS\r\nBEGIN\r\n\tSET NOCOUNT ON;\r\n\
INSERT INTO [dbo].[Customers] ([FullName]) VALUES (N'proc body');\r\nEND\r\nGO\r\n\
SET IDENTITY_INSERT [dbo].[Customers] ON \r\n\r\n\
INSERT [dbo].[Customers] ([CustomerID], [FullName], [Dob]) VALUES (1, N'O''Neil Rao', CAST(N'1985-03-04T00:00:00.000' AS DateTime))\r\n\
INSERT [dbo].[Customers] ([CustomerID], [FullName], [Dob]) VALUES (2, N'C:\\x', NULL)\r\nGO\r\n\
INSERT [dbo].[Customers] ([CustomerID], [FullName], [Dob]) VALUES (3, N'Asha', CONVERT(datetime, '1990'))\r\n\
GO\r\nSET IDENTITY_INSERT [dbo].[Customers] OFF\r\nGO\r\n";

    #[test]
    fn sql_server_script() {
        assert_eq!(
            pairs(TSQL),
            vec![
                p("dbo.Customers.CustomerID", "1"),
                p("dbo.Customers.FullName", "O'Neil Rao"),
                p("dbo.Customers.Dob", "1985-03-04T00:00:00.000"),
                end(),
                p("dbo.Customers.CustomerID", "2"),
                p("dbo.Customers.FullName", "C:\\x"),
                end(),
                p("dbo.Customers.CustomerID", "3"),
                p("dbo.Customers.FullName", "Asha"),
                end(),
            ]
        );
        // Without a column list, the columns of the CREATE TABLE name the values.
        let data = [
            TSQL,
            b"INSERT [dbo].[Customers] VALUES (4, N'Ravi', NULL)\r\nGO\r\n",
        ]
        .concat();
        let got = pairs(&data);
        assert_eq!(
            got[got.len() - 3..],
            [
                p("dbo.Customers.CustomerID", "4"),
                p("dbo.Customers.FullName", "Ravi"),
                end()
            ]
        );
    }

    #[test]
    fn unknown_tables_number_their_columns() {
        let got = pairs(b"INSERT INTO x VALUES ('a', 'b');\n");
        assert_eq!(got, vec![p("x.col1", "a"), p("x.col2", "b"), end()]);
    }

    #[test]
    fn any_cut_gives_the_same_values() {
        for data in [MYSQL, PG, SQLITE, TSQL] {
            let reference = whole(data);
            for target in [1, 2, 3, 7, 64, 500] {
                assert_eq!(
                    chunked(&layout(), data, target),
                    reference,
                    "target {target}"
                );
            }
            for window in [1, 5, 16, 100] {
                for target in [1, 7, 1000] {
                    assert_eq!(
                        streamed(&layout(), data, window, target),
                        reference,
                        "window {window} target {target}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_statements_are_cut_between_tuples() {
        let mut data = b"INSERT INTO t (a, b) VALUES ".to_vec();
        for i in 0..5000 {
            if i > 0 {
                data.push(b',');
            }
            data.extend_from_slice(format!("({i},'v;),(\\'{i}')").as_bytes());
        }
        data.extend_from_slice(b";\nINSERT INTO t VALUES (1,2);\n");
        let edges = chunk_edges(&data, 4096, true, &ChunkState::Start);
        assert!(edges.len() > 20, "{}", edges.len());
        for e in &edges[1..edges.len() - 1] {
            assert_eq!(data[e.at - 1], b')', "edge at {}", e.at);
        }
        let records = whole(&data).iter().filter(|g| **g == Got::End).count();
        assert_eq!(records, 5001);
        assert_eq!(chunked(&layout(), &data, 4096), whole(&data));
    }

    /// The last window, shorter than a chunk, is not walked: it gets the edges a walk gives.
    #[test]
    fn a_short_last_window_is_one_chunk() {
        let data = b"CREATE TABLE t (a int);\nINSERT INTO t VALUES (1),(2),('x;y');\nINSERT INTO t VALUES (3)";
        let offsets = |target| -> Vec<usize> {
            chunk_edges(data, target, true, &ChunkState::Start)
                .iter()
                .map(|e| e.at)
                .collect()
        };
        assert_eq!(offsets(data.len() + 1), [0, data.len()]);
        assert_eq!(offsets(data.len() + 1), offsets(data.len()));
        assert_eq!(chunk_edges(b"", 10, true, &ChunkState::Start).len(), 1);
        // Not at the end of the input, a short window is walked: its last edge carries the
        // statement the next window continues.
        let edges = chunk_edges(data, data.len() + 1, false, &ChunkState::Start);
        let Some(Edge {
            state: ChunkState::Sql(state),
            ..
        }) = edges.last()
        else {
            panic!("an SQL state")
        };
        assert!(matches!(state.mode, Mode::Values(_)), "{state:?}");
    }

    #[test]
    fn edges_carry_the_statement() {
        let data = b"CREATE TABLE t (a int, b int);\nINSERT INTO t VALUES (1,2),(3,4);\n";
        let edges = chunk_edges(data, 1, true, &ChunkState::Start);
        let inside = edges
            .iter()
            .find(|e| e.at >= 5 && &data[e.at - 5..e.at] == b"(1,2)")
            .expect("an edge after the first tuple");
        let ChunkState::Sql(state) = &inside.state else {
            panic!("an SQL state")
        };
        let Mode::Values(stmt) = &state.mode else {
            panic!("inside the tuples: {state:?}")
        };
        assert_eq!(&*stmt.fields[1], b"t.b");
        // Cut without the end of the input: the last edge is the last boundary.
        let edges = chunk_edges(&data[..data.len() - 8], 1, false, &ChunkState::Start);
        assert_eq!(edges.last().unwrap().at, data.len() - 8);
    }

    #[test]
    fn bare_values_up_to_their_end() {
        let got = pairs(
            b"INSERT INTO t VALUES (12,NULL,nuLL ,-1.5, 7 ,abc,0x41,_binary 0x41,$x,x'41',\xc3\xa9t\xc3\xa9);\n",
        );
        let want: Vec<_> = [
            ("1", "12"),
            ("4", "-1.5"),
            ("5", "7"),
            ("6", "abc"),
            ("7", "A"),
            ("8", "A"),
            ("9", "$x"),
            ("10", "A"),
            ("11", "\u{e9}t\u{e9}"),
        ]
        .into_iter()
        .map(|(col, value)| p(&format!("t.col{col}"), value))
        .chain([end()])
        .collect();
        assert_eq!(got, want);
    }

    /// A group's end as a walk to each next `'` `"` `(` `)` and each string's end finds it
    /// (what [`Walker::group_end`] did before its block search).
    fn group_end_by_bytes(w: &Walker<'_>, open: usize) -> Option<usize> {
        let mut depth = 1u32;
        let mut p = open + 1;
        loop {
            let k = p + w.data[p..w.end]
                .iter()
                .position(|b| matches!(b, b'\'' | b'"' | b'(' | b')'))?;
            match w.data[k] {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(k + 1);
                    }
                }
                _ => {
                    p = w.string_end(k)?.0 + 1;
                    continue;
                }
            }
            p = k + 1;
        }
    }

    proptest::proptest! {
        /// Bare words, with or without spaces around them, are reported trimmed (`NULL`
        /// not at all), whether they run up to the `,` or `)` or not.
        #[test]
        fn bare_words_are_trimmed(
            cells in proptest::collection::vec(("[ ]{0,2}", "[a-w0-9$]{1,6}|NULL|null", "[ ]{0,2}"), 1..8),
        ) {
            let tuple: Vec<String> = cells.iter().map(|(a, w, b)| format!("{a}{w}{b}")).collect();
            let data = format!("INSERT INTO t VALUES ({});\n", tuple.join(","));
            let mut want: Vec<_> = cells
                .iter()
                .enumerate()
                .filter(|(_, (_, w, _))| !w.eq_ignore_ascii_case("null"))
                .map(|(k, (_, w, _))| p(&format!("t.col{}", k + 1), w))
                .collect();
            want.push(end());
            proptest::prop_assert_eq!(pairs(data.as_bytes()), want, "{}", data);
        }

        /// The iterator walk ends a word where the byte walk does, `None` when the word
        /// runs to the end of the data.
        #[test]
        fn word_ends_match_the_byte_walk(
            data in proptest::collection::vec(
                proptest::sample::select(b"a0_$\xc3 ,)('\t".to_vec()),
                0..40,
            ),
            from in 0usize..40,
            cut in 0usize..40,
        ) {
            let end = cut.min(data.len());
            let from = from.min(end);
            let w = Walker::new(&data, end, &ChunkState::Start);
            let mut q = from;
            while q < end && is_word(data[q]) {
                q += 1;
            }
            proptest::prop_assert_eq!(w.word_end(from), (q < end).then_some(q));
        }

        /// The block search finds every group's end where the walk from structural byte to
        /// structural byte does, in both dialects, wherever the data is cut.
        #[test]
        fn group_ends_match_the_byte_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "(", ")", "'", "''", "\"", "\\", "\\'", "E'", "e", "a", ",", " ",
                    "ab@cd.example", "0123456789", "\n", "'Yew Xin Sng'", "'D''Amore'",
                    "(1,'a b c',NULL,", "'+65 6428 6175'),", "NULL", "NOW()",
                ]),
                0..60,
            ),
            standard: bool,
            cut in 0usize..400,
        ) {
            let data = parts.concat().into_bytes();
            let end = data.len().saturating_sub(cut % (data.len() + 1));
            let mut w = Walker::new(&data, end, &ChunkState::Start);
            if standard {
                w.set_dialect(Dialect::Standard);
            }
            for open in (0..end).filter(|&p| data[p] == b'(') {
                proptest::prop_assert_eq!(
                    w.group_end(open),
                    group_end_by_bytes(&w, open),
                    "{:?} from {}", String::from_utf8_lossy(&data[..end]), open
                );
            }
        }

        #[test]
        fn random_dumps_cut_anywhere(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "INSERT INTO t VALUES ", "INSERT INTO `u` (a,b) VALUES ", "(", ")", ",",
                    "'", "''", "\\", "\"", "a@b.in", "12", "NULL", ";", "\n", " ", "--", "#",
                    "/*", "*/", "0x41", "X'41'", "_binary ", "E'", "$$",
                    "COPY t (a) FROM stdin;\n", "\\.\n", "\t", "\\N",
                    "CREATE TABLE t (a int, `b` text);", "DELIMITER ;;\n", "DELIMITER ;\n",
                    "-- PostgreSQL database dump\n", "PRAGMA x;", "GO\n", "\r\nGO 2\r\n",
                    "INSERT [dbo].[t] ([a]) VALUES ", "N'", "[x]", "SET NOCOUNT ON\n",
                    "CREATE PROC p AS\n", "CAST(N'1' AS int)", "\nINSERT t VALUES (1)",
                ]),
                0..40,
            ),
            target in 1usize..40,
            window in 1usize..40,
        ) {
            let data = parts.concat().into_bytes();
            let reference = whole(&data);
            proptest::prop_assert_eq!(&chunked(&layout(), &data, target), &reference);
            proptest::prop_assert_eq!(&streamed(&layout(), &data, window, target), &reference);
        }
    }
}

//! Writing a generated file and its ground truth together.
//!
//! A value is first built in a [`Cell`] (its bytes plus the spans of planted values in it),
//! then encoded into the file by [`Out`] (raw, CSV-quoted or JSON-escaped). The encoder
//! notes the file offset of every span as it writes it, so truth offsets are exact by
//! construction, escapes included, never searched for afterwards.

use super::values::Gen;
use super::values::V;
use crate::types::PiiType;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// The field a value is reported under: a CSV header, a JSON key path, a `key=value` key,
/// or `None` for free text.
pub(super) type Field = Option<&'static str>;

/// What a span of planted bytes is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// Personal data a scan must report as this type: written to the truth file.
    Truth(PiiType),
    /// A value shaped like personal data that a scan must not report: only counted.
    Decoy,
}

/// A planted value inside a [`Cell`].
#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
    mark: Mark,
    field: Field,
}

/// One value or line under construction, unescaped, with the planted spans in it.
#[derive(Debug, Default)]
pub(super) struct Cell {
    bytes: Vec<u8>,
    spans: Vec<Span>,
}

impl Cell {
    /// Empties the cell, keeping its buffers.
    pub(super) fn clear(&mut self) {
        self.bytes.clear();
        self.spans.clear();
    }

    /// Appends literal bytes.
    pub(super) fn lit(&mut self, s: &[u8]) {
        self.bytes.extend_from_slice(s);
    }

    /// Appends `n` in decimal.
    pub(super) fn num(&mut self, n: u64) {
        push_u64(&mut self.bytes, n);
    }

    /// Appends a generated value; returns whether it wrote anything.
    pub(super) fn val(&mut self, g: &mut Gen, v: V, field: Field) -> bool {
        let start = self.bytes.len();
        let mark = g.gen(v, &mut self.bytes);
        if let Some(mark) = mark {
            if self.bytes.len() > start {
                self.spans.push(Span {
                    start,
                    end: self.bytes.len(),
                    mark,
                    field,
                });
            }
        }
        self.bytes.len() > start
    }

    /// Appends `before`, a generated value `v` (no field) and `after`: a value set in a
    /// sentence, such as `card ` + number + ` was charged twice`. `after` may be empty.
    pub(super) fn phrase(&mut self, g: &mut Gen, before: &[u8], v: V, after: &[u8]) {
        self.lit(before);
        self.val(g, v, None);
        self.lit(after);
    }

    /// Appends `s`, planted as `mark` (for values made from parts, such as a sentence that
    /// holds a name as a decoy).
    pub(super) fn planted(&mut self, s: &[u8], mark: Mark) {
        let start = self.bytes.len();
        self.lit(s);
        self.spans.push(Span {
            start,
            end: self.bytes.len(),
            mark,
            field: None,
        });
    }

    /// Appends ` key=value`, the value in double quotes when it holds a space.
    pub(super) fn kv(&mut self, g: &mut Gen, key: &'static str, v: V) {
        self.lit(b" ");
        self.lit(key.as_bytes());
        self.lit(b"=");
        let start = self.bytes.len();
        let n = self.spans.len();
        self.val(g, v, Some(key));
        if self.bytes[start..].contains(&b' ') {
            // Values with spaces are quoted (logfmt); the span stays on the value itself.
            self.bytes.insert(start, b'"');
            self.bytes.push(b'"');
            for s in &mut self.spans[n..] {
                s.start += 1;
                s.end += 1;
            }
        }
    }

    /// The unescaped bytes.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether nothing was written.
    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// How JSON strings are escaped, mimicking different producers.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct JsonStyle {
    /// Non-ASCII characters as `\uXXXX` (Python's `json.dumps` default).
    pub(super) ensure_ascii: bool,
    /// `/` as `\/` (PHP's `json_encode` default).
    pub(super) escape_slash: bool,
    /// `@` as `\u0040` (seen in dumps from some serializers; set per value).
    pub(super) escape_at: bool,
}

/// A file opened for writing, with its own buffer and the count of bytes already written.
struct Sink {
    file: File,
    buf: Vec<u8>,
    flushed: u64,
}

/// Flush threshold of a [`Sink`]'s buffer.
const FLUSH_AT: usize = 1 << 17;

impl Sink {
    fn create(path: &Path) -> io::Result<Sink> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        Ok(Sink {
            file: File::create(path)?,
            buf: Vec::with_capacity(FLUSH_AT + (1 << 14)),
            flushed: 0,
        })
    }

    fn pos(&self) -> u64 {
        self.flushed + self.buf.len() as u64
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.file.write_all(&self.buf)?;
            self.flushed += self.buf.len() as u64;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<u64> {
        self.file.write_all(&self.buf)?;
        self.file.flush()?;
        Ok(self.pos())
    }
}

/// `truth.jsonl`: one line per planted value.
pub(super) struct Truth {
    sink: Sink,
    entries: u64,
}

impl Truth {
    /// Creates the truth file at `path`.
    pub(super) fn create(path: &Path) -> io::Result<Truth> {
        Ok(Truth {
            sink: Sink::create(path)?,
            entries: 0,
        })
    }

    fn entry(
        &mut self,
        path: &str,
        offset: u64,
        length: u64,
        ty: PiiType,
        field: Field,
        record: u64,
    ) {
        let b = &mut self.sink.buf;
        b.extend_from_slice(b"{\"path\":\"");
        b.extend_from_slice(path.as_bytes());
        b.extend_from_slice(b"\",\"offset\":");
        push_u64(b, offset);
        b.extend_from_slice(b",\"length\":");
        push_u64(b, length);
        b.extend_from_slice(b",\"type\":\"");
        b.extend_from_slice(ty.name().as_bytes());
        b.extend_from_slice(b"\",\"field\":");
        match field {
            Some(f) => {
                debug_assert!(!f.bytes().any(|c| c == b'"' || c == b'\\'));
                b.push(b'"');
                b.extend_from_slice(f.as_bytes());
                b.push(b'"');
            }
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\"record\":");
        push_u64(b, record);
        b.extend_from_slice(b"}\n");
        self.entries += 1;
    }

    /// Writes what is buffered; returns the file size and the number of entries.
    pub(super) fn finish(self) -> io::Result<(u64, u64)> {
        let entries = self.entries;
        Ok((self.sink.finish()?, entries))
    }
}

/// One data file being generated: its bytes, the current record number, the count of
/// planted tokens (truth and decoys), and the truth file it reports to.
pub(super) struct Out<'t> {
    /// The directory the file is written in.
    dir: std::path::PathBuf,
    /// Files to write beside it.
    beside: Vec<(std::path::PathBuf, Vec<u8>)>,
    name: &'static str,
    data: Sink,
    record: u64,
    tokens: u64,
    truth: &'t mut Truth,
}

impl<'t> Out<'t> {
    /// Creates `dir/name`; truth entries will name it `name`.
    pub(super) fn create(dir: &Path, name: &'static str, truth: &'t mut Truth) -> io::Result<Self> {
        Ok(Out {
            dir: dir.to_path_buf(),
            beside: Vec::new(),
            name,
            data: Sink::create(&dir.join(name))?,
            record: 1,
            tokens: 0,
            truth,
        })
    }

    /// Bytes written so far.
    pub(super) fn pos(&self) -> u64 {
        self.data.pos()
    }

    /// Truth entries and decoys planted so far.
    pub(super) fn tokens(&self) -> u64 {
        self.tokens
    }

    /// The current record ended: values after this belong to the next one.
    pub(super) fn end_record(&mut self) {
        self.record += 1;
    }

    /// Writes bytes that hold nothing planted.
    pub(super) fn lit(&mut self, s: &[u8]) {
        self.data.buf.extend_from_slice(s);
    }

    /// Writes a cell as it is.
    pub(super) fn raw(&mut self, cell: &Cell) {
        self.emit(cell, |b, s| b.extend_from_slice(s));
    }

    /// Writes a cell as a CSV/TSV field, quoted when it must be (or when `force_quote`),
    /// with `"` doubled inside quotes.
    pub(super) fn csv(&mut self, cell: &Cell, delim: u8, force_quote: bool) {
        let quote = force_quote
            || cell
                .bytes
                .iter()
                .any(|&c| c == delim || c == b'"' || c == b'\n' || c == b'\r');
        if !quote {
            return self.raw(cell);
        }
        self.lit(b"\"");
        self.emit(cell, |b, s| {
            for part in s.split_inclusive(|&c| c == b'"') {
                b.extend_from_slice(part);
                if part.last() == Some(&b'"') {
                    b.push(b'"');
                }
            }
        });
        self.lit(b"\"");
    }

    /// Writes a cell as a JSON string, quotes included.
    pub(super) fn json_str(&mut self, cell: &Cell, style: JsonStyle) {
        self.lit(b"\"");
        self.emit(cell, |b, s| json_escape(b, s, style));
        self.lit(b"\"");
    }

    /// Overwrites already written bytes at file offset `at` (a BSON length prefix); they
    /// must still be buffered, which they are within the current record.
    pub(super) fn patch(&mut self, at: u64, bytes: &[u8]) {
        let start = usize::try_from(at - self.data.flushed).expect("a buffered offset");
        self.data.buf[start..start + bytes.len()].copy_from_slice(bytes);
    }

    /// Adds a file to write beside this one when it is finished (a mongodump
    /// `.metadata.json`); `name` is relative to the directory of [`Out::create`].
    pub(super) fn beside(&mut self, name: &str, bytes: &[u8]) {
        self.beside.push((self.dir.join(name), bytes.to_vec()));
    }

    /// Writes buffered bytes out once the buffers are large.
    pub(super) fn flush_if_full(&mut self) -> io::Result<()> {
        self.data.flush_if_full()?;
        self.truth.sink.flush_if_full()
    }

    /// Writes what is buffered; returns the file size.
    pub(super) fn finish(self) -> io::Result<u64> {
        for (path, bytes) in &self.beside {
            std::fs::write(path, bytes)?;
        }
        self.data.finish()
    }

    /// Encodes `cell` segment by segment, noting where each planted span lands.
    pub(super) fn emit(&mut self, cell: &Cell, encode: impl Fn(&mut Vec<u8>, &[u8])) {
        let mut cur = 0;
        for s in &cell.spans {
            encode(&mut self.data.buf, &cell.bytes[cur..s.start]);
            let start = self.pos();
            encode(&mut self.data.buf, &cell.bytes[s.start..s.end]);
            let len = self.pos() - start;
            self.tokens += 1;
            if let Mark::Truth(ty) = s.mark {
                self.truth
                    .entry(self.name, start, len, ty, s.field, self.record);
            }
            cur = s.end;
        }
        encode(&mut self.data.buf, &cell.bytes[cur..]);
    }
}

/// Appends `s` escaped for the inside of a JSON string.
fn json_escape(b: &mut Vec<u8>, s: &[u8], style: JsonStyle) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let unicode = |b: &mut Vec<u8>, u: u16| {
        b.extend_from_slice(b"\\u");
        for shift in [12, 8, 4, 0] {
            b.push(HEX[usize::from((u >> shift) & 0xf)]);
        }
    };
    if style.ensure_ascii && !s.is_ascii() {
        let text = std::str::from_utf8(s).expect("generated text is UTF-8 and cut at values");
        for ch in text.chars() {
            if ch.is_ascii() {
                json_escape(b, &[ch as u8], style);
            } else {
                let mut units = [0u16; 2];
                for &u in ch.encode_utf16(&mut units).iter() {
                    unicode(b, u);
                }
            }
        }
        return;
    }
    for &c in s {
        match c {
            b'"' => b.extend_from_slice(b"\\\""),
            b'\\' => b.extend_from_slice(b"\\\\"),
            b'\n' => b.extend_from_slice(b"\\n"),
            b'\r' => b.extend_from_slice(b"\\r"),
            b'\t' => b.extend_from_slice(b"\\t"),
            b'/' if style.escape_slash => b.extend_from_slice(b"\\/"),
            b'@' if style.escape_at => unicode(b, u16::from(c)),
            0..=0x1f => unicode(b, u16::from(c)),
            _ => b.push(c),
        }
    }
}

/// Appends `n` in decimal.
pub(super) fn push_u64(b: &mut Vec<u8>, n: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    let mut n = n;
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    b.extend_from_slice(&tmp[i..]);
}

/// Appends `n` in decimal, zero-padded to `width` digits (at most 20).
pub(super) fn push_padded(b: &mut Vec<u8>, n: u64, width: usize) {
    let mut tmp = [b'0'; 20];
    let mut i = tmp.len();
    let mut n = n;
    while n > 0 {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    b.extend_from_slice(&tmp[tmp.len() - width.max(tmp.len() - i)..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_format_like_std() {
        for n in [0u64, 7, 10, 99, 1234567890, u64::MAX] {
            let mut b = Vec::new();
            push_u64(&mut b, n);
            assert_eq!(b, n.to_string().as_bytes());
            let mut b = Vec::new();
            push_padded(&mut b, n, 6);
            assert_eq!(b, format!("{n:06}").as_bytes());
        }
    }

    #[test]
    fn json_escapes_follow_the_style() {
        let mut b = Vec::new();
        let style = JsonStyle {
            ensure_ascii: true,
            escape_slash: true,
            escape_at: true,
        };
        json_escape(&mut b, "a\"/@\nஅ😀".as_bytes(), style);
        assert_eq!(b, br#"a\"\/\u0040\n\u0b85\ud83d\ude00"#);
        let parsed: String =
            serde_json::from_slice(&[b"\"".as_slice(), &b, b"\""].concat()).expect("valid JSON");
        assert_eq!(parsed, "a\"/@\nஅ😀");
    }
}

//! The findings stream (`--findings`): one JSON object a line, keys in contract order,
//! written to a file or standard output through one large buffer.
//!
//! Lines are rendered where findings are found: the worker that scans a chunk renders each
//! finding's line into the chunk's [`Lines`] (one buffer, values masked straight into it),
//! all but what only the merge knows: the input's path (written once per input), the record
//! number (records of the chunks before count) and the record's own id (known once the record
//! ends). The merge, one thread in input order, copies the lines and fills those in
//! ([`FindingsWriter::write`]), so its cost per finding, which bounds the scan's speed on many
//! cores when every finding is kept, is a few copies (it was ~1,200 instructions a finding
//! when it rendered whole lines, and serde_json's writer ~2,900). Strings are escaped by hand
//! as serde_json escapes them ([`push_str`]). Write errors are returned as they come: a closed
//! pipe is `io::ErrorKind::BrokenPipe` (the caller exits 0), a full disk is an error that
//! [`FindingsWriter::finish`] or [`FindingsWriter::write`] returns, never one swallowed by a
//! drop.

use crate::output::mask::mask_into;
use crate::swar::{ascii_in_range, eq_byte};
use crate::types::{Basis, PiiType};
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};

/// Size of the output buffer: large writes keep the syscall count low at millions of lines.
const BUFFER_SIZE: usize = 256 * 1024;

/// Where the lines go.
enum Sink {
    File(File),
    Stdout(io::Stdout),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::File(file) => file.write(buf),
            Sink::Stdout(stdout) => stdout.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::File(file) => file.flush(),
            Sink::Stdout(stdout) => stdout.flush(),
        }
    }
}

/// A field's part of a line, `,"field":…,"record":`, rendered once per field of a chunk.
#[derive(Clone, Debug)]
pub struct FieldPart(Box<[u8]>);

impl FieldPart {
    /// The part of field `name` (`None`: a finding outside any field, `null`).
    pub fn new(name: Option<&str>) -> FieldPart {
        let mut part = b",\"field\":".to_vec();
        match name {
            Some(name) => push_str(&mut part, name),
            None => part.extend_from_slice(b"null"),
        }
        part.extend_from_slice(b",\"record\":");
        FieldPart(part.into_boxed_slice())
    }
}

/// One finding as the worker that found it knows it.
pub struct Finding<'a> {
    /// Offset of the value in the input's decoded content.
    pub offset: u64,
    /// Length of the value as stored.
    pub length: u64,
    /// Its type.
    pub ty: PiiType,
    /// The field it sits in.
    pub field: &'a FieldPart,
    /// Its record, numbered from 1 within the chunk.
    pub record: u64,
    /// The value as found (masked in the line, and written as is with `reveal`).
    pub raw: &'a [u8],
    /// Why it was reported.
    pub basis: Basis,
}

/// A chunk's findings rendered as lines, in the order they are to be written, each but for
/// what only the merge knows (see the module doc).
#[derive(Debug, Default)]
pub struct Lines {
    /// The lines' text (each line in two pieces around its record number), and record ids.
    text: Vec<u8>,
    lines: Vec<Line>,
    /// The last record given an id, and the span of that id's text.
    last_id: Option<(u64, Span)>,
}

/// A span of [`Lines::text`].
type Span = (usize, usize);

/// Where a line's pieces are in [`Lines::text`].
#[derive(Clone, Copy, Debug)]
struct Line {
    /// From `,"offset":` to `"record":`.
    head: Span,
    /// From `,"masked":` to the newline.
    tail: Span,
    /// Its record, numbered within the chunk.
    record: u64,
    /// `,"record_id":"…"`, or an empty span.
    id: Span,
}

/// The room a chunk's lines took, per byte of the chunk: the next chunk's lines get theirs at
/// once ([`Lines::with_room`]). Growing buffers of megabytes by doubling copies them over and
/// over (~300 instructions a finding on a dense corpus).
#[derive(Clone, Copy, Debug, Default)]
pub struct Room {
    text: usize,
    lines: usize,
    chunk: usize,
}

impl Room {
    /// Lines for a chunk of `chunk` bytes as dense in findings as the one measured.
    pub fn lines_for(self, chunk: usize) -> usize {
        self.scaled(self.lines, chunk)
    }

    fn scaled(self, n: usize, chunk: usize) -> usize {
        let scaled = n as u128 * chunk as u128 / self.chunk.max(1) as u128;
        usize::try_from(scaled).unwrap_or(usize::MAX)
    }
}

impl Lines {
    /// No lines yet, with the room a chunk of `chunk` bytes takes if it is as dense in findings
    /// as the one `room` measured.
    pub fn with_room(room: Room, chunk: usize) -> Lines {
        Lines {
            text: Vec::with_capacity(room.scaled(room.text, chunk)),
            lines: Vec::with_capacity(room.lines_for(chunk)),
            last_id: None,
        }
    }

    /// The room these lines, of a chunk of `chunk` bytes, took.
    pub fn room(&self, chunk: usize) -> Room {
        Room {
            text: self.text.len(),
            lines: self.lines.len(),
            chunk,
        }
    }

    /// Renders `finding` as the next line; `reveal` adds its raw value.
    pub fn push(&mut self, finding: &Finding<'_>, reveal: bool) {
        let text = &mut self.text;
        let start = text.len();
        text.extend_from_slice(b",\"offset\":");
        push_u64(text, finding.offset);
        text.extend_from_slice(b",\"length\":");
        push_u64(text, finding.length);
        text.extend_from_slice(b",\"type\":");
        push_word(text, finding.ty.name());
        text.extend_from_slice(&finding.field.0);
        let hole = text.len();
        text.extend_from_slice(b",\"masked\":\"");
        let masked = text.len();
        mask_into(finding.ty, finding.raw, text);
        // A mask holds a byte JSON escapes only if the raw value does (see `mask`), and the
        // raw value is the shorter text to test (a hidden character is a 3-byte bullet).
        if next_to_escape(finding.raw, 0).is_some() && next_to_escape(text, masked).is_some() {
            // Rare: a separator kept in the mask is a quote, a backslash or a control.
            let raw_mask = text.split_off(masked);
            push_escaped(text, &raw_mask);
        }
        text.push(b'"');
        if reveal {
            text.extend_from_slice(b",\"value\":");
            push_str(text, &String::from_utf8_lossy(finding.raw));
        }
        text.extend_from_slice(b",\"basis\":[");
        for (i, name) in finding.basis.names().enumerate() {
            if i > 0 {
                text.push(b',');
            }
            push_word(text, name);
        }
        text.extend_from_slice(b"]}\n");
        let id = match self.last_id {
            Some((record, id)) if record == finding.record => id,
            _ => (0, 0),
        };
        self.lines.push(Line {
            head: (start, hole),
            tail: (hole, text.len()),
            record: finding.record,
            id,
        });
    }

    /// Gives `record` (the last record with lines, or the one being read) its own id, as
    /// shown: its lines so far and those pushed after it.
    pub fn record_id(&mut self, record: u64, id: &str) {
        let start = self.text.len();
        self.text.extend_from_slice(b",\"record_id\":");
        push_str(&mut self.text, id);
        let span = (start, self.text.len());
        for line in self.lines.iter_mut().rev() {
            if line.record != record {
                break;
            }
            line.id = span;
        }
        self.last_id = Some((record, span));
    }

    /// Moves the last line of `range` to its start (a finding that goes before lines
    /// rendered earlier).
    pub fn rotate_right(&mut self, range: std::ops::Range<usize>) {
        self.lines[range].rotate_right(1);
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there is no line.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Writes findings as JSON Lines.
pub struct FindingsWriter {
    out: BufWriter<Sink>,
    /// `{"path":"…"`: the start of every line of the input being written.
    path: Vec<u8>,
    /// The input being written is a part whose records are numbered within the part
    /// (`part_record`, and `record` null).
    part: bool,
}

/// Writes line `i` of `lines` to `out` piece by piece (into the output buffer, not through
/// a copy of the line): `path` (`{"path":"…"`) first, records numbered after `before`
/// records, in `part_record` if `part`.
fn write_line(
    out: &mut impl Write,
    path: &[u8],
    lines: &Lines,
    i: usize,
    before: u64,
    part: bool,
) -> io::Result<()> {
    let line = lines.lines[i];
    let text = &lines.text;
    let piece = |(start, end): Span| &text[start..end];
    out.write_all(path)?;
    out.write_all(piece(line.head))?;
    let mut record_buffer = itoa::Buffer::new();
    let record = record_buffer.format(before + line.record).as_bytes();
    if part {
        out.write_all(b"null")?;
        out.write_all(piece(line.id))?;
        out.write_all(b",\"part_record\":")?;
        out.write_all(record)?;
    } else {
        out.write_all(record)?;
        out.write_all(piece(line.id))?;
    }
    out.write_all(piece(line.tail))
}

/// Appends `word`, a contract word (a type or basis name: lower-case letters, digits and
/// `_`, nothing to escape), as a JSON string.
fn push_word(line: &mut Vec<u8>, word: &str) {
    line.push(b'"');
    line.extend_from_slice(word.as_bytes());
    line.push(b'"');
}

/// Appends `n` in decimal.
fn push_u64(line: &mut Vec<u8>, n: u64) {
    line.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\\` with a
/// backslash, control characters as `\n`-style short escapes or `\u00XX`.
fn push_str(line: &mut Vec<u8>, s: &str) {
    line.push(b'"');
    push_escaped(line, s.as_bytes());
    line.push(b'"');
}

/// Appends `bytes` (UTF-8) escaped as in a JSON string, without quotes. Eight bytes are
/// tested at a time, so text with nothing to escape (nearly all of it) is copied in one go.
fn push_escaped(line: &mut Vec<u8>, bytes: &[u8]) {
    let mut copied = 0;
    while let Some(i) = next_to_escape(bytes, copied) {
        line.extend_from_slice(&bytes[copied..i]);
        push_escape(line, bytes[i]);
        copied = i + 1;
    }
    line.extend_from_slice(&bytes[copied..]);
}

/// Where the first byte of `bytes[from..]` that JSON escapes is: `"`, `\\` or a control
/// character below 0x20. Eight bytes are tested at a time. The last block is the last eight
/// bytes, overlapping the block before (whose bytes need no escape, so a byte found there is
/// the first); text under eight bytes is tested as one block padded with spaces.
fn next_to_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    // The first byte to escape in the block read at `start`.
    let first_in = |start: usize, block: [u8; 8]| {
        let w = u64::from_le_bytes(block);
        let hit = ascii_in_range(w, 0, 0x1f) | eq_byte(w, b'"') | eq_byte(w, b'\\');
        (hit != 0).then(|| from + start + (hit.trailing_zeros() / 8) as usize)
    };
    let Some(last) = rest.len().checked_sub(8) else {
        // Byte by byte, not a copy of unknown length (a call to `memcpy`).
        let mut block = [b' '; 8];
        for (slot, &b) in block.iter_mut().zip(rest) {
            *slot = b;
        }
        return first_in(0, block);
    };
    let mut start = 0;
    loop {
        let block = rest[start..].first_chunk::<8>().expect("start <= last");
        if let Some(i) = first_in(start, *block) {
            return Some(i);
        }
        if start == last {
            return None;
        }
        start = (start + 8).min(last);
    }
}

/// Appends the escape of `b`, a byte [`next_to_escape`] stops at.
fn push_escape(line: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]];
            line.extend_from_slice(b"\\u00");
            line.extend_from_slice(&hex);
            return;
        }
    };
    line.extend_from_slice(&[b'\\', short]);
}

impl FindingsWriter {
    /// Opens `target`, a path or `-` for standard output. With `reveal`, raw values are
    /// written and a file is created readable by its owner only (an existing regular file is
    /// restricted to mode 0600 too).
    pub fn create(target: &str, reveal: bool) -> io::Result<FindingsWriter> {
        if target == "-" {
            return Ok(FindingsWriter::with_sink(Sink::Stdout(io::stdout())));
        }
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if reveal {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(target)?;
        #[cfg(unix)]
        if reveal && file.metadata()?.is_file() {
            // `mode` applies only when the file is created.
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(FindingsWriter::with_sink(Sink::File(file)))
    }

    fn with_sink(sink: Sink) -> FindingsWriter {
        FindingsWriter {
            out: BufWriter::with_capacity(BUFFER_SIZE, sink),
            path: Vec::new(),
            part: false,
        }
    }

    /// Starts on the findings of the input reported as `path`; `part`: a part (`--range`)
    /// that cannot know its record numbers, which go in `part_record`.
    pub fn input(&mut self, path: &str, part: bool) {
        self.path.clear();
        self.path.extend_from_slice(b"{\"path\":");
        push_str(&mut self.path, path);
        self.part = part;
    }

    /// Writes line `i` of `lines`, a chunk of the input being written after `before` records
    /// of it. The raw value is there only if the lines were rendered with `reveal`.
    pub fn write(&mut self, lines: &Lines, i: usize, before: u64) -> io::Result<()> {
        write_line(&mut self.out, &self.path, lines, i, before, self.part)
    }

    /// Flushes everything written; the error of the last writes if they failed.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::mask::mask;
    use proptest::prelude::*;

    /// The field part of `aadhaar_no`, shared by the test findings.
    fn aadhaar_no() -> &'static FieldPart {
        static PART: std::sync::OnceLock<FieldPart> = std::sync::OnceLock::new();
        PART.get_or_init(|| FieldPart::new(Some("aadhaar_no")))
    }

    fn aadhaar() -> Finding<'static> {
        Finding {
            offset: 1234,
            length: 14,
            ty: PiiType::Aadhaar,
            field: aadhaar_no(),
            record: 17,
            raw: b"2345 6789 9012",
            basis: Basis::VERHOEFF | Basis::FIELD,
        }
    }

    fn lines_of(findings: &[Finding<'_>], reveal: bool) -> Lines {
        let mut lines = Lines::default();
        for finding in findings {
            lines.push(finding, reveal);
        }
        lines
    }

    /// The stream written for inputs (path, part, findings, records before them).
    fn written(reveal: bool, inputs: &[(&str, bool, &Lines, u64)]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("findings.jsonl");
        let mut writer = FindingsWriter::create(path.to_str().unwrap(), reveal).unwrap();
        for &(input, part, lines, before) in inputs {
            writer.input(input, part);
            for i in 0..lines.len() {
                writer.write(lines, i, before).unwrap();
            }
        }
        writer.finish().unwrap();
        std::fs::read_to_string(&path).unwrap()
    }

    #[test]
    fn writes_the_contract_line() {
        let lines = lines_of(&[aadhaar()], false);
        assert_eq!(
            written(false, &[("dump/users.csv", false, &lines, 0)]),
            "{\"path\":\"dump/users.csv\",\"offset\":1234,\"length\":14,\"type\":\"aadhaar\",\
             \"field\":\"aadhaar_no\",\"record\":17,\"masked\":\"XXXX XXXX 9012\",\
             \"basis\":[\"verhoeff\",\"field\"]}\n"
        );
    }

    #[test]
    fn reveal_adds_the_value_before_basis() {
        let lines = lines_of(&[aadhaar()], true);
        let text = written(true, &[("a.csv", false, &lines, 0)]);
        assert!(
            text.ends_with(
                "\"masked\":\"XXXX XXXX 9012\",\"value\":\"2345 6789 9012\",\"basis\":[\"verhoeff\",\"field\"]}\n"
            ),
            "{text}"
        );
        let hidden = written(
            false,
            &[("a.csv", false, &lines_of(&[aadhaar()], false), 0)],
        );
        assert!(!hidden.contains("value"), "{hidden}");
    }

    #[test]
    fn null_field_escaped_path_and_records_after_earlier_chunks() {
        let outside = FieldPart::new(None);
        let finding = Finding {
            field: &outside,
            basis: Basis::SHAPE,
            ..aadhaar()
        };
        let lines = lines_of(&[finding], false);
        let text = written(
            false,
            &[
                ("dir/\"odd\"\n.txt", false, &lines, 0),
                ("b", false, &lines, 100),
            ],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("{\"path\":\"dir/\\\"odd\\\"\\n.txt\","));
        assert!(lines[0].contains("\"field\":null,\"record\":17,"));
        assert!(lines[1].starts_with("{\"path\":\"b\","));
        assert!(lines[1].contains("\"field\":null,\"record\":117,"));
        assert!(lines[1].ends_with("\"basis\":[\"shape\"]}"));
    }

    #[test]
    fn a_part_gives_its_own_record_number() {
        let mut lines = lines_of(&[aadhaar()], false);
        let text = written(false, &[("a.csv", true, &lines, 2)]);
        assert!(
            text.contains("\"record\":null,\"part_record\":19,\"masked\""),
            "{text}"
        );
        lines.record_id(17, "doc-1");
        let text = written(false, &[("a.csv", true, &lines, 2)]);
        assert!(
            text.contains("\"record\":null,\"record_id\":\"doc-1\",\"part_record\":19,"),
            "{text}"
        );
        assert!(!written(false, &[("a.csv", false, &lines, 0)]).contains("part_record"));
    }

    #[test]
    fn a_record_id_goes_to_every_line_of_its_record_only() {
        let mut lines = Lines::default();
        for record in [1, 2, 2] {
            lines.push(
                &Finding {
                    record,
                    ..aadhaar()
                },
                false,
            );
        }
        lines.record_id(2, "x\"y");
        lines.push(
            &Finding {
                record: 2,
                ..aadhaar()
            },
            false,
        );
        lines.push(
            &Finding {
                record: 3,
                ..aadhaar()
            },
            false,
        );
        let text = written(false, &[("a", false, &lines, 0)]);
        let ids: Vec<bool> = text
            .lines()
            .map(|l| l.contains("\"record_id\":\"x\\\"y\",\"masked\""))
            .collect();
        assert_eq!(ids, [false, true, true, true, false], "{text}");
        assert!(text.contains("\"record\":2,\"record_id\""), "{text}");
    }

    #[test]
    fn rotate_right_moves_the_last_line_first() {
        let mut lines = Lines::default();
        for offset in [1, 2, 3, 4] {
            lines.push(
                &Finding {
                    offset,
                    ..aadhaar()
                },
                false,
            );
        }
        lines.rotate_right(1..3);
        let text = written(false, &[("a", false, &lines, 0)]);
        let offsets: Vec<u64> = text
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["offset"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(offsets, [1, 3, 2, 4]);
    }

    #[test]
    fn contract_words_need_no_escape() {
        let names = PiiType::ALL.iter().map(|t| t.name());
        for word in names.chain(Basis::NAMES.iter().map(|&(_, n)| n)) {
            let mut escaped = Vec::new();
            push_str(&mut escaped, word);
            let mut plain = Vec::new();
            push_word(&mut plain, word);
            assert_eq!(plain, escaped, "{word}");
        }
    }

    proptest! {
        /// What `Lines::push` relies on to test only the raw value for escapes.
        #[test]
        fn a_mask_needs_escapes_only_where_its_raw_value_does(
            ty in proptest::sample::select(PiiType::ALL.to_vec()),
            raw in proptest::collection::vec(any::<u8>(), 0..40),
            text in "(?s)[\u{0}-\u{7f}é•]{0,40}",
        ) {
            for raw in [&raw[..], text.as_bytes()] {
                let masked = mask(ty, raw);
                let masked = masked.as_str().as_bytes();
                if next_to_escape(masked, 0).is_some() {
                    prop_assert!(next_to_escape(raw, 0).is_some(), "{}: {:?}", ty, raw);
                }
            }
        }

        /// Strings are escaped exactly as serde_json escapes them: quotes, backslashes,
        /// control characters (short and `\u00XX` forms), text outside ASCII and DEL as is.
        #[test]
        fn strings_are_escaped_as_serde_json_does(
            s in "(?s)[a-z\"\\\\\u{0}-\u{1f}\u{7f}é•\u{10000} ]{0,40}",
        ) {
            let mut line = Vec::new();
            push_str(&mut line, &s);
            prop_assert_eq!(String::from_utf8(line).unwrap(), serde_json::to_string(&s).unwrap());
        }

        /// A line reads back as JSON holding the finding's values, whatever its strings hold:
        /// the mask, the raw value with `reveal`, the record numbered after the chunks before.
        #[test]
        fn lines_read_back_as_the_finding(
            path in "(?s).{0,20}",
            field in proptest::option::of("(?s).{0,12}"),
            record_id in proptest::option::of("[a-z0-9\"\n]{1,8}"),
            ty in proptest::sample::select(PiiType::ALL.to_vec()),
            raw in "(?s)[0-9a-z \"\\\\\t\n@.$-]{0,24}",
            (record, before) in (1..u64::MAX / 2, 0..u64::MAX / 2),
            offset in any::<u64>(),
            reveal in any::<bool>(),
            part in any::<bool>(),
        ) {
            let field_part = FieldPart::new(field.as_deref());
            let finding = Finding {
                offset,
                ty,
                field: &field_part,
                record,
                raw: raw.as_bytes(),
                ..aadhaar()
            };
            let mut lines = lines_of(&[finding], reveal);
            if let Some(id) = &record_id {
                lines.record_id(record, id);
            }
            let mut path_part = b"{\"path\":".to_vec();
            push_str(&mut path_part, &path);
            let mut line = Vec::new();
            write_line(&mut line, &path_part, &lines, 0, before, part).unwrap();
            prop_assert_eq!(line.last(), Some(&b'\n'));
            let json: serde_json::Value = serde_json::from_slice(&line).unwrap();
            prop_assert_eq!(json["path"].as_str(), Some(path.as_str()));
            prop_assert_eq!(json["offset"].as_u64(), Some(offset));
            prop_assert_eq!(json["type"].as_str(), Some(ty.name()));
            prop_assert_eq!(json["field"].as_str(), field.as_deref());
            let numbered = Some(before + record);
            match part {
                true => {
                    prop_assert!(json["record"].is_null());
                    prop_assert_eq!(json["part_record"].as_u64(), numbered);
                }
                false => prop_assert_eq!(json["record"].as_u64(), numbered),
            }
            prop_assert_eq!(json.get("record_id").and_then(|v| v.as_str()), record_id.as_deref());
            let masked = mask(ty, raw.as_bytes());
            prop_assert_eq!(json["masked"].as_str(), Some(masked.as_str()));
            prop_assert_eq!(json.get("value").and_then(|v| v.as_str()), reveal.then_some(raw.as_str()));
            prop_assert_eq!(&json["basis"], &serde_json::json!(["verhoeff", "field"]));
        }
    }

    #[cfg(unix)]
    #[test]
    fn revealed_findings_are_private_to_the_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.jsonl");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let writer = FindingsWriter::create(path.to_str().unwrap(), true).unwrap();
        writer.finish().unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "", "truncated");
        let fresh = dir.path().join("g.jsonl");
        FindingsWriter::create(fresh.to_str().unwrap(), true)
            .unwrap()
            .finish()
            .unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_an_error() {
        let mut writer = FindingsWriter::create("/dev/full", false).unwrap();
        writer.input("a", false);
        writer.write(&lines_of(&[aadhaar()], false), 0, 0).unwrap();
        let err = writer.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    }

    #[cfg(unix)]
    #[test]
    fn a_closed_pipe_is_a_broken_pipe() {
        use std::os::fd::OwnedFd;
        use std::process::{Command, Stdio};
        let mut child = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
        let pipe = child.stdin.take().unwrap();
        child.wait().unwrap();
        let sink = Sink::File(File::from(OwnedFd::from(pipe)));
        let mut writer = FindingsWriter::with_sink(sink);
        writer.input("a", false);
        writer.write(&lines_of(&[aadhaar()], false), 0, 0).unwrap();
        let err = writer.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}

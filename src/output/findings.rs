//! The findings stream (`--findings`): one JSON object a line, keys in contract order,
//! written to a file or standard output through one large buffer.
//!
//! A line is written by hand into one reused buffer ([`push_line`]): the stream is written
//! by one thread in input order, so its cost per finding bounds the scan's speed when every
//! finding is kept (serde_json's writer cost ~2,900 instructions a finding, most of it
//! small writes and byte-by-byte escaping). Write errors are returned as they come: a closed
//! pipe is `io::ErrorKind::BrokenPipe` (the caller exits 0), a full disk is an error that
//! [`FindingsWriter::finish`] or [`FindingsWriter::write`] returns, never one swallowed by a
//! drop.

use crate::output::Finding;
use crate::swar::{ascii_in_range, eq_byte};
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

/// Writes findings as JSON Lines.
pub struct FindingsWriter {
    out: BufWriter<Sink>,
    reveal: bool,
    /// The line being written, reused from finding to finding.
    line: Vec<u8>,
}

/// Appends the line of `finding` in the input reported as `path` to `line`: the keys of
/// CONTRACT.md in its order, `record_id` and `part_record` only when set, `value` only with
/// `reveal` and a raw value, then a newline.
fn push_line(line: &mut Vec<u8>, path: &str, finding: &Finding, reveal: bool) {
    line.extend_from_slice(b"{\"path\":");
    push_str(line, path);
    line.extend_from_slice(b",\"offset\":");
    push_u64(line, finding.offset);
    line.extend_from_slice(b",\"length\":");
    push_u64(line, finding.length);
    line.extend_from_slice(b",\"type\":");
    push_word(line, finding.ty.name());
    line.extend_from_slice(b",\"field\":");
    match finding.field.as_deref() {
        Some(field) => push_str(line, field),
        None => line.extend_from_slice(b"null"),
    }
    line.extend_from_slice(b",\"record\":");
    match finding.record {
        Some(record) => push_u64(line, record),
        None => line.extend_from_slice(b"null"),
    }
    if let Some(id) = finding.record_id.as_deref() {
        line.extend_from_slice(b",\"record_id\":");
        push_str(line, id);
    }
    if let Some(record) = finding.part_record {
        line.extend_from_slice(b",\"part_record\":");
        push_u64(line, record);
    }
    line.extend_from_slice(b",\"masked\":");
    push_str(line, finding.masked.as_str());
    if let Some(value) = finding.value.as_ref().filter(|_| reveal) {
        line.extend_from_slice(b",\"value\":");
        push_str(line, value.as_str());
    }
    line.extend_from_slice(b",\"basis\":[");
    for (i, name) in finding.basis.names().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        push_word(line, name);
    }
    line.extend_from_slice(b"]}\n");
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
/// backslash, control characters as `\n`-style short escapes or `\u00XX`. Eight bytes are
/// tested at a time, so text with nothing to escape (nearly all of it) is copied in one go.
fn push_str(line: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    line.push(b'"');
    let mut copied = 0;
    while let Some(i) = next_to_escape(bytes, copied) {
        line.extend_from_slice(&bytes[copied..i]);
        push_escape(line, bytes[i]);
        copied = i + 1;
    }
    line.extend_from_slice(&bytes[copied..]);
    line.push(b'"');
}

/// Where the first byte of `bytes[from..]` that JSON escapes is: `"`, `\\` or a control
/// character below 0x20. The tail under eight bytes is tested as one block padded with
/// spaces.
fn next_to_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let rest = &bytes[at..];
        let (w, len) = match rest.first_chunk::<8>() {
            Some(block) => (u64::from_le_bytes(*block), 8),
            None => {
                let mut block = [b' '; 8];
                block[..rest.len()].copy_from_slice(rest);
                (u64::from_le_bytes(block), rest.len())
            }
        };
        let hit = ascii_in_range(w, 0, 0x1f) | eq_byte(w, b'"') | eq_byte(w, b'\\');
        if hit != 0 {
            return Some(at + (hit.trailing_zeros() / 8) as usize);
        }
        if len < 8 {
            return None;
        }
        at += 8;
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
            return Ok(FindingsWriter::with_sink(
                Sink::Stdout(io::stdout()),
                reveal,
            ));
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
        Ok(FindingsWriter::with_sink(Sink::File(file), reveal))
    }

    fn with_sink(sink: Sink, reveal: bool) -> FindingsWriter {
        FindingsWriter {
            out: BufWriter::with_capacity(BUFFER_SIZE, sink),
            reveal,
            line: Vec::with_capacity(256),
        }
    }

    /// Writes one finding of the input reported as `path`. The raw value is written only if
    /// the writer was created with `reveal`, whatever the finding carries.
    pub fn write(&mut self, path: &str, finding: &Finding) -> io::Result<()> {
        self.line.clear();
        push_line(&mut self.line, path, finding, self.reveal);
        self.out.write_all(&self.line)
    }

    /// Flushes everything written; the error of the last writes if they failed.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::mask::{mask, Revealed};
    use crate::types::{Basis, PiiType};
    use proptest::prelude::*;
    use std::sync::Arc;

    fn aadhaar() -> Finding {
        Finding {
            offset: 1234,
            length: 14,
            ty: PiiType::Aadhaar,
            field: Some(Arc::from("aadhaar_no")),
            record: Some(17),
            record_id: None,
            part_record: None,
            masked: mask(PiiType::Aadhaar, b"2345 6789 9012"),
            value: Some(Revealed::new(b"2345 6789 9012")),
            basis: Basis::VERHOEFF | Basis::FIELD,
        }
    }

    fn written(reveal: bool, findings: &[(&str, Finding)]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("findings.jsonl");
        let mut writer = FindingsWriter::create(path.to_str().unwrap(), reveal).unwrap();
        for (input, finding) in findings {
            writer.write(input, finding).unwrap();
        }
        writer.finish().unwrap();
        std::fs::read_to_string(&path).unwrap()
    }

    #[test]
    fn writes_the_contract_line() {
        assert_eq!(
            written(false, &[("dump/users.csv", aadhaar())]),
            "{\"path\":\"dump/users.csv\",\"offset\":1234,\"length\":14,\"type\":\"aadhaar\",\
             \"field\":\"aadhaar_no\",\"record\":17,\"masked\":\"XXXX XXXX 9012\",\
             \"basis\":[\"verhoeff\",\"field\"]}\n"
        );
    }

    #[test]
    fn reveal_adds_the_value_before_basis() {
        let text = written(true, &[("a.csv", aadhaar())]);
        assert!(
            text.ends_with(
                "\"masked\":\"XXXX XXXX 9012\",\"value\":\"2345 6789 9012\",\"basis\":[\"verhoeff\",\"field\"]}\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn null_field_and_record_and_escaped_path() {
        let finding = Finding {
            field: None,
            record: None,
            record_id: None,
            value: None,
            basis: Basis::SHAPE,
            ..aadhaar()
        };
        let text = written(
            false,
            &[("dir/\"odd\"\n.txt", finding.clone()), ("b", finding)],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("{\"path\":\"dir/\\\"odd\\\"\\n.txt\","));
        assert!(lines[1].contains("\"field\":null,\"record\":null,"));
        assert!(lines[1].ends_with("\"basis\":[\"shape\"]}"));
    }

    #[test]
    fn a_part_gives_its_own_record_number() {
        let finding = Finding {
            record: None,
            record_id: None,
            part_record: Some(3),
            ..aadhaar()
        };
        let text = written(false, &[("a.csv", finding)]);
        assert!(
            text.contains("\"record\":null,\"part_record\":3,\"masked\""),
            "{text}"
        );
        assert!(!written(false, &[("a.csv", aadhaar())]).contains("part_record"));
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

        /// A line reads back as JSON holding the finding's values, whatever its strings hold.
        #[test]
        fn lines_read_back_as_the_finding(
            path in "(?s).{0,20}",
            field in proptest::option::of("(?s).{0,12}"),
            record_id in proptest::option::of("[a-z0-9\"\n]{1,8}"),
            record in proptest::option::of(any::<u64>()),
            offset in any::<u64>(),
            reveal in any::<bool>(),
        ) {
            let finding = Finding {
                offset,
                field: field.as_deref().map(Arc::from),
                record,
                record_id: record_id.as_deref().map(Arc::from),
                ..aadhaar()
            };
            let mut line = Vec::new();
            push_line(&mut line, &path, &finding, reveal);
            prop_assert_eq!(line.last(), Some(&b'\n'));
            let json: serde_json::Value = serde_json::from_slice(&line).unwrap();
            prop_assert_eq!(json["path"].as_str(), Some(path.as_str()));
            prop_assert_eq!(json["offset"].as_u64(), Some(offset));
            prop_assert_eq!(json["field"].as_str(), field.as_deref());
            prop_assert_eq!(json["record"].as_u64(), record);
            prop_assert_eq!(json.get("record_id").and_then(|v| v.as_str()), record_id.as_deref());
            prop_assert_eq!(json.get("value").is_some(), reveal);
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
        writer.write("a", &aadhaar()).unwrap();
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
        let mut writer = FindingsWriter::with_sink(sink, false);
        writer.write("a", &aadhaar()).unwrap();
        let err = writer.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}

//! The findings stream (`--findings`): one JSON object a line, keys in contract order,
//! written to a file or standard output through one large buffer.
//!
//! A line is serialised straight into the buffer (no `String` per finding). Write errors are
//! returned as they come: a closed pipe is `io::ErrorKind::BrokenPipe` (the caller exits 0),
//! a full disk is an error that [`FindingsWriter::finish`] or [`FindingsWriter::write`] returns,
//! never one swallowed by a drop.

use crate::output::Finding;
use crate::types::Basis;
use serde::Serialize;
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
}

/// One line of the stream, in contract key order.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    offset: u64,
    length: u64,
    #[serde(rename = "type")]
    ty: &'static str,
    field: Option<&'a str>,
    record: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_record: Option<u64>,
    masked: &'a crate::output::mask::Masked,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a crate::output::mask::Revealed>,
    basis: BasisNames,
}

/// The contract words of a basis, as a JSON array.
struct BasisNames(Basis);

impl Serialize for BasisNames {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.names())
    }
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
        }
    }

    /// Writes one finding of the input reported as `path`. The raw value is written only if
    /// the writer was created with `reveal`, whatever the finding carries.
    pub fn write(&mut self, path: &str, finding: &Finding) -> io::Result<()> {
        let line = Line {
            path,
            offset: finding.offset,
            length: finding.length,
            ty: finding.ty.name(),
            field: finding.field.as_deref(),
            record: finding.record,
            record_id: finding.record_id.as_deref(),
            part_record: finding.part_record,
            masked: &finding.masked,
            value: finding.value.as_ref().filter(|_| self.reveal),
            basis: BasisNames(finding.basis),
        };
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")
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
    use crate::types::PiiType;
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

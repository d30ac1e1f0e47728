//! Documents: inputs read for the text they hold rather than as text themselves.
//!
//! A PDF, a spreadsheet, an office text, a web page, an e-mail or a photo is turned into
//! [`Extracted`] text with its structure — records of (field, value) — by the extractor of
//! its [`Kind`]; the scanner then chunks the records and hands their values to the same
//! [`FieldSink`] detection path as any other input. Offsets in findings are offsets in the
//! extracted text: each value is written there once, followed by a newline, in record order.
//!
//! | kind | record | field |
//! | --- | --- | --- |
//! | `pdf` | a page | `null`, or the AcroForm field name (records after the pages) |
//! | `xlsx`, `xls`, `ods` | a row | `Sheet!header` (`Sheet!colN` without a header row) |
//! | `docx`, `odt` | a paragraph | `null` |
//! | `html`, `xml` | a line of text (HTML); a child of the root element (XML) | `null` (HTML); the element or `element@attribute` name (XML) |
//! | `eml`, `mbox` | a message | the header name (`From`, `To`, `Subject`, ...); `null` for the body |
//! | `jpeg`, `png`, `tiff`, `webp`, `heic` | the image | `exif.Artist`, `exif.GPSPosition`, ...; `ocr` for text read with `--ocr` ([`ocr`]) |
//! | `sqlite` | a row of a table | `table.column` |
//!
//! A document is read whole, up to [`MAX_DOCUMENT_BYTES`] (a larger SQLite database file is
//! read in place, a part at a time: [`sqlite::read_in_parts`]); one that cannot be parsed goes
//! to the report's `errors` with the reason (never a value from it) and the scan goes on. Values
//! passed over (binary BLOBs of a database) are counted in [`Extracted::skipped`].

pub mod image;
pub mod mail;
pub mod markup;
pub mod ocr;
pub mod office;
pub mod pdf;
pub mod sheet;
pub mod sqlite;

use crate::format::{FieldRef, FieldSink, Value};
use crate::input::content::{self, Content, Encoding};
use std::collections::HashMap;
use std::ops::Range;

/// The most bytes of one document read to extract its text; larger binary documents are
/// skipped as [`LIMIT_DOCUMENT`] (but a SQLite database file on disk, read in place), larger
/// text documents (HTML, XML, e-mail) are scanned as text.
pub const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

/// Skip reason of a binary document larger than [`MAX_DOCUMENT_BYTES`].
pub const LIMIT_DOCUMENT: &str = "limit:document_bytes";

/// The report's `content` of an input whose `bytes_scanned` counts extracted text.
pub const EXTRACTED_TEXT: &str = "extracted-text";

/// A document kind read for its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// PDF.
    Pdf,
    /// A zip-based office file (OOXML or ODF): a spreadsheet or a text, told by its parts.
    Office,
    /// A legacy Excel workbook (OLE).
    Xls,
    /// A web page.
    Html,
    /// An XML document.
    Xml,
    /// One e-mail message (RFC 5322).
    Eml,
    /// A mailbox of messages (`From ` lines).
    Mbox,
    /// An image whose metadata is read: `jpeg`, `png`, `tiff`, `webp` or `heic`.
    Image(&'static str),
    /// A SQLite database file.
    Sqlite,
}

/// Why a document could not be read (a message without any value from it).
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {reason}")]
pub struct DocError {
    /// The document kind (`pdf`, `xlsx`, ...).
    pub kind: &'static str,
    /// What is wrong, in fixed words.
    pub reason: String,
}

impl DocError {
    /// An error of a `kind` document.
    pub fn new(kind: &'static str, reason: impl Into<String>) -> DocError {
        DocError {
            kind,
            reason: reason.into(),
        }
    }
}

/// The lower-case extension of `name` (without the dot), or "".
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '!']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Extensions of SQLite databases: binary files so named without SQLite's header are read as
/// databases too, to report them as encrypted.
const SQLITE_EXTENSIONS: &[&str] = &["db", "db3", "sqlite", "sqlite3", "sqlitedb"];

/// The document kind of an input named `name` whose first bytes are `head`, if it is one
/// read for its text. Binary kinds are told by magic bytes (a zip by its first member being
/// an office part; a binary `.db` or `.sqlite` file without magic is a database), text kinds
/// by extension or, for HTML, XML and e-mail, by how they start.
///
/// ```
/// use leakscan::input::document::{sniff, Kind};
///
/// assert_eq!(sniff("a.pdf", b"%PDF-1.7\n"), Some(Kind::Pdf));
/// assert_eq!(sniff("page", b"<!DOCTYPE html>\n<html>"), Some(Kind::Html));
/// assert_eq!(sniff("users.csv", b"name,email\n"), None);
/// ```
pub fn sniff(name: &str, head: &[u8]) -> Option<Kind> {
    let ext = extension(name);
    match content::classify(head) {
        Content::Document("pdf") => Some(Kind::Pdf),
        Content::Document(kind @ ("jpeg" | "png" | "tiff" | "webp" | "heic")) => {
            Some(Kind::Image(kind))
        }
        Content::Document("ole") if ext == "xls" => Some(Kind::Xls),
        Content::Document("sqlite") => Some(Kind::Sqlite),
        // Without SQLite's header, a database encrypted with SQLCipher: an error to report.
        Content::Binary if SQLITE_EXTENSIONS.contains(&ext.as_str()) => Some(Kind::Sqlite),
        Content::Container("zip") => first_zip_member(head)
            .is_some_and(crate::input::container::is_office_part)
            .then_some(Kind::Office),
        Content::Text(Encoding::Utf8 | Encoding::Utf8Bom) => text_kind(&ext, head),
        _ => None,
    }
}

/// The kind of a text document, by extension or by how it starts.
fn text_kind(ext: &str, head: &[u8]) -> Option<Kind> {
    match ext {
        "html" | "htm" | "xhtml" => return Some(Kind::Html),
        "xml" => return Some(Kind::Xml),
        "eml" => return Some(Kind::Eml),
        "mbox" | "mbx" => return Some(Kind::Mbox),
        _ => {}
    }
    let start = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .trim_ascii_start();
    let lower: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Some(Kind::Html);
    }
    if lower.starts_with(b"<?xml") {
        return Some(Kind::Xml);
    }
    if start.starts_with(b"From ") && mail_headers(start) {
        return Some(Kind::Mbox);
    }
    const FIRST: &[&[u8]] = &[
        b"Return-Path:",
        b"Received:",
        b"Delivered-To:",
        b"MIME-Version:",
        b"Message-ID:",
        b"From:",
    ];
    if FIRST.iter().any(|h| start.starts_with(h)) && mail_headers(start) {
        return Some(Kind::Eml);
    }
    None
}

/// Whether `head` holds the header lines of a message: `From:` and `Subject:` or `Date:`
/// before the first blank line.
fn mail_headers(head: &[u8]) -> bool {
    let end = memchr::memmem::find(head, b"\n\n")
        .or_else(|| memchr::memmem::find(head, b"\r\n\r\n"))
        .unwrap_or(head.len());
    let block = &head[..end];
    let has = |name: &[u8]| {
        block.starts_with(name) || memchr::memmem::find(block, &[b"\n", name].concat()).is_some()
    };
    has(b"From:") && (has(b"Subject:") || has(b"Date:"))
}

/// The name of the first member of a zip, from its local header at the start of `head`.
fn first_zip_member(head: &[u8]) -> Option<&[u8]> {
    if !head.starts_with(b"PK\x03\x04") {
        return None;
    }
    let len = u16::from_le_bytes([*head.get(26)?, *head.get(27)?]) as usize;
    head.get(30..30 + len)
}

/// The kind of an image in the report's `images` section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// A camera photo: camera make or model in its metadata, or photo-sized and not flat.
    Photo,
    /// A scan: a scanner's resolution (150 DPI or more) or a page's proportions.
    Scan,
    /// A screenshot: a screen's size, or a PNG without camera metadata.
    Screenshot,
    /// Anything else (small images, icons, images without metadata).
    Other,
}

/// What an image's metadata says, for the report's `images` section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// The kind it is counted as.
    pub kind: ImageKind,
    /// Whether it holds a GPS position.
    pub gps: bool,
}

/// A value of the extracted text.
#[derive(Clone, Debug)]
struct Span {
    /// Where it sits in the text.
    range: Range<usize>,
    /// Its field, an index into `fields`.
    field: Option<u32>,
}

/// The text of a document and its structure: values in records, each with its field.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The report's `format` of the document (`pdf`, `xlsx`, `eml`, `jpeg`, ...).
    pub format: &'static str,
    /// The text: every value followed by a newline, in record order.
    text: Vec<u8>,
    /// Field names.
    fields: Vec<Box<[u8]>>,
    /// Every value, in order.
    values: Vec<Span>,
    /// Per record, the end of its values in `values` (records may be empty: a blank page).
    records: Vec<usize>,
    /// Per record, the end of its text.
    record_ends: Vec<usize>,
    /// For an image, what its metadata says.
    pub image: Option<ImageInfo>,
    /// Bytes of values passed over, not in the text (binary BLOBs of a database).
    skipped: u64,
}

impl AsRef<[u8]> for Extracted {
    fn as_ref(&self) -> &[u8] {
        &self.text
    }
}

impl Extracted {
    /// The extracted text.
    pub fn text(&self) -> &[u8] {
        &self.text
    }

    /// How many records it holds.
    pub fn records(&self) -> usize {
        self.records.len()
    }

    /// Bytes of values passed over: binary data the text leaves out (the report counts them
    /// in `bytes_skipped`).
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Where the text of records `records` lies.
    pub fn text_range(&self, records: Range<usize>) -> Range<usize> {
        let start = match records.start {
            0 => 0,
            r => self.record_ends[r - 1],
        };
        let end = match records.end {
            0 => 0,
            r => self.record_ends[r - 1],
        };
        start..end
    }

    /// Consecutive ranges of records whose text is about `target` bytes each (at least one
    /// record each), covering every record in order.
    pub fn chunks(&self, target: usize) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        let mut since = 0;
        for (r, &end) in self.record_ends.iter().enumerate() {
            if end - since >= target.max(1) {
                out.push(from..r + 1);
                from = r + 1;
                since = end;
            }
        }
        if from < self.records.len() {
            out.push(from..self.records.len());
        }
        out
    }

    /// Hands the values of `records` to `sink`, each with its field, ending each record.
    /// Offsets are offsets in the extracted text plus `base` (where this text starts in the
    /// input's, when an input is extracted in parts).
    pub fn tokenize(&self, records: Range<usize>, base: u64, sink: &mut impl FieldSink) {
        let mut first = match records.start {
            0 => 0,
            r => self.records[r - 1],
        };
        for r in records {
            let end = self.records[r];
            for span in &self.values[first..end] {
                let field = match span.field {
                    Some(i) => FieldRef::Name(&self.fields[i as usize]),
                    None => FieldRef::None,
                };
                let value = Value {
                    bytes: &self.text[span.range.clone()],
                    offset: base + span.range.start as u64,
                    stored_at: None,
                };
                sink.value(field, value);
            }
            sink.end_record();
            first = end;
        }
    }
}

/// Builds [`Extracted`] text: extractors hand it values and record ends.
#[derive(Debug, Default)]
pub struct Builder {
    doc: Extracted,
    field_ids: HashMap<Box<[u8]>, u32>,
}

impl Builder {
    /// An empty document of report format `format`.
    pub fn new(format: &'static str) -> Builder {
        Builder {
            doc: Extracted {
                format,
                ..Extracted::default()
            },
            field_ids: HashMap::new(),
        }
    }

    /// Sets the report format (when it is known only once the document is read).
    pub fn set_format(&mut self, format: &'static str) {
        self.doc.format = format;
    }

    /// A value of the current record in `field` (`None`: free text). Values that are empty
    /// once trimmed are left out.
    pub fn value(&mut self, field: Option<&str>, text: &str) {
        self.push(field, text.trim().as_bytes());
    }

    /// [`Builder::value`] for a value that may not be UTF-8 (a database's TEXT is its bytes),
    /// trimmed of ASCII white space.
    pub fn value_bytes(&mut self, field: Option<&str>, bytes: &[u8]) {
        self.push(field, bytes.trim_ascii());
    }

    /// Passes over a value of `bytes` bytes that is not text.
    pub fn skip(&mut self, bytes: u64) {
        self.doc.skipped += bytes;
    }

    /// Writes a trimmed value, unless it is empty.
    fn push(&mut self, field: Option<&str>, text: &[u8]) {
        if text.is_empty() {
            return;
        }
        let field = field.map(|name| {
            let next = self.doc.fields.len() as u32;
            *self
                .field_ids
                .entry(name.as_bytes().into())
                .or_insert_with(|| {
                    self.doc.fields.push(name.as_bytes().into());
                    next
                })
        });
        let start = self.doc.text.len();
        self.doc.text.extend_from_slice(text);
        self.doc.values.push(Span {
            range: start..self.doc.text.len(),
            field,
        });
        self.doc.text.push(b'\n');
    }

    /// Ends the current record (an empty one too: a blank page still counts).
    pub fn end_record(&mut self) {
        self.doc.records.push(self.doc.values.len());
        self.doc.record_ends.push(self.doc.text.len());
    }

    /// Bytes of text written so far.
    pub fn text_len(&self) -> usize {
        self.doc.text.len()
    }

    /// Whether the current record holds no value yet.
    pub fn record_is_empty(&self) -> bool {
        self.doc.records.last().copied().unwrap_or(0) == self.doc.values.len()
    }

    /// Sets what an image's metadata says.
    pub fn set_image(&mut self, info: ImageInfo) {
        self.doc.image = Some(info);
    }

    /// The document; a last record left open is ended.
    pub fn finish(mut self) -> Extracted {
        if !self.record_is_empty() {
            self.end_record();
        }
        self.doc
    }
}

/// Extracts the text of a `kind` document from its bytes. `Ok(None)`: it is
/// not a document after all (a zip of office parts that is neither a spreadsheet nor a text,
/// such as a presentation), to be read as before.
pub fn extract(kind: Kind, data: &[u8]) -> Result<Option<Extracted>, DocError> {
    extract_with(kind, data, None)
}

/// Whether `--ocr` reads text in documents of `kind` ([`ocr::FORMATS`]).
pub fn ocr_reads(kind: Kind) -> bool {
    matches!(kind, Kind::Image(format) if ocr::FORMATS.contains(&format))
}

/// [`extract`], reading the text in an image with `ocr` as well where [`ocr_reads`] its kind.
pub fn extract_with(
    kind: Kind,
    data: &[u8],
    ocr: Option<&ocr::Ocr>,
) -> Result<Option<Extracted>, DocError> {
    let format = match kind {
        Kind::Image(format) => format,
        _ => "",
    };
    // Parsers of untrusted documents may panic on input they do not expect: a panic is
    // that document's error, never the scan's end.
    let run = || match kind {
        Kind::Pdf => pdf::extract(data).map(Some),
        Kind::Office => office::extract(data),
        Kind::Xls => sheet::extract(data, "xls").map(Some),
        Kind::Sqlite => sqlite::extract(data).map(Some),
        Kind::Html => Ok(Some(markup::html(data))),
        Kind::Xml => markup::xml(data).map(Some),
        Kind::Eml => Ok(Some(mail::eml(data))),
        Kind::Mbox => Ok(Some(mail::mbox(data))),
        Kind::Image(_) => {
            let text = match ocr.filter(|_| ocr_reads(kind)) {
                Some(ocr) => Some(ocr.read(format, data)?),
                None => None,
            };
            image::extract(format, data, text.as_deref()).map(Some)
        }
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|_| {
        Err(DocError::new(
            kind_name(kind),
            "the document's parser failed on it",
        ))
    })
}

/// The report name of a kind before it is read.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Pdf => "pdf",
        Kind::Office => "office",
        Kind::Xls => "xls",
        Kind::Html => "html",
        Kind::Xml => "xml",
        Kind::Eml => "eml",
        Kind::Mbox => "mbox",
        Kind::Image(format) => format,
        Kind::Sqlite => "sqlite",
    }
}

/// Whether a document of `kind` is text that may be scanned as plain text when it is too
/// large to extract.
pub fn is_text(kind: Kind) -> bool {
    matches!(kind, Kind::Html | Kind::Xml | Kind::Eml | Kind::Mbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects what a document hands a sink.
    #[derive(Default)]
    struct Collect(Vec<(Option<String>, String, u64, usize)>, usize);

    impl FieldSink for Collect {
        fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
            let field = match field {
                FieldRef::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
                _ => None,
            };
            let text = String::from_utf8_lossy(value.bytes).into_owned();
            self.0.push((field, text, value.offset, self.1 + 1));
        }

        fn end_record(&mut self) {
            self.1 += 1;
        }
    }

    #[test]
    fn values_keep_fields_records_and_offsets() {
        let mut b = Builder::new("test");
        b.value(Some("name"), " Asha Rao ");
        b.value(None, "call 98765 43210");
        b.end_record();
        b.end_record();
        b.value(Some("name"), "Ravi");
        let doc = b.finish();
        assert_eq!(doc.text(), b"Asha Rao\ncall 98765 43210\nRavi\n");
        assert_eq!(doc.records(), 3);
        let mut all = Collect::default();
        doc.tokenize(0..3, 0, &mut all);
        assert_eq!(
            all.0,
            [
                (Some("name".into()), "Asha Rao".into(), 0, 1),
                (None, "call 98765 43210".into(), 9, 1),
                (Some("name".into()), "Ravi".into(), 26, 3),
            ]
        );
        // Chunks cover every record once, whatever their size.
        for target in [1, 10, 1000] {
            let chunks = doc.chunks(target);
            assert_eq!(chunks.first().map(|c| c.start), Some(0));
            assert_eq!(chunks.last().map(|c| c.end), Some(3));
            assert!(chunks.windows(2).all(|w| w[0].end == w[1].start));
            let bytes: usize = chunks.iter().map(|c| doc.text_range(c.clone()).len()).sum();
            assert_eq!(bytes, doc.text().len());
        }
    }

    #[test]
    fn sniffs_kinds_by_magic_extension_and_start() {
        let mut xlsx = b"PK\x03\x04".to_vec();
        xlsx.extend([0u8; 22]);
        xlsx.extend(19u16.to_le_bytes());
        xlsx.extend(0u16.to_le_bytes());
        xlsx.extend(b"[Content_Types].xml");
        assert_eq!(sniff("x.bin", &xlsx), Some(Kind::Office));
        let mut zip = xlsx[..26].to_vec();
        zip.extend(9u16.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
        zip.extend(b"users.csv");
        assert_eq!(sniff("x.zip", &zip), None);
        assert_eq!(
            sniff("p.jpg", b"\xff\xd8\xff\xe1"),
            Some(Kind::Image("jpeg"))
        );
        assert_eq!(sniff("m.eml", b"anything"), Some(Kind::Eml));
        let mail = b"Return-Path: <a@example.com>\nFrom: A <a@example.com>\nSubject: hi\n\nbody";
        assert_eq!(sniff("msg", mail), Some(Kind::Eml));
        assert_eq!(
            sniff(
                "box",
                b"From a@example.com Mon Jan  1 00:00:00 2024\nFrom: a@example.com\nDate: x\n\nhi"
            ),
            Some(Kind::Mbox)
        );
        assert_eq!(sniff("log.txt", b"From: the logs\nnothing else\n"), None);
        assert_eq!(
            sniff("feed", b"<?xml version=\"1.0\"?><a/>"),
            Some(Kind::Xml)
        );
        assert_eq!(
            sniff("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
            Some(Kind::Xls)
        );
        assert_eq!(sniff("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), None);
        assert_eq!(
            sniff("any", b"SQLite format 3\0\x10\0\x01\x01"),
            Some(Kind::Sqlite)
        );
        // Binary without a header: an encrypted database only where it is named as one.
        let encrypted = b"\x8f\x12\xa0\0\x7f\x03";
        assert_eq!(sniff("app.db", encrypted), Some(Kind::Sqlite));
        assert_eq!(sniff("app.bin", encrypted), None);
        assert_eq!(sniff("notes.db", b"plain text"), None);
    }
}

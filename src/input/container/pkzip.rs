//! Zip archives: through the central directory when the whole archive is in memory (the
//! `zip` crate: zip64, every compression method it knows), through the local headers when
//! it is a stream (stored, deflate, bzip2 and zstd members; deflate also when its sizes
//! follow the data in a data descriptor, as streaming writers do).
//!
//! A zip whose first member is an office part (`[Content_Types].xml`, `_rels/`, `docProps/`,
//! `xl/`, `word/`, `ppt/`, ODF's `mimetype`) is an office document, not an archive of
//! files: it is skipped whole as `unsupported:xlsx` (`docx`, `pptx`, `ooxml`, `odf`). Its
//! XML parts hold markup around the values, which the text scan would misattribute.

use super::{
    archive_failed, failed, Counted, Decoded, Node, Peeked, Reader, Sink, Stop, LIMIT_MEMBERS,
};
use crate::error::ErrorKind;
use std::cell::Cell;
use std::io::{self, BufRead, Read};

/// Skip reason of an encrypted member.
const ENCRYPTED: &str = "encrypted";
/// Skip reason of a member compressed with a method not supported.
const UNSUPPORTED_METHOD: &str = "unsupported:zip_method";

/// Whether a zip whose first member is `name` is an office document.
pub(crate) fn is_office_part(name: &[u8]) -> bool {
    name == b"[Content_Types].xml"
        || name == b"mimetype"
        || [&b"_rels/"[..], b"docProps/", b"xl/", b"word/", b"ppt/"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
}

/// What kind of office document member `name` says the zip is, if it says.
fn office_kind(name: &[u8]) -> Option<&'static str> {
    if name.starts_with(b"xl/") {
        Some("xlsx")
    } else if name.starts_with(b"word/") {
        Some("docx")
    } else if name.starts_with(b"ppt/") {
        Some("pptx")
    } else if name == b"mimetype" {
        Some("odf")
    } else {
        None
    }
}

/// The skip reason of an office document whose member names are `names`.
fn office_reason<'n>(names: impl Iterator<Item = &'n [u8]>) -> String {
    let mut kind = "ooxml";
    for name in names {
        match office_kind(name) {
            Some("odf") => kind = "odf",
            Some(other) => {
                kind = other;
                break;
            }
            None => {}
        }
    }
    format!("unsupported:{kind}")
}

/// A `zip` crate error as a [`Stop`].
fn zip_error(err: ::zip::result::ZipError) -> io::Error {
    match err {
        ::zip::result::ZipError::Io(e) => archive_failed(e, "zip"),
        ::zip::result::ZipError::UnsupportedArchive(_) => archive_error("zip: unsupported archive"),
        _ => archive_error("zip: corrupt archive"),
    }
}

/// A read error of a member read through the `zip` crate: its decoders' fixed texts, or
/// its checksum check.
fn zip_read_error(err: io::Error) -> io::Error {
    if err
        .get_ref()
        .is_some_and(|e| e.to_string() == "Invalid checksum")
    {
        archive_failed(err, "zip")
    } else {
        failed(err, ErrorKind::Decompress, "zip")
    }
}

/// Reads a zip held whole in memory through its central directory; one without a readable
/// central directory (truncated) is read through its local headers instead.
pub(super) fn read_indexed<S: Sink>(
    reader: &mut Reader<'_, '_, S>,
    node: &Node,
    data: &[u8],
) -> Result<(), S::Error> {
    let mut archive = match ::zip::ZipArchive::new(io::Cursor::new(data)) {
        Ok(archive) => archive,
        Err(_) => {
            let mut source = data;
            let mut peeked = Peeked::ahead(&mut source);
            return read_stream(reader, node, &mut peeked);
        }
    };
    if archive
        .name_for_index(0)
        .is_some_and(|name| is_office_part(name.as_bytes()))
    {
        let reason = office_reason(archive.file_names().map(str::as_bytes));
        reader.skip(node, &reason, data.len() as u64);
        return Ok(());
    }
    for index in 0..archive.len() {
        let (name, encrypted, size, compressed, start, is_dir) = match archive.by_index_raw(index) {
            Ok(file) => (
                file.name_raw().to_vec(),
                file.encrypted(),
                file.size(),
                file.compressed_size(),
                file.header_start(),
                file.is_dir(),
            ),
            Err(e) => {
                reader.fail(node, &zip_error(e), 0);
                continue;
            }
        };
        if is_dir {
            continue;
        }
        if !reader.budget.member() {
            let rest = (data.len() as u64).saturating_sub(start);
            reader.skip(node, LIMIT_MEMBERS, rest);
            return Ok(());
        }
        let child = node.member(&name, compressed);
        if encrypted {
            reader.skip(&child, ENCRYPTED, size);
            continue;
        }
        let file = match archive.by_index(index) {
            Ok(file) => file,
            Err(::zip::result::ZipError::UnsupportedArchive(_)) => {
                reader.skip(&child, UNSUPPORTED_METHOD, size);
                continue;
            }
            Err(e) => {
                reader.fail(&child, &zip_error(e), 0);
                continue;
            }
        };
        {
            let mut member = Decoded::new(file, reader.budget, zip_read_error);
            let peeked = Peeked::ahead(&mut member);
            reader.node(&child, peeked)?;
        }
        if let Some(reason) = reader.budget.tripped.get() {
            // Past a limit nothing more is read; the members left are named.
            for rest in index + 1..archive.len() {
                if let Ok(file) = archive.by_index_raw(rest) {
                    if !file.is_dir() {
                        let child = node.member(file.name_raw(), file.compressed_size());
                        reader.skip(&child, reason, file.size());
                    }
                }
            }
            return Ok(());
        }
    }
    Ok(())
}

/// Signatures of the records a zip stream holds.
const LOCAL_HEADER: u32 = 0x0403_4b50;
const DATA_DESCRIPTOR: u32 = 0x0807_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL: u32 = 0x0605_4b50;
const ZIP64_END_OF_CENTRAL: u32 = 0x0606_4b50;

/// Compression methods read from a stream.
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
const BZIP2: u16 = 12;
const ZSTD: u16 = 93;

/// A local file header.
#[derive(Debug)]
struct LocalHeader {
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    name: Vec<u8>,
    /// Sizes are 8 bytes in its data descriptor.
    zip64: bool,
}

impl LocalHeader {
    fn encrypted(&self) -> bool {
        self.flags & 1 != 0
    }

    /// Its sizes and CRC follow the data.
    fn has_descriptor(&self) -> bool {
        self.flags & 8 != 0
    }

    /// Where its data ends is known without decoding it.
    fn sized(&self) -> bool {
        !self.has_descriptor() || self.compressed != 0
    }

    /// The next local header, or `None` at the central directory.
    fn read(src: &mut impl BufRead) -> io::Result<Option<LocalHeader>> {
        let mut word = [0u8; 4];
        loop {
            read_exact(src, &mut word)?;
            match u32::from_le_bytes(word) {
                LOCAL_HEADER => break,
                // Split archives start with a descriptor signature; nothing follows it.
                DATA_DESCRIPTOR => continue,
                CENTRAL_HEADER | END_OF_CENTRAL | ZIP64_END_OF_CENTRAL => return Ok(None),
                _ => return Err(archive_error("zip: bad local header")),
            }
        }
        let mut fixed = [0u8; 26];
        read_exact(src, &mut fixed)?;
        let u16_at = |at: usize| u16::from_le_bytes([fixed[at], fixed[at + 1]]);
        let u32_at = |at: usize| {
            u32::from_le_bytes([fixed[at], fixed[at + 1], fixed[at + 2], fixed[at + 3]])
        };
        let mut name = vec![0u8; usize::from(u16_at(22))];
        read_exact(src, &mut name)?;
        let mut extra = vec![0u8; usize::from(u16_at(24))];
        read_exact(src, &mut extra)?;
        let mut header = LocalHeader {
            flags: u16_at(2),
            method: u16_at(4),
            crc: u32_at(10),
            compressed: u64::from(u32_at(14)),
            size: u64::from(u32_at(18)),
            name,
            zip64: false,
        };
        header.read_zip64(&extra);
        Ok(Some(header))
    }

    /// Applies a zip64 extra field: 8-byte sizes for those marked 0xFFFFFFFF.
    fn read_zip64(&mut self, mut extra: &[u8]) {
        while extra.len() >= 4 {
            let id = u16::from_le_bytes([extra[0], extra[1]]);
            let len = usize::from(u16::from_le_bytes([extra[2], extra[3]]));
            let Some(data) = extra.get(4..4 + len) else {
                return;
            };
            if id == 1 {
                self.zip64 = true;
                let mut fields = data
                    .chunks_exact(8)
                    .map(|field| u64::from_le_bytes(field.try_into().expect("chunks of 8 bytes")));
                if self.size == u64::from(u32::MAX) {
                    self.size = fields.next().unwrap_or(self.size);
                }
                if self.compressed == u64::from(u32::MAX) {
                    self.compressed = fields.next().unwrap_or(self.compressed);
                }
            }
            extra = &extra[4 + len..];
        }
    }
}

fn archive_error(message: &str) -> io::Error {
    Stop::Failed(ErrorKind::Archive, message.to_string()).into_io()
}

/// `read_exact`, an early end being a truncated archive.
fn read_exact(src: &mut impl Read, buf: &mut [u8]) -> io::Result<()> {
    src.read_exact(buf).map_err(|e| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            archive_error("zip: truncated archive")
        } else {
            archive_failed(e, "zip")
        }
    })
}

/// A member's compressed data, and how it is decoded.
enum Body<'a, R: BufRead> {
    Stored(io::Take<&'a mut R>),
    Deflated(flate2::bufread::DeflateDecoder<io::Take<&'a mut R>>),
    /// Deflate with a data descriptor: the deflate stream's own end ends the data, and the
    /// decoder consumes no byte past it.
    DeflatedToEnd(flate2::bufread::DeflateDecoder<&'a mut R>),
    Bzip2(bzip2::bufread::BzDecoder<io::Take<&'a mut R>>),
    Zstd(zstd::stream::read::Decoder<'static, io::Take<&'a mut R>>),
}

impl<'a, R: BufRead> Body<'a, R> {
    /// The decoder of `header`'s data, or why it cannot be read (a skip reason, or an error
    /// that stops the archive).
    fn new(header: &LocalHeader, src: &'a mut R) -> Result<Self, Unreadable> {
        if header.encrypted() {
            return Err(Unreadable::Skip(ENCRYPTED));
        }
        if !header.sized() {
            return match header.method {
                DEFLATED => Ok(Body::DeflatedToEnd(flate2::bufread::DeflateDecoder::new(
                    src,
                ))),
                _ => Err(Unreadable::Stop(
                    "zip: member of unknown size cannot be read from a stream",
                )),
            };
        }
        let data = src.take(header.compressed);
        Ok(match header.method {
            STORED => Body::Stored(data),
            DEFLATED => Body::Deflated(flate2::bufread::DeflateDecoder::new(data)),
            BZIP2 => Body::Bzip2(bzip2::bufread::BzDecoder::new(data)),
            ZSTD => Body::Zstd(
                zstd::stream::read::Decoder::with_buffer(data)
                    .map_err(|_| Unreadable::Stop("zip: zstd decoder unavailable"))?,
            ),
            _ => return Err(Unreadable::Skip(UNSUPPORTED_METHOD)),
        })
    }
}

impl<R: BufRead> Read for Body<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Body::Stored(r) => r.read(buf),
            Body::Deflated(r) => r.read(buf),
            Body::DeflatedToEnd(r) => r.read(buf),
            Body::Bzip2(r) => r.read(buf),
            Body::Zstd(r) => r.read(buf),
        }
    }
}

/// Why a member's data cannot be decoded.
enum Unreadable {
    /// Skipped with this reason; the archive goes on after its known size.
    Skip(&'static str),
    /// The end of its data cannot be found: the archive stops here.
    Stop(&'static str),
}

/// One member read from a stream: checks its size and CRC at its end. `failed` once the
/// stream itself broke inside it (nothing after can be found).
struct Member<'h, 'a, R: BufRead> {
    body: Body<'a, R>,
    header: &'h LocalHeader,
    crc: flate2::Crc,
    read: u64,
    done: bool,
    failed: bool,
}

impl<R: BufRead> Member<'_, '_, R> {
    /// At the end of the data: the expected CRC and size (from the data descriptor when
    /// there is one) must match what was read.
    fn finish(&mut self) -> io::Result<()> {
        let (crc, size) = match &mut self.body {
            Body::DeflatedToEnd(decoder) => read_descriptor(decoder.get_mut(), self.header.zip64)?,
            _ => (self.header.crc, self.header.size),
        };
        let read = if self.header.has_descriptor() && !self.header.zip64 {
            // A 4-byte size in a descriptor is the size modulo 2^32.
            self.read & u64::from(u32::MAX)
        } else {
            self.read
        };
        if read < size {
            // The archive ended inside the member: nothing follows to read.
            self.failed = true;
            Err(archive_error("zip: truncated member"))
        } else if read > size {
            Err(archive_error("zip: member longer than its size"))
        } else if self.crc.sum() != crc {
            Err(archive_error("zip: checksum mismatch"))
        } else {
            Ok(())
        }
    }
}

impl<R: BufRead> Read for Member<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        match self.body.read(buf) {
            Ok(0) => {
                // A checksum that does not match leaves the stream in step: the archive
                // goes on with the next member.
                self.done = true;
                self.finish().map(|()| 0)
            }
            Ok(n) => {
                self.crc.update(&buf[..n]);
                self.read += n as u64;
                Ok(n)
            }
            Err(e) => {
                self.failed = true;
                Err(failed(e, ErrorKind::Decompress, "zip"))
            }
        }
    }
}

/// Reads a data descriptor: (CRC, uncompressed size).
fn read_descriptor(src: &mut impl Read, zip64: bool) -> io::Result<(u32, u64)> {
    let mut word = [0u8; 4];
    read_exact(src, &mut word)?;
    if u32::from_le_bytes(word) == DATA_DESCRIPTOR {
        read_exact(src, &mut word)?;
    }
    let crc = u32::from_le_bytes(word);
    let size = if zip64 {
        let mut sizes = [0u8; 16];
        read_exact(src, &mut sizes)?;
        u64::from_le_bytes(sizes[8..].try_into().expect("8 bytes"))
    } else {
        let mut sizes = [0u8; 8];
        read_exact(src, &mut sizes)?;
        u64::from(u32::from_le_bytes(sizes[4..].try_into().expect("4 bytes")))
    };
    Ok((crc, size))
}

/// Reads a zip stream through its local headers, in order, up to its central directory.
pub(super) fn read_stream<S: Sink>(
    reader: &mut Reader<'_, '_, S>,
    node: &Node,
    input: &mut dyn Read,
) -> Result<(), S::Error> {
    let read = Cell::new(0u64);
    let mut src = io::BufReader::with_capacity(
        1 << 16,
        Counted {
            inner: input,
            count: &read,
        },
    );
    // Bytes of the zip consumed so far.
    let at = |src: &io::BufReader<_>| read.get() - src.buffer().len() as u64;
    // When the first member says the zip is an office document: the names seen so far.
    let mut office: Option<Vec<Vec<u8>>> = None;
    let mut first = true;
    loop {
        let start = at(&src);
        let header = match LocalHeader::read(&mut src) {
            Ok(Some(header)) => header,
            Ok(None) => break,
            Err(e) => {
                reader.fail(node, &e, start);
                return Ok(());
            }
        };
        if std::mem::take(&mut first) && is_office_part(&header.name) {
            office = Some(Vec::new());
        }
        if let Some(names) = &mut office {
            names.push(header.name.clone());
            if let Err(e) = skip_data(&header, &mut src) {
                reader.fail(node, &e, at(&src));
                return Ok(());
            }
            continue;
        }
        if header.name.ends_with(b"/") {
            if let Err(e) = skip_data(&header, &mut src) {
                reader.fail(node, &e, at(&src));
                return Ok(());
            }
            continue;
        }
        if !reader.budget.member() {
            let rest = reader.drain(node, &mut src);
            reader.skip(node, LIMIT_MEMBERS, at(&src) - start + rest);
            return Ok(());
        }
        let child = node.member(&header.name, header.compressed);
        let body = match Body::new(&header, &mut src) {
            Ok(body) => body,
            Err(Unreadable::Skip(reason)) => {
                reader.skip(&child, reason, header.size);
                if let Err(e) = skip_data(&header, &mut src) {
                    reader.fail(node, &e, at(&src));
                    return Ok(());
                }
                continue;
            }
            Err(Unreadable::Stop(message)) => {
                reader.fail(&child, &archive_error(message), 0);
                return Ok(());
            }
        };
        let mut member = Member {
            body,
            header: &header,
            crc: flate2::Crc::new(),
            read: 0,
            done: false,
            failed: false,
        };
        {
            let mut metered = Decoded::new(&mut member, reader.budget, |e| e);
            let peeked = Peeked::ahead(&mut metered);
            reader.node(&child, peeked)?;
        }
        // A nested container that gave up early leaves data to pass over.
        if !member.done && !member.failed && !reader.budget.tripped() {
            let mut metered = Decoded::new(&mut member, reader.budget, |e| e);
            if let Err(e) = io::copy(&mut metered, &mut io::sink()) {
                reader.fail(&child, &e, 0);
                return Ok(());
            }
        }
        if member.failed || reader.budget.tripped() {
            return Ok(());
        }
    }
    let end = at(&src);
    let rest = reader.drain(node, &mut src);
    if let Some(names) = office {
        let reason = office_reason(names.iter().map(Vec::as_slice));
        reader.skip(node, &reason, end + rest);
    }
    Ok(())
}

/// Passes over a member's data without decoding it (its size is known), or decoding it to
/// find its end (deflate with a data descriptor).
fn skip_data<R: BufRead>(header: &LocalHeader, src: &mut R) -> io::Result<()> {
    if header.sized() {
        let skipped = io::copy(&mut src.take(header.compressed), &mut io::sink())
            .map_err(|e| archive_failed(e, "zip"))?;
        if skipped < header.compressed {
            return Err(archive_error("zip: truncated archive"));
        }
        return Ok(());
    }
    match Body::new(header, src) {
        Ok(body) => {
            let mut member = Member {
                body,
                header,
                crc: flate2::Crc::new(),
                read: 0,
                done: false,
                failed: false,
            };
            io::copy(&mut member, &mut io::sink()).map(|_| ())
        }
        Err(Unreadable::Skip(_) | Unreadable::Stop(_)) => Err(archive_error(
            "zip: member of unknown size cannot be read from a stream",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_parts_and_kinds() {
        assert!(is_office_part(b"[Content_Types].xml"));
        assert!(is_office_part(b"docProps/app.xml"));
        assert!(is_office_part(b"mimetype"));
        assert!(!is_office_part(b"users.csv"));
        assert!(!is_office_part(b"export/xl/users.csv"));
        let names: [&[u8]; 3] = [b"[Content_Types].xml", b"_rels/.rels", b"xl/workbook.xml"];
        assert_eq!(office_reason(names.into_iter()), "unsupported:xlsx");
        let names: [&[u8]; 2] = [b"mimetype", b"content.xml"];
        assert_eq!(office_reason(names.into_iter()), "unsupported:odf");
        let names: [&[u8]; 1] = [b"[Content_Types].xml"];
        assert_eq!(office_reason(names.into_iter()), "unsupported:ooxml");
    }

    #[test]
    fn zip64_extra_field_gives_the_sizes() {
        let mut header = LocalHeader {
            flags: 0,
            method: STORED,
            crc: 0,
            compressed: u64::from(u32::MAX),
            size: u64::from(u32::MAX),
            name: Vec::new(),
            zip64: false,
        };
        let mut extra = vec![1, 0, 16, 0];
        extra.extend_from_slice(&(5u64 << 32).to_le_bytes());
        extra.extend_from_slice(&(3u64 << 32).to_le_bytes());
        header.read_zip64(&extra);
        assert!(header.zip64);
        assert_eq!(header.size, 5 << 32);
        assert_eq!(header.compressed, 3 << 32);
        // A truncated extra field is ignored, not read past.
        header.read_zip64(&[1, 0, 200, 0, 1]);
    }
}

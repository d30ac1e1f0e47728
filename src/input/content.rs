//! What the first bytes of an input say: text (and its encoding), a container to read
//! through, a document kind, or other binary data.
//!
//! Magic bytes decide first, then a byte order mark, then UTF-16 without a BOM (its
//! alternating NUL bytes), and last a binary test on the head. Bytes that are not valid UTF-8
//! (Latin-1, Windows-1252) do not make an input binary: leaked dumps mix encodings, and
//! skipping a dump as binary would hide every value in it.

/// How many leading bytes [`classify`] looks at; more are ignored.
pub const HEAD_LEN: usize = 8 * 1024;

/// A text encoding, as the report's `encoding` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a BOM (also ASCII, and 8-bit text mixed in).
    Utf8,
    /// UTF-8 starting with the BOM `EF BB BF`.
    Utf8Bom,
    /// UTF-16 little-endian, with the BOM `FF FE` or without one.
    Utf16Le,
    /// UTF-16 big-endian, with the BOM `FE FF` or without one.
    Utf16Be,
}

impl Encoding {
    /// The report name: "utf-8", "utf-8-bom", "utf-16le" or "utf-16be".
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }

    /// The length of this encoding's byte order mark: 3 for UTF-8 with BOM, 2 for UTF-16,
    /// 0 for plain UTF-8. UTF-16 is also recognised without a BOM: [`Encoding::bom_in`] says
    /// how many bytes a given input actually starts with.
    pub fn bom_len(self) -> usize {
        self.bom().len()
    }

    /// The length of the byte order mark `head` starts with in this encoding (0 if none).
    ///
    /// ```
    /// use leakscan::input::content::Encoding;
    ///
    /// assert_eq!(Encoding::Utf16Le.bom_in(b"\xff\xfea\0"), 2);
    /// assert_eq!(Encoding::Utf16Le.bom_in(b"a\0b\0"), 0);
    /// ```
    pub fn bom_in(self, head: &[u8]) -> usize {
        let bom = self.bom();
        if head.starts_with(bom) {
            bom.len()
        } else {
            0
        }
    }

    /// The byte order mark of this encoding.
    fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => b"",
            Encoding::Utf8Bom => b"\xef\xbb\xbf",
            Encoding::Utf16Le => b"\xff\xfe",
            Encoding::Utf16Be => b"\xfe\xff",
        }
    }
}

/// What an input is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// Text to scan (also Latin-1/Windows-1252 bytes mixed in: still text).
    Text(Encoding),
    /// A compressed file or archive recognised by magic bytes: "gz", "zst", "bz2", "xz",
    /// "zip" (zip-based office files too), "tar", "7z", "rar".
    Container(&'static str),
    /// A file kind that is neither text nor a container: "pdf", "jpeg", "png", "gif", "webp",
    /// "tiff", "heic", "mp4", "sqlite", "sqlite_wal" (a write-ahead log), "elf",
    /// "pgdump_custom", "parquet", "ole" (legacy Office), "avro".
    Document(&'static str),
    /// Other binary data: a NUL byte or a high share of control bytes in the head.
    Binary,
    /// MongoDB BSON documents (`mongodump`): binary, but read as records
    /// ([`crate::format::bson::looks_like`]).
    Bson,
}

/// Magic bytes at a fixed offset, and what they mean. Short ASCII prefixes (such as `BM` or
/// `MZ`) are left out: a text file may well start with them.
const MAGIC: &[(usize, &[u8], Content)] = &[
    (0, b"\x1f\x8b", Content::Container("gz")),
    (0, b"\x28\xb5\x2f\xfd", Content::Container("zst")),
    (0, b"\xfd7zXZ\x00", Content::Container("xz")),
    (0, b"PK\x03\x04", Content::Container("zip")),
    (0, b"PK\x05\x06", Content::Container("zip")),
    (0, b"PK\x07\x08", Content::Container("zip")),
    // POSIX `ustar\0` and GNU `ustar  \0` alike.
    (257, b"ustar", Content::Container("tar")),
    (0, b"7z\xbc\xaf\x27\x1c", Content::Container("7z")),
    // RAR 1.5-4 (`... 07 00`) and RAR 5 (`... 07 01 00`).
    (0, b"Rar!\x1a\x07", Content::Container("rar")),
    (0, b"%PDF-", Content::Document("pdf")),
    (0, b"\xff\xd8\xff", Content::Document("jpeg")),
    (0, b"\x89PNG\r\n\x1a\n", Content::Document("png")),
    (0, b"GIF87a", Content::Document("gif")),
    (0, b"GIF89a", Content::Document("gif")),
    (0, b"II*\x00", Content::Document("tiff")),
    (0, b"MM\x00*", Content::Document("tiff")),
    (0, b"SQLite format 3\x00", Content::Document("sqlite")),
    // A SQLite write-ahead log (`app.db-wal`), of either checksum byte order.
    (0, b"\x37\x7f\x06\x82", Content::Document("sqlite_wal")),
    (0, b"\x37\x7f\x06\x83", Content::Document("sqlite_wal")),
    (0, b"\x7fELF", Content::Document("elf")),
    (0, b"PGDMP", Content::Document("pgdump_custom")),
    (0, b"PAR1", Content::Document("parquet")),
    (
        0,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        Content::Document("ole"),
    ),
    (0, b"Obj\x01", Content::Document("avro")),
];

/// ISO base media brands of HEIF images (iPhone photos); other `ftyp` files are video.
const HEIC_BRANDS: &[&[u8]] = &[
    b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
];

/// Classifies an input by its first bytes (up to [`HEAD_LEN`] are looked at; fewer if the
/// input is shorter). An empty input is UTF-8 text.
///
/// ```
/// use leakscan::input::content::{classify, Content, Encoding};
///
/// assert_eq!(classify(b"name,email\n"), Content::Text(Encoding::Utf8));
/// assert_eq!(classify(b"\x1f\x8b\x08\x00"), Content::Container("gz"));
/// assert_eq!(classify(b"n\0a\0m\0e\0\r\0\n\0"), Content::Text(Encoding::Utf16Le));
/// ```
pub fn classify(head: &[u8]) -> Content {
    let head = &head[..head.len().min(HEAD_LEN)];
    if let Some(kind) = magic(head) {
        return kind;
    }
    if crate::format::bson::looks_like(head) {
        return Content::Bson;
    }
    for encoding in [Encoding::Utf8Bom, Encoding::Utf16Le, Encoding::Utf16Be] {
        if encoding.bom_in(head) > 0 {
            return Content::Text(encoding);
        }
    }
    if let Some(encoding) = utf16_without_bom(head) {
        return Content::Text(encoding);
    }
    if looks_binary(head) {
        Content::Binary
    } else {
        Content::Text(Encoding::Utf8)
    }
}

/// The container or document kind that `head`'s magic bytes name, if any.
fn magic(head: &[u8]) -> Option<Content> {
    let at = |offset: usize, bytes: &[u8]| {
        head.get(offset..offset + bytes.len())
            .is_some_and(|found| found == bytes)
    };
    if let Some((_, _, kind)) = MAGIC.iter().find(|(offset, bytes, _)| at(*offset, bytes)) {
        return Some(*kind);
    }
    // bzip2: "BZh" and the block size digit, so that text starting "BZh" stays text.
    if at(0, b"BZh") && matches!(head.get(3), Some(b'1'..=b'9')) {
        return Some(Content::Container("bz2"));
    }
    if at(0, b"RIFF") && at(8, b"WEBP") {
        return Some(Content::Document("webp"));
    }
    if at(4, b"ftyp") {
        let brand = head.get(8..12)?;
        let kind = if HEIC_BRANDS.contains(&brand) {
            "heic"
        } else {
            "mp4"
        };
        return Some(Content::Document(kind));
    }
    None
}

/// UTF-16 without a BOM, told by its NUL bytes: in mostly-ASCII text every other byte is 0
/// (the odd ones in little-endian, the even ones in big-endian). To tell it from binary data
/// with NULs, the code units must also look like text: at most 1 in 20 a NUL or control.
fn utf16_without_bom(head: &[u8]) -> Option<Encoding> {
    let units = head.len() / 2;
    if units == 0 {
        return None;
    }
    let (mut zero_even, mut zero_odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        zero_even += usize::from(pair[0] == 0);
        zero_odd += usize::from(pair[1] == 0);
    }
    let encoding = if zero_odd * 2 >= units && zero_odd > zero_even {
        Encoding::Utf16Le
    } else if zero_even * 2 >= units && zero_even > zero_odd {
        Encoding::Utf16Be
    } else {
        return None;
    };
    let unit = |pair: &[u8]| match encoding {
        Encoding::Utf16Le => u16::from_le_bytes([pair[0], pair[1]]),
        _ => u16::from_be_bytes([pair[0], pair[1]]),
    };
    let bad = head
        .chunks_exact(2)
        .filter(|pair| u8::try_from(unit(pair)).is_ok_and(is_control))
        .count();
    (bad * 20 <= units).then_some(encoding)
}

/// A control byte that text rarely holds. Tab, line feed, vertical tab, form feed, carriage
/// return and escape (terminal colours in logs) are text.
fn is_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)) || byte == 0x7f
}

/// Binary if the head holds a NUL byte (ripgrep's rule) or more than a quarter of control
/// bytes. The share is that high because Hive and some mainframe exports delimit fields with
/// `\x01`-`\x03`, about one byte in ten: still text to scan.
fn looks_binary(head: &[u8]) -> bool {
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let control = head.iter().filter(|&&byte| is_control(byte)).count();
    control * 4 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn magic_bytes_name_containers_and_documents() {
        let mut tar = vec![0u8; 512];
        tar[..9].copy_from_slice(b"users.csv");
        tar[257..265].copy_from_slice(b"ustar\x0000");
        let mut gnu_tar = vec![b'a'; 600];
        gnu_tar[257..265].copy_from_slice(b"ustar  \x00");
        let cases: &[(&[u8], Content)] = &[
            (b"\x1f\x8b\x08\x00\x00\x00", Content::Container("gz")),
            (b"\x28\xb5\x2f\xfd\x24\x00", Content::Container("zst")),
            (b"BZh91AY&SY", Content::Container("bz2")),
            (b"\xfd7zXZ\x00\x00\x04", Content::Container("xz")),
            (b"PK\x03\x04\x14\x00", Content::Container("zip")),
            (b"PK\x05\x06\x00\x00", Content::Container("zip")),
            (b"PK\x07\x08PK\x03\x04", Content::Container("zip")),
            (&tar, Content::Container("tar")),
            (&gnu_tar, Content::Container("tar")),
            (b"7z\xbc\xaf\x27\x1c\x00\x04", Content::Container("7z")),
            (b"Rar!\x1a\x07\x00", Content::Container("rar")),
            (b"Rar!\x1a\x07\x01\x00", Content::Container("rar")),
            (b"%PDF-1.7\n%\xe2\xe3", Content::Document("pdf")),
            (b"\xff\xd8\xff\xe1\x00\x18Exif", Content::Document("jpeg")),
            (b"\x89PNG\r\n\x1a\n\x00\x00", Content::Document("png")),
            (b"GIF87a\x01\x00", Content::Document("gif")),
            (b"GIF89a\x01\x00", Content::Document("gif")),
            (b"RIFF\x24\x00\x00\x00WEBPVP8 ", Content::Document("webp")),
            (b"II*\x00\x08\x00", Content::Document("tiff")),
            (b"MM\x00*\x00\x00", Content::Document("tiff")),
            (b"\x00\x00\x00\x18ftypheic\x00", Content::Document("heic")),
            (b"\x00\x00\x00\x18ftypisom\x00", Content::Document("mp4")),
            (b"SQLite format 3\x00\x10\x00", Content::Document("sqlite")),
            (b"\x7fELF\x02\x01\x01", Content::Document("elf")),
            (b"PGDMP\x01\x0e\x00", Content::Document("pgdump_custom")),
            (b"PAR1\x15\x04", Content::Document("parquet")),
            (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00",
                Content::Document("ole"),
            ),
            (b"Obj\x01\x04\x14avro", Content::Document("avro")),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter(|(head, want)| classify(head) != *want)
            .map(|(head, want)| {
                format!(
                    "{:?}: {:?}, want {want:?}",
                    &head[..head.len().min(12)],
                    classify(head)
                )
            })
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn near_misses_of_magic_stay_text() {
        for head in [
            &b"BZh is not bzip2\n"[..],
            b"PK,name\n1,asha\n",
            b"RIFF raff\n",
            b"GIF8 nearly\n",
            b"ustar at the start\n",
        ] {
            assert_eq!(classify(head), Content::Text(Encoding::Utf8), "{head:?}");
        }
        // "ustar" only counts at offset 257.
        let mut near_tar = vec![b'x'; 600];
        near_tar[256..261].copy_from_slice(b"ustar");
        assert_eq!(classify(&near_tar), Content::Text(Encoding::Utf8));
    }

    #[test]
    fn byte_order_marks_set_the_encoding() {
        assert_eq!(
            classify(b"\xef\xbb\xbfname,phone\n"),
            Content::Text(Encoding::Utf8Bom)
        );
        let mut le = b"\xff\xfe".to_vec();
        le.extend(utf16("name,phone\r\nAsha,+91 98765 43210\r\n", false));
        assert_eq!(classify(&le), Content::Text(Encoding::Utf16Le));
        let mut be = b"\xfe\xff".to_vec();
        be.extend(utf16("name,phone\r\n", true));
        assert_eq!(classify(&be), Content::Text(Encoding::Utf16Be));
        // A BOM and nothing else is still that encoding.
        assert_eq!(classify(b"\xff\xfe"), Content::Text(Encoding::Utf16Le));
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nul_pattern() {
        let text = "id\tname\tcity\r\n1\tAsha Rao\tPune\r\n2\tJos\u{e9} \u{0906}\u{0936}\u{093e}\tDelhi\r\n";
        assert_eq!(
            classify(&utf16(text, false)),
            Content::Text(Encoding::Utf16Le)
        );
        assert_eq!(
            classify(&utf16(text, true)),
            Content::Text(Encoding::Utf16Be)
        );
        // Cut mid-unit, or longer than the head: still recognised.
        let long = utf16(&text.repeat(200), false);
        assert_eq!(classify(&long[..101]), Content::Text(Encoding::Utf16Le));
        assert_eq!(classify(&long), Content::Text(Encoding::Utf16Le));
    }

    #[test]
    fn nul_patterns_that_are_not_text_are_binary() {
        // Little-endian 16-bit integers: the NUL pattern of UTF-16LE, but control code units.
        let ints: Vec<u8> = (0u16..2000).flat_map(|n| (n % 31).to_le_bytes()).collect();
        assert_eq!(classify(&ints), Content::Binary);
        assert_eq!(classify(&[0u8; 4096]), Content::Binary);
    }

    #[test]
    fn eight_bit_text_is_text() {
        // Latin-1 and Windows-1252 (curly quotes 0x93/0x94): not UTF-8, still text.
        let latin1 = b"name;city\nJos\xe9 Garc\xeda;M\xfcnchen\nFran\xe7ois;\x93Paris\x94\n";
        assert_eq!(classify(latin1), Content::Text(Encoding::Utf8));
        assert_eq!(
            classify("name,city\nAsha,\u{092a}\u{0941}\u{0923}\u{0947}\n".as_bytes()),
            Content::Text(Encoding::Utf8)
        );
        assert_eq!(classify(b""), Content::Text(Encoding::Utf8));
    }

    #[test]
    fn nul_or_many_control_bytes_are_binary() {
        assert_eq!(classify(b"name,phone\n\x00asha\n"), Content::Binary);
        // Every other byte a control byte, no NUL.
        let noise: Vec<u8> = (0..4000u32)
            .map(|i| {
                if i % 2 == 0 {
                    1 + (i / 2 % 8) as u8
                } else {
                    b'a'
                }
            })
            .collect();
        assert_eq!(classify(&noise), Content::Binary);
        // One in five is still text.
        let sparse: Vec<u8> = (0..4000u32)
            .map(|i| if i % 5 == 0 { 0x02 } else { b'a' })
            .collect();
        assert_eq!(classify(&sparse), Content::Text(Encoding::Utf8));
        // Hive-style \x01 delimiters are text.
        let hive =
            b"1\x01Asha Rao\x01asha@example.com\x01Pune\n2\x01Ravi K\x01ravi@example.org\x01Goa\n";
        assert_eq!(classify(hive), Content::Text(Encoding::Utf8));
        // Logs with terminal colours are text.
        assert_eq!(
            classify(b"\x1b[31mERROR\x1b[0m login failed\n"),
            Content::Text(Encoding::Utf8)
        );
    }

    #[test]
    fn only_the_head_is_looked_at() {
        let mut data = vec![b'a'; HEAD_LEN];
        data.extend_from_slice(b"\x00\x00\x00");
        assert_eq!(classify(&data), Content::Text(Encoding::Utf8));
        data[HEAD_LEN - 1] = 0;
        assert_eq!(classify(&data), Content::Binary);
    }

    #[test]
    fn encoding_names_and_boms() {
        let all = [
            (Encoding::Utf8, "utf-8", 0),
            (Encoding::Utf8Bom, "utf-8-bom", 3),
            (Encoding::Utf16Le, "utf-16le", 2),
            (Encoding::Utf16Be, "utf-16be", 2),
        ];
        for (encoding, name, bom_len) in all {
            assert_eq!(encoding.name(), name);
            assert_eq!(encoding.bom_len(), bom_len);
        }
        assert_eq!(Encoding::Utf8Bom.bom_in(b"\xef\xbb\xbfx"), 3);
        assert_eq!(Encoding::Utf16Be.bom_in(b"\xfe\xff\x00x"), 2);
        assert_eq!(Encoding::Utf16Be.bom_in(b"\x00x\x00y"), 0);
        assert_eq!(Encoding::Utf8.bom_in(b"\xef\xbb\xbfx"), 0);
    }
}

//! Reading through compressed files and archives, in one streaming pass.
//!
//! An input whose first bytes name a container (gzip, zstd, bzip2, xz, zip or tar, told by
//! magic bytes, never by extension) is decoded here, and every leaf it holds — a member of an
//! archive, or the decoded content of a compressed file — is handed to a [`Sink`] as a
//! reader, in member order. Nothing is held whole: decoders are chained reader on reader,
//! so a `.zip` inside a `.tar.gz` is read while the gzip stream is decoded, and the sink
//! reads each leaf in windows. Containers nest up to [`Limits::max_depth`].
//!
//! Naming: a member of an archive is `archive!member` (`dump.tar.gz!db/users.sql`); the
//! decoded content of a compressed file keeps the file's name (`users.csv.gz`), its format
//! being sniffed from the name without the compression extension (`users.csv`) or the name
//! stored in the gzip header.
//!
//! What cannot be read is named, never dropped: encrypted zip members (`encrypted`), zip
//! members in a compression method not supported (`unsupported:zip_method`), office
//! documents (a zip whose first member is an OOXML or ODF part: `unsupported:xlsx`,
//! `unsupported:docx`, `unsupported:pptx`, `unsupported:ooxml`, `unsupported:odf`) and
//! containers nested too deep (`limit:depth`) go to the sink's `skipped` with their size.
//! Other kinds (7z, rar, documents, images) are leaves: the sink classifies them.
//!
//! Decompression bombs: every byte a decompressor produces is metered against the
//! [`Limits`] of the top-level input (all layers and members together). Once a limit is
//! passed, reading stops: the leaf being read fails with [`Stop::Limit`] (the sink lists it in
//! `skipped` as `limit:ratio`, `limit:decoded_bytes`), and the rest of that top-level input
//! is not read. A corrupt or truncated stream fails with [`Stop::Failed`] at the decoded
//! offset where reading stopped.

mod pkzip;

pub(crate) use pkzip::is_office_part;

use super::content::{self, Content};
use super::walk::display_bytes;
use crate::aggregate::Skipped;
use crate::error::{io_message, ErrorKind, InputError};
use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};

/// Default of [`Limits::max_decoded_bytes`]: 1 TB.
pub const DEFAULT_MAX_DECODED_BYTES: u64 = 1_000_000_000_000;
/// Default of [`Limits::max_ratio`]. Dumps of text compress 3–20 times, very repetitive
/// ones rarely beyond 100; deflate cannot pass 1032, so a single gzip layer of anything but
/// long runs of one byte stays below it, while nested or zstd/bzip2 bombs do not.
pub const DEFAULT_MAX_RATIO: u64 = 500;
/// Default of [`Limits::max_depth`]: enough for `users.csv.gz` in a `.zip` in a `.tar.gz`.
pub const DEFAULT_MAX_DEPTH: u32 = 6;
/// Default of [`Limits::max_members`].
pub const DEFAULT_MAX_MEMBERS: u64 = 1_000_000;
/// Decoded bytes under one top-level input before [`Limits::max_ratio`] applies: small
/// files of repetitive text may well compress more than that ratio, and cost nothing.
pub const RATIO_GRACE: u64 = 16 << 20;

/// Skip reason of a container nested deeper than [`Limits::max_depth`].
pub const LIMIT_DEPTH: &str = "limit:depth";
/// Skip reason once decoded bytes pass [`Limits::max_ratio`] times the compressed size.
pub const LIMIT_RATIO: &str = "limit:ratio";
/// Skip reason once decoded bytes pass [`Limits::max_decoded_bytes`].
pub const LIMIT_DECODED: &str = "limit:decoded_bytes";
/// Skip reason of the rest of an archive once [`Limits::max_members`] members were read.
pub const LIMIT_MEMBERS: &str = "limit:members";

/// How far reading through one top-level input may go (each overridable on the command
/// line: `--max-decoded-bytes`, `--max-ratio`, `--max-depth`, `--max-members`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes all decompressors under one top-level input may produce together.
    pub max_decoded_bytes: u64,
    /// Most bytes decompressors may produce per compressed byte read (over the whole
    /// top-level input, past the first [`RATIO_GRACE`] bytes).
    pub max_ratio: u64,
    /// Most containers nested in one another (`users.csv.gz` is 1, a member of a `.tar.gz`
    /// is 2).
    pub max_depth: u32,
    /// Most archive members read under one top-level input.
    pub max_members: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_decoded_bytes: DEFAULT_MAX_DECODED_BYTES,
            max_ratio: DEFAULT_MAX_RATIO,
            max_depth: DEFAULT_MAX_DEPTH,
            max_members: DEFAULT_MAX_MEMBERS,
        }
    }
}

/// One leaf input found in a container (or the input itself, when it is no container).
#[derive(Clone, Copy, Debug)]
pub struct Leaf<'a> {
    /// The name it is reported as (`pack.zip!dir/users.csv`, `users.csv.gz`).
    pub path: &'a str,
    /// The name its format is sniffed from (`dir/users.csv`, `users.csv`).
    pub name: &'a str,
    /// Its size as stored where the container tells it (0 if unknown).
    pub bytes_on_disk: u64,
}

/// Receives the leaves of an input, in member order.
pub trait Sink {
    /// What stops the whole scan (not one input).
    type Error;
    /// Reads one leaf to its end (or to its first read error: see [`stop_of`]). `reader`
    /// yields the leaf's decoded content from its first byte.
    fn leaf(&mut self, leaf: &Leaf<'_>, reader: &mut dyn Read) -> Result<(), Self::Error>;
    /// Something that is not read, and why.
    fn skipped(&mut self, skipped: Skipped);
    /// Something that could not be read.
    fn error(&mut self, error: InputError);
}

/// Why reading stopped before the end, as a leaf's read error carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A limit was reached (`limit:ratio`, ...): the bytes are not read, not broken.
    Limit(&'static str),
    /// The content is corrupt or truncated, or could not be read: a kind and a message
    /// without any value read.
    Failed(ErrorKind, String),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Limit(reason) => f.write_str(reason),
            Stop::Failed(_, message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Stop {}

impl Stop {
    fn into_io(self) -> io::Error {
        io::Error::other(self)
    }
}

/// What a read error of a leaf means: a [`Stop`] this module raised, or else an I/O error.
///
/// ```
/// use leakscan::error::ErrorKind;
/// use leakscan::input::container::{stop_of, Stop};
///
/// let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
/// assert_eq!(stop_of(&err), Stop::Failed(ErrorKind::Io, "permission denied".into()));
/// ```
pub fn stop_of(err: &io::Error) -> Stop {
    match err.get_ref().and_then(|inner| inner.downcast_ref::<Stop>()) {
        Some(stop) => stop.clone(),
        None => Stop::Failed(ErrorKind::Io, io_message(err)),
    }
}

/// `err` as a [`Stop::Failed`] of `kind`, its message prefixed by `what` (`gzip: ...`);
/// an error that already is a [`Stop`] (raised below) stays as it is. For decoders, whose
/// messages are fixed texts.
fn failed(err: io::Error, kind: ErrorKind, what: &str) -> io::Error {
    if is_stop(&err) {
        return err;
    }
    Stop::Failed(kind, format!("{what}: {}", io_message(&err))).into_io()
}

/// `err` of an archive reader as a [`Stop::Failed`]. Archive readers may quote header
/// fields in their messages (tar does), and a corrupt header may be anyone's data: only
/// fixed words are kept.
fn archive_failed(err: io::Error, what: &str) -> io::Error {
    if is_stop(&err) {
        return err;
    }
    let detail = match err.get_ref().map(ToString::to_string).as_deref() {
        _ if err.kind() == io::ErrorKind::UnexpectedEof => "truncated archive",
        Some("failed to read entire block" | "unexpected EOF during skip") => "truncated archive",
        Some("archive header checksum mismatch") => "header checksum mismatch",
        Some("Invalid checksum") => "checksum mismatch",
        _ => "corrupt archive",
    };
    Stop::Failed(ErrorKind::Archive, format!("{what}: {detail}")).into_io()
}

fn is_stop(err: &io::Error) -> bool {
    err.get_ref().is_some_and(|inner| inner.is::<Stop>())
}

/// Whether `head` (an input's first bytes) starts a container this module reads through.
///
/// ```
/// use leakscan::input::container::is_container;
///
/// assert!(is_container(b"\x1f\x8b\x08\x00"));
/// assert!(!is_container(b"Rar!\x1a\x07\x00"));
/// assert!(!is_container(b"name,email\n"));
/// ```
pub fn is_container(head: &[u8]) -> bool {
    kind(head).is_some()
}

/// The containers read through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Gzip,
    Zstd,
    Bzip2,
    Xz,
    Zip,
    Tar,
}

fn kind(head: &[u8]) -> Option<Kind> {
    match content::classify(head) {
        Content::Container("gz") => Some(Kind::Gzip),
        Content::Container("zst") => Some(Kind::Zstd),
        Content::Container("bz2") => Some(Kind::Bzip2),
        Content::Container("xz") => Some(Kind::Xz),
        Content::Container("zip") => Some(Kind::Zip),
        Content::Container("tar") => Some(Kind::Tar),
        _ => None,
    }
}

/// Reads through `data`, a whole top-level input in memory (a memory map): a zip through its
/// central directory, the rest as streams. `path` is its reported name.
pub fn read_whole<S: Sink>(
    path: &str,
    data: &[u8],
    limits: &Limits,
    sink: &mut S,
) -> Result<(), S::Error> {
    let budget = Budget::new(limits, data.len() as u64);
    let mut reader = Reader {
        sink,
        budget: &budget,
    };
    let node = Node::top(path, data.len() as u64);
    if kind(data) == Some(Kind::Zip) {
        return pkzip::read_indexed(&mut reader, &node, data);
    }
    let mut source = data;
    let peeked = Peeked::ahead(&mut source);
    reader.node(&node, peeked)
}

/// Reads through a top-level input read as a stream (standard input, a pipe, a file not
/// mapped); `bytes_on_disk` is its size where known (0 for standard input).
pub fn read_stream<S: Sink>(
    path: &str,
    source: &mut dyn Read,
    bytes_on_disk: u64,
    limits: &Limits,
    sink: &mut S,
) -> Result<(), S::Error> {
    let budget = Budget::new(limits, bytes_on_disk);
    let mut source = Counted {
        inner: source,
        count: &budget.raw,
    };
    let mut reader = Reader {
        sink,
        budget: &budget,
    };
    let peeked = Peeked::ahead(&mut source);
    reader.node(&Node::top(path, bytes_on_disk), peeked)
}

/// What the decoding of one top-level input has used so far, against its [`Limits`].
struct Budget<'l> {
    limits: &'l Limits,
    /// Size of the top-level input as stored (0 for standard input).
    on_disk: u64,
    /// Bytes read from the top-level input (streams).
    raw: Cell<u64>,
    /// Bytes produced by decompressors.
    decoded: Cell<u64>,
    /// Archive members met.
    members: Cell<u64>,
    /// The limit passed, once one is: everything after fails with it.
    tripped: Cell<Option<&'static str>>,
}

impl<'l> Budget<'l> {
    fn new(limits: &'l Limits, on_disk: u64) -> Self {
        Budget {
            limits,
            on_disk,
            raw: Cell::new(0),
            decoded: Cell::new(0),
            members: Cell::new(0),
            tripped: Cell::new(None),
        }
    }

    /// How many of `want` bytes a decompressor may produce now; the limit passed if none.
    fn allow(&self, want: usize) -> Result<usize, &'static str> {
        if let Some(reason) = self.tripped.get() {
            return Err(reason);
        }
        let decoded = self.decoded.get();
        let compressed = self.on_disk.max(self.raw.get());
        let reason = if decoded >= self.limits.max_decoded_bytes {
            LIMIT_DECODED
        } else if decoded > RATIO_GRACE
            && decoded > compressed.saturating_mul(self.limits.max_ratio)
        {
            LIMIT_RATIO
        } else {
            let room = self.limits.max_decoded_bytes - decoded;
            return Ok(want.min(usize::try_from(room).unwrap_or(usize::MAX)));
        };
        self.tripped.set(Some(reason));
        Err(reason)
    }

    /// Counts one more archive member; false once there are more than allowed.
    fn member(&self) -> bool {
        let n = self.members.get() + 1;
        self.members.set(n);
        n <= self.limits.max_members
    }

    fn tripped(&self) -> bool {
        self.tripped.get().is_some()
    }
}

/// Where a node sits: its names, stored size and nesting depth.
#[derive(Clone, Debug)]
struct Node {
    /// Reported name.
    path: String,
    /// Name the format is sniffed from.
    name: String,
    /// Size as stored, if this node's bytes are stored as they are (else 0).
    on_disk: u64,
    /// Whether this node's bytes are stored as they are in the top-level input (no
    /// decompressor above it): only then do sizes in its headers mean bytes on disk.
    stored: bool,
    /// Containers above it.
    depth: u32,
}

impl Node {
    fn top(path: &str, on_disk: u64) -> Node {
        Node {
            path: path.to_string(),
            name: path.to_string(),
            on_disk,
            stored: true,
            depth: 0,
        }
    }

    /// A member named `name` (raw bytes from the archive) of this archive node, stored in
    /// it with `stored_size` bytes (compressed size in a zip, size in a tar).
    fn member(&self, name: &[u8], stored_size: u64) -> Node {
        let name = display_bytes(name);
        Node {
            path: format!("{}!{name}", self.path),
            name,
            on_disk: if self.stored { stored_size } else { 0 },
            stored: self.stored,
            depth: self.depth + 1,
        }
    }

    /// The decoded content of this compressed node: the same reported name.
    fn decoded(&self, name: String) -> Node {
        Node {
            path: self.path.clone(),
            name,
            on_disk: self.on_disk,
            stored: false,
            depth: self.depth + 1,
        }
    }

    fn leaf(&self) -> Leaf<'_> {
        Leaf {
            path: &self.path,
            name: &self.name,
            bytes_on_disk: self.on_disk,
        }
    }
}

/// Walks the containers of one top-level input, handing leaves to the sink.
struct Reader<'r, 'b, S> {
    sink: &'r mut S,
    budget: &'b Budget<'b>,
}

impl<S: Sink> Reader<'_, '_, S> {
    /// Reads one node: a leaf for the sink, or a container to read through.
    fn node(&mut self, node: &Node, mut input: Peeked<'_>) -> Result<(), S::Error> {
        let Some(kind) = kind(&input.head) else {
            return self.sink.leaf(&node.leaf(), &mut input);
        };
        if node.depth >= self.budget.limits.max_depth {
            let bytes = self.drain(node, &mut input);
            self.skip(node, LIMIT_DEPTH, bytes);
            return Ok(());
        }
        match kind {
            Kind::Zip => pkzip::read_stream(self, node, &mut input),
            Kind::Tar => self.tar(node, &mut input),
            Kind::Gzip => {
                let mut decoder =
                    Decoded::new(flate2::read::MultiGzDecoder::new(input), self.budget, |e| {
                        failed(e, ErrorKind::Decompress, "gzip")
                    });
                let (head, error) = read_head(&mut decoder);
                // The name gzip stored tells the format when the file's own name does not.
                let stored_name = decoder
                    .inner
                    .header()
                    .and_then(|h| h.filename())
                    .map(|name| display_bytes(base_name(name)));
                let child = node.decoded(inner_name(&node.name, stored_name));
                self.node(&child, Peeked::new(head, error, &mut decoder))
            }
            Kind::Zstd => match zstd::Decoder::new(input) {
                Ok(decoder) => self.decoded(
                    node,
                    Decoded::new(decoder, self.budget, |e| {
                        failed(e, ErrorKind::Decompress, "zstd")
                    }),
                ),
                Err(e) => {
                    self.fail(node, &failed(e, ErrorKind::Decompress, "zstd"), 0);
                    Ok(())
                }
            },
            Kind::Bzip2 => {
                let decoder = bzip2::read::MultiBzDecoder::new(input);
                self.decoded(
                    node,
                    Decoded::new(decoder, self.budget, |e| {
                        failed(e, ErrorKind::Decompress, "bzip2")
                    }),
                )
            }
            Kind::Xz => match liblzma::stream::Stream::new_stream_decoder(
                XZ_MEMORY_LIMIT,
                liblzma::stream::CONCATENATED,
            ) {
                Ok(stream) => {
                    let decoder = liblzma::read::XzDecoder::new_stream(input, stream);
                    self.decoded(
                        node,
                        Decoded::new(decoder, self.budget, |e| {
                            failed(e, ErrorKind::Decompress, "xz")
                        }),
                    )
                }
                Err(e) => {
                    let e = io::Error::other(e);
                    self.fail(node, &failed(e, ErrorKind::Decompress, "xz"), 0);
                    Ok(())
                }
            },
        }
    }

    /// Reads the decoded content of a compressed node as its one child.
    fn decoded<R: Read>(
        &mut self,
        node: &Node,
        mut decoder: Decoded<'_, R>,
    ) -> Result<(), S::Error> {
        let child = node.decoded(inner_name(&node.name, None));
        let peeked = Peeked::ahead(&mut decoder);
        self.node(&child, peeked)
    }

    /// Reads the members of a tar archive in order.
    fn tar(&mut self, node: &Node, input: &mut dyn Read) -> Result<(), S::Error> {
        let position = Cell::new(0u64);
        let mut archive = tar::Archive::new(Counted {
            inner: input,
            count: &position,
        });
        let entries = match archive.entries() {
            Ok(entries) => entries,
            Err(e) => {
                self.fail(node, &archive_failed(e, "tar"), 0);
                return Ok(());
            }
        };
        let mut exceeded = false;
        for entry in entries {
            let mut entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.fail(node, &archive_failed(e, "tar"), position.get());
                    return Ok(());
                }
            };
            let ty = entry.header().entry_type();
            if ty.is_dir() {
                continue;
            }
            let size = entry.size();
            let child = node.member(&entry.path_bytes(), size);
            let sparse = ty.is_gnu_sparse();
            if !(ty.is_file() || ty.is_contiguous() || sparse) {
                // Links, devices, FIFOs: no content of their own.
                self.skip(&child, super::walk::SPECIAL_FILE, 0);
                continue;
            }
            if !self.budget.member() {
                exceeded = true;
                break;
            }
            let failed_below = if sparse {
                // Sparse members expand holes into zeros: decoded bytes, metered as such.
                let mut member = Exact::new(
                    Decoded::new(&mut entry, self.budget, |e| archive_failed(e, "tar")),
                    None,
                );
                let peeked = Peeked::ahead(&mut member);
                self.node(&child, peeked)?;
                member.failed
            } else {
                let mut member = Exact::new(&mut entry, Some(size));
                let peeked = Peeked::ahead(&mut member);
                self.node(&child, peeked)?;
                member.failed
            };
            // A broken stream cannot be followed to the next header (the leaf has said
            // why), nor can anything be read past a limit.
            if failed_below || self.budget.tripped() {
                return Ok(());
            }
        }
        let mut rest = archive.into_inner();
        if exceeded {
            let bytes = self.drain(node, &mut rest);
            self.skip(node, LIMIT_MEMBERS, bytes);
            return Ok(());
        }
        // Read what follows the end-of-archive blocks: a gzip stream's checksum is only
        // checked at its end.
        if let Err(e) = io::copy(&mut rest, &mut io::sink()) {
            self.fail(node, &e, position.get());
        }
        Ok(())
    }

    /// Reads `input` to its end, counting bytes; an error is reported on `node`.
    fn drain(&mut self, node: &Node, input: &mut dyn Read) -> u64 {
        let (bytes, error) = drain(input);
        if let Some(e) = error {
            self.fail(node, &e, bytes);
        }
        bytes
    }

    fn skip(&mut self, node: &Node, reason: &str, bytes: u64) {
        self.sink.skipped(Skipped {
            path: node.path.clone(),
            reason: reason.to_string(),
            bytes,
        });
    }

    /// Reports a read error of `node` itself (not of a leaf: the sink reports those) at
    /// `offset` in its decoded content.
    fn fail(&mut self, node: &Node, err: &io::Error, offset: u64) {
        match stop_of(err) {
            Stop::Limit(reason) => self.skip(node, reason, offset),
            Stop::Failed(kind, message) => self
                .sink
                .error(InputError::new(&node.path, kind, message).at(offset)),
        }
    }
}

/// Most memory the xz decoder may take: `xz -9` needs 65 MiB; a header asking for more is
/// refused rather than allocated.
const XZ_MEMORY_LIMIT: u64 = 256 << 20;

/// The name of a compressed file's content: `users.csv` for `users.csv.gz`, `dump.tar` for
/// `dump.tgz`; else the name gzip stored, else the name itself.
fn inner_name(name: &str, stored: Option<String>) -> String {
    const EXTENSIONS: &[(&str, &str)] = &[
        (".gz", ""),
        (".gzip", ""),
        (".z", ""),
        (".zst", ""),
        (".zstd", ""),
        (".bz2", ""),
        (".bzip2", ""),
        (".xz", ""),
        (".tgz", ".tar"),
        (".taz", ".tar"),
        (".tbz", ".tar"),
        (".tbz2", ".tar"),
        (".txz", ".tar"),
        (".tzst", ".tar"),
    ];
    let lower = name.to_ascii_lowercase();
    for (ext, replacement) in EXTENSIONS {
        if lower.ends_with(ext) && lower.len() > ext.len() {
            return format!("{}{replacement}", &name[..name.len() - ext.len()]);
        }
    }
    stored.unwrap_or_else(|| name.to_string())
}

/// The last component of a stored path.
fn base_name(path: &[u8]) -> &[u8] {
    match path.iter().rposition(|&b| b == b'/' || b == b'\\') {
        Some(at) => &path[at + 1..],
        None => path,
    }
}

/// Reads `reader` to its end: the bytes read, and the error that stopped it, if any.
pub(crate) fn drain(reader: &mut dyn Read) -> (u64, Option<io::Error>) {
    let mut chunk = vec![0u8; 1 << 16];
    let mut read = 0u64;
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => return (read, None),
            Ok(n) => read += n as u64,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (read, Some(e)),
        }
    }
}

/// Reads up to [`content::HEAD_LEN`] bytes: enough to classify and to tell a container.
fn read_head(reader: &mut dyn Read) -> (Vec<u8>, Option<io::Error>) {
    let mut head = vec![0u8; content::HEAD_LEN];
    let mut len = 0;
    let mut error = None;
    while len < head.len() {
        match reader.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    head.truncate(len);
    (head, error)
}

/// A reader whose first bytes were read ahead to classify it: yields them, then the read
/// error met while reading them (if any), then the rest.
pub(crate) struct Peeked<'r> {
    head: Vec<u8>,
    at: usize,
    error: Option<io::Error>,
    rest: &'r mut dyn Read,
}

impl<'r> Peeked<'r> {
    fn new(head: Vec<u8>, error: Option<io::Error>, rest: &'r mut dyn Read) -> Self {
        Peeked {
            head,
            at: 0,
            error,
            rest,
        }
    }

    /// Reads the first [`content::HEAD_LEN`] bytes of `rest` ahead.
    pub(crate) fn ahead(rest: &'r mut dyn Read) -> Self {
        let (head, error) = read_head(rest);
        Peeked::new(head, error, rest)
    }

    /// The bytes read ahead.
    pub(crate) fn head(&self) -> &[u8] {
        &self.head
    }
}

impl Read for Peeked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.head.len() {
            let n = buf.len().min(self.head.len() - self.at);
            buf[..n].copy_from_slice(&self.head[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.rest.read(buf)
    }
}

/// Counts the bytes read through it. Every decoder here names its own errors, so an error
/// that reaches this reader unnamed comes from the file or pipe itself: an I/O error.
struct Counted<'c, R> {
    inner: R,
    count: &'c Cell<u64>,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf).map_err(|e| {
            if is_stop(&e) {
                e
            } else {
                Stop::Failed(ErrorKind::Io, io_message(&e)).into_io()
            }
        })?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// A decompressor's output: metered against the budget, its errors named by `on_error`.
struct Decoded<'b, R> {
    inner: R,
    budget: &'b Budget<'b>,
    on_error: fn(io::Error) -> io::Error,
}

impl<'b, R> Decoded<'b, R> {
    fn new(inner: R, budget: &'b Budget<'b>, on_error: fn(io::Error) -> io::Error) -> Self {
        Decoded {
            inner,
            budget,
            on_error,
        }
    }
}

impl<R: Read> Read for Decoded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let room = self
            .budget
            .allow(buf.len())
            .map_err(|reason| Stop::Limit(reason).into_io())?;
        let n = self.inner.read(&mut buf[..room]).map_err(self.on_error)?;
        let decoded = &self.budget.decoded;
        decoded.set(decoded.get() + n as u64);
        Ok(n)
    }
}

/// An archive member that must yield `size` bytes (when known): fewer is a truncated
/// archive. Remembers whether reading it failed, so the archive is not read further.
struct Exact<R> {
    inner: R,
    size: Option<u64>,
    read: u64,
    failed: bool,
}

impl<R> Exact<R> {
    fn new(inner: R, size: Option<u64>) -> Self {
        Exact {
            inner,
            size,
            read: 0,
            failed: false,
        }
    }
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let result = match self.inner.read(buf) {
            Ok(0) if !buf.is_empty() && self.size.is_some_and(|size| self.read < size) => {
                Err(Stop::Failed(ErrorKind::Archive, "tar: truncated member".into()).into_io())
            }
            Ok(n) => {
                self.read += n as u64;
                return Ok(n);
            }
            Err(e) => Err(archive_failed(e, "tar")),
        };
        self.failed = true;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_names_drop_the_compression_extension() {
        assert_eq!(inner_name("dump/users.csv.gz", None), "dump/users.csv");
        assert_eq!(inner_name("x.TGZ", None), "x.tar");
        assert_eq!(inner_name("a.sql.zst", None), "a.sql");
        assert_eq!(inner_name("-", Some("users.csv".into())), "users.csv");
        assert_eq!(inner_name("blob", None), "blob");
        assert_eq!(inner_name(".gz", None), ".gz");
        assert_eq!(base_name(b"/tmp/dump/users.csv"), b"users.csv");
    }

    #[test]
    fn budget_stops_at_the_byte_limit_and_at_the_ratio() {
        let limits = Limits {
            max_decoded_bytes: 100,
            ..Limits::default()
        };
        let budget = Budget::new(&limits, 10);
        assert_eq!(budget.allow(60), Ok(60));
        budget.decoded.set(60);
        assert_eq!(budget.allow(60), Ok(40));
        budget.decoded.set(100);
        assert_eq!(budget.allow(1), Err(LIMIT_DECODED));
        // Sticky: everything after fails the same way.
        budget.decoded.set(0);
        assert_eq!(budget.allow(1), Err(LIMIT_DECODED));

        let limits = Limits {
            max_ratio: 10,
            ..Limits::default()
        };
        let budget = Budget::new(&limits, 1);
        budget.decoded.set(RATIO_GRACE);
        assert!(budget.allow(1).is_ok(), "the grace allows any ratio");
        budget.raw.set(RATIO_GRACE / 10 + 1);
        budget.decoded.set(RATIO_GRACE + 1);
        assert!(budget.allow(1).is_ok(), "within the ratio of bytes read");
        budget.decoded.set(RATIO_GRACE * 2);
        assert_eq!(budget.allow(1), Err(LIMIT_RATIO));
    }

    #[test]
    fn members_are_counted_against_the_limit() {
        let limits = Limits {
            max_members: 2,
            ..Limits::default()
        };
        let budget = Budget::new(&limits, 0);
        assert!(budget.member());
        assert!(budget.member());
        assert!(!budget.member());
    }

    #[test]
    fn peeked_replays_head_then_error_then_rest() {
        struct Failing(bool);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, false) {
                    Err(io::Error::from(io::ErrorKind::InvalidData))
                } else {
                    buf[0] = b'z';
                    Ok(1)
                }
            }
        }
        let mut source = io::Cursor::new(b"abc".to_vec()).chain(Failing(true));
        let mut peeked = Peeked::ahead(&mut source);
        assert_eq!(peeked.head, b"abc");
        let mut buf = [0u8; 8];
        assert_eq!(peeked.read(&mut buf).unwrap(), 3);
        assert_eq!(
            peeked.read(&mut buf).unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        assert_eq!(peeked.read(&mut buf).unwrap(), 1);
    }

    #[test]
    fn archive_errors_quote_nothing_from_the_input() {
        let quoting = io::Error::other("numeric field was not a number: asha@example.com");
        assert_eq!(
            stop_of(&archive_failed(quoting, "tar")),
            Stop::Failed(ErrorKind::Archive, "tar: corrupt archive".into())
        );
        let known = io::Error::other("archive header checksum mismatch");
        assert_eq!(
            stop_of(&archive_failed(known, "tar")),
            Stop::Failed(ErrorKind::Archive, "tar: header checksum mismatch".into())
        );
        let eof = io::Error::from(io::ErrorKind::UnexpectedEof);
        assert_eq!(
            stop_of(&archive_failed(eof, "zip")).to_string(),
            "zip: truncated archive"
        );
    }

    #[test]
    fn errors_keep_the_first_reason() {
        let limit = failed(
            Stop::Limit(LIMIT_RATIO).into_io(),
            ErrorKind::Decompress,
            "gzip",
        );
        assert_eq!(stop_of(&limit), Stop::Limit(LIMIT_RATIO));
        let eof = failed(
            io::Error::from(io::ErrorKind::UnexpectedEof),
            ErrorKind::Decompress,
            "gzip",
        );
        assert_eq!(
            stop_of(&eof),
            Stop::Failed(ErrorKind::Decompress, "gzip: unexpected end of file".into())
        );
    }
}

//! The scan: inputs → record-aligned chunks → detection on all cores → merge in input order.
//!
//! Inputs are walked in order. Each is opened (memory-mapped, or read as a stream in
//! windows), classified, and its layout sniffed; its body is cut into chunks at record
//! boundaries. Each chunk is handed to the rayon pool as soon as it is cut, and its result
//! merged once every chunk before it is ([`Pipeline`]), so findings and report do not depend
//! on chunk size, thread count or read path, and no core waits for the slowest chunk of a
//! batch or for the merge. Memory stays bounded: a few chunks per thread are in flight, and a
//! stream is read one window at a time.

use crate::aggregate::column::{self, Judge};
use crate::aggregate::{
    FieldStats, InputStats, InputStatus, InputSummary, ScanSummary, Skipped, Totals,
};
use crate::detect::contextual::dob;
use crate::detect::geo::{self, Axis, Pairing};
use crate::detect::memo::{FieldMemo, Memo};
use crate::detect::normalize::normalize;
use crate::detect::pattern::{PatternError, PatternSet};
use crate::detect::region;
use crate::detect::{trimmed, Detector, Hit};
use crate::error::{ErrorKind, InputError};
use crate::format::csv::EscapedCell;
use crate::format::{
    url, ChunkState, FieldHint, FieldRef, FieldSink, Format, Layout, Scratch, StoredAt, Value,
};
use crate::input::container::{self, Leaf, Limits, Peeked, Stop};
use crate::input::content::{self, Content, Encoding};
use crate::input::document::ocr::Ocr;
use crate::input::document::{self, DocError, Extracted};
use crate::input::mmap::{self, Data};
use crate::input::remote::{self, ObjectSpec, Objects, RemoteOptions};
use crate::input::utf16::{stored_len, StoredCursor, Utf16Reader};
use crate::input::{walk, Entry, InputSpec};
use crate::output::findings::{FieldPart, Finding, FindingsWriter, Lines, Room};
use crate::output::mask::mask;
use crate::part::{self, ByteRange};
use crate::signal::Interrupt;
use crate::types::{Basis, PiiType, Region};
use rustc_hash::FxHashMap;
use siphasher::sip::SipHasher13;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ffi::OsString;
use std::hash::Hasher;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::Instant;

/// Skip reason of an archive that holds no member.
pub const EMPTY: &str = "empty";

/// Skip reason of the inputs an interrupted scan did not start.
pub const INTERRUPTED: &str = "interrupted";

/// Default chunk size: large enough to amortise scheduling, small enough to balance cores.
pub const DEFAULT_CHUNK: usize = 2 << 20;

/// What to scan and how.
#[derive(Clone, Debug)]
pub struct ScanOptions {
    /// Files, directories, or `-` for standard input.
    pub paths: Vec<OsString>,
    /// A forced format (`None`: sniff each input).
    pub format: Option<Format>,
    /// Only these types (`None`: all).
    pub types: Option<Vec<PiiType>>,
    /// A directory of extra pattern files.
    pub patterns: Option<PathBuf>,
    /// Region for national numbers.
    pub region: Region,
    /// Read each input's region from its head ([`crate::detect::region::infer`]), `region`
    /// standing where it says nothing (the CLI sets it when `--region` is not given).
    pub infer_region: bool,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Put raw values in findings.
    pub reveal: bool,
    /// Where to write findings (`-` for stdout).
    pub findings: Option<String>,
    /// Target chunk size in bytes.
    pub chunk_size: usize,
    /// Memory-map regular files (off: read every input as a stream).
    pub mmap: bool,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Key material for the distinct sketches (`--sketch-key`); `None`: random per scan.
    pub sketch_key: Option<Vec<u8>>,
    /// How far compressed files and archives are read through.
    pub limits: Limits,
    /// Only the records that begin in this byte range of the one input (`--range`).
    pub range: Option<ByteRange>,
    /// The path the one input is reported as (`--input-name`, for standard input).
    pub input_name: Option<String>,
    /// Once raised (by SIGINT/SIGTERM), the scan stops: workers drop the chunk they are in at
    /// their next value, inputs not started are listed in `skipped` as `interrupted`, and
    /// the summary is marked incomplete.
    pub interrupt: Interrupt,
    /// How object-store URLs (`s3://...`) are reached.
    pub remote: RemoteOptions,
    /// Read text in images with Tesseract (`--ocr`; `None`: off).
    pub ocr: Option<Ocr>,
    /// Read text in at most this many images, the first in walk order (`--ocr-sample`).
    pub ocr_sample: Option<u64>,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            paths: Vec::new(),
            format: None,
            types: None,
            patterns: None,
            region: Region::IN,
            infer_region: false,
            threads: 0,
            reveal: false,
            findings: None,
            chunk_size: DEFAULT_CHUNK,
            mmap: true,
            progress: false,
            sketch_key: None,
            limits: Limits::default(),
            range: None,
            input_name: None,
            interrupt: Interrupt::new(),
            remote: RemoteOptions::default(),
            ocr: None,
            ocr_sample: None,
        }
    }
}

/// A scan that could not run or could not write its output.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// A pattern file is broken.
    #[error("patterns: {0}")]
    Patterns(#[from] PatternError),
    /// The findings file could not be written.
    #[error("findings: {0}")]
    Findings(std::io::Error),
    /// The worker threads could not be started.
    #[error("threads: {0}")]
    Threads(String),
    /// The options cannot be applied to the inputs given.
    #[error("{0}")]
    Usage(String),
    /// The scan was interrupted while reading an input (caught by [`run`], which returns
    /// the summary of what was scanned).
    #[error("interrupted")]
    Interrupted,
}

/// Runs a scan and returns its summary (findings are written as the scan goes).
pub fn run(opts: &ScanOptions) -> Result<ScanSummary, ScanError> {
    run_with(opts, None)
}

/// An extra consumer of what a scan sees, for commands built on the scanner (`digest`,
/// `scan --sketch`, `verify`): every value of every record, and every finding with its type
/// and normal form. Chunks run on all cores: each gets its own [`ChunkTap`] from
/// [`Tap::chunk`], and [`Tap::absorb`] takes them back one by one in input order, like the
/// report's counts, so what a tap builds does not depend on chunking or thread count.
pub trait Tap: Send + Sync {
    /// A fresh consumer for one chunk.
    fn chunk(&self) -> Box<dyn ChunkTap>;
    /// Takes back a chunk's consumer, in input order: `path` is its input as reported and
    /// `records_before` the records of that input in the chunks before it.
    fn absorb(&mut self, path: &str, records_before: u64, chunk: Box<dyn ChunkTap>);
}

/// What one chunk hands a [`Tap`]. Records are numbered from 1 within the chunk; a chunk
/// holds whole records, so a record's values all reach the same consumer.
pub trait ChunkTap: Send {
    /// A non-empty value of record `record`, in `field` (`None` where none can be told).
    fn value(&mut self, field: Option<&str>, record: u64, raw: &[u8]);
    /// A finding in the value just given: its type, the value as found, its normal form.
    fn hit(&mut self, field: Option<&str>, record: u64, ty: PiiType, raw: &[u8], normal: &[u8]);
    /// Record `record` ended.
    fn end_record(&mut self, record: u64);
    /// The consumer as `Any`, for its [`Tap`] to take its own type back.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}

/// Runs a scan like [`run`], handing every value and finding to `tap` as well.
pub fn run_with(opts: &ScanOptions, tap: Option<&mut dyn Tap>) -> Result<ScanSummary, ScanError> {
    let started = Instant::now();
    let mut set = PatternSet::builtin()?;
    if let Some(dir) = &opts.patterns {
        set.add_dir(dir)?;
    }
    if let Some(ocr) = &opts.ocr {
        ocr.check().map_err(ScanError::Usage)?;
    }
    let detector = Arc::new(Detector::new(&set, opts.types.as_deref(), opts.region));
    let key = match &opts.sketch_key {
        Some(material) => SketchKey::from_material(material),
        None => SketchKey::random(),
    };
    let writer = match &opts.findings {
        Some(target) => {
            Some(FindingsWriter::create(target, opts.reveal).map_err(ScanError::Findings)?)
        }
        None => None,
    };
    tune_allocator();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| ScanError::Threads(e.to_string()))?;
    let threads = pool.current_num_threads();
    let mut scan = Scanner {
        opts,
        regional: vec![detector.clone()],
        detector,
        key,
        tap: tap.map(|t| t as &mut dyn Tap),
        writer,
        pipe: Pipeline::new(threads),
        summary: ScanSummary {
            complete: true,
            sketch_key_fingerprint: key.fingerprint(),
            patterns_fingerprint: set.fingerprint(opts.types.as_deref()),
            ..ScanSummary::default()
        },
        progress: opts.progress.then(progress_bar),
        mapped: Vec::new(),
        judge: None,
        ahead: Ahead::default(),
        ocr_tickets: 0,
        read_logs: HashSet::new(),
        held_sqlite: None,
    };
    let (entries, mut objects) = remote::walk(&opts.paths, &opts.remote);
    if (opts.range.is_some() || opts.input_name.is_some()) && entries.len() != 1 {
        return Err(ScanError::Usage(
            "--range and --input-name apply to exactly one input".into(),
        ));
    }
    // Documents among the next inputs are opened and extracted on the pool ahead of the walk.
    let lookahead = match threads {
        1 => 0,
        _ if opts.mmap && opts.range.is_none() && opts.input_name.is_none() => threads * 8,
        _ => 0,
    };
    pool.install(|| {
        for (at, entry) in entries.iter().enumerate() {
            scan.look_ahead(&entries, at, lookahead);
            match entry.clone() {
                Entry::Input(spec) if opts.interrupt.is_raised() => scan.not_started(&spec),
                Entry::Input(mut spec) => {
                    if let Some(name) = &opts.input_name {
                        spec.display = name.clone();
                    }
                    let ahead = scan.ahead.opened.remove(&at);
                    match scan.input(&spec, ahead) {
                        Err(ScanError::Interrupted) => {}
                        result => result?,
                    }
                }
                Entry::Object(mut object) => {
                    if let Some(name) = &opts.input_name {
                        object.display = name.clone();
                    }
                    scan.object(&object, &mut objects)?
                }
                Entry::Skipped(s) => scan.summary.skipped.push(s),
                Entry::Error(e) => scan.summary.errors.push(e),
            }
        }
        scan.flush()?;
        scan.settle()
    })?;
    scan.faulted_maps();
    if let Some(writer) = scan.writer.take() {
        writer.finish().map_err(ScanError::Findings)?;
    }
    if let Some(bar) = &scan.progress {
        bar.finish_and_clear();
    }
    let mut summary = scan.summary;
    let mut totals = Totals::default();
    for input in &summary.inputs {
        totals.add_input(&input.stats);
    }
    summary.totals = totals;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.complete = !opts.interrupt.is_raised();
    Ok(summary)
}

/// Sets glibc's allocator up for a scan, before the pool's threads start:
/// - Every allocation of 4 MB or more (stream windows are 16 MB) is mapped, and unmapped when
///   freed. Windows are freed by whichever pool thread scans their last chunk; with its
///   default, glibc raises the threshold past them once one is freed and then keeps freed
///   windows resident in its heap: 73 MB peak against 43 MB for 200 MB through a pipe (the
///   test `containers::memory_stays_bounded_through_a_pipe`).
/// - Every thread allocates from one arena. By default each pool thread gets its own, and
///   each arena keeps its own freed pages: on 2 threads the peak grew from 8.1 MB at 1 GB to
///   11.1 MB at 8 GB, against 7.0–7.7 MB at both with one arena. A scan allocates about 120
///   times a MB of input (callgrind: d20 less d5), as workers reuse their scratch, so threads
///   seldom meet on the arena's lock.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets allocator parameters, which glibc reads under its lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// The key distinct sketches hash values with: random per scan, so a report alone cannot
/// confirm whether a known value is in it. It holds the SipHash-1-3 state the key sets up,
/// so a value's hash starts from it rather than from the key.
#[derive(Clone, Copy, Debug)]
struct SketchKey(SipHasher13);

impl SketchKey {
    fn random() -> SketchKey {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).expect("the OS random source is available");
        SketchKey(SipHasher13::new_with_key(&bytes))
    }

    /// A key derived from key material (the contents of a `--sketch-key` file).
    fn from_material(material: &[u8]) -> SketchKey {
        let derive = |label: u64| {
            let mut h = SipHasher13::new_with_keys(label, !label);
            h.write(material);
            h.finish()
        };
        SketchKey(SipHasher13::new_with_keys(
            derive(0x6c65616b7363616e),
            derive(0x736b657463686b79),
        ))
    }

    /// The keyed SipHash-1-3 of `bytes`, in one pass (what writing them to a fresh hasher
    /// and finishing gives).
    fn hash(&self, bytes: &[u8]) -> u64 {
        self.0.hash(bytes)
    }

    fn fingerprint(&self) -> String {
        format!("{:016x}", self.hash(b"leakscan sketch key fingerprint"))
    }
}

fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {bytes} scanned, {bytes_per_sec}, {elapsed} {msg}",
        )
        .expect("static progress template"),
    );
    bar
}

/// Bytes shared by the chunks of one window.
type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// One chunk to scan.
struct Unit {
    /// Index into the summary's `inputs`.
    input: usize,
    layout: Arc<Layout>,
    data: Bytes,
    range: Range<usize>,
    /// Absolute offset of `data[0]` in the input.
    base: u64,
    /// The tokeniser's state at the chunk's start.
    state: ChunkState,
    /// For text transcoded from UTF-16: where the chunk starts in the stored bytes, and how
    /// many stored bytes it covers (findings are mapped back to them).
    stored: Option<(u64, u64)>,
    /// For a document: its extracted text (`data` is that text) and the records of the chunk.
    doc: Option<(Arc<Extracted>, Range<usize>)>,
}

/// Text being transcoded from UTF-16.
struct Utf16<'c> {
    encoding: Encoding,
    /// Length of its byte-order mark.
    bom: u64,
    /// Stored bytes read so far.
    consumed: &'c Cell<u64>,
}

/// What one chunk yields.
struct ChunkOut {
    stats: InputStats,
    /// Its findings' lines, when findings are written.
    lines: Lines,
    tap: Option<Box<dyn ChunkTap>>,
    /// The scan was interrupted before the chunk was done: its results are dropped.
    interrupted: bool,
    /// Per finding: the chunk's value it is in, and what its field's verdict may do to it.
    tags: Vec<Tag>,
    /// The first [`column::SAMPLE`] values of each field of the chunk.
    marks: Vec<Mark>,
}

/// What the whole-column judgement needs to know of a finding.
#[derive(Clone, Copy)]
struct Tag {
    /// Its type.
    ty: PiiType,
    /// The value it is in (numbered within the chunk).
    seq: u32,
    /// Its field (an index into the chunk's fields).
    slot: u32,
    /// For a whole value of a judged type: whether it is tentative.
    judged: Option<bool>,
}

/// One of the first values of a field in a chunk, for the whole-column judgement.
#[derive(Clone, Copy)]
struct Mark {
    seq: u32,
    slot: u32,
    /// [`column::shape_bits`] of the value.
    shape: u8,
    /// Judged types the whole value is.
    valid: u8,
    /// [`column::value_hash`] of the value.
    value: u32,
}

/// A finding the merge hands the whole-column judgement, to be written if kept: line `index`
/// of a chunk's lines, whose records are numbered after `before` records of its input.
struct LineRef {
    lines: Arc<Lines>,
    index: usize,
    before: u64,
}

impl LineRef {
    /// Writes the line.
    fn write(&self, writer: &mut FindingsWriter) -> std::io::Result<()> {
        writer.write(&self.lines, self.index, self.before)
    }
}

/// Per-thread scratch, reused across chunks.
#[derive(Default)]
struct Worker {
    scratch: Scratch,
    memo: Memo,
    hits: Vec<Hit>,
    norm: Vec<u8>,
    /// The room the findings' lines of the last chunk took.
    room: Room,
}

thread_local! {
    /// The scratch of the pool thread a chunk runs on.
    static WORKER: RefCell<Worker> = RefCell::default();
}

/// Chunks handed to the pool and not merged yet, in input order.
///
/// Each chunk is spawned on the pool as soon as it is cut; a pool thread that finishes one
/// takes the next, and sends the result back tagged with the chunk's number. The walk merges
/// results in order as they come in, between cutting chunks, so no thread waits at the end of
/// a batch for its slowest chunk, and the merge runs while the pool scans. The walk waits only
/// when `max_units` chunks are pending (which bounds memory: the windows they hold, the
/// results held back behind a slower chunk); it then scans a chunk no thread has started, or,
/// with none left, sleeps until the next result comes in.
struct Pipeline {
    /// Cloned into every chunk's task.
    sender: mpsc::Sender<(u64, std::thread::Result<ChunkOut>)>,
    /// Results as they come in: the chunk's number and what it yielded (or its panic).
    results: mpsc::Receiver<(u64, std::thread::Result<ChunkOut>)>,
    /// The number of the chunk at the head of `pending`.
    head: u64,
    /// Chunks spawned and not merged, in order.
    pending: VecDeque<Pending>,
    /// Decoded bytes of the chunks in `pending`.
    bytes: usize,
    /// Most chunks pending at once (a few a thread).
    max_units: usize,
    /// Most windows of a stream with chunks pending while the next one is read (a window a
    /// four threads): what bounds a stream's memory.
    windows: usize,
    /// A chunk was dropped by an interrupt: it and every chunk after it count as not
    /// scanned, so what is kept of each input is a prefix (and record numbers stay right).
    cut: bool,
}

/// A chunk spawned and not merged: what the merge needs of it, and its result once in.
struct Pending {
    /// Index into the summary's `inputs`.
    input: usize,
    /// Its decoded bytes.
    len: usize,
    /// Its bytes as stored (decoded, but for text transcoded from UTF-16).
    stored: u64,
    out: Option<ChunkOut>,
}

impl Pipeline {
    fn new(threads: usize) -> Pipeline {
        let (sender, results) = mpsc::channel();
        Pipeline {
            sender,
            results,
            head: 0,
            pending: VecDeque::new(),
            bytes: 0,
            max_units: threads * 4,
            windows: threads.div_ceil(4),
            cut: false,
        }
    }

    /// Whether a chunk can be spawned without passing the bounds (one always can when none
    /// is pending, however large).
    fn has_room(&self) -> bool {
        self.pending.len() < self.max_units && self.bytes < MAX_PENDING_BYTES
    }

    /// Files a result in from the channel; a chunk's panic goes on in the walk's thread.
    fn file(&mut self, (number, out): (u64, std::thread::Result<ChunkOut>)) {
        let out = out.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let at = usize::try_from(number - self.head).expect("a pending chunk");
        self.pending[at].out = Some(out);
    }

    /// The head chunk and its result, if it is in.
    fn pop_ready(&mut self) -> Option<(Pending, ChunkOut)> {
        let out = self.pending.front_mut()?.out.take()?;
        let done = self.pending.pop_front()?;
        self.head += 1;
        self.bytes -= done.len;
        Some((done, out))
    }
}

struct Scanner<'a> {
    opts: &'a ScanOptions,
    /// The detectors of the input being started, and of the chunks spawned now.
    detector: Arc<Detector>,
    /// The detectors made so far, one per region (the first under `opts.region`).
    regional: Vec<Arc<Detector>>,
    key: SketchKey,
    tap: Option<&'a mut dyn Tap>,
    writer: Option<FindingsWriter>,
    /// Chunks being scanned and their results waiting for the merge.
    pipe: Pipeline,
    summary: ScanSummary,
    progress: Option<indicatif::ProgressBar>,
    /// Memory-mapped inputs that may still fault (their chunks queued), or faulted: the
    /// reported path, the file, and the flag the SIGBUS guard sets.
    mapped: Vec<(String, PathBuf, Arc<AtomicBool>)>,
    /// The whole-column judgement of the input being merged.
    judge: Option<(usize, Judge<LineRef>)>,
    /// Inputs opened ahead of the walk, documents among them being extracted.
    ahead: Ahead,
    /// Images given to OCR so far (`--ocr-sample` counts them), in walk order.
    ocr_tickets: u64,
    /// SQLite write-ahead logs (their display paths) read with the database beside them
    /// ([`Scanner::sqlite_with_log`]).
    read_logs: HashSet<String>,
    /// A SQLite database or write-ahead log read from a container, held until the next
    /// member says whether it is the other half ([`Scanner::pair_sqlite`]).
    held_sqlite: Option<HeldSqlite>,
}

/// Why a SQLite write-ahead log is skipped: it was `applied` to its database (read with it),
/// or it is not read at all.
fn log_reason(applied: bool) -> &'static str {
    match applied {
        true => "read_with:sqlite",
        false => "unsupported:sqlite_wal",
    }
}

/// Half of a SQLite database and its write-ahead log, met as a container's member: the
/// two come as neighbours, in either order (`tar` packs a folder in directory order).
enum HeldSqlite {
    Database(Member),
    Log(Member),
}

/// A container's member, its bytes read whole.
struct Member {
    path: String,
    name: String,
    bytes_on_disk: u64,
    data: Vec<u8>,
}

impl Member {
    /// Reads the member `leaf` whole from `reader`, up to the document limit; `Err` with
    /// what was read when it is longer, or a read fails (to be read as before).
    fn read(leaf: &Leaf<'_>, reader: &mut dyn Read) -> Result<Member, Vec<u8>> {
        let mut data = Vec::new();
        let limit = document::MAX_DOCUMENT_BYTES;
        match reader.take(limit).read_to_end(&mut data) {
            Ok(_) if (data.len() as u64) < limit => Ok(Member {
                path: leaf.path.to_string(),
                name: leaf.name.to_string(),
                bytes_on_disk: leaf.bytes_on_disk,
                data,
            }),
            _ => Err(data),
        }
    }
}

/// Inputs opened ahead of the walk, so that documents are extracted on the pool in parallel
/// while earlier inputs are scanned. Only regular files given as entries (not members of
/// archives, not objects of a store) are opened ahead; what they yield is what opening them
/// in turn would, so findings and report do not change.
#[derive(Default)]
struct Ahead {
    /// By entry index: the opened file, and the extraction of a document.
    opened: HashMap<usize, Opened>,
    /// The next entry to look at.
    next: usize,
    /// Entries looked at whose OCR turn is not yet taken (an archive, an object, an image
    /// left to its turn): later images cannot take theirs before them.
    pending: Vec<usize>,
}

/// An input opened ahead of the walk.
struct Opened {
    /// What opening it gave.
    opened: Result<mmap::Opened, InputError>,
    /// The extraction of a document, started.
    job: Option<Arc<Extraction>>,
}

/// The extraction of one document, run by whichever thread gets to it first: a pool thread
/// it was spawned on, or the walk when it needs the result before.
struct Extraction {
    /// Where it stands.
    state: Mutex<Job>,
    /// Signalled once it is done.
    done: Condvar,
    /// Whether it reads the image's text: `None` when that is decided in the walk's turn.
    ocr: Option<bool>,
}

enum Job {
    /// Not started: the document's kind, bytes, and how images are read.
    Ready(document::Kind, Bytes, Option<Ocr>),
    /// Being extracted.
    Running,
    /// Extracted.
    Done(Result<Option<Extracted>, DocError>),
    /// Its result handed over.
    Taken,
}

impl Extraction {
    /// Its state, locked (extraction catches panics: a poisoned lock still holds a state).
    fn state(&self) -> std::sync::MutexGuard<'_, Job> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Extracts the document unless it is started already; whether it did. The state is
    /// looked at and set under one lock: put back under a second one, a `Done` written
    /// between the two would be overwritten with `Running`, and the walk would wait forever.
    fn run(&self) -> bool {
        let (kind, bytes, ocr) = {
            let mut state = self.state();
            match std::mem::replace(&mut *state, Job::Running) {
                Job::Ready(kind, bytes, ocr) => (kind, bytes, ocr),
                other => {
                    *state = other;
                    return false;
                }
            }
        };
        let result = document::extract_with(kind, (*bytes).as_ref(), ocr.as_ref());
        *self.state() = Job::Done(result);
        self.done.notify_all();
        true
    }

    /// The extraction's result, extracting here if no thread started it. While another
    /// thread extracts it, `help` is called to extract others (false: none left), then the
    /// walk waits.
    fn result(&self, mut help: impl FnMut() -> bool) -> Result<Option<Extracted>, DocError> {
        self.run();
        let mut state = self.state();
        while matches!(*state, Job::Running) {
            drop(state);
            let helped = help();
            state = self.state();
            if !helped && matches!(*state, Job::Running) {
                state = self
                    .done
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
        match std::mem::replace(&mut *state, Job::Taken) {
            Job::Done(result) => result,
            _ => Err(DocError::new("document", "extracted twice")),
        }
    }
}

/// Shared bytes as a [`mmap::Data::Whole`].
struct Shared(Bytes);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

/// How much a stream reads at a time.
const WINDOW: usize = 16 << 20;
/// Most decoded bytes of pending chunks (more only for a single chunk that large).
const MAX_PENDING_BYTES: usize = 256 << 20;
/// Bytes of extracted text in each part of a database read in place
/// ([`Scanner::sqlite_in_place`]).
const PART_TEXT: usize = 16 << 20;

impl Scanner<'_> {
    /// Opens one input and queues its chunks (those of every member of a container). An
    /// archive without members is listed in `skipped` as `empty`, so that every input given
    /// is accounted for.
    fn input(&mut self, spec: &InputSpec, ahead: Option<Opened>) -> Result<(), ScanError> {
        let listed = |s: &ScanSummary| s.inputs.len() + s.skipped.len() + s.errors.len();
        let before = listed(&self.summary);
        let result = self.open_input(spec, ahead);
        if result.is_ok() && listed(&self.summary) == before {
            self.summary.skipped.push(Skipped {
                path: spec.display.clone(),
                reason: EMPTY.to_string(),
                bytes: 0,
            });
        }
        result
    }

    /// The bytes `data` of the SQLite database at `path` (reported as `display`) with the
    /// write-ahead log beside it on disk applied ([`document::sqlite::with_wal_beside`]), the
    /// log noted as read with it; `None` when there is none to apply (or the database is past
    /// the document limit).
    fn sqlite_with_log(&mut self, path: &Path, display: &str, data: &[u8]) -> Option<Vec<u8>> {
        if data.len() as u64 > document::MAX_DOCUMENT_BYTES {
            return None;
        }
        let merged = document::sqlite::with_wal_beside(path, data)?;
        let log = format!("{display}{}", document::sqlite::WAL_SUFFIX);
        self.read_logs.insert(log);
        Some(merged)
    }

    /// Opens one input (or takes it opened ahead) and queues its chunks.
    fn open_input(&mut self, spec: &InputSpec, ahead: Option<Opened>) -> Result<(), ScanError> {
        let (opened, job) = match ahead {
            Some(ahead) => (ahead.opened, ahead.job),
            None => (mmap::open(spec, self.opts.mmap), None),
        };
        let opened = match opened {
            Ok(opened) => opened,
            Err(e) => {
                self.summary.errors.push(e);
                return Ok(());
            }
        };
        let limits = self.opts.limits;
        if let (Some(flag), Some(path)) = (&opened.truncated, &spec.path) {
            self.mapped
                .push((spec.display.clone(), path.clone(), Arc::clone(flag)));
        }
        match opened.data {
            Data::Whole(bytes) => {
                let data = (*bytes).as_ref();
                let head = &data[..data.len().min(content::HEAD_LEN)];
                let leaf = Leaf {
                    path: &spec.display,
                    name: &spec.display,
                    bytes_on_disk: opened.bytes_on_disk,
                };
                if let Some(kind) = document::sniff(&spec.display, head) {
                    if self.document(&leaf, kind, data, job, spec.path.as_deref())? {
                        return Ok(());
                    }
                }
                if container::is_container(head) {
                    container::read_whole(&spec.display, data, &limits, self)?;
                    return self.release_sqlite();
                }
                if matches!(
                    content::classify(head),
                    Content::Text(Encoding::Utf16Le | Encoding::Utf16Be)
                ) {
                    // Transcoded as it is read, window by window, like a stream.
                    return self.stream(&leaf, &mut &data[..]);
                }
                let bytes: Bytes = Arc::from(bytes);
                self.whole(spec, bytes, opened.bytes_on_disk)
            }
            Data::Stream(_) if self.opts.range.is_some() => Err(ScanError::Usage(format!(
                "{}: --range needs a regular file that can be memory-mapped (not standard \
                 input, a pipe, a compressed file or --no-mmap)",
                spec.display
            ))),
            Data::Stream(mut reader) => {
                let path = spec.path.as_deref();
                self.top_stream(&spec.display, path, &mut reader, opened.bytes_on_disk)
            }
        }
    }

    /// Reads a top-level input given as a stream (a file not mapped, standard input, an
    /// object of a store): a document is extracted, anything else read through as a
    /// container or text. `path`: where the input is on disk, if it is a file there (a
    /// database's write-ahead log beside it is read with it).
    fn top_stream(
        &mut self,
        display: &str,
        path: Option<&Path>,
        reader: &mut dyn Read,
        bytes_on_disk: u64,
    ) -> Result<(), ScanError> {
        let limits = self.opts.limits;
        let mut source = Peeked::ahead(reader);
        if let Some(kind) = document::sniff(display, source.head()) {
            let leaf = Leaf {
                path: display,
                name: display,
                bytes_on_disk,
            };
            if let Some(rest) = self.document_stream(&leaf, path, kind, &mut source)? {
                // Not a document after all: read the bytes read and the rest as before.
                let mut chained = std::io::Cursor::new(rest).chain(source);
                container::read_stream(display, &mut chained, bytes_on_disk, &limits, self)?;
                return self.release_sqlite();
            }
            return Ok(());
        }
        container::read_stream(display, &mut source, bytes_on_disk, &limits, self)?;
        self.release_sqlite()
    }

    /// A container's member `leaf`, when it is half of a SQLite database and its write-ahead
    /// log ([`HeldSqlite`]): paired with the half held before it, or held itself until the
    /// next member (a half held before that is not its pair is read first). Returns the
    /// reader back when the member is no such half, to be read as any other.
    fn pair_sqlite<'r>(
        &mut self,
        leaf: &Leaf<'_>,
        reader: &'r mut dyn Read,
    ) -> Result<Option<Peeked<'r>>, ScanError> {
        let log_of =
            |db: &str, log: &str| log.strip_suffix(document::sqlite::WAL_SUFFIX) == Some(db);
        let mut source = Peeked::ahead(reader);
        let database = document::sniff(leaf.name, source.head()) == Some(document::Kind::Sqlite);
        // A log read with its database from disk already is skipped as any input is.
        let log = content::classify(source.head()) == Content::Document("sqlite_wal")
            && !self.read_logs.contains(leaf.path);
        match self.held_sqlite.take() {
            Some(HeldSqlite::Database(db)) if log && log_of(&db.path, leaf.path) => {
                let log = match Member::read(leaf, &mut source) {
                    Ok(log) => log,
                    Err(read) => {
                        // Too long a log: read the database as it stands.
                        let (rest, _) = container::drain(&mut source);
                        let bytes = read.len() as u64 + rest;
                        self.skip_log(leaf.path, bytes, false);
                        return self.read_sqlite(db, None).map(|()| None);
                    }
                };
                return self.read_sqlite(db, Some(log)).map(|()| None);
            }
            Some(HeldSqlite::Log(log)) if database && log_of(leaf.path, &log.path) => {
                return match Member::read(leaf, &mut source) {
                    Ok(db) => self.read_sqlite(db, Some(log)).map(|()| None),
                    Err(read) => {
                        self.skip_log(&log.path, log.data.len() as u64, false);
                        let mut chained = std::io::Cursor::new(read).chain(source);
                        self.stream(leaf, &mut chained).map(|()| None)
                    }
                };
            }
            held => {
                self.held_sqlite = held;
                self.release_sqlite()?;
            }
        }
        if !(database || log) {
            return Ok(Some(source));
        }
        match Member::read(leaf, &mut source) {
            Ok(member) if database => self.held_sqlite = Some(HeldSqlite::Database(member)),
            Ok(member) => self.held_sqlite = Some(HeldSqlite::Log(member)),
            Err(read) => {
                let mut chained = std::io::Cursor::new(read).chain(source);
                self.stream(leaf, &mut chained)?;
            }
        }
        Ok(None)
    }

    /// Reads the half of a SQLite pair held from a container with nothing to pair it with:
    /// a database as it stands, a log not at all.
    fn release_sqlite(&mut self) -> Result<(), ScanError> {
        match self.held_sqlite.take() {
            None => Ok(()),
            Some(HeldSqlite::Database(db)) => self.read_sqlite(db, None),
            Some(HeldSqlite::Log(log)) => {
                self.skip_log(&log.path, log.data.len() as u64, false);
                Ok(())
            }
        }
    }

    /// Skips a write-ahead log member: `read_with:sqlite` when it was `applied` to its
    /// database, else `unsupported:sqlite_wal`.
    fn skip_log(&mut self, path: &str, bytes: u64, applied: bool) {
        self.summary.skipped.push(Skipped {
            path: path.to_string(),
            reason: log_reason(applied).to_string(),
            bytes,
        });
    }

    /// Reads the database `db` of a container with its write-ahead log `log` applied, when
    /// it is one of this database's (the log is skipped either way, [`Scanner::skip_log`]).
    fn read_sqlite(&mut self, db: Member, log: Option<Member>) -> Result<(), ScanError> {
        let merged = log
            .as_ref()
            .and_then(|log| document::sqlite::wal::apply(&db.data, &log.data));
        if let Some(log) = &log {
            self.skip_log(&log.path, log.data.len() as u64, merged.is_some());
        }
        let leaf = Leaf {
            path: &db.path,
            name: &db.name,
            bytes_on_disk: db.bytes_on_disk,
        };
        let data = merged.as_deref().unwrap_or(&db.data);
        self.document(&leaf, document::Kind::Sqlite, data, None, None)
            .map(|_| ())
    }

    /// Whether the text of a `kind` document is read with OCR, taking its turn: with `--ocr`,
    /// an image of a format it reads, within `--ocr-sample` images in walk order.
    fn ocr_turn(&mut self, kind: document::Kind) -> bool {
        let within = self.opts.ocr_sample.is_none_or(|n| self.ocr_tickets < n);
        let turn = self.opts.ocr.is_some() && document::ocr_reads(kind) && within;
        self.ocr_tickets += u64::from(turn);
        turn
    }

    /// Opens the regular files among the `window` entries after `at` ahead of the walk, and
    /// starts extracting the documents among them on the pool. An image takes its OCR turn
    /// here only when every entry before it, from `at` on, has taken its own: the turns are
    /// those of the walk.
    fn look_ahead(&mut self, entries: &[Entry], at: usize, window: usize) {
        self.ahead.pending.retain(|&entry| entry >= at);
        self.ahead.next = self.ahead.next.max(at);
        while self.ahead.next < entries.len().min(at + window) {
            let index = self.ahead.next;
            self.ahead.next += 1;
            let spec = match &entries[index] {
                Entry::Input(spec) if spec.path.is_some() => spec,
                Entry::Skipped(_) | Entry::Error(_) => continue,
                _ => {
                    self.ahead.pending.push(index);
                    continue;
                }
            };
            let regular = spec
                .path
                .as_ref()
                .and_then(|path| std::fs::metadata(path).ok())
                .is_some_and(|meta| meta.is_file());
            if !regular {
                // A FIFO or a device is read once, in turn.
                self.ahead.pending.push(index);
                continue;
            }
            let (bytes, bytes_on_disk, truncated) = match mmap::open(spec, true) {
                Ok(mmap::Opened {
                    data: Data::Whole(bytes),
                    bytes_on_disk,
                    truncated,
                }) => (bytes, bytes_on_disk, truncated),
                opened => {
                    if opened.is_ok() {
                        // A stream is read in turn, like any other.
                        self.ahead.pending.push(index);
                    }
                    self.ahead
                        .opened
                        .insert(index, Opened { opened, job: None });
                    continue;
                }
            };
            let mapped: &[u8] = (*bytes).as_ref();
            let kind = document::sniff(
                &spec.display,
                &mapped[..mapped.len().min(content::HEAD_LEN)],
            );
            // A database is extracted with the write-ahead log beside it applied.
            let merged = match (kind, spec.path.as_deref()) {
                (Some(document::Kind::Sqlite), Some(path)) => {
                    self.sqlite_with_log(path, &spec.display, mapped)
                }
                _ => None,
            };
            let bytes: Bytes = match merged {
                Some(merged) => Arc::new(merged),
                None => Arc::from(bytes),
            };
            let data = (*bytes).as_ref();
            let head = &data[..data.len().min(content::HEAD_LEN)];
            let fits = data.len() as u64 <= document::MAX_DOCUMENT_BYTES;
            let job = match kind {
                Some(kind) if fits => {
                    let ocr = match self.ahead.pending.is_empty() {
                        true => Some(self.ocr_turn(kind)),
                        false if document::ocr_reads(kind) && self.opts.ocr.is_some() => None,
                        false => Some(false),
                    };
                    let reader = self.opts.ocr.clone().filter(|_| ocr == Some(true));
                    let job = Arc::new(Extraction {
                        state: Mutex::new(Job::Ready(kind, bytes.clone(), reader)),
                        done: Condvar::new(),
                        ocr,
                    });
                    let run = Arc::clone(&job);
                    rayon::spawn(move || {
                        run.run();
                    });
                    Some(job)
                }
                _ => None,
            };
            // Office files may be archives after all, and archives may hold images.
            let settled = match kind {
                Some(document::Kind::Office) => false,
                Some(_) => job.as_ref().is_none_or(|job| job.ocr.is_some()),
                None => !container::is_container(head),
            };
            if !settled {
                self.ahead.pending.push(index);
            }
            let opened = Ok(mmap::Opened {
                data: Data::Whole(Box::new(Shared(bytes))),
                bytes_on_disk,
                truncated,
            });
            self.ahead.opened.insert(index, Opened { opened, job });
        }
    }

    /// Reports the maps the SIGBUS guard saw fault (files truncated while mapped), once all
    /// their chunks are scanned: each input read from such a file is `partial`, with an error
    /// at the file's new size (the bytes past it were read as zeros).
    fn faulted_maps(&mut self) {
        for (display, path, flag) in std::mem::take(&mut self.mapped) {
            if !flag.load(Ordering::Acquire) {
                continue;
            }
            let member = format!("{display}!");
            for input in &mut self.summary.inputs {
                if input.path == display || input.path.starts_with(&member) {
                    input.status = InputStatus::Partial;
                }
            }
            let size = std::fs::metadata(&path).map_or(0, |meta| meta.len());
            self.summary.errors.push(
                InputError::new(
                    display,
                    crate::error::ErrorKind::Mmap,
                    "truncated while being read (bytes past this offset read as zeros)",
                )
                .at(size),
            );
        }
    }

    /// Lists an input the scan was interrupted before: in `skipped` as `interrupted`, with
    /// its size as stored (what it decodes to is not known without reading it).
    fn not_started(&mut self, spec: &InputSpec) {
        let bytes = spec
            .path
            .as_ref()
            .and_then(|path| std::fs::metadata(path).ok())
            .map_or(0, |meta| meta.len());
        self.summary.skipped.push(Skipped {
            path: spec.display.clone(),
            reason: INTERRUPTED.to_string(),
            bytes,
        });
    }

    /// Reads one object of an object-store URL as a stream, as standard input is read.
    fn object(&mut self, object: &ObjectSpec, objects: &mut Objects) -> Result<(), ScanError> {
        if self.opts.range.is_some() {
            return Err(ScanError::Usage(format!(
                "{}: --range needs a local file (not an object-store URL)",
                object.display
            )));
        }
        let mut reader = objects.open(object);
        self.top_stream(&object.display, None, &mut reader, object.size)
    }

    /// Starts an input after classifying its first bytes; `None` when it is skipped.
    /// `path` is its reported name, `name` the name its format is sniffed from.
    fn start(
        &mut self,
        path: &str,
        name: &str,
        head: &[u8],
        total: u64,
        on_disk: u64,
        transcoded_from: Option<Encoding>,
    ) -> Option<(usize, Arc<Layout>)> {
        let content = content::classify(&head[..head.len().min(content::HEAD_LEN)]);
        let reason = match content {
            _ if crate::format::bson::is_metadata(name) => {
                Some(crate::format::bson::METADATA_REASON.to_string())
            }
            Content::Text(Encoding::Utf8 | Encoding::Utf8Bom) | Content::Bson => None,
            // A `.bson` file (or `--format bson`) that does not look like BSON is read as
            // BSON all the same: its corruption is reported where it is.
            Content::Binary
                if Layout::sniff(name, b"", self.opts.format).format == Format::Bson =>
            {
                None
            }
            Content::Text(enc) => Some(format!("unsupported_encoding:{}", enc.name())),
            // Containers not read through (7z, rar; the others never reach here).
            Content::Container(kind) => Some(format!("unsupported:{kind}")),
            Content::Document(kind) => Some(match kind {
                "jpeg" | "png" | "gif" | "webp" | "tiff" | "heic" => "unsupported:image".into(),
                "sqlite_wal" => log_reason(self.read_logs.contains(path)).into(),
                "mp4" | "elf" => "binary".to_string(),
                other => format!("unsupported:{other}"),
            }),
            Content::Binary => Some("binary".to_string()),
        };
        if let Some(reason) = reason {
            // Every part of a skipped input sees the same head: the part at offset 0 says so.
            if !matches!(self.opts.range, Some(r) if r.start > 0) {
                self.summary.skipped.push(Skipped {
                    path: path.to_string(),
                    reason,
                    bytes: total,
                });
            }
            return None;
        }
        let encoding = match transcoded_from {
            Some(encoding) => encoding.name(),
            None if head.starts_with(b"\xEF\xBB\xBF") => "utf-8-bom",
            None => "utf-8",
        };
        let layout = Arc::new(Layout::sniff(name, head, self.opts.format));
        self.use_region_of(head);
        self.summary.inputs.push(InputSummary {
            path: path.to_string(),
            format: layout.format.name(),
            encoding,
            region: self.detector.region().as_str().to_string(),
            bytes_on_disk: on_disk,
            bytes_decoded: 0,
            range: None,
            status: InputStatus::Ok,
            stats: InputStats {
                // The byte-order mark and a CSV header are read, not skipped.
                bytes_scanned: layout.body_start as u64,
                ..InputStats::default()
            },
            content: None,
        });
        Some((self.summary.inputs.len() - 1, layout))
    }

    /// A memory-mapped (or small, read whole) input.
    fn whole(&mut self, spec: &InputSpec, bytes: Bytes, on_disk: u64) -> Result<(), ScanError> {
        let data = (*bytes).as_ref();
        let total = data.len() as u64;
        let path = &spec.display;
        let Some((input, layout)) = self.start(path, path, data, total, on_disk, None) else {
            return Ok(());
        };
        let (records, state) = match self.opts.range {
            None => {
                self.summary.inputs[input].bytes_decoded = total;
                (
                    layout.body_start.min(data.len())..data.len(),
                    ChunkState::Start,
                )
            }
            Some(range) => {
                if on_disk != total {
                    return Err(ScanError::Usage(format!(
                        "{}: --range needs an uncompressed file (a compressed input is one part)",
                        spec.display
                    )));
                }
                let part = part::span(&layout, data, range);
                let summary = &mut self.summary.inputs[input];
                summary.range = Some(range);
                summary.bytes_decoded = part.bytes.len() as u64;
                summary.stats.bytes_scanned = (part.records.start - part.bytes.start) as u64;
                (part.records, part.state)
            }
        };
        // Edges are cut a window at a time, so the pool scans the first chunks while the walk
        // cuts the next (a window grows while no record ends in it).
        let (mut from, to) = (records.start, records.end);
        let mut state = state;
        let mut window = WINDOW;
        while from < to {
            let end = to.min(from.saturating_add(window));
            let chunk = self.opts.chunk_size;
            let edges = layout.chunk_edges(&data[from..end], chunk, end == to, &state);
            let stop = stop_at(&edges).map(|(stop, message)| (from + stop, message.to_string()));
            if let Some((at, message)) = &stop {
                self.corrupt(path, input, *at as u64, (to - at) as u64, message);
            }
            for pair in edges.windows(2) {
                self.queue(Unit {
                    input,
                    layout: layout.clone(),
                    data: bytes.clone(),
                    range: from + pair[0].at..from + pair[1].at,
                    base: 0,
                    state: pair[0].state.clone(),
                    stored: None,
                    doc: None,
                })?;
            }
            match edges.last() {
                _ if stop.is_some() => break,
                Some(last) if last.at > 0 => {
                    from += last.at;
                    state = last.state.clone();
                    window = WINDOW;
                }
                _ => window = window.saturating_mul(2),
            }
        }
        Ok(())
    }

    /// A stream (a leaf of a container, standard input, a file not mapped, UTF-16 text),
    /// read in windows that end at record boundaries.
    fn stream(&mut self, leaf: &Leaf<'_>, reader: &mut dyn Read) -> Result<(), ScanError> {
        let mut source = Peeked::ahead(reader);
        if let Some(kind) = document::sniff(leaf.name, source.head()) {
            match self.document_stream(leaf, None, kind, &mut source)? {
                None => return Ok(()),
                Some(rest) => {
                    let mut chained = std::io::Cursor::new(rest).chain(source);
                    return self.read_text(leaf, &mut chained, None);
                }
            }
        }
        let (encoding, big_endian) = match content::classify(source.head()) {
            Content::Text(encoding @ Encoding::Utf16Le) => (encoding, false),
            Content::Text(encoding @ Encoding::Utf16Be) => (encoding, true),
            _ => return self.read_text(leaf, &mut source, None),
        };
        let bom = encoding.bom_in(source.head()) as u64;
        let consumed = Cell::new(0);
        let mut text = Utf16Reader::new(&mut source, big_endian, &consumed);
        let utf16 = Utf16 {
            encoding,
            bom,
            consumed: &consumed,
        };
        self.read_text(leaf, &mut text, Some(&utf16))
    }

    /// Reads text in windows, queueing their chunks. `utf16`: the text is transcoded from
    /// UTF-16, and offsets and sizes are counted in the stored bytes.
    fn read_text(
        &mut self,
        leaf: &Leaf<'_>,
        reader: &mut dyn Read,
        utf16: Option<&Utf16<'_>>,
    ) -> Result<(), ScanError> {
        let mut buf: Vec<u8> = Vec::new();
        let mut at_eof = false;
        let read_error = fill(reader, &mut buf, WINDOW, &mut at_eof);
        let mut consumed = 0u64;
        if read_error.is_some() && buf.is_empty() {
            if let Some(e) = read_error {
                self.stopped(leaf.path, &e, 0, None);
            }
            return Ok(());
        }
        let started = self.start(
            leaf.path,
            leaf.name,
            &buf,
            buf.len() as u64,
            leaf.bytes_on_disk,
            utf16.map(|u| u.encoding),
        );
        let Some((input, layout)) = started else {
            // Skipped (the entry is the last one): count the rest, read to its end.
            let (rest, error) = match read_error {
                Some(e) => (0, Some(e)),
                None => container::drain(reader),
            };
            let skipped = self.summary.skipped.len() - 1;
            let read = buf.len() as u64 + rest;
            self.summary.skipped[skipped].bytes = utf16.map_or(read, |u| u.consumed.get());
            if let Some(e) = error {
                match container::stop_of(&e) {
                    Stop::Limit(reason) => self.summary.skipped[skipped].reason = reason.into(),
                    Stop::Failed(..) => self.stopped(leaf.path, &e, read, None),
                }
            }
            return Ok(());
        };
        let mut body = layout.body_start.min(buf.len());
        // Stored offset of `buf[body]` (UTF-16 only): the BOM and the header are read.
        let mut stored_at = utf16.map_or(0, |u| u.bom + stored_len(&buf[..body]));
        if utf16.is_some() {
            self.summary.inputs[input].stats.bytes_scanned = stored_at;
        }
        let mut error = read_error;
        let mut state = ChunkState::Start;
        // The number of the first chunk of each window with chunks pending.
        let mut windows = VecDeque::new();
        loop {
            let done = at_eof || error.is_some();
            let edges = layout.chunk_edges(&buf[body..], self.opts.chunk_size, done, &state);
            self.summary.inputs[input].bytes_decoded = match utf16 {
                Some(utf16) => utf16.consumed.get(),
                None => consumed + buf.len() as u64,
            };
            if let Some(edge) = edges.last() {
                state = edge.state.clone();
            }
            let last = body + edges.last().map_or(0, |e| e.at);
            if last > body {
                windows.push_back(self.pipe.head + self.pipe.pending.len() as u64);
                // The window keeps the buffer (no copy); the bytes after its last record
                // begin the next one.
                let mut next = Vec::with_capacity(buf.len() - last + WINDOW);
                next.extend_from_slice(&buf[last..]);
                let window: Bytes = Arc::new(std::mem::replace(&mut buf, next));
                let text = (*window).as_ref();
                for pair in edges.windows(2) {
                    let range = body + pair[0].at..body + pair[1].at;
                    let stored = utf16.map(|_| {
                        let len = stored_len(&text[range.clone()]);
                        stored_at += len;
                        (stored_at - len, len)
                    });
                    self.queue(Unit {
                        input,
                        layout: layout.clone(),
                        data: window.clone(),
                        range,
                        base: consumed,
                        state: pair[0].state.clone(),
                        stored,
                        doc: None,
                    })?;
                }
                consumed += last as u64;
                body = 0;
            }
            if let Some((_, message)) = stop_at(&edges) {
                // The rest is read (an archive reads on past it) but not scanned.
                let (rest, _) = container::drain(reader);
                let unread = (buf.len() - body) as u64 + rest;
                let at = consumed + body as u64;
                self.summary.inputs[input].bytes_decoded = at + unread;
                self.corrupt(leaf.path, input, at, unread, message);
                return Ok(());
            }
            if done {
                break;
            }
            if self.opts.interrupt.is_raised() {
                // What was read and not cut into chunks is counted, not scanned.
                let rest = &buf[body..];
                let stats = &mut self.summary.inputs[input].stats;
                stats.bytes_skipped += utf16.map_or(rest.len() as u64, |_| stored_len(rest));
                return Err(ScanError::Interrupted);
            }
            // Decode the next window while the pool scans the last ones; the windows before
            // them are let go first.
            while windows.len() > self.pipe.windows {
                windows.pop_front();
                self.merge_until(windows[0])?;
            }
            let want = buf.len() + WINDOW;
            error = fill(reader, &mut buf, want, &mut at_eof);
        }
        if let Some(utf16) = utf16 {
            // Stored bytes that made no text (a last odd byte) are read, not scanned.
            let summary = &mut self.summary.inputs[input];
            summary.bytes_decoded = utf16.consumed.get();
            summary.stats.bytes_skipped += summary.bytes_decoded.saturating_sub(stored_at);
        }
        if let Some(e) = error {
            let offset = self.summary.inputs[input].bytes_decoded;
            self.stopped(leaf.path, &e, offset, Some(input));
        }
        Ok(())
    }

    /// Reads a document from a stream, up to [`document::MAX_DOCUMENT_BYTES`], and scans it.
    /// Returns the bytes read when it is to be read as before instead: a text document too
    /// large to extract, or a zip of office parts that is no document read here. `path`:
    /// where it is on disk, if it is a file there (a database's log beside it is read).
    fn document_stream(
        &mut self,
        leaf: &Leaf<'_>,
        path: Option<&Path>,
        kind: document::Kind,
        reader: &mut dyn Read,
    ) -> Result<Option<Vec<u8>>, ScanError> {
        let limit = document::MAX_DOCUMENT_BYTES;
        if let Some(path) = self.in_place(kind, path) {
            if std::fs::metadata(path).is_ok_and(|m| m.len() > limit) {
                self.sqlite_in_place(leaf, path)?;
                return Ok(None);
            }
        }
        let mut data = Vec::new();
        if let Err(e) = reader.take(limit + 1).read_to_end(&mut data) {
            self.stopped(leaf.path, &e, data.len() as u64, None);
            return Ok(None);
        }
        if data.len() as u64 > limit && document::is_text(kind) {
            return Ok(Some(data));
        }
        if data.len() as u64 > limit {
            let (rest, _) = container::drain(reader);
            self.summary.skipped.push(Skipped {
                path: leaf.path.to_string(),
                reason: document::LIMIT_DOCUMENT.to_string(),
                bytes: data.len() as u64 + rest,
            });
            return Ok(None);
        }
        Ok((!self.document(leaf, kind, &data, None, path)?).then_some(data))
    }

    /// Extracts the text of a document held whole and queues its chunks; false when it is
    /// not read as a document (too large text, or no document after all). A document that
    /// cannot be parsed goes to `errors`.
    /// `job`: its extraction, started ahead of the walk.
    fn document(
        &mut self,
        leaf: &Leaf<'_>,
        kind: document::Kind,
        data: &[u8],
        job: Option<Arc<Extraction>>,
        on_disk: Option<&Path>,
    ) -> Result<bool, ScanError> {
        // A database on disk is read with the write-ahead log beside it; one extracted ahead
        // was handed to its job with the log applied already.
        let merged = match (kind, on_disk) {
            (document::Kind::Sqlite, Some(path)) if job.is_none() => {
                self.sqlite_with_log(path, leaf.path, data)
            }
            _ => None,
        };
        let data = merged.as_deref().unwrap_or(data);
        if data.len() as u64 > document::MAX_DOCUMENT_BYTES {
            if document::is_text(kind) {
                return Ok(false);
            }
            if let Some(path) = self.in_place(kind, on_disk) {
                self.sqlite_in_place(leaf, path)?;
                return Ok(true);
            }
            self.summary.skipped.push(Skipped {
                path: leaf.path.to_string(),
                reason: document::LIMIT_DOCUMENT.to_string(),
                bytes: data.len() as u64,
            });
            return Ok(true);
        }
        if self.opts.range.is_some() && document::is_text(kind) {
            // A part of a large web page or XML file: scanned as text, as before.
            return Ok(false);
        }
        if self.opts.range.is_some() {
            return Err(ScanError::Usage(format!(
                "{}: --range needs a text input (a document is one part)",
                leaf.path
            )));
        }
        // While a pool thread extracts this one, the walk extracts the next ones.
        let mut others: Vec<(usize, Arc<Extraction>)> = match job {
            Some(_) => (self.ahead.opened.iter())
                .filter_map(|(&entry, opened)| Some((entry, opened.job.clone()?)))
                .collect(),
            None => Vec::new(),
        };
        others.sort_unstable_by_key(|(entry, _)| *entry);
        let help = || others.iter().any(|(_, other)| other.run());
        let (extracted, ocr) = match job.as_ref().and_then(|job| job.ocr.map(|o| (job, o))) {
            Some((job, ocr)) => (job.result(help), ocr),
            None => {
                let ocr = self.ocr_turn(kind);
                let extracted = match job {
                    Some(job) if !ocr => job.result(help),
                    _ => document::extract_with(kind, data, self.opts.ocr.as_ref().filter(|_| ocr)),
                };
                (extracted, ocr)
            }
        };
        let doc = match extracted {
            Ok(Some(doc)) => Arc::new(doc),
            Ok(None) => return Ok(false),
            Err(e) => {
                // Its bytes were read and none of them scanned: they are the error's.
                self.summary.errors.push(
                    InputError::new(leaf.path, crate::error::ErrorKind::Format, e.to_string())
                        .unread(data.len() as u64),
                );
                return Ok(true);
            }
        };
        if let Some(info) = &doc.image {
            self.summary.images.add(info);
            self.summary.images.ocr += u64::from(ocr);
        }
        self.use_region_of(doc.text());
        let input = self.extracted_input(leaf, doc.format);
        self.queue_extracted(leaf, input, doc, 0)?;
        Ok(true)
    }

    /// Starts the summary of an input read as extracted text of report format `format`; its
    /// bytes are added as its text is queued ([`Scanner::queue_extracted`]).
    fn extracted_input(&mut self, leaf: &Leaf<'_>, format: &'static str) -> usize {
        self.summary.inputs.push(InputSummary {
            path: leaf.path.to_string(),
            format,
            encoding: "utf-8",
            region: self.detector.region().as_str().to_string(),
            bytes_on_disk: leaf.bytes_on_disk,
            bytes_decoded: 0,
            range: None,
            status: InputStatus::Ok,
            stats: InputStats::default(),
            content: Some(document::EXTRACTED_TEXT),
        });
        self.summary.inputs.len() - 1
    }

    /// Counts the text of `doc` (of input `input`, its text at `base` in the input's text) and
    /// queues its chunks. Values passed over (binary BLOBs) are decoded bytes skipped, beside
    /// the text.
    fn queue_extracted(
        &mut self,
        leaf: &Leaf<'_>,
        input: usize,
        doc: Arc<Extracted>,
        base: u64,
    ) -> Result<(), ScanError> {
        let summary = &mut self.summary.inputs[input];
        summary.bytes_decoded += doc.text().len() as u64 + doc.skipped();
        summary.stats.bytes_skipped += doc.skipped();
        let layout = Arc::new(Layout::sniff(leaf.name, b"", Some(Format::Text)));
        let bytes: Bytes = doc.clone();
        for records in doc.chunks(self.opts.chunk_size) {
            self.queue(Unit {
                input,
                layout: layout.clone(),
                data: bytes.clone(),
                range: doc.text_range(records.clone()),
                base,
                state: ChunkState::Start,
                stored: None,
                doc: Some((doc.clone(), records)),
            })?;
        }
        Ok(())
    }

    /// Where a document of `kind` at `on_disk` can be read in place when it is too large to
    /// hold in memory: a SQLite database file on disk, outside a `--range` part.
    fn in_place<'p>(&self, kind: document::Kind, on_disk: Option<&'p Path>) -> Option<&'p Path> {
        let whole_input = self.opts.range.is_none();
        (kind == document::Kind::Sqlite && whole_input).then_some(on_disk)?
    }

    /// Reads the SQLite database file at `path`, too large to hold in memory, in place: its
    /// rows are extracted and queued a part at a time ([`document::sqlite::read_in_parts`]),
    /// so memory stays bounded. A log beside it is not applied (it is then skipped when met,
    /// as a log alone is). A database SQLite cannot read goes to `errors`, with what was
    /// queued before the failure kept and the input marked partial.
    fn sqlite_in_place(&mut self, leaf: &Leaf<'_>, path: &Path) -> Result<(), ScanError> {
        let (mut base, mut failed) = (0, None);
        // The region as for an empty text, until the first part tells.
        self.use_region_of(b"");
        let input = self.extracted_input(leaf, document::sqlite::FORMAT);
        let mut take = |part: Extracted| {
            if self.opts.interrupt.is_raised() {
                // Stopped: the part read last is neither queued nor counted.
                failed = Some(ScanError::Interrupted);
                return false;
            }
            if base == 0 {
                self.use_region_of(part.text());
                self.summary.inputs[input].region = self.detector.region().as_str().to_string();
            }
            let len = part.text().len() as u64;
            let queued = self.queue_extracted(leaf, input, Arc::new(part), base);
            base += len;
            queued.map_err(|e| failed = Some(e)).is_ok()
        };
        let read = document::sqlite::read_in_parts(path, PART_TEXT, &mut take);
        if let Some(e) = failed {
            return Err(e);
        }
        if let Err(e) = read {
            let summary = &mut self.summary.inputs[input];
            let error = InputError::new(leaf.path, crate::error::ErrorKind::Format, e.to_string());
            // Nothing read: its bytes are the error's; else the rows before it stand.
            let error = match summary.bytes_decoded {
                0 => error.unread(leaf.bytes_on_disk),
                decoded => {
                    summary.status = InputStatus::Partial;
                    error.at(decoded)
                }
            };
            self.summary.errors.push(error);
        }
        Ok(())
    }

    /// Records why reading `path` stopped at decoded `offset`: past a limit it is listed in
    /// `skipped` (with the bytes read up to there), else in `errors`. A started `input` is
    /// marked `partial`: what was read before is scanned and kept.
    fn stopped(&mut self, path: &str, err: &std::io::Error, offset: u64, input: Option<usize>) {
        if let Some(input) = input {
            self.summary.inputs[input].status = InputStatus::Partial;
        }
        match container::stop_of(err) {
            Stop::Limit(reason) => self.summary.skipped.push(Skipped {
                path: path.to_string(),
                reason: reason.to_string(),
                bytes: offset,
            }),
            Stop::Failed(kind, message) => self
                .summary
                .errors
                .push(InputError::new(path, kind, message).at(offset)),
        }
    }

    /// Records that `input` cannot be read past decoded offset `at` (a corrupt record):
    /// an error there, status `partial`, and the `unread` bytes from there on skipped.
    fn corrupt(&mut self, path: &str, input: usize, at: u64, unread: u64, message: &str) {
        let summary = &mut self.summary.inputs[input];
        summary.status = InputStatus::Partial;
        summary.stats.bytes_skipped += unread;
        self.summary
            .errors
            .push(InputError::new(path, ErrorKind::Format, message).at(at));
    }

    /// Takes the detectors of the region the input starting with `head` is read under:
    /// `--region`, or the one its head says ([`region::infer`]) when inference is on, else
    /// the default, assumed.
    fn use_region_of(&mut self, head: &[u8]) {
        let (region, assumed) = match self.opts.infer_region {
            true => region::infer(head).map_or((self.opts.region, true), |r| (r, false)),
            false => (self.opts.region, false),
        };
        let found = self
            .regional
            .iter()
            .find(|d| (d.region(), d.region_assumed()) == (region, assumed));
        self.detector = match found {
            Some(detector) => detector.clone(),
            None => {
                let detector = Arc::new(self.regional[0].with_region(region, assumed));
                self.regional.push(detector.clone());
                detector
            }
        };
    }

    /// Hands a chunk to the pool once there is room for it, and merges the results that
    /// are in.
    fn queue(&mut self, unit: Unit) -> Result<(), ScanError> {
        while !self.pipe.has_room() {
            self.advance()?;
        }
        self.spawn(unit);
        self.merge_ready()
    }

    /// Spawns the scan of a chunk on the pool, after the chunks spawned before it.
    fn spawn(&mut self, unit: Unit) {
        let number = self.pipe.head + self.pipe.pending.len() as u64;
        self.pipe.pending.push_back(Pending {
            input: unit.input,
            len: unit.range.len(),
            stored: unit.stored.map_or(unit.range.len() as u64, |(_, len)| len),
            out: None,
        });
        self.pipe.bytes += unit.range.len();
        let tap = self.tap.as_deref().map(|t| t.chunk());
        let sender = self.pipe.sender.clone();
        let (det, interrupt) = (self.detector.clone(), self.opts.interrupt.clone());
        let (key, want_findings, reveal) = (self.key, self.writer.is_some(), self.opts.reveal);
        rayon::spawn_fifo(move || {
            let job = ChunkJob {
                det: &det,
                key,
                want_findings,
                reveal,
                interrupt: &interrupt,
            };
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                WORKER.with_borrow_mut(|worker| scan_chunk(job, tap, worker, &unit))
            }));
            // The chunk's bytes are let go here, before its result waits for the merge.
            drop(unit);
            // No one receives only when the scan stopped on an error: the result is moot.
            let _ = sender.send((number, out));
        });
    }

    /// Waits until the chunk at the head is merged (scanning chunks no thread has started
    /// meanwhile), merging every result in along with it.
    fn advance(&mut self) -> Result<(), ScanError> {
        let head = self.pipe.head;
        loop {
            self.merge_ready()?;
            if self.pipe.head != head || self.pipe.pending.is_empty() {
                return Ok(());
            }
            if let Some(rayon::Yield::Executed) = rayon::yield_now() {
                continue;
            }
            // Every pending chunk is being scanned on another thread.
            match self.pipe.results.recv() {
                Ok(result) => self.pipe.file(result),
                Err(_) => unreachable!("the pipeline holds a sender"),
            }
        }
    }

    /// Scans and merges every pending chunk.
    fn flush(&mut self) -> Result<(), ScanError> {
        self.merge_until(self.pipe.head + self.pipe.pending.len() as u64)
    }

    /// Scans and merges the pending chunks numbered below `number`.
    fn merge_until(&mut self, number: u64) -> Result<(), ScanError> {
        while self.pipe.head < number {
            self.advance()?;
        }
        Ok(())
    }

    /// Merges, in order, the results in from the chunks at the head.
    fn merge_ready(&mut self) -> Result<(), ScanError> {
        while let Ok(result) = self.pipe.results.try_recv() {
            self.pipe.file(result);
        }
        let mut bytes = 0u64;
        while let Some((chunk, out)) = self.pipe.pop_ready() {
            bytes += chunk.len as u64;
            self.merge(&chunk, out)?;
        }
        if bytes > 0 {
            if let Some(bar) = &self.progress {
                bar.inc(bytes);
            }
            // Maps no chunk holds any more are done with, unless they faulted.
            self.mapped
                .retain(|(_, _, flag)| Arc::strong_count(flag) > 1 || flag.load(Ordering::Acquire));
        }
        Ok(())
    }

    /// Merges the result of the next chunk in input order.
    fn merge(&mut self, chunk: &Pending, out: ChunkOut) -> Result<(), ScanError> {
        if self.judge.as_ref().is_some_and(|(i, _)| *i != chunk.input) {
            self.settle()?;
        }
        let input = &mut self.summary.inputs[chunk.input];
        // A part that starts past offset 0 numbers its records from its own start.
        let in_part = matches!(input.range, Some(r) if r.start > 0);
        let (_, judge) = match &mut self.judge {
            Some(judge) => judge,
            None => {
                if let Some(writer) = &mut self.writer {
                    writer.input(&input.path, in_part);
                }
                self.judge.insert((chunk.input, Judge::default()))
            }
        };
        self.pipe.cut |= out.interrupted;
        if self.pipe.cut {
            input.stats.bytes_skipped += chunk.stored;
            return Ok(());
        }
        if let (Some(tap), Some(chunk)) = (self.tap.as_deref_mut(), out.tap) {
            tap.absorb(&input.path, input.stats.records, chunk);
        }
        let before = input.stats.records;
        let mut emit = |line: LineRef| match &mut self.writer {
            Some(writer) => line.write(writer).map_err(ScanError::Findings),
            None => Ok(()),
        };
        // Replay the chunk's marks and findings in value order (marks of a value first).
        // Each of the chunk's fields is looked up in the judgement once, when first needed.
        let names = &out.stats.fields;
        let mut tracked: Vec<Option<Option<usize>>> = vec![None; names.len()];
        let mut field = |judge: &mut Judge<LineRef>, slot: u32| {
            *tracked[slot as usize].get_or_insert_with(|| judge.field(&names[slot as usize].name))
        };
        let mut marks = out.marks.iter().peekable();
        let lines = Arc::new(out.lines);
        for (index, tag) in out.tags.into_iter().enumerate() {
            while let Some(m) = marks.next_if(|m| m.seq <= tag.seq) {
                let f = field(judge, m.slot);
                judge.mark(f, m.shape, m.valid, m.value);
            }
            let judged = tag
                .judged
                .map(|tentative| (field(judge, tag.slot), tag.ty, tentative));
            let line = LineRef {
                lines: lines.clone(),
                index,
                before,
            };
            judge.hold(line, judged, &mut emit)?;
        }
        for m in marks {
            let f = field(judge, m.slot);
            judge.mark(f, m.shape, m.valid, m.value);
        }
        input.stats.merge(&out.stats);
        Ok(())
    }

    /// Ends the whole-column judgement of the input being merged: writes the findings it
    /// held and settles the input's field statistics with its verdicts.
    fn settle(&mut self) -> Result<(), ScanError> {
        let Some((i, judge)) = self.judge.take() else {
            return Ok(());
        };
        let input = &mut self.summary.inputs[i];
        let verdicts = judge.finish(&mut |line: LineRef| match &mut self.writer {
            Some(writer) => line.write(writer).map_err(ScanError::Findings),
            None => Ok(()),
        })?;
        // Later inputs may have started under other regions: this one's is in its summary.
        let region = Region::parse(&input.region).unwrap_or(self.opts.region);
        let month_first = dob::month_first_region(region);
        for field in &mut input.stats.fields {
            let v = verdicts.get(&field.name).copied().unwrap_or_default();
            field.settle(v, month_first);
        }
        Ok(())
    }
}

/// Leaves of containers (and plain streams) are read by the scanner as streams.
impl container::Sink for Scanner<'_> {
    type Error = ScanError;

    /// A member; half of a SQLite database and its log is paired with its neighbour first
    /// ([`Scanner::pair_sqlite`]).
    fn leaf(&mut self, leaf: &Leaf<'_>, reader: &mut dyn Read) -> Result<(), ScanError> {
        match self.pair_sqlite(leaf, reader)? {
            Some(mut source) => self.stream(leaf, &mut source),
            None => Ok(()),
        }
    }

    fn skipped(&mut self, skipped: Skipped) {
        self.summary.skipped.push(skipped);
    }

    fn error(&mut self, error: InputError) {
        self.summary.errors.push(error);
    }
}

/// The offset and message of a walk's last edge when reading stops there.
fn stop_at(edges: &[crate::format::Edge]) -> Option<(usize, &str)> {
    match edges.last() {
        Some(crate::format::Edge {
            at,
            state: ChunkState::Stop(message),
        }) => Some((*at, message)),
        _ => None,
    }
}

/// Reads from `reader` until `buf` holds `want` bytes or the stream ends; returns the read
/// error, if any (what was read before it stays in `buf`). Reads straight into `buf`'s spare
/// capacity, growing it only as data comes: a small member costs a small buffer.
fn fill(
    reader: &mut dyn Read,
    buf: &mut Vec<u8>,
    want: usize,
    at_eof: &mut bool,
) -> Option<std::io::Error> {
    let room = want.saturating_sub(buf.len()) as u64;
    let result = (&mut *reader).take(room).read_to_end(buf);
    if result.is_ok() && buf.len() < want {
        *at_eof = true;
    }
    result.err()
}

/// What every chunk shares: the detector and what to produce.
#[derive(Clone, Copy)]
struct ChunkJob<'a> {
    det: &'a Detector,
    key: SketchKey,
    /// Findings are kept (a findings file is being written).
    want_findings: bool,
    /// Findings carry raw values (`--reveal`).
    reveal: bool,
    /// Raised on SIGINT: the chunk stops and is dropped.
    interrupt: &'a Interrupt,
}

/// Tokenises and scans one chunk.
fn scan_chunk(
    job: ChunkJob<'_>,
    tap: Option<Box<dyn ChunkTap>>,
    worker: &mut Worker,
    unit: &Unit,
) -> ChunkOut {
    let data = (*unit.data).as_ref();
    if job.interrupt.is_raised() {
        return ChunkOut {
            stats: InputStats::default(),
            lines: Lines::default(),
            tap: None,
            tags: Vec::new(),
            marks: Vec::new(),
            interrupted: true,
        };
    }
    worker.memo.serve(job.det);
    let mut sink = ChunkSink {
        det: job.det,
        layout: &unit.layout,
        key: job.key,
        want_findings: job.want_findings,
        reveal: job.reveal,
        tap,
        interrupt: job.interrupt,
        hits: std::mem::take(&mut worker.hits),
        memo: &mut worker.memo,
        norm: std::mem::take(&mut worker.norm),
        slots: Vec::new(),
        by_column: Vec::new(),
        by_name: FxHashMap::default(),
        none_slot: None,
        last_slot: usize::MAX,
        record: 0,
        seq: 0,
        lines: match job.want_findings {
            true => Lines::with_room(worker.room, unit.range.len()),
            false => Lines::default(),
        },
        tags: match job.want_findings {
            true => Vec::with_capacity(worker.room.lines_for(unit.range.len())),
            false => Vec::new(),
        },
        marks: Vec::new(),
        utf16: unit.stored.map(|(stored, _)| Utf16Offsets {
            data,
            base: unit.base,
            cursor: StoredCursor::new(unit.range.start, stored),
        }),
        blob_bytes: 0,
        pairing: Pairing::default(),
        percents: (unit.layout.format != Format::Text || unit.doc.is_some()).then(|| Percents {
            data: &data[..unit.range.end],
            base: unit.base,
            from: u64::MAX,
            next: u64::MAX,
        }),
        url_bytes: Vec::new(),
        url_stored_at: StoredAt::default(),
    };
    match &unit.doc {
        Some((doc, records)) => doc.tokenize(records.clone(), unit.base, &mut sink),
        None => unit.layout.tokenize(
            data,
            unit.range.clone(),
            unit.base,
            &unit.state,
            &mut worker.scratch,
            &mut sink,
        ),
    }
    worker.hits = std::mem::take(&mut sink.hits);
    worker.norm = std::mem::take(&mut sink.norm);
    if job.want_findings {
        worker.room = sink.lines.room(unit.range.len());
    }
    ChunkOut {
        interrupted: job.interrupt.is_raised(),
        stats: InputStats {
            records: sink.record,
            bytes_scanned: unit.stored.map_or(unit.range.len() as u64, |(_, len)| len)
                - sink.blob_bytes,
            bytes_skipped: sink.blob_bytes,
            // Sketches settled here, on the pool, so that merging them in input order on the
            // calling thread sorts none.
            fields: sink
                .slots
                .into_iter()
                .map(|s| s.stats.with_settled_sketches())
                .collect(),
        },
        lines: sink.lines,
        tap: sink.tap,
        tags: sink.tags,
        marks: sink.marks,
    }
}

/// A field as one chunk knows it.
struct Slot {
    stats: FieldStats,
    /// The field's part of its findings' lines.
    field: FieldPart,
    hint: FieldHint,
    /// The record (1-based, chunk-local) that last held a value in this field.
    last_record: u64,
    /// Per type, the record that last held a finding of it.
    type_last: [u64; PiiType::COUNT],
    /// Values of this field marked for the whole-column judgement.
    marked: u32,
    /// A named field's key as the tokeniser gives it.
    key: Option<Box<[u8]>>,
    /// The slot of the named field that came next the last time (`usize::MAX`: none yet).
    next: usize,
    /// Whether this field's values repeat enough to look them up in the memo.
    memo: FieldMemo,
    /// The coordinate its values hold alone, by its name (`lat`, `lng`).
    axis: Option<Axis>,
}

/// A coordinate held until the other axis of its record comes ([`Pairing`]).
struct Held {
    slot: usize,
    seq: u32,
    raw: Vec<u8>,
    /// Its stored span, when findings are kept.
    span: (u64, u64),
    /// Where it starts in the input ([`Found::offset`]).
    offset: u64,
    /// Where its finding goes in `lines`: after those of the values before it.
    at: usize,
}

/// Receives one chunk's values, detects, and counts.
struct ChunkSink<'a> {
    det: &'a Detector,
    layout: &'a Layout,
    key: SketchKey,
    want_findings: bool,
    reveal: bool,
    tap: Option<Box<dyn ChunkTap>>,
    /// Polled for every value: once raised, values are passed over (the chunk is dropped).
    interrupt: &'a Interrupt,
    hits: Vec<Hit>,
    /// Detection results of short values seen recently on this thread.
    memo: &'a mut Memo,
    norm: Vec<u8>,
    slots: Vec<Slot>,
    by_column: Vec<Option<usize>>,
    by_name: FxHashMap<Box<[u8]>, usize>,
    none_slot: Option<usize>,
    /// The slot of the last value (`usize::MAX` before the first).
    last_slot: usize,
    /// Records completed in this chunk.
    record: u64,
    /// Values seen in this chunk.
    seq: u32,
    /// The findings' lines, when findings are written.
    lines: Lines,
    /// One per finding.
    tags: Vec<Tag>,
    marks: Vec<Mark>,
    /// For text transcoded from UTF-16: maps offsets back to the stored bytes.
    utf16: Option<Utf16Offsets<'a>>,
    /// Stored bytes of values passed over as blobs ([`crate::detect::is_blob`]).
    blob_bytes: u64,
    /// The current record's latitude or longitude without its pair yet.
    pairing: Pairing<Held>,
    /// The chunk's `%`, when its values are searched for a `%XX` escape to be URL-decoded
    /// ([`ChunkSink::url_encoded`]): in every format but text, whose tokeniser decodes its
    /// `key=value` values itself; and in documents' extracted text (a spreadsheet's or a
    /// database's cells, a PDF's lines), which comes with the text layout but not through
    /// that tokeniser.
    percents: Option<Percents<'a>>,
    /// The bytes of the last URL-decoded value.
    url_bytes: Vec<u8>,
    /// Where each byte of `url_bytes` is stored.
    url_stored_at: StoredAt,
}

/// The `%` bytes of a chunk, found one at a time as values pass them: whether a value stored
/// as it is holds one costs a comparison or two, and the chunk is searched about once in all.
struct Percents<'a> {
    /// The chunk's data, up to its end.
    data: &'a [u8],
    /// The absolute offset of `data[0]`.
    base: u64,
    /// Where the last search started (`u64::MAX`: none yet).
    from: u64,
    /// The absolute offset of the first `%` at or after `from` (`u64::MAX`: none).
    next: u64,
}

impl Percents<'_> {
    /// Whether the `len` bytes at absolute `offset` in the chunk hold a `%`; a span that is not
    /// in the chunk may (its bytes are searched instead).
    fn any_in(&mut self, offset: u64, len: usize) -> bool {
        if offset < self.from || self.next < offset {
            // A value past the `%` found last (or before the last search): search on from it.
            let Some(rest) = offset
                .checked_sub(self.base)
                .and_then(|at| self.data.get(usize::try_from(at).ok()?..))
            else {
                return true;
            };
            self.from = offset;
            self.next = memchr::memchr(b'%', rest).map_or(u64::MAX, |k| offset + k as u64);
        }
        self.next < offset + len as u64
    }
}

/// A value being detected: what [`ChunkSink::begin_detection`] tells of it.
#[derive(Clone, Copy)]
struct Begun {
    /// Its record (1-based, chunk-local).
    record: u64,
    /// Its number among the chunk's values.
    seq: u32,
    hint: FieldHint,
    /// The coordinate its field holds alone.
    axis: Option<Axis>,
    /// Whether it is marked for the whole-column judgement.
    marked: bool,
}

/// What a finding is, for [`ChunkSink::count_one`].
#[derive(Clone, Copy)]
struct Found {
    ty: PiiType,
    basis: Basis,
    /// For a whole value of a judged type: whether it is tentative.
    judged: Option<bool>,
    /// Whether its normal form counts as distinct (not a date counted by `distinct_dob`).
    distinct: bool,
    /// Where it starts in the input as stored (before unescaping, in the transcoded text of
    /// a UTF-16 input): the order of its example.
    offset: u64,
}

/// The stored (offset, length) of `value.bytes[start..end]`: in the input as read, before
/// unescaping and transcoding from UTF-16 (`utf16`).
fn stored_span(
    utf16: &mut Option<Utf16Offsets<'_>>,
    value: &Value<'_>,
    start: usize,
    end: usize,
) -> (u64, u64) {
    let (offset, length) = value.stored_span(start, end);
    match utf16 {
        Some(utf16) => utf16.stored(offset, length),
        None => (offset, length),
    }
}

/// Offsets in a window of transcoded text, mapped back to the stored UTF-16.
struct Utf16Offsets<'a> {
    /// The window.
    data: &'a [u8],
    /// Offset of `data[0]` in the transcoded text.
    base: u64,
    cursor: StoredCursor,
}

impl Utf16Offsets<'_> {
    /// The stored (offset, length) of transcoded `offset`, `length`.
    fn stored(&mut self, offset: u64, length: u64) -> (u64, u64) {
        let at = usize::try_from(offset - self.base).expect("an offset in the window");
        let start = self.cursor.stored(self.data, at);
        let end = self.cursor.stored(self.data, at + length as usize);
        (start, end - start)
    }
}

impl ChunkSink<'_> {
    /// Counts the hits of one value (or of a piece of it) in slot `i`, keeps them as findings
    /// when findings are written, and returns the [`column::bit`]s of the types found as the
    /// whole value when the value is `marked` for the column judgement. `whole` is the value's
    /// trimmed extent, worked out on the first piece with hits.
    #[allow(clippy::too_many_arguments)]
    fn count_hits(
        &mut self,
        i: usize,
        record: u64,
        seq: u32,
        value: &Value<'_>,
        hits: &[Hit],
        marked: bool,
        whole: &mut Option<(usize, usize)>,
    ) -> u8 {
        let whole = *whole.get_or_insert_with(|| trimmed(value.bytes));
        let mut valid = 0;
        for hit in hits {
            let raw = &value.bytes[hit.start..hit.end];
            let bit = ((hit.start, hit.end) == whole)
                .then(|| column::judged_bit(hit.ty, hit.basis, raw))
                .flatten();
            if marked {
                valid |= bit.unwrap_or(0);
            }
            let tentative = hit.basis.contains(Basis::COLUMN);
            let judged = bit.is_some().then_some(tentative);
            if tentative && judged.is_none() {
                continue;
            }
            let counted = distinct_dob(
                hit.ty,
                raw,
                &mut self.slots[i].stats,
                &self.key,
                &mut self.norm,
            );
            // A date whose order the field decides is counted by `distinct_dob`: its normal
            // form only goes to the tap.
            let either = counted == Dob::Either;
            if counted == Dob::Unread || (either && self.tap.is_some()) {
                normalize(hit.ty, raw, self.det.region(), &mut self.norm);
            }
            let span = self.kept_span(value, hit.start, hit.end);
            let found = Found {
                ty: hit.ty,
                basis: hit.basis,
                judged,
                distinct: !either,
                offset: value.stored_span(hit.start, hit.start).0,
            };
            self.count_one(i, record, seq, raw, found, span);
        }
        valid
    }

    /// The stored span of `value.bytes[start..end]` when findings are kept (their `offset`
    /// and `length`), else nothing to compute.
    fn kept_span(&mut self, value: &Value<'_>, start: usize, end: usize) -> (u64, u64) {
        match self.want_findings {
            true => stored_span(&mut self.utf16, value, start, end),
            false => (0, 0),
        }
    }

    /// Counts one finding of `raw` in slot `i` (of the value numbered `seq`, at `span` in the
    /// input), and keeps it when findings are written; `self.norm` holds its normal form.
    ///
    /// Inlined: most of its calls are in [`ChunkSink::count_hits`], once a hit.
    #[inline(always)]
    fn count_one(
        &mut self,
        i: usize,
        record: u64,
        seq: u32,
        raw: &[u8],
        found: Found,
        (offset, length): (u64, u64),
    ) {
        let Found {
            ty,
            basis,
            judged,
            distinct,
            offset: value_offset,
        } = found;
        let slot = &mut self.slots[i];
        let first_in_record = slot.type_last[ty.index()] != record;
        slot.type_last[ty.index()] = record;
        if let Some(tap) = &mut self.tap {
            tap.hit(slot.stats.name.as_deref(), record, ty, raw, &self.norm);
        }
        let stats = match judged {
            Some(tentative) => slot.stats.held_mut(ty, tentative),
            None => slot.stats.type_mut(ty),
        };
        stats.count += 1;
        if first_in_record {
            stats.records += 1;
        }
        if distinct {
            stats.distinct.insert_hash(self.key.hash(&self.norm));
        }
        stats.add_example(|| mask(ty, raw), value_offset);
        if self.want_findings {
            let finding = Finding {
                offset,
                length,
                ty,
                field: &slot.field,
                record,
                raw,
                basis,
            };
            self.lines.push(&finding, self.reveal);
            self.tags.push(Tag {
                ty,
                seq,
                slot: i as u32,
                judged,
            });
        }
    }

    /// Holds the value of slot `i`, a field named for `axis`, when it is a coordinate, until
    /// the other axis comes in the record; then counts both as `geo_location`, each in its own
    /// field and in value order. Both count the pair's normal form as distinct: one position.
    #[inline(never)]
    fn coordinate(&mut self, i: usize, seq: u32, value: &Value<'_>, axis: Axis) {
        let Some((start, end)) = geo::coordinate(value.bytes, axis) else {
            return;
        };
        let span = self.kept_span(value, start, end);
        let held = Held {
            slot: i,
            seq,
            raw: value.bytes[start..end].to_vec(),
            span,
            offset: value.stored_span(start, start).0,
            at: self.lines.len(),
        };
        let Some((latitude, longitude)) = self.pairing.offer(axis, held) else {
            return;
        };
        geo::normalize_pair(&latitude.raw, &longitude.raw, &mut self.norm);
        let (first, second) = match latitude.seq < longitude.seq {
            true => (latitude, longitude),
            false => (longitude, latitude),
        };
        let record = self.record + 1;
        let found = |held: &Held| Found {
            ty: PiiType::GeoLocation,
            basis: Basis::FIELD | Basis::SHAPE,
            judged: None,
            distinct: true,
            offset: held.offset,
        };
        let one = found(&first);
        self.count_one(first.slot, record, first.seq, &first.raw, one, first.span);
        let other = found(&second);
        self.count_one(
            second.slot,
            record,
            second.seq,
            &second.raw,
            other,
            second.span,
        );
        // The first goes before the findings of the values between the two.
        if self.want_findings {
            let end = self.lines.len() - 1;
            self.lines.rotate_right(first.at..end);
            self.tags[first.at..end].rotate_right(1);
        }
    }

    /// Detects and counts a value longer than two pieces piece by piece ([`detect_piece`]);
    /// returns what [`ChunkSink::count_hits`] does, over all pieces.
    fn pieces(&mut self, i: usize, begun: &Begun, value: &Value<'_>) -> u8 {
        let mut hits = std::mem::take(&mut self.hits);
        let (mut from, mut floor, mut valid) = (0, 0, 0);
        let mut whole = None;
        while from < value.bytes.len() {
            let end = detect_piece(self.det, value.bytes, begun.hint, from, floor, &mut hits);
            if !hits.is_empty() {
                floor = hits.iter().fold(floor, |f, h| f.max(h.end));
                valid |= self.count_hits(
                    i,
                    begun.record,
                    begun.seq,
                    value,
                    &hits,
                    begun.marked,
                    &mut whole,
                );
            }
            from = end;
        }
        self.hits = hits;
        valid
    }

    /// [`ChunkSink::pieces`] for a long escaped cell, `measured`, unescaped a window at a time
    /// into `scratch`: the same pieces, detected in the same bytes, with the same hits and
    /// stored offsets, in bounded memory.
    ///
    /// A piece's window holds the value from [`MARGIN`] bytes before the piece to
    /// `2 * PIECE + MARGIN` bytes past its start, or to the value's end: all [`detect_piece`]
    /// reads of the whole value, and enough for it to tell the last piece (less than
    /// `2 * PIECE` bytes left) as it does on the whole value. Each window starts where the map
    /// of the window before says its first byte is stored.
    fn escaped_pieces(
        &mut self,
        i: usize,
        begun: &Begun,
        cell: &EscapedCell<'_>,
        measured: &Measured,
        scratch: &mut Scratch,
    ) -> u8 {
        let mut hits = std::mem::take(&mut self.hits);
        let (mut from, mut floor, mut valid) = (0, 0usize, 0);
        // The window's first byte, and its stored offset in the value.
        let (mut lo, mut at) = (0, 0);
        while from < measured.len {
            let start = from.saturating_sub(MARGIN);
            if start > lo {
                at += scratch.stored_at.get(start - lo) as usize;
                lo = start;
            }
            let want = (from + 2 * PIECE + MARGIN).min(measured.len) - lo;
            let window = cell.window(at, want, scratch);
            let end = lo
                + detect_piece(
                    self.det,
                    window.bytes,
                    begun.hint,
                    from - lo,
                    floor.saturating_sub(lo),
                    &mut hits,
                );
            if !hits.is_empty() {
                floor = hits.iter().fold(floor, |f, h| f.max(lo + h.end));
                // The whole value's trimmed extent in the window (none that a hit can match
                // when it starts before the window).
                let (s, e) = measured.trimmed;
                let mut whole = Some(match s >= lo {
                    true => (s - lo, e - lo),
                    false => (usize::MAX, usize::MAX),
                });
                valid |= self.count_hits(
                    i,
                    begun.record,
                    begun.seq,
                    &window,
                    &hits,
                    begun.marked,
                    &mut whole,
                );
            }
            from = end;
        }
        self.hits = hits;
        valid
    }

    /// The slot of `field`, with the current record counted in it.
    ///
    /// Inlined, like [`ChunkSink::begin_detection`] and [`ChunkSink::mark`]: they run once a
    /// value, and most values are detected whole in [`FieldSink::value`].
    #[inline(always)]
    fn field_slot(&mut self, field: FieldRef<'_>) -> usize {
        let i = self.slot(field);
        let record = self.record + 1;
        let slot = &mut self.slots[i];
        if slot.last_record != record {
            slot.last_record = record;
            slot.stats.records += 1;
        }
        i
    }

    /// Numbers a value of slot `i` that is detected, and says how.
    #[inline(always)]
    fn begin_detection(&mut self, i: usize) -> Begun {
        let slot = &self.slots[i];
        let begun = Begun {
            record: self.record + 1,
            seq: self.seq,
            hint: slot.hint,
            axis: slot.axis,
            marked: slot.marked < column::SAMPLE,
        };
        self.seq += 1;
        begun
    }

    /// Marks a detected value of slot `i` for the whole-column judgement, when it is one of
    /// the field's first: its shape bits and [`column::value_hash`] (`shape_and_hash`,
    /// worked out only then) and the types found as the whole value (`valid`).
    #[inline(always)]
    fn mark(
        &mut self,
        i: usize,
        begun: &Begun,
        shape_and_hash: impl FnOnce() -> (u8, u32),
        valid: u8,
    ) {
        if begun.marked {
            self.slots[i].marked += 1;
            let (shape, value) = shape_and_hash();
            self.marks.push(Mark {
                seq: begun.seq,
                slot: i as u32,
                shape,
                valid,
                value,
            });
        }
    }

    fn new_slot(&mut self, name: Option<String>) -> usize {
        let hint = name
            .as_deref()
            .map(|n| self.det.field_hint(n.as_bytes()))
            .unwrap_or_default();
        let axis = name.as_deref().and_then(|n| self.det.axis(n.as_bytes()));
        let field = FieldPart::new(name.as_deref());
        self.slots.push(Slot {
            stats: FieldStats {
                name,
                ..FieldStats::default()
            },
            field,
            hint,
            last_record: 0,
            type_last: [0; PiiType::COUNT],
            marked: 0,
            key: None,
            next: usize::MAX,
            memo: FieldMemo::default(),
            axis,
        });
        self.slots.len() - 1
    }

    /// The slot of `field`. Inlined into [`ChunkSink::field_slot`], like
    /// [`ChunkSink::named_slot`].
    #[inline(always)]
    fn slot(&mut self, field: FieldRef<'_>) -> usize {
        let i = match field {
            FieldRef::None => match self.none_slot {
                Some(i) => i,
                None => {
                    let i = self.new_slot(None);
                    self.none_slot = Some(i);
                    i
                }
            },
            FieldRef::Column(c) => match self.by_column.get(c) {
                Some(&Some(i)) => i,
                _ => {
                    let i = self.new_slot(Some(self.layout.column_name(c)));
                    if self.by_column.len() <= c {
                        self.by_column.resize(c + 1, None);
                    }
                    self.by_column[c] = Some(i);
                    i
                }
            },
            FieldRef::Name(name) => self.named_slot(name),
        };
        self.last_slot = i;
        i
    }

    /// The slot of the named field `name`. Keys mostly come in the same order record after
    /// record, so the field that followed the last one the last time is tried first, with
    /// one comparison of keys instead of a hash and a look-up.
    ///
    /// Inlined into [`ChunkSink::slot`].
    #[inline(always)]
    fn named_slot(&mut self, name: &[u8]) -> usize {
        let guess = self
            .slots
            .get(self.last_slot)
            .map_or(usize::MAX, |s| s.next);
        if self.slots.get(guess).is_some_and(|s| {
            s.key
                .as_deref()
                .is_some_and(|k| crate::swar::same_bytes(k, name))
        }) {
            return guess;
        }
        let i = match self.by_name.get(name) {
            Some(&i) => i,
            None => {
                let i = self.new_slot(Some(walk::display_bytes(name)));
                self.slots[i].key = Some(name.into());
                self.by_name.insert(name.into(), i);
                i
            }
        };
        if let Some(last) = self.slots.get_mut(self.last_slot) {
            last.next = i;
        }
        i
    }

    /// Whether `value` is a URL-encoded cell, to be detected decoded ([`url::decode`]): it
    /// holds a `%XX` escape (`...?email=asha.rao%40example.com`) and is detected whole (a URL
    /// is far shorter; a longer value would be copied whole, and a long escaped cell read a
    /// window at a time needs no decoding). A value stored as it is holds a `%` only where
    /// the chunk does; an unescaped one may hold one the chunk does not (a JSON `\u0025`).
    #[inline(always)]
    fn url_encoded(&mut self, value: &Value<'_>) -> bool {
        let Some(percents) = &mut self.percents else {
            return false;
        };
        (value.stored_at.is_some() || percents.any_in(value.offset, value.bytes.len()))
            && value.bytes.len() <= 2 * PIECE
            && url::is_encoded(value.bytes, false)
    }

    /// Detects and counts one value of `field` (see [`FieldSink::value`]).
    #[inline(always)]
    fn detect_value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        if value.bytes.is_empty() || self.interrupt.is_raised() {
            return;
        }
        let i = self.field_slot(field);
        if let Some(tap) = &mut self.tap {
            tap.value(
                self.slots[i].stats.name.as_deref(),
                self.record + 1,
                value.bytes,
            );
        }
        if crate::detect::is_blob(value.bytes) {
            self.blob_bytes += stored_span(&mut self.utf16, &value, 0, value.bytes.len()).1;
            return;
        }
        let begun = self.begin_detection(i);
        let valid = if value.bytes.len() <= 2 * PIECE {
            // Most values: detected whole, and most have no hit to count.
            self.hits.clear();
            self.memo.detect_judged(
                self.det,
                value.bytes,
                begun.hint,
                &mut self.slots[i].memo,
                &mut self.hits,
            );
            if self.hits.is_empty() {
                0
            } else {
                let hits = std::mem::take(&mut self.hits);
                let valid = self.count_hits(
                    i,
                    begun.record,
                    begun.seq,
                    &value,
                    &hits,
                    begun.marked,
                    &mut None,
                );
                self.hits = hits;
                valid
            }
        } else {
            self.pieces(i, &begun, &value)
        };
        if let Some(axis) = begun.axis {
            self.coordinate(i, begun.seq, &value, axis);
        }
        let bytes = value.bytes;
        self.mark(
            i,
            &begun,
            || (column::shape_bits(bytes), column::value_hash(bytes)),
            valid,
        );
    }
}

impl FieldSink for ChunkSink<'_> {
    /// A value is detected as it comes, or URL-decoded first when it is a URL-encoded cell
    /// ([`ChunkSink::url_encoded`]), in its own field, its findings spanning the stored
    /// escapes. Its `+` are kept: a cell is not known to be a query string, and `+91...` is a
    /// phone.
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        let mut buffers = None;
        let value = match self.url_encoded(&value) {
            true => {
                let (bytes, stored_at) = buffers.insert((
                    std::mem::take(&mut self.url_bytes),
                    std::mem::take(&mut self.url_stored_at),
                ));
                url::decode(&value, false, bytes, stored_at)
            }
            false => value,
        };
        self.detect_value(field, value);
        if let Some((bytes, stored_at)) = buffers {
            self.url_bytes = bytes;
            self.url_stored_at = stored_at;
        }
    }

    /// A long escaped cell is read a window at a time ([`ChunkSink::escaped_pieces`]) when
    /// what is done with its whole value can be told from [`measure`]: with a tap (which
    /// takes every value whole), a value of up to two pieces, or one [`measure`] cannot rule
    /// out as a blob, it is unescaped whole and handed to [`FieldSink::value`].
    fn escaped_cell(&mut self, field: FieldRef<'_>, cell: &EscapedCell<'_>, scratch: &mut Scratch) {
        let measured = measure(cell, scratch);
        if self.tap.is_some() || measured.len <= 2 * PIECE || !measured.quoted_text {
            cell.hand_whole(field, scratch, self);
            return;
        }
        if self.interrupt.is_raised() {
            return;
        }
        let i = self.field_slot(field);
        let begun = self.begin_detection(i);
        let valid = self.escaped_pieces(i, &begun, cell, &measured, scratch);
        // A value that holds a quote has no shape of the column judgement, and is no
        // coordinate ([`measure`]); a value this long counts as one of its own (its number
        // for a hash) among the field's distinct values.
        let seq = begun.seq;
        self.mark(i, &begun, || (0, seq), valid);
    }

    fn end_record(&mut self) {
        self.record += 1;
        self.pairing.end_record();
        if let Some(tap) = &mut self.tap {
            tap.end_record(self.record);
        }
    }

    fn record_id(&mut self, id: &[u8]) {
        if !self.want_findings || id.is_empty() {
            return;
        }
        // An id is rarely personal data; where a detector says it is (an e-mail as `_id`),
        // the matched part is masked like a finding, unless values are revealed.
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        if !self.reveal {
            self.det.detect(id, self.det.field_hint(b"_id"), &mut hits);
        }
        let mut shown = String::new();
        let mut at = 0;
        for hit in &hits {
            if hit.start < at {
                continue;
            }
            shown.push_str(&String::from_utf8_lossy(&id[at..hit.start]));
            shown.push_str(mask(hit.ty, &id[hit.start..hit.end]).as_str());
            at = hit.end;
        }
        shown.push_str(&String::from_utf8_lossy(&id[at..]));
        self.hits = hits;
        self.lines.record_id(self.record + 1, &shown);
    }
}

/// The whole value of a long escaped cell, read a [`PIECE`] at a time.
struct Measured {
    /// Its length.
    len: usize,
    /// Its extent without leading and trailing white space ([`trimmed`]).
    trimmed: (usize, usize),
    /// Whether it holds a `"` and does not start with `data:`: then it is no blob
    /// ([`crate::detect::is_blob`]: a quote is outside the base64 alphabet, and only a
    /// `data:` head may hold one), no coordinate and has no shape of the column judgement
    /// (neither holds a quote; see the test `a_quote_rules_out_whole_value_readings`).
    quoted_text: bool,
}

/// Reads the value of `cell` a [`PIECE`] at a time into `scratch` and tells what
/// [`ChunkSink::escaped_cell`] needs of the whole value.
fn measure(cell: &EscapedCell<'_>, scratch: &mut Scratch) -> Measured {
    let (mut len, mut at) = (0, 0);
    let (mut first, mut last) = (None, None);
    let (mut quote, mut data_head) = (false, false);
    loop {
        let window = cell.window(at, PIECE, scratch);
        let bytes = window.bytes;
        if len == 0 {
            data_head = bytes.starts_with(b"data:");
        }
        let (s, e) = trimmed(bytes);
        if s < e {
            first.get_or_insert(len + s);
            last = Some(len + e);
        }
        quote |= memchr::memchr(b'"', bytes).is_some();
        let n = bytes.len();
        len += n;
        at += scratch.stored_at.get(n) as usize;
        if n < PIECE {
            break;
        }
    }
    let start = first.unwrap_or(len);
    Measured {
        len,
        trimmed: (start, last.unwrap_or(start)),
        quoted_text: quote && !data_head,
    }
}

/// A value longer than twice this is detected piece by piece, each piece about this long:
/// the work and the hits held per detection stay bounded however long a value is (a file
/// that is one line, a field of many megabytes).
const PIECE: usize = 32 << 10;
/// Bytes a piece's detection reads on either side of the piece, for the context of hits near
/// its ends; more than any hit is long.
const MARGIN: usize = 1 << 10;

/// Detects the piece of `v` that starts at `from`, and returns where the piece ends. `hits`
/// gets the hits (at offsets in `v`) that start in the piece, at or past `floor` (the end of
/// the last hit of the pieces before): a value of up to two pieces is detected whole.
fn detect_piece(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    from: usize,
    floor: usize,
    hits: &mut Vec<Hit>,
) -> usize {
    hits.clear();
    if from == 0 && v.len() <= 2 * PIECE {
        det.detect_judged(v, hint, hits);
        return v.len();
    }
    // A piece ends after a space or a line break near its nominal end where there is one,
    // and the last piece takes in a short rest.
    let nominal = from + PIECE;
    let end = match v.get(nominal..(nominal + MARGIN / 2).min(v.len())) {
        _ if v.len() - from < 2 * PIECE => v.len(),
        Some(near) => {
            memchr::memchr3(b' ', b'\n', b'\t', near).map_or(nominal, |p| nominal + p + 1)
        }
        None => v.len(),
    };
    let lo = from.saturating_sub(MARGIN);
    let hi = (end + MARGIN).min(v.len());
    det.detect_judged(&v[lo..hi], hint, hits);
    let first = from.max(floor);
    hits.retain_mut(|h| {
        h.start += lo;
        h.end += lo;
        (first..end).contains(&h.start)
    });
    end
}

/// What [`distinct_dob`] did with a found value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dob {
    /// Nothing: not a date of birth it reads.
    Unread,
    /// A date whose form fixes day and month order: its normal form, the ISO date, is
    /// written (what [`normalize`] writes, from the one reading).
    Normalised,
    /// A date whose form leaves the order open: counted as distinct both ways.
    Either,
}

/// For a date of birth: counts what its form says of day and month order in the field, and
/// when the form leaves the order open, counts it as distinct both ways (the field's order
/// picks one when the input ends, [`FieldStats::settle`]). A date whose form fixes the order
/// has its normal form written to `iso` (scratch space for the ISO forms) from this one
/// reading, which spares [`normalize`] reading it again.
fn distinct_dob(
    ty: PiiType,
    raw: &[u8],
    stats: &mut FieldStats,
    key: &SketchKey,
    iso: &mut Vec<u8>,
) -> Dob {
    if ty != PiiType::DateOfBirth {
        return Dob::Unread;
    }
    let Some(r) = dob::read(raw) else {
        return Dob::Unread;
    };
    match r.order {
        dob::Order::DayFirst => stats.dob_order[0] += 1,
        dob::Order::MonthFirst => stats.dob_order[1] += 1,
        dob::Order::Fixed => {}
        dob::Order::Either => {
            let either = stats.dob_either.get_or_insert_with(Default::default);
            for (k, reading) in [r, r.swapped()].into_iter().enumerate() {
                iso.clear();
                reading.write_iso(iso);
                either[k].insert_hash(key.hash(iso));
            }
            return Dob::Either;
        }
    }
    iso.clear();
    r.write_iso(iso);
    Dob::Normalised
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A span holds a `%` where the chunk's bytes do, in whatever order spans are asked
    /// about; a span outside the chunk may.
    #[test]
    fn percents_are_found_as_values_pass_them() {
        let data = b"ab,50%,c%d,,e";
        let mut percents = Percents {
            data,
            base: 100,
            from: u64::MAX,
            next: u64::MAX,
        };
        let spans = [
            (100, 2),
            (103, 3),
            (107, 3),
            (111, 0),
            (112, 1),
            (103, 2),
            (103, 3),
        ];
        let got: Vec<bool> = spans
            .iter()
            .map(|&(offset, len)| percents.any_in(offset, len))
            .collect();
        assert_eq!(got, [false, true, true, false, false, false, true]);
        assert!(percents.any_in(90, 1) && percents.any_in(120, 1));
    }

    /// An extraction that a pool thread finishes while the walk asks for its result is
    /// handed over every time. The walk once put `Running` back over a `Done` written beside
    /// it and waited forever (a scan of documents on several threads hung); the race is
    /// narrow, so it is run many times, each with a deadline.
    #[test]
    fn extraction_finished_beside_the_walk_is_handed_over() {
        use std::sync::mpsc;
        use std::time::Duration;
        let page: Bytes = Arc::new(b"<p>Asha Rao, 12 MG Road</p>".to_vec());
        for round in 0..20_000 {
            let job = Arc::new(Extraction {
                state: Mutex::new(Job::Ready(document::Kind::Html, Arc::clone(&page), None)),
                done: Condvar::new(),
                ocr: Some(false),
            });
            let pool = Arc::clone(&job);
            let worker = std::thread::spawn(move || pool.run());
            let (tx, rx) = mpsc::channel();
            std::thread::spawn(move || tx.send(job.result(|| false).is_ok()));
            let handed = rx.recv_timeout(Duration::from_secs(10));
            assert_eq!(
                handed,
                Ok(true),
                "round {round}: the walk waits on a finished job"
            );
            worker.join().expect("the pool side ends");
        }
    }

    /// The hits of `v` found piece by piece, as [`ChunkSink`] finds them.
    fn by_pieces(det: &Detector, v: &[u8]) -> (Vec<Hit>, usize) {
        let (mut all, mut hits) = (Vec::new(), Vec::new());
        let (mut from, mut floor, mut pieces) = (0, 0, 0);
        while from < v.len() {
            from = detect_piece(det, v, FieldHint::default(), from, floor, &mut hits);
            floor = hits.iter().fold(floor, |f, h| f.max(h.end));
            all.extend_from_slice(&hits);
            pieces += 1;
        }
        (all, pieces)
    }

    /// A long value (the committed sample's logs and notes as one line) is detected in
    /// pieces with the same hits as whole.
    #[test]
    fn pieces_find_what_the_whole_value_holds() {
        let det = Detector::builtin().expect("built-in patterns load");
        let mut line = Vec::new();
        for name in ["app.log", "notes.txt", "users.csv", "mysql_users.sql"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(name);
            line.extend(std::fs::read(path).expect("the committed sample"));
        }
        for b in &mut line {
            if *b == b'\n' {
                *b = b' ';
            }
        }
        let mut whole = Vec::new();
        det.detect_judged(&line, FieldHint::default(), &mut whole);
        let (pieces, n) = by_pieces(&det, &line);
        assert!(n >= 4, "{n} pieces of {} bytes", line.len());
        assert!(whole.len() > 1000);
        assert_eq!(pieces, whole);
        // Nothing but digits: no piece cuts at white space, and no hit appears at a cut.
        let digits: Vec<u8> = (0..200_000u32).map(|i| b'0' + (i * 7 % 10) as u8).collect();
        let (pieces, n) = by_pieces(&det, &digits);
        assert!(n > 4);
        let mut whole = Vec::new();
        det.detect_judged(&digits, FieldHint::default(), &mut whole);
        assert_eq!(pieces, whole);
    }

    /// The one-pass hash is the streaming SipHash-1-3 of the same key and bytes.
    #[test]
    fn sketch_hash_is_siphash13() {
        let key = SketchKey::from_material(b"a sketch key");
        let (k0, k1) = key.0.keys();
        let bytes: Vec<u8> = (0..40u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..bytes.len() {
            let mut h = SipHasher13::new_with_keys(k0, k1);
            h.write(&bytes[..len]);
            assert_eq!(key.hash(&bytes[..len]), h.finish(), "{len} bytes");
        }
    }

    /// A date of birth read once for its order has the normal form [`normalize`] writes, under
    /// either region's default order; a date whose order is open is counted both ways, and a
    /// value that is no date it reads (a timestamp, a version, an order id) is left to
    /// `normalize`.
    #[test]
    fn dates_read_once_have_their_normal_form() {
        let key = SketchKey::from_material(b"a sketch key");
        let mut seen = Vec::new();
        for raw in [
            "1990-04-17",
            "17/04/1990",
            "04/17/1990",
            "17 Apr 1990",
            "Apr 17, 1990",
            "19900417",
            "650000000",
            "03/04/1990",
            "2023-06-01T12:00:00Z",
            "v1.2.3",
            "ORD-2023-000123",
        ] {
            for region in [Region::IN, Region(*b"US")] {
                let (mut stats, mut iso, mut want) =
                    (FieldStats::default(), Vec::new(), Vec::new());
                normalize(PiiType::DateOfBirth, raw.as_bytes(), region, &mut want);
                let counted = distinct_dob(
                    PiiType::DateOfBirth,
                    raw.as_bytes(),
                    &mut stats,
                    &key,
                    &mut iso,
                );
                match counted {
                    Dob::Normalised => assert_eq!(iso, want, "{raw}"),
                    Dob::Either => assert!(stats.dob_either.is_some(), "{raw}"),
                    Dob::Unread => assert_eq!(want, raw.as_bytes(), "{raw}"),
                }
                seen.push(counted);
            }
        }
        for counted in [Dob::Normalised, Dob::Either, Dob::Unread] {
            assert!(seen.contains(&counted), "{counted:?}");
        }
        let mut stats = FieldStats::default();
        let not_a_date = distinct_dob(
            PiiType::Phone,
            b"1990-04-17",
            &mut stats,
            &key,
            &mut Vec::new(),
        );
        assert_eq!(not_a_date, Dob::Unread);
    }

    /// Named fields keep their own slots whatever field came before them: keys that change
    /// order, and fields that come and go, defeat the guess of the next slot, never the count.
    #[test]
    fn named_fields_in_any_order_keep_their_slots() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("mixed.jsonl");
        let mut text = String::new();
        for i in 0..60 {
            let email = format!("\"email\": \"user{i}@example.com\"");
            let note = format!("\"note\": \"ticket {i} closed\"");
            let fields = match i % 3 {
                0 => [email.as_str(), note.as_str()].join(", "),
                1 => [note.as_str(), email.as_str()].join(", "),
                _ => note.clone(),
            };
            text.push_str(&format!("{{{fields}}}\n"));
        }
        std::fs::write(&path, text).expect("the input is written");
        let opts = ScanOptions {
            paths: vec![path.into_os_string()],
            threads: 1,
            sketch_key: Some(b"slot test key".to_vec()),
            ..ScanOptions::default()
        };
        let summary = run(&opts).expect("scan runs");
        let fields = &summary.inputs[0].stats.fields;
        let field = |name: &str| {
            fields
                .iter()
                .find(|f| f.name.as_deref() == Some(name))
                .expect("the field is reported")
        };
        assert_eq!(field("note").records, 60);
        assert!(field("note").types.is_empty());
        let email = field("email");
        assert_eq!(email.records, 40);
        assert_eq!(email.types.len(), 1);
        assert_eq!(email.types[0].0, PiiType::Email);
        assert_eq!(email.types[0].1.count, 40);
    }

    /// A CSV whose cells hold the committed logs and notes, quotes doubled, each over two
    /// pieces long: one closed, one with text after its closing quote, one never closed.
    fn big_escaped_cells() -> Vec<u8> {
        let sample = |name: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples")
                .join(name);
            std::fs::read(path).expect("the committed sample")
        };
        let (log, notes) = (sample("app.log"), sample("notes.txt"));
        let big = |kb: usize| {
            let mut text = Vec::new();
            while text.len() < kb << 10 {
                text.extend_from_slice(&log);
                text.extend_from_slice(b"she said \"call +91 98450 12345\" twice\n");
                text.extend_from_slice(&notes);
            }
            String::from_utf8(text)
                .expect("UTF-8 samples")
                .replace('"', "\"\"")
        };
        let rows = "100003,Terrie Mercado,terrie.mercado@mail.example.com\n".repeat(20);
        format!(
            "id,name,email,note\n{rows}7,Big One,a@example.com,\"{}\"\n{rows}\
             8,Big Two,\"{}\"tail asha.rao@example.com,x\n{rows}9,Big Three,\"{}",
            big(90),
            big(70),
            big(80)
        )
        .into_bytes()
    }

    /// Checks that the long cells of [`big_escaped_cells`] reach the sink still escaped, and
    /// are long quoted text, which [`ChunkSink`] reads a window at a time.
    #[derive(Default)]
    struct LongCells(usize);

    impl FieldSink for LongCells {
        fn value(&mut self, _field: FieldRef<'_>, value: Value<'_>) {
            assert!(value.bytes.len() <= 2 * PIECE);
        }
        fn escaped_cell(&mut self, _: FieldRef<'_>, cell: &EscapedCell<'_>, scratch: &mut Scratch) {
            let measured = measure(cell, scratch);
            assert!(measured.quoted_text && measured.len > 2 * PIECE);
            self.0 += 1;
        }
        fn end_record(&mut self) {}
    }

    /// A tap that takes nothing: with it, long cells are unescaped whole.
    struct NoTap;

    impl Tap for NoTap {
        fn chunk(&self) -> Box<dyn ChunkTap> {
            Box::new(NoTap)
        }
        fn absorb(&mut self, _path: &str, _records_before: u64, _chunk: Box<dyn ChunkTap>) {}
    }

    impl ChunkTap for NoTap {
        fn value(&mut self, _: Option<&str>, _: u64, _: &[u8]) {}
        fn hit(&mut self, _: Option<&str>, _: u64, _: PiiType, _: &[u8], _: &[u8]) {}
        fn end_record(&mut self, _: u64) {}
        fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
            self
        }
    }

    /// Long escaped cells read a window at a time give the findings (offsets, revealed
    /// values, records, fields) and counts they give unescaped whole.
    #[test]
    fn long_escaped_cells_read_in_windows_find_what_whole_cells_hold() {
        let data = big_escaped_cells();
        let layout = Layout::sniff("big.csv", &data, None);
        let mut cells = LongCells::default();
        let body = layout.body_start..data.len();
        let mut scratch = Scratch::default();
        layout.tokenize(&data, body, 0, &ChunkState::Start, &mut scratch, &mut cells);
        assert_eq!(cells.0, 3);

        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("big.csv");
        std::fs::write(&path, &data).expect("the input is written");
        let scan = |tap: Option<&mut dyn Tap>, name: &str| {
            let findings = dir.path().join(name);
            let opts = ScanOptions {
                paths: vec![path.clone().into_os_string()],
                threads: 1,
                reveal: true,
                findings: Some(findings.to_string_lossy().into_owned()),
                chunk_size: 64 << 10,
                sketch_key: Some(b"big cell key".to_vec()),
                ..ScanOptions::default()
            };
            let summary = run_with(&opts, tap).expect("scan runs");
            let lines = std::fs::read_to_string(findings).expect("findings are written");
            (format!("{:?}", summary.inputs[0].stats.fields), lines)
        };
        let (windows, windows_lines) = scan(None, "windows.jsonl");
        let (whole, whole_lines) = scan(Some(&mut NoTap), "whole.jsonl");
        assert!(windows_lines.lines().count() > 500, "{windows_lines}");
        assert!(windows_lines.contains("asha.rao@example.com"));
        assert_eq!(windows_lines, whole_lines);
        assert_eq!(windows, whole);
    }

    proptest::proptest! {
        /// What [`Measured::quoted_text`] says: a value that holds a quote and does not start
        /// with `data:` is no blob, no coordinate and has no shape of the column judgement;
        /// one that starts with `data:` may be a blob.
        #[test]
        fn a_quote_rules_out_whole_value_readings(
            before in "[0-9A-Za-z+/=. -]{0,300}",
            after in "[0-9A-Za-z+/=. -]{0,300}",
        ) {
            let value = format!("{before}\"{after}");
            let v = value.as_bytes();
            proptest::prop_assert!(!crate::detect::is_blob(v));
            proptest::prop_assert_eq!(column::shape_bits(v), 0);
            for axis in [Axis::Latitude, Axis::Longitude] {
                proptest::prop_assert_eq!(geo::coordinate(v, axis), None);
            }
            // A `data:` head may hold a quote.
            let headed = format!("data:{value};base64,{}", "QUJD1234".repeat(40));
            proptest::prop_assert!(crate::detect::is_blob(headed.as_bytes()));
        }
    }

    /// A value of up to two pieces is detected whole, in one call.
    #[test]
    fn short_values_are_one_piece() {
        let det = Detector::builtin().expect("built-in patterns load");
        let v = b"mail asha.rao@example.com ".repeat(2 * PIECE / 26);
        assert_eq!(by_pieces(&det, &v).1, 1);
    }
}

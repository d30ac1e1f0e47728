//! Entry points of the fuzz targets (`fuzz/fuzz_targets/`) and of their regression tests
//! (`tests/fuzz_regressions/`, run on stable by `cargo test`): each takes arbitrary bytes, runs
//! one stage of the pipeline on them, and panics when an invariant breaks. A crash found by
//! the fuzzer is committed as a file and replayed through the same function.
//!
//! - [`tokenize`]: the first bytes pick a format (every [`Format::ALL`], or sniffing), a chunk
//!   size and a read window; the rest is tokenised whole and again as the scanner streams it,
//!   in windows cut at record-aligned chunk edges. Both must give the same values, records
//!   and offsets, every value inside the input. New formats are covered as they join
//!   [`Format::ALL`].
//! - [`container`]: the bytes as a top-level input, read through from memory and as a stream
//!   under small [`Limits`]; every leaf is drained and sniffed.
//! - [`detect`]: the first bytes name a field, the rest is its value; the built-in detector,
//!   every validator, normalisation and masking run over it, and hits must lie inside the
//!   value, in order, without overlap.

use crate::detect::normalize::normalize;
use crate::detect::{validate, Detector};
use crate::format::{ChunkState, Edge, FieldRef, FieldSink, Format, Layout, Scratch, Value};
use crate::input::container::{self, Leaf, Limits, Sink};
use crate::output::mask::mask;
use std::io::Read;
use std::sync::OnceLock;

/// Where a value sits, owned (a [`FieldRef`] outlives its chunk).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// No field.
    None,
    /// A column, 0-based.
    Column(usize),
    /// A named field.
    Name(Vec<u8>),
}

/// One value as tokenising reports it, in input coordinates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// 1-based record number over the whole input.
    pub record: u64,
    /// Its field.
    pub field: Field,
    /// Stored offset and length in the input.
    pub span: (u64, u64),
    /// The unescaped bytes detection sees.
    pub bytes: Vec<u8>,
}

/// Collects the values of one chunk.
struct Collect<'t> {
    tokens: &'t mut Vec<Token>,
    /// Records completed before this chunk.
    before: u64,
    /// Records completed in this chunk.
    records: u64,
    /// Length of the input: no value may reach past it.
    input_len: u64,
}

impl FieldSink for Collect<'_> {
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        if value.bytes.is_empty() {
            return;
        }
        if let Some(map) = value.stored_at {
            assert_eq!(map.len(), value.bytes.len(), "one stored offset a byte");
            assert!(
                map.dense().windows(2).all(|w| w[0] <= w[1]),
                "stored offsets ascend"
            );
        }
        let span = value.stored_span(0, value.bytes.len());
        assert!(
            span.0 + span.1 <= self.input_len,
            "value {span:?} past the input's {} bytes",
            self.input_len
        );
        self.tokens.push(Token {
            record: self.before + self.records + 1,
            field: match field {
                FieldRef::None => Field::None,
                FieldRef::Column(c) => Field::Column(c),
                FieldRef::Name(n) => Field::Name(n.to_vec()),
            },
            span,
            bytes: value.bytes.to_vec(),
        });
    }

    fn end_record(&mut self) {
        self.records += 1;
    }
}

/// Checks what [`Layout::chunk_edges`] promises for a window of `len` bytes.
fn check_edges(edges: &[Edge], len: usize, at_eof: bool) {
    assert_eq!(edges.first().map(|e| e.at), Some(0), "edges start at 0");
    assert!(edges.windows(2).all(|w| w[0].at <= w[1].at), "edges ascend");
    let last = edges.last().map_or(0, |e| e.at);
    assert!(last <= len, "edge {last} past the window's {len} bytes");
    // A `Stop` edge (a corrupt BSON document) ends the input early.
    let stopped = matches!(edges.last().map(|e| &e.state), Some(ChunkState::Stop(_)));
    if at_eof && !stopped {
        assert_eq!(last, len, "at the end, the last edge is the window's end");
    }
}

/// The values of `data` tokenised as one chunk (the input held whole).
pub fn tokens_whole(layout: &Layout, data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let from = layout.body_start.min(data.len());
    let mut sink = Collect {
        tokens: &mut tokens,
        before: 0,
        records: 0,
        input_len: data.len() as u64,
    };
    layout.tokenize(
        data,
        from..data.len(),
        0,
        &ChunkState::Start,
        &mut Scratch::default(),
        &mut sink,
    );
    tokens
}

/// The values of `data` as the scanner reads a stream: windows of `window` more bytes each
/// (the first holding at least the body's start), cut into chunks of about `target` bytes
/// at the edges [`Layout::chunk_edges`] gives; what follows a window's last edge is carried
/// into the next.
pub fn tokens_streamed(layout: &Layout, data: &[u8], target: usize, window: usize) -> Vec<Token> {
    let window = window.max(1);
    let mut tokens = Vec::new();
    let mut scratch = Scratch::default();
    let mut pos = data.len().min(window.max(layout.body_start));
    let mut buf = data[..pos].to_vec();
    let mut body = layout.body_start.min(buf.len());
    let mut consumed = 0u64;
    let mut records = 0u64;
    let mut state = ChunkState::Start;
    loop {
        let done = pos == data.len();
        let edges = layout.chunk_edges(&buf[body..], target, done, &state);
        check_edges(&edges, buf.len() - body, done);
        if let Some(edge) = edges.last() {
            state = edge.state.clone();
        }
        let last = body + edges.last().map_or(0, |e| e.at);
        if last > body {
            for pair in edges.windows(2) {
                let mut sink = Collect {
                    tokens: &mut tokens,
                    before: records,
                    records: 0,
                    input_len: data.len() as u64,
                };
                layout.tokenize(
                    &buf,
                    body + pair[0].at..body + pair[1].at,
                    consumed,
                    &pair[0].state,
                    &mut scratch,
                    &mut sink,
                );
                records += sink.records;
            }
            consumed += last as u64;
            buf.drain(..last);
            body = 0;
        }
        if done {
            return tokens;
        }
        let more = window.min(data.len() - pos);
        buf.extend_from_slice(&data[pos..pos + more]);
        pos += more;
    }
}

/// Names inputs are sniffed under.
const NAMES: [&str; 7] = [
    "dump", "a.csv", "a.tsv", "a.jsonl", "a.json", "a.sql", "a.txt",
];

/// Fuzz entry: `[format, chunk, window, input...]`. The first byte picks a format of
/// [`Format::ALL`] or sniffing; the input tokenised whole and streamed must agree.
pub fn tokenize(data: &[u8]) {
    let [pick, chunk, window, input @ ..] = data else {
        return;
    };
    let forced = Format::ALL.get(usize::from(*pick) % (Format::ALL.len() + 1));
    // Sniffing also reads the name: let the pick vary it.
    let name = NAMES[usize::from(*pick) / (Format::ALL.len() + 1) % NAMES.len()];
    let layout = Layout::sniff(name, input, forced.copied());
    let whole = tokens_whole(&layout, input);
    let target = 1 + usize::from(*chunk);
    let window = 1 + 4 * usize::from(*window);
    let streamed = tokens_streamed(&layout, input, target, window);
    assert!(
        whole == streamed,
        "{:?} (chunk {target}, window {window}): streamed values differ from whole",
        layout.format
    );
}

/// The limits the container target reads under: small, so bombs stop fast.
pub const FUZZ_LIMITS: Limits = Limits {
    max_decoded_bytes: 4 << 20,
    max_ratio: 50,
    max_depth: 4,
    max_members: 64,
};

/// Drains every leaf, sniffing it as the scanner would.
#[derive(Default)]
struct Drain {
    /// Leaf bytes read, all leaves together.
    read: u64,
}

impl Sink for Drain {
    type Error = std::convert::Infallible;

    fn leaf(&mut self, leaf: &Leaf<'_>, reader: &mut dyn Read) -> Result<(), Self::Error> {
        assert!(!leaf.path.is_empty(), "a leaf has a name");
        let mut buf = vec![0u8; 64 << 10];
        let mut first = true;
        loop {
            match reader.read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => {
                    if first {
                        let _ = crate::input::content::classify(&buf[..n]);
                        let _ = Layout::sniff(leaf.name, &buf[..n], None);
                        first = false;
                    }
                    self.read += n as u64;
                }
                Err(e) => {
                    let _ = container::stop_of(&e).to_string();
                    return Ok(());
                }
            }
        }
    }

    fn skipped(&mut self, _: crate::aggregate::Skipped) {}

    fn error(&mut self, _: crate::error::InputError) {}
}

/// Fuzz entry: `data` as a top-level input, read through whole (as a memory map is) and as
/// a stream. Neither may read more than the limits allow: at most the decoded-bytes limit
/// from decompressors, plus the input itself once a member.
pub fn container(data: &[u8]) {
    let limits = FUZZ_LIMITS;
    let bound = limits.max_decoded_bytes + data.len() as u64 * (limits.max_members + 1);
    let mut whole = Drain::default();
    let Ok(()) = container::read_whole("fuzz.bin", data, &limits, &mut whole);
    assert!(
        whole.read <= bound,
        "read {} bytes through a memory map",
        whole.read
    );
    let mut stream = Drain::default();
    let mut source = data;
    let Ok(()) = container::read_stream(
        "fuzz.bin",
        &mut source,
        data.len() as u64,
        &limits,
        &mut stream,
    );
    assert!(
        stream.read <= bound,
        "read {} bytes through a stream",
        stream.read
    );
}

/// The built-in detector, compiled once.
fn detector() -> &'static Detector {
    static DET: OnceLock<Detector> = OnceLock::new();
    DET.get_or_init(|| Detector::builtin().expect("built-in patterns load"))
}

/// Fuzz entry: `[n, field name (n % 32 bytes), value...]`. Hits lie inside the value, in
/// order, without overlap; every validator, normalisation and masking take any bytes.
pub fn detect(data: &[u8]) {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let (name, value) = rest.split_at(usize::from(n % 32).min(rest.len()));
    let det = detector();
    let hint = det.field_hint(name);
    let mut hits = Vec::new();
    det.detect(value, hint, &mut hits);
    let mut end = 0;
    let mut norm = Vec::new();
    for hit in &hits {
        assert!(
            end <= hit.start && hit.start < hit.end && hit.end <= value.len(),
            "hit {}..{} after {end} in {} bytes",
            hit.start,
            hit.end,
            value.len()
        );
        end = hit.end;
        let raw = &value[hit.start..hit.end];
        normalize(hit.ty, raw, det.region(), &mut norm);
        let _ = mask(hit.ty, raw);
    }
    for name in validate::NAMES {
        let valid = validate::by_name(name).expect("a listed validator");
        let _ = valid(value);
    }
}

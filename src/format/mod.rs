//! Formats: how records and fields are found in an input's bytes.
//!
//! A [`Layout`] is what sniffing the start of an input tells (format, CSV delimiter and
//! header, where the body starts). It cuts the body into record-aligned chunks
//! ([`Layout::chunk_edges`]) and tokenises a chunk into records and field values, handing each
//! value to a [`FieldSink`]. Tokenisers never detect: they only say where values are.

pub mod bson;
pub mod csv;
pub mod es;
pub mod json;
pub mod sniff;
pub mod sql;
pub mod text;
pub mod url;

use std::ops::Range;
use std::sync::Arc;

/// The formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Comma (or `;`/`|`) separated values, with or without a header.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// One JSON document a line (also `mongoexport` output).
    Jsonl,
    /// A JSON array of documents, or one document.
    Json,
    /// An SQL dump (mysqldump, pg_dump, SQLite `.dump`): row tuples, fields `table.column`.
    Sql,
    /// Lines of text; `key=value` and `key: value` pairs inside a line are fields.
    Text,
    /// MongoDB `mongodump` BSON: length-prefixed documents.
    Bson,
    /// An Elasticsearch `_bulk` body: action lines, each followed by its document.
    EsBulk,
    /// `elasticdump` output: one `{"_index", "_id", "_source"}` hit a line.
    Elasticdump,
}

impl Format {
    /// The `--format` / report name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Sql => "sql",
            Format::Text => "text",
            Format::Bson => "bson",
            Format::EsBulk => "es-bulk",
            Format::Elasticdump => "elasticdump",
        }
    }

    /// Every format, in `--format` order.
    pub const ALL: [Format; 9] = [
        Format::Csv,
        Format::Tsv,
        Format::Jsonl,
        Format::Json,
        Format::Sql,
        Format::Text,
        Format::Bson,
        Format::EsBulk,
        Format::Elasticdump,
    ];

    /// The format with this `--format` name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Where a value sits, as the tokeniser sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRef<'a> {
    /// No field can be told (free text).
    None,
    /// A CSV/TSV column, 0-based; its name comes from [`Layout::column_name`].
    Column(usize),
    /// A named field: a JSON key path (`address.city`, `cards[].number`, identifier-like
    /// segments already replaced by `{}`) or the key of a `key=value` pair.
    Name(&'a [u8]),
}

/// One value handed to the sink.
#[derive(Clone, Copy, Debug)]
pub struct Value<'a> {
    /// The bytes detection sees: the value unescaped (CSV `""`, JSON `\"`, `\u0040`).
    pub bytes: &'a [u8],
    /// Absolute offset, in the input's decoded content, of the value as stored (inside
    /// its quotes).
    pub offset: u64,
    /// For an unescaped value, where each byte of `bytes` starts in the stored value
    /// (relative to `offset`), and the stored length; `None` when `bytes` is the stored
    /// value itself.
    pub stored_at: Option<&'a StoredAt>,
}

impl Value<'_> {
    /// Maps `start..end` in `bytes` to the absolute stored offset and stored length.
    pub fn stored_span(&self, start: usize, end: usize) -> (u64, u64) {
        match self.stored_at {
            None => (self.offset + start as u64, (end - start) as u64),
            Some(map) => {
                let s = map.get(start) as u64;
                let e = map.get(end) as u64;
                (self.offset + s, e - s)
            }
        }
    }
}

/// Where each byte of an unescaped value starts in its stored form, relative to the
/// value's stored start, plus the stored length: a map from decoded to stored offsets.
///
/// It is kept sparse, as runs of bytes whose stored offsets step evenly (by 1 for bytes
/// copied as stored, 2 for hex digits, 0 for the bytes of one escaped character): an
/// escape costs a run or two, and the bytes between escapes cost nothing. Offsets past
/// 4 GiB saturate at `u32::MAX` (only an unclosed quote makes a value that long).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredAt {
    /// Ascending by `at`; the first starts at 0 when the value is not empty.
    runs: Vec<Run>,
    /// Decoded bytes mapped.
    len: usize,
    /// The stored length (the entry for offset `len`).
    end: u32,
}

/// Decoded bytes `at..` (up to the next run) stored at `stored + k * step`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    at: usize,
    stored: u32,
    step: u8,
}

impl Run {
    /// The stored offset of decoded byte `i` (at or past `at`), saturating.
    fn stored_of(&self, i: usize) -> u32 {
        let k = (i - self.at) as u64 * u64::from(self.step);
        u32::try_from(u64::from(self.stored) + k).unwrap_or(u32::MAX)
    }
}

impl StoredAt {
    /// Empties the map for a new value.
    pub fn clear(&mut self) {
        self.runs.clear();
        self.len = 0;
        self.end = 0;
    }

    /// Maps the next `n` decoded bytes: byte `k` of them starts at stored offset
    /// `stored + k * step`.
    pub fn run(&mut self, n: usize, stored: u32, step: u8) {
        if n == 0 {
            return;
        }
        let i = self.len;
        self.len += n;
        if let Some(last) = self.runs.last_mut() {
            if last.stored_of(i) == stored && (n == 1 || last.step == step) {
                return;
            }
            // A run of one byte takes the step of the bytes after it.
            if last.at + 1 == i && u64::from(last.stored) + u64::from(step) == u64::from(stored) {
                last.step = step;
                return;
            }
        }
        self.runs.push(Run {
            at: i,
            stored,
            step,
        });
    }

    /// Maps the next `n` decoded bytes to where bytes `from..from + n` of the value mapped by
    /// `inner` are stored (`from + n` at most `inner`'s [`StoredAt::len`]): a value decoded
    /// from an unescaped one maps to the bytes stored before both.
    pub fn run_through(&mut self, inner: &StoredAt, from: usize, n: usize) {
        debug_assert!(from + n <= inner.len, "bytes past the inner map");
        if n == 0 {
            return;
        }
        let end = from + n;
        let mut k = inner.runs.partition_point(|r| r.at <= from) - 1;
        let mut at = from;
        while at < end {
            let run = inner.runs[k];
            let run_end = inner.runs.get(k + 1).map_or(inner.len, |r| r.at).min(end);
            self.run(run_end - at, run.stored_of(at), run.step);
            at = run_end;
            k += 1;
        }
    }

    /// Sets the stored length, which maps offset [`StoredAt::len`].
    pub fn set_end(&mut self, end: u32) {
        self.end = end;
    }

    /// Decoded bytes mapped.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no byte is mapped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Runs kept: what the map costs.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// Where decoded byte `i` starts in the stored value; for `i` = [`StoredAt::len`], the
    /// stored length.
    pub fn get(&self, i: usize) -> u32 {
        if i >= self.len {
            return self.end;
        }
        let k = self.runs.partition_point(|r| r.at <= i);
        self.runs[k - 1].stored_of(i)
    }

    /// The map written out, one entry a decoded byte and a final one for the stored length.
    pub fn dense(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.len + 1);
        for (k, run) in self.runs.iter().enumerate() {
            let next = self.runs.get(k + 1).map_or(self.len, |r| r.at);
            out.extend((run.at..next).map(|i| run.stored_of(i)));
        }
        out.push(self.end);
        out
    }
}

/// Whether `s` is a UUID (`8-4-4-4-12` hex digits): an identifier-like JSON key, and no
/// number where its groups happen to be all digits.
pub fn is_uuid(s: &[u8]) -> bool {
    s.len() == 36
        && s.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Receives what a tokeniser finds, record by record.
pub trait FieldSink {
    /// A value of the current record. Empty values may be skipped by the tokeniser.
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>);
    /// A value of the current record that must be unescaped and is stored in more than
    /// [`csv::LONG_CELL`] bytes: a CSV cell with `""` escapes, handed still escaped so that
    /// it can be read a window at a time. By default it is unescaped whole into `scratch`
    /// and handed to [`FieldSink::value`].
    fn escaped_cell(
        &mut self,
        field: FieldRef<'_>,
        cell: &csv::EscapedCell<'_>,
        scratch: &mut Scratch,
    ) {
        cell.hand_whole(field, scratch, self);
    }
    /// The current record ended (a CSV row, a JSON document, a text line).
    fn end_record(&mut self);
    /// The current record's own id (an Elasticsearch `_id`), unescaped; it may come before,
    /// between or after the record's values.
    fn record_id(&mut self, _id: &[u8]) {}
}

/// What a field's name says about its values, worked out once per field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FieldHint {
    /// Types the field name supports, one bit per [`crate::types::PiiType`] index.
    pub supports: u32,
    /// The name says the field holds ids, order or invoice numbers, hashes, timestamps or
    /// amounts: weak shapes are never reported there.
    pub denies_weak: bool,
    /// The name says the field holds the name of a thing, not of a person (`company`,
    /// `employer`, `company_name`): no person's name is read in it, not even in free text.
    pub names_thing: bool,
}

impl FieldHint {
    /// Whether the name supports `ty`.
    pub fn supports(&self, ty: crate::types::PiiType) -> bool {
        self.supports & (1 << ty.index()) != 0
    }
}

/// Per-worker scratch space reused across chunks, so tokenising allocates nothing per value.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Unescaped value bytes.
    pub value: Vec<u8>,
    /// Stored offsets of unescaped bytes (see [`Value::stored_at`]).
    pub stored_at: StoredAt,
    /// The current JSON key path.
    pub path: Vec<u8>,
    /// Lengths of `path` at each open nesting level.
    pub path_stack: Vec<usize>,
}

/// How one input is laid out: its format and what the tokeniser needs to know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The format records are read in.
    pub format: Format,
    /// The CSV/TSV field delimiter.
    pub delimiter: u8,
    /// CSV/TSV header names (empty when the first row is data).
    pub header: Vec<String>,
    /// Offset where the body starts (after a byte-order mark and a CSV header).
    pub body_start: usize,
}

impl Layout {
    /// Sniffs the layout from the first bytes of an input (`head`, the whole input or at
    /// least its first 64 KiB) and its name. `forced` is a `--format` other than `auto`.
    pub fn sniff(name: &str, head: &[u8], forced: Option<Format>) -> Layout {
        sniff::layout(name, head, forced)
    }

    /// The report name of CSV column `index` (0-based): its header, or `col{index+1}`.
    pub fn column_name(&self, index: usize) -> String {
        match self.header.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => format!("col{}", index + 1),
        }
    }

    /// Record-aligned chunk edges in `window`, which starts at a record boundary where the
    /// tokeniser is in state `start` ([`ChunkState::Start`] at the body's start).
    ///
    /// Returns ascending offsets into `window`, starting with 0, each a record boundary,
    /// about `target` bytes apart, with the state at each. With `at_eof`, the last edge is
    /// `window.len()`, whose state goes unused (no window follows; [`sql::chunk_edges`] does
    /// not walk a last window shorter than `target`, and gives it the first edge's);
    /// without, it is the last record boundary in the window (the rest is carried into the
    /// next window, which starts in that edge's state), and may be 0 when no record ends in
    /// the window. A walk that meets input it cannot read past (a corrupt BSON document)
    /// ends with an edge in state [`ChunkState::Stop`] there instead.
    pub fn chunk_edges(
        &self,
        window: &[u8],
        target: usize,
        at_eof: bool,
        start: &ChunkState,
    ) -> Vec<Edge> {
        let plain = |offsets: Vec<usize>| {
            offsets
                .into_iter()
                .map(|at| Edge {
                    at,
                    state: ChunkState::Start,
                })
                .collect()
        };
        match self.format {
            Format::Csv | Format::Tsv => plain(csv::chunk_edges(window, target, at_eof)),
            Format::Json => plain(json::array_chunk_edges(window, target, at_eof)),
            Format::Sql => sql::chunk_edges(window, target, at_eof, start),
            Format::Jsonl | Format::Text | Format::Elasticdump => {
                plain(text::line_chunk_edges(window, target, at_eof))
            }
            Format::Bson => bson::chunk_edges(window, target, at_eof),
            Format::EsBulk => plain(es::bulk_chunk_edges(window, target, at_eof)),
        }
    }

    /// Tokenises `data[range]` (a chunk from [`Layout::chunk_edges`], starting in `state`)
    /// into records and values. `base` is the absolute offset of `data[0]` in the input's
    /// decoded content.
    pub fn tokenize(
        &self,
        data: &[u8],
        range: Range<usize>,
        base: u64,
        state: &ChunkState,
        scratch: &mut Scratch,
        sink: &mut impl FieldSink,
    ) {
        match self.format {
            Format::Csv | Format::Tsv => {
                csv::tokenize(self.delimiter, data, range, base, scratch, sink)
            }
            Format::Jsonl => json::tokenize_lines(data, range, base, scratch, sink),
            Format::Json => json::tokenize_array(data, range, base, scratch, sink),
            Format::Sql => sql::tokenize(data, range, base, state, scratch, sink),
            Format::Text => text::tokenize(data, range, base, scratch, sink),
            Format::Bson => bson::tokenize(data, range, base, scratch, sink),
            Format::EsBulk => es::tokenize_bulk(data, range, base, scratch, sink),
            Format::Elasticdump => es::tokenize_elasticdump(data, range, base, scratch, sink),
        }
    }
}

/// A chunk edge and the tokeniser's state there.
#[derive(Clone, Debug)]
pub struct Edge {
    /// Offset in the window.
    pub at: usize,
    /// What the tokeniser must know at this offset.
    pub state: ChunkState,
}

/// What a tokeniser must know at a chunk's start that the chunk itself does not say: for an
/// SQL dump, the statement (table, columns) whose row tuples the chunk continues. Edges are
/// cut walking the input in order, so the walk that finds them records it.
#[derive(Clone, Debug, Default)]
pub enum ChunkState {
    /// Nothing: records are self-contained (CSV rows, JSON documents, lines).
    #[default]
    Start,
    /// Inside an SQL dump.
    Sql(Arc<sql::State>),
    /// The input cannot be read from this edge on (a corrupt BSON document): the message
    /// says why. Only the last edge of a walk carries it.
    Stop(Arc<str>),
}

#[cfg(test)]
mod tests {
    use super::StoredAt;
    use proptest::prelude::*;

    #[test]
    fn unescaped_bytes_cost_no_runs() {
        let mut map = StoredAt::default();
        // `ab""cd` unquoted: `ab"` at 0..3, `cd` at 4..6.
        map.run(3, 0, 1);
        map.run(2, 4, 1);
        map.set_end(6);
        assert_eq!(map.dense(), [0, 1, 2, 4, 5, 6]);
        assert_eq!(map.runs(), 2);
        // A 4-byte character from one 12-byte escape pair, then plain bytes.
        let mut map = StoredAt::default();
        map.run(4, 0, 0);
        map.run(1, 12, 1);
        map.set_end(13);
        assert_eq!(map.dense(), [0, 0, 0, 0, 12, 13]);
        // Plain bytes one at a time stay one run.
        let mut map = StoredAt::default();
        for i in 0..1000 {
            map.run(1, i, 1);
        }
        assert_eq!(map.runs(), 1);
        assert_eq!(map.get(999), 999);
        // Hex digits: two stored bytes a decoded byte.
        let mut map = StoredAt::default();
        for i in 0..10 {
            map.run(1, 2 * i, 2);
        }
        assert_eq!((map.runs(), map.get(7)), (1, 14));
    }

    #[test]
    fn offsets_saturate() {
        let mut map = StoredAt::default();
        map.run(10, u32::MAX - 4, 1);
        map.run(1, u32::MAX, 1);
        map.set_end(u32::MAX);
        assert_eq!(map.get(3), u32::MAX - 1);
        assert_eq!(map.get(9), u32::MAX);
        assert_eq!(map.get(10), u32::MAX);
        assert_eq!(map.runs(), 1);
    }

    /// A map with runs of `(bytes, gap before, step)`; with its dense form.
    fn map_of(runs: &[(usize, u32, u8)]) -> (StoredAt, Vec<u32>) {
        let mut map = StoredAt::default();
        let mut stored = 0;
        for &(n, gap, step) in runs {
            stored += gap;
            map.run(n, stored, step);
            stored += n as u32 * u32::from(step);
        }
        map.set_end(stored);
        let dense = map.dense();
        (map, dense)
    }

    proptest! {
        /// Bytes mapped through an inner map, in any pieces, land where the inner map says.
        #[test]
        fn runs_through_an_inner_map_compose(
            runs in proptest::collection::vec((1usize..6, 0u32..3, 0u8..3), 1..20),
            cuts in proptest::collection::vec(any::<proptest::sample::Index>(), 0..6),
        ) {
            let (inner, dense) = map_of(&runs);
            let mut cuts: Vec<usize> = cuts.iter().map(|c| c.index(inner.len() + 1)).collect();
            cuts.extend([0, inner.len()]);
            cuts.sort_unstable();
            let mut outer = StoredAt::default();
            for w in cuts.windows(2) {
                outer.run_through(&inner, w[0], w[1] - w[0]);
            }
            outer.set_end(inner.get(inner.len()));
            prop_assert_eq!(outer.dense(), dense);
        }

        /// The sparse map gives what a per-byte map would.
        #[test]
        fn sparse_is_dense(
            runs in proptest::collection::vec((1usize..5, 0u32..3, 0u8..3, any::<bool>()), 0..40)
        ) {
            let mut map = StoredAt::default();
            let mut want = Vec::new();
            let mut stored = 0u32;
            for (n, gap, step, whole) in runs {
                if whole {
                    map.run(n, stored, step);
                } else {
                    for k in 0..n {
                        map.run(1, stored + k as u32 * u32::from(step), step);
                    }
                }
                want.extend((0..n).map(|k| stored + k as u32 * u32::from(step)));
                stored += n as u32 * u32::from(step) + gap;
            }
            map.set_end(stored);
            want.push(stored);
            prop_assert_eq!(map.dense(), want.clone());
            for (i, &w) in want.iter().enumerate() {
                prop_assert_eq!(map.get(i), w);
            }
        }
    }
}

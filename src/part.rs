//! Parts of one input: the byte range `--range START-END` names, and where a part's records
//! start and end.
//!
//! A part holds the records that *begin* in `[START, END)`. Its first edge is the first record
//! boundary at or after `START`, found with the very logic that cuts chunks
//! ([`Layout::chunk_edges`]), so a CSV row with quoted newlines, a JSON array element or a line
//! belongs to the part it starts in; its last edge is the first boundary at or after `END`,
//! which the next part starts from. Parts that tile an input therefore tile its records, and
//! their scans add up to the scan of the whole input.
//!
//! How far back a part reads to find its first edge depends on the format. Lines (text, logs,
//! JSON Lines) need only the byte before `START`. CSV/TSV, JSON arrays and SQL dumps need the
//! tokeniser's state at `START` (inside a quoted cell or not, nesting depth; for SQL the
//! statement, its table and columns, the tables created before), which only a walk from the
//! body's start can tell exactly: the part walks its prefix for record boundaries only,
//! without detection. For CSV the walk jumps from quote to quote
//! with `memchr`, since only quotes change the state (a part 1 GB into the synthetic
//! `users.csv`, a quote every ~350 bytes: 0.5 s of CPU, page faults of the map included,
//! against 1.2 s with the chunking walk); JSON arrays and SQL dumps use the chunking walk
//! itself.

use crate::format::{csv, ChunkState, Format, Layout};
use memchr::memchr;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A byte range `[start, end)` of an input's decoded content.
///
/// ```
/// use leakscan::part::ByteRange;
/// let range: ByteRange = "0-4MiB".parse().unwrap();
/// assert_eq!((range.start, range.end), (0, 4 << 20));
/// assert!("9-3".parse::<ByteRange>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ByteRange {
    /// First byte.
    pub start: u64,
    /// One past the last byte.
    pub end: u64,
}

impl FromStr for ByteRange {
    type Err = String;

    /// `START-END`, each a size as `--size` takes it (`1073741824`, `1GiB`).
    fn from_str(text: &str) -> Result<ByteRange, String> {
        let (start, end) = text
            .split_once('-')
            .ok_or_else(|| format!("`{text}` is not START-END"))?;
        let start = crate::cli::parse_size(start)?;
        let end = crate::cli::parse_size(end)?;
        if start > end {
            return Err(format!("`{text}`: START is after END"));
        }
        Ok(ByteRange { start, end })
    }
}

impl fmt::Display for ByteRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// What a part scans of an input whose whole decoded content is `data`.
#[derive(Clone, Debug)]
pub struct Span {
    /// The records to tokenise: from the first record boundary at or after the range's start
    /// to the first at or after its end.
    pub records: Range<usize>,
    /// The tokeniser's state at `records.start`.
    pub state: ChunkState,
    /// The bytes the part accounts for: `records`, plus the bytes before the body (a
    /// byte-order mark, a CSV header) for the part that starts at offset 0, so that the
    /// parts' byte counts add up to the input's.
    pub bytes: Range<usize>,
}

/// Where the part `range` of `data` (laid out as `layout` says) starts and ends.
///
/// ```
/// use leakscan::format::{Format, Layout};
/// use leakscan::part::{span, ByteRange};
///
/// let data = b"name,phone\nasha,\"1\n2\"\nravi,3\n";
/// let layout = Layout::sniff("a.csv", data, Some(Format::Csv));
/// // Byte 14 is inside the quoted cell: the row that holds it began before the range.
/// let part = span(&layout, data, ByteRange { start: 14, end: 30 });
/// assert_eq!(&data[part.records], b"ravi,3\n");
/// ```
pub fn span(layout: &Layout, data: &[u8], range: ByteRange) -> Span {
    let body = layout.body_start.min(data.len());
    let (start, state) = edge_at_or_after(layout, data, body, range.start);
    let (end, _) = edge_at_or_after(layout, data, body, range.end.max(range.start));
    let first = if range.start == 0 { 0 } else { start };
    Span {
        records: start..end,
        state,
        bytes: first..end,
    }
}

/// The first window a part reads past `at` to find a boundary; it doubles until one is found.
const PROBE: usize = 64 << 10;

/// The first record boundary at or after `at` (an absolute offset) and the tokeniser's state
/// there: the body's start when `at` is before it, the end of `data` when no boundary follows.
fn edge_at_or_after(layout: &Layout, data: &[u8], body: usize, at: u64) -> (usize, ChunkState) {
    let Ok(at) = usize::try_from(at) else {
        return (data.len(), ChunkState::Start);
    };
    if at <= body {
        return (body, ChunkState::Start);
    }
    if at >= data.len() {
        return (data.len(), ChunkState::Start);
    }
    if matches!(layout.format, Format::Csv | Format::Tsv) {
        return (csv_row_boundary(data, body, at), ChunkState::Start);
    }
    // Chunk edges with target `at - body` are 0, then the first boundary at or after `at`:
    // the chunking walk itself, over a window that grows until it holds that boundary.
    let target = at - body;
    let mut probe = PROBE;
    loop {
        let end = at.saturating_add(probe).min(data.len());
        let at_eof = end == data.len();
        let edges = layout.chunk_edges(&data[body..end], target, at_eof, &ChunkState::Start);
        match edges.get(1) {
            Some(edge) if edge.at >= target => return (body + edge.at, edge.state.clone()),
            // At the end of the input the walk ends with an edge at `data.len()`, so this
            // arm is only reached for an empty body.
            _ if at_eof => return (data.len(), ChunkState::Start),
            _ => probe = probe.saturating_mul(2),
        }
    }
}

/// The first CSV/TSV row boundary at or after `at` (`body < at < data.len()`): the quote
/// rule of [`csv`] (which chunk edges follow), applied from the body's start one quote at a
/// time. Outside quotes a `\n` ends a row; a quote opens a section where
/// [`csv::opens_quote`] says so; inside, `""` is a literal quote and any other quote closes.
fn csv_row_boundary(data: &[u8], body: usize, at: usize) -> usize {
    let mut p = body;
    loop {
        // Outside quotes, up to the next quote: a newline at or after `at - 1` is the edge.
        let next = memchr(b'"', &data[p..]).map(|k| p + k);
        let stretch_end = next.unwrap_or(data.len());
        let from = p.max(at - 1);
        if from < stretch_end {
            if let Some(k) = memchr(b'\n', &data[from..stretch_end]) {
                return from + k + 1;
            }
        }
        let Some(quote) = next else {
            return data.len();
        };
        p = quote + 1;
        if !csv::opens_quote(data, body, quote) {
            continue;
        }
        // Inside a quoted section, which an unmatched quote runs to the end of the input.
        loop {
            let Some(k) = memchr(b'"', &data[p..]) else {
                return data.len();
            };
            let q = p + k;
            if data.get(q + 1) == Some(&b'"') {
                p = q + 2;
            } else {
                p = q + 1;
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use proptest::prelude::*;

    /// Every record boundary of `data`, as whole-input chunking with the smallest chunks sees
    /// them.
    fn boundaries(layout: &Layout, data: &[u8]) -> Vec<usize> {
        let body = layout.body_start.min(data.len());
        let mut all: Vec<usize> = layout
            .chunk_edges(&data[body..], 1, true, &ChunkState::Start)
            .into_iter()
            .map(|e| body + e.at)
            .collect();
        all.dedup();
        all
    }

    /// The naive oracle: the first boundary at or after `at`.
    fn naive(layout: &Layout, data: &[u8], at: usize) -> usize {
        let body = layout.body_start.min(data.len());
        if at <= body {
            return body;
        }
        boundaries(layout, data)
            .into_iter()
            .find(|&b| b >= at)
            .unwrap_or(data.len())
    }

    fn check_every_offset(name: &str, data: &[u8], format: Format) {
        let layout = Layout::sniff(name, data, Some(format));
        for at in 0..=data.len() + 2 {
            let (edge, _) = edge_at_or_after(&layout, data, layout.body_start, at as u64);
            assert_eq!(edge, naive(&layout, data, at), "{format:?} at {at}");
        }
    }

    #[test]
    fn parses_ranges() {
        let r: ByteRange = "5-5".parse().unwrap();
        assert_eq!((r.start, r.end), (5, 5));
        assert_eq!("0-1KiB".parse::<ByteRange>().unwrap().end, 1024);
        assert!("12".parse::<ByteRange>().is_err());
        assert!("a-3".parse::<ByteRange>().is_err());
        assert_eq!(r.to_string(), "5-5");
    }

    #[test]
    fn edges_agree_with_chunking_in_every_format() {
        let csv =
            b"name,note\r\nasha,\"line one\nline \"\"two\"\"\"\nravi,5\"x\n\"a,b\",c\nlast,row";
        check_every_offset("a.csv", csv, Format::Csv);
        let tsv = b"a\tb\nx\t\"q\n\"\n\ny\tz\n";
        check_every_offset("a.tsv", tsv, Format::Tsv);
        let lines = b"{\"a\":\"x\"}\n\n{\"a\":\"y\\n\"}\r\n{\"b\":1}";
        check_every_offset("a.jsonl", lines, Format::Jsonl);
        let array = b"\xEF\xBB\xBF[{\"a\":\"x,y\"},\n {\"b\":[1,2]},{\"c\":\"]\"}]";
        check_every_offset("a.json", array, Format::Json);
        let text = b"one\ntwo=2\n\nthree";
        check_every_offset("a.txt", text, Format::Text);
        check_every_offset("a.sql", b"INSERT INTO t VALUES (1);\n(2);\n", Format::Sql);
        let dump = b"CREATE TABLE t (a int, b text);\nINSERT INTO t VALUES (1,'x;)'),(2,'y');\n\
COPY t (a, b) FROM stdin;\n3\tz\n4\t\\N\n\\.\nINSERT INTO t VALUES (5,'w');\n";
        check_every_offset("a.sql", dump, Format::Sql);
    }

    #[test]
    fn parts_tile_the_records() {
        let data = b"name,phone\nasha,\"1\n2\"\nravi,3\nmeera,4\n";
        let layout = Layout::sniff("a.csv", data, Some(Format::Csv));
        let cuts = [0u64, 5, 14, 22, 23, 40];
        let parts: Vec<Span> = cuts
            .windows(2)
            .map(|w| {
                span(
                    &layout,
                    data,
                    ByteRange {
                        start: w[0],
                        end: w[1],
                    },
                )
            })
            .collect();
        assert_eq!(parts[0].bytes.start, 0, "the first part holds the header");
        assert_eq!(parts[0].records.start, layout.body_start);
        for pair in parts.windows(2) {
            assert_eq!(pair[0].records.end, pair[1].records.start);
            assert_eq!(pair[0].bytes.end, pair[1].bytes.start);
        }
        assert_eq!(parts.last().unwrap().bytes.end, data.len());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let data = b"a,b\n1,\"open\n2,3\n4,5\n";
        let layout = Layout::sniff("a.csv", data, Some(Format::Csv));
        let part = span(&layout, data, ByteRange { start: 8, end: 12 });
        assert_eq!(part.records, data.len()..data.len());
    }

    #[test]
    fn a_boundary_past_the_first_probe_is_found() {
        let mut data = b"a,b\n1,\"".to_vec();
        data.extend(std::iter::repeat_n(b'x', 3 * PROBE));
        data.extend_from_slice(b"\"\n2,3\n");
        let layout = Layout::sniff("a.csv", &data, Some(Format::Csv));
        let (edge, _) = edge_at_or_after(&layout, &data, layout.body_start, 10);
        assert_eq!(edge, data.len() - 4);
    }

    proptest! {
        #[test]
        fn random_csv_edges_match_the_oracle(
            cells in proptest::collection::vec(
                prop_oneof![
                    Just(&b","[..]), Just(&b"\n"[..]), Just(&b"\""[..]), Just(&b"\"\""[..]),
                    Just(&b"a"[..]), Just(&b"\r\n"[..]), Just(&b";"[..]), Just(&b"\t"[..]),
                    Just(&b"|"[..])
                ],
                0..60,
            ),
            at in 0usize..80,
        ) {
            let mut data = b"h1,h2\n".to_vec();
            for c in cells {
                data.extend_from_slice(c);
            }
            let layout = Layout::sniff("p.csv", &data, Some(Format::Csv));
            let (edge, _) = edge_at_or_after(&layout, &data, layout.body_start, at as u64);
            prop_assert_eq!(edge, naive(&layout, &data, at));
        }
    }
}

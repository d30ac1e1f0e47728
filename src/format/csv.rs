//! CSV and TSV: chunk edges that respect quoted newlines, and a tokeniser of rows into
//! column values.
//!
//! One quoting rule is shared by chunk edges, the tokeniser and sniffing (`Events`), so a
//! row is the same row however an input is cut:
//!
//! - a `"` opens a quoted section when it starts a row or follows one of `,` `;` `|` tab
//!   (the rule cannot depend on the delimiter, because chunk edges are cut without knowing
//!   it); any other `"` outside quotes is a literal byte, so a stray `5"` does not swallow
//!   the rest of the input;
//! - inside a quoted section `""` is a literal quote, and any other `"` closes it; a section
//!   that never closes runs to the end of the chunk (at the end of the input, the end of the
//!   input);
//! - delimiters and `\n` count only outside quoted sections; `\r\n` ends a row like `\n`.
//!
//! A cell that starts with a quoted section is reported without its quotes, `""` unescaped,
//! and anything between the closing quote and the delimiter appended as written. Empty and
//! blank (spaces and tabs only) cells are not reported; empty lines are not rows.

use super::text::{swar, EdgePicker};
use super::{FieldRef, FieldSink, Scratch, Value};
use std::ops::Range;

const QUOTE: u8 = b'"';

/// Whether a `"` at `p` outside quotes opens a quoted section (see the module docs).
/// `start` is a row start (the start of the scanned range).
#[inline]
pub(crate) fn opens_quote(data: &[u8], start: usize, p: usize) -> bool {
    p == start || matches!(data[p - 1], b'\n' | b',' | b';' | b'|' | b'\t')
}

/// A structural byte of CSV outside quoted sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Event {
    /// A field delimiter at this offset.
    Delim(usize),
    /// The `\n` ending a row, at this offset.
    RowEnd(usize),
    /// A quoted section: its opening quote, its closing quote (`None` when it runs to the end
    /// of the range) and whether it holds `""` escapes.
    Quoted {
        open: usize,
        close: Option<usize>,
        escaped: bool,
    },
}

/// The [`Event`]s of a range that starts at a row start, in order.
pub(super) struct Events<'a> {
    data: &'a [u8],
    start: usize,
    end: usize,
    delim: u8,
    /// The offset of the block `mask` covers.
    block: usize,
    /// Delimiters, `\n` and quotes of that block not yet consumed (see [`swar`]).
    mask: u32,
}

impl<'a> Events<'a> {
    /// Events of `data[range]` with field delimiter `delim` (pass `\n` to see rows only).
    pub(super) fn new(data: &'a [u8], range: Range<usize>, delim: u8) -> Events<'a> {
        let mut events = Events {
            data,
            start: range.start,
            end: range.end,
            delim,
            block: range.start,
            mask: 0,
        };
        events.load();
        events
    }

    /// Computes the mask of the block at `self.block`.
    #[inline]
    fn load(&mut self) {
        if self.block < self.end {
            self.mask = swar::mask(self.data, self.block, self.end, [self.delim, b'\n', QUOTE]);
        }
    }

    /// The offset of the next delimiter, `\n` or quote.
    #[inline(always)]
    fn hit(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.block += swar::BLOCK;
            if self.block >= self.end {
                return None;
            }
            self.load();
        }
        let at = self.block + swar::first(self.mask);
        self.mask &= self.mask - 1;
        Some(at)
    }

    /// Reads the quoted section whose opening quote was just hit: its closing quote (`None`
    /// when it runs to the end of the range) and whether it holds `""` escapes.
    fn quoted(&mut self) -> (Option<usize>, bool) {
        let mut escaped = false;
        while let Some(q) = self.hit() {
            if self.data[q] != QUOTE {
                continue;
            }
            if q + 1 < self.end && self.data[q + 1] == QUOTE {
                escaped = true;
                // The pair's second quote is the next hit.
                self.hit();
            } else {
                return (Some(q), escaped);
            }
        }
        (None, escaped)
    }

    /// The next structural byte outside quoted sections, its kind, and (for
    /// [`Structural::Quoted`]) the section it opens, read past: the one walk behind
    /// [`Event`]s and the tokeniser.
    #[inline(always)]
    fn structural(&mut self) -> Option<(usize, Structural)> {
        loop {
            let p = self.hit()?;
            match self.data[p] {
                // `\n` first: chunk edges pass it as the delimiter too.
                b'\n' => return Some((p, Structural::RowEnd)),
                QUOTE if opens_quote(self.data, self.start, p) => {
                    let (close, escaped) = self.quoted();
                    return Some((p, Structural::Quoted { close, escaped }));
                }
                QUOTE => {}
                _ => return Some((p, Structural::Delim)),
            }
        }
    }
}

/// What kind of structural byte [`Events::structural`] met.
#[derive(Clone, Copy)]
enum Structural {
    /// A field delimiter.
    Delim,
    /// The `\n` ending a row.
    RowEnd,
    /// An opening quote; its section's closing quote and whether it holds `""` escapes.
    Quoted { close: Option<usize>, escaped: bool },
}

impl Iterator for Events<'_> {
    type Item = Event;

    #[inline]
    fn next(&mut self) -> Option<Event> {
        let (p, kind) = self.structural()?;
        Some(match kind {
            Structural::Delim => Event::Delim(p),
            Structural::RowEnd => Event::RowEnd(p),
            Structural::Quoted { close, escaped } => Event::Quoted {
                open: p,
                close,
                escaped,
            },
        })
    }
}

/// Record-aligned chunk edges (see [`super::Layout::chunk_edges`]).
///
/// Only quoted sections and the row ends near each wanted edge matter, so the walk jumps
/// from one opening quote to the next with `memchr`, and looks for a row end only from a
/// wanted edge on (the rows between edges are passed over): CSV with few quotes costs a
/// vector search over its bytes, not the [`Events`] of every row (measured on the 5 MB
/// corpus's three CSV/TSV files: 9.7 M instructions to 3.4 M). It cuts where the [`Events`]
/// walk would.
pub fn chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    let end = window.len();
    let mut picker = EdgePicker::new(target);
    // `at` is outside quoted sections; `open` the next quote at or after it that opens one.
    let mut at = 0;
    let mut open = next_open(window, at);
    // Without `at_eof`, the window's last row end (it ends the last chunk).
    let mut last = None;
    while !picker.done(end, at_eof) {
        let from = at.max(picker.next_at() - 1);
        let stop = open.unwrap_or(end);
        if let Some(k) = window
            .get(from..stop)
            .and_then(|gap| memchr::memchr(b'\n', gap))
        {
            picker.boundary(from + k + 1);
            at = from + k + 1;
            continue;
        }
        if !at_eof {
            last = memchr::memrchr(b'\n', &window[at..stop]).map_or(last, |k| Some(at + k + 1));
        }
        let Some(close) = open.and_then(|q| close_quote(window, q + 1)) else {
            // No section left, or one that runs to the end of the window.
            break;
        };
        at = close + 1;
        open = next_open(window, at);
    }
    if let Some(last) = last {
        picker.boundary(last);
    }
    picker.finish(end, at_eof)
}

/// The first quote at or after `at` (outside quoted sections) that opens a section.
fn next_open(data: &[u8], mut at: usize) -> Option<usize> {
    while let Some(k) = memchr::memchr(QUOTE, &data[at..]) {
        let p = at + k;
        if opens_quote(data, 0, p) {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// The closing quote of a quoted section whose content starts at `from` (`None`: it runs to
/// the end of `data`), `""` pairs passed over as [`Events::quoted`] does.
fn close_quote(data: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let q = from + memchr::memchr(QUOTE, &data[from..])?;
        if data.get(q + 1) != Some(&QUOTE) {
            return Some(q);
        }
        from = q + 2;
    }
}

/// Tokenises rows of `data[range]`.
pub fn tokenize(
    delimiter: u8,
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    let end = range.end;
    let mut row = Row {
        data,
        base,
        start: range.start,
        cell: range.start,
        column: 0,
        quoted: None,
    };
    let mut events = Events::new(data, range, delimiter);
    while let Some((p, kind)) = events.structural() {
        match kind {
            Structural::Quoted { close, escaped } => {
                if p == row.cell {
                    row.quoted = Some((close, escaped));
                }
            }
            Structural::Delim => {
                // Most cells of a sparse table are empty: no call for them.
                if p > row.cell {
                    row.cell(p, scratch, sink);
                }
                row.column += 1;
                row.cell = p + 1;
                row.quoted = None;
            }
            Structural::RowEnd => {
                row.end(strip_cr(data, row.start, p), scratch, sink);
                row.start = p + 1;
                row.cell = p + 1;
                row.column = 0;
                row.quoted = None;
            }
        }
    }
    if row.start < end {
        // The last row, without its newline.
        row.end(strip_cr(data, row.start, end), scratch, sink);
    }
}

/// `end`, less one if the byte before it is a `\r` (a CRLF row end).
pub(super) fn strip_cr(data: &[u8], start: usize, end: usize) -> usize {
    if end > start && data[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// The row being tokenised.
struct Row<'a> {
    data: &'a [u8],
    base: u64,
    /// Where the row starts.
    start: usize,
    /// Where the current cell starts.
    cell: usize,
    /// The current cell's column.
    column: usize,
    /// The current cell's leading quoted section: its closing quote and whether it has
    /// escapes; `None` when the cell does not start with a quote.
    quoted: Option<(Option<usize>, bool)>,
}

impl Row<'_> {
    /// Ends the row, whose content ends at `content_end`: reports its last cell and the
    /// record, unless the row is empty.
    fn end(&self, content_end: usize, scratch: &mut Scratch, sink: &mut impl FieldSink) {
        if content_end > self.start {
            self.cell(content_end, scratch, sink);
            sink.end_record();
        }
    }

    /// Reports the current cell, which ends at `end`. Always inlined: it runs once a cell.
    #[inline(always)]
    fn cell(&self, end: usize, scratch: &mut Scratch, sink: &mut impl FieldSink) {
        let (data, start) = (self.data, self.cell);
        if end <= start {
            return;
        }
        let field = FieldRef::Column(self.column);
        // The cell as stored, when it needs no unescaping.
        let stored = match self.quoted {
            None if data[start..end].iter().all(|&b| b == b' ' || b == b'\t') => return,
            None => start..end,
            Some((Some(close), false)) if close + 1 == end => start + 1..close,
            Some((None, false)) => start + 1..end,
            Some((close, _)) => {
                let cell = EscapedCell {
                    data,
                    start,
                    end,
                    close,
                    base: self.base,
                };
                if end - start > LONG_CELL {
                    sink.escaped_cell(field, &cell, scratch);
                } else {
                    cell.hand_whole(field, scratch, sink);
                }
                return;
            }
        };
        if !stored.is_empty() {
            sink.value(
                field,
                Value {
                    bytes: &data[stored.clone()],
                    offset: self.base + stored.start as u64,
                    stored_at: None,
                },
            );
        }
    }
}

/// A relative stored offset as kept in [`Scratch::stored_at`]; a value longer than 4 GiB
/// (only an unclosed quote can make one) saturates rather than wraps.
pub(super) fn rel(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A cell stored in more bytes than this, that must be unescaped (`""` pairs, text after
/// the closing quote), is handed to the sink as an [`EscapedCell`]
/// ([`FieldSink::escaped_cell`]), which may unescape it a window at a time instead of whole.
pub const LONG_CELL: usize = 64 << 10;

/// A cell that starts with a quoted section and must be unescaped, still as stored: it is
/// unescaped whole ([`EscapedCell::whole`]) or a window at a time ([`EscapedCell::window`]),
/// so that a field of any length can be read in bounded memory.
#[derive(Clone, Copy, Debug)]
pub struct EscapedCell<'a> {
    data: &'a [u8],
    /// The opening quote.
    start: usize,
    /// The cell's end.
    end: usize,
    /// The closing quote (`None`: the section runs to the end of the cell).
    close: Option<usize>,
    /// The absolute offset of `data[0]`.
    base: u64,
}

impl EscapedCell<'_> {
    /// The cell's value unescaped whole into `scratch` (empty when the cell holds nothing).
    pub fn whole<'s>(&self, scratch: &'s mut Scratch) -> Value<'s> {
        self.window(0, usize::MAX, scratch)
    }

    /// Unescapes the cell's value whole into `scratch` and hands it to `sink` as `field`,
    /// unless it is empty.
    pub fn hand_whole(
        &self,
        field: FieldRef<'_>,
        scratch: &mut Scratch,
        sink: &mut (impl FieldSink + ?Sized),
    ) {
        let value = self.whole(scratch);
        if !value.bytes.is_empty() {
            sink.value(field, value);
        }
    }

    /// Unescapes the bytes of the cell's value from stored offset `at` on (relative to the
    /// value's stored start, just after the opening quote; the stored start of a value byte,
    /// as the map of an earlier window gives it) into `scratch`, `want` bytes or up to the
    /// value's end when fewer are left. The window's map ends at the stored offset of the
    /// byte after it, where the next window starts.
    pub fn window<'s>(&self, at: usize, want: usize, scratch: &'s mut Scratch) -> Value<'s> {
        let from = self.start + 1 + at;
        unquote(self.data, from, self.end, self.close, want, scratch);
        Value {
            bytes: &scratch.value,
            offset: self.base + from as u64,
            stored_at: Some(&scratch.stored_at),
        }
    }
}

/// Unquotes the cell that ends at `end`, whose leading quoted section closes at `close`,
/// from stored offset `from` on, into `scratch.value`: `want` bytes, or all that are left
/// when fewer. Stored offsets are relative to `from`.
fn unquote(
    data: &[u8],
    from: usize,
    end: usize,
    close: Option<usize>,
    want: usize,
    scratch: &mut Scratch,
) {
    let (value, stored_at) = (&mut scratch.value, &mut scratch.stored_at);
    value.clear();
    stored_at.clear();
    let inner_end = close.unwrap_or(end);
    let mut i = from;
    while i < inner_end && value.len() < want {
        // Inside the section every quote is the first of a `""` pair: the bytes up to and
        // with it are copied, its second is passed over.
        let stop = inner_end.min(i.saturating_add(want - value.len()));
        let next = memchr::memchr(QUOTE, &data[i..stop]).map_or(stop, |q| i + q + 1);
        value.extend_from_slice(&data[i..next]);
        stored_at.run(next - i, rel(i - from), 1);
        i = next + usize::from(data[next - 1] == QUOTE);
    }
    if let Some(close) = close {
        if i >= close {
            // Text after the closing quote, as written.
            let tail = i.max(close + 1);
            let next = end.min(tail.saturating_add(want - value.len())).max(tail);
            value.extend_from_slice(&data[tail..next]);
            stored_at.run(next - tail, rel(tail - from), 1);
            i = next;
        }
    }
    // Where the next value byte is stored; past the last, where the stored value ends:
    // before its closing quote, unless text follows that quote.
    let stored_end = match close {
        _ if i < end && value.len() == want => i,
        Some(close) if close + 1 == end => close,
        _ => end,
    };
    stored_at.set_end(rel(stored_end.max(from) - from));
}

#[cfg(test)]
mod tests {
    use super::super::text::testing::{check_stored, chunked, streamed, structural_bytes, Got};
    use super::super::{Format, Layout};
    use super::*;

    fn layout(delimiter: u8) -> Layout {
        Layout {
            format: Format::Csv,
            delimiter,
            header: Vec::new(),
            body_start: 0,
        }
    }

    fn whole(data: &[u8]) -> Vec<Got> {
        chunked(&layout(b','), data, usize::MAX)
    }

    #[test]
    fn plain_rows_and_columns() {
        let got = whole(b"a,bb,c\r\n1,,3\n");
        assert_eq!(
            got,
            vec![
                Got::value("#0", "a", 0),
                Got::value("#1", "bb", 2),
                Got::value("#2", "c", 5),
                Got::End,
                Got::value("#0", "1", 8),
                Got::value("#2", "3", 11),
                Got::End,
            ]
        );
    }

    #[test]
    fn last_row_without_newline_and_blank_lines() {
        let got = whole(b"\n\r\nx,y\n\n  ,z");
        assert_eq!(
            got,
            vec![
                Got::value("#0", "x", 3),
                Got::value("#1", "y", 5),
                Got::End,
                Got::value("#1", "z", 11),
                Got::End,
            ]
        );
    }

    #[test]
    fn quoted_cells_offsets_inside_quotes() {
        let got = whole(b"\"Asha, Rao\",\"\",x\n");
        assert_eq!(
            got,
            vec![
                Got::value("#0", "Asha, Rao", 1),
                Got::value("#2", "x", 15),
                Got::End
            ]
        );
    }

    #[test]
    fn escaped_quotes_map_to_stored_offsets() {
        let data = b"id,\"say \"\"hi\"\" now\"\n";
        let got = whole(data);
        let Got::Value {
            bytes,
            offset,
            stored_at,
            ..
        } = &got[1]
        else {
            panic!("{got:?}")
        };
        assert_eq!(bytes, "say \"hi\" now");
        assert_eq!(*offset, 4);
        let map = stored_at.as_ref().expect("unescaped");
        // `hi` is bytes 5..7 of the value, stored at 6..8 after the first `""`.
        assert_eq!((map[5], map[7]), (6, 8));
        assert_eq!(map.len(), 13);
        assert_eq!(map[12], 14);
        assert_eq!(&data[4 + 6..4 + 8], b"hi");
    }

    #[test]
    fn text_after_closing_quote_is_kept() {
        let got = whole(b"\"ab\"cd,e\n");
        let Got::Value {
            bytes, stored_at, ..
        } = &got[0]
        else {
            panic!("{got:?}")
        };
        assert_eq!(bytes, "abcd");
        assert_eq!(stored_at.as_deref(), Some(&[0, 1, 3, 4, 5][..]));
    }

    #[test]
    fn quoted_newlines_stay_in_one_row() {
        let data = b"n,addr\r\nA,\"12 Main St\r\nFlat 4\"\r\nB,\"x\"\"\ny\"\n";
        let got = whole(data);
        let ends = got.iter().filter(|g| **g == Got::End).count();
        assert_eq!(ends, 3);
        assert!(got.contains(&Got::value("#1", "12 Main St\r\nFlat 4", 11)));
        assert_eq!(chunk_edges(data, 1, true), vec![0, 8, 32, data.len()]);
    }

    #[test]
    fn stray_quote_inside_a_cell_is_literal() {
        let got = whole(b"tv 5\" screen,x\ny,z\n");
        assert_eq!(got[0], Got::value("#0", "tv 5\" screen", 0));
        assert_eq!(got.iter().filter(|g| **g == Got::End).count(), 2);
    }

    #[test]
    fn unbalanced_quote_runs_to_the_end() {
        let data = b"a,\"open\nb,c\nd\r";
        let got = whole(data);
        assert_eq!(
            got,
            vec![
                Got::value("#0", "a", 0),
                Got::value("#1", "open\nb,c\nd", 3),
                Got::End
            ]
        );
        assert_eq!(chunk_edges(data, 1, false), vec![0]);
        assert_eq!(chunk_edges(data, 1, true), vec![0, data.len()]);
        // An unclosed section with escapes keeps its stored offsets.
        let got = whole(b"\"x\"\"y");
        assert_eq!(
            got[0],
            Got::Value {
                field: "#0".into(),
                bytes: "x\"y".into(),
                offset: 1,
                stored_at: Some(vec![0, 1, 3, 4]),
            }
        );
    }

    #[test]
    fn ragged_rows_and_tsv() {
        let got = chunked(&layout(b'\t'), b"a\tb\tc\td\n1\n", usize::MAX);
        assert_eq!(got[3], Got::value("#3", "d", 6));
        assert_eq!(got[5], Got::value("#0", "1", 8));
    }

    #[test]
    fn chunk_edges_spacing_and_tail() {
        let data = b"aa\nbb\ncc\ndd";
        assert_eq!(chunk_edges(data, 1, false), vec![0, 3, 6, 9]);
        assert_eq!(chunk_edges(data, 4, false), vec![0, 6, 9]);
        assert_eq!(chunk_edges(data, 100, false), vec![0, 9]);
        assert_eq!(chunk_edges(data, 100, true), vec![0, 11]);
        assert_eq!(chunk_edges(b"", 100, true), vec![0]);
        assert_eq!(chunk_edges(b"abc", 1, false), vec![0]);
    }

    #[test]
    fn any_target_gives_the_same_events() {
        let data: &[u8] = b"name,note\r\n\"Rao, A\",\"line1\nline2 \"\"q\"\"\"\r\n\nB,x\"y\n\"C\"\"\",\"\"\"\n,\"\n\"\nlast,\"open\n,";
        let reference = whole(data);
        assert!(reference.len() > 8);
        for target in [1, 2, 3, 7, 64, 1 << 20] {
            assert_eq!(
                chunked(&layout(b','), data, target),
                reference,
                "target {target}"
            );
        }
        for window in [1, 5, 16, 1000] {
            for target in [1, 7] {
                assert_eq!(
                    streamed(&layout(b','), data, window, target),
                    reference,
                    "window {window} target {target}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn random_rows_cut_anywhere(
            data in structural_bytes(),
            target in 1usize..40,
            window in 1usize..40,
        ) {
            for delimiter in [b',', b'\t'] {
                let reference = chunked(&layout(delimiter), &data, usize::MAX);
                check_stored(&data, &reference);
                proptest::prop_assert_eq!(&chunked(&layout(delimiter), &data, target), &reference);
                let streamed = streamed(&layout(delimiter), &data, window, target);
                proptest::prop_assert_eq!(&streamed, &reference);
            }
        }
    }

    /// The edges by their definition: every row end the [`Events`] walk meets is a boundary.
    fn edges_of_every_row(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
        let mut picker = EdgePicker::new(target);
        for event in Events::new(window, 0..window.len(), b'\n') {
            if let Event::RowEnd(p) = event {
                picker.boundary(p + 1);
            }
        }
        picker.finish(window.len(), at_eof)
    }

    proptest::proptest! {
        /// Jumping between quotes cuts where walking every row does.
        #[test]
        fn edges_jump_to_where_rows_end(
            data in structural_bytes(),
            target in 1usize..40,
            at_eof: bool,
        ) {
            proptest::prop_assert_eq!(
                chunk_edges(&data, target, at_eof),
                edges_of_every_row(&data, target, at_eof)
            );
        }
    }

    proptest::proptest! {
        /// An escaped cell read a window at a time gives the bytes and stored offsets of the
        /// cell unescaped whole, each window starting where the map of the one before ends.
        #[test]
        fn windows_are_the_whole_value_cut(
            inner in proptest::collection::vec(proptest::sample::select(&b"ab \"\n"[..]), 0..60),
            tail in proptest::collection::vec(proptest::sample::select(&b"c\" "[..]), 0..4),
            closed: bool,
            want in 1usize..9,
        ) {
            let mut data = b"x,\"".to_vec();
            for &b in &inner {
                if b == QUOTE {
                    data.push(QUOTE);
                }
                data.push(b);
            }
            if closed {
                data.push(QUOTE);
                data.extend_from_slice(&tail);
            }
            let cell = EscapedCell {
                data: &data,
                start: 2,
                end: data.len(),
                close: close_quote(&data, 3),
                base: 100,
            };
            let mut scratch = Scratch::default();
            let whole = cell.whole(&mut scratch);
            let (bytes, offset) = (whole.bytes.to_vec(), whole.offset);
            let map = whole.stored_at.expect("a map").dense();
            let mut at = 0;
            let mut got = Vec::new();
            loop {
                let window = cell.window(at, want, &mut scratch);
                let n = window.bytes.len();
                proptest::prop_assert!(n <= want);
                for k in 0..=n {
                    let stored = offset + u64::from(map[got.len() + k]);
                    proptest::prop_assert_eq!(window.stored_span(k, k).0, stored);
                }
                got.extend_from_slice(window.bytes);
                at += scratch.stored_at.get(n) as usize;
                if n < want {
                    break;
                }
            }
            proptest::prop_assert_eq!(got, bytes);
        }
    }

    #[test]
    fn events_quote_rule() {
        let data = b"a;\"b\nc\",x\"y\n";
        let events: Vec<Event> = Events::new(data, 0..data.len(), b',').collect();
        assert_eq!(
            events,
            vec![
                Event::Quoted {
                    open: 2,
                    close: Some(6),
                    escaped: false
                },
                Event::Delim(7),
                Event::RowEnd(11)
            ]
        );
    }
}

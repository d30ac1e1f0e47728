//! CSV and TSV: chunk edges that respect quoted newlines, and a tokeniser of rows into
//! column values.
use super::{FieldSink, Scratch};
use std::ops::Range;

/// Record-aligned chunk edges (see [`super::Layout::chunk_edges`]).
pub fn chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    todo!("{} {target} {at_eof}", window.len())
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
    todo!("{delimiter} {} {range:?} {base} {scratch:?} {}", data.len(), std::any::type_name_of_val(sink))
}

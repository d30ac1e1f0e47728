//! Lines of text, with `key=value` and `key: value` pairs as fields.
use super::FieldSink;
use std::ops::Range;

/// Chunk edges at line ends.
pub fn line_chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    todo!("{} {target} {at_eof}", window.len())
}

/// Tokenises lines of `data[range]`.
pub fn tokenize(data: &[u8], range: Range<usize>, base: u64, sink: &mut impl FieldSink) {
    todo!("{} {range:?} {base} {}", data.len(), std::any::type_name_of_val(sink))
}

//! JSON Lines, mongoexport output and JSON arrays of documents.
use super::{FieldSink, Scratch};
use std::ops::Range;

/// Chunk edges between the top-level elements of a JSON array.
pub fn array_chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    todo!("{} {target} {at_eof}", window.len())
}

/// Tokenises one JSON document a line.
pub fn tokenize_lines(data: &[u8], range: Range<usize>, base: u64, scratch: &mut Scratch, sink: &mut impl FieldSink) {
    todo!("{} {range:?} {base} {scratch:?} {}", data.len(), std::any::type_name_of_val(sink))
}

/// Tokenises the elements of a JSON array (or a single document).
pub fn tokenize_array(data: &[u8], range: Range<usize>, base: u64, scratch: &mut Scratch, sink: &mut impl FieldSink) {
    todo!("{} {range:?} {base} {scratch:?} {}", data.len(), std::any::type_name_of_val(sink))
}

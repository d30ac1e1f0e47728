//! SQL dumps: read as lines of text until the SQL tokeniser lands (`table.column` fields).

use super::{text, ChunkState, Edge, FieldSink, Scratch};
use std::ops::Range;

/// The tokeniser's state at a chunk edge inside an SQL dump.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {}

/// Chunk edges of an SQL dump (see [`super::Layout::chunk_edges`]).
pub fn chunk_edges(window: &[u8], target: usize, at_eof: bool, start: &ChunkState) -> Vec<Edge> {
    text::line_chunk_edges(window, target, at_eof)
        .into_iter()
        .map(|at| Edge {
            at,
            state: start.clone(),
        })
        .collect()
}

/// Tokenises an SQL dump chunk.
pub fn tokenize(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    _state: &ChunkState,
    _scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    text::tokenize(data, range, base, sink)
}

//! Outputs: the JSON report, the findings stream, the summary table, the HTML page. Values
//! are rendered only here, and only masked unless `--reveal` was given.

pub mod findings;
pub mod html;
pub mod mask;
pub mod report;
pub mod severity;
pub mod table;

use crate::types::{Basis, PiiType};
use mask::{Masked, Revealed};
use std::sync::Arc;

/// One finding, ready to be written as a line of the findings stream (the input's path is
/// given to the writer beside it).
#[derive(Clone, Debug)]
pub struct Finding {
    /// Offset of the value in the input's decoded content.
    pub offset: u64,
    /// Length of the value as stored.
    pub length: u64,
    /// Its type.
    pub ty: PiiType,
    /// The field it sits in, as reported.
    pub field: Option<Arc<str>>,
    /// 1-based record number.
    pub record: Option<u64>,
    /// The record's own id (an Elasticsearch `_id`), masked where a detector matches it
    /// (unless values are revealed).
    pub record_id: Option<Arc<str>>,
    /// 1-based record number within a part (`--range`) that cannot know `record`.
    pub part_record: Option<u64>,
    /// The value masked.
    pub masked: Masked,
    /// The raw value, only with `--reveal`.
    pub value: Option<Revealed>,
    /// Why it was reported.
    pub basis: Basis,
}

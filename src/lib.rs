//! leakscan tells you, fast, what personal data a leaked dump exposes.
//!
//! The pipeline, one stage a module, each using only the types of the stages before it:
//!
//! 1. [`input`]: walk the paths given, open each file (memory-mapped, or read where it
//!    cannot be mapped), sniff binary files and containers;
//! 2. [`format`]: sniff the format of each input, cut it into record-aligned chunks, and
//!    tokenise a chunk into records and field values;
//! 3. [`detect`]: one pass over each value finds candidates for every type, then each
//!    candidate is confirmed by its type's detector (shape, validator, field and keyword context);
//! 4. [`aggregate`]: per-chunk counts and mergeable distinct sketches, merged in input order;
//! 5. [`output`]: the JSON report, the findings stream and the summary table, where values
//!    are rendered only masked.
//!
//! [`scan`] wires the stages together and runs chunks on all cores with rayon. To scale out,
//! [`part`] cuts one input into byte ranges that hold whole records, and [`merge`] combines
//! the reports of disjoint parts into the report of their union.
//!
//! ```
//! use leakscan::detect::Detector;
//! use leakscan::format::FieldHint;
//! use leakscan::types::PiiType;
//!
//! let detector = Detector::builtin().expect("built-in patterns load");
//! let hits = detector.detect_text(b"write to asha.rao@example.com today");
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].ty, PiiType::Email);
//! # let _ = FieldHint::default();
//! ```
#![deny(missing_docs)]

pub mod aggregate;
pub mod calendar;
pub mod cli;
pub mod detect;
pub mod error;
pub mod format;
pub mod fuzz;
pub mod input;
pub mod merge;
pub mod output;
pub mod part;
pub mod scan;
pub mod signal;
mod swar;
pub mod synth;
pub mod types;
pub mod verify;

//! Synthetic dumps with byte-level ground truth.

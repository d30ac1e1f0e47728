//! Detection: candidates in one pass, confirmed per type.
pub mod validate;

//! leakscan's test suite, one binary: pattern vectors, chunk boundaries, the command line,
//! the output contract, and accuracy against the generator's ground truth.

mod accuracy;
mod boundaries;
mod cli;
mod common;
mod contract;
mod merge;
mod patterns;
mod spark;

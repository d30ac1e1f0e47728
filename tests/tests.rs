//! leakscan's test suite, one binary: pattern vectors, chunk boundaries, the command line,
//! the output contract, accuracy against the generator's ground truth, and containers.

mod accuracy;
mod boundaries;
mod cli;
mod common;
mod containers;
mod contract;
mod patterns;

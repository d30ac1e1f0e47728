//! leakscan's test suite, one binary: pattern vectors, chunk boundaries, the command line,
//! the output contract, the HTML report in a browser, containers, URL-encoded cells, and
//! accuracy against the generator's ground truth.

mod accuracy;
mod boundaries;
mod bucket;
mod cli;
mod column;
mod common;
mod containers;
mod contract;
mod documents;
mod dumps;
mod fuzzing;
mod geo;
mod heavy;
mod html;
mod merge;
mod patterns;
mod published;
mod robust;
mod spark;
mod sql;
mod url_cells;
mod verify;

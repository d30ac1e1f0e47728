//! Inputs: walking paths, opening files (memory-mapped or read), sniffing content.
//!
//! [`walk::walk`] turns the PATHs given into leaf inputs in walk order, [`mmap::open`] opens
//! one (the memory map's `unsafe` lives there), and [`content::classify`] tells from its
//! first bytes whether it is text (and in which encoding), a container, a document or binary.
//! [`container`] reads through compressed files and archives, handing on their members;
//! [`document`] extracts the text of documents (PDF, spreadsheets, office texts, web pages,
//! e-mail) and the metadata of photos; [`utf16`] reads UTF-16 text as UTF-8; [`remote`] lists and downloads objects of
//! object-store URLs (`s3://bucket/prefix`).

pub mod container;
pub mod content;
pub mod document;
pub mod mmap;
pub mod remote;
pub mod utf16;
pub mod walk;

/// One leaf input to scan, in walk order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSpec {
    /// Where to read it: a file path, or None for standard input.
    pub path: Option<std::path::PathBuf>,
    /// The input as reported (`path` in the contract): the path as given / joined while
    /// walking, bytes that are not UTF-8 written as `\xNN`; for stdin "-" (or a
    /// `--input-name`).
    pub display: String,
}

/// One entry of the walk, in walk order.
#[derive(Clone, Debug)]
pub enum Entry {
    /// An input to open and scan.
    Input(InputSpec),
    /// An object of an object-store URL, to download and scan as a stream.
    Object(remote::ObjectSpec),
    /// An input passed over without being opened (`special_file`).
    Skipped(crate::aggregate::Skipped),
    /// A path that could not be walked (not found, permission denied, symlink loop, ...).
    Error(crate::error::InputError),
}

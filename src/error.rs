//! Per-input failures. A failure names its input and the offset where reading stopped; the
//! scan records it in the report's `errors` and carries on with the other inputs.

use std::fmt;

/// What went wrong with one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The file could not be memory-mapped and could not be read either.
    Mmap,
    /// A compressed stream is corrupt or truncated.
    Decompress,
    /// An archive is corrupt or truncated.
    Archive,
    /// The content could not be parsed in its format.
    Format,
}

/// A failure to read one input: its path as reported, a kind, a message without any value
/// from the input, and the decoded offset where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The input as reported (`path` in the contract).
    pub path: String,
    /// What kind of failure.
    pub kind: ErrorKind,
    /// A short human message (never a value read from the input).
    pub message: String,
    /// Bytes of decoded content successfully read before the failure.
    pub offset: u64,
    /// Bytes the failure kept from being read, where they can be told: the size of a file
    /// that could not be opened or read at all. 0 when they cannot: past damage in a
    /// compressed stream, the decoded size of the rest is unknown.
    pub bytes: u64,
}

impl InputError {
    /// An error of `kind` for `path`, at offset 0.
    pub fn new(path: impl Into<String>, kind: ErrorKind, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            kind,
            message: message.into(),
            offset: 0,
            bytes: 0,
        }
    }

    /// An I/O error turned into a short, value-free message (`permission denied`).
    pub fn io(path: impl Into<String>, err: &std::io::Error) -> Self {
        InputError::new(path, ErrorKind::Io, io_message(err))
    }

    /// The same error, reported at `offset`.
    pub fn at(mut self, offset: u64) -> Self {
        self.offset = offset;
        self
    }

    /// The same error, keeping `bytes` unread.
    pub fn unread(mut self, bytes: u64) -> Self {
        self.bytes = bytes;
        self
    }
}

/// The lower-case description of an I/O error, without the OS error number.
pub fn io_message(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "not found".into(),
        K::PermissionDenied => "permission denied".into(),
        K::UnexpectedEof => "unexpected end of file".into(),
        K::InvalidData => "invalid data".into(),
        _ => {
            let text = err.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            text.to_lowercase()
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)?;
        if self.offset > 0 {
            write!(f, " (at byte {})", self.offset)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

//! Breach-claim verification (CONTRACT.md "Breach-claim verification", issue 8): is a claimed
//! sample ours, which of our fields are in it, how fresh is it, is it an old dump re-sold, or
//! made up?
//!
//! Three commands share this module, and all three run the ordinary scan
//! ([`crate::scan::run_with`]) with an extra consumer of its values and findings:
//!
//! - `leakscan digest`: the company's own export → [`sets::KeyedSets`] of keyed hashes
//!   ([`key::Key`], HMAC-SHA256) of its identifiers' normal forms ([`ident::Kind`]);
//! - `leakscan scan --sketch`: the same for a dump, plus a HyperLogLog per kind;
//! - `leakscan verify`: a sample's match rates against a digest, containment in known
//!   sketches, authenticity signals ([`signals`], number plans in [`plan`]), freshness, and a
//!   plain-language
//!   [`assess`]ment, reported as `leakscan.verify/1` ([`report`]).
//!
//! No file here holds a raw identifier, and every output renders values masked (or not at
//! all). Phones and ids can be enumerated, so a digest or sketch is only as private as its
//! key: the two never travel together.

pub mod assess;
pub mod collect;
pub mod ident;
pub mod key;
pub mod plan;
pub mod report;
pub mod sample;
pub mod sets;
pub mod signals;
pub mod stats;

use crate::scan::ScanError;

/// Why a digest, sketch or verification could not be made.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A digest or sketch file is not one, or is damaged.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The key given is not the one the file was built with.
    #[error(
        "{path} was built with the key whose fingerprint is {expected}; the key given has \
         fingerprint {given}: a wrong key cannot tell anything (it would match nothing)"
    )]
    WrongKey {
        /// The digest or sketch.
        path: String,
        /// The fingerprint in its header.
        expected: String,
        /// The given key's fingerprint.
        given: String,
    },
    /// The options cannot work together.
    #[error("{0}")]
    Usage(String),
    /// The scan underneath failed.
    #[error(transparent)]
    Scan(#[from] ScanError),
}

//! Clear-text passwords: the value of a field whose name says password (`password`,
//! `passwd`, `pwd`, `user_pass`) that is not a stored hash and not a placeholder. Fields
//! whose name also says hash, salt, hint, token or the like hold no clear text (their
//! pattern's `exclude_field_words`). Free text is not read: a password there has no edge.

use super::{free, trimmed};
use crate::detect::validate::crypt;
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// The longest value taken for a password (bcrypt reads at most 72 bytes).
const MAX_LEN: usize = 72;

/// Values that stand for no password (compared case-insensitively).
const PLACEHOLDERS: [&[u8]; 22] = [
    b"null",
    b"nil",
    b"none",
    b"n/a",
    b"na",
    b"-",
    b"--",
    b"?",
    b"<redacted>",
    b"[redacted]",
    b"redacted",
    b"<hidden>",
    b"[hidden]",
    b"hidden",
    b"removed",
    b"<removed>",
    b"[filtered]",
    b"filtered",
    b"not set",
    b"<blank>",
    b"empty",
    b"undefined",
];

/// Whether `v` (trimmed, non-empty) stands for no password: a placeholder word, one
/// character repeated (`********`, `xxxx`, `••••`), or braces/quotes around nothing.
fn placeholder(v: &[u8]) -> bool {
    PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(v))
        || v.windows(2).all(|w| w[0] == w[1])
        || v.iter()
            .all(|b| b"*x#.-_\"'{}[]()<> ".contains(&b.to_ascii_lowercase()))
        || v.starts_with("•".as_bytes()) && v.chunks(3).all(|c| c == "•".as_bytes())
}

/// Whether `v` looks stored rather than typed: a hash, or a long run of base64 or hex (an
/// encrypted or encoded value).
fn stored(v: &[u8]) -> bool {
    if crypt::match_hash(v).is_some_and(|(_, len)| len == v.len()) || crypt::bare_hex(v).is_some() {
        return true;
    }
    let b64 = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    v.len() >= 40 && v.iter().all(b64)
}

/// Appends the clear-text password that `v` is, if any.
///
/// Inlined: values outside a password field are passed over here, without a call.
#[inline]
pub(super) fn detect(det: &Detector, v: &[u8], hint: FieldHint, out: &mut Vec<Hit>, first: usize) {
    if det.enabled(PiiType::PasswordPlain) && hint.supports(PiiType::PasswordPlain) {
        read(v, out, first);
    }
}

/// [`detect`] for a value of a password field.
fn read(v: &[u8], out: &mut Vec<Hit>, first: usize) {
    let (s, e) = trimmed(v);
    let w = &v[s..e];
    if w.is_empty() || w.len() > MAX_LEN || placeholder(w) || stored(w) {
        return;
    }
    if w.iter().any(|&b| b < 0x20 || b == 0x7f) || !free(&out[first..], s, e) {
        return;
    }
    out.push(Hit {
        start: s,
        end: e,
        ty: PiiType::PasswordPlain,
        basis: Basis::FIELD,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(field: &str, v: &str) -> Option<String> {
        let det = Detector::builtin().unwrap();
        let mut out = Vec::new();
        det.detect(v.as_bytes(), det.field_hint(field.as_bytes()), &mut out);
        out.iter()
            .find(|h| h.ty == PiiType::PasswordPlain)
            .map(|h| v[h.start..h.end].to_string())
    }

    #[test]
    fn clear_text_in_a_password_field() {
        assert_eq!(found("password", "hunter2").as_deref(), Some("hunter2"));
        assert_eq!(
            found("user_pass", " Tr0ub4dor&3 ").as_deref(),
            Some("Tr0ub4dor&3")
        );
        assert_eq!(
            found("pwd", "correct horse battery staple").as_deref(),
            Some("correct horse battery staple")
        );
        assert!(found("username", "hunter2").is_none());
    }

    #[test]
    fn hashes_and_placeholders_are_not_passwords() {
        for v in [
            "********",
            "*",
            "NULL",
            "null",
            "<redacted>",
            "xxxxxxxx",
            "N/A",
            "••••••",
            "",
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "$2b$12$EixZaYVK1fsbw1ZfbX3OXePaWxn96p36WQoeG6Lruj3vjPGga31lW",
        ] {
            assert!(found("password", v).is_none(), "{v}");
        }
        assert!(found("password_hash", "hunter2").is_none());
        assert!(found("password_salt", "Xk3p9Q").is_none());
    }
}

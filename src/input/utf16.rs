//! UTF-16 text (Excel's "Unicode text" exports, Windows tools), read as UTF-8.
//!
//! [`Utf16Reader`] transcodes a UTF-16 stream to UTF-8 as it is read, so that formats and
//! detectors see the text they know. Offsets must still point into the stored UTF-16 bytes
//! (CONTRACT.md), and they can be recovered from the UTF-8 alone, without a map: every
//! UTF-8 character of 1 to 3 bytes came from one 2-byte code unit (an unpaired surrogate
//! becomes U+FFFD, 3 bytes, from 2), and every 4-byte character from a 4-byte surrogate
//! pair. [`stored_len`] and [`StoredCursor`] count that way.

use std::cell::Cell;
use std::io::{self, Read};

/// How many stored UTF-16 bytes the UTF-8 character starting with `byte` came from (0 for
/// a continuation byte).
fn weight(byte: u8) -> u64 {
    match byte {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 4,
        _ => 2,
    }
}

/// The stored UTF-16 length of `utf8`, text produced by [`Utf16Reader`] (cut at
/// character boundaries).
///
/// ```
/// use leakscan::input::utf16::stored_len;
///
/// assert_eq!(stored_len("a\u{e9}\u{20ac}\u{1f600}".as_bytes()), 2 + 2 + 2 + 4);
/// ```
pub fn stored_len(utf8: &[u8]) -> u64 {
    utf8.iter().map(|&b| weight(b)).sum()
}

/// Maps offsets in transcoded text to offsets in the stored UTF-16, walking forward from a
/// known pair: cheap for the increasing offsets of one chunk's findings.
#[derive(Clone, Copy, Debug)]
pub struct StoredCursor {
    /// Transcoded offset of the start point, relative to the data walked.
    start: usize,
    /// Stored offset of the start point.
    start_stored: u64,
    at: usize,
    stored: u64,
}

impl StoredCursor {
    /// A cursor at transcoded offset `at`, which is stored offset `stored`.
    pub fn new(at: usize, stored: u64) -> Self {
        StoredCursor {
            start: at,
            start_stored: stored,
            at,
            stored,
        }
    }

    /// The stored offset of transcoded offset `to` in `data` (`to` at or after the start).
    ///
    /// ```
    /// use leakscan::input::utf16::StoredCursor;
    ///
    /// let text = "n\u{e9}e: a@b.in".as_bytes();
    /// let mut cursor = StoredCursor::new(0, 2); // after a 2-byte BOM
    /// assert_eq!(cursor.stored(text, 6), 2 + 10);
    /// assert_eq!(cursor.stored(text, 1), 2 + 2); // backwards: walked again from the start
    /// ```
    pub fn stored(&mut self, data: &[u8], to: usize) -> u64 {
        if to < self.at {
            self.at = self.start;
            self.stored = self.start_stored;
        }
        self.stored += stored_len(&data[self.at..to]);
        self.at = to;
        self.stored
    }
}

/// Transcodes UTF-16 (little- or big-endian; a byte-order mark at the start is dropped) to
/// UTF-8 while reading. Unpaired surrogates become U+FFFD; a last odd byte is dropped.
/// `consumed` counts the stored bytes read so far (the BOM included).
pub struct Utf16Reader<'c, R> {
    inner: R,
    big_endian: bool,
    consumed: &'c Cell<u64>,
    /// Stored bytes read but not yet transcoded (an odd byte, a high surrogate waiting for
    /// its pair).
    raw: Vec<u8>,
    /// Transcoded bytes not yet handed out.
    out: Vec<u8>,
    out_at: usize,
    at_start: bool,
    at_eof: bool,
}

impl<'c, R: Read> Utf16Reader<'c, R> {
    /// Reads `inner` as UTF-16, big-endian if `big_endian`.
    pub fn new(inner: R, big_endian: bool, consumed: &'c Cell<u64>) -> Self {
        Utf16Reader {
            inner,
            big_endian,
            consumed,
            raw: Vec::with_capacity(RAW_CHUNK + 4),
            out: Vec::new(),
            out_at: 0,
            at_start: true,
            at_eof: false,
        }
    }

    /// Reads more stored bytes and transcodes what is complete; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        self.out.clear();
        self.out_at = 0;
        while self.out.is_empty() {
            if self.at_eof {
                return Ok(false);
            }
            let kept = self.raw.len();
            self.raw.resize(kept + RAW_CHUNK, 0);
            let n = match self.inner.read(&mut self.raw[kept..]) {
                Ok(n) => n,
                Err(e) => {
                    self.raw.truncate(kept);
                    return Err(e);
                }
            };
            self.raw.truncate(kept + n);
            self.consumed.set(self.consumed.get() + n as u64);
            self.at_eof = n == 0;
            self.transcode();
        }
        Ok(true)
    }

    /// Transcodes the complete code units of `raw` into `out`, keeping what may continue.
    fn transcode(&mut self) {
        let mut start = 0;
        if self.at_start && self.raw.len() >= 2 {
            self.at_start = false;
            let bom = if self.big_endian {
                [0xFE, 0xFF]
            } else {
                [0xFF, 0xFE]
            };
            if self.raw[..2] == bom {
                start = 2;
            }
        }
        let big_endian = self.big_endian;
        let unit = |pair: &[u8]| {
            if big_endian {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        };
        let mut end = start + (self.raw.len() - start) / 2 * 2;
        // A high surrogate last may pair with the next unit: keep it, unless nothing follows.
        if !self.at_eof
            && end >= start + 2
            && (0xD800..0xDC00).contains(&unit(&self.raw[end - 2..end]))
        {
            end -= 2;
        }
        let units = self.raw[start..end].chunks_exact(2).map(unit);
        let mut utf8 = [0u8; 4];
        for c in char::decode_utf16(units) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            self.out
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        if self.at_eof {
            // A last odd byte cannot be a character.
            self.raw.clear();
        } else {
            self.raw.drain(..end);
        }
    }
}

/// Stored bytes read at a time.
const RAW_CHUNK: usize = 1 << 16;

impl<R: Read> Read for Utf16Reader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.out_at == self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.out_at);
        buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
        self.out_at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xfe\xff" } else { b"\xff\xfe" });
        }
        for unit in text.encode_utf16() {
            out.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        out
    }

    /// Reads `stored` through the transcoder `step` bytes at a time (and the source one
    /// byte at a time when `trickle`).
    fn transcode(stored: &[u8], big_endian: bool, step: usize, trickle: bool) -> (Vec<u8>, u64) {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(1).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let consumed = Cell::new(0);
        let source: Box<dyn Read> = if trickle {
            Box::new(Trickle(stored))
        } else {
            Box::new(stored)
        };
        let mut reader = Utf16Reader::new(source, big_endian, &consumed);
        let mut out = Vec::new();
        let mut buf = vec![0u8; step];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        (out, consumed.get())
    }

    #[test]
    fn transcodes_and_counts_back_to_stored_offsets() {
        let text =
            "name,email\r\nJos\u{e9} \u{0906}\u{0936}\u{093e},asha@example.com \u{1f600}\r\n";
        for big_endian in [false, true] {
            for bom in [false, true] {
                let stored = encode(text, big_endian, bom);
                for (step, trickle) in [(1, false), (3, true), (4096, false), (7, true)] {
                    let (out, consumed) = transcode(&stored, big_endian, step, trickle);
                    assert_eq!(
                        out,
                        text.as_bytes(),
                        "be {big_endian} bom {bom} step {step}"
                    );
                    assert_eq!(consumed, stored.len() as u64);
                    let bom_len = if bom { 2 } else { 0 };
                    assert_eq!(bom_len + stored_len(&out), stored.len() as u64);
                    // The e-mail's stored offset, from the text alone.
                    let at = text.find("asha").unwrap();
                    let mut cursor = StoredCursor::new(0, bom_len);
                    let want = bom_len as usize + text[..at].encode_utf16().count() * 2;
                    assert_eq!(cursor.stored(&out, at), want as u64);
                }
            }
        }
    }

    #[test]
    fn broken_surrogates_and_odd_bytes_keep_offsets() {
        // A lone low surrogate, a high one not followed by a low one ('a'), then an odd
        // last byte.
        let stored = [0x00, 0xDC, 0x00, 0xD8, b'a', 0x00, 0x41];
        let (out, consumed) = transcode(&stored, false, 2, true);
        assert_eq!(out, "\u{fffd}\u{fffd}a".as_bytes());
        assert_eq!(consumed, 7);
        assert_eq!(stored_len(&out), 6);
        // A high surrogate last in the stream is not waited for forever.
        let (out, _) = transcode(&[b'a', 0x00, 0x00, 0xD8], false, 64, false);
        assert_eq!(out, "a\u{fffd}".as_bytes());
    }
}

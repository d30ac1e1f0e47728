//! Opening one input: its whole bytes (memory-mapped, or read when small) or a stream to read
//! in windows. This file holds the only `unsafe` code of the crate: the memory map.
//!
//! As in ripgrep's `searcher/mmap.rs`, mapping is an optimisation that may fail quietly: a
//! file that cannot be mapped is read as a stream instead, and both paths must give the scan
//! the same bytes.

use super::InputSpec;
use crate::error::InputError;
use memmap2::Mmap;
use std::fs::File;
use std::io::{self, Read};

/// Files shorter than this are read into memory rather than mapped: setting up and tearing
/// down a map costs more than reading a small file (ripgrep measures the same), and files
/// such as those in `/proc` report a size of 0 yet have content that only reading sees.
pub const MMAP_MIN_LEN: u64 = 64 * 1024;

/// An opened input's bytes.
pub enum Data {
    /// The whole file: a memory map, or a `Vec<u8>` when the file is below [`MMAP_MIN_LEN`]
    /// (empty files included). [`Data::whole`] gives the bytes.
    Whole(Box<dyn AsRef<[u8]> + Send + Sync>),
    /// A stream to read in windows (stdin, pipes, files that cannot be mapped, or when mmap
    /// is off).
    Stream(Box<dyn Read + Send>),
}

impl Data {
    /// The bytes of a [`Data::Whole`]; `None` for a stream.
    pub fn whole(&self) -> Option<&[u8]> {
        match self {
            Data::Whole(bytes) => Some((**bytes).as_ref()),
            Data::Stream(_) => None,
        }
    }
}

/// An opened input.
pub struct Opened {
    /// Its bytes, whole or as a stream.
    pub data: Data,
    /// Size as stored (0 for streams of unknown size, such as stdin).
    pub bytes_on_disk: u64,
}

/// Opens `spec`. With `allow_mmap` regular files are mapped (memmap2), or read whole below
/// [`MMAP_MIN_LEN`]; a mapping failure falls back to [`Data::Stream`] silently (ripgrep's
/// rule). Without it, files are read as [`Data::Stream`], so the read path can be tested and
/// used on files that may change while scanned. Standard input is always a stream.
///
/// ```
/// use leakscan::input::{mmap::open, InputSpec};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("a.csv");
/// std::fs::write(&path, b"name,phone\n")?;
/// let spec = InputSpec { path: Some(path), display: "a.csv".into() };
/// let opened = open(&spec, true)?;
/// assert_eq!(opened.data.whole(), Some(&b"name,phone\n"[..]));
/// assert_eq!(opened.bytes_on_disk, 11);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn open(spec: &InputSpec, allow_mmap: bool) -> Result<Opened, InputError> {
    let Some(path) = &spec.path else {
        return Ok(Opened {
            data: Data::Stream(Box::new(io::stdin())),
            bytes_on_disk: 0,
        });
    };
    let io_error = |err: io::Error| InputError::io(spec.display.as_str(), &err);
    let mut file = File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    let bytes_on_disk = meta.len();
    // Only a regular file has a size to trust and can be mapped; anything else given
    // directly (a device, a pipe) is streamed.
    if !allow_mmap || !meta.is_file() {
        return Ok(Opened {
            data: Data::Stream(Box::new(file)),
            bytes_on_disk,
        });
    }
    if bytes_on_disk < MMAP_MIN_LEN {
        let capacity = usize::try_from(bytes_on_disk).expect("below MMAP_MIN_LEN fits in usize");
        let mut bytes = Vec::with_capacity(capacity);
        file.read_to_end(&mut bytes).map_err(io_error)?;
        return Ok(Opened {
            data: Data::Whole(Box::new(bytes)),
            bytes_on_disk,
        });
    }
    let data = match map(&file) {
        Some(mmap) => Data::Whole(Box::new(mmap)),
        None => Data::Stream(Box::new(file)),
    };
    Ok(Opened {
        data,
        bytes_on_disk,
    })
}

/// Maps `file` read-only, or `None` if the system refuses (the caller then reads it).
fn map(file: &File) -> Option<Mmap> {
    // SAFETY: the map is read-only and never outlives the `Mmap` that owns it. memmap2 cannot
    // rule out another process truncating or rewriting the file while it is mapped (reads then
    // see the new bytes, or fault past a truncation); like ripgrep we accept that for inputs
    // being scanned; a caller that cannot accept it passes `allow_mmap = false`.
    let mmap = unsafe { Mmap::map(file) }.ok()?;
    // Only a hint for read-ahead: a kernel that refuses it changes nothing but speed.
    #[cfg(unix)]
    let _ = mmap.advise(memmap2::Advice::Sequential);
    Some(mmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use std::path::Path;

    fn spec(path: &Path) -> InputSpec {
        InputSpec {
            path: Some(path.to_path_buf()),
            display: "shown/as.csv".into(),
        }
    }

    /// All the bytes of an opened input, whichever way it was opened.
    fn read_all(opened: Opened) -> Vec<u8> {
        match opened.data {
            Data::Whole(bytes) => (*bytes).as_ref().to_vec(),
            Data::Stream(mut reader) => {
                let mut out = Vec::new();
                reader.read_to_end(&mut out).expect("read stream");
                out
            }
        }
    }

    #[test]
    fn mmap_small_read_and_stream_give_the_same_bytes() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for len in [
            1,
            1000,
            MMAP_MIN_LEN as usize - 1,
            MMAP_MIN_LEN as usize,
            300_000,
        ] {
            let content: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
            let path = tmp.path().join(format!("f{len}"));
            std::fs::write(&path, &content).expect("write");

            let mapped = open(&spec(&path), true).expect("open with mmap");
            assert!(mapped.data.whole().is_some(), "len {len}: whole");
            assert_eq!(mapped.bytes_on_disk, len as u64);
            assert_eq!(read_all(mapped), content, "len {len}: mmap/read whole");

            let streamed = open(&spec(&path), false).expect("open without mmap");
            assert!(streamed.data.whole().is_none(), "len {len}: stream");
            assert_eq!(streamed.bytes_on_disk, len as u64);
            assert_eq!(read_all(streamed), content, "len {len}: stream");
        }
    }

    #[test]
    fn empty_file_is_whole_and_empty() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("empty");
        std::fs::write(&path, b"").expect("write");
        let opened = open(&spec(&path), true).expect("open");
        assert_eq!(opened.data.whole(), Some(&[][..]));
        assert_eq!(opened.bytes_on_disk, 0);
        let opened = open(&spec(&path), false).expect("open");
        assert_eq!(read_all(opened), b"");
    }

    #[test]
    fn stdin_is_a_stream_of_unknown_size() {
        let stdin = InputSpec {
            path: None,
            display: "-".into(),
        };
        let opened = open(&stdin, true).expect("open stdin");
        assert!(opened.data.whole().is_none());
        assert_eq!(opened.bytes_on_disk, 0);
    }

    #[test]
    fn missing_file_is_an_io_error_named_by_its_display() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let err = match open(&spec(&tmp.path().join("gone")), true) {
            Err(err) => err,
            Ok(_) => panic!("opened a missing file"),
        };
        assert_eq!(
            err,
            InputError::new("shown/as.csv", ErrorKind::Io, "not found")
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file_is_permission_denied() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("locked.csv");
        std::fs::write(&path, b"a,b\n").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads any file: the case cannot be produced then.
        if File::open(&path).is_ok() {
            eprintln!("running as root: permission-denied case not checked");
            return;
        }
        for allow_mmap in [true, false] {
            match open(&spec(&path), allow_mmap) {
                Err(err) => assert_eq!(
                    err,
                    InputError::new("shown/as.csv", ErrorKind::Io, "permission denied")
                ),
                Ok(_) => panic!("opened an unreadable file"),
            }
        }
    }
}

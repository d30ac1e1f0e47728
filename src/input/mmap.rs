//! Opening one input: its whole bytes (memory-mapped, or read when small) or a stream to read
//! in windows. This file holds the `unsafe` code of the input layer: the memory map and the
//! SIGBUS guard that keeps it safe (the crate's only other `unsafe` blocks are one `mallopt`
//! call in `scan.rs` and one SSE2 block compare in `format/text.rs`).
//!
//! As in ripgrep's `searcher/mmap.rs`, mapping is an optimisation that may fail quietly: a
//! file that cannot be mapped is read as a stream instead, and both paths must give the scan
//! the same bytes.
//!
//! A mapped file that another process truncates while it is scanned makes the kernel raise
//! SIGBUS on the first access to a page past the new end, which kills a process that does
//! not handle it (ripgrep documents that it may abort here). On Linux, [`guard`] installs a
//! SIGBUS handler that looks the faulting address up among the live maps, maps a page of
//! zeros over the faulting page (`MAP_FIXED | MAP_ANONYMOUS`), flags that map and returns:
//! the access is retried and reads zeros. Nothing unwinds or jumps across Rust frames; the
//! handler only loads and stores atomics and calls `mmap`. The scan then reports the input
//! `partial`, with an error at the file's new size. A fault at an address of no live map is
//! handed back to the previous disposition (it kills the process as before).
//!
//! Why keep the map rather than always read: on a 1.08 GB CSV in the page cache (2 threads,
//! a shared 2-core machine under load, BENCHMARKS.md) the mapped scan took 29.4 s and 31.1 s,
//! the read path (`--no-mmap`, 16 MiB windows) 33.3 s and 34.5 s: reading is about 11 % slower.
//! The map is also what `--range` parts and a zip's central directory read through. Its cost
//! is resident memory: the mapped file's pages count in the peak (1.06 GB against 58–74 MB),
//! though the kernel may reclaim them at will.

use super::InputSpec;
use crate::error::InputError;
use memmap2::Mmap;
use std::fs::File;
use std::io::{self, Read};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

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
    /// For a memory-mapped file: set once a page of the map faulted because the file
    /// shrank while mapped (the page then reads as zeros).
    pub truncated: Option<Arc<AtomicBool>>,
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
            truncated: None,
        });
    };
    // A file that cannot be opened or read keeps all its bytes unread: its size, where a
    // stat can still tell it (a file without read permission).
    let io_error = |err: io::Error| {
        let size = std::fs::metadata(path).map_or(0, |meta| meta.len());
        InputError::io(spec.display.as_str(), &err).unread(size)
    };
    let mut file = File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    let bytes_on_disk = meta.len();
    // Only a regular file has a size to trust and can be mapped; anything else given
    // directly (a device, a pipe) is streamed.
    if !allow_mmap || !meta.is_file() {
        return Ok(Opened {
            data: Data::Stream(Box::new(file)),
            bytes_on_disk,
            truncated: None,
        });
    }
    if bytes_on_disk < MMAP_MIN_LEN {
        let capacity = usize::try_from(bytes_on_disk).expect("below MMAP_MIN_LEN fits in usize");
        let mut bytes = Vec::with_capacity(capacity);
        file.read_to_end(&mut bytes).map_err(io_error)?;
        return Ok(Opened {
            data: Data::Whole(Box::new(bytes)),
            bytes_on_disk,
            truncated: None,
        });
    }
    let (data, truncated) = match map(&file) {
        Some(map) => {
            let truncated = map.truncated();
            (Data::Whole(Box::new(map)), Some(truncated))
        }
        None => (Data::Stream(Box::new(file)), None),
    };
    Ok(Opened {
        data,
        bytes_on_disk,
        truncated,
    })
}

/// Maps `file` read-only under the SIGBUS guard, or `None` if the system refuses or the
/// guard cannot take the map (the caller then reads the file).
fn map(file: &File) -> Option<guard::Guarded> {
    // SAFETY: the map is read-only and never outlives the `Mmap` that owns it. Another
    // process may rewrite the file while it is mapped (reads then see the new bytes, as a
    // read would) or truncate it: the guard turns the faults past the new end into pages of
    // zeros, flagged, before the map is handed out.
    let mmap = unsafe { Mmap::map(file) }.ok()?;
    // Only a hint for read-ahead: a kernel that refuses it changes nothing but speed.
    #[cfg(unix)]
    let _ = mmap.advise(memmap2::Advice::Sequential);
    guard::Guarded::new(mmap)
}

/// The SIGBUS guard over live maps (see the module documentation).
#[cfg(any(target_os = "linux", target_os = "android"))]
mod guard {
    use memmap2::Mmap;
    use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
    use std::sync::{Arc, OnceLock};

    /// Most maps guarded at once; past it, files are read instead of mapped. A scan holds a
    /// few maps a worker thread (those its queued chunks come from).
    const SLOTS: usize = 1024;

    /// One live map, as the handler sees it: `start == 0` is a free slot.
    struct Slot {
        /// Set by whoever takes the slot, before `start`.
        taken: AtomicBool,
        start: AtomicUsize,
        len: AtomicUsize,
        /// The map's flag; valid while `start != 0` (its owner holds an `Arc` to it).
        flag: AtomicPtr<AtomicBool>,
    }

    #[allow(clippy::declare_interior_mutable_const)]
    const FREE: Slot = Slot {
        taken: AtomicBool::new(false),
        start: AtomicUsize::new(0),
        len: AtomicUsize::new(0),
        flag: AtomicPtr::new(std::ptr::null_mut()),
    };
    static TABLE: [Slot; SLOTS] = [FREE; SLOTS];
    static PAGE: AtomicUsize = AtomicUsize::new(4096);
    /// The disposition before ours, for faults that are not ours.
    static PREVIOUS: OnceLock<Option<libc::sigaction>> = OnceLock::new();

    /// Installs the handler once; false if it could not be installed.
    fn install() -> bool {
        let previous = PREVIOUS.get_or_init(|| {
            // SAFETY: plain libc calls on zeroed, owned structs; the handler installed is
            // async-signal-safe (atomics and mmap only).
            unsafe {
                let page = libc::sysconf(libc::_SC_PAGESIZE);
                if page > 0 {
                    PAGE.store(page as usize, Ordering::Relaxed);
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_sigbus as *const () as usize;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                (libc::sigaction(libc::SIGBUS, &action, &mut old) == 0).then_some(old)
            }
        });
        previous.is_some()
    }

    /// The SIGBUS handler: a zero page over a faulting page of a live map, else the previous
    /// disposition (the access faults again and is handled as before).
    extern "C" fn on_sigbus(_: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
        // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
        let addr = unsafe { (*info).si_addr() } as usize;
        let page = PAGE.load(Ordering::Relaxed);
        for slot in &TABLE {
            let start = slot.start.load(Ordering::Acquire);
            let len = slot.len.load(Ordering::Acquire);
            if start == 0 || addr < start || addr >= start + len {
                continue;
            }
            let at = addr & !(page - 1);
            // SAFETY: the page lies inside a live read-only map that this process owns;
            // replacing it with zeros changes only what those bytes read as.
            let zero = unsafe {
                libc::mmap(
                    at as *mut libc::c_void,
                    page,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                    -1,
                    0,
                )
            };
            if zero != libc::MAP_FAILED {
                let flag = slot.flag.load(Ordering::Acquire);
                // SAFETY: the slot's owner keeps the flag alive while the slot is taken.
                if let Some(flag) = unsafe { flag.as_ref() } {
                    flag.store(true, Ordering::Release);
                }
                return;
            }
            break;
        }
        if let Some(Some(previous)) = PREVIOUS.get() {
            // SAFETY: restoring a disposition the kernel gave us; sigaction is
            // async-signal-safe.
            unsafe { libc::sigaction(libc::SIGBUS, previous, std::ptr::null_mut()) };
        }
    }

    /// A map registered with the guard for as long as it lives.
    pub struct Guarded {
        map: Mmap,
        slot: usize,
        truncated: Arc<AtomicBool>,
    }

    impl Guarded {
        /// Registers `map`; `None` if the guard is not available or full.
        pub fn new(map: Mmap) -> Option<Guarded> {
            if map.is_empty() || !install() {
                return None;
            }
            let truncated = Arc::new(AtomicBool::new(false));
            let slot = TABLE.iter().position(|slot| {
                slot.taken
                    .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
                    .is_ok()
            })?;
            let entry = &TABLE[slot];
            entry
                .flag
                .store(Arc::as_ptr(&truncated).cast_mut(), Ordering::Release);
            entry.len.store(map.len(), Ordering::Release);
            entry.start.store(map.as_ptr() as usize, Ordering::Release);
            Some(Guarded {
                map,
                slot,
                truncated,
            })
        }

        /// The flag set when a page of this map faulted.
        pub fn truncated(&self) -> Arc<AtomicBool> {
            Arc::clone(&self.truncated)
        }
    }

    impl AsRef<[u8]> for Guarded {
        fn as_ref(&self) -> &[u8] {
            &self.map
        }
    }

    impl Drop for Guarded {
        fn drop(&mut self) {
            // Off the table before the map (and its flag) go.
            let entry = &TABLE[self.slot];
            entry.start.store(0, Ordering::Release);
            entry.len.store(0, Ordering::Release);
            entry.flag.store(std::ptr::null_mut(), Ordering::Release);
            entry.taken.store(false, Ordering::Release);
        }
    }
}

/// Elsewhere, maps are not guarded: a file truncated while mapped may still fault there.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
mod guard {
    use memmap2::Mmap;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    /// A map (no guard on this system).
    pub struct Guarded(Mmap, Arc<AtomicBool>);

    impl Guarded {
        /// Wraps `map`.
        pub fn new(map: Mmap) -> Option<Guarded> {
            Some(Guarded(map, Arc::default()))
        }

        /// A flag that is never set.
        pub fn truncated(&self) -> Arc<AtomicBool> {
            Arc::clone(&self.1)
        }
    }

    impl AsRef<[u8]> for Guarded {
        fn as_ref(&self) -> &[u8] {
            &self.0
        }
    }
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

    /// A file cut short by another process while mapped: the pages past its new end read
    /// as zeros, the process lives on, and the map is flagged.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn truncation_while_mapped_reads_zeros_and_is_flagged() {
        use std::sync::atomic::Ordering;
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("shrinks.csv");
        let content = vec![b'a'; 1 << 20];
        std::fs::write(&path, &content).expect("write");
        let opened = open(&spec(&path), true).expect("open");
        let truncated = opened.truncated.clone().expect("mapped");
        let Data::Whole(bytes) = opened.data else {
            panic!("a 1 MiB file is mapped")
        };
        let keep = 100_000;
        File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_len(keep))
            .expect("truncate");
        let data = (*bytes).as_ref();
        assert_eq!(data.len(), 1 << 20);
        let ones = data.iter().filter(|&&b| b == b'a').count();
        assert!(truncated.load(Ordering::Acquire), "the fault is flagged");
        // The page holding the new end keeps its bytes (the kernel zero-fills past the end
        // of the file within it); the pages after it read as zeros.
        assert!(ones as u64 >= keep && ones < keep as usize + 4096, "{ones}");
        assert!(data[(keep as usize + 4096)..].iter().all(|&b| b == 0));
        drop(bytes);
        // A map opened later is not flagged.
        let again = open(&spec(&path), true).expect("open");
        let flag = again.truncated.expect("100 kB is mapped");
        assert!(!flag.load(Ordering::Acquire));
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
                    InputError::new("shown/as.csv", ErrorKind::Io, "permission denied").unread(4)
                ),
                Ok(_) => panic!("opened an unreadable file"),
            }
        }
    }
}

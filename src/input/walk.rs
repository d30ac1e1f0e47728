//! Expanding the PATHs given into leaf inputs, in walk order.
//!
//! Directories are walked depth first, entries of each in byte order of their names (so the
//! order never depends on the file system or the locale), hidden files included, no ignore
//! files. Symlinks are followed; a directory already on the current path (same device and
//! inode) is reported as a loop instead of being entered again. Nothing is opened here: FIFOs,
//! sockets and devices are recognised from their metadata and skipped, because opening a FIFO
//! blocks until someone writes to it.

use super::{Entry, InputSpec};
use crate::aggregate::Skipped;
use crate::error::{ErrorKind, InputError};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// The skip reason of FIFOs, sockets and device files.
pub const SPECIAL_FILE: &str = "special_file";

/// Expands the PATHs given (`-` = stdin): a file is itself; a directory is walked recursively,
/// entries in byte order of their names, hidden files included, no ignore files; symlinks are
/// followed (a symlink to a directory once; a loop — a directory already on the current path,
/// by (dev, inode) — is an Error entry "symlink loop", never infinite); FIFOs, sockets and
/// device files become Skipped with reason "special_file" (never opened: opening a FIFO
/// blocks); unreadable directories / entries that vanish mid-walk become Error entries with a
/// clear message, and the walk goes on. A PATH that does not exist is an Error ("not found").
///
/// ```
/// use leakscan::input::{walk::walk, Entry};
///
/// let entries = walk(&["-".into()]);
/// assert!(matches!(&entries[..], [Entry::Input(spec)] if spec.path.is_none() && spec.display == "-"));
/// ```
pub fn walk(paths: &[OsString]) -> Vec<Entry> {
    let mut out = Vec::new();
    for arg in paths {
        if arg == "-" {
            out.push(Entry::Input(InputSpec {
                path: None,
                display: "-".into(),
            }));
            continue;
        }
        let path = PathBuf::from(arg);
        let display = display_path(&path);
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, display, &meta, &mut out),
            Ok(meta) => out.push(leaf(path, display, &meta)),
            Err(err) => out.push(Entry::Error(stat_error(&path, display, &err, false))),
        }
    }
    out
}

/// The lossless display form of a path (`\xNN` for non-UTF-8 bytes; valid UTF-8 as is).
///
/// ```
/// use leakscan::input::walk::display_path;
/// use std::path::Path;
///
/// assert_eq!(display_path(Path::new("dump/users.csv")), "dump/users.csv");
/// ```
pub fn display_path(path: &Path) -> String {
    // On Unix these are the raw bytes; on Windows WTF-8, whose only non-UTF-8 sequences are
    // unpaired surrogates: both come out escaped, never replaced by U+FFFD.
    display_bytes(path.as_os_str().as_encoded_bytes())
}

/// The lossless display form of bytes that should be text (a path, a field name): valid
/// UTF-8 as is, other bytes as `\xNN`.
///
/// ```
/// use leakscan::input::walk::display_bytes;
/// assert_eq!(display_bytes(b"caf\xe9"), "caf\\xe9");
/// ```
pub fn display_bytes(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            write!(out, "\\x{byte:02x}").expect("writing to a String cannot fail");
        }
    }
    out
}

/// A directory being walked: its identity (for loop detection) and its children still to visit.
struct Frame {
    id: DirId,
    children: std::vec::IntoIter<PathBuf>,
}

/// Walks the directory `root` depth first. An explicit stack rather than recursion: a deep tree
/// must not overflow a worker thread's small stack.
fn walk_dir(root: PathBuf, display: String, meta: &Metadata, out: &mut Vec<Entry>) {
    let mut stack = Vec::new();
    enter_dir(root, display, meta, &mut stack, out);
    while let Some(frame) = stack.last_mut() {
        let Some(child) = frame.children.next() else {
            stack.pop();
            continue;
        };
        let display = display_path(&child);
        match fs::metadata(&child) {
            Ok(meta) if meta.is_dir() => enter_dir(child, display, &meta, &mut stack, out),
            Ok(meta) => out.push(leaf(child, display, &meta)),
            Err(err) => out.push(Entry::Error(stat_error(&child, display, &err, true))),
        }
    }
}

/// Lists the directory `path` and pushes it on `stack`, unless it is already on it (a loop).
fn enter_dir(
    path: PathBuf,
    display: String,
    meta: &Metadata,
    stack: &mut Vec<Frame>,
    out: &mut Vec<Entry>,
) {
    let id = match dir_id(&path, meta) {
        Ok(id) => id,
        Err(err) => return out.push(Entry::Error(InputError::io(display, &err))),
    };
    if stack.iter().any(|frame| frame.id == id) {
        return out.push(Entry::Error(InputError::new(
            display,
            ErrorKind::Io,
            "symlink loop",
        )));
    }
    let (children, err) = sorted_children(&path);
    if let Some(err) = err {
        out.push(Entry::Error(InputError::io(display, &err)));
    }
    stack.push(Frame {
        id,
        children: children.into_iter(),
    });
}

/// The entries of `dir`, in byte order of their names, with the error that stopped the listing
/// if any (what was listed before it is still walked).
fn sorted_children(dir: &Path) -> (Vec<PathBuf>, Option<io::Error>) {
    let mut names = Vec::new();
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(err) => return (Vec::new(), Some(err)),
    };
    let mut error = None;
    for entry in listing {
        match entry {
            Ok(entry) => names.push(entry.file_name()),
            Err(err) => {
                error = Some(err);
                break;
            }
        }
    }
    names.sort_unstable_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    let children = names.into_iter().map(|name| dir.join(name)).collect();
    (children, error)
}

/// A non-directory: a regular file to scan, or a special file to skip unopened. `meta` comes
/// from following symlinks, so anything neither a file nor a directory is a FIFO, socket or
/// device.
fn leaf(path: PathBuf, display: String, meta: &Metadata) -> Entry {
    if meta.is_file() {
        Entry::Input(InputSpec {
            path: Some(path),
            display,
        })
    } else {
        Entry::Skipped(Skipped {
            path: display,
            reason: SPECIAL_FILE.into(),
            bytes: meta.len(),
        })
    }
}

/// The error for a path whose metadata could not be read. `listed` is true for an entry that
/// its directory listed a moment ago: if it is gone now, it vanished during the walk.
fn stat_error(path: &Path, display: String, err: &io::Error, listed: bool) -> InputError {
    if err.kind() == io::ErrorKind::NotFound {
        if fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink()) {
            return InputError::new(display, ErrorKind::Io, "broken symlink");
        }
        if listed {
            return InputError::new(display, ErrorKind::Io, "vanished during the walk");
        }
    }
    InputError::io(display, err)
}

/// What identifies a directory for loop detection.
#[cfg(unix)]
type DirId = (u64, u64);

/// The (device, inode) of a directory.
#[cfg(unix)]
fn dir_id(_path: &Path, meta: &Metadata) -> io::Result<DirId> {
    use std::os::unix::fs::MetadataExt;
    Ok((meta.dev(), meta.ino()))
}

/// What identifies a directory for loop detection.
#[cfg(not(unix))]
type DirId = PathBuf;

/// The canonical path of a directory: std gives no stable file id outside Unix.
#[cfg(not(unix))]
fn dir_id(path: &Path, _meta: &Metadata) -> io::Result<DirId> {
    fs::canonicalize(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Each entry as one comparable line: `input <path>`, `skipped <path> <reason>` or
    /// `error <path>: <message>`.
    fn lines(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|entry| match entry {
                Entry::Input(spec) => format!("input {}", spec.display),
                Entry::Skipped(s) => format!("skipped {} {}", s.path, s.reason),
                Entry::Error(e) => format!("error {}: {}", e.path, e.message),
                Entry::Object(o) => format!("object {}", o.display),
            })
            .collect()
    }

    /// `root` joined with `rel`, as the walk displays it.
    fn shown(root: &Path, rel: &str) -> String {
        display_path(&root.join(rel))
    }

    fn touch(path: &Path) {
        fs::write(path, b"x").expect("create test file");
    }

    #[test]
    fn walk_order_is_byte_order_of_names_depth_first() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        for name in ["b", "a", "B", ".hidden", "c", "dir.txt", "e", "\u{e9}"] {
            touch(&root.join(name));
        }
        fs::create_dir(root.join("dir")).expect("mkdir");
        fs::create_dir(root.join("dir/.git")).expect("mkdir");
        touch(&root.join("dir/z"));
        touch(&root.join("dir/a"));
        touch(&root.join("dir/.git/config"));
        touch(&root.join(".gitignore"));

        let got = lines(&walk(&[root.as_os_str().to_owned()]));
        let want: Vec<String> = [
            ".gitignore",
            ".hidden",
            "B",
            "a",
            "b",
            "c",
            "dir/.git/config",
            "dir/a",
            "dir/z",
            "dir.txt",
            "e",
            "\u{e9}",
        ]
        .iter()
        .map(|rel| format!("input {}", shown(root, rel)))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn paths_keep_the_order_given_and_missing_ones_are_errors() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("one.csv");
        touch(&file);
        let missing = tmp.path().join("missing.csv");
        let got = lines(&walk(&[
            missing.clone().into_os_string(),
            "-".into(),
            file.clone().into_os_string(),
        ]));
        assert_eq!(
            got,
            [
                format!("error {}: not found", display_path(&missing)),
                "input -".to_string(),
                format!("input {}", display_path(&file)),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_loops_reported() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        fs::create_dir(root.join("sub")).expect("mkdir");
        touch(&root.join("sub/file"));
        symlink(root, root.join("sub/up")).expect("symlink");
        symlink(root.join("sub"), root.join("other")).expect("symlink");
        symlink(root.join("sub/file"), root.join("link")).expect("symlink");
        symlink(root.join("nowhere"), root.join("dangling")).expect("symlink");

        let got = lines(&walk(&[root.as_os_str().to_owned()]));
        let want = [
            format!("error {}: broken symlink", shown(root, "dangling")),
            format!("input {}", shown(root, "link")),
            format!("input {}", shown(root, "other/file")),
            format!("error {}: symlink loop", shown(root, "other/up")),
            format!("input {}", shown(root, "sub/file")),
            format!("error {}: symlink loop", shown(root, "sub/up")),
        ];
        assert_eq!(got, want);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_skipped_without_blocking() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let fifo = tmp.path().join("pipe");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("run mkfifo");
        assert!(status.success(), "mkfifo failed");
        touch(&tmp.path().join("z.csv"));

        // A walk that opened the FIFO would hang: run it on a thread so a hang fails the test.
        let (send, recv) = std::sync::mpsc::channel();
        let root = tmp.path().as_os_str().to_owned();
        std::thread::spawn(move || send.send(walk(&[root])));
        let entries = recv
            .recv_timeout(Duration::from_secs(20))
            .expect("walk must not block on a FIFO");
        assert_eq!(
            lines(&entries),
            [
                format!("skipped {} special_file", display_path(&fifo)),
                format!("input {}", shown(tmp.path(), "z.csv")),
            ]
        );
        // Given directly, and a character device, too.
        let got = lines(&walk(&[fifo.clone().into_os_string(), "/dev/null".into()]));
        assert_eq!(
            got,
            [
                format!("skipped {} special_file", display_path(&fifo)),
                "skipped /dev/null special_file".to_string(),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_directory_is_an_error_and_the_walk_goes_on() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let locked = root.join("locked");
        fs::create_dir(&locked).expect("mkdir");
        touch(&locked.join("secret.csv"));
        touch(&root.join("open.csv"));
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads any directory: the case cannot be produced then.
        let readable = fs::read_dir(&locked).is_ok();
        let got = lines(&walk(&[root.as_os_str().to_owned()]));
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
        if readable {
            eprintln!("running as root: permission-denied case not checked");
            return;
        }
        assert_eq!(
            got,
            [
                format!("error {}: permission denied", display_path(&locked)),
                format!("input {}", shown(root, "open.csv")),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9 \xff\xfe.csv");
        assert_eq!(display_path(Path::new(name)), "caf\\xe9 \\xff\\xfe.csv");
        // Valid UTF-8 stays as is, next to an escaped byte.
        let mixed = [&b"d\xc3\xa9j\xc3\xa0/\xe0\xa4\xb9"[..], b"\x80"].concat();
        let mixed = std::ffi::OsStr::from_bytes(&mixed);
        assert_eq!(
            display_path(Path::new(mixed)),
            "d\u{e9}j\u{e0}/\u{0939}\\x80"
        );

        let tmp = tempfile::tempdir().expect("tempdir");
        touch(&tmp.path().join(name));
        let got = lines(&walk(&[tmp.path().as_os_str().to_owned()]));
        assert_eq!(
            got,
            [format!(
                "input {}/caf\\xe9 \\xff\\xfe.csv",
                display_path(tmp.path())
            )]
        );
        match &walk(&[tmp.path().join(name).into_os_string()])[..] {
            [Entry::Input(spec)] => {
                assert_eq!(spec.path.as_deref(), Some(tmp.path().join(name).as_path()))
            }
            other => panic!("unexpected walk: {other:?}"),
        }
    }

    #[test]
    fn display_keeps_the_path_as_given() {
        assert_eq!(display_path(Path::new("./dump//a.csv")), "./dump//a.csv");
        assert_eq!(
            display_path(&Path::new("dump/").join("a.csv")),
            "dump/a.csv"
        );
    }
}

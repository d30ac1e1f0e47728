//! A SQLite write-ahead log (`app.db-wal`) applied to a copy of its database's bytes: the
//! pages of the transactions it holds committed, as SQLite itself would read them
//! (<https://www.sqlite.org/fileformat2.html#the_write_ahead_log>).
//!
//! A copy of a live database taken in WAL mode (a phone's app data, a server's files) holds
//! its newest rows in the log, not yet in the database file. Frames are taken in order while
//! their salts match the log's header and their running checksum holds; the pages of the
//! frames up to the last commit among them replace the database's, and the database takes
//! the size that commit gives it. Frames after that commit (a transaction never committed)
//! and everything from the first bad frame on are left out, as SQLite's recovery leaves
//! them.

/// Magic numbers of a log: checksums over little-endian words, or big-endian ones (its
/// bytes are what [`crate::input::content`] sniffs a log by).
const MAGIC_LE: u32 = 0x377f_0682;
const MAGIC_BE: u32 = 0x377f_0683;
/// Bytes of the log's header and of a frame's header.
const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// The database `db` with the committed frames of the log `wal` applied; `None` when the
/// log is not one of this database's page size or commits nothing.
pub fn apply(db: &[u8], wal: &[u8]) -> Option<Vec<u8>> {
    let word = |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().expect("4 bytes"));
    if wal.len() < HEADER {
        return None;
    }
    let big_endian = match word(wal, 0) {
        MAGIC_LE => false,
        MAGIC_BE => true,
        _ => return None,
    };
    let page_size = word(wal, 8) as usize;
    if !page_size.is_power_of_two() || !(512..=65536).contains(&page_size) {
        return None;
    }
    if db.len() >= 18 && db_page_size(db) != Some(page_size) {
        return None;
    }
    let salts = &wal[16..24];
    let mut sum = checksum((0, 0), &wal[..24], big_endian);
    if sum != (word(wal, 24), word(wal, 28)) {
        return None;
    }
    let mut frames = Vec::new();
    let mut committed = None;
    let mut at = HEADER;
    while let Some(frame) = wal.get(at..at + FRAME_HEADER + page_size) {
        if &frame[8..16] != salts {
            break;
        }
        sum = checksum(sum, &frame[..8], big_endian);
        sum = checksum(sum, &frame[FRAME_HEADER..], big_endian);
        if sum != (word(frame, 16), word(frame, 20)) {
            break;
        }
        let page = word(frame, 0) as usize;
        if page == 0 {
            break;
        }
        frames.push((page, &frame[FRAME_HEADER..]));
        let pages_after = word(frame, 4) as usize;
        if pages_after != 0 {
            committed = Some((frames.len(), pages_after));
        }
        at += FRAME_HEADER + page_size;
    }
    let (count, pages) = committed?;
    let mut out = db.to_vec();
    out.resize(pages * page_size, 0);
    for &(page, data) in &frames[..count] {
        if page <= pages {
            out[(page - 1) * page_size..page * page_size].copy_from_slice(data);
        }
    }
    Some(out)
}

/// The page size a database's header gives (bytes 16-17, big-endian; 1 means 65536).
fn db_page_size(db: &[u8]) -> Option<usize> {
    match u16::from_be_bytes([db[16], db[17]]) {
        1 => Some(65536),
        n if n >= 512 && n.is_power_of_two() => Some(usize::from(n)),
        _ => None,
    }
}

/// SQLite's log checksum: the running pair `(s0, s1)` over `data` as 32-bit words.
fn checksum((mut s0, mut s1): (u32, u32), data: &[u8], big_endian: bool) -> (u32, u32) {
    for pair in data.chunks_exact(8) {
        let read = |b: &[u8]| {
            let b: [u8; 4] = b.try_into().expect("4 bytes");
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s0 = s0.wrapping_add(read(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(read(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

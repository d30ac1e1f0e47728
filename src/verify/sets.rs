//! The files `digest` and `scan --sketch` write: per identifier kind, keyed hashes in static
//! membership filters (binary fuse filters with 16-bit fingerprints), under a JSON header with
//! the format, normalisation version, false-positive rate and key fingerprint. A sketch also
//! keeps a HyperLogLog per kind, and merges: filters cannot be united, so a merged sketch
//! keeps each shard's filter and asks them all (its null rate grows with their number).
//!
//! Layout: `LSKEYED1`, the header's length (u32 LE), the header (JSON), then per kind in
//! header order, per filter: seed (u64), segment length, its mask, segment count length
//! (u32 each), the number of fingerprints (u64) and the fingerprints (u16 LE each).

use super::ident::Kind;
use super::key::Key;
use super::VerifyError;
use crate::aggregate::hll::{EncodedHll, Hll};
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};
use std::path::Path;
use xorf::{BinaryFuse16, Filter};

/// The file's first bytes.
const MAGIC: &[u8; 8] = b"LSKEYED1";

/// Bits of each filter fingerprint.
pub const FINGERPRINT_BITS: u32 = 16;

/// The false-positive rate of one filter: 2^-16. With 8-bit fingerprints it would be 1/256
/// per kind, and a record checked against the seven strong kinds would match by chance
/// 7/256 = 2.7 % of the time: as much as the share of a fabricated sample that may match.
/// With 16 bits the sum over all nine kinds is 9/65536 = 0.014 %.
pub const FALSE_POSITIVE_RATE: f64 = 1.0 / 65536.0;

/// What a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A digest of one's own customers (`leakscan digest`).
    Digest,
    /// A sketch of a dump (`leakscan scan --sketch`).
    Sketch,
}

impl Role {
    /// The header's `format`.
    pub fn format(self) -> &'static str {
        match self {
            Role::Digest => "leakscan.digest/1",
            Role::Sketch => "leakscan.sketch/1",
        }
    }
}

/// The JSON header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// `leakscan.digest/1` or `leakscan.sketch/1`.
    pub format: String,
    /// The version of the normalisation rules the hashed forms follow.
    pub normalization_version: u32,
    /// Bits per filter fingerprint.
    pub fingerprint_bits: u32,
    /// False-positive rate of one filter.
    pub false_positive_rate: f64,
    /// Fingerprint of the key the values were hashed with.
    pub key_fingerprint: String,
    /// Records read to build it.
    pub records: u64,
    /// The inputs it was built from, as the scan reported them.
    pub inputs: Vec<String>,
    /// Per kind present.
    pub kinds: Vec<KindHeader>,
}

/// One kind's entry in the header.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindHeader {
    /// The kind's name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Distinct keyed hashes put in its filters (summed over merged shards).
    pub entries: u64,
    /// Number of filters (shards merged).
    pub filters: u32,
    /// A sketch's distinct estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distinct_estimate: Option<u64>,
    /// A sketch's HyperLogLog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hll: Option<EncodedHll>,
}

/// A digest or sketch in memory.
pub struct KeyedSets {
    /// Its header.
    pub header: Header,
    /// Per kind in header order: its filters and (sketches) HyperLogLog.
    sets: Vec<(Kind, Vec<BinaryFuse16>, Option<Hll>)>,
}

impl KeyedSets {
    /// Builds a digest or sketch from the keyed hashes of each kind (`hashes[kind.index()]`,
    /// duplicates allowed).
    pub fn build(
        role: Role,
        key: &Key,
        inputs: Vec<String>,
        records: u64,
        mut hashes: Vec<Vec<u64>>,
    ) -> Result<KeyedSets, VerifyError> {
        let mut kinds = Vec::new();
        let mut sets = Vec::new();
        for kind in Kind::ALL {
            let h = &mut hashes[kind.index()];
            h.sort_unstable();
            h.dedup();
            if h.is_empty() {
                continue;
            }
            let filter = BinaryFuse16::try_from(&*h).map_err(|e| {
                VerifyError::Usage(format!("building the {} filter: {e}", kind.name()))
            })?;
            let hll = (role == Role::Sketch).then(|| {
                let mut hll = Hll::default();
                for &x in h.iter() {
                    hll.insert_hash(x);
                }
                hll
            });
            kinds.push(KindHeader {
                kind: kind.name().to_string(),
                entries: h.len() as u64,
                filters: 1,
                distinct_estimate: hll.as_ref().map(Hll::estimate),
                hll: hll.as_ref().map(Hll::encode),
            });
            sets.push((kind, vec![filter], hll));
        }
        Ok(KeyedSets {
            header: Header {
                format: role.format().to_string(),
                normalization_version: crate::detect::normalize::VERSION,
                fingerprint_bits: FINGERPRINT_BITS,
                false_positive_rate: FALSE_POSITIVE_RATE,
                key_fingerprint: key.fingerprint(),
                records,
                inputs,
                kinds,
            },
            sets,
        })
    }

    /// The kinds present.
    pub fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        self.sets.iter().map(|s| s.0)
    }

    /// Whether the keyed hash `hash` of a `kind` identifier is in it (or a false positive).
    pub fn contains(&self, kind: Kind, hash: u64) -> bool {
        self.sets
            .iter()
            .find(|s| s.0 == kind)
            .is_some_and(|s| s.1.iter().any(|f| f.contains(&hash)))
    }

    /// Whether `kind` is present.
    pub fn has(&self, kind: Kind) -> bool {
        self.sets.iter().any(|s| s.0 == kind)
    }

    /// The chance that an identifier of `kind` not in it is reported in it: the false-positive
    /// rate of each of its filters, added up.
    pub fn null_rate(&self, kind: Kind) -> f64 {
        self.sets
            .iter()
            .find(|s| s.0 == kind)
            .map_or(0.0, |s| s.1.len() as f64 * self.header.false_positive_rate)
    }

    /// Checks that `key` is the key it was built with: a wrong key is an error, never a
    /// silent 0 % match.
    pub fn check_key(&self, key: &Key, path: &Path) -> Result<(), VerifyError> {
        if key.fingerprint() == self.header.key_fingerprint {
            Ok(())
        } else {
            Err(VerifyError::WrongKey {
                path: path.display().to_string(),
                expected: self.header.key_fingerprint.clone(),
                given: key.fingerprint(),
            })
        }
    }

    /// Adds the sketch of another shard scanned with the same key and normalisation:
    /// HyperLogLogs united, filters kept side by side, records and inputs summed.
    ///
    /// A binary fuse filter is static: built once from its whole key set, it cannot take more
    /// keys, and two of them cannot be united into one. Rebuilding would need the shards'
    /// hashes, which a sketch does not keep (8 bytes per identifier where the filter takes
    /// about 2.3). So a merged sketch keeps every shard's filters, and an identifier is in it
    /// if any filter holds it: containment is exactly that of a sketch of the whole dump, bar
    /// false positives, whose rate adds up over the filters ([`KeyedSets::null_rate`]), and
    /// the reports subtract. The distinct estimate is that of the united HyperLogLog, equal to
    /// the whole dump's.
    pub fn merge(&mut self, other: KeyedSets) -> Result<(), VerifyError> {
        let (a, b) = (&self.header, &other.header);
        if a.format != Role::Sketch.format() || b.format != a.format {
            return Err(VerifyError::Usage("only sketches merge".into()));
        }
        if a.key_fingerprint != b.key_fingerprint
            || a.normalization_version != b.normalization_version
        {
            return Err(VerifyError::Usage(format!(
                "sketches of different keys ({} and {}) or normalisation versions do not merge",
                a.key_fingerprint, b.key_fingerprint
            )));
        }
        self.header.records += other.header.records;
        self.header.inputs.extend(other.header.inputs);
        for ((kind, filters, hll), kh) in other.sets.into_iter().zip(other.header.kinds) {
            let at = match self.sets.iter().position(|s| s.0 == kind) {
                Some(at) => at,
                None => {
                    self.sets.push((kind, Vec::new(), Some(Hll::default())));
                    self.header.kinds.push(KindHeader {
                        entries: 0,
                        filters: 0,
                        ..kh.clone()
                    });
                    self.sets.len() - 1
                }
            };
            let (own, head) = (&mut self.sets[at], &mut self.header.kinds[at]);
            own.1.extend(filters);
            if let (Some(mine), Some(theirs)) = (&mut own.2, &hll) {
                mine.merge(theirs);
            }
            head.entries += kh.entries;
            head.filters = own.1.len() as u32;
            head.distinct_estimate = own.2.as_ref().map(Hll::estimate);
            head.hll = own.2.as_ref().map(Hll::encode);
        }
        Ok(())
    }

    /// Writes it to `path` (replacing it atomically).
    pub fn write(&self, path: &Path) -> io::Result<()> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        {
            let mut w = io::BufWriter::new(tmp.as_file_mut());
            let header = serde_json::to_vec(&self.header)?;
            w.write_all(MAGIC)?;
            w.write_all(&(header.len() as u32).to_le_bytes())?;
            w.write_all(&header)?;
            for (_, filters, _) in &self.sets {
                for f in filters {
                    let d = &f.descriptor;
                    w.write_all(&d.seed.to_le_bytes())?;
                    for x in [
                        d.segment_length,
                        d.segment_length_mask,
                        d.segment_count_length,
                    ] {
                        w.write_all(&x.to_le_bytes())?;
                    }
                    w.write_all(&(f.fingerprints.len() as u64).to_le_bytes())?;
                    for fp in f.fingerprints.iter() {
                        w.write_all(&fp.to_le_bytes())?;
                    }
                }
            }
            w.flush()?;
        }
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Reads a file written by [`KeyedSets::write`], checking it is a `role` file.
    pub fn read(path: &Path, role: Role) -> Result<KeyedSets, VerifyError> {
        let bad = |msg: String| VerifyError::Format {
            path: path.display().to_string(),
            message: msg,
        };
        let io_err = |e: io::Error| VerifyError::Io {
            path: path.display().to_string(),
            source: e,
        };
        let file = std::fs::File::open(path).map_err(io_err)?;
        let mut r = io::BufReader::new(file);
        let mut magic = [0u8; 8];
        r.read_exact(&mut magic).map_err(io_err)?;
        if &magic != MAGIC {
            return Err(bad("not a leakscan digest or sketch".into()));
        }
        let len = read_u32(&mut r).map_err(io_err)? as usize;
        if len > 64 << 20 {
            return Err(bad("header too large".into()));
        }
        let mut head = vec![0u8; len];
        r.read_exact(&mut head).map_err(io_err)?;
        let header: Header =
            serde_json::from_slice(&head).map_err(|e| bad(format!("header: {e}")))?;
        if header.format != role.format() {
            return Err(bad(format!(
                "a `{}` file where a `{}` was expected",
                header.format,
                role.format()
            )));
        }
        if header.normalization_version != crate::detect::normalize::VERSION {
            return Err(bad(format!(
                "normalisation version {} (this leakscan hashes version {}): rebuild it",
                header.normalization_version,
                crate::detect::normalize::VERSION
            )));
        }
        if header.fingerprint_bits != FINGERPRINT_BITS {
            return Err(bad(format!("{}-bit fingerprints", header.fingerprint_bits)));
        }
        let mut sets = Vec::new();
        for kh in &header.kinds {
            let kind = Kind::from_name(&kh.kind)
                .ok_or_else(|| bad(format!("unknown type `{}`", kh.kind)))?;
            let mut filters = Vec::new();
            for _ in 0..kh.filters {
                let seed = read_u64(&mut r).map_err(io_err)?;
                let segment_length = read_u32(&mut r).map_err(io_err)?;
                let segment_length_mask = read_u32(&mut r).map_err(io_err)?;
                let segment_count_length = read_u32(&mut r).map_err(io_err)?;
                let n = read_u64(&mut r).map_err(io_err)?;
                let expect = u64::from(segment_count_length) + 2 * u64::from(segment_length);
                if segment_length == 0
                    || !segment_length.is_power_of_two()
                    || segment_length_mask != segment_length - 1
                    || n != expect
                    || n > 1 << 36
                {
                    return Err(bad(format!("the {} filter is damaged", kh.kind)));
                }
                let mut bytes = vec![0u8; n as usize * 2];
                r.read_exact(&mut bytes).map_err(io_err)?;
                let fingerprints: Box<[u16]> = bytes
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect();
                filters.push(BinaryFuse16 {
                    descriptor: xorf::Descriptor {
                        seed,
                        segment_length,
                        segment_length_mask,
                        segment_count_length,
                    },
                    fingerprints,
                });
            }
            let hll = match &kh.hll {
                Some(e) => Some(
                    Hll::decode(e)
                        .ok_or_else(|| bad(format!("the {} sketch is damaged", kh.kind)))?,
                ),
                None => None,
            };
            sets.push((kind, filters, hll));
        }
        Ok(KeyedSets { header, sets })
    }
}

fn read_u32(r: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(key: &Key, kind: Kind, n: u64, base: u64) -> Vec<Vec<u64>> {
        let mut all = vec![Vec::new(); Kind::COUNT];
        all[kind.index()] = (base..base + n)
            .map(|i| key.hash(kind, i.to_string().as_bytes()))
            .collect();
        all
    }

    #[test]
    fn round_trips_and_answers_membership() {
        let key = Key::from_bytes(&[3; 32]).unwrap();
        let sets = KeyedSets::build(
            Role::Sketch,
            &key,
            vec!["a".into()],
            10,
            hashes(&key, Kind::Phone, 1000, 0),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.lssketch");
        sets.write(&path).unwrap();
        let back = KeyedSets::read(&path, Role::Sketch).unwrap();
        assert_eq!(back.header, sets.header);
        assert!((0..1000)
            .all(|i| back.contains(Kind::Phone, key.hash(Kind::Phone, i.to_string().as_bytes()))));
        assert!(!back.has(Kind::Email));
        assert!(KeyedSets::read(&path, Role::Digest).is_err());
        let wrong = Key::from_bytes(&[4; 32]).unwrap();
        assert!(matches!(
            back.check_key(&wrong, &path),
            Err(VerifyError::WrongKey { .. })
        ));
        back.check_key(&key, &path).unwrap();
    }

    #[test]
    fn merged_shards_answer_for_both() {
        let key = Key::from_bytes(&[5; 32]).unwrap();
        let mut a = KeyedSets::build(
            Role::Sketch,
            &key,
            vec!["a".into()],
            1,
            hashes(&key, Kind::Email, 500, 0),
        )
        .unwrap();
        let b = KeyedSets::build(
            Role::Sketch,
            &key,
            vec!["b".into()],
            1,
            hashes(&key, Kind::Email, 500, 400),
        )
        .unwrap();
        a.merge(b).unwrap();
        assert!((0..900)
            .all(|i| a.contains(Kind::Email, key.hash(Kind::Email, i.to_string().as_bytes()))));
        let est = a.header.kinds[0].distinct_estimate.unwrap();
        assert!((880..=920).contains(&est), "{est}");
        assert_eq!(a.null_rate(Kind::Email), 2.0 * FALSE_POSITIVE_RATE);
        let other = Key::from_bytes(&[6; 32]).unwrap();
        let c = KeyedSets::build(
            Role::Sketch,
            &other,
            vec![],
            1,
            hashes(&other, Kind::Email, 5, 0),
        )
        .unwrap();
        assert!(a.merge(c).is_err());
    }
}

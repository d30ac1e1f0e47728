//! Building a digest or sketch: the scan's findings, turned into identifiers
//! ([`super::ident`]) and keyed hashes, collected chunk by chunk.

use super::ident::{name_dob, Kind};
use super::key::Key;
use super::sets::{KeyedSets, Role};
use super::VerifyError;
use crate::aggregate::ScanSummary;
use crate::scan::{self, ChunkTap, ScanOptions, Tap};
use crate::types::PiiType;

/// At most this many names and dates of birth of one record are paired.
const MAX_PER_RECORD: usize = 4;

/// The names and dates of birth of the current record, paired at its end.
#[derive(Default)]
pub struct NameDobPairs {
    names: Vec<Vec<u8>>,
    dobs: Vec<Vec<u8>>,
}

impl NameDobPairs {
    /// Notes a finding (only names and dates of birth are kept).
    pub fn note(&mut self, ty: PiiType, normal: &[u8]) {
        let list = match ty {
            PiiType::PersonName => &mut self.names,
            PiiType::DateOfBirth => &mut self.dobs,
            _ => return,
        };
        if list.len() < MAX_PER_RECORD && !list.iter().any(|v| v == normal) {
            list.push(normal.to_vec());
        }
    }

    /// Calls `each` with every name+date-of-birth identifier of the record, then forgets it.
    pub fn finish(&mut self, buf: &mut Vec<u8>, mut each: impl FnMut(&[u8], &[u8], &[u8])) {
        for name in &self.names {
            for dob in &self.dobs {
                name_dob(name, dob, buf);
                each(buf, name, dob);
            }
        }
        self.names.clear();
        self.dobs.clear();
    }
}

/// Collects the keyed hashes of every identifier a scan finds.
pub struct Collector {
    key: Key,
    /// Per kind, the keyed hashes (duplicates included).
    pub hashes: Vec<Vec<u64>>,
    /// Records seen.
    pub records: u64,
    /// Inputs seen, as reported.
    pub inputs: Vec<String>,
}

impl Collector {
    /// A collector hashing with `key`.
    pub fn new(key: &Key) -> Collector {
        Collector {
            key: key.clone(),
            hashes: vec![Vec::new(); Kind::COUNT],
            records: 0,
            inputs: Vec::new(),
        }
    }
}

struct CollectChunk {
    key: Key,
    hashes: Vec<Vec<u64>>,
    records: u64,
    buf: Vec<u8>,
    pairs: NameDobPairs,
}

impl Tap for Collector {
    fn chunk(&self) -> Box<dyn ChunkTap> {
        Box::new(CollectChunk {
            key: self.key.clone(),
            hashes: vec![Vec::new(); Kind::COUNT],
            records: 0,
            buf: Vec::new(),
            pairs: NameDobPairs::default(),
        })
    }

    fn absorb(&mut self, path: &str, _records_before: u64, chunk: Box<dyn ChunkTap>) {
        let chunk = chunk
            .into_any()
            .downcast::<CollectChunk>()
            .expect("a collector's chunks are its own");
        if self.inputs.last().map(String::as_str) != Some(path) {
            self.inputs.push(path.to_string());
        }
        self.records += chunk.records;
        for (all, mine) in self.hashes.iter_mut().zip(chunk.hashes) {
            all.extend(mine);
        }
    }
}

impl ChunkTap for CollectChunk {
    fn value(&mut self, _field: Option<&str>, _record: u64, _raw: &[u8]) {}

    fn hit(&mut self, _field: Option<&str>, _record: u64, ty: PiiType, _raw: &[u8], normal: &[u8]) {
        self.pairs.note(ty, normal);
        if let Some(kind) = Kind::of_finding(ty, normal, &mut self.buf) {
            self.hashes[kind.index()].push(self.key.hash(kind, &self.buf));
        }
    }

    fn end_record(&mut self, _record: u64) {
        self.records += 1;
        let (key, hashes) = (&self.key, &mut self.hashes);
        self.pairs.finish(&mut self.buf, |id, _, _| {
            hashes[Kind::NameDob.index()].push(key.hash(Kind::NameDob, id));
        });
    }

    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }
}

/// Scans `opts.paths` and builds a digest (or sketch) of their identifiers under `key`;
/// returns it with the scan's summary.
pub fn build(
    opts: &ScanOptions,
    key: &Key,
    role: Role,
) -> Result<(KeyedSets, ScanSummary), VerifyError> {
    let mut collector = Collector::new(key);
    let summary = scan::run_with(opts, Some(&mut collector))?;
    let sets = KeyedSets::build(
        role,
        key,
        collector.inputs,
        collector.records,
        collector.hashes,
    )?;
    Ok((sets, summary))
}

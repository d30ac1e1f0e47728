//! A mergeable HyperLogLog distinct-count sketch.

/// Distinct-count sketch over pre-hashed 64-bit values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hll {}

/// A sketch as the report carries it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EncodedHll {
    /// Precision (number of index bits).
    pub p: u8,
    /// The registers, base64.
    pub registers: String,
}

impl Hll {
    /// Adds a hashed value.
    pub fn insert_hash(&mut self, hash: u64) {
        todo!("{hash}")
    }
    /// Unites `other` into `self`.
    pub fn merge(&mut self, other: &Hll) {
        todo!("{other:?}")
    }
    /// Estimated number of distinct values.
    pub fn estimate(&self) -> u64 {
        todo!()
    }
    /// The report form.
    pub fn encode(&self) -> EncodedHll {
        todo!()
    }
    /// Reads the report form back.
    pub fn decode(encoded: &EncodedHll) -> Option<Hll> {
        todo!("{encoded:?}")
    }
}

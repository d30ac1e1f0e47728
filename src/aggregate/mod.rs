//! Counting what was found: per-field and per-type statistics of a chunk that merge, in
//! input order, into an input's and then the whole scan's. Merging is plain addition plus
//! sketch union, so it is associative and any split of the work gives the same totals.

pub mod column;
pub mod hll;

use crate::output::mask::Masked;
use crate::types::PiiType;
use hll::Hll;

/// How many masked examples a field keeps per type.
pub const MAX_EXAMPLES: usize = 3;

/// Statistics of one type within one field (or within the whole scan).
#[derive(Clone, Debug, Default)]
pub struct TypeStats {
    /// Findings of this type.
    pub count: u64,
    /// Records holding at least one finding of this type.
    pub records: u64,
    /// Distinct normalised values.
    pub distinct: Hll,
    /// The first masked examples, in input order.
    pub examples: Vec<Masked>,
    /// Where each example starts in its input, while the input is scanned (empty in
    /// statistics read from a report): what orders the examples of findings held for a
    /// verdict among the others ([`TypeStats::merge_in_order`]).
    pub example_at: Vec<u64>,
}

impl TypeStats {
    /// Counts one example, of a finding starting at `at` in its input, if there is room.
    pub fn add_example(&mut self, example: impl FnOnce() -> Masked, at: u64) {
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(example());
            self.example_at.push(at);
        }
    }

    /// Adds `other`, which comes after `self` in input order.
    pub fn merge(&mut self, other: &TypeStats) {
        self.count += other.count;
        self.records += other.records;
        self.distinct.merge(&other.distinct);
        let room = MAX_EXAMPLES.saturating_sub(self.examples.len());
        self.examples
            .extend(other.examples.iter().take(room).cloned());
        self.example_at
            .extend(other.example_at.iter().take(room).copied());
    }

    /// Adds `other`, findings of the same input interleaved with `self`'s (held for a
    /// verdict, [`FieldStats::held`]): the examples kept are the first of both in input
    /// order, as if they had been counted as they came.
    fn merge_in_order(&mut self, other: &TypeStats) {
        let mut examples: Vec<(u64, Masked)> = self
            .example_at
            .iter()
            .copied()
            .zip(std::mem::take(&mut self.examples))
            .chain(
                other
                    .example_at
                    .iter()
                    .copied()
                    .zip(other.examples.iter().cloned()),
            )
            .collect();
        examples.sort_by_key(|&(at, _)| at);
        examples.truncate(MAX_EXAMPLES);
        (self.example_at, self.examples) = examples.into_iter().unzip();
        self.count += other.count;
        self.records += other.records;
        self.distinct.merge(&other.distinct);
    }
}

/// Statistics of one field of one input.
#[derive(Clone, Debug, Default)]
pub struct FieldStats {
    /// The field's report name (`None` for values outside any field).
    pub name: Option<String>,
    /// Records in which the field holds a value.
    pub records: u64,
    /// Per type found in the field, in order of first finding.
    pub types: Vec<(PiiType, TypeStats)>,
    /// Findings the field's verdict may still drop ([`column`]), counted aside until the
    /// input ends: type, whether tentative (a bare shape with no support), statistics.
    pub held: Vec<(PiiType, bool, TypeStats)>,
    /// Dates of birth that can only be read day first, and only month first.
    pub dob_order: [u64; 2],
    /// Distinct dates of birth whose form leaves the order open, read day first and month
    /// first; the field's order picks one when the input ends.
    pub dob_either: Option<Box<[Hll; 2]>>,
}

impl FieldStats {
    /// The statistics of `ty`, created empty on first use.
    pub fn type_mut(&mut self, ty: PiiType) -> &mut TypeStats {
        let pos = match self.types.iter().position(|(t, _)| *t == ty) {
            Some(pos) => pos,
            None => {
                self.types.push((ty, TypeStats::default()));
                self.types.len() - 1
            }
        };
        &mut self.types[pos].1
    }

    /// The aside statistics of `ty` ([`FieldStats::held`]), created empty on first use.
    pub fn held_mut(&mut self, ty: PiiType, tentative: bool) -> &mut TypeStats {
        let pos = match self
            .held
            .iter()
            .position(|(t, k, _)| *t == ty && *k == tentative)
        {
            Some(pos) => pos,
            None => {
                self.held.push((ty, tentative, TypeStats::default()));
                self.held.len() - 1
            }
        };
        &mut self.held[pos].2
    }

    /// The statistics with every sketch in its settled form ([`Hll::settle`]).
    pub fn with_settled_sketches(mut self) -> FieldStats {
        let held = self.held.iter_mut().map(|(_, _, stats)| stats);
        for stats in self.types.iter_mut().map(|(_, stats)| stats).chain(held) {
            stats.distinct.settle();
        }
        for sketch in self
            .dob_either
            .iter_mut()
            .flat_map(|either| either.iter_mut())
        {
            sketch.settle();
        }
        self
    }

    /// Adds `other` (the same field, later in input order).
    pub fn merge(&mut self, other: &FieldStats) {
        self.records += other.records;
        for (ty, stats) in &other.types {
            self.type_mut(*ty).merge(stats);
        }
        for (ty, tentative, stats) in &other.held {
            self.held_mut(*ty, *tentative).merge(stats);
        }
        self.dob_order[0] += other.dob_order[0];
        self.dob_order[1] += other.dob_order[1];
        if let Some(theirs) = &other.dob_either {
            let mine = self.dob_either.get_or_insert_with(Default::default);
            mine[0].merge(&theirs[0]);
            mine[1].merge(&theirs[1]);
        }
    }

    /// Settles the field when its input ends: folds in the aside findings its verdicts
    /// keep, and the ambiguous dates of birth in the order most of its dates show, when at
    /// least [`column::MIN_EVIDENCE`] of them show it (else `month_first`, the region's).
    pub fn settle(&mut self, verdicts: [column::Verdict; column::JUDGED.len()], month_first: bool) {
        for (ty, tentative, stats) in std::mem::take(&mut self.held) {
            let verdict = column::JUDGED
                .iter()
                .position(|&t| t == ty)
                .map_or_else(Default::default, |i| verdicts[i]);
            if verdict.keeps(tentative) {
                self.type_mut(ty).merge_in_order(&stats);
            }
        }
        if let Some(either) = self.dob_either.take() {
            // The field's order overrides the region's only on enough evidence, so that a
            // part of an input (`--range`) with a handful of dates orders them as the whole.
            let [day, month] = self.dob_order;
            let month_first = if month >= u64::from(column::MIN_EVIDENCE) && month > day {
                true
            } else if day >= u64::from(column::MIN_EVIDENCE) && day > month {
                false
            } else {
                month_first
            };
            if let Some((_, stats)) = self
                .types
                .iter_mut()
                .find(|(t, _)| *t == PiiType::DateOfBirth)
            {
                stats.distinct.merge(&either[usize::from(month_first)]);
            }
        }
    }
}

/// Statistics of a piece of one input: a chunk, or (merged) the whole input.
#[derive(Clone, Debug, Default)]
pub struct InputStats {
    /// Records seen.
    pub records: u64,
    /// Bytes tokenised.
    pub bytes_scanned: u64,
    /// Bytes passed over without detection (long binary or base64 runs).
    pub bytes_skipped: u64,
    /// Per field, in order of first appearance.
    pub fields: Vec<FieldStats>,
}

impl InputStats {
    /// Adds `other`, which comes after `self` in the same input.
    pub fn merge(&mut self, other: &InputStats) {
        self.records += other.records;
        self.bytes_scanned += other.bytes_scanned;
        self.bytes_skipped += other.bytes_skipped;
        for field in &other.fields {
            match self.fields.iter_mut().find(|f| f.name == field.name) {
                Some(mine) => mine.merge(field),
                None => self.fields.push(field.clone()),
            }
        }
    }
}

/// Whole-scan totals per type (the report's `types`).
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Indexed by [`PiiType::index`].
    pub types: Vec<TypeStats>,
}

impl Totals {
    /// Adds every field's statistics of `input`.
    pub fn add_input(&mut self, input: &InputStats) {
        if self.types.is_empty() {
            self.types = vec![TypeStats::default(); PiiType::COUNT];
        }
        for field in &input.fields {
            for (ty, stats) in &field.types {
                let total = &mut self.types[ty.index()];
                total.count += stats.count;
                total.distinct.merge(&stats.distinct);
            }
        }
    }
}

/// How an input's scan ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputStatus {
    /// Read to the end.
    Ok,
    /// An error after some bytes were scanned (listed in `errors` with its offset).
    Partial,
    /// Nothing could be scanned.
    Error,
}

impl InputStatus {
    /// The report word.
    pub fn name(self) -> &'static str {
        match self {
            InputStatus::Ok => "ok",
            InputStatus::Partial => "partial",
            InputStatus::Error => "error",
        }
    }
}

/// One leaf input (a file, standard input or an archive member) as the report lists it.
#[derive(Clone, Debug)]
pub struct InputSummary {
    /// The input as reported.
    pub path: String,
    /// The format it was read in (`csv`, ...).
    pub format: &'static str,
    /// Its text encoding (`utf-8`, `utf-16le`, ...).
    pub encoding: &'static str,
    /// The region used for numbers without a country code.
    pub region: String,
    /// Size of the file as stored.
    pub bytes_on_disk: u64,
    /// Size of its decoded content (of the part's share of it, for a part).
    pub bytes_decoded: u64,
    /// For a part (`--range`), the byte range asked for.
    pub range: Option<crate::part::ByteRange>,
    /// How the scan of it ended.
    pub status: InputStatus,
    /// What was found in it.
    pub stats: InputStats,
    /// `Some("extracted-text")` for a document read for its text: its bytes decoded and
    /// scanned count the extracted text ([`crate::input::document`]).
    pub content: Option<&'static str>,
}

/// Images read for their metadata, counted by kind (the report's `images`). Counts add up
/// exactly when reports of parts are merged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImageCounts {
    /// Camera photos.
    pub photo: u64,
    /// Scans (documents, ID cards).
    pub scan: u64,
    /// Screenshots.
    pub screenshot: u64,
    /// Other images.
    pub other: u64,
    /// Images holding a GPS position.
    pub with_gps: u64,
    /// Images whose text was read with `--ocr` (all those of a format it reads, or the first
    /// `--ocr-sample` of them in walk order).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ocr: u64,
}

/// Whether a count is zero (left out of the report).
fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl ImageCounts {
    /// Counts one image.
    pub fn add(&mut self, info: &crate::input::document::ImageInfo) {
        use crate::input::document::ImageKind;
        *match info.kind {
            ImageKind::Photo => &mut self.photo,
            ImageKind::Scan => &mut self.scan,
            ImageKind::Screenshot => &mut self.screenshot,
            ImageKind::Other => &mut self.other,
        } += 1;
        self.with_gps += u64::from(info.gps);
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &ImageCounts) {
        self.photo += other.photo;
        self.scan += other.scan;
        self.screenshot += other.screenshot;
        self.other += other.other;
        self.with_gps += other.with_gps;
        self.ocr += other.ocr;
    }

    /// Whether no image was counted.
    pub fn is_empty(&self) -> bool {
        *self == ImageCounts::default()
    }
}

/// An input passed over, with the reason (`binary`, `unsupported_container`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The input as reported.
    pub path: String,
    /// Why it was not scanned.
    pub reason: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Everything a finished (or interrupted) scan knows, ready for the outputs.
#[derive(Clone, Debug, Default)]
pub struct ScanSummary {
    /// False when the scan was interrupted.
    pub complete: bool,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Scanned inputs, in walk order.
    pub inputs: Vec<InputSummary>,
    /// Inputs passed over.
    pub skipped: Vec<Skipped>,
    /// Inputs that failed.
    pub errors: Vec<crate::error::InputError>,
    /// Per-type totals over all inputs.
    pub totals: Totals,
    /// Fingerprint of the key the distinct sketches were hashed with (hex).
    pub sketch_key_fingerprint: String,
    /// Fingerprint of the detectors that ran: pattern files and `--types` (hex).
    pub patterns_fingerprint: String,
    /// Images read for their metadata, by kind.
    pub images: ImageCounts,
}

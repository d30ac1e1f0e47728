//! `leakscan merge`: the reports of scans of disjoint parts (whole inputs, or byte ranges of
//! one input scanned with `--range`) combined into the report one scan of all of them gives,
//! apart from `seconds`.
//!
//! - Inputs are listed as a walk lists them: by the path components of the file (members of
//!   an archive in the order their report gives), parts of one file by the start of their
//!   range. Parts of one file whose ranges meet are combined into one entry (bytes, records
//!   and fields summed, fields in order of first appearance); once their ranges cover the
//!   file from byte 0 to its end, the entry is the whole input's, without a range.
//! - Field statistics add up; keyed HyperLogLog sketches are united, and `distinct_estimate`
//!   recomputed from the union, which is the very sketch one scan builds (see
//!   [`crate::aggregate::hll`]); examples are the first three in input order.
//! - `skipped` and `errors` are concatenated in walk order; an entry repeated by several parts
//!   of one input (an input that could not be opened) is listed once.
//! - `seconds` is the parts' seconds added up, and so are the `images` counts (an image is
//!   never split into parts).
//!
//! Every rule above depends on the set of parts, never on the order or grouping in which
//! reports are merged: merging is associative and commutative, byte for byte. Reports of
//! different `schema`, pattern sets (`patterns`), normalisation versions or sketch keys are
//! refused, and so are parts that overlap: either would give counts no single scan gives.

use crate::aggregate::hll::Hll;
use crate::aggregate::{FieldStats, ImageCounts, InputStats, Totals, TypeStats};
use crate::output::report::{
    self, ErrorEntry, FieldEntry, InputEntry, Report, Scanned, SkippedEntry, SCHEMA,
};
use std::collections::HashMap;
use std::path::Path;

/// A report to merge, and the name errors give it (its file).
#[derive(Clone, Debug)]
pub struct Named {
    /// How errors name the report.
    pub name: String,
    /// The report.
    pub report: Report,
}

/// Why reports could not be merged. Messages name the reports involved.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// No report was given.
    #[error("no report to merge")]
    Nothing,
    /// A report could not be read, or is not one leakscan writes.
    #[error("{name}: {reason}")]
    Invalid {
        /// The report.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Two reports cannot be merged.
    #[error("{first} and {second} cannot be merged: {reason}")]
    Mismatch {
        /// One report.
        first: String,
        /// The other.
        second: String,
        /// How they disagree.
        reason: String,
    },
}

/// Reads the reports at `paths` and merges them (see [`merge`]).
pub fn merge_files(paths: &[impl AsRef<Path>]) -> Result<Report, MergeError> {
    let reports = paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            let name = path.display().to_string();
            let invalid = |reason: String| MergeError::Invalid {
                name: name.clone(),
                reason,
            };
            let text =
                std::fs::read_to_string(path).map_err(|e| invalid(crate::error::io_message(&e)))?;
            let report = serde_json::from_str(&text)
                .map_err(|e| invalid(format!("not a leakscan report: {e}")))?;
            Ok(Named { name, report })
        })
        .collect::<Result<Vec<_>, MergeError>>()?;
    merge(&reports)
}

/// Merges reports of disjoint parts into the report of their union.
///
/// ```
/// use leakscan::merge::{merge, Named};
/// use leakscan::output::report::Report;
/// # fn part() -> Report {
/// #     let json = r#"{"schema":"leakscan.report/1","tool":{"name":"leakscan","version":"0.1.0"},
/// #       "complete":true,"scanned":{"inputs":0,"bytes":0,"records":0,"seconds":0.5},
/// #       "sketch_key":"00","inputs":[],"types":{},"fields":[],"skipped":[],"errors":[]}"#;
/// #     serde_json::from_str(json).unwrap()
/// # }
/// let a = Named { name: "a.json".into(), report: part() };
/// let b = Named { name: "b.json".into(), report: part() };
/// let whole = merge(&[a, b]).unwrap();
/// assert_eq!(whole.scanned.seconds, 1.0);
/// ```
pub fn merge(reports: &[Named]) -> Result<Report, MergeError> {
    let first = reports.first().ok_or(MergeError::Nothing)?;
    if first.report.schema != SCHEMA {
        return Err(MergeError::Invalid {
            name: first.name.clone(),
            reason: format!(
                "schema `{}` (this leakscan merges `{SCHEMA}`)",
                first.report.schema
            ),
        });
    }
    for other in &reports[1..] {
        check_compatible(first, other)?;
    }
    let mut pieces = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    for (source, named) in reports.iter().enumerate() {
        pieces.extend(read_pieces(source, named)?);
        skipped.extend(named.report.skipped.iter().map(|s| (source, s.clone())));
        errors.extend(named.report.errors.iter().map(|e| (source, e.clone())));
    }
    let pieces = coalesce(canonical(pieces, |p| &p.entry), reports)?;
    let mut skipped: Vec<SkippedEntry> = canonical(skipped, |s| &s.path);
    skipped.dedup();
    let mut errors: Vec<ErrorEntry> = canonical(errors, |e| &e.path);
    errors.dedup();
    // Images are whole inputs, never split into parts: their counts add up.
    let mut images = ImageCounts::default();
    for named in reports {
        images.merge(&named.report.images);
    }

    let mut totals = Totals::default();
    let mut inputs = Vec::with_capacity(pieces.len());
    let mut fields = Vec::new();
    for piece in &pieces {
        totals.add_input(&piece.stats);
        let mut entry = piece.entry.clone();
        entry.records = piece.stats.records;
        entry.bytes_scanned = piece.stats.bytes_scanned;
        entry.bytes_skipped = piece.stats.bytes_skipped;
        fields.extend(
            piece
                .stats
                .fields
                .iter()
                .map(|f| report::field_entry(&entry.path, entry.range, f)),
        );
        inputs.push(entry);
    }
    // Milliseconds as integers: float sums would depend on the order of addition.
    let millis: u64 = reports
        .iter()
        .map(|r| (r.report.scanned.seconds.max(0.0) * 1000.0).round() as u64)
        .sum();
    let head = &first.report;
    Ok(Report {
        schema: head.schema.clone(),
        tool: head.tool.clone(),
        complete: reports.iter().all(|r| r.report.complete),
        scanned: Scanned {
            inputs: inputs.len() as u64,
            bytes: inputs.iter().map(|i| i.bytes_scanned).sum(),
            records: inputs.iter().map(|i| i.records).sum(),
            seconds: millis as f64 / 1000.0,
        },
        sketch_key: head.sketch_key.clone(),
        patterns: head.patterns.clone(),
        normalization: head.normalization,
        inputs,
        types: report::type_totals(&totals),
        fields,
        skipped,
        errors,
        images,
    })
}

/// Refuses reports whose counts could not come from one scan.
fn check_compatible(a: &Named, b: &Named) -> Result<(), MergeError> {
    let (x, y) = (&a.report, &b.report);
    let reason = if x.schema != y.schema {
        format!("different schemas (`{}`, `{}`)", x.schema, y.schema)
    } else if x.tool != y.tool {
        format!(
            "written by different programs ({} {}, {} {})",
            x.tool.name, x.tool.version, y.tool.name, y.tool.version
        )
    } else if x.patterns != y.patterns {
        format!(
            "different pattern sets or --types (patterns {}, {})",
            x.patterns, y.patterns
        )
    } else if x.normalization != y.normalization {
        format!(
            "different normalisation versions ({}, {})",
            x.normalization, y.normalization
        )
    } else if x.sketch_key != y.sketch_key {
        format!(
            "different sketch keys (fingerprints {}, {}): scan every part with the same \
             --sketch-key",
            x.sketch_key, y.sketch_key
        )
    } else {
        return Ok(());
    };
    Err(mismatch(a, b, reason))
}

fn mismatch(a: &Named, b: &Named, reason: String) -> MergeError {
    MergeError::Mismatch {
        first: a.name.clone(),
        second: b.name.clone(),
        reason,
    }
}

/// One input entry of a report (a whole input, or a part) with its fields.
#[derive(Debug)]
struct Piece {
    /// Index of the report it comes from.
    source: usize,
    /// Its entry; the counts kept in `stats` are written back at the end.
    entry: InputEntry,
    stats: InputStats,
}

/// The input entries of a report, each with its fields (decoded).
fn read_pieces(source: usize, named: &Named) -> Result<Vec<(usize, Piece)>, MergeError> {
    let invalid = |reason: String| MergeError::Invalid {
        name: named.name.clone(),
        reason,
    };
    let mut pieces = Vec::with_capacity(named.report.inputs.len());
    let mut index = HashMap::new();
    for entry in &named.report.inputs {
        if index
            .insert((entry.path.as_str(), entry.range), pieces.len())
            .is_some()
        {
            return Err(invalid(format!("lists {} twice", describe(entry))));
        }
        let stats = InputStats {
            records: entry.records,
            bytes_scanned: entry.bytes_scanned,
            bytes_skipped: entry.bytes_skipped,
            fields: Vec::new(),
        };
        pieces.push((
            source,
            Piece {
                source,
                entry: entry.clone(),
                stats,
            },
        ));
    }
    for field in &named.report.fields {
        let Some(&i) = index.get(&(field.path.as_str(), field.range)) else {
            return Err(invalid(format!(
                "a field of {}, which is not among its inputs",
                field.path
            )));
        };
        let stats = field_stats(field).map_err(invalid)?;
        pieces[i].1.stats.fields.push(stats);
    }
    Ok(pieces)
}

/// A report's field back as the statistics it was made from.
fn field_stats(field: &FieldEntry) -> Result<FieldStats, String> {
    let mut types = Vec::with_capacity(field.types.0.len());
    for (ty, stats) in &field.types.0 {
        let distinct = Hll::decode(&stats.hll).ok_or_else(|| {
            format!(
                "the {} sketch of a field of {} is not one leakscan writes",
                ty.name(),
                field.path
            )
        })?;
        types.push((
            *ty,
            TypeStats {
                count: stats.count,
                records: stats.records,
                distinct,
                examples: stats.examples.clone(),
                example_at: Vec::new(),
            },
        ));
    }
    Ok(FieldStats {
        name: field.field.clone(),
        records: field.records,
        types,
        ..FieldStats::default()
    })
}

/// `path` and, for a part, its range, for messages.
fn describe(entry: &InputEntry) -> String {
    match entry.range {
        Some([start, end]) => format!("bytes {start}-{end} of {}", entry.path),
        None => entry.path.clone(),
    }
}

/// Something with a path (and, for a part, a range) that merged lists order.
trait Walked {
    fn path(&self) -> &str;
    fn start(&self) -> u64;
}

impl Walked for InputEntry {
    fn path(&self) -> &str {
        &self.path
    }
    fn start(&self) -> u64 {
        self.range.map_or(0, |r| r[0])
    }
}

impl Walked for String {
    fn path(&self) -> &str {
        self
    }
    fn start(&self) -> u64 {
        0
    }
}

/// The file a path is in: an archive member `a.zip!x/y.csv` is in `a.zip`.
fn outer_file(path: &str) -> &str {
    path.split('!').next().unwrap_or(path)
}

/// Orders items of several reports as one walk would list them, whatever the order of the
/// reports: runs of consecutive items of one report in one file and range (an archive's
/// members, in the order the archive lists them) sorted by the file's path components, then
/// the range's start, then the first item's full path. Runs that compare equal are parts
/// scanned twice, which [`coalesce`] refuses, or duplicates, which callers drop.
fn canonical<T: std::fmt::Debug, W: Walked + ?Sized>(
    items: Vec<(usize, T)>,
    walked: impl Fn(&T) -> &W,
) -> Vec<T> {
    let mut runs: Vec<(usize, Vec<T>)> = Vec::new();
    for (source, item) in items {
        let joins = runs.last().is_some_and(|(s, run)| {
            let (a, b) = (walked(&run[0]), walked(&item));
            *s == source && outer_file(a.path()) == outer_file(b.path()) && a.start() == b.start()
        });
        match runs.last_mut() {
            Some((_, run)) if joins => run.push(item),
            _ => runs.push((source, vec![item])),
        }
    }
    runs.sort_by(|a, b| {
        let (x, y) = (walked(&a.1[0]), walked(&b.1[0]));
        let (fx, fy) = (outer_file(x.path()), outer_file(y.path()));
        fx.split('/')
            .cmp(fy.split('/'))
            .then(x.start().cmp(&y.start()))
            .then_with(|| x.path().cmp(y.path()))
            // Equal keys: the same entry from two reports; any fixed order of their
            // contents keeps the result independent of the order of the reports.
            .then_with(|| format!("{:?}", a.1).cmp(&format!("{:?}", b.1)))
    });
    runs.into_iter().flat_map(|(_, run)| run).collect()
}

/// Refuses overlapping parts and combines parts of one file whose ranges meet.
fn coalesce(pieces: Vec<Piece>, reports: &[Named]) -> Result<Vec<Piece>, MergeError> {
    // Overlaps: the pieces of each path, by start (whole inputs span everything).
    let mut by_path: HashMap<&str, Vec<&Piece>> = HashMap::new();
    for piece in &pieces {
        by_path.entry(&piece.entry.path).or_default().push(piece);
    }
    for parts in by_path.values_mut() {
        let span = |p: &Piece| p.entry.range.unwrap_or([0, u64::MAX]);
        parts.sort_by_key(|p| span(p));
        for pair in parts.windows(2) {
            let (a, b) = (span(pair[0]), span(pair[1]));
            if b[0] < a[1] || a[0] == b[0] {
                let (x, y) = (pair[0], pair[1]);
                let reason = if x.source == y.source {
                    format!(
                        "both scan {} and {}",
                        describe(&x.entry),
                        describe(&y.entry)
                    )
                } else {
                    format!(
                        "they overlap: {} in the first, {} in the second",
                        describe(&x.entry),
                        describe(&y.entry)
                    )
                };
                return Err(mismatch(&reports[x.source], &reports[y.source], reason));
            }
        }
    }
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match out.last_mut() {
            Some(last) if meets(&last.entry, &piece.entry) => {
                combine(last, piece, reports)?;
            }
            _ => out.push(piece),
        }
        let last = out.last_mut().expect("a piece was just added");
        if let Some([0, end]) = last.entry.range {
            if end >= last.entry.bytes_on_disk {
                // The parts now cover the whole input.
                last.entry.range = None;
            }
        }
    }
    Ok(out)
}

/// Whether `b` is the part of the same file that starts where `a` ends.
fn meets(a: &InputEntry, b: &InputEntry) -> bool {
    a.path == b.path && matches!((a.range, b.range), (Some(x), Some(y)) if x[1] == y[0])
}

/// Adds the part `next` to the part `last`, which it follows.
fn combine(last: &mut Piece, next: Piece, reports: &[Named]) -> Result<(), MergeError> {
    let (a, b) = (&last.entry, &next.entry);
    let differs = [
        ("format", &a.format, &b.format),
        ("encoding", &a.encoding, &b.encoding),
        ("region", &a.region, &b.region),
    ]
    .into_iter()
    .find(|(_, x, y)| x != y)
    .map(|(what, x, y)| format!("{what} {x} and {y}"))
    .or_else(|| {
        (a.bytes_on_disk != b.bytes_on_disk).then(|| {
            format!(
                "sizes {} and {} (the file changed between parts)",
                a.bytes_on_disk, b.bytes_on_disk
            )
        })
    });
    if let Some(what) = differs {
        let reason = format!("parts of {} read with {what}", a.path);
        return Err(mismatch(
            &reports[last.source],
            &reports[next.source],
            reason,
        ));
    }
    let range = Some([a.range.map_or(0, |r| r[0]), b.range.map_or(0, |r| r[1])]);
    // One part read to its end and another not: the input as a whole is partial.
    let status = if a.status == b.status {
        a.status.clone()
    } else {
        "partial".to_owned()
    };
    last.entry.bytes_decoded += b.bytes_decoded;
    last.entry.range = range;
    last.entry.status = status;
    last.stats.merge(&next.stats);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::summary;

    fn named(name: &str, report: Report) -> Named {
        Named {
            name: name.into(),
            report,
        }
    }

    /// A report of the part `range` of `dump/users.csv.gz` with `records` records.
    fn part(range: [u64; 2], records: u64) -> Report {
        let mut report = report::build(&summary());
        report.inputs.truncate(1);
        report.fields.retain(|f| f.path == report.inputs[0].path);
        report.skipped.clear();
        report.errors.clear();
        let entry = &mut report.inputs[0];
        entry.range = Some(range);
        entry.bytes_on_disk = 3000;
        entry.records = records;
        entry.bytes_decoded = range[1].min(3000) - range[0].min(3000);
        entry.bytes_scanned = entry.bytes_decoded;
        entry.bytes_skipped = 0;
        for field in &mut report.fields {
            field.range = Some(range);
        }
        report
    }

    fn json(report: &Report) -> String {
        serde_json::to_string(report).unwrap()
    }

    #[test]
    fn parts_that_meet_become_the_whole_input() {
        let parts = [
            part([0, 1000], 4),
            part([1000, 2000], 5),
            part([2000, 9000], 6),
        ];
        let whole = merge(
            &parts
                .iter()
                .enumerate()
                .map(|(i, p)| named(&format!("p{i}"), p.clone()))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(whole.inputs.len(), 1);
        let entry = &whole.inputs[0];
        assert_eq!(entry.range, None);
        assert_eq!((entry.records, entry.bytes_decoded), (15, 3000));
        assert_eq!(whole.scanned.records, 15);
        assert!(whole.fields.iter().all(|f| f.range.is_none()));
        let mobile = &whole.fields[0];
        assert_eq!(mobile.records, 12);
        // The same three phone numbers in every part: counted thrice, distinct once.
        let phone = &mobile.types.0[&crate::types::PiiType::Phone];
        assert_eq!((phone.count, phone.distinct_estimate), (9, 3));
        assert_eq!(phone.examples.len(), 3);
    }

    #[test]
    fn any_order_and_grouping_gives_the_same_bytes() {
        let parts: Vec<Named> = [[0, 700], [700, 1500], [1500, 2400], [2400, 3000]]
            .iter()
            .enumerate()
            .map(|(i, r)| named(&format!("p{i}"), part(*r, i as u64 + 1)))
            .collect();
        let want = json(&merge(&parts).unwrap());
        let reversed: Vec<Named> = parts.iter().rev().cloned().collect();
        assert_eq!(json(&merge(&reversed).unwrap()), want);
        // ((p0 + p2) + p3) + p1: the first merge leaves a gap.
        let gap = merge(&[parts[0].clone(), parts[2].clone()]).unwrap();
        assert_eq!(gap.inputs.len(), 2, "parts that do not meet stay apart");
        let three = merge(&[named("gap", gap), parts[3].clone()]).unwrap();
        let all = merge(&[parts[1].clone(), named("three", three)]).unwrap();
        assert_eq!(json(&all), want);
    }

    #[test]
    fn refuses_overlaps_naming_both_reports() {
        let err = merge(&[
            named("a.json", part([0, 100], 1)),
            named("b.json", part([50, 200], 1)),
        ])
        .unwrap_err()
        .to_string();
        assert!(err.contains("a.json and b.json"), "{err}");
        assert!(err.contains("overlap"), "{err}");
        let twice = merge(&[
            named("a.json", part([5, 5], 0)),
            named("b.json", part([5, 5], 0)),
        ]);
        assert!(twice.is_err(), "the same part twice");
        let whole = report::build(&summary());
        let err = merge(&[named("w1", whole.clone()), named("w2", whole)])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("w1 and w2") && err.contains("overlap"),
            "{err}"
        );
    }

    #[test]
    fn refuses_mismatched_reports_naming_both() {
        let base = part([0, 100], 1);
        type Change = fn(&mut Report);
        let cases: [(&str, Change); 4] = [
            ("sketch keys", |r| r.sketch_key = "ffff".into()),
            ("pattern sets", |r| r.patterns = "beef".into()),
            ("normalisation", |r| r.normalization += 1),
            ("schemas", |r| r.schema = "leakscan.report/2".into()),
        ];
        for (what, change) in cases {
            let mut other = part([100, 200], 1);
            change(&mut other);
            let err = merge(&[named("one.json", base.clone()), named("two.json", other)])
                .unwrap_err()
                .to_string();
            assert!(err.contains("one.json and two.json"), "{err}");
            assert!(err.contains(what), "{what}: {err}");
        }
        let mut resized = part([100, 200], 1);
        resized.inputs[0].bytes_on_disk = 10;
        let err = merge(&[named("one.json", base), named("two.json", resized)])
            .unwrap_err()
            .to_string();
        assert!(err.contains("changed between parts"), "{err}");
    }

    #[test]
    fn refuses_broken_sketches_and_orphan_fields() {
        let mut broken = part([0, 100], 1);
        let phone = broken.fields[0]
            .types
            .0
            .get_mut(&crate::types::PiiType::Phone)
            .unwrap();
        phone.hll.registers = "AAAA".into();
        let err = merge(&[named("x.json", broken)]).unwrap_err().to_string();
        assert!(err.starts_with("x.json: the phone sketch"), "{err}");
        let mut orphan = part([0, 100], 1);
        orphan.fields[0].path = "elsewhere.csv".into();
        assert!(merge(&[named("y.json", orphan)]).is_err());
        assert!(matches!(merge(&[]), Err(MergeError::Nothing)));
    }

    #[test]
    fn skipped_and_errors_follow_walk_order_once() {
        let mut a = report::build(&summary());
        a.inputs.clear();
        a.fields.clear();
        let mut b = a.clone();
        b.skipped[0].path = "a/b.jpg".into();
        // Parts of one unreadable input all report it: listed once.
        let merged = merge(&[named("a", a.clone()), named("b", b.clone())]).unwrap();
        let skipped: Vec<&str> = merged.skipped.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(skipped, ["a/b.jpg", "img/1.jpg"]);
        assert_eq!(merged.errors.len(), 1);
        let swapped = merge(&[named("b", b), named("a", a)]).unwrap();
        assert_eq!(json(&swapped), json(&merged));
    }

    #[test]
    fn walk_order_compares_path_components() {
        // A walk lists the directory `a` (name "a") before the file "a.txt".
        let items = vec![
            (0, "a.txt".to_string()),
            (1, "a/z.csv".to_string()),
            (1, "b.zip!z.csv".to_string()),
            (1, "b.zip!a.csv".to_string()),
        ];
        assert_eq!(
            canonical(items, |s: &String| s),
            ["a/z.csv", "a.txt", "b.zip!z.csv", "b.zip!a.csv"]
        );
    }
}

//! Scoring findings against the generator's ground truth: a finding matches a truth entry
//! with the same path and type whose bytes overlap it, one-to-one (greedy, by offset).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One line of truth.jsonl or of the findings stream (the fields both share).
#[derive(Debug, Deserialize)]
pub struct Span {
    pub path: String,
    pub offset: u64,
    pub length: u64,
    #[serde(rename = "type")]
    pub ty: String,
    pub field: Option<String>,
    pub record: Option<u64>,
}

/// Reads a JSON Lines file of spans.
pub fn read(path: &Path) -> Vec<Span> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Per type: matched, truth and found counts; and the matches whose field or record differ.
#[derive(Debug, Default)]
pub struct Score {
    pub by_type: BTreeMap<String, (u64, u64, u64)>,
    pub field_errors: Vec<String>,
}

impl Score {
    /// Precision and recall of `ty` (0 when there is nothing to divide by).
    pub fn precision_recall(&self, ty: &str) -> (f64, f64) {
        let (matched, truth, found) = self.by_type.get(ty).copied().unwrap_or_default();
        let ratio = |n: u64, d: u64| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        (ratio(matched, found), ratio(matched, truth))
    }

    /// One line per type of `types`: counts, precision and recall.
    pub fn table<'a>(&self, types: impl IntoIterator<Item = &'a str>) -> String {
        types
            .into_iter()
            .map(|ty| {
                let (_, truth, found) = self.by_type.get(ty).copied().unwrap_or_default();
                let (p, r) = self.precision_recall(ty);
                format!("{ty:<14} truth {truth:>6} found {found:>6} precision {p:.4} recall {r:.4}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Type of a truth entry and finding list of one (path, type).
type TruthAndFound<'a> = (Vec<&'a Span>, Vec<&'a Span>);

/// Scores `findings` against `truth` (paths already made comparable).
pub fn score(truth: &[Span], findings: &[Span]) -> Score {
    let mut by_key: BTreeMap<(String, String), TruthAndFound> = BTreeMap::new();
    for t in truth {
        by_key
            .entry((t.path.clone(), t.ty.clone()))
            .or_default()
            .0
            .push(t);
    }
    for f in findings {
        by_key
            .entry((f.path.clone(), f.ty.clone()))
            .or_default()
            .1
            .push(f);
    }
    let mut score = Score::default();
    for ((_, ty), (mut t, mut f)) in by_key {
        t.sort_by_key(|s| s.offset);
        f.sort_by_key(|s| s.offset);
        let entry = score.by_type.entry(ty).or_default();
        entry.1 += t.len() as u64;
        entry.2 += f.len() as u64;
        let mut j = 0;
        for truth in &t {
            while j < f.len() && f[j].offset + f[j].length <= truth.offset {
                j += 1;
            }
            if j < f.len() && f[j].offset < truth.offset + truth.length {
                entry.0 += 1;
                if f[j].field != truth.field || f[j].record != truth.record {
                    score.field_errors.push(format!("{truth:?} vs {:?}", f[j]));
                }
                j += 1;
            }
        }
    }
    score
}

//! Tokenisers on their own, per format, in MB/s of input: `edges` is the serial walk that
//! cuts an input into record-aligned chunks, `tokenize` hands every value to a sink that
//! only counts (no detection). Inputs are the generator's files of each kind (~24 MB):
//! the SQL dumps (mysqldump extended inserts, pg_dump `COPY`, pg_dump `--column-inserts`,
//! SQLite) and, as the baseline, the CSV file.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leakscan::format::{ChunkState, FieldRef, FieldSink, Layout, Scratch, Value};
use leakscan::scan::DEFAULT_CHUNK;
use leakscan::synth::{self, Density, FileKind, SynthConfig};

/// Counts values and records.
#[derive(Default)]
struct Count {
    values: u64,
    records: u64,
}

impl FieldSink for Count {
    fn value(&mut self, _field: FieldRef<'_>, _value: Value<'_>) {
        self.values += 1;
    }

    fn end_record(&mut self) {
        self.records += 1;
    }
}

/// Tokenises all of `data` in chunks cut as a scan cuts them; returns (values, records).
fn tokenize(layout: &Layout, data: &[u8], edges: &[leakscan::format::Edge]) -> (u64, u64) {
    let body = layout.body_start;
    let mut count = Count::default();
    let mut scratch = Scratch::default();
    for w in edges.windows(2) {
        let range = body + w[0].at..body + w[1].at;
        layout.tokenize(data, range, 0, &w[0].state, &mut scratch, &mut count);
    }
    (count.values, count.records)
}

fn bench(c: &mut Criterion) {
    let kinds = [
        FileKind::MysqlDump,
        FileKind::PgCopy,
        FileKind::PgInserts,
        FileKind::SqliteDump,
        FileKind::Csv,
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let made = synth::generate(&SynthConfig {
        out_dir: dir.path().to_path_buf(),
        total_bytes: 24_000_000 * kinds.len() as u64,
        seed: 5,
        density: Density::Dense,
        kinds: kinds.to_vec(),
    })
    .expect("corpus written");
    let mut edges_group = c.benchmark_group("edges");
    edges_group.sample_size(10);
    let mut inputs = Vec::new();
    for kind in kinds {
        let name = kind.file_name();
        let data = std::fs::read(dir.path().join(name)).expect("generated file");
        let layout = Layout::sniff(name, &data, None);
        let body = &data[layout.body_start..];
        let edges = layout.chunk_edges(body, DEFAULT_CHUNK, true, &ChunkState::Start);
        edges_group.throughput(Throughput::Bytes(data.len() as u64));
        edges_group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                let got = layout.chunk_edges(body, DEFAULT_CHUNK, true, &ChunkState::Start);
                assert_eq!(got.len(), edges.len());
            })
        });
        inputs.push((name, data, layout, edges));
    }
    edges_group.finish();
    let mut group = c.benchmark_group("tokenize");
    group.sample_size(10);
    for (name, data, layout, edges) in &inputs {
        let expected = tokenize(layout, data, edges);
        assert!(expected.1 > 10_000, "{name}: {expected:?}");
        group.throughput(Throughput::Bytes(data.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| assert_eq!(tokenize(layout, data, edges), expected))
        });
    }
    group.finish();
    drop(made);
}

criterion_group!(benches, bench);
criterion_main!(benches);

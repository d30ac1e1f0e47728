//! The whole scan (walk, chunk, tokenise, detect, aggregate, report) over generated corpora,
//! on one thread and on all, in MB/s of input.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leakscan::scan::{self, ScanOptions};
use leakscan::synth::{self, Density, SynthConfig};

/// Findings of a scan (the count each timed run must reproduce).
fn findings(opts: &ScanOptions) -> u64 {
    let summary = scan::run(opts).expect("scan runs");
    summary.totals.types.iter().map(|t| t.count).sum()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    for (name, density) in [("common", Density::Dense), ("rare", Density::Sparse)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let cfg = SynthConfig {
            out_dir: dir.path().to_path_buf(),
            total_bytes: 32_000_000,
            seed: 5,
            density,
            kinds: Vec::new(),
        };
        let made = synth::generate(&cfg).expect("corpus written");
        // The truth file is not part of the corpus.
        let files: Vec<_> = made
            .files
            .iter()
            .filter(|(p, _)| !p.ends_with(synth::TRUTH_FILE))
            .collect();
        let bytes: u64 = files.iter().map(|(_, b)| b).sum();
        group.throughput(Throughput::Bytes(bytes));
        for threads in [1, 2] {
            let opts = ScanOptions {
                paths: files
                    .iter()
                    .map(|(p, _)| p.clone().into_os_string())
                    .collect(),
                threads,
                sketch_key: Some(b"bench".to_vec()),
                ..ScanOptions::default()
            };
            let expected = findings(&opts);
            group.bench_with_input(BenchmarkId::new(name, threads), &opts, |b, opts| {
                b.iter(|| assert_eq!(findings(opts), expected));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

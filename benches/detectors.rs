//! Detector families on their own, over buffers of known density: MB/s of value bytes.
//!
//! Corpora are named by density: `none` (prose without identifiers), `rare`, `common`
//! (about one identifier every 65 bytes) and `decoys` (digit runs that must not match).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use leakscan::detect::Detector;
use leakscan::format::FieldHint;

/// Builds ~1 MB of lines by cycling `lines`.
fn corpus(lines: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    let mut i = 0;
    while out.len() < 1 << 20 {
        out.extend_from_slice(lines[i % lines.len()].as_bytes());
        out.push(b'\n');
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let det = Detector::builtin().expect("built-in patterns");
    let corpora = [
        (
            "none",
            corpus(&[
                "the quick brown fox jumps over the lazy dog while the customer waits for support",
            ]),
        ),
        (
            "rare",
            corpus(&[
                "the quick brown fox jumps over the lazy dog while the customer waits for support",
                "please write to asha.rao@example.com about the refund of the previous order",
                "nothing to see in this line of the log, just words and more words here",
            ]),
        ),
        (
            "common",
            corpus(&[
                "asha.rao@example.com +91 98765 43210 2345 6789 0124 ABCPE1234F",
                "4111 1111 1111 1111 10.2.3.4 S1234567D 123-45-6780 raj@okhdfcbank",
            ]),
        ),
        (
            "decoys",
            corpus(&[
                "order 1617181920 sku 4001234567 v1.2.3.4 10.0.19041.1 27ABCPE1234F1Z5",
                "uuid 3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f amount 1299.00 qty 12 at 12:30:45",
            ]),
        ),
    ];
    let mut group = c.benchmark_group("detect_lines");
    for (name, data) in &corpora {
        let expected = count(&det, data);
        group.throughput(Throughput::Bytes(data.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), data, |b, data| {
            b.iter(|| assert_eq!(count(&det, data), expected));
        });
    }
    group.finish();
}

/// Hits over every line of `data`.
fn count(det: &Detector, data: &[u8]) -> usize {
    let mut hits = Vec::new();
    let mut n = 0;
    for line in data.split(|&b| b == b'\n') {
        hits.clear();
        det.detect(line, FieldHint::default(), &mut hits);
        n += hits.len();
    }
    n
}

criterion_group!(benches, bench);
criterion_main!(benches);

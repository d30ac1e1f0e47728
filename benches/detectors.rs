//! Detector families on their own, one group of ~1 MB of free-text lines each, in MB/s of
//! value bytes: `numeric` (phones, cards, Aadhaar, SSN, IPv4, masked cards), `address`
//! (e-mail, UPI), `words` (PAN, NRIC), `hashes` (crypt strings, IPv6), and two baselines:
//! `none` (prose without a candidate) and `decoys` (digit runs that must not match).

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
    // A group per detector family, plus prose with no candidates and decoy-heavy lines.
    let corpora = [
        ("none", corpus(&["the quick brown fox jumps over the lazy dog while the customer waits for support"])),
        ("numeric", corpus(&[
            "call +91 98765 43210 or (415) 555-2671, card 4111 1111 1111 1111 ok",
            "aadhaar 2345 6789 0124 ssn 123-45-6780 from 10.2.3.4 masked XXXX-XXXX-XXXX-1234",
        ])),
        ("address", corpus(&[
            "write to asha.rao@example.com or pay raj.k@okhdfcbank before friday please",
            "cc: Priya.N@mail.example.org, vendor@example.net and 9876543210@ybl today",
        ])),
        ("words", corpus(&[
            "pan ABCPE1234F nric S1234567D fin G7654321N and pan BNZPM2501F on file",
            "gstin 27ABCPE1234F1Z5 is a decoy, as is order_ABCPE1234F and v1.2.3",
        ])),
        ("hashes", corpus(&[
            "root:$6$Xy7bQ2pLmN4r$dZ8Re22SHzb0k3l12kIc.DnjvlE899XLxi2T.hZuiJy6vTa3QTBypEbThQSAydIKwGS2csQ9CoIenn8.vsasw1:19345:0:99999:7:",
            "pw $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW and fe80::1 done",
        ])),
        ("decoys", corpus(&[
            "order 1617181920 sku 4001234567 v1.2.3.4 10.0.19041.1 27ABCPE1234F1Z5",
            "uuid 3f2c9a1e-7b4d-4c2a-9e8f-1a2b3c4d5e6f amount 1299.00 qty 12 at 12:30:45 on 2024-03-01",
        ])),
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

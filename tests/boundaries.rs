//! Findings and report do not depend on chunk size, thread count or read path: the same
//! corpus (dumps, and a bucket of documents extracted on the pool) scanned with chunks down
//! to a few bytes, 1/2/8 threads, mmap and read, gives what one whole-file chunk on one
//! thread gives.

use crate::common::{same_as_scan_with, scan_with, synth};
use leakscan::synth::documents::write_bucket;

#[test]
fn chunks_threads_and_read_path_do_not_change_results() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 300_000, 7);
    write_bucket(&corpus.path().join("bucket"), 7, 12, 2048).unwrap();
    let (want_findings, want_report) =
        scan_with(corpus.path(), out.path(), usize::MAX / 2, 1, true);
    assert!(
        want_findings.lines().count() > 1000,
        "the corpus has findings"
    );
    for (chunk, threads, mmap) in [
        (1, 2, true),
        (7, 1, false),
        (64, 8, true),
        (4096, 2, false),
        (1 << 20, 2, true),
        (333, 8, false),
    ] {
        same_as_scan_with(
            corpus.path(),
            out.path(),
            (chunk, threads, mmap),
            &want_findings,
            &want_report,
        );
    }
}

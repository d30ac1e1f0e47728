#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60), one after the other,
# at the lowest CPU priority. Uses nightly with AddressSanitizer where a nightly toolchain is
# installed, else stable with `--sanitizer none` (libFuzzer still guides by coverage; Rust's
# own bounds and overflow checks still catch what matters).
#
#   scripts/fuzz.sh 600                 # ten minutes a target
#   FUZZ_TARGETS="detect" scripts/fuzz.sh 60
#
# Each target starts from its committed regression inputs (tests/fuzz_regressions/<target>/)
# and the sample dump (samples/), and keeps what it learns in fuzz/corpus/<target>/ (not
# committed). A crash is written to fuzz/artifacts/<target>/: copy it into
# tests/fuzz_regressions/<target>/ so that `cargo test` replays it on stable.
# Needs `cargo install cargo-fuzz`.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
if rustup run nightly rustc --version >/dev/null 2>&1; then
    cargo=(cargo +nightly fuzz)
    sanitizer=()
else
    cargo=(cargo fuzz)
    sanitizer=(--sanitizer none)
fi
targets=${FUZZ_TARGETS:-$("${cargo[@]}" list)}
for target in $targets; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s" >&2
    nice -n 19 "${cargo[@]}" run -O "${sanitizer[@]}" "$target" \
        "corpus/$target" "$root/tests/fuzz_regressions/$target" "$root/samples" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 ||
        echo "== $target: stopped on a crash, see fuzz/artifacts/$target/" >&2
done

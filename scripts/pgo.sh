#!/usr/bin/env bash
# Profile-guided release build: builds leakscan instrumented, runs it on training corpora made
# with the repo's generator (other seeds than the bench's 42) and on samples/, merges the
# profiles and builds again with them. Prints the optimised binary's path on stdout, so that
#
#   LEAKSCAN_BIN=$(scripts/pgo.sh) scripts/bench.sh
#
# measures it. Needs rustup's llvm-tools component (added here when missing). Takes about
# three times a release build. Scan results are those of the plain build (only code layout
# and branch weights change); BENCHMARKS.md has what it gains.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p "${CARGO_TARGET_DIR:-target}"
target=$(cd "${CARGO_TARGET_DIR:-target}" && pwd)
work=$target/pgo-work
host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [ ! -x "$profdata" ]; then
  rustup component add llvm-tools >&2
fi

rm -rf "$work/profiles"
mkdir -p "$work"
echo "pgo: instrumented build" >&2
RUSTFLAGS="-Cprofile-generate=$work/profiles" \
  cargo build --release --locked --quiet --target-dir "$target/pgo-gen"
trainer=$target/pgo-gen/release/leakscan

echo "pgo: training runs" >&2
for density in dense sparse; do
  corpus=$work/train-$density
  if [ ! -f "$corpus/truth.jsonl" ]; then
    rm -rf "$corpus"
    seed=$([ "$density" = dense ] && echo 7 || echo 8)
    "$trainer" synth --out "$corpus" --size 40MB --density "$density" --seed "$seed" >/dev/null
  fi
done
"$trainer" scan "$work/train-dense" --threads 1 --quiet --report "$work/report.json"
"$trainer" scan "$work/train-sparse" --threads 2 --quiet --report "$work/report.json" \
  --findings "$work/findings.jsonl"
"$trainer" scan samples/ --quiet --report "$work/report.json" --findings "$work/findings.jsonl"

"$profdata" merge -o "$work/merged.profdata" "$work/profiles"
echo "pgo: optimised build" >&2
RUSTFLAGS="-Cprofile-use=$work/merged.profdata" \
  cargo build --release --locked --quiet --target-dir "$target/pgo"
echo "$target/pgo/release/leakscan"

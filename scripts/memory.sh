#!/usr/bin/env bash
# Memory against input size (issue 6, item 3): peak anonymous memory (RssAnon sampled from
# /proc; the pages of memory-mapped inputs are the page cache's) of a scan of the mixed
# corpus at two sizes, on 1 and 2 threads, with --report, and with --findings as well.
#
#   scripts/memory.sh [SMALL] [LARGE] [RUNS]     # defaults: 1GB 8GB 1
#
# The large corpus is generated, measured and deleted (it is not kept in bench-out/).
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-1GB}
large=${2:-8GB}
runs=${3:-1}
. scripts/bench-lib.sh
build
mkdir -p bench-out/tmp
# mb KB: KB in MB with one decimal (a whole MB is over 10 % of the ~8 MB a scan holds).
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
echo "memory: $(nproc) cores, $(date -u +%F), $runs run(s) each; peak RssAnon in MB"
printf '%-8s %8s %8s %10s %12s\n' corpus MB threads "--report" "+--findings"
for size in "$small" "$large"; do
  corpus "$size" dense
  b=$(bytes_of $files)
  for threads in 1 2; do
    read -r _ report < <(median_run "$bin" scan $files --threads "$threads" --quiet \
      --report bench-out/tmp/mem.json)
    read -r _ findings < <(median_run "$bin" scan $files --threads "$threads" --quiet \
      --report bench-out/tmp/mem.json --findings bench-out/tmp/mem.jsonl)
    printf '%-8s %8s %8s %10s %12s\n' "$size" $((b / 1000000)) "$threads" \
      "$(mb "$report")" "$(mb "$findings")"
  done
  rm -f bench-out/tmp/mem.jsonl
  [ "$size" != "$large" ] || rm -rf "$corpus"
done

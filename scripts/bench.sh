#!/usr/bin/env bash
# End-to-end benchmark: leakscan on 1..N threads against the ripgrep baseline and the
# page-cache ceiling, on a generated corpus, medians of several runs.
#
#   scripts/bench.sh [SIZE] [RUNS] [DENSITY]     # defaults: 2GB 3 dense
#
# Needs ripgrep (`apt-get install ripgrep`). Corpora are cached in bench-out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-2GB}
runs=${2:-3}
density=${3:-dense}
patterns=${PII_RE:-../shared/bench/pii.re}
command -v rg >/dev/null || { echo "bench: ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 2; }
[ -f "$patterns" ] || { echo "bench: baseline patterns $patterns not found" >&2; exit 2; }

. scripts/bench-lib.sh
build
corpus "$size" "$density"
mkdir -p bench-out/tmp
bytes=$(bytes_of $files)
cat $files > /dev/null   # warm the page cache
mb() { mbps "$bytes" "$1"; }

echo "corpus: $corpus ($((bytes / 1000000)) MB, $density), $runs runs each, $(nproc) cores, $(date -u +%F)"
read -r rg_t rg_rss < <(median_run rg --no-unicode -j1 --count-matches -f "$patterns" $files)
read -r cat_t _ < <(median_run sh -c "cat $files > /dev/null")
rg_mbps=$(mb "$rg_t")
printf '%-34s %8s %10s %10s %8s %9s %10s\n' tool threads MB/s MB/s/core "x rg" "anon MB" efficiency
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "cat > /dev/null" 1 "$(mb "$cat_t")" "$(mb "$cat_t")" - - -
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "rg --count-matches -f pii.re" 1 "$rg_mbps" "$rg_mbps" 1.00 $((rg_rss / 1024)) -
one=""
for threads in $(seq "$(nproc)"); do
  read -r t rss < <(median_run "$bin" scan $files --threads "$threads" --quiet --report bench-out/tmp/report.json)
  m=$(mb "$t")
  [ -n "$one" ] || one=$m
  printf '%-34s %8s %10s %10s %8s %9s %10s\n' "leakscan scan --report" "$threads" "$m" \
    "$(awk -v m="$m" -v n="$threads" 'BEGIN{printf "%.0f", m/n}')" \
    "$(awk -v m="$m" -v r="$rg_mbps" 'BEGIN{printf "%.2f", m/r}')" $((rss / 1024)) \
    "$(awk -v m="$m" -v o="$one" -v n="$threads" 'BEGIN{printf "%.2f", m/(o*n)}')"
done
read -r t rss < <(median_run "$bin" scan $files --threads 1 --quiet --report bench-out/tmp/report.json --findings bench-out/tmp/findings.jsonl)
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "leakscan scan --report --findings" 1 "$(mb "$t")" "$(mb "$t")" \
  "$(awk -v m="$(mb "$t")" -v r="$rg_mbps" 'BEGIN{printf "%.2f", m/r}')" $((rss / 1024)) -
echo "findings written: $(wc -l < bench-out/tmp/findings.jsonl)"

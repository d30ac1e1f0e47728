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

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/leakscan
corpus=bench-out/$density-$size
if [ ! -f "$corpus/truth.jsonl" ]; then
  rm -rf "$corpus"
  "$bin" synth --out "$corpus" --size "$size" --density "$density" --seed 42 >/dev/null
fi
# The truth file is not part of the corpus.
mkdir -p bench-out/tmp
files=$(find "$corpus" -type f ! -name truth.jsonl | sort | tr '\n' ' ')
bytes=$(cat $files | wc -c)
cat $files > /dev/null   # warm the page cache

# peak_anon PID: the largest RssAnon (kB) of PID, sampled every 20 ms until it exits. File
# pages of memory-mapped inputs are not counted: they belong to the page cache.
peak_anon() {
  local peak=0 kb
  while kb=$(awk '/^RssAnon:/{print $2}' "/proc/$1/status" 2>/dev/null) && [ -n "$kb" ]; do
    [ "$kb" -gt "$peak" ] && peak=$kb
    sleep 0.02
  done
  echo "$peak"
}

# median_run CMD...: runs CMD $runs times; prints "median_seconds peak_anon_kb".
median_run() {
  local times=() rss=()
  for _ in $(seq "$runs"); do
    local start end pid
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    rss+=("$(peak_anon $pid)")
    wait $pid || true
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b-a}')")
  done
  local t r
  t=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  r=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
  echo "$t $r"
}

mbps() { awk -v b="$bytes" -v t="$1" 'BEGIN{ if (t<=0) t=0.001; printf "%.0f", b/1e6/t }'; }

echo "corpus: $corpus ($((bytes / 1000000)) MB, $density), $runs runs each, $(nproc) cores, $(date -u +%F)"
read -r rg_t rg_rss < <(median_run rg --no-unicode -j1 --count-matches -f "$patterns" $files)
read -r cat_t _ < <(median_run sh -c "cat $files > /dev/null")
rg_mbps=$(mbps "$rg_t")
printf '%-34s %8s %10s %10s %8s %9s %10s\n' tool threads MB/s MB/s/core "x rg" "anon MB" efficiency
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "cat > /dev/null" 1 "$(mbps "$cat_t")" "$(mbps "$cat_t")" - - -
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "rg --count-matches -f pii.re" 1 "$rg_mbps" "$rg_mbps" 1.00 $((rg_rss / 1024)) -
one=""
for threads in $(seq "$(nproc)"); do
  read -r t rss < <(median_run "$bin" scan $files --threads "$threads" --quiet --report bench-out/tmp/report.json)
  m=$(mbps "$t")
  [ -n "$one" ] || one=$m
  printf '%-34s %8s %10s %10s %8s %9s %10s\n' "leakscan scan --report" "$threads" "$m" \
    "$(awk -v m="$m" -v n="$threads" 'BEGIN{printf "%.0f", m/n}')" \
    "$(awk -v m="$m" -v r="$rg_mbps" 'BEGIN{printf "%.2f", m/r}')" $((rss / 1024)) \
    "$(awk -v m="$m" -v o="$one" -v n="$threads" 'BEGIN{printf "%.2f", m/(o*n)}')"
done
read -r t rss < <(median_run "$bin" scan $files --threads 1 --quiet --report bench-out/tmp/report.json --findings bench-out/tmp/findings.jsonl)
printf '%-34s %8s %10s %10s %8s %9s %10s\n' "leakscan scan --report --findings" 1 "$(mbps "$t")" "$(mbps "$t")" \
  "$(awk -v m="$(mbps "$t")" -v r="$rg_mbps" 'BEGIN{printf "%.2f", m/r}')" $((rss / 1024)) -
echo "findings written: $(wc -l < bench-out/tmp/findings.jsonl)"

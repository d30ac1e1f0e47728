# Helpers shared by the bench scripts (sourced, not run): build, corpus, timing, memory.
# The caller sets `runs` (runs per measurement).

# build: builds the release binary and sets `bin` to it (or to $LEAKSCAN_BIN, unbuilt, when
# that is set: to measure a binary kept aside).
build() {
  if [ -n "${LEAKSCAN_BIN:-}" ]; then
    bin=$LEAKSCAN_BIN
    return
  fi
  cargo build --release --quiet
  bin=${CARGO_TARGET_DIR:-target}/release/leakscan
}

# corpus SIZE DENSITY: generates (once; cached in bench-out/, git-ignored) the mixed corpus
# of that size with the repo's generator and sets `corpus` to its directory and `files` to
# its files (the truth file is not part of it).
corpus() {
  corpus=bench-out/$2-$1
  if [ ! -f "$corpus/truth.jsonl" ]; then
    rm -rf "$corpus"
    "$bin" synth --out "$corpus" --size "$1" --density "$2" --seed 42 >/dev/null
  fi
  files=$(find "$corpus" -type f ! -name truth.jsonl | sort | tr '\n' ' ')
}

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

# median_run CMD...: runs CMD $runs times; prints "median_seconds peak_anon_kb" (the
# largest peak of the runs).
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

# mbps BYTES SECONDS: decimal megabytes a second.
mbps() { awk -v b="$1" -v t="$2" 'BEGIN{ if (t<=0) t=0.001; printf "%.0f", b/1e6/t }'; }

# bytes_of FILES...: their total size.
bytes_of() { cat "$@" | wc -c; }

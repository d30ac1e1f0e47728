#!/usr/bin/env bash
# Slow-path benchmark (issue 6, item 4): inputs shaped unlike the mixed corpus, each the
# same size as it, scanned on one thread, all types on, report on, findings off; prints
# MB/s of each and its ratio to the mixed corpus (medians of RUNS runs).
#
#   scripts/slowpaths.sh [SIZE] [RUNS] [FIELD] [INSERT]   # defaults: 1GB 3 100MB 500MB
#
# The inputs are made at bench time from the mixed corpus (`leakscan synth`), in bench-out/:
#   oneline.txt    the corpus with every newline made a space: one line of SIZE bytes
#   bigfield.csv   rows of users.csv with one quoted, multi-line FIELD-byte field in the middle
#   insert.sql     a mysqldump whose rows are one INSERT of INSERT bytes (at most SIZE)
#   digits.txt     nothing but digits, no newline
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1GB}
runs=${2:-3}
field=${3:-100MB}
insert=${4:-500MB}
. scripts/bench-lib.sh
build
corpus "$size" dense
mixed=$files
total=$(bytes_of $mixed)
# bytes SIZE: SIZE (`100MB`, `1GB`) in bytes.
bytes() { numfmt --from=si "${1%B}"; }
field_bytes=$(bytes "$field")
insert_bytes=$(bytes "$insert")
[ "$insert_bytes" -le "$total" ] || insert_bytes=$total
out=bench-out/slow-$size-$field-$insert
mkdir -p "$out" bench-out/tmp

# repeat FILE...: the files' bytes over and over (they must be regular, not empty, files).
repeat() { while cat "$@"; do :; done; }

if [ ! -f "$out/done" ]; then
  cat $mixed | tr '\n' ' ' > "$out/oneline.txt"
  users=$corpus/users.csv
  half=$(( (total - field_bytes) / 2 ))
  {
    repeat "$users" | head -c "$half" | sed '$d'
    printf '900000,Field Big,"'
    repeat "$corpus/notes.txt" "$corpus/app.log" | head -c "$field_bytes" | sed 's/"/""/g'
    printf '",,\n'
    tail -n +2 "$users" > "$out/rows.tmp"
    repeat "$out/rows.tmp" | head -c "$half" | sed '$d'
  } > "$out/bigfield.csv"
  sql=$corpus/mysql_users.sql
  grep '^INSERT INTO `users`' "$sql" | sed 's/^[^(]*VALUES //; s/;$/,/' > "$out/tuples.tmp"
  grep -v '^INSERT INTO' "$sql" > "$out/other.tmp"
  {
    sed '/^INSERT INTO/,$d' "$sql"
    printf 'INSERT INTO `users` VALUES '
    # The tuples of every INSERT, one statement: `(...),(...)` joined with commas.
    repeat "$out/tuples.tmp" | head -c "$insert_bytes" | sed '$s/,([^,]*$//; $s/,$//'
    printf ';\n'
    rest=$(( total - insert_bytes ))
    [ "$rest" -le 0 ] || repeat "$out/other.tmp" | head -c "$rest"
  } > "$out/insert.sql"
  cat $mixed | head -c "$total" | tr '\000-\377' "$(printf '0123456789%.0s' $(seq 26))" \
    > "$out/digits.txt"
  rm "$out"/*.tmp
  touch "$out/done"
fi

echo "slow paths: $(nproc) cores, $(date -u +%F), $runs runs each, 1 thread, all types," \
  "--report on, findings off; mixed corpus $((total / 1000000)) MB"
printf '%-44s %8s %8s %10s %9s\n' input MB MB/s "x mixed" "anon MB"
scan() {
  local name=$1
  shift
  local b t rss m
  b=$(bytes_of "$@")
  cat "$@" > /dev/null
  read -r t rss < <(median_run "$bin" scan "$@" --threads 1 --quiet --report bench-out/tmp/slow.json)
  m=$(mbps "$b" "$t")
  # The ratio from the unrounded rates.
  local rate
  rate=$(awk -v b="$b" -v t="$t" 'BEGIN{ if (t<=0) t=0.001; print b/t }')
  [ -n "${base:-}" ] || base=$rate
  printf '%-44s %8s %8s %10s %9s\n' "$name" $((b / 1000000)) "$m" \
    "$(awk -v r="$rate" -v b="$base" 'BEGIN{printf "%.2f", r/b}')" $((rss / 1024))
}
scan "mixed corpus (synth --density dense)" $mixed
scan "one line (oneline.txt)" "$out/oneline.txt"
scan "CSV, one $field field (bigfield.csv)" "$out/bigfield.csv"
scan "SQL, one $((insert_bytes / 1000000)) MB INSERT (insert.sql)" "$out/insert.sql"
scan "digits only (digits.txt)" "$out/digits.txt"

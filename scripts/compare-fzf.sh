#!/usr/bin/env bash
# Compares `zhaoshang search` with `fzf --filter` over the same texts of a synthetic corpus,
# whole process against whole process, and prints the ratio for each query.
#
#   scripts/compare-fzf.sh [N] [WORKDIR]      (defaults: 10000 articles, target/compare-fzf)
#   RUNS=3 scripts/compare-fzf.sh             (timed runs per command; default 10)
#
# zhaoshang searches a store made once with `zhaoshang parse DIR -o corpus.db` (its search
# index is persisted, so each run opens the file and looks up candidates); fzf gets the same
# texts pre-split, one per line. Uses hyperfine when installed, otherwise a timing loop. Not
# part of the test suite.
set -euo pipefail

n="${1:-10000}"
work="${2:-target/compare-fzf}"
runs="${RUNS:-10}"
cd "$(dirname "$0")/.."

command -v fzf >/dev/null || { echo "compare-fzf: fzf is not installed (apt-get install -y fzf)" >&2; exit 1; }

cargo build --release --quiet --bin zhaoshang --example synth
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
bin="$target_dir/release/zhaoshang"
corpus="$work/corpus-$n"
lines="$work/sentences-$n.txt"
if [ ! -s "$lines" ]; then
  rm -rf "$corpus"
  "$target_dir/release/examples/synth" "$n" "$corpus" --sentences "$lines"
fi
echo "corpus: $n articles in $corpus, $(wc -l <"$lines") lines in $lines"

# Search a store, as a user would after `zhaoshang parse DIR -o corpus.db`: the index was
# built at parse time, so a run is open + look up + rank (set STORE=json to time the JSON
# corpus instead, which loads everything and builds the index on every run).
if [ "${STORE:-db}" = json ]; then
  path="$work/corpus-$n.json"
else
  path="$work/corpus-$n.db"
fi
if [ ! -s "$path" ]; then
  "$bin" parse "$corpus" -o "$path" >/dev/null 2>&1 || rm -f "$path"
fi
[ -s "$path" ] || path="$corpus"
echo "zhaoshang searches $path"

# Chinese, pinyin (full and initials), traditional.
queries=("招商引资" "zhaoshang" "zsyz" "項目建設")

now_ns() { date +%s%N; }

# Mean wall time in milliseconds of running "$@" $runs times, output discarded.
time_loop() {
  local start end
  "$@" >/dev/null 2>&1 || true
  start=$(now_ns)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(now_ns)
  echo $(( (end - start) / runs / 1000000 ))
}

printf '%-12s %12s %12s %8s %10s %10s\n' query "zhaoshang ms" "fzf ms" ratio "zs hits" "fzf hits"
for q in "${queries[@]}"; do
  zs=(sh -c '"$0" search "$1" "$2" --limit 50' "$bin" "$q" "$path")
  fz=(sh -c 'fzf --filter "$0" < "$1" | head -50' "$q" "$lines")
  if command -v hyperfine >/dev/null; then
    json="$work/hyperfine-$q.json"
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$json" \
      -n zhaoshang "${zs[*]@Q}" -n fzf "${fz[*]@Q}" >/dev/null
    read -r zs_ms fz_ms < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(*(round(x["mean"]*1000) for x in r))' "$json")
  else
    zs_ms=$(time_loop "${zs[@]}")
    fz_ms=$(time_loop "${fz[@]}")
  fi
  zs_hits=$("${zs[@]}" 2>/dev/null | grep -c . || true)
  fz_hits=$("${fz[@]}" 2>/dev/null | grep -c . || true)
  ratio=$(awk -v a="$zs_ms" -v b="$fz_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
  printf '%-12s %12s %12s %8s %10s %10s\n' "$q" "$zs_ms" "$fz_ms" "$ratio" "$zs_hits" "$fz_hits"
done
echo "ratio = zhaoshang time / fzf time (below 1 means zhaoshang is faster)"

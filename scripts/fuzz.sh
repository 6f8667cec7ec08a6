#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time, starting from the committed seeds.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (defaults: 30 seconds; clean parse wrap load)
#
# cargo-fuzz needs nightly-only compiler flags (-Zsanitizer, sancov); the stable compiler
# accepts them with RUSTC_BOOTSTRAP=1, so no nightly toolchain is required. Each target fuzzes
# into a throw-away corpus directory and reads fuzz/corpus/<target>/ only as seeds, so the
# committed corpus never grows. Builds go to fuzz/target (or $CARGO_TARGET_DIR), away from the
# main build. Exits non-zero when any target crashes, printing the reproducer's path.
set -euo pipefail

duration="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(clean parse wrap load)
cd "$(dirname "$0")/.."

case "$duration" in
  ''|*[!0-9]*) echo "fuzz: SECONDS must be a whole number, not '$duration'" >&2; exit 2 ;;
esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install --locked cargo-fuzz
fi

export RUSTC_BOOTSTRAP=1
# --debug-assertions also turns on overflow checks, so arithmetic on huge figures fails loudly.
flags=(--debug-assertions)

work="$(mktemp -d "${TMPDIR:-/tmp}/zhaoshang-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cargo fuzz build "${flags[@]}" >/dev/null 2>"$work/build.log" || {
  cat "$work/build.log" >&2
  echo "fuzz: build failed" >&2
  exit 1
}

failed=()
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  log="$work/$target.log"
  echo "fuzz: $target for ${duration}s" >&2
  # -timeout turns a hang into a failure; -print_final_stats reports execs/s at the end.
  if cargo fuzz run "${flags[@]}" "$target" "$work/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$duration" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")"
    echo "fuzz: $target ok: ${runs:-?} runs, ${speed:-?} execs/s" >&2
  else
    # The panic message, then libFuzzer's and cargo-fuzz's summary.
    grep -A 4 -m 1 "panicked at" "$log" >&2 || true
    sed -n '/^Failing input:/,/^Minimize/p' "$log" >&2
    grep -m 3 -E "^==[0-9]+== ERROR|timeout|out-of-memory" "$log" >&2 || true
    reproducer="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)"
    echo "fuzz: $target FAILED; reproducer: ${reproducer:-none written (see the log above)}" >&2
    [ -z "$reproducer" ] || echo "fuzz: rerun with: RUSTC_BOOTSTRAP=1 cargo fuzz run ${flags[*]} $target $reproducer" >&2
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi

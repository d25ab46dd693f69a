#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ (see README.md, "Fuzzing") for a while each, one after another.
#   FUZZ_SECONDS   seconds per target (default 300)
#   FUZZ_WORKERS   parallel fuzzing processes per target (default 2)
#   FUZZ_TARGETS   which targets (default: csv_import xlsx_import load_json)
# New corpus entries land in fuzz/corpus/<target>/, crashing inputs in fuzz/artifacts/<target>/,
# logs in fuzz/logs/<target>/. A worker that finds a crash is restarted until the time is up, so
# one run collects every distinct crash; the script fails at the end when there were any.
# Installs cargo-fuzz from crates.io when missing; needs the nightly toolchain (rustup).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
seconds="${FUZZ_SECONDS:-300}"
workers="${FUZZ_WORKERS:-2}"
targets="${FUZZ_TARGETS:-csv_import xlsx_import load_json}"

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz ${CARGO_FUZZ_VERSION} (about a minute)"
  cargo install cargo-fuzz --locked --version "${CARGO_FUZZ_VERSION}"
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (libFuzzer's instrumentation needs it)"
  rustup toolchain install nightly --profile minimal
fi

# -O: dependencies as the app ships them (no overflow checks; see fuzz/Cargo.toml), our own code
# with overflow checks and debug assertions. No sanitizer: the code under test is safe Rust, and
# AddressSanitizer would cost two thirds of the speed.
(cd fuzz && cargo +nightly fuzz build -O -s none)
bin="fuzz/target/x86_64-unknown-linux-gnu/release"

max_len() {
  case "$1" in
    xlsx_import) echo 262144 ;;
    *) echo 65536 ;;
  esac
}

failed=0
for target in $targets; do
  logs="fuzz/logs/$target"
  rm -rf "$logs"
  mkdir -p "$logs" "fuzz/artifacts/$target" "fuzz/corpus/$target"
  say "$target: ${seconds}s with $workers worker(s)"
  end=$((SECONDS + seconds))
  # Each worker is its own libFuzzer process on the shared corpus directory (it picks up what the
  # others add), restarted after a crash until the time is up.
  for worker in $(seq "$workers"); do
    (
      round=0
      while [ $((end - SECONDS)) -gt 5 ]; do
        round=$((round + 1))
        "$bin/$target" -artifact_prefix="fuzz/artifacts/$target/" \
          -max_total_time=$((end - SECONDS)) -max_len="$(max_len "$target")" -timeout=30 \
          -rss_limit_mb=2048 -dict="fuzz/dict/$target.dict" -print_final_stats=1 \
          "fuzz/corpus/$target" >"$logs/worker$worker-$round.log" 2>&1 || true
      done
    ) &
  done
  wait
  runs=$(cat "$logs"/*.log | awk '/stat::number_of_executed_units/ {s += $2} END {print s + 0}')
  crashes=$(find "fuzz/artifacts/$target" -type f | wc -l)
  say "$target: $runs executions in ${seconds}s ($((runs / seconds)) exec/s), $crashes crashing input(s)"
  if [ "$crashes" -gt 0 ]; then
    failed=1
    find "fuzz/artifacts/$target" -type f | sed 's/^/  /'
  fi
done
exit "$failed"

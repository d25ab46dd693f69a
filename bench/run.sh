#!/usr/bin/env bash
# `make bench`: tiering + concentration of 100k and 1M synthetic customers, native and in headless
# Chromium (two wasm builds, plain JavaScript, Arquero), results into bench/RESULTS.md.
#
# Idempotent: installs only what is missing (scripts/setup.sh for the Rust/wasm tools, `npm ci`
# here for arquero + playwright-core), rebuilds only what changed. Nothing is downloaded except
# from the package registries. Not part of `make test`.
#
# Environment: BENCH_SIZES (default 100000,1000000), BENCH_WARMUP (3), BENCH_RUNS (11),
# BENCH_TARGET_DIR (bench/target), BENCH_WAIT_IDLE_SECONDS (0), KAM_CHROMIUM (/usr/bin/chromium),
# BENCH_ONLY (all; `ltc`: only the LTC rows and the stage move, replacing just that section of
# RESULTS.md; `tiering`: only tiering + concentration and the rule edit).
set -euo pipefail

cd "$(dirname "$0")"
BENCH_DIR="$PWD"
export PATH="$HOME/.cargo/bin:$PATH"

SIZES="${BENCH_SIZES:-100000,1000000}"
WARMUP="${BENCH_WARMUP:-3}"
RUNS="${BENCH_RUNS:-11}"
TARGET_DIR="${BENCH_TARGET_DIR:-$BENCH_DIR/target}"
CHROMIUM="${KAM_CHROMIUM:-/usr/bin/chromium}"
WAIT_IDLE="${BENCH_WAIT_IDLE_SECONDS:-0}"
ONLY="${BENCH_ONLY:-all}"
case "$ONLY" in all|tiering|ltc) ;; *) echo "BENCH_ONLY: all, tiering or ltc" >&2; exit 2 ;; esac
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }

# Waits up to $WAIT_IDLE seconds for the 1-minute load average to drop below the CPU count.
wait_for_idle() {
  local cpus waited=0
  cpus="$(nproc)"
  while [ "$waited" -lt "$WAIT_IDLE" ] &&
        awk -v c="$cpus" '{ exit !($1 >= c) }' /proc/loadavg; do
    [ "$waited" -eq 0 ] && say "waiting up to ${WAIT_IDLE}s for the load ($(cut -d' ' -f1 /proc/loadavg)) to drop below $cpus"
    sleep 10
    waited=$((waited + 10))
  done
}

# --- tools ------------------------------------------------------------------------------------
../scripts/setup.sh build
if [ ! -x "$CHROMIUM" ]; then
  say "Chromium not found at $CHROMIUM: run scripts/setup.sh test (or set KAM_CHROMIUM)"
  exit 1
fi
if [ -f node_modules/arquero/package.json ] && [ -f node_modules/playwright-core/package.json ] &&
   [ "$(node -p "require('./node_modules/arquero/package.json').version")" = 7.2.1 ]; then
  say "arquero 7.2.1 and playwright-core present"
else
  say "installing arquero 7.2.1 and playwright-core from npm (no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit
fi

# --- build ------------------------------------------------------------------------------------
say "building the native bench binary"
cargo build --release --target-dir "$TARGET_DIR" -p kam-bench-kernel --bin bench-native

# wasm-bindgen + wasm-opt for one cargo profile, skipped when the output is newer than the input.
wasm_build() {
  local profile="$1" dir="$2" opt="$3"
  say "building the wasm bench module ($profile profile, wasm-opt $opt)"
  cargo build --profile "$profile" --target-dir "$TARGET_DIR" --target wasm32-unknown-unknown \
    -p kam-bench-wasm
  local input="$TARGET_DIR/wasm32-unknown-unknown/$profile/kam_bench_wasm.wasm"
  local output="web/$dir/kam_bench_bg.wasm"
  if [ -f "$output" ] && [ "$output" -nt "$input" ]; then
    say "web/$dir is up to date"
    return
  fi
  wasm-bindgen --version | grep -q " $WASM_BINDGEN_VERSION\$"
  rm -rf "web/$dir"
  wasm-bindgen --target web --no-typescript --out-dir "web/$dir" --out-name kam_bench "$input"
  wasm-opt "$opt" "$output" -o "$output.opt"
  mv "$output.opt" "$output"
}
wasm_build release pkg-o3 -O3
wasm_build release-app pkg-app -Oz

# --- run --------------------------------------------------------------------------------------
mkdir -p .out
wait_for_idle
say "native run (only $ONLY; sizes $SIZES, $WARMUP warm-up + $RUNS timed runs)"
"$TARGET_DIR/release/bench-native" --sizes "$SIZES" --warmup "$WARMUP" --runs "$RUNS" \
  --only "$ONLY" --json .out/native.json
say "building the app (trunk build --release) for the rule-edit round trip and its wasm size"
(cd .. && make build)
if [ "$ONLY" != ltc ]; then
  wait_for_idle
  say "rule edit → updated view in the app at 100,000 customers"
  KAM_CHROMIUM="$CHROMIUM" node ui_timing.mjs 100000 --markdown e2e-rule-edit.md
fi
if [ "$ONLY" != tiering ]; then
  wait_for_idle
  say "stage move → updated board in the app at 100,000 opportunities"
  cargo build --release --target-dir "$TARGET_DIR" -p kam-bench-kernel --bin ltc-workspace
  "$TARGET_DIR/release/ltc-workspace" .out/ltc-workspace.kam.json
  KAM_CHROMIUM="$CHROMIUM" node ui_stage_move.mjs .out/ltc-workspace.kam.json --markdown e2e-stage-move.md
fi
wait_for_idle
say "browser run in headless Chromium"
KAM_CHROMIUM="$CHROMIUM" node driver.mjs --native .out/native.json --sizes "$SIZES" \
  --warmup "$WARMUP" --runs "$RUNS" --only "$ONLY" --out RESULTS.md
say "done: bench/RESULTS.md"

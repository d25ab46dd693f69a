#!/usr/bin/env bash
# Installs what KAM Planner needs, skipping whatever is already there at the right version.
#   scripts/setup.sh build   – wasm target, trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh test    – the above plus Chromium, ChromeDriver, a CJK font and playwright-core
# Only package registries are used (crates.io, npm, Debian); nothing downloads a binary elsewhere.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

mode="${1:-build}"
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32 target present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles the standard library (see RELEASE_ENV in the Makefile): its sources,
# and the crates it depends on in the cargo cache, because trunk builds offline.
if rustup component list --installed | grep -qx 'rust-src'; then
  say "rust-src present"
else
  say "adding the rust-src component"
  rustup component add rust-src
fi
std_lock="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
if [ -f "$std_lock" ]; then
  say "fetching the standard library's dependencies"
  (cd "$(dirname "$std_lock")" && RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet)
fi

if trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}\$"; then
  say "trunk ${TRUNK_VERSION} present"
else
  say "installing trunk ${TRUNK_VERSION} (about 9 minutes on 2 cores)"
  cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

if wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$" &&
   command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen ${WASM_BINDGEN_VERSION} present"
else
  # Not --locked: one locked dependency of this release is missing from the registry.
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION}"
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION}"; then
  say "wasm-opt ${BINARYEN_VERSION} present"
else
  say "installing binaryen ${BINARYEN_VERSION} (wasm-opt) from npm"
  npm install -g "binaryen@${BINARYEN_VERSION}" --no-fund --no-audit
fi

if [ "$mode" = "test" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # A CJK font so that screenshots taken by headless Chromium show Chinese text.
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-microhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  else
    say "chromium, chromedriver and a CJK font present"
  fi
  # The e2e dev dependencies (playwright-core, axe-core) at the versions of package-lock.json.
  npm_ok=1
  for pkg in playwright-core axe-core; do
    if ! [ -f "node_modules/$pkg/package.json" ] ||
       [ "$(node -p "require('./node_modules/$pkg/package.json').version")" != \
         "$(node -p "require('./package-lock.json').packages['node_modules/$pkg'].version")" ]; then
      npm_ok=0
    fi
  done
  if [ "$npm_ok" = 1 ]; then
    say "playwright-core and axe-core present"
  else
    say "installing playwright-core and axe-core from npm (no browser download)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-fund --no-audit
  fi
fi
say "ready ($mode)"

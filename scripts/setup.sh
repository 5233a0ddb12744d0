#!/usr/bin/env bash
# Idempotent install of everything the build and the tests need (see /work/shared/TOOLCHAIN.md).
# Safe to run repeatedly: each step is skipped when the tool is already present at the right version.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="version_132"

say()  { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die()  { printf '\033[1;31m[setup] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

# --- versions pinned by the lockfile -------------------------------------------------------
# shellcheck source=scripts/lock_version.sh
. "$ROOT/scripts/lock_version.sh"
[ -f Cargo.lock ] || die "Cargo.lock missing in $ROOT"
WB_VERSION="$(lock_version wasm-bindgen)"
[ -n "$WB_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
say "wasm-bindgen in Cargo.lock: $WB_VERSION"

TRUNK_TOML_WB="$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml)"
if [ "$TRUNK_TOML_WB" != "$WB_VERSION" ]; then
  die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_TOML_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION.
       Edit Trunk.toml to: wasm_bindgen = \"$WB_VERSION\" (they must match exactly)."
fi
TRUNK_TOML_WO="$(sed -n 's/^[[:space:]]*wasm_opt[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml)"
[ "$TRUNK_TOML_WO" = "$WASM_OPT_VERSION" ] \
  || die "Trunk.toml [tools] wasm_opt = \"$TRUNK_TOML_WO\", expected \"$WASM_OPT_VERSION\" (npm binaryen@132)"

# --- Rust -----------------------------------------------------------------------------------
command -v cargo  >/dev/null || die "cargo not found (install Rust via rustup first)"
command -v rustup >/dev/null || die "rustup not found (needed to add the wasm32 target)"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "ok: rust target wasm32-unknown-unknown"
else
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- Chromium + chromedriver (Debian) --------------------------------------------------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "ok: /usr/bin/chromium and /usr/bin/chromedriver"
else
  say "installing chromium chromium-driver with apt-get"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "chromium/chromedriver still missing after apt-get"
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), must equal Cargo.lock --------
have_wb=""
if command -v wasm-bindgen >/dev/null && command -v wasm-bindgen-test-runner >/dev/null; then
  have_wb="$(wasm-bindgen --version | awk '{print $2}')"
  have_runner="$(wasm-bindgen-test-runner --version | awk '{print $2}')"
  [ "$have_runner" = "$have_wb" ] || have_wb=""
fi
if [ "$have_wb" = "$WB_VERSION" ]; then
  say "ok: wasm-bindgen-cli $WB_VERSION"
else
  say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}); ~4 min on 2 cores"
  # No --locked: a locked dependency of wasm-bindgen-cli is missing from the registry (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --force
fi
[ "$(wasm-bindgen --version | awk '{print $2}')" = "$WB_VERSION" ] || die "wasm-bindgen version mismatch after install"

# --- Trunk ------------------------------------------------------------------------------------
have_trunk=""
command -v trunk >/dev/null && have_trunk="$(trunk --version | awk '{print $2}')"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  say "ok: trunk $TRUNK_VERSION"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); ~10 min on 2 cores"
  # 0.22.x needs a newer rustc than this machine has; --locked works for trunk.
  cargo install --locked trunk --version "=$TRUNK_VERSION" --force
fi

# --- wasm-split-cli: splits the release module at its split points (scripts/post_build.sh) -----
# 0.2.4 or later: earlier releases do not know wasm-bindgen 0.2.128's renamed descriptor import.
WASM_SPLIT_VERSION="0.2.4"
have_split=""
# (It has no --version; cargo's list of installed packages says.)
command -v wasm-split-cli >/dev/null \
  && have_split="$(cargo install --list | sed -n 's/^wasm_split_cli_support v\([0-9.]*\):$/\1/p')"
if [ "$have_split" = "$WASM_SPLIT_VERSION" ]; then
  say "ok: wasm-split-cli $WASM_SPLIT_VERSION"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (found: ${have_split:-none}); ~2 min on 2 cores"
  cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --force
fi

# --- Node tools: wasm-opt (binaryen@132), Playwright, esbuild (release minifying) ----------
command -v node >/dev/null && command -v npm >/dev/null || die "node/npm not found (need Node >= 20)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || die "Node $(node --version) is too old: @playwright/test 1.65 needs Node >= 20"

npm_stale=""
if [ ! -d node_modules ]; then
  npm_stale="node_modules missing"
elif [ ! -f node_modules/.package-lock.json ]; then
  npm_stale="node_modules/.package-lock.json missing"
elif [ package.json -nt node_modules/.package-lock.json ] || \
     { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  npm_stale="package.json / package-lock.json newer than node_modules"
elif [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/esbuild ]; then
  npm_stale="wasm-opt, playwright or esbuild missing from node_modules/.bin"
fi
if [ -n "$npm_stale" ]; then
  # Never downloads a browser: Playwright uses /usr/bin/chromium (playwright.config.ts).
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -f package-lock.json ]; then
    say "npm ci ($npm_stale)"
    npm ci --no-audit --no-fund
  else
    say "npm install ($npm_stale; no package-lock.json)"
    npm install --no-audit --no-fund
  fi
else
  say "ok: node_modules up to date"
fi
have_wo="$(wasm-opt --version 2>/dev/null | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')"
[ "$(command -v wasm-opt)" = "$ROOT/node_modules/.bin/wasm-opt" ] \
  || die "wasm-opt on PATH is $(command -v wasm-opt), expected node_modules/.bin/wasm-opt"
[ "$have_wo" = "$WASM_OPT_VERSION" ] || die "wasm-opt is '$have_wo', expected $WASM_OPT_VERSION (npm binaryen@132)"
say "ok: wasm-opt $have_wo (node_modules/.bin)"

command -v python3 >/dev/null || die "python3 not found (the e2e tests serve dist/ with python3 -m http.server)"

# --- Crates (Trunk builds with --offline) --------------------------------------------------------
say "cargo fetch"
cargo fetch --quiet

say "done"

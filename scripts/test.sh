#!/usr/bin/env bash
# The ONE command that runs every test:
#   setup -> fmt (warning only) -> host cargo test (unit, integration, doc) -> wasm tests in headless
#   Chromium (wasm-bindgen-test: lib/bin unit tests + tests/*.rs that use wasm_bindgen_test)
#   -> build script tests (node --test) -> trunk release build into dist/ -> size report
#   -> Playwright e2e -> browser benchmark (small).
# Exits non-zero if any step fails. Later steps still run when independent of a failed one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# wasm test binaries without `wasm_bindgen_test_configure!(run_in_browser)` also run in the browser.
export WASM_BINDGEN_USE_BROWSER="${WASM_BINDGEN_USE_BROWSER:-1}"
# Browser capabilities (chromium binary + flags) for wasm-bindgen-test-runner.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$ROOT/webdriver.json}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# A test run builds each crate once: incremental caches would only add gigabytes to target/.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

declare -a RESULTS=()
FAILED=0
step() { # step <name> <command...>
  local name="$1"; shift
  printf '\n\033[1;34m==> %s\033[0m\n' "$name"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("PASS  ${dt}s  $name")
  else
    RESULTS+=("FAIL  ${dt}s  $name (exit $rc)")
    FAILED=1
  fi
  return "$rc"
}
skip() { RESULTS+=("SKIP        $1"); }
summary() {
  printf '\n\033[1m==> summary\033[0m\n'
  printf '  %s\n' "${RESULTS[@]}"
  if [ "$FAILED" -ne 0 ]; then printf '\033[1;31mFAILED\033[0m\n'; else printf '\033[1;32mALL PASSED\033[0m\n'; fi
}
trap summary EXIT

step "setup (scripts/setup.sh)" bash scripts/setup.sh || exit 1

fmt_check() {
  if cargo fmt --version >/dev/null 2>&1; then
    cargo fmt --check >/dev/null 2>&1 || echo "WARNING: code is not rustfmt-formatted (run: cargo fmt). Not a failure."
  else
    echo "WARNING: rustfmt not installed; skipping format check."
  fi
  return 0
}
step "cargo fmt --check (warning only)" fmt_check

step "host tests: cargo test (unit, integration, doctests)" cargo test || true

# wasm targets: the lib and bin unit tests, plus every integration test file that uses
# wasm-bindgen-test (tests/*.rs or tests/*/main.rs mentioning `wasm_bindgen_test`). Host-only
# integration tests (plain #[test], proptest) are not built for wasm: the runner would ignore their
# #[test] fns anyway, and proptest is a host-only dev-dependency.
# The lib and bin are built as wasm test binaries (about 100 MB each) only when src/ has browser
# tests of its own; today all of them live in tests/.
WASM_TEST_ARGS=()
if grep -rqs 'wasm_bindgen_test' src; then WASM_TEST_ARGS+=(--lib --bins); fi
for f in tests/*.rs tests/*/main.rs; do
  [ -f "$f" ] || continue
  grep -q 'wasm_bindgen_test' "$f" || continue
  case "$f" in
    */main.rs) name="$(basename "$(dirname "$f")")" ;;
    *)         name="$(basename "$f" .rs)" ;;
  esac
  WASM_TEST_ARGS+=(--test "$name")
done
step "wasm tests in headless Chromium: cargo test --target wasm32-unknown-unknown ${WASM_TEST_ARGS[*]}" \
  cargo test --target wasm32-unknown-unknown "${WASM_TEST_ARGS[@]}" || true

# The release build's post-build step removes unused classes (scripts/unused_classes.mjs) and
# renames the module's imports and exports (scripts/minify.mjs).
step "build script tests: node --test scripts/wasm_names.test.mjs scripts/unused_classes.test.mjs" \
  node --test scripts/wasm_names.test.mjs scripts/unused_classes.test.mjs || true

if step "release build: trunk build --release -> dist/" trunk build --release; then
  step "size report (scripts/size.sh -> dist/size.txt)" bash scripts/size.sh || true
  step "e2e: npx playwright test (dist/ on http://127.0.0.1:4173)" npx playwright test || true
  # Figures only: the benchmark fails the run when the app does not load or respond, never
  # because a figure misses its goal. The large scale is run by hand (README, Speed).
  step "browser benchmark, small scale: node scripts/bench.mjs --scale small --runs 1" \
    node scripts/bench.mjs --scale small --runs 1 || true
else
  skip "size report (release build failed)"
  skip "e2e (release build failed)"
  skip "browser benchmark (release build failed)"
fi

exit "$FAILED"

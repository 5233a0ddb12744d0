#!/usr/bin/env bash
# Browser benchmark of the release build: see scripts/bench.mjs for what it measures.
# Usage: bash scripts/bench.sh [--scale small|medium|large|all] [--runs N]
# Builds dist/ with `trunk build --release` only when dist/index.html is missing; after changing
# the code, run `trunk build --release` yourself (or delete dist/) so the figures are of it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [[ ! -f dist/index.html ]]; then
  echo "[bench] dist/index.html is missing: trunk build --release" >&2
  trunk build --release
fi
exec node scripts/bench.mjs "$@"

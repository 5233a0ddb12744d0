#!/usr/bin/env bash
# Size report of a release build (gzip -9 and brotli 11 of every file in dist/) and the size
# budget's check: fails when what a host page downloads, gzipped, is over the budget in
# Cargo.toml ([package.metadata.kra-kpi] size-budget-gzip-kib). Also written to dist/size.txt.
# Run after `trunk build --release` (scripts/test.sh does).   Usage: bash scripts/size.sh [DIST]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node "$ROOT/scripts/size.mjs" "$@"

#!/usr/bin/env bash
# Size report of a release build: raw and gzip -9 size of every file in dist/ plus the gzipped total.
# Also written to dist/size.txt. Run after `trunk build --release` (scripts/test.sh does).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
[ -d "$DIST" ] || { echo "[size] ERROR: $DIST does not exist; run trunk build --release first" >&2; exit 1; }

report() {
  cd "$DIST"
  printf '%-48s %10s %10s\n' "file (dist/)" "raw B" "gzip-9 B"
  local total_raw=0 total_gz=0 wasm_gz=0 widget_gz=0 raw gz f
  while IFS= read -r -d '' f; do
    f="${f#./}"
    [ "$f" = "size.txt" ] && continue
    case "$f" in hr-portal/*|*.d.ts) continue ;; esac # the demo host page and the types: not downloaded
    raw=$(wc -c < "$f")
    gz=$(gzip -9 -c < "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    case "$f" in *.wasm) wasm_gz=$((wasm_gz + gz)) ;; esac
    # What a host page downloads: the entry point, the WebAssembly and its loader, the styles.
    case "$f" in kra-kpi.js|kra-kpi-wasm.js|kra-kpi-wasm_bg.wasm|kra-kpi.css) widget_gz=$((widget_gz + gz)) ;; esac
    printf '%-48s %10d %10d\n' "$f" "$raw" "$gz"
  done < <(find . -path ./.stage -prune -o -type f -print0 | sort -z)
  printf '%-48s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"
  awk -v t="$total_gz" -v w="$wasm_gz" -v h="$widget_gz" \
    'BEGIN { printf "total gzipped: %.1f KiB (wasm gzipped: %.1f KiB; what a host page downloads: %.1f KiB)\n", t / 1024, w / 1024, h / 1024 }'
}

out="$(report)"
printf '%s\n' "$out" > "$DIST/size.txt"
printf '%s\n' "$out"

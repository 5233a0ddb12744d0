#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): splits the WebAssembly module at its split points, then
# (release builds) optimises every piece and minifies the JavaScript and CSS.
#
# Why here: the splitter must read the module as the linker wrote it (with its relocations,
# build.rs), before wasm-bindgen, and Trunk's own pipeline (cargo → wasm-bindgen → wasm-opt)
# has no step in between. So index.html asks Trunk for no wasm-opt, and this hook redoes the
# module from cargo's output:
#   1. wasm-split-cli: the main module, one `split_<module>.wasm` per split point's module
#      (src/ui/lazy.rs), `chunk_<n>.wasm` for code several of them share, and `__wasm_split.js`,
#      which fetches them next to itself when first needed;
#   2. wasm-bindgen on the main module, keeping the function table's export the pieces share,
#      then scripts/unused_classes.mjs: the classes a dependency exports and the widget never
#      uses leave the loader and the module's exports (wasm-opt drops their code);
#   3. release only: wasm-opt on each .wasm with WASM_OPT_PARAMS (below; README, Size), then
#      scripts/minify.mjs (short import and export names, esbuild).
# A build without split points (no `split` feature) keeps Trunk's module, then gets step 3.
#
# Environment: TRUNK_STAGING_DIR, TRUNK_PROFILE (from Trunk); WASM_OPT_EXTRA, extra wasm-opt
# flags (`-g` keeps function names for twiggy). Cargo's target folder is cargo's own answer
# (`cargo metadata`), so CARGO_TARGET_DIR and cargo's configuration are followed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
STAGING="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
PROFILE="${TRUNK_PROFILE:-debug}"
NAME="kra-kpi-wasm"

# wasm-opt's settings, measured one by one (README, Size): order functions by name so gzip finds
# each generic's copies side by side; fold constants added to addresses into the loads' and
# stores' offsets (sound: no Rust pointer is within 1 KiB of the 4 GiB end); inline a function
# that has one caller only when it is small, so larger ones stay beside their look-alikes; drop
# the producers and target features sections, which no browser reads.
WASM_OPT_PARAMS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --reorder-functions-by-name --low-memory-unused
  --one-caller-inline-max-function-size 25 --strip-producers --strip-target-features)

say() { printf '[post_build] %s\n' "$*"; }

[ -f "$STAGING/$NAME.js" ] || { say "Trunk's $NAME.js is missing from $STAGING"; exit 1; }
if grep -q "__wasm_split_placeholder__" "$STAGING/$NAME.js"; then
  TARGET_DIR="$(cd "$ROOT" && cargo metadata --no-deps --format-version 1 --offline \
    | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
  INPUT="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/$NAME.wasm"
  [ -f "$INPUT" ] || { say "cargo's module $INPUT is missing"; exit 1; }
  # The same wasm-bindgen as the crate's (scripts/setup.sh installs it): its output must match.
  # shellcheck source=scripts/lock_version.sh
  . "$ROOT/scripts/lock_version.sh"
  LOCKED="$(lock_version wasm-bindgen "$ROOT/Cargo.lock")"
  HAVE="$(wasm-bindgen --version | awk '{print $2}')"
  [ "$HAVE" = "$LOCKED" ] || { say "wasm-bindgen is $HAVE, Cargo.lock has $LOCKED: run bash scripts/setup.sh"; exit 1; }
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  mkdir "$WORK/split" "$WORK/bindgen"
  wasm-split-cli "$INPUT" "$WORK/split" --target web --out-name "$NAME"
  wasm-bindgen --target web --keep-lld-exports --no-typescript --out-name "$NAME" \
    --out-dir "$WORK/bindgen" "$WORK/split/$NAME.wasm"
  node "$ROOT/scripts/unused_classes.mjs" "$WORK/bindgen/${NAME}_bg.wasm" "$WORK/bindgen/$NAME.js" \
    "$WORK/split/__wasm_split.js"
  rm -f "$STAGING"/split_*.wasm "$STAGING"/chunk_*.wasm
  cp "$WORK/bindgen/$NAME.js" "$WORK/bindgen/${NAME}_bg.wasm" "$WORK/split/__wasm_split.js" "$STAGING/"
  shopt -s nullglob
  pieces=("$WORK"/split/split_*.wasm "$WORK"/split/chunk_*.wasm)
  if ((${#pieces[@]})); then cp "${pieces[@]}" "$STAGING/"; fi
  say "split: main module and ${#pieces[@]} piece(s)"
fi

if [ "$PROFILE" = "release" ]; then
  shopt -s nullglob
  for wasm in "$STAGING/${NAME}_bg.wasm" "$STAGING"/split_*.wasm "$STAGING"/chunk_*.wasm; do
    # shellcheck disable=SC2086 # WASM_OPT_EXTRA is a list of flags
    wasm-opt "${WASM_OPT_PARAMS[@]}" ${WASM_OPT_EXTRA:-} "$wasm" -o "$wasm"
  done
  say "wasm-opt: ${WASM_OPT_PARAMS[*]} ${WASM_OPT_EXTRA:-}"
fi

node "$ROOT/scripts/minify.mjs" "$STAGING"

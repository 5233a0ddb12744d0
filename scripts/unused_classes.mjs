// Removes JavaScript classes that a dependency exports through wasm-bindgen and the widget never
// uses, from wasm-bindgen's loader and from the module's exports, so that wasm-opt then drops
// their code (issue 9; README, Size).
//
//   node scripts/unused_classes.mjs MODULE.wasm LOADER.js [OTHER.js …]
//
// Why: wasm-bindgen exports the `#[wasm_bindgen]` structs of every crate that is linked, used or
// not. Leptos turns on server_fn's `browser` feature, which links wasm-streams, whose adapters
// from Rust streams to JavaScript streams (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
// `IntoUnderlyingByteSource`) then came with every build: twelve exports, their futures and
// their classes in the loader. The widget makes no stream from Rust (share links are piped
// through the browser's own `DecompressionStream`, `ui::share_codec`).
//
// Run by scripts/post_build.sh on wasm-bindgen's output, before wasm-opt and before the names
// are shortened. A class is removed with its finaliser and its `Symbol.dispose` line; an export
// is removed only when the removed text read it and nothing left does (the loader and OTHER
// files, such as the split's `__wasm_split.js`). The result is checked as scripts/wasm_names.mjs
// checks its own: the module compiles and every `wasm.name` the loader reads is an export. A
// class listed here that wasm-bindgen no longer writes is reported, not an error.
// Tested by scripts/unused_classes.test.mjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SECTION_EXPORT, assemble, check, escape, occurrences, readExports, sections, writeExports } from './wasm_names.mjs';

/** The classes removed: wasm-streams's, which leptos links and the widget never uses. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The exports `source` reads as `wasm.name`. */
const readsOf = (source) => new Set([...source.matchAll(/(?<![\w$])wasm\.(\w+)/g)].map((m) => m[1]));

/**
 * `loader` without each class of `classes` that it defines (wasm-bindgen's layout: `export class
 * Name {` to the next line that is `}`, `if (Symbol.dispose) Name.prototype…;` and
 * `const NameFinalization = …;`), and `wasm` without the exports that only those read.
 * Returns `{ wasm, loader, removed, exports }`: the classes and the exports removed.
 */
export function dropClasses(wasm, loader, classes = UNUSED_CLASSES, others = []) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  let source = loader;
  const removed = [];
  for (const name of classes) {
    const n = escape(name);
    const parts = [
      new RegExp(`^export class ${n} \\{\\n[\\s\\S]*?\\n\\}\\n`, 'm'),
      new RegExp(`^if \\(Symbol\\.dispose\\) ${n}\\.prototype\\[Symbol\\.dispose\\] = ${n}\\.prototype\\.free;\\n`, 'm'),
      new RegExp(`^const ${n}Finalization = [\\s\\S]*?;\\n`, 'm'),
    ];
    if (!parts[0].test(source)) continue;
    for (const part of parts) source = source.replace(part, '');
    if (occurrences(source, name) > 0) {
      throw new Error(`the loader still mentions ${name} once its class is removed`);
    }
    removed.push(name);
  }
  // An export stays while the loader still reads it, or another file mentions it at all.
  const still = readsOf(source);
  const gone = new Set([...readsOf(loader)].filter((name) => !still.has(name) && !others.some((o) => o.includes(name))));
  const list = sections(bytes);
  const exportSection = list.find((s) => s.id === SECTION_EXPORT);
  const exports = [];
  if (exportSection && gone.size) {
    const entries = readExports(exportSection.body).filter((e) => {
      if (!gone.has(e.field)) return true;
      exports.push(e.field);
      return false;
    });
    exportSection.body = writeExports(entries);
  }
  const out = assemble(bytes, list);
  check(out, source, others);
  return { wasm: out, loader: source, removed, exports };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [wasmPath, loaderPath, ...otherPaths] = process.argv.slice(2);
  if (!wasmPath || !loaderPath) {
    console.error('[unused_classes] usage: node scripts/unused_classes.mjs MODULE.wasm LOADER.js [OTHER.js …]');
    process.exit(2);
  }
  const before = readFileSync(wasmPath);
  const others = otherPaths.map((p) => readFileSync(p, 'utf8'));
  const { wasm, loader, removed, exports } = dropClasses(before, readFileSync(loaderPath, 'utf8'), UNUSED_CLASSES, others);
  writeFileSync(wasmPath, wasm);
  writeFileSync(loaderPath, loader);
  const missing = UNUSED_CLASSES.filter((c) => !removed.includes(c));
  console.log(
    `[unused_classes] removed ${removed.join(', ') || 'no class'} and ${exports.length} export(s)` +
      (missing.length ? `; not in this loader: ${missing.join(', ')}` : ''),
  );
}

// Shortens the WebAssembly module's import and export names and minifies the JavaScript and CSS
// a page downloads, in place, for release builds (issue 9).
//
//   node scripts/minify.mjs [DIR]
//
// scripts/post_build.sh (Trunk's post_build hook) runs it on the staging folder, before dist/ is
// written; Trunk's own `minify` cannot parse wasm-bindgen's loader and leaves copied files alone.
// With TRUNK_PROFILE set to anything but "release" (a debug `trunk serve`), it does nothing, so
// debugging keeps readable files. esbuild only rewrites syntax: every module keeps its imports,
// exports and `import.meta.url`, and CSS keeps its rules (checked by the whole e2e suite).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { shortenNames } from './wasm_names.mjs';

const profile = process.env.TRUNK_PROFILE;
if (profile !== undefined && profile !== 'release') process.exit(0);
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('[minify] usage: node scripts/minify.mjs DIR (or run as a Trunk hook)');
  process.exit(2);
}

// The module's imports and exports get short names first, in the module and the loader together,
// while the loader is still as wasm-bindgen wrote it (scripts/wasm_names.mjs): 7 KiB gzipped.
// The split's loader (`__wasm_split.js`, scripts/post_build.sh) reads some of the exports by name
// and provides some imports: those keep their names.
const wasmPath = join(dir, 'kra-kpi-wasm_bg.wasm');
const loaderPath = join(dir, 'kra-kpi-wasm.js');
const splitPath = join(dir, '__wasm_split.js');
if (existsSync(wasmPath) && existsSync(loaderPath)) {
  const before = readFileSync(wasmPath);
  const others = existsSync(splitPath) ? [readFileSync(splitPath, 'utf8')] : [];
  const { wasm, loader, renamed, names } = shortenNames(before, readFileSync(loaderPath, 'utf8'), others);
  writeFileSync(wasmPath, wasm);
  writeFileSync(loaderPath, loader);
  console.log(`[minify] kra-kpi-wasm_bg.wasm: ${renamed} of ${names} imports and exports renamed, ${before.length} → ${wasm.length} bytes`);
}

// The files a page downloads; the TypeScript types and the demo portal are left as written.
const FILES = { 'kra-kpi.js': 'js', 'kra-kpi-wasm.js': 'js', '__wasm_split.js': 'js', 'app.js': 'js', 'kra-kpi.css': 'css', 'page.css': 'css' };
for (const [name, loader] of Object.entries(FILES)) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  const source = readFileSync(path, 'utf8');
  const { code } = transformSync(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  writeFileSync(path, code);
  console.log(`[minify] ${name}: ${source.length} → ${code.length} bytes`);
}

// Minifies the JavaScript and CSS a page downloads, in place, for release builds (issue 9).
//
//   node scripts/minify.mjs [DIR]
//
// Trunk runs it as a post_build hook (Trunk.toml) on the staging folder, before dist/ is
// written; Trunk's own `minify` cannot parse wasm-bindgen's loader and leaves copied files alone.
// With TRUNK_PROFILE set to anything but "release" (a debug `trunk serve`), it does nothing, so
// debugging keeps readable files. esbuild only rewrites syntax: every module keeps its imports,
// exports and `import.meta.url`, and CSS keeps its rules (checked by the whole e2e suite).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const profile = process.env.TRUNK_PROFILE;
if (profile !== undefined && profile !== 'release') process.exit(0);
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('[minify] usage: node scripts/minify.mjs DIR (or run as a Trunk hook)');
  process.exit(2);
}

// The files a page downloads; the TypeScript types and the demo portal are left as written.
const FILES = { 'kra-kpi.js': 'js', 'kra-kpi-wasm.js': 'js', 'app.js': 'js', 'kra-kpi.css': 'css', 'page.css': 'css' };
for (const [name, loader] of Object.entries(FILES)) {
  const path = join(dir, name);
  if (!existsSync(path)) continue;
  const source = readFileSync(path, 'utf8');
  const { code } = transformSync(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, legalComments: 'none' });
  writeFileSync(path, code);
  console.log(`[minify] ${name}: ${source.length} → ${code.length} bytes`);
}

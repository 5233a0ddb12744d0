// Size report of a release build, and the size budget's check.
//
//   node scripts/size.mjs [DIST]        (scripts/size.sh runs it; DIST defaults to dist/)
//
// Prints, for every file in DIST, its raw size, gzip -9 and brotli (quality 11) sizes, then the
// totals for what a host page downloads to show the scorecard (the entry point, the main wasm,
// its loaders and the styles), for that and every piece of the split module (`split_*.wasm`,
// `chunk_*.wasm`: fetched the first time a panel that needs them opens; src/ui/lazy.rs), and
// for the whole folder. Writes the same report to DIST/size.txt. Exits 1 when either of the
// first two, gzipped, is over its budget in Cargo.toml:
//
//   [package.metadata.kra-kpi]
//   size-budget-gzip-kib = 700        # what a host page downloads to show the scorecard
//   size-budget-all-gzip-kib = 750    # that, and every panel's code
//
// The demo portal (hr-portal/) and the TypeScript types are left out: no page downloads them.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
// `__wasm_split.js` is imported by the wasm's loader, so it comes with it.
const HOST_FILES = ['kra-kpi.js', 'kra-kpi-wasm.js', '__wasm_split.js', 'kra-kpi-wasm_bg.wasm', 'kra-kpi.css'];
const isPiece = (f) => /^(split|chunk)_\w+\.wasm$/.test(f);

function budgetKib(key) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const match = toml.match(new RegExp(`^\\s*${key}\\s*=\\s*([0-9.]+)\\s*$`, 'm'));
  if (!match) {
    console.error(`[size] ERROR: no \`${key} = N\` under [package.metadata.kra-kpi] in Cargo.toml`);
    process.exit(2);
  }
  return Number(match[1]);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let files;
try {
  files = walk(dist)
    .map((path) => relative(dist, path))
    .filter((f) => f !== 'size.txt' && !f.startsWith('hr-portal/') && !f.startsWith('.stage') && !f.endsWith('.d.ts'))
    .sort();
} catch {
  console.error(`[size] ERROR: ${dist} does not exist; run trunk build --release first`);
  process.exit(2);
}

const kib = (n) => (n / 1024).toFixed(1);
const rows = files.map((f) => {
  const bytes = readFileSync(join(dist, f));
  return {
    f,
    raw: bytes.length,
    // The gzip command, as every figure in the README since the first was measured with it (node's
    // zlib at level 9 gives about 1 % more).
    gz: execFileSync('gzip', ['-9', '-c'], { input: bytes, maxBuffer: 1 << 28 }).length,
    br: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
});
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const host = rows.filter((r) => HOST_FILES.includes(r.f));
const pieces = rows.filter((r) => isPiece(r.f));
const all = [...host, ...pieces];
// `__wasm_split.js` exists only in a build with split points.
const missing = HOST_FILES.filter((f) => f !== '__wasm_split.js' && !rows.some((r) => r.f === f));

const line = (label, list) =>
  `${label.padEnd(40)} ${String(sum(list, 'raw')).padStart(10)} ${kib(sum(list, 'gz')).padStart(11)} ${kib(sum(list, 'br')).padStart(11)}`;
const hostGz = sum(host, 'gz');
const allGz = sum(all, 'gz');
const budget = budgetKib('size-budget-gzip-kib');
const budgetAll = budgetKib('size-budget-all-gzip-kib');
const lines = [`${'file (dist/)'.padEnd(40)} ${'raw B'.padStart(10)} ${'gzip-9 KiB'.padStart(11)} ${'brotli KiB'.padStart(11)}`];
const mark = (f) => (HOST_FILES.includes(f) ? '*' : isPiece(f) ? '+' : ' ');
for (const r of rows) lines.push(line(`${mark(r.f)} ${r.f}`, [r]));
lines.push(line('* what a host page downloads', host));
lines.push(line('*+ and with every panel opened', all));
lines.push(line('   everything above', rows));
lines.push(`budgets (Cargo.toml): ${budget} KiB gzipped for what a host page downloads (size-budget-gzip-kib),`);
lines.push(`                      ${budgetAll} KiB with every panel opened (size-budget-all-gzip-kib)`);
const report = lines.join('\n');
console.log(report);
writeFileSync(join(dist, 'size.txt'), report + '\n');

if (missing.length) {
  console.error(`[size] ERROR: missing from ${dist}: ${missing.join(', ')}`);
  process.exit(1);
}
let over = false;
for (const [what, gz, limit] of [['what a host page downloads', hostGz, budget], ['with every panel opened', allGz, budgetAll]]) {
  if (gz / 1024 > limit) {
    console.error(`[size] OVER BUDGET: ${what}, ${(gz / 1024).toFixed(1)} KiB gzipped > ${limit} KiB (Cargo.toml). Find where the bytes went (README, Size) before raising it.`);
    over = true;
  } else {
    console.log(`[size] within budget: ${what}, ${(gz / 1024).toFixed(1)} KiB of ${limit} KiB gzipped`);
  }
}
if (over) process.exit(1);

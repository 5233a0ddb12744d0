// Size report of a release build, and the size budget's check.
//
//   node scripts/size.mjs [DIST]        (scripts/size.sh runs it; DIST defaults to dist/)
//
// Prints, for every file in DIST, its raw size, gzip -9 and brotli (quality 11) sizes, then the
// totals for what a host page downloads (the entry point, the wasm, its loader and the styles)
// and for the whole folder. Writes the same report to DIST/size.txt. Exits 1 when what a host
// page downloads, gzipped, is over the budget in Cargo.toml:
//
//   [package.metadata.kra-kpi]
//   size-budget-gzip-kib = 700
//
// The demo portal (hr-portal/) and the TypeScript types are left out: no page downloads them.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
const HOST_FILES = ['kra-kpi.js', 'kra-kpi-wasm.js', 'kra-kpi-wasm_bg.wasm', 'kra-kpi.css'];

function budgetKib() {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const match = toml.match(/^\s*size-budget-gzip-kib\s*=\s*([0-9.]+)\s*$/m);
  if (!match) {
    console.error('[size] ERROR: no `size-budget-gzip-kib = N` under [package.metadata.kra-kpi] in Cargo.toml');
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
const missing = HOST_FILES.filter((f) => !rows.some((r) => r.f === f));

const line = (label, list) =>
  `${label.padEnd(40)} ${String(sum(list, 'raw')).padStart(10)} ${kib(sum(list, 'gz')).padStart(11)} ${kib(sum(list, 'br')).padStart(11)}`;
const hostGz = sum(host, 'gz');
const budget = budgetKib();
const lines = [`${'file (dist/)'.padEnd(40)} ${'raw B'.padStart(10)} ${'gzip-9 KiB'.padStart(11)} ${'brotli KiB'.padStart(11)}`];
for (const r of rows) lines.push(line(`${HOST_FILES.includes(r.f) ? '*' : ' '} ${r.f}`, [r]));
lines.push(line('* what a host page downloads', host));
lines.push(line('  everything above', rows));
lines.push(`budget (Cargo.toml, size-budget-gzip-kib): ${budget} KiB gzipped for what a host page downloads`);
const report = lines.join('\n');
console.log(report);
writeFileSync(join(dist, 'size.txt'), report + '\n');

if (missing.length) {
  console.error(`[size] ERROR: missing from ${dist}: ${missing.join(', ')}`);
  process.exit(1);
}
if (hostGz / 1024 > budget) {
  console.error(`[size] OVER BUDGET: ${(hostGz / 1024).toFixed(1)} KiB gzipped > ${budget} KiB (Cargo.toml). Find where the bytes went (README, Size) before raising it.`);
  process.exit(1);
}
console.log(`[size] within budget: ${(hostGz / 1024).toFixed(1)} KiB of ${budget} KiB gzipped`);

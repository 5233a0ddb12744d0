// Browser benchmark of the release build in dist/: how long the widget takes to show a large
// scorecard, to show an edit, and to open a KPI's chart, against a plain-JavaScript floor.
//
// Usage: node scripts/bench.mjs [--scale small|medium|large|all] [--runs N]
//        (or bash scripts/bench.sh …, which builds dist/ first when it is missing)
//
//   small  =    20 KPIs ×  12 monthly readings
//   medium =   100 KPIs ×  50
//   large  = 1,000 KPIs × 100   (also 100 edits, for the memory figure)
//
// For each scale the scorecard comes from `cargo run --example gen_scorecard` (the crate's own
// API and saved format). Each of the N runs (default 5) uses a fresh browser context:
//   seed    /__seed (a blank page of this server): the list under 'kra-kpi:default', the save under ':card-1'
//   floor   /__floor: a plain inline script that parses the save and renders one <tr> per KPI
//           (name, latest value), forces layout and records performance.now()
//   load    /, navigated to from the blank seed page (as the floor is): performance.now() when
//           `.kk-kra` first exists (a MutationObserver installed by an init script), i.e.
//           navigation start → KRA list in the DOM; and when every KRA's card does (above 60
//           KPIs and 12 KRAs the widget shows the first 12 cards, then the rest once painted)
//   edits   for KPI i = 0…19 (…99 at large): click its name in the page (chart timing: until a new
//           `.kk-chart-svg svg` exists, plus one frame), fill "Value", then in the page
//           requestSubmit() the reading form and wait until the row's score cell text changes,
//           plus one frame (edit timing)
//   memory  wasmMemoryBytes() of kra-kpi-wasm.js after edits 1, 20 and 100 ("n/a" if absent)
// Figures are the median over runs (min and max are shown too). Missing a goal never fails the
// script; the app not loading, or a selector not appearing within 60 s, does (exit 1).

import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STORAGE_KEY = 'kra-kpi:default';
// The widget keeps a list of scorecards under its key and each scorecard under a key of its own;
// the benchmark seeds that layout directly (a single save would first be moved into it, once).
const CARD_KEY = `${STORAGE_KEY}:card-1`;
const listFor = (name) =>
  JSON.stringify({ app: 'kra-kpi', schema: 4, framework: {}, scorecards: { version: 1, selected: 1, cards: [{ id: 1, name }] } });
const TIMEOUT = 60_000;

const SCALES = {
  small: { kpis: 20, readings: 12, edits: 20 },
  medium: { kpis: 100, readings: 50, edits: 20 },
  large: { kpis: 1000, readings: 100, edits: 100 },
};
/** BENCH_PROFILE=<file.json>: CPU profiles of the first run's timed edits, each from submitting
 * the reading to the frame that shows it, written as a JSON array of Chromium profiles, with the
 * functions of most self time printed. To read wasm names, build with them kept:
 *   WASM_OPT_EXTRA=-g trunk build --release   (scripts/post_build.sh) */
const PROFILE = process.env.BENCH_PROFILE ?? null;
let profileTaken = false;
/** BENCH_PROFILE_LOAD=<file.json>: the same for the first run's load (navigation → KRA list),
 * written as a one-element array. */
const PROFILE_LOAD = process.env.BENCH_PROFILE_LOAD ?? null;
let loadProfileTaken = false;
/** Edits whose timings are reported (at large the rest only feed the memory figure). */
const TIMED_EDITS = 20;

/** BENCH_JS_FLAGS=<flags>: V8 flags for the browser, to see what V8 does during a load, e.g.
 *   BENCH_JS_FLAGS=--trace-wasm-compilation-times DEBUG=pw:browser node scripts/bench.mjs …
 * prints each function V8 compiles, with its tier (Liftoff on first call, TurboFan when it has
 * run long), time and size; --liftoff-only shows the load without the optimising tier. A names
 * build (above) lets the function numbers be read as names. Figures taken with flags are not
 * the widget's figures. */
const JS_FLAGS = process.env.BENCH_JS_FLAGS ?? null;

const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // See /work/shared/TOOLCHAIN.md and playwright.config.ts. Playwright adds a fresh --user-data-dir.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(JS_FLAGS ? [`--js-flags=${JS_FLAGS}`] : []),
  ],
};

// ---- arguments ---------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { scale: 'all', runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--scale') opts.scale = value();
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: node scripts/bench.mjs [--scale small|medium|large|all] [--runs N]');
      process.exit(0);
    } else fail(`unknown argument ${argv[i]} (usage: --scale small|medium|large|all --runs N)`);
  }
  if (opts.scale !== 'all' && !(opts.scale in SCALES)) fail(`--scale must be small, medium, large or all, not ${opts.scale}`);
  if (!Number.isInteger(opts.runs) || opts.runs < 1) fail(`--runs must be a positive integer`);
  return opts;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---- the static server -------------------------------------------------------------------------

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

const SEED_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>seed</title></head><body></body></html>';

// The floor: the least any page must do to show this data (parse it, one row per KPI, layout).
const FLOOR_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>floor</title></head><body><script>
(function () {
  var data = JSON.parse(localStorage.getItem(${JSON.stringify(CARD_KEY)}));
  var fw = data.framework;
  var lastRun = new Map(); // runs are in KPI order, oldest first: the last one of a KPI wins
  for (var r = 0; r < fw.readings.length; r++) lastRun.set(fw.readings[r].kpi, fw.readings[r]);
  var table = document.createElement('table');
  var tbody = document.createElement('tbody');
  for (var i = 0; i < fw.kpis.length; i++) {
    var kpi = fw.kpis[i], run = lastRun.get(kpi.id), latest = null;
    if (run) for (var j = run.values.length - 1; j >= 0; j--) if (run.values[j] !== null) { latest = run.values[j]; break; }
    var tr = document.createElement('tr');
    var name = document.createElement('td');
    name.textContent = kpi.spec.name;
    var value = document.createElement('td');
    value.textContent = latest === null ? '' : String(latest);
    tr.appendChild(name);
    tr.appendChild(value);
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  document.body.appendChild(table);
  void document.body.offsetHeight;
  window.__floorRows = tbody.rows.length;
  window.__floorShown = performance.now();
})();
</script></body></html>`;

function startServer() {
  const server = http.createServer((req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'text/plain', 'bad request');
    }
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (pathname === '/__seed') return send(200, MIME['.html'], SEED_PAGE);
    if (pathname === '/__floor') return send(200, MIME['.html'], FLOOR_PAGE);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(DIST, path.normalize(pathname));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file)) return send(404, 'text/plain', 'not found');
    try {
      send(200, MIME[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch {
      send(404, 'text/plain', 'not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---- helpers -----------------------------------------------------------------------------------

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function generate({ kpis, readings }, today) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'gen_scorecard', '--', String(kpis), String(readings), today], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim();
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const nums = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
const minOf = (xs) => (nums(xs).length ? Math.min(...nums(xs)) : null);
const maxOf = (xs) => (nums(xs).length ? Math.max(...nums(xs)) : null);
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Installed in every page of a benchmark context: records when `.kk-kra` first exists, and
 * when all `kras` of them do (a large scorecard shows its first screen of KRA cards, then the
 * rest after that is painted). The widget renders in a shadow root, which a document observer
 * does not see, so every shadow root is observed from the moment it is attached. */
function watchKraList(kras) {
  const mark = () => {
    const root = document.getElementById('kra-kpi')?.shadowRoot;
    const count = root ? root.querySelectorAll('.kk-kra').length : 0;
    if (window.__kkShown === undefined && count > 0) window.__kkShown = performance.now();
    if (window.__kkAllShown === undefined && count >= kras) {
      window.__kkAllShown = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(mark);
  observer.observe(document, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  document.addEventListener('DOMContentLoaded', mark);
}

async function readMemory(page) {
  return page.evaluate(async () => {
    // The same module instance the page loaded (modules are cached per URL).
    const m = await import(new URL('kra-kpi-wasm.js', location.href).href).catch(() => null);
    const f = m && m.wasmMemoryBytes;
    if (typeof f !== 'function') return null;
    const v = Number(f());
    return Number.isFinite(v) ? v : null;
  });
}

/** Reads the saved text's length once it has stopped changing for `quietMs` (at most `maxMs`). */
async function settledSavedLength(page, quietMs = 1000, maxMs = 10_000) {
  return page.evaluate(
    async ([key, quietMs, maxMs]) => {
      const start = performance.now();
      let last = localStorage.getItem(key);
      let since = performance.now();
      while (performance.now() - since < quietMs && performance.now() - start < maxMs) {
        await new Promise((r) => setTimeout(r, 100));
        const now = localStorage.getItem(key);
        if (now !== last) {
          last = now;
          since = performance.now();
        }
      }
      return last === null ? null : last.length;
    },
    [CARD_KEY, quietMs, maxMs],
  );
}

/** Writes the timed edits' CPU profiles (each from just before the reading is submitted to the
 * frame that shows its score) to BENCH_PROFILE as a JSON array, and prints the 25 functions with
 * the most self time over all of them (idle and the profiler's own bookkeeping left out). */
function reportProfiles(profiles, file = PROFILE, what = `${profiles.length} timed edits`) {
  writeFileSync(file, JSON.stringify(profiles));
  const self = new Map();
  let total = 0;
  for (const profile of profiles) {
    const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
    profile.samples.forEach((id, k) => dt.set(id, dt.get(id) + (profile.timeDeltas[k] ?? 0)));
    for (const n of profile.nodes) {
      const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
      if (name === '(idle)' || name === '(program)') continue;
      self.set(name, (self.get(name) ?? 0) + dt.get(n.id));
      total += dt.get(n.id);
    }
  }
  const per = (us) => (us / 1000 / profiles.length).toFixed(2).padStart(8);
  console.log(`\nprofile of ${what}: ${file} (${per(total).trim()} ms busy${profiles.length > 1 ? ' per edit' : ''}); most self time, ms${profiles.length > 1 ? ' per edit' : ''}:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${per(us)}  ${(100 * us / total).toFixed(1).padStart(5)} %  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
  }
}

// ---- one run -----------------------------------------------------------------------------------

async function oneRun(browser, baseURL, text, spec, today, notes) {
  const saved = JSON.parse(text).framework;
  const context = await browser.newContext({ baseURL });
  context.setDefaultTimeout(TIMEOUT);
  await context.addInitScript(watchKraList, saved.kras.length);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  const result = { editMs: [], editDomMs: [], chartMs: [], memory: {} };
  try {
    // Seed.
    await page.goto('/__seed');
    await page.evaluate(([key, list, card, value]) => {
      localStorage.setItem(key, list);
      localStorage.setItem(card, value);
    }, [STORAGE_KEY, listFor(saved.name), CARD_KEY, text]);
    result.savedSeeded = await page.evaluate((key) => localStorage.getItem(key).length, CARD_KEY);

    // Floor (before the app, so it reads exactly the seeded text).
    await page.goto('/__floor');
    await page.waitForFunction(() => window.__floorShown !== undefined, null, { timeout: TIMEOUT });
    const floor = await page.evaluate(() => ({ ms: window.__floorShown, rows: window.__floorRows }));
    if (floor.rows !== saved.kpis.length) throw new Error(`floor page rendered ${floor.rows} rows, expected ${saved.kpis.length}`);
    result.floorMs = floor.ms;

    // Load, from the same blank page the floor started from. Leaving the floor's page (1,000
    // rows and a parsed 1 MB object) costs the next navigation its teardown: measured from
    // there, the widget's load carried about 80 ms of the floor's own work (median of 10 + 10
    // interleaved loads, 461 against 382 ms).
    await page.goto('/__seed');
    let loadProfiler = null;
    if (PROFILE_LOAD && !loadProfileTaken) {
      loadProfileTaken = true;
      loadProfiler = await context.newCDPSession(page);
      await loadProfiler.send('Profiler.enable');
      await loadProfiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await loadProfiler.send('Profiler.start');
    }
    await page.goto('/', { waitUntil: 'commit' });
    await page
      .waitForFunction(() => window.__kkShown !== undefined, null, { timeout: TIMEOUT, polling: 50 })
      .catch((e) => {
        throw new Error(`the app never showed a .kk-kra element within ${TIMEOUT / 1000} s (${e.message.split('\n')[0]})`);
      });
    result.loadMs = await page.evaluate(() => window.__kkShown);
    await page.waitForFunction(() => window.__kkAllShown !== undefined, null, { timeout: TIMEOUT, polling: 50 }).catch(() => {});
    result.allKrasMs = await page.evaluate(() => window.__kkAllShown ?? null);
    if (loadProfiler) reportProfiles([(await loadProfiler.send('Profiler.stop')).profile], PROFILE_LOAD, 'the load');
    result.kraCount = await page.locator('article.kk-kra').count();
    if (result.kraCount !== saved.kras.length) notes.add(`${result.kraCount} article.kk-kra shown, ${saved.kras.length} KRAs saved`);
    result.savedAfterLoad = await settledSavedLength(page);

    // Edits and chart opens.
    const kraIndex = new Map(saved.kras.map((k, i) => [k.id, i]));
    // Unfold every KRA the edits will touch first, so the memory figures compare edits, not
    // how many rows happen to be on screen.
    for (const kra of new Set(saved.kpis.slice(0, spec.edits).map((k) => k.kra))) {
      const toggle = page.locator('article.kk-kra').nth(kraIndex.get(kra)).locator('button.kk-kra-toggle[aria-expanded="false"]');
      if ((await toggle.count()) > 0) await toggle.first().click();
    }
    let profiler = null;
    const profiles = [];
    if (PROFILE && !profileTaken) {
      profileTaken = true;
      profiler = await context.newCDPSession(page);
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    for (let i = 0; i < spec.edits; i++) {
      if (profiler && i === TIMED_EDITS) {
        reportProfiles(profiles);
        profiler = null;
      }
      const kpi = saved.kpis[i];
      const card = page.locator('article.kk-kra').nth(kraIndex.get(kpi.kra));
      const exactName = new RegExp(`^\\s*${escapeRegExp(kpi.spec.name)}\\s*$`);
      const row = card.locator('tr.kk-kpi', { has: page.locator('button.kk-kpi-name', { hasText: exactName }) });
      const nameButton = row.locator('button.kk-kpi-name');
      const toggle = card.locator('button.kk-kra-toggle[aria-expanded="false"]');
      if ((await row.count()) === 0 || !(await row.first().isVisible())) {
        if ((await toggle.count()) > 0) await toggle.first().click();
      }
      await row.first().waitFor({ state: 'visible', timeout: TIMEOUT }).catch((e) => {
        throw new Error(`row tr.kk-kpi for "${kpi.spec.name}" never appeared (${e.message.split('\n')[0]})`);
      });
      const button = await nameButton.first().elementHandle();
      const cell = await row.first().locator('[data-testid=kpi-score]').elementHandle({ timeout: TIMEOUT });

      // Chart: click the name → a new `.kk-chart-svg svg` exists, plus one frame.
      const chart = await page.evaluate(
        async ([button, timeout]) => {
          const root = document.getElementById('kra-kpi').shadowRoot;
          const before = new Set(root.querySelectorAll('.kk-chart-svg svg'));
          const fresh = () => Array.from(root.querySelectorAll('.kk-chart-svg svg')).some((s) => !before.has(s));
          const t0 = performance.now();
          button.click();
          const ok = await new Promise((resolve) => {
            if (fresh()) return resolve(true);
            const timer = setTimeout(() => (observer.disconnect(), resolve(false)), timeout);
            const observer = new MutationObserver(() => {
              if (fresh()) {
                observer.disconnect();
                clearTimeout(timer);
                resolve(true);
              }
            });
            observer.observe(root, { childList: true, subtree: true });
          });
          if (!ok) return null;
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - t0;
        },
        [button, TIMEOUT],
      );
      if (chart === null) throw new Error(`no new .kk-chart-svg svg within ${TIMEOUT / 1000} s after clicking "${kpi.spec.name}"`);
      if (i < TIMED_EDITS) result.chartMs.push(chart);

      // Edit: fill Value, then submit in the page → the row's score text changes, plus one frame.
      const form = page.locator('section.kk-detail form.kk-reading-form');
      await form.waitFor({ state: 'visible', timeout: TIMEOUT }).catch((e) => {
        throw new Error(`section.kk-detail form.kk-reading-form never appeared for "${kpi.spec.name}" (${e.message.split('\n')[0]})`);
      });
      if (i === 0) {
        const period = await form.getByLabel('Period (any date in it)').inputValue().catch(() => null);
        if (period === null) notes.add('no input labelled "Period (any date in it)" in the reading form');
        // The form offers the period after the KPI's latest reading: with monthly readings up
        // to last month, the start of this month.
        else if (period !== `${today.slice(0, 8)}01`) {
          notes.add(`"Period (any date in it)" defaults to ${JSON.stringify(period)}, not the start of this month (the period after the last reading)`);
        }
        if ((await form.getByRole('button', { name: 'Save reading' }).count()) === 0) notes.add('no "Save reading" button in the reading form');
      }
      await form.getByLabel('Value', { exact: true }).fill(String(95 + (i % 10)));
      const formHandle = await form.elementHandle();
      if (profiler) await profiler.send('Profiler.start');
      const edit = await page.evaluate(
        async ([form, cell, name, timeout]) => {
          // The score cell is watched as asked; should the row be re-rendered instead, the
          // document observer notices the cell leaving and the new row's cell is compared.
          const root = document.getElementById('kra-kpi').shadowRoot;
          const scoreCell = () => {
            if (cell.isConnected) return cell;
            for (const b of root.querySelectorAll('tr.kk-kpi button.kk-kpi-name')) {
              if (b.textContent.trim() === name) return b.closest('tr.kk-kpi').querySelector('[data-testid=kpi-score]');
            }
            return null;
          };
          const before = cell.textContent;
          let tDom = null;
          let resolveChanged;
          const changed = new Promise((r) => (resolveChanged = r));
          const check = () => {
            const c = scoreCell();
            if (c && c.textContent !== before) {
              tDom ??= performance.now();
              resolveChanged(true);
            }
          };
          const onCell = new MutationObserver(check);
          onCell.observe(cell, { subtree: true, characterData: true, childList: true });
          const onDoc = new MutationObserver(() => cell.isConnected || check());
          onDoc.observe(root, { childList: true, subtree: true });
          const timer = setTimeout(() => resolveChanged(false), timeout);
          const t0 = performance.now();
          form.requestSubmit();
          check();
          const ok = await changed;
          onCell.disconnect();
          onDoc.disconnect();
          clearTimeout(timer);
          if (!ok) {
            const error = form.querySelector('[role=alert], .kk-error');
            return { ms: null, before, error: error ? error.textContent.trim() : '' };
          }
          await new Promise((r) => requestAnimationFrame(r));
          return { ms: performance.now() - t0, domMs: tDom - t0, before, after: scoreCell()?.textContent };
        },
        [formHandle, cell, kpi.spec.name, TIMEOUT],
      );
      if (profiler) profiles.push((await profiler.send('Profiler.stop')).profile);
      if (edit.ms === null) {
        throw new Error(
          `the score of "${kpi.spec.name}" (${JSON.stringify(edit.before.trim())}) did not change within ${TIMEOUT / 1000} s of saving a reading` +
            (edit.error ? ` (form says: ${edit.error})` : ''),
        );
      }
      if (i < TIMED_EDITS) {
        result.editMs.push(edit.ms);
        result.editDomMs.push(edit.domMs);
      }
      if (i === 0 || i === 19 || i === 99) {
        // Memory only grows, so the figure is a high-water mark: write the pending save first
        // (the page's own `pagehide` handler), so every figure includes a save's peak.
        await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
        result.memory[i + 1] = await readMemory(page);
      }
      await Promise.all([button.dispose(), cell.dispose(), formHandle.dispose()]);
    }
    if (profiler) reportProfiles(profiles);
    result.savedAfterEdits = await settledSavedLength(page, 500);
    result.problems = problems;
    return result;
  } catch (e) {
    if (problems.length) e.message += `\n  in the page:\n    ${problems.slice(0, 10).join('\n    ')}`;
    throw e;
  } finally {
    await context.close();
  }
}

// ---- report ------------------------------------------------------------------------------------

function report(name, spec, today, runs) {
  const rows = [];
  const summary = { bench: 'kra-kpi', scale: name, date: new Date().toISOString(), today, kpis: spec.kpis, readings_per_kpi: spec.readings, runs: runs.length };
  const add = (label, key, values, fmt) => {
    const m = median(values);
    summary[key] = m === null ? null : Math.round(m * 10) / 10;
    rows.push([label, fmt(m), fmt(minOf(values)), fmt(maxOf(values))]);
  };
  const ms = (x) => (x === null ? 'n/a' : x.toFixed(1));
  const chars = (x) => (x === null ? 'n/a' : Math.round(x).toLocaleString('en-US'));
  const mib = (x) => (x === null ? 'n/a' : (x / 1048576).toFixed(2));
  const ratio = (x) => (x === null ? 'n/a' : `${x.toFixed(1)}×`);

  add('saved chars: seeded', 'saved_chars_seeded', runs.map((r) => r.savedSeeded), chars);
  add('saved chars: after app load', 'saved_chars_after_load', runs.map((r) => r.savedAfterLoad), chars);
  add(`saved chars: after ${spec.edits} edits`, 'saved_chars_after_edits', runs.map((r) => r.savedAfterEdits), chars);
  add('load: navigation → KRA list (ms)', 'load_ms', runs.map((r) => r.loadMs), ms);
  add('load: navigation → every KRA card (ms)', 'all_kras_ms', runs.map((r) => r.allKrasMs), ms);
  add('floor: plain JS table (ms)', 'floor_ms', runs.map((r) => r.floorMs), ms);
  add('load / floor', 'load_over_floor', runs.map((r) => r.loadMs / r.floorMs), ratio);
  add(`edit → screen, median of ${TIMED_EDITS} (ms)`, 'edit_median_ms', runs.map((r) => median(r.editMs)), ms);
  add(`edit → screen, slowest of ${TIMED_EDITS} (ms)`, 'edit_slowest_ms', runs.map((r) => maxOf(r.editMs)), ms);
  add(`edit → new score in the DOM, median (ms)`, 'edit_dom_median_ms', runs.map((r) => median(r.editDomMs)), ms);
  add(`chart open, median of ${TIMED_EDITS} (ms)`, 'chart_median_ms', runs.map((r) => median(r.chartMs)), ms);
  for (const n of [1, 20, 100]) {
    if (n > spec.edits) continue;
    add(`wasm memory after edit ${n} (MiB)`, `wasm_memory_bytes_after_${n}`, runs.map((r) => r.memory[n] ?? null), mib);
  }

  const kras = Math.ceil(spec.kpis / 20);
  console.log(`\n== ${name}: ${spec.kpis.toLocaleString('en-US')} KPIs × ${spec.readings} monthly readings (${kras} KRA${kras > 1 ? 's' : ''}), ` +
    `${runs.length} run${runs.length > 1 ? 's' : ''}, ${summary.date.slice(0, 19).replace('T', ' ')} UTC, app date ${today} ==`);
  const header = ['metric', 'median', 'min', 'max'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`BENCH_JSON ${JSON.stringify(summary)}`);
}

// ---- main --------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(DIST, 'index.html'))) {
    fail(`${path.join(DIST, 'index.html')} is missing: run \`trunk build --release\` first (bash scripts/bench.sh does it for you)`);
  }
  const today = localToday();
  const names = opts.scale === 'all' ? Object.keys(SCALES) : [opts.scale];
  const server = await startServer();
  const baseURL = `http://127.0.0.1:${server.address().port}`;
  let browser;
  let failed = false;
  try {
    browser = await chromium.launch(LAUNCH);
    for (const name of names) {
      const spec = SCALES[name];
      process.stderr.write(`[bench] ${name}: generating ${spec.kpis} KPIs × ${spec.readings} readings for ${today}…\n`);
      const text = generate(spec, today);
      const runs = [];
      const notes = new Set();
      for (let r = 0; r < opts.runs; r++) {
        process.stderr.write(`[bench] ${name}: run ${r + 1}/${opts.runs}\n`);
        runs.push(await oneRun(browser, baseURL, text, spec, today, notes));
      }
      report(name, spec, today, runs);
      for (const n of notes) console.log(`note: ${n}`);
      const problems = new Set(runs.flatMap((r) => r.problems));
      for (const p of [...problems].slice(0, 10)) console.log(`note: ${p}`);
    }
  } catch (e) {
    console.error(`bench: FAILED: ${e.message}`);
    failed = true;
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }
  process.exit(failed ? 1 : 0);
}

main();

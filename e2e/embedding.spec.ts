// The widget as a host page uses it: the demo portal with hostile CSS, the JavaScript API, the
// custom element, a subpath, a strict Content-Security-Policy, and WebAssembly blocked.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hostPage, startHostServer, STRICT_CSP, type HostServer } from './fixtures/host_server';

/** Records CSP violations (console reports and `securitypolicyviolation` events). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as any).__csp ??= []).push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  return violations;
}

// A host script for the JS API: mounts #w with the options in the page's data-options, records
// every event in window.events, and exposes the widget as window.widget.
const HOST_JS = `
import { mount } from "./kra-kpi.js";
window.events = [];
const el = document.getElementById("w");
// If the widget cannot start, mount() rejects and the element itself gets the error event.
el.addEventListener("error", (e) => window.events.push({ type: "element-error", detail: e.detail }));
const options = JSON.parse(el.dataset.options || "{}");
window.mountIt = async (o = options) => {
  const widget = await mount(el, o);
  for (const type of ["ready", "change", "error"]) {
    widget.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
  }
  window.widget = widget;
  return true;
};
window.mounted = window.mountIt().catch((e) => { window.mountError = { code: e.code, message: e.message }; return false; });
`;

/** Enters `value` for `kpi` through the widget under `scope`, as a user would. */
async function addReading(scope: Locator, kpi: string, value: string) {
  await scope.getByRole('button', { name: `Add reading for ${kpi}` }).click();
  await scope.getByLabel('Value', { exact: true }).fill(value);
  await scope.getByRole('button', { name: 'Save reading' }).click();
}

let server: HostServer | null = null;
test.afterEach(async () => {
  await server?.close();
  server = null;
});

async function openHost(page: Page, body: string, opts: { headers?: Record<string, string>; script?: string } = {}) {
  server = await startHostServer({
    prefix: '/portal/widgets/kra-kpi/',
    pages: { 'host.html': hostPage(body), 'host.js': opts.script ?? HOST_JS },
    headers: opts.headers ?? { 'content-security-policy': STRICT_CSP },
  });
  await page.goto(server.url('host.html'));
}

test('the demo portal: hostile CSS changes nothing inside, and nothing inside leaks out', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hr-portal:prefs', '{"density":"compact","v":3}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const violations = watchCsp(page);
  await page.goto('/hr-portal/index.html');
  const mine = page.locator('#my-scorecard');
  const team = page.locator('#team-scorecard');
  await expect(mine.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  await expect(team.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  // The host's placeholder is no longer rendered (the shadow root replaces what is shown).
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Loading scorecard');

  // The host's own elements keep the host's styles...
  const portalButton = page.locator('#portal-button');
  await expect(portalButton).toHaveCSS('background-color', 'rgb(255, 105, 180)');
  await expect(page.locator('#mine-title')).toHaveCSS('font-size', '24px');
  // ...and the widget's do not take them.
  const undo = mine.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveCSS('font-size', '15px');
  await expect(undo).not.toHaveCSS('background-color', 'rgb(255, 105, 180)');
  await expect(mine.getByRole('heading', { name: 'Achieve monthly revenue targets' })).toHaveCSS('text-transform', 'none');
  await expect(mine.getByRole('heading', { name: 'Achieve monthly revenue targets' })).toHaveCSS('font-size', '18px');
  // The host's theming custom property reaches the widget's accent colour.
  await expect(mine.getByRole('button', { name: 'Rename scorecard' })).toHaveCSS('color', 'rgb(108, 63, 181)');

  // Every visible control of the editable widget can be clicked where it is, inside the widget.
  const box = (await mine.boundingBox())!;
  // The skip link is out of sight until the keyboard focuses it (e2e/accessibility.spec.ts).
  const buttons = await mine.locator('button:visible:not([disabled]):not(.kk-skip), input:visible, select:visible, summary:visible').all();
  expect(buttons.length).toBeGreaterThan(15);
  for (const b of buttons) {
    await b.click({ trial: true });
    const r = (await b.boundingBox())!;
    expect(r.x + r.width, await b.evaluate((e) => e.outerHTML.slice(0, 80))).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  // The read-only widget: scores and Explain, no edit controls.
  await expect(team.getByRole('button', { name: /^Add reading/ })).toHaveCount(0);
  await expect(team.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(team.locator('details.kk-explain').first()).toBeVisible();

  // Edits in one widget leave the other's data alone.
  const teamBefore = await team.evaluate((el: any) => el.getData());
  await addReading(mine, 'Leads converted', '42');
  await expect(page.locator('#mine-log')).toContainText('Changed (add-reading)');
  expect(await team.evaluate((el: any) => el.getData())).toBe(teamBefore);

  // The portal lets the manager edit; the change goes to the portal's "server" and survives a reload.
  await page.getByRole('button', { name: 'Allow editing' }).click();
  await addReading(team, 'Leads converted', '55');
  await expect(page.locator('#team-log')).toContainText("Saved to the portal's server");
  await page.reload();
  await expect(page.locator('#team-scorecard').getByTestId('kpi-row').filter({ hasText: 'Leads converted' })).toContainText('55 leads');

  // The host's own key is byte-identical; the widgets wrote only under their own key (its list
  // of scorecards, and the one scorecard in it).
  const keys = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  expect(keys['hr-portal:prefs']).toBe('{"density":"compact","v":3}');
  expect(Object.keys(keys).sort()).toEqual(['hr-portal:emp-1042', 'hr-portal:emp-1042:card-1', 'hr-portal:prefs']);
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => (window as any).__csp ?? [])).toEqual([]);
});

test('served from a subpath with nothing at the server root, the stand-alone page loads and saves', async ({ page }) => {
  server = await startHostServer({ prefix: '/hr/kra/' });
  await page.goto(server.url(''));
  await page.getByRole('button', { name: 'Load the Sales executive template' }).click();
  await expect(page.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await page.evaluate(() => localStorage.getItem('kra-kpi:default:card-1'))).toContain('Achieve monthly revenue targets');
  expect(server.requests.filter((p) => !p.startsWith('/hr/kra/'))).toEqual([]);
});

test('under a strict CSP it loads, draws its chart and reports no violation', async ({ page }) => {
  const violations = watchCsp(page);
  await openHost(page, `<div id="w" data-options='{"storageKey":"csp:test","template":"sales-executive"}'></div>`);
  expect(await page.evaluate(() => (window as any).mounted)).toBe(true);
  const w = page.locator('#w');
  await addReading(w, 'Leads converted', '42');
  // Both charts: the KPI's trend, and the review's scores over time.
  await expect(w.getByRole('complementary', { name: 'Readings and chart' }).locator('.kk-chart-svg svg')).toBeVisible();
  await expect(w.getByRole('region', { name: 'Scores over time', exact: true }).locator('.kk-chart-svg svg')).toBeVisible();
  expect(violations).toEqual([]);
  expect(await page.evaluate(() => (window as any).__csp ?? [])).toEqual([]);
});

test('when the CSP blocks WebAssembly, a readable message and an error event', async ({ page }) => {
  await openHost(page, `<div id="w"></div>`, {
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
  });
  await expect(page.locator('#w').getByRole('alert')).toContainText('does not allow WebAssembly');
  expect(await page.evaluate(() => (window as any).mounted)).toBe(false);
  expect(await page.evaluate(() => (window as any).mountError.code)).toBe('wasm-unavailable');
  await expect.poll(() => page.evaluate(() => (window as any).events.map((e: any) => `${e.type} ${e.detail.code}`))).toEqual([
    'element-error wasm-unavailable',
  ]);
});

test('setData refuses damaged or foreign JSON: the data stays, an error is emitted', async ({ page }) => {
  await openHost(page, `<div id="w" data-options='{"storageKey":"setdata:test","template":"sales-executive"}'></div>`);
  await page.evaluate(() => (window as any).mounted);
  const before = await page.evaluate(() => (window as any).widget.getData());
  const results = await page.evaluate(() => {
    const w = (window as any).widget;
    const bad = [
      'not json',
      '{"app":"someone-else","schema":1}',
      '{"app":"kra-kpi","schema":99,"framework":{}}',
      '{"app":"kra-kpi","schema":3,"revision":1,"framework":{"name":"x","kras":[],"kpis":[],"readings":[{"kpi":7,"from":"2026-01-01","values":[1]}],"next_id":9}}',
      '{"app":"kra-kpi","schema":3,"revision":1,"framework":{"name":"x","kras":[],"kpis":[],"readings":[],"next_id":1e400}}',
    ];
    return bad.map((b) => {
      try {
        w.setData(b);
        return 'accepted';
      } catch (e: any) {
        return e.code;
      }
    });
  });
  expect(results).toEqual(['invalid-data', 'invalid-data', 'invalid-data', 'invalid-data', 'invalid-data']);
  expect(await page.evaluate(() => (window as any).widget.getData())).toBe(before);
  const errors = await page.evaluate(() => (window as any).events.filter((e: any) => e.type === 'error'));
  expect(errors).toHaveLength(5);
  expect(errors[1].detail.message).toContain('was not written by kra-kpi');
  await expect(page.locator('#w').getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
});

test('change events carry the scores the screen shows; ready comes first', async ({ page }) => {
  await openHost(page, `<div id="w" data-options='{"storageKey":"change:test","template":"sales-executive","today":"2026-11-23"}'></div>`);
  await page.evaluate(() => (window as any).mounted);
  const w = page.locator('#w');
  await addReading(w, 'Leads converted', '42');
  const row = w.getByTestId('kpi-row').filter({ hasText: 'Leads converted' });
  await expect(row.getByTestId('kpi-score')).toContainText('84 %');
  const events = await page.evaluate(() => (window as any).events);
  expect(events[0].type).toBe('ready');
  const change = events.find((e: any) => e.type === 'change').detail;
  expect(change.source).toBe('edit');
  expect(change.kind).toBe('add-reading');
  expect(change.description).toBe('add a reading of 42 to the KPI "Leads converted" for Nov 2026');
  const leads = change.scores.kras[0].kpis.find((k: any) => k.name === 'Leads converted');
  expect(leads).toMatchObject({ value: 42, target: 50, score: 84, status: 'amber', readings: 1 });
  expect(change.scores.period).toEqual({ label: 'Nov 2026', start: '2026-11-01', end: '2026-11-30', inProgress: true });
  // The host sees what the score stands on, as the screen says it.
  expect(change.scores.overall.coverage).toMatchObject({ reported: 1, due: 6 });
  expect(change.scores.overall.coverage.weight).toBeLessThan(50);
  expect(change.scores.kras[0].coverage).toMatchObject({ reported: 1, due: 3 });
  await expect(w.getByTestId('coverage')).toHaveText(/^1 of 6 KPIs reported · Nov 2026 is in progress \(day 23 of 30\)/);
  const shown = (await w.getByTestId('overall').textContent())!;
  expect(shown).toContain(`${Math.round(change.scores.overall.score)} %`);
  expect(await page.evaluate(() => (window as any).widget.scores())).toEqual(change.scores);
});

test('destroy() saves, then writes nothing; a new mount on the same element works', async ({ page }) => {
  await openHost(page, `<div id="w" data-options='{"storageKey":"destroy:test","template":"sales-executive"}'></div>`);
  await page.evaluate(() => (window as any).mounted);
  const w = page.locator('#w');
  await w.getByRole('button', { name: 'Rename scorecard' }).click();
  await w.getByLabel('Scorecard name').fill('Before destroy');
  await w.getByRole('button', { name: 'Save name' }).click();
  const writes = await page.evaluate(() => {
    (window as any).widget.destroy();
    const saved = localStorage.getItem('destroy:test:card-1');
    (window as any).writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      (window as any).writes++;
      return set.call(this, k, v);
    };
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    return saved;
  });
  expect(writes).toContain('Before destroy');
  await expect(w.locator('.kk-app')).toHaveCount(0);
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => (window as any).writes)).toBe(0);
  expect(await page.evaluate(() => { try { (window as any).widget.getData(); return 'ok'; } catch (e: any) { return e.code; } })).toBe('destroyed');
  expect(await page.evaluate(() => (window as any).mountIt())).toBe(true);
  await expect(w.getByRole('heading', { name: 'Before destroy' })).toBeVisible();
});

test('the custom element: attributes set up the widget, and read-only switches live', async ({ page }) => {
  const script = `import "./kra-kpi.js";
const el = document.querySelector("kra-kpi-scorecard");
window.events = [];
for (const t of ["ready", "change", "error"]) el.addEventListener(t, (e) => window.events.push({ type: t, detail: e.detail }));`;
  await openHost(page, `<kra-kpi-scorecard storage-key="ce:one" template="sales-executive" read-only theme="dark"></kra-kpi-scorecard>`, { script });
  const el = page.locator('kra-kpi-scorecard');
  await expect(el.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  await expect(el.getByRole('button', { name: /^Add reading/ })).toHaveCount(0);
  await expect(el.locator('.kk-root')).toHaveCSS('background-color', 'rgb(16, 21, 27)');
  expect(await page.evaluate(() => localStorage.getItem('ce:one'))).toBeNull();

  await el.evaluate((e) => e.removeAttribute('read-only'));
  await addReading(el, 'Leads converted', '42');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('ce:one'))).toContain('Sales executive');
  await el.evaluate((e) => e.setAttribute('read-only', ''));
  await expect(el.getByRole('button', { name: /^Add reading/ })).toHaveCount(0);

  // A new storage key remounts on that key; the first key's data stays as it was.
  const first = await page.evaluate(() => localStorage.getItem('ce:one'));
  await el.evaluate((e) => { e.removeAttribute('read-only'); e.setAttribute('storage-key', 'ce:two'); });
  await expect(el.getByTestId('kpi-row').filter({ hasText: 'Leads converted' })).not.toContainText('42 leads');
  await expect(el.getByRole('button', { name: 'Add reading for Leads converted' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('ce:one'))).toBe(first);
  await el.evaluate((e) => e.setAttribute('theme', 'light'));
  await expect(el.locator('.kk-root')).toHaveCSS('background-color', 'rgb(245, 247, 250)');
  // destroy() on the element: saved, unmounted, methods say so; removed from the page: no errors.
  await el.evaluate((e: any) => e.destroy());
  await expect(el.locator('.kk-app')).toHaveCount(0);
  expect(await el.evaluate((e: any) => { try { e.getData(); return 'ok'; } catch (x: any) { return x.code; } })).toBe('not-ready');
  await el.evaluate((e) => e.remove());
  expect(await page.evaluate(() => (window as any).events.filter((e: any) => e.type === 'error'))).toEqual([]);
});

test('a second mount() on an element that holds a live widget is refused; after destroy() it works', async ({ page }) => {
  await openHost(page, `<div id="w" data-options='{"storageKey":"twice:one","template":"sales-executive"}'></div>`);
  await page.evaluate(() => (window as any).mounted);
  const w = page.locator('#w');
  await expect(w.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  const second = await page.evaluate(async () => {
    const { mount } = await import('./kra-kpi.js');
    try { await mount(document.getElementById('w')!, { storageKey: 'twice:two', template: 'hr-manager' }); return 'mounted'; }
    catch (e: any) { return `${e.code}: ${e.message}`; }
  });
  expect(second).toMatch(/^cannot-host: .*already holds a scorecard; call destroy\(\) on it first/);
  // The first widget is the one on screen, still working, and nothing was written for the second.
  await expect(w.getByRole('article', { name: 'Achieve monthly revenue targets' })).toBeVisible();
  await addReading(w, 'Leads converted', '42');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('twice:one:card-1') ?? '')).toContain('"values":[42.0]');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('twice:two')))).toEqual([]);
  // destroy() frees the element for a new mount.
  expect(await page.evaluate(async () => {
    (window as any).widget.destroy();
    const { mount } = await import('./kra-kpi.js');
    const other = await mount(document.getElementById('w')!, { storageKey: 'twice:two', template: 'hr-manager' });
    return other.editable;
  })).toBe(true);
  await expect(w.getByRole('heading', { level: 1 })).toContainText('HR manager');
});

test('setReadOnly(true) puts away an open edit form; editable again, it is back as it was', async ({ page }) => {
  await openHost(page, `<div id="w" data-options='{"storage":"none","template":"sales-executive"}'></div>`);
  await page.evaluate(() => (window as any).mounted);
  const w = page.locator('#w');
  await w.getByRole('button', { name: 'Edit KPI Leads converted' }).click();
  await w.getByLabel('KPI name').fill('Qualified leads');
  await page.evaluate(() => (window as any).widget.setReadOnly(true));
  await expect(w.getByRole('button', { name: 'Save KPI' })).toHaveCount(0);
  await expect(w.getByLabel('KPI name')).toBeHidden();
  await page.evaluate(() => (window as any).widget.setReadOnly(false));
  await expect(w.getByLabel('KPI name')).toHaveValue('Qualified leads');
});

test('the custom element with storage="none" keeps its scorecard across remounts and re-insertion', async ({ page }) => {
  const script = `import "./kra-kpi.js";
const el = document.querySelector("kra-kpi-scorecard");
window.events = [];
for (const t of ["change", "error"]) el.addEventListener(t, (e) => window.events.push({ type: t, source: e.detail.source, code: e.detail.code }));`;
  await openHost(page, `<div id="place"><kra-kpi-scorecard storage="none" template="sales-executive"></kra-kpi-scorecard></div><div id="elsewhere"></div>`, { script });
  const el = page.locator('kra-kpi-scorecard');
  await addReading(el, 'Leads converted', '45');
  const row = el.getByTestId('kpi-row').filter({ hasText: 'Leads converted' });
  await expect(row).toContainText('45 leads');
  // A new locale remounts the widget: the reading is still there, and no change is reported.
  await el.evaluate((e) => e.setAttribute('locale', 'en-IN'));
  await el.evaluate((e: any) => e.ready);
  await expect(row).toContainText('45 leads');
  expect(await el.evaluate((e: any) => JSON.parse(e.getData()).framework.readings.length)).toBe(1);
  // Moved to another place in the page (removed and inserted again): still there.
  await page.evaluate(() => document.getElementById('elsewhere')!.append(document.querySelector('kra-kpi-scorecard')!));
  await el.evaluate((e: any) => e.ready);
  await expect(row).toContainText('45 leads');
  expect(await page.evaluate(() => (window as any).events)).toEqual([{ type: 'change', source: 'edit' }]);
  // A new template is asked for explicitly: that starts afresh.
  await el.evaluate((e) => e.setAttribute('template', 'hr-manager'));
  await el.evaluate((e: any) => e.ready);
  await expect(el.getByRole('heading', { level: 1 })).toContainText('HR manager');
  // Nothing was written to the browser at any point.
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('the custom element: a theme it does not know is an error event, not an exception', async ({ page }) => {
  const script = `import "./kra-kpi.js";
const el = document.querySelector("kra-kpi-scorecard");
window.events = [];
window.pageErrors = [];
// ResizeObserver's "loop completed with undelivered notifications" is the browser's note, not an exception.
window.addEventListener("error", (e) => { if (!/ResizeObserver loop/.test(e.message)) window.pageErrors.push(String(e.message)); });
el.addEventListener("error", (e) => window.events.push(e.detail));`;
  await openHost(page, `<kra-kpi-scorecard storage="none" template="sales-executive" theme="dark"></kra-kpi-scorecard>`, { script });
  const el = page.locator('kra-kpi-scorecard');
  await el.evaluate((e: any) => e.ready);
  await expect(el.locator('.kk-root')).toHaveCSS('background-color', 'rgb(16, 21, 27)');
  const thrown = await el.evaluate((e) => { try { e.setAttribute('theme', 'purple'); return 'no exception'; } catch (x: any) { return String(x); } });
  expect(thrown).toBe('no exception');
  expect(await page.evaluate(() => (window as any).events)).toEqual([
    { code: 'invalid-option', message: 'the theme must be "light", "dark" or "auto"' },
  ]);
  expect(await page.evaluate(() => (window as any).pageErrors)).toEqual([]);
  // The colours stay as they were.
  await expect(el.locator('.kk-root')).toHaveCSS('background-color', 'rgb(16, 21, 27)');
});

test('mount() refuses a missing element and unknown options with a clear reason', async ({ page }) => {
  const script = `import { mount } from "./kra-kpi.js";
window.results = [];
for (const [el, o] of [[null, {}], [document.getElementById("w"), { storagekey: "typo" }], [document.getElementById("w"), { template: "astronaut" }]]) {
  try { await mount(el, o); window.results.push("mounted"); } catch (e) { window.results.push(e.code + ": " + e.message); }
}
window.done = true;`;
  await openHost(page, `<div id="w">Host text</div>`, { script });
  await expect.poll(() => page.evaluate(() => (window as any).done)).toBe(true);
  const results: string[] = await page.evaluate(() => (window as any).results);
  expect(results[0]).toMatch(/^cannot-host: .*must be an HTML element/);
  expect(results[1]).toMatch(/^invalid-option: unknown option "storagekey"; the options are: storageKey/);
  expect(results[2]).toMatch(/^unknown-template: there is no template "astronaut"/);
  // Nothing was mounted anywhere: no shadow root, the body untouched.
  expect(await page.evaluate(() => document.getElementById('w')!.shadowRoot)).toBeNull();
  expect(await page.evaluate(() => document.body.className)).toBe('');
});

test('the documented snippet works as written, locale included', async ({ page }) => {
  const script = `import { mount } from "./kra-kpi.js";
const widget = await mount(document.querySelector("#scorecard"), {
  storageKey: "hr-portal:emp-1042", readOnly: false, template: "sales-executive",
  theme: "auto", locale: "en-IN" });
window.changes = [];
widget.addEventListener("change", (e) => window.changes.push(e.detail));
window.ok = true;`;
  await openHost(page, `<div id="scorecard">Loading scorecard…</div>`, { script });
  await expect.poll(() => page.evaluate(() => (window as any).ok)).toBe(true);
  const s = page.locator('#scorecard');
  await expect(s.locator('.kk-root')).toHaveAttribute('lang', 'en-IN');
  await s.getByRole('button', { name: 'Rename scorecard' }).click();
  await s.getByLabel('Scorecard name').fill('Priya, FY 2026-27');
  await s.getByRole('button', { name: 'Save name' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).changes.map((c: any) => c.kind))).toEqual(['rename']);
});

const mountWithLocale = (locale: string) => `import { mount } from "./kra-kpi.js";
await mount(document.querySelector("#w"), { storage: "none", template: "sales-executive", locale: "${locale}" });
window.ok = true;`;
const kpiRowIn = (w: ReturnType<Page['locator']>, name: string) =>
  w.getByTestId('kpi-row').filter({ has: w.page().getByRole('button', { name, exact: true }) });

test('numbers follow the locale: Indian grouping in en-IN, on screen and in charts, plain in form fields', async ({ page }) => {
  await openHost(page, `<div id="w"></div>`, { script: mountWithLocale('en-IN') });
  await expect.poll(() => page.evaluate(() => (window as any).ok)).toBe(true);
  const w = page.locator('#w');
  const revenue = kpiRowIn(w, 'Revenue in the month');
  await expect(revenue.getByTestId('kpi-target')).toHaveText('₹5,00,000');
  await w.getByRole('button', { name: 'Add reading for Revenue in the month' }).click();
  const panel = w.getByRole('complementary', { name: 'Readings and chart' });
  await panel.getByLabel('Value', { exact: true }).fill('1234567.5');
  await panel.getByRole('button', { name: 'Save reading' }).click();
  await expect(revenue.getByTestId('kpi-value')).toHaveText('₹12,34,567.5');
  // The chart's axis is grouped the same way, each figure with its sign.
  const axis = (await panel.locator('.kk-chart-svg svg text').allTextContents()).map((t) => t.trim());
  expect(axis).toContain('₹5,00,000');
  expect(axis).toContain('₹12,00,000');
  // A form field shows the number as it is typed back: no grouping to trip over.
  await panel.getByRole('button', { name: /^Edit reading/ }).first().click();
  await expect(panel.getByLabel('Value', { exact: true }).last()).toHaveValue('1234567.5');
});

test('numbers follow the locale: German grouping and decimal comma in de-DE', async ({ page }) => {
  await openHost(page, `<div id="w"></div>`, { script: mountWithLocale('de-DE') });
  await expect.poll(() => page.evaluate(() => (window as any).ok)).toBe(true);
  await expect(kpiRowIn(page.locator('#w'), 'Revenue in the month').getByTestId('kpi-target')).toHaveText('₹500.000');
});

// Issue 6: nothing is ever lost — not with two tabs open, not with data from a newer version,
// not while an old save is upgraded, not when the page is closed right after an edit.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ScorecardPage, STORAGE_KEY } from './fixtures/scorecard_page';

/** A small schema-2 save (the previous format): one KRA, one KPI, two readings. */
const SCHEMA_2 = JSON.stringify({
  app: 'kra-kpi',
  schema: 2,
  framework: {
    name: 'Old format',
    kras: [{ id: 1, name: 'Improve customer service', weight: 100 }],
    kpis: [{
      id: 2, kra: 1, name: 'Complaints resolved in 24 h', unit: '%', direction: { kind: 'higher-is-better' },
      target: { kind: 'constant', value: 95 }, frequency: 'monthly', aggregation: 'average', weight: 100,
    }],
    readings: [
      { id: 3, kpi: 2, period_start: '2026-09-01', value: 90, note: 'new team' },
      { id: 4, kpi: 2, period_start: '2026-10-01', value: 96, note: '' },
    ],
    next_id: 5,
  },
});

/** A second tab that never hears of other tabs' saves (as if its `storage` events were lost). */
async function openStaleTab(context: BrowserContext) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: any[]) => (type === 'storage' ? undefined : add(type, ...(rest as [any]))));
  });
  return openTemplate(page);
}

async function openTemplate(page: Page) {
  const app = new ScorecardPage(page);
  await app.open();
  return app;
}

test('two tabs on one key editing different KPIs in turn: every edit is kept', async ({ context }) => {
  const a = await openTemplate(await context.newPage());
  await a.loadTemplate();
  expect((await a.savedJson()).framework.name).toBe('Sales executive');
  const b = await openTemplate(await context.newPage());
  await expect(b.kra('Achieve monthly revenue targets')).toBeVisible();

  await a.addReading('Leads converted', '42');
  await a.savedText();
  // Tab B hears of A's save and shows it without a reload.
  await expect(b.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  await b.addReading('Client meetings held', '10');
  await b.savedText();
  await expect(a.kpiRow('Client meetings held').getByTestId('kpi-value')).toHaveText('10 meetings');
  await a.addReading('Average deal size', '26000');
  await a.savedText();

  for (const app of [a, b]) {
    await app.page.reload();
    await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
    await expect(app.kpiRow('Client meetings held').getByTestId('kpi-value')).toHaveText('10 meetings');
    await expect(app.kpiRow('Average deal size').getByTestId('kpi-value')).toHaveText('₹26,000');
  }
});

test('a stale tab cannot erase what another tab saved', async ({ context }) => {
  const a = await openTemplate(await context.newPage());
  await a.loadTemplate();
  await a.savedText();
  // Tab B never hears of other tabs' saves, so it is stale.
  const b = await openStaleTab(context);

  await a.addKra({ name: 'Develop the team', weight: '10' });
  await a.addReading('Leads converted', '42');
  await a.savedText();
  await expect(b.kra('Develop the team')).toHaveCount(0); // B is stale indeed

  await b.addReading('Client meetings held', '10');
  // B's save finds a newer revision, takes it and puts its own reading on top.
  await b.savedText();
  await expect(b.kra('Develop the team')).toBeVisible();
  await expect(b.page.getByRole('status')).toContainText('Another tab changed this scorecard; its changes and yours are both kept.');

  await a.page.reload();
  await expect(a.kra('Develop the team')).toBeVisible();
  await expect(a.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  await expect(a.kpiRow('Client meetings held').getByTestId('kpi-value')).toHaveText('10 meetings');
});

test('a stale tab is told exactly which of its edits could not be kept', async ({ context }) => {
  const a = await openTemplate(await context.newPage());
  await a.loadTemplate();
  await a.savedText();
  const b = await openStaleTab(context);
  await a.addReading('Leads converted', '42');
  await a.savedText();
  await b.addReading('Leads converted', '30');
  await b.addReading('Client meetings held', '10');
  await b.savedText();
  const alert = b.alert().first();
  await expect(alert).toContainText('1 of your changes could not be kept');
  await expect(alert).toContainText('add a reading of 30 to the KPI "Leads converted"');
  await expect(alert).toContainText('already has a reading for');
  await expect(b.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  await expect(b.kpiRow('Client meetings held').getByTestId('kpi-value')).toHaveText('10 meetings');
});

test('data saved by a newer version stays byte-identical, even when the user tries to edit', async ({ page }) => {
  const newer = '{"app":"kra-kpi","schema":99,"framework":{"name":"From the future","widgets":[1,2,3]}}';
  const app = new ScorecardPage(page);
  await app.seed({ [STORAGE_KEY]: newer });
  await app.open();
  await expect(app.alert().first()).toContainText('saved by a newer version of the app (format version 99)');
  await expect(app.alert().getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
  // Nothing to edit with: no template, no Add KRA, no settings form, no Undo.
  await expect(page.getByRole('button', { name: 'Load the Sales executive template' })).toHaveCount(0);
  await expect(page.getByText('Add a KRA')).toHaveCount(0);
  await page.locator('summary', { hasText: 'Scoring settings' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Rename scorecard' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await page.waitForTimeout(400);
  expect(await app.savedText()).toBe(newer);
  await page.reload();
  expect(await app.savedText()).toBe(newer);
  expect(await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(k + ':')), STORAGE_KEY)).toEqual([]);
});

test('an upgraded save keeps its original as a backup until the new format is written', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.seed({ [STORAGE_KEY]: SCHEMA_2 });
  // Storage refuses the upgraded save (full), but takes the backup copy.
  await page.addInitScript((key) => {
    const set = Storage.prototype.setItem;
    (window as any).__fullFor = key;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === (window as any).__fullFor) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  }, STORAGE_KEY);
  await app.open();
  await expect(app.kpiRow('Complaints resolved in 24 h')).toContainText('Latest: 96 % (Oct 2026)');
  await expect(app.alert().first()).toContainText('Browser storage is full');
  expect(await app.savedText()).toBe(SCHEMA_2);
  expect(await page.evaluate((k) => localStorage.getItem(k + ':backup-1'), STORAGE_KEY)).toBe(SCHEMA_2);

  // Space again: the next save writes the current schema, and then the copy is no longer needed.
  await page.evaluate(() => { (window as any).__fullFor = null; });
  await app.addReading('Complaints resolved in 24 h', '97');
  const saved = await app.savedJson();
  expect(saved.schema).toBe(4);
  expect((await app.savedReadings()).map((r) => [r.value, r.note])).toEqual([[90, 'new team'], [96, undefined], [97, undefined]]);
  expect(await page.evaluate((k) => localStorage.getItem(k + ':backup-1'), STORAGE_KEY)).toBeNull();
});

test('closing the page right after an edit still saves it', async ({ context }) => {
  const page = await context.newPage();
  const app = await openTemplate(page);
  await app.loadTemplate();
  await app.addReading('Leads converted', '42');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  await page.close({ runBeforeUnload: true });

  const again = await openTemplate(await context.newPage());
  await expect(again.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
});

test('saves are gathered: a burst of edits is written once, shortly after', async ({ page }) => {
  const app = await openTemplate(page);
  await app.loadTemplate();
  await app.savedText();
  // The scorecard's own key (the widget's key holds the list of scorecards).
  const card = `${STORAGE_KEY}:card-1`;
  await page.evaluate((key) => {
    const set = Storage.prototype.setItem;
    (window as any).__writes = 0;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k === key) (window as any).__writes++;
      return set.call(this, k, v);
    };
  }, card);
  const before = await page.evaluate((k) => localStorage.getItem(k), card);
  // Three edits in one burst (↑ ↓ ↑), all well inside one save delay however slow the machine.
  await page.evaluate(() => {
    for (const label of ['up', 'down', 'up']) {
      const root = document.querySelector('#kra-kpi')!.shadowRoot!;
      (root.querySelector(`button[aria-label="Move KRA Build client relationships ${label}"]`) as HTMLElement).click();
    }
  });
  await expect(page.getByRole('article').first()).toHaveAccessibleName('Build client relationships');
  await expect.poll(() => page.evaluate(() => (window as any).__writes), { timeout: 3000 }).toBe(1);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as any).__writes)).toBe(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), card)).not.toBe(before);
});

test('a backup can be restored from the settings, and the restore undone', async ({ page }) => {
  const app = await openTemplate(page);
  await app.loadTemplate();
  await app.addReading('Leads converted', '42');
  const snapshot = await app.savedText();
  await page.evaluate(([k, v]) => localStorage.setItem(k + ':backup-1', v!), [STORAGE_KEY, snapshot]);
  await page.getByRole('button', { name: 'Delete KRA Achieve monthly revenue targets' }).click();
  await expect(app.kra('Achieve monthly revenue targets')).toHaveCount(0);

  const backups = await app.openBackups();
  await expect(backups).toContainText(`${STORAGE_KEY}:backup-1`);
  await expect(backups).toContainText('"Sales executive": 2 KRAs, 6 KPIs, 1 readings.');
  await backups.getByRole('button', { name: `Restore backup ${STORAGE_KEY}:backup-1` }).click();
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  await expect(app.toast()).toContainText('Restored "Sales executive" from the backup.');
  await app.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(app.kra('Achieve monthly revenue targets')).toHaveCount(0);

  // Deleting is the user's choice, confirmed.
  page.once('dialog', (d) => d.accept());
  await backups.getByRole('button', { name: `Delete backup ${STORAGE_KEY}:backup-1` }).click();
  await expect(backups).toContainText('No backups.');
  expect(await page.evaluate((k) => localStorage.getItem(k + ':backup-1'), STORAGE_KEY)).toBeNull();
});

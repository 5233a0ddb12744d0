// Bad input gets a clear message, and nothing is lost.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ScorecardPage, STORAGE_KEY } from './fixtures/scorecard_page';

test('non-numeric and non-finite readings are refused with a message', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  for (const [input, message] of [
    ['abc', 'Value: "abc" is not a number.'],
    ['NaN', 'Value: "NaN" is not a finite number.'],
    ['1e999', 'Value: "1e999" is not a finite number.'],
    ['', 'Value is empty.'],
    ['12,5', 'Value: "12,5" is not a number.'],
  ]) {
    await app.addReading('Leads converted', input);
    await expect(app.panel().getByRole('alert')).toContainText(message);
  }
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('No reading');
  // The typed text stays so it can be corrected.
  await expect(app.panel().getByLabel('Value', { exact: true })).toHaveValue('12,5');
  // Written as the widget and spreadsheets show numbers, grouped (also the Indian way) or with
  // a %, a value is read as the bulk-entry grid reads it.
  await app.addReading('Revenue in the month', '3,80,000');
  await expect(app.kpiRow('Revenue in the month').getByTestId('kpi-value')).toHaveText('₹380,000');
  await app.addReading('Leads converted', '42%');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
});

test('empty names and negative weights are refused; the form keeps what was typed', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.addKra({ name: '   ', weight: '10' });
  await expect(app.alert().first()).toContainText('KRA name cannot be empty');
  await app.addKra({ name: 'Quality', weight: '-5' });
  await expect(app.alert().first()).toContainText('Weight cannot be negative');
  await expect(page.locator('.kk-tree > details.kk-add').getByLabel('KRA name')).toHaveValue('Quality');
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('hostile names are shown as text, never run', async ({ page }) => {
  const app = new ScorecardPage(page);
  let dialog = false;
  page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
  await app.open();
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await app.addKra({ name: hostile, weight: '100' });
  await app.addKpi(hostile, { name: '=cmd|\' /C calc\'!A0', unit: '<b>u</b>', target: '10' });
  await app.addReading('=cmd|\' /C calc\'!A0', '7');
  await expect(page.getByRole('heading', { name: hostile })).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(dialog).toBe(false);
});

test('saved data that cannot be read is backed up, explained, downloadable and never overwritten until the user starts over', async ({ page }) => {
  const app = new ScorecardPage(page);
  const damaged = '{"schema":2,"framework":{"name":"Mine","kras":[{oops';
  await app.seed({ [STORAGE_KEY]: damaged });
  await app.open();
  await expect(app.alert().first()).toContainText('Your saved scorecard (52 characters) could not be read');
  await expect(app.alert().first()).toContainText(`${STORAGE_KEY}:backup-1`);
  const backup = await page.evaluate((k) => localStorage.getItem(k + ':backup-1'), STORAGE_KEY);
  expect(backup).toBe(damaged);
  // Until the user decides, nothing can be edited and nothing is written.
  await expect(page.getByRole('button', { name: 'Load the Sales executive template' })).toHaveCount(0);
  expect(await app.savedText()).toBe(damaged);
  // The damaged text can be downloaded as it is.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the unreadable data' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kra-kpi unreadable data \d{4}-\d{2}-\d{2}\.json$/);
  expect(readFileSync(await file.path(), 'utf8')).toBe(damaged);
  // Starting over gives an empty scorecard; new work is saved and the backup stays.
  await page.getByRole('button', { name: 'Start a new scorecard' }).click();
  await app.loadTemplate();
  expect((await app.savedJson()).framework.name).toBe('Sales executive');
  expect(await page.evaluate((k) => localStorage.getItem(k + ':backup-1'), STORAGE_KEY)).toBe(backup);
});

test('without localStorage (sandboxed iframe) the app explains and works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const app = new ScorecardPage(page);
  await app.open();
  await expect(app.alert().first()).toContainText('This browser does not allow saving here');
  await app.loadTemplate();
  await app.addReading('Leads converted', '42');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-score')).toContainText('84 %');
});

test('when storage is full the user is told and the edit stays on screen', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await app.addReading('Leads converted', '42');
  await expect(app.alert().first()).toContainText('Browser storage is full');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
});

test('KPI fields that belong together must be filled in together, and ramps need whole periods', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Edit KPI Leads converted' }).click();
  const form = app.kra('Achieve monthly revenue targets').locator('tr.kk-edit-row form');
  await form.getByText('Scoring options').click();
  await form.getByLabel('Red flag (scores 50 %)').fill('30');
  await form.getByRole('button', { name: 'Save KPI' }).click();
  await expect(form.getByRole('alert')).toHaveText('Fill in both Red flag and Goal, or leave both empty.');
  await form.getByLabel('Red flag (scores 50 %)').fill('');
  await form.getByLabel('Target plan').selectOption({ label: 'A straight-line ramp' });
  await form.getByLabel('Ramp end target').fill('70');
  await form.getByLabel('Ramp periods').fill('2.5');
  await form.getByRole('button', { name: 'Save KPI' }).click();
  await expect(form.getByRole('alert')).toContainText('Ramp periods (whole number) must be between 1 and 1000 (got 2.5).');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-target')).toHaveText('50 leads');
});

// Many readings at once: a block pasted from a spreadsheet lands in the grid with the bad cell
// marked and the good ones saved as one undoable change; the grid is driven from the keyboard;
// a CSV of readings is previewed row by row, then saved, and a foreign file changes nothing.
import * as fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The label of the month `offset` months from this one ("Nov 2026"), as the grid heads it. */
function month(offset: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

async function openGrid(page: Page): Promise<Locator> {
  const panel = page.locator('details.kk-grid-entry');
  await panel.locator(':scope > summary').click();
  await expect(panel.getByRole('table', { name: 'Monthly KPIs' })).toBeVisible();
  return panel;
}

/** Pastes `text` onto `cell` as the browser does for a block copied from a spreadsheet. */
async function paste(cell: Locator, text: string) {
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, text);
}

const KPIS = ['Revenue in the month', 'Leads converted', 'Average deal size', 'Client retention rate',
  'Average response time to client queries', 'Client meetings held'];

test('a pasted block of 12 months × 6 KPIs lands in the grid with one bad cell marked and saves as one change', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const grid = await openGrid(page);

  // Copied from a spreadsheet: tab-separated, CRLF rows, grouping commas, one cell of text.
  const rows = KPIS.map((_, r) => Array.from({ length: 12 }, (_, c) => (r === 2 && c === 5 ? 'n/a' : `${r + 1},0${String(c).padStart(2, '0')}`)).join('\t'));
  await paste(grid.getByRole('textbox', { name: `Revenue in the month, ${month(-11)}` }), rows.join('\r\n') + '\r\n');
  await expect(grid.locator('.kk-grid-status')).toHaveText('Pasted 72 cells. Check them, then press Save.');

  const bad = grid.getByRole('textbox', { name: `Average deal size, ${month(-6)}` });
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toHaveValue('n/a');
  const reason = `Average deal size, ${month(-6)}: Value: "n/a" is not a number. Enter digits such as 42 or 12.5.`;
  await expect(grid.getByRole('listitem').filter({ hasText: reason })).toBeVisible();
  await expect(grid.getByRole('textbox', { name: `Client meetings held, ${month(0)}` })).toHaveValue('6,011');

  await grid.getByRole('button', { name: 'Save 72 changed cells' }).click();
  await expect(grid.locator('.kk-grid-status')).toHaveText('71 readings saved. 1 cell was not saved: it is marked, with the reason below.');
  // Saved cells show the value as saved; the bad one stays as typed, marked.
  await expect(grid.getByRole('textbox', { name: `Client meetings held, ${month(0)}` })).toHaveValue('6011');
  await expect(bad).toHaveValue('n/a');
  expect(await app.savedReadings()).toHaveLength(71);

  // One Undo takes the whole paste back, and the grid follows.
  await page.locator('.kk-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(grid.getByRole('textbox', { name: `Client meetings held, ${month(0)}` })).toHaveValue('');
  await expect.poll(async () => (await app.savedReadings()).length).toBe(0);

  // Redo, then a reload: the readings are there, in the grid and in the KPI's list.
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await app.savedReadings()).length).toBe(71);
  await page.reload();
  const again = await openGrid(page);
  await expect(again.getByRole('textbox', { name: `Leads converted, ${month(-3)}` })).toHaveValue('2008');
  await expect(again.getByRole('textbox', { name: `Average deal size, ${month(-6)}` })).toHaveValue('');
});

test('the grid is driven from the keyboard: Enter goes down, arrows move at the ends of the text', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const grid = await openGrid(page);
  const cell = (kpi: string, offset: number) => grid.getByRole('textbox', { name: `${kpi}, ${month(offset)}` });

  await cell('Revenue in the month', -1).click();
  await page.keyboard.type('380000');
  await page.keyboard.press('Enter');
  await expect(cell('Leads converted', -1)).toBeFocused();
  await page.keyboard.type('42');
  await page.keyboard.press('ArrowRight');
  await expect(cell('Leads converted', 0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell('Revenue in the month', 0)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(cell('Revenue in the month', -1)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cell('Revenue in the month', -2)).toBeFocused();
  await page.keyboard.type('1e400');
  await expect(cell('Revenue in the month', -2)).toHaveAttribute('aria-invalid', 'true');
  await expect(grid.getByRole('button', { name: 'Save 3 changed cells' })).toBeEnabled();
  await grid.getByRole('button', { name: 'Save 3 changed cells' }).click();
  await expect(grid.locator('.kk-grid-status')).toHaveText('2 readings saved. 1 cell was not saved: it is marked, with the reason below.');
  await expect(page.locator('.kk-toast')).toContainText('2 readings saved from the grid.');

  // Clearing a cell deletes its reading; Discard puts back what is saved.
  await cell('Leads converted', -1).fill('');
  await cell('Revenue in the month', -1).fill('1');
  await grid.getByRole('button', { name: 'Discard changes' }).click();
  await expect(cell('Revenue in the month', -1)).toHaveValue('380000');
  await expect(cell('Revenue in the month', -2)).toHaveValue('');
  await cell('Leads converted', -1).fill('');
  await grid.getByRole('button', { name: 'Save 1 changed cell' }).click();
  await expect(grid.locator('.kk-grid-status')).toHaveText('1 deleted.');
  await expect.poll(async () => (await app.savedReadings()).map((r) => r.value)).toEqual([380000]);
});

async function openTransfer(page: Page) {
  const panel = page.locator('details.kk-transfer');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await panel.locator(':scope > summary').click();
  }
  return panel;
}

async function chooseCsv(page: Page, name: string, text: string) {
  const panel = await openTransfer(page);
  await panel.getByLabel('Import readings (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

test('readings exported as CSV import into another profile with a preview, and give the same scores', async ({ page, browser }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const panel = await openTransfer(page);
  const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download all readings (CSV)' }).click()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  const count = text.trim().split('\r\n').length - 1;
  const overall = await page.getByTestId('overall').locator('.kk-status').first().innerText();
  const period = await page.getByTestId('period-label').innerText();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherApp = new ScorecardPage(other);
  await otherApp.open();
  await otherApp.loadTemplate();
  await chooseCsv(other, file.suggestedFilename(), text);
  const preview = other.getByRole('group', { name: `Readings from ${file.suggestedFilename()}` });
  await expect(preview).toContainText(`${count} readings to add.`);
  await expect(preview.getByRole('row')).toHaveCount(count + 1);
  await preview.getByRole('button', { name: `Save ${count} readings` }).click();
  await expect(other.locator('.kk-toast')).toContainText(`Saved ${count} readings from ${file.suggestedFilename()}.`);
  for (let i = 0; i < 36 && (await other.getByTestId('period-label').innerText()) !== period; i++) {
    await other.getByRole('button', { name: 'Previous review period' }).click();
  }
  await expect(other.getByTestId('period-label')).toHaveText(period);
  await expect(other.getByTestId('overall').locator('.kk-status').first()).toHaveText(overall);
  expect(await otherApp.savedReadings()).toHaveLength(count);

  // The same file again: everything is already there.
  await chooseCsv(other, file.suggestedFilename(), text);
  await expect(other.getByRole('group', { name: /^Readings from/ })).toContainText(`${count} unchanged.`);
  await expect(other.getByRole('group', { name: /^Readings from/ }).getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await fresh.close();
});

test('a CSV with bad rows lists each refusal first and saves only the good rows; a foreign file changes nothing', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Leads converted', '40', { date: `${new Date().getFullYear() - 1}-03-10` });
  const year = new Date().getFullYear() - 1;
  const csv = [
    'KPI;Period start;Value;Note',
    `Leads converted;${year}-03-01;45;"'=cmd|' /C calc'!A0"`,
    `Leads converted;${year}-04-01;41,5;`,
    `Leeds converted;${year}-04-01;41;`,
    `Leads converted;01/05/${year};41;`,
    `Leads converted;${year + 2}-01-01;41;`,
    `<img src=x onerror=alert(1)>;${year}-04-01;1;`,
  ].join('\r\n');
  await chooseCsv(page, 'sheet.csv', csv);
  const preview = page.getByRole('group', { name: 'Readings from sheet.csv' });
  await expect(preview).toContainText('1 reading to add, 1 to replace, 4 refused.');
  const rows = preview.getByRole('row');
  await expect(rows.nth(1)).toContainText('Refused: no KPI is called "Leeds converted"');
  await expect(rows.nth(2)).toContainText(`Refused: "01/05/${year}" is not a period`);
  await expect(rows.nth(3)).toContainText('has not started yet');
  await expect(rows.nth(4)).toContainText('Refused: no KPI is called "<img src=x onerror=alert(1)>"');
  await expect(rows.nth(5)).toContainText('45 (was 40)');
  await expect(rows.nth(6)).toContainText('41.5');
  await preview.getByRole('button', { name: 'Save 2 readings' }).click();
  await expect.poll(async () => (await app.savedReadings()).map((r) => [r.value, r.note ?? ''])).toEqual([[45, "=cmd|' /C calc'!A0"], [41.5, '']]);

  const before = await app.savedText();
  await chooseCsv(page, 'other.csv', 'Name,When,Amount\r\nx,y,z\r\n');
  await expect(app.alert()).toContainText('"other.csv" was not imported: it has no KPI or Value or Period start columns');
  await expect(app.alert()).toContainText('Nothing was changed.');
  expect(await app.savedText()).toBe(before);
});

test('a scorecard file from another device merges its readings by KPI name, as one undoable change', async ({ page, browser }) => {
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await new ScorecardPage(phonePage).open();
  await phonePage.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const phonePanel = await openTransfer(phonePage);
  const [file] = await Promise.all([phonePage.waitForEvent('download'), phonePanel.getByRole('button', { name: 'Download the scorecard (JSON)' }).click()]);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  const count = JSON.parse(text).framework.readings.flatMap((run: any) => run.values.filter((v: any) => v !== null)).length;
  await phone.close();

  // The laptop has the same template and one reading of its own, from before the phone's year.
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const earlier = new Date(new Date().getFullYear(), new Date().getMonth() - 13, 5);
  const day = `${earlier.getFullYear()}-${String(earlier.getMonth() + 1).padStart(2, '0')}-05`;
  await app.addReading('Client meetings held', '1', { date: day });
  const panel = await openTransfer(page);
  await panel.getByLabel('Import a scorecard file (JSON)').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = page.getByRole('group', { name: /from/ });
  await expect(preview).toContainText(`Or merge its readings into "Sales executive", matched by KRA and KPI name: ${count} readings to add.`);
  await preview.getByRole('button', { name: `Merge ${count} readings into "Sales executive"` }).click();
  await expect(page.locator('.kk-toast')).toContainText(`Merged ${count} readings from ${file.suggestedFilename()}.`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await expect.poll(async () => (await app.savedReadings()).length).toBe(count + 1);
  await page.locator('.kk-toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await app.savedReadings()).map((r) => r.value)).toEqual([1]);
});

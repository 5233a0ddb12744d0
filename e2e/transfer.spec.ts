// Data in and out: a scorecard exported as a file comes back in a fresh profile with the same
// scores; hostile files are refused with their reason and nothing changes; CSV has neutralised
// cells; the printed report has no controls; the reading form is ready for the next period.
import * as fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

async function openTransfer(page: Page) {
  const panel = page.locator('details.kk-transfer');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await panel.locator(':scope > summary').click();
  }
  return panel;
}

/** Clicks a download button and returns the file's suggested name and text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const panel = await openTransfer(page);
  const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path!, 'utf8') };
}

async function chooseFile(page: Page, name: string, text: string | Buffer) {
  const panel = await openTransfer(page);
  const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  await panel.getByLabel('Import a scorecard file (JSON)').setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Overall and each KRA's score as shown, for the review period on screen. */
// textContent, not innerText: a KRA card off screen skips layout (content-visibility), and
// innerText of skipped content is empty.
async function scores(page: Page): Promise<string[]> {
  const overall = await page.getByTestId('overall').locator('.kk-status').first().textContent();
  const kras = await page.getByTestId('kra-score').locator('.kk-status').allTextContents();
  return [overall ?? '', ...kras];
}

test('a scorecard exported as a file imports in a fresh profile with identical scores', async ({ page, browser }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive (demo)');
  const period = await page.getByTestId('period-label').innerText();
  const before = await scores(page);

  const file = await download(page, 'Download the scorecard (JSON)');
  expect(file.name).toMatch(/^Sales executive \(demo\) \d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(file.text)).toMatchObject({ app: 'kra-kpi', schema: 4 });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherApp = new ScorecardPage(other);
  await otherApp.open();
  await chooseFile(other, file.name, file.text);
  const preview = other.getByRole('group', { name: `"Sales executive (demo)" from ${file.name}` });
  await expect(preview).toContainText(/2 KRAs, 6 KPIs, \d+ readings, \w+ \d{4} to \w+ \d{4}\./);
  // The fresh profile's scorecard is empty, so the import fills it rather than adding a second.
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Sales executive (demo)');
  await expect(otherApp.toast()).toContainText(`Imported "Sales executive (demo)" from ${file.name}.`);
  for (let i = 0; i < 36 && (await other.getByTestId('period-label').innerText()) !== period; i++) {
    await other.getByRole('button', { name: 'Previous review period' }).click();
  }
  await expect(other.getByTestId('period-label')).toHaveText(period);
  expect(await scores(other)).toEqual(before);
  // And it is saved there: a reload shows it.
  await other.reload();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Sales executive (demo)');
  await fresh.close();

  // Imported again where a scorecard with content is open, it is added beside it.
  await chooseFile(page, file.name, file.text);
  await page.getByRole('group', { name: /from/ }).getByRole('button', { name: 'Add as a new scorecard' }).click();
  expect((await app.savedList()).listed).toEqual(['Sales executive (demo)', 'Sales executive (demo)']);
});

test('hostile and foreign files are refused with their reason and change nothing', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Leads converted', '42');
  const good = (await download(page, 'Download the scorecard (JSON)')).text;
  const saved = await app.savedText();
  const edit = (change: (v: any) => void) => {
    const v = JSON.parse(good);
    change(v);
    return JSON.stringify(v);
  };
  let deep: any = 1;
  for (let i = 0; i < 40; i++) deep = [deep];
  const cases: [string, string | Buffer, RegExp][] = [
    ['notes.txt', 'Leads,42\nCalls,10', /it is not a JSON file/],
    ['contacts.json', JSON.stringify({ contacts: [{ name: 'A' }] }), /it is a JSON file, but not a kra-kpi scorecard/],
    ['newer.json', edit((v) => { v.schema = 99; }), /saved by a newer version of kra-kpi \(file format 99/],
    ['deep.json', edit((v) => { v.framework.extra = deep; }), /nested more than 32 levels deep/],
    ['dangling.json', edit((v) => { v.framework.kpis[0].kra = 999; }), /the file is damaged \(KPI ".+" belongs to a missing KRA\)/],
    ['duplicate.json', edit((v) => { v.framework.kras.push(v.framework.kras[0]); }), /the file is damaged \(.*id/],
    ['huge-number.json', good.replace(/"values":\[42(\.0)?\]/, '"values":[1e400]'), /the file is damaged \(number out of range/],
    ['nan.json', edit((v) => { v.framework.readings[0].values[0] = 'NaN'; }), /the file is damaged \(invalid type: string "NaN"/],
    ['big.json', Buffer.alloc(11 * 1024 * 1024, 32), /the file is 11 MB, and files over 10 MB are not imported/],
    ['empty.json', '', /the file is empty/],
  ];
  const panel = await openTransfer(page);
  for (const [name, text, reason] of cases) {
    await chooseFile(page, name, text);
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText(`"${name}" was not imported: `);
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText('Nothing was changed.');
    await expect(panel.getByRole('group', { name: /from/ })).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  expect(await app.savedText()).toBe(saved);
});

test('CSV exports open as text with formulas neutralised and numbers as numbers', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.addKra({ name: "=cmd|' /C calc'!A0", weight: '100' });
  await app.addKpi("=cmd|' /C calc'!A0", { name: '<img src=x onerror=alert(1)>', unit: '₹', target: '10' });
  await app.addReading('<img src=x onerror=alert(1)>', '-5', { note: '@SUM(A1), "quoted"' });

  const readings = await download(page, 'Download all readings (CSV)');
  expect(readings.name).toMatch(/^scorecard readings \d{4}-\d{2}-\d{2}\.csv$|^.+ readings \d{4}-\d{2}-\d{2}\.csv$/);
  expect(readings.text.startsWith('\uFEFF')).toBe(true);
  const lines = readings.text.slice(1).split('\r\n');
  expect(lines[0]).toBe('KRA,KPI,Unit,Period,Period start,Value,Target,Score (%),Status,Note');
  expect(lines[1]).toMatch(/^'=cmd\|' \/C calc'!A0,<img src=x onerror=alert\(1\)>,₹,\w+ \d{4},\d{4}-\d{2}-\d{2},-5,10,0,Red,"'@SUM\(A1\), ""quoted"""$/);

  const period = await page.getByTestId('period-label').innerText();
  const review = await download(page, `Download the ${period} scorecard (CSV)`);
  const rows = review.text.slice(1).trim().split('\r\n');
  expect(rows[0]).toBe('Period,Level,KRA,KPI,Unit,Weight share (%),Value,Target,Score (%),Status');
  expect(rows.map((r) => r.split(',')[1])).toEqual(['Level', 'Overall', 'KRA', 'KPI']);
  expect(rows[3]).toContain("'=cmd|' /C calc'!A0");
});

test('the printed report shows every KRA and no controls', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  await app.kpiRow('Leads converted').getByRole('button', { name: 'Leads converted', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  const controls = page.locator('.kk-root').locator('button:not(.kk-kpi-name), input, select, textarea, summary');
  const visible = await controls.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  expect(visible).toBe(0);
  for (const kra of ['Achieve monthly revenue targets', 'Build client relationships']) {
    await expect(app.kra(kra)).toBeVisible();
    await expect(app.kra(kra).getByTestId('kpi-row')).toHaveCount(3);
  }
  await expect(page.getByText(/^Scorecard report, printed \d{1,2} \w+ \d{4}$/)).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Readings and chart' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/report.pdf', pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthLabel(offset: number): string {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + offset, 1);
  return `${MONTHS[m.getMonth()]} ${m.getFullYear()}`;
}

test('+ Reading puts the focus in the value, and each save moves on to the next period', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Add reading for Leads converted' }).click();
  const panel = app.panel();
  const value = panel.getByLabel('Value', { exact: true });
  await expect(value).toBeFocused();
  await expect(panel.getByText(`Counts for ${monthLabel(0)}`)).toBeVisible();
  // Typed straight in, Enter saves, and the form is ready for the next period to fill.
  await page.keyboard.type('42');
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText(`Recorded 42 leads for Leads converted in ${monthLabel(0)}.`);
  await expect(value).toBeFocused();
  await expect(value).toHaveValue('');
  await expect(panel.getByText(`Counts for ${monthLabel(-1)}`)).toBeVisible();
  await page.keyboard.type('40');
  await page.keyboard.press('Enter');
  await expect(app.toast()).toContainText(`in ${monthLabel(-1)}.`);
  await expect(panel.getByText(`Counts for ${monthLabel(-2)}`)).toBeVisible();
});

// The review's graphical analysis beyond the line charts: a sparkline in each KPI row and a
// heatmap of scores by KRA and period. A user reads both without colour (symbols, words and a
// text alternative), sees them follow an edit, and downloads the heatmap for a slide.
import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import { ScorecardPage } from './fixtures/scorecard_page';

const heatmap = (page: Page) => page.getByRole('region', { name: 'Scores by KRA and period' });

test('a KPI row draws its recent readings as a sparkline once it has two, and says them in words', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const row = app.kpiRow('Leads converted');
  await app.addReading('Leads converted', '40', { date: '2026-09-10' });
  await expect(row.getByTestId('kpi-value')).toBeVisible();
  // One reading is a value, not a trend.
  await expect(row.getByTestId('kpi-sparkline')).toHaveCount(0);
  await app.addReading('Leads converted', '45', { date: '2026-11-02' });
  const spark = row.getByRole('img');
  await expect(spark).toHaveAccessibleName('Last 3 periods, Sep 2026 to Nov 2026: 40, no reading, 45 leads. Target 50 leads.');
  // October has no reading, so the line breaks there rather than drawing through it.
  expect(await spark.locator('path.kk-spark-line').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+M[\d.]+ [\d.]+$/);
  // Filling the gap joins the line, and only this row's drawing changes.
  await app.addReading('Leads converted', '50', { date: '2026-10-05' });
  await expect(spark).toHaveAccessibleName('Last 3 periods, Sep 2026 to Nov 2026: 40, 50, 45 leads. Target 50 leads.');
  expect(await spark.locator('path.kk-spark-line').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  await expect(app.kpiRow('Monthly revenue').getByTestId('kpi-sparkline')).toHaveCount(0);
});

test('a range KPI\'s sparkline draws its band and names the range', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.addKra({ name: 'Stay healthy', weight: '100' });
  const card = app.kra('Stay healthy');
  await card.locator('details.kk-add > summary').click();
  const form = card.locator('details.kk-add > form');
  await form.getByLabel('KPI name').fill('Sleep');
  await form.getByLabel('Unit').fill('hours');
  await form.getByLabel('Direction').selectOption({ label: 'Keep within a range' });
  await form.getByLabel('Range minimum').fill('7');
  await form.getByLabel('Range maximum').fill('8');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await app.addReading('Sleep', '6.5', { date: '2026-10-10' });
  await app.addReading('Sleep', '7.5', { date: '2026-11-10' });
  const spark = app.kpiRow('Sleep').getByRole('img');
  await expect(spark).toHaveAccessibleName('Last 2 periods, Oct 2026 to Nov 2026: 6.5, 7.5 hours. Range 7–8 hours.');
  // A band per period, and no target line: a range's target number means nothing.
  expect((await spark.locator('path.kk-spark-band').getAttribute('d'))!.match(/Z/g)).toHaveLength(2);
  expect(await spark.locator('path.kk-spark-target').getAttribute('d')).toBe('');
});

test('the heatmap gives every KRA and period a cell with its status in a symbol, a word and the score', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const table = heatmap(page).getByRole('table');
  await expect(table.locator('tbody').getByRole('rowheader')).toHaveText(['Overall', 'Achieve monthly revenue targets', 'Build client relationships']);
  const headers = table.locator('thead').getByRole('columnheader');
  await expect(headers).toHaveCount(13);
  // The last column is the review period on screen, and its overall cell is the header's score.
  const period = await page.getByTestId('period-label').innerText();
  await expect(headers.last()).toContainText(period);
  const overall = (await page.getByTestId('overall').locator('.kk-score').innerText()).trim();
  const overallCells = table.locator('tbody tr').first().getByRole('cell');
  await expect(overallCells.last()).toHaveText(new RegExp(`^(✓|!|✕) ${overall.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (Green|Amber|Red)$`));
  for (const text of await table.locator('tbody td').allInnerTexts()) {
    expect(text.replace(/\s+/g, ' ').trim()).toMatch(/^((✓ [\d.]+ % Green)|(! [\d.]+ % Amber)|(✕ [\d.]+ % Red)|(— no score))$/);
  }
  // The colour follows the status word.
  const cell = overallCells.last();
  const word = (await cell.innerText()).match(/Green|Amber|Red/)![0].toLowerCase();
  await expect(cell).toHaveClass(new RegExp(`kk-status--${word}`));
  // A year of columns scrolls inside its own box on a 320 px phone (the page does not), opened
  // at the latest periods.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Seen as a user sees it, whichever way the box counts its scroll: the latest period's column
  // lies inside the box, the oldest one off to its left.
  const box = await heatmap(page).boundingBox();
  const latest = await headers.last().boundingBox();
  const oldest = await headers.nth(1).boundingBox();
  expect(box && latest && oldest).toBeTruthy();
  expect(latest!.x).toBeGreaterThanOrEqual(box!.x - 1);
  expect(latest!.x + latest!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  expect(oldest!.x + oldest!.width).toBeLessThanOrEqual(box!.x + 1);
});

test('on a 1280 px screen a year of the heatmap fits its box, with no scrollbar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  await expect(heatmap(page).getByRole('table').locator('thead').getByRole('columnheader')).toHaveCount(13);
  const { scroll, client } = await heatmap(page).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
});

test('the heatmap follows an edit and downloads as an SVG for a slide', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const table = heatmap(page).getByRole('table');
  await expect(heatmap(page)).toHaveCount(0);
  await app.addReading('Leads converted', '25', { date: '2026-10-05' });
  await expect(table.locator('tbody tr').first().getByRole('cell').first()).toHaveText(/^✕ 50 % Red$/);
  // The grid scrolls inside its own box on a phone; the page does not.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the scores by KRA and period as SVG' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^Sales executive scores by KRA and period \d{4}-\d{2}-\d{2}\.svg$/);
  const svg = fs.readFileSync((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<svg width="960" [^>]*><title>Sales executive: scores by KRA and period<\/title>/);
  expect(svg).toContain('✕ 50 %');
  expect(svg).toContain('Achieve monthly revenue targets');
});

test('KPIs against target: a bullet per KPI, its text alternative and its table agree', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  // Review October: a closed month, so the scores are final.
  await app.addReading('Leads converted', '40', { date: '2026-10-05' });
  while ((await page.getByTestId('period-label').innerText()) !== 'Oct 2026') {
    await page.getByRole('button', { name: 'Previous review period' }).click();
  }
  const section = page.locator('details.kk-bullets');
  await expect(section.locator(':scope > summary')).toHaveText('KPIs against target, Oct 2026');
  const chart = section.getByRole('img');
  const kpis = await page.getByTestId('kpi-row').count();
  await expect(chart).toHaveAccessibleName(`${kpis} KPIs in Oct 2026: 1 Amber, ${kpis - 1} with no reading. Each bar is a score against its target at 100 %, over that KPI's red, amber and green bands.`);
  await expect(chart.locator('svg text').filter({ hasText: '! 80 %' })).toHaveCount(1);
  await section.getByText('Chart data').click();
  const row = section.getByRole('region', { name: 'KPIs against target, as a table' }).getByRole('row').filter({ hasText: 'Leads converted' });
  await expect(row.getByRole('cell')).toHaveText(['Achieve monthly revenue targets', '40 leads', '50 leads', '80 % (Amber)', '80 % / 100 %']);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download KPIs against target, Oct 2026, as SVG' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^Sales executive KPIs against target Oct 2026 \d{4}-\d{2}-\d{2}\.svg$/);
});

// "Scores over time": the review's chart of the overall and per-KRA scores over the last review
// periods. A user sees it under the header, reads it as a table, finds its text at 12 px at the
// size it is shown (on a phone too), sees it follow an edit, folds it, and gets it in the
// printed report.
import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import { ScorecardPage } from './fixtures/scorecard_page';

async function openDemo(page: Page) {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  return app;
}

const section = (page: Page) => page.getByRole('region', { name: 'Scores over time', exact: true });

/// Every chart text's font size as the browser renders it, in CSS pixels.
async function renderedTextSizes(page: Page): Promise<number[]> {
  return section(page)
    .locator('svg')
    .evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
}

test('the review shows a year of overall and KRA scores, as a chart and as a table', async ({ page }) => {
  await openDemo(page);
  const chart = section(page).getByRole('img');
  await expect(chart).toHaveAccessibleName(/^Overall score from \w{3} \d{4} to \w{3} \d{4}: .*One line per KRA: Achieve monthly revenue targets, Build client relationships\.$/);
  await section(page).getByText('Chart data').click();
  const table = section(page).getByRole('region', { name: 'Scores over time, as a table' }).getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Period', 'Overall', 'Achieve monthly revenue targets', 'Build client relationships']);
  await expect(table.locator('tbody tr')).toHaveCount(12);
  // The table's last row is the review period on screen, with the header's overall score.
  const period = await page.getByTestId('period-label').innerText();
  const overall = (await page.getByTestId('overall').locator('.kk-score').innerText()).trim();
  await expect(table.locator('tbody tr').last().getByRole('rowheader')).toHaveText(period);
  await expect(table.locator('tbody tr').last().getByRole('cell').first()).toHaveText(new RegExp(`^${overall.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((Green|Amber|Red)\\)$`));
  const sizes = await renderedTextSizes(page);
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
});

test('on a 320 px phone the chart is drawn at its own width, so its text stays 12 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openDemo(page);
  const svg = section(page).locator('svg');
  await expect(svg).toBeVisible();
  const [drawn, shown] = await svg.evaluate((s) => [Number(s.getAttribute('width')), s.getBoundingClientRect().width]);
  expect(Math.abs(drawn - shown)).toBeLessThan(1);
  expect(shown).toBeLessThanOrEqual(320);
  expect(Math.min(...(await renderedTextSizes(page)))).toBeGreaterThanOrEqual(12);
  // Turning the phone redraws it at the new width.
  await page.setViewportSize({ width: 700, height: 400 });
  await expect.poll(() => svg.evaluate((s) => Number(s.getAttribute('width')))).toBeGreaterThan(drawn + 200);
});

test('an edit moves the chart, and Hide chart folds it from the keyboard', async ({ page }) => {
  const app = await openDemo(page);
  await section(page).getByText('Chart data').click();
  const lastRow = section(page).locator('tbody tr').last();
  const before = await lastRow.innerText();
  // The review period's leads fall from 57 to 5: its KRA and overall scores drop.
  await app.kpiRow('Leads converted').getByRole('button', { name: 'Leads converted', exact: true }).click();
  const period = await page.getByTestId('period-label').innerText();
  const panel = app.panel();
  await panel.getByRole('button', { name: `Edit reading ${period}` }).click();
  const form = panel.locator('form.kk-inline-form');
  await form.getByLabel('Value', { exact: true }).fill('5');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(lastRow).not.toHaveText(before);
  await expect(section(page).getByRole('img')).toHaveAccessibleName(/then \d+(\.\d+)? % \(\w+\) in/);

  const toggle = section(page).getByRole('button', { name: 'Hide chart of scores over time' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(section(page).getByRole('img')).toHaveCount(0);
  const show = section(page).getByRole('button', { name: 'Show chart of scores over time' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(section(page).getByRole('img')).toBeVisible();
});

test('the printed report has the chart, drawn for the page, and no chart controls', async ({ page }) => {
  await openDemo(page);
  // What the browser does on Print (or Ctrl+P): beforeprint, then the print stylesheet.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const svg = section(page).locator('svg');
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('width', '640');
  await expect(section(page).getByRole('button')).toBeHidden();
  await expect(section(page).getByText('Chart data')).toBeHidden();
  await expect(section(page).locator('figcaption')).toHaveText(/^Overall score from /);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/report-with-chart.pdf', pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // After printing, the chart goes back to the screen's width.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(() => svg.evaluate((s) => Number(s.getAttribute('width')))).not.toBe(640);
});

test('each chart downloads as an SVG file of its own, titled, at slide width, from a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const app = await openDemo(page);
  const download = async (button: ReturnType<Page['getByRole']>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
  };
  const overTime = await download(section(page).getByRole('button', { name: 'Download the scores over time chart as SVG' }));
  expect(overTime.name).toMatch(/^Sales executive \(demo\) scores over time \d{4}-\d{2}-\d{2}\.svg$/);
  expect(overTime.text).toMatch(/^<svg width="960" [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"><title>Sales executive \(demo\): scores over time\. Overall score from /);
  expect(overTime.text).not.toContain('aria-hidden');
  expect(overTime.text).toContain('Build client relationships');

  await app.kpiRow('Leads converted').locator('button.kk-kpi-name').click();
  const trend = await download(app.panel().getByRole('button', { name: 'Download the chart of Leads converted as SVG' }));
  expect(trend.name).toMatch(/^Sales executive \(demo\) Leads converted trend \d{4}-\d{2}-\d{2}\.svg$/);
  expect(trend.text).toMatch(/^<svg width="960" [^>]*><title>[^<]*Leads converted/);
});

test('a year of the heatmap downloads with every cell\'s score written, not only its symbol', async ({ page }) => {
  await openDemo(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the scores by KRA and period as SVG' }).click(),
  ]);
  const svg = fs.readFileSync((await file.path())!, 'utf8');
  // Overall and two KRAs over twelve months: 36 cells, each "✓ 97.04 %" or the like.
  expect(svg.match(/[✓!✕] \d+(\.\d+)? %/g)?.length).toBe(36);
  expect(Number(svg.match(/^<svg width="(\d+)"/)?.[1])).toBeGreaterThanOrEqual(960);
});

test('each chart downloads as a PNG image at twice its drawn size, under a strict CSP', async ({ page }) => {
  // index.html carries the strict policy (img-src 'self' data:): the image is drawn from a data: URL.
  const app = await openDemo(page);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const png = async (button: ReturnType<Page['getByRole']>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = fs.readFileSync((await file.path())!);
    // The PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { name: file.suggestedFilename(), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), size: bytes.length };
  };
  const overTime = await png(section(page).getByRole('button', { name: 'Download the scores over time chart as PNG' }));
  expect(overTime.name).toMatch(/^Sales executive \(demo\) scores over time \d{4}-\d{2}-\d{2}\.png$/);
  expect(overTime.width).toBe(1920);
  expect(overTime.height).toBeGreaterThan(400);
  // Not a blank image: a drawn chart compresses to far more than an empty canvas does.
  expect(overTime.size).toBeGreaterThan(20_000);

  await app.kpiRow('Leads converted').locator('button.kk-kpi-name').click();
  const trend = await png(app.panel().getByRole('button', { name: 'Download the chart of Leads converted as PNG' }));
  expect(trend.name).toMatch(/^Sales executive \(demo\) Leads converted trend \d{4}-\d{2}-\d{2}\.png$/);
  expect(trend.width).toBe(1920);
  expect(errors).toEqual([]);
});

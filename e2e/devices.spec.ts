// Every device: on a phone (or any widget too narrow for the side panel), a KPI's readings open
// right under the KPI that was tapped, take the focus, and give it back when closed; the
// stand-alone page has a theme setting of its own.
import { test, expect } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test.use({ viewport: { width: 390, height: 760 }, hasTouch: true });

test('tapping + Reading opens the form under that KPI, focused, and Close gives the focus back', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const row = app.kpiRow('Client retention rate');
  await page.getByRole('button', { name: 'Add reading for Client retention rate' }).tap();
  const panel = app.panel();
  await expect(panel.getByRole('heading', { name: 'Readings: Client retention rate' })).toBeVisible();
  // Right under the row, not a screen's height below the last KRA.
  const rowBox = (await row.boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  expect(panelBox.y - (rowBox.y + rowBox.height)).toBeGreaterThanOrEqual(0);
  expect(panelBox.y - (rowBox.y + rowBox.height)).toBeLessThan(40);
  await expect(panel.getByLabel('Value', { exact: true })).toBeFocused();
  await page.keyboard.type('91');
  await page.keyboard.press('Enter');
  await expect(row.getByTestId('kpi-value')).toHaveText('91 %');
  // Only one panel at a time, and none beside the KRAs.
  await expect(page.getByRole('complementary', { name: 'Readings and chart' })).toHaveCount(1);
  await panel.getByRole('button', { name: 'Close the readings of Client retention rate' }).tap();
  await expect(page.getByRole('complementary', { name: 'Readings and chart' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Client retention rate', exact: true })).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('on a wide screen the readings stay in the panel beside the KRAs, with no Close', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.kpiRow('Leads converted').getByRole('button', { name: 'Leads converted', exact: true }).click();
  const panel = app.panel();
  await expect(panel.getByRole('heading', { name: 'Readings: Leads converted' })).toBeVisible();
  const treeBox = (await page.getByRole('region', { name: 'KRAs and KPIs' }).boundingBox())!;
  expect((await panel.boundingBox())!.x).toBeGreaterThan(treeBox.x + treeBox.width - 1);
  await expect(panel.getByRole('button', { name: /^Close the readings/ })).toHaveCount(0);
});

test('the stand-alone page\'s theme setting overrides the device and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const app = new ScorecardPage(page);
  await app.open();
  const root = page.locator('#kra-kpi .kk-root');
  await expect(root).toHaveAttribute('data-theme', 'auto');
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const background = () => root.evaluate((el) => getComputedStyle(el).colorScheme);
  expect(await background()).toBe('dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('#kra-kpi .kk-root')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption({ label: 'Match this device' });
  await expect(root).toHaveAttribute('data-theme', 'auto');
});

test('at 320 px, names with nowhere to wrap (a German compound, a pasted address) do not widen the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Rename scorecard' }).click();
  await page.getByLabel('Scorecard name').fill('Quartalsleistungsbeurteilungsscorecard');
  await page.getByRole('button', { name: 'Save name' }).click();
  await app.addKra({ name: 'Kundenzufriedenheitsverbesserungsmaßnahmen', weight: '10' });
  await app.addKpi('Kundenzufriedenheitsverbesserungsmaßnahmen', {
    name: 'https://intranet.example.com/reports/q3/customer-satisfaction',
    target: '90',
  });
  await expect(app.kpiRow('https://intranet.example.com/reports/q3/customer-satisfaction')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quartalsleistungsbeurteilungsscorecard');
  const overflow = await page.evaluate(() => {
    const s = document.scrollingElement!;
    return s.scrollWidth - s.clientWidth;
  });
  expect(overflow).toBe(0);
  // The message about the new KPI keeps its buttons on screen.
  for (const button of await app.toast().getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
});

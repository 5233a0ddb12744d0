// Honest scoring on screen (issue 8, item 2, in part): a keep-within-range KPI shows its range,
// not a target of 0, averages its readings by default and charts the range as a band; a reading
// for a period that has not started is refused with the reason.
import { test, expect } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

function isoDay(offsetMonths: number, day = 15): string {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + offsetMonths, day);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}-${String(m.getDate()).padStart(2, '0')}`;
}

test('a range KPI shows "7–8 hours", averages by default and charts its band', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.addKra({ name: 'Stay healthy', weight: '100' });
  const card = app.kra('Stay healthy');
  await card.locator('details.kk-add > summary').click();
  const form = card.locator('details.kk-add > form');
  await form.getByLabel('KPI name').fill('Sleep');
  await form.getByLabel('Unit').fill('hours');
  const combine = form.getByLabel('Combine readings in a review period by');
  await expect(combine).toHaveValue('sum');
  await form.getByLabel('Direction').selectOption({ label: 'Keep within a range' });
  // A range is about the typical night, so the rule follows the direction.
  await expect(combine).toHaveValue('average');
  await form.getByLabel('Range minimum').fill('7');
  await form.getByLabel('Range maximum').fill('8');
  await form.getByLabel('KPI weight (%)').fill('100');
  await form.getByRole('button', { name: 'Add KPI' }).click();

  await app.addReading('Sleep', '7.5');
  const row = app.kpiRow('Sleep');
  await expect(row.getByTestId('kpi-target')).toHaveText('7–8 hours');
  await expect(row).toContainText('100 %');
  const chart = app.panel().getByRole('img');
  await expect(chart).toHaveAccessibleName(/latest 7\.5 hours against the range 7–8 hours\.$/);
  await expect(app.panel().locator('svg rect[fill="#B45309"]')).toHaveCount(2); // the band and its legend sample
  await expect(app.panel().getByText('Range', { exact: true })).toHaveCount(1);
  await app.panel().getByText('Chart data').click();
  await expect(app.panel().getByRole('table').locator('tbody td').last()).toHaveText('7–8 hours');
  await expect(page.locator('body')).not.toContainText('0 hours');
});

test('a reading for a month that has not started is refused, and nothing is saved', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const before = await app.savedText();
  await app.addReading('Leads converted', '40', { date: isoDay(1) });
  await expect(app.panel().getByRole('alert')).toContainText(/^\w{3} \d{4} has not started yet: a reading can be entered once the period has begun\.$/);
  await expect(app.panel().locator('.kk-readings li')).toHaveCount(0);
  expect(await app.savedText()).toBe(before);
  // Later this month is still this month's reading.
  await app.panel().getByLabel('Period (any date in it)').fill(isoDay(0, 1));
  await app.panel().getByRole('button', { name: 'Save reading' }).click();
  await expect(app.panel().locator('.kk-readings li')).toHaveCount(1);
});

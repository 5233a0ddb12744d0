// Issue 3 in the UI: review periods and cycles, conventions chosen in settings, per-KPI methods,
// weight warnings, pace and explanations — with numbers worked out by hand in the comments.
import { expect, test } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
});

async function openSettings(page: import('@playwright/test').Page) {
  const settings = page.locator('details.kk-settings');
  if ((await settings.getAttribute('open')) === null) await settings.locator(':scope > summary').click();
  return settings;
}

test('the period selector and review cycle change which readings are scored', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Leads converted', '40', { date: '2026-10-05' });
  await app.addReading('Leads converted', '45', { date: '2026-11-02' });
  const leads = app.kpiRow('Leads converted');

  await expect(page.getByTestId('period-label')).toHaveText('Nov 2026');
  await expect(leads.getByTestId('kpi-score')).toContainText('90 %'); // 45 ÷ 50
  await page.getByRole('button', { name: 'Previous review period' }).click();
  await expect(page.getByTestId('period-label')).toHaveText('Oct 2026');
  await expect(leads.getByTestId('kpi-value')).toHaveText('40 leads');
  await expect(leads.getByTestId('kpi-score')).toContainText('80 %'); // 40 ÷ 50, Amber from 80
  await expect(leads.getByTestId('kpi-score')).toContainText('Amber');
  await page.getByRole('button', { name: 'Back to current period' }).click();
  await expect(page.getByTestId('period-label')).toHaveText('Nov 2026');

  // Quarterly review, April fiscal year (the template's): Q3 FY2026-27 = Oct–Dec 2026.
  const settings = await openSettings(page);
  await settings.getByLabel('Review cycle').selectOption({ label: 'Quarterly' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('period-label')).toHaveText('Q3 FY2026-27');
  // Sum of readings 40 + 45 = 85; target 3 × 50 = 150 → 56.67 %, Red.
  await expect(leads.getByTestId('kpi-value')).toHaveText('85 leads');
  await expect(leads.getByTestId('kpi-target')).toHaveText('150 leads');
  await expect(leads.getByTestId('kpi-score')).toContainText('56.67 %');
  await expect(leads.getByTestId('kpi-score')).toContainText('Red');
  // Pace: 54 of 92 days have passed; 85 ÷ (54/92) = 144.81 → 96.54 % → Amber → behind.
  await expect(leads.getByTestId('kpi-score')).toContainText('Pace: behind');
  await leads.getByText('Explain').click();
  // Expected by now: 150 × 54/92 = 88.04.
  await expect(leads).toContainText(
    'Pace: 58.7 % of Q3 FY2026-27 has passed and 88.04 leads was expected by then; at this rate the period ends at 144.81 leads → 96.54 %: behind.',
  );

  // A January fiscal year makes the same quarter Q4 2026.
  await settings.getByLabel('Fiscal year starts in').selectOption({ label: 'January' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('period-label')).toHaveText('Q4 2026');
});

test('the lower-is-better convention is a setting, and the explanation shows the formula', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Average response time to client queries', '5');
  const row = app.kpiRow('Average response time to client queries');
  await expect(row.getByTestId('kpi-score')).toContainText('75 %'); // 1 − (5 − 4) ÷ 4
  await row.getByText('Explain').click();
  await expect(row).toContainText('Method: ratio to target. 1 − (5 − 4) ÷ |4| = 75 %');

  const settings = await openSettings(page);
  await settings.getByLabel('Lower-is-better ratio').selectOption({ label: 'T ÷ A (inverse)' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(row.getByTestId('kpi-score')).toContainText('80 %'); // 4 ÷ 5
  await expect(row).toContainText('4 ÷ 5 = 80 % (target ÷ actual, lower is better)');
});

test('a KPI can use threshold bands, and KRA weights that miss 100 % are flagged', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Edit KPI Client retention rate' }).click();
  const form = app.kra('Build client relationships').locator('tr.kk-edit-row form');
  await form.getByText('Scoring options').click();
  await form.getByLabel('Scoring method').selectOption({ label: 'threshold bands' });
  await form.getByLabel('Red flag (scores 50 %)').fill('70');
  await form.getByLabel('Goal (scores 100 %)').fill('90');
  await form.getByRole('button', { name: 'Save KPI' }).click();
  await app.addReading('Client retention rate', '80');
  const row = app.kpiRow('Client retention rate');
  // 100 + 50 × (80 − 90) ÷ (90 − 70) = 75 %; bands are amber from 50 %.
  await expect(row.getByTestId('kpi-score')).toContainText('75 %');
  await expect(row.getByTestId('kpi-score')).toContainText('Amber');

  await expect(app.overall()).not.toContainText('add up to');
  await page.getByRole('button', { name: 'Edit KRA Build client relationships' }).click();
  const kraForm = app.kra('Build client relationships').locator('form').first();
  await kraForm.getByLabel('KRA weight (%)').fill('30');
  await kraForm.getByRole('button', { name: 'Save KRA' }).click();
  await expect(app.overall()).toContainText('KRA weights add up to 90 %, not 100 %');

  // Marking a KPI N/A in this period's review leaves it out and says so.
  const review = page.getByTestId('review').locator('fieldset.kk-review-kra', { hasText: 'Build client relationships' });
  await review.getByText(/^KPIs not applicable in/).click();
  await review.getByLabel('Client retention rate is N/A').check();
  await expect(row.getByTestId('kpi-score')).toContainText('N/A');
  await expect(app.kra('Build client relationships').getByTestId('kra-score')).toContainText('No reading');
});

test('a per-period target plan: a ramp gives each month its own target', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Edit KPI Leads converted' }).click();
  const form = app.kra('Achieve monthly revenue targets').locator('tr.kk-edit-row form');
  await form.getByLabel('Target plan').selectOption({ label: 'A straight-line ramp' });
  await form.getByLabel('Target', { exact: true }).fill('40');
  await form.getByLabel('Ramp end target').fill('70');
  await form.getByLabel('Ramp periods').fill('4');
  await form.getByLabel('Plan starts (date)').fill('2026-09-01');
  await form.getByRole('button', { name: 'Save KPI' }).click();
  // Sep 40, Oct 50, Nov 60, Dec 70.
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-target')).toHaveText('60 leads');
  await page.getByRole('button', { name: 'Previous review period' }).click();
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-target')).toHaveText('50 leads');
});

test("the overall score's explanation names each KRA's part and follows new readings while open", async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Leads converted', '45'); // 45 ÷ 50 = 90 %
  const overall = page.getByTestId('overall');
  await overall.getByText('Explain').click();
  await expect(overall).toContainText('"Sales executive" scores 90 % for Nov 2026: the weighted mean of 1 scored KRA(s).');
  await expect(overall).toContainText('"Achieve monthly revenue targets": 90 % × weight 100 %');
  await expect(overall).toContainText('"Build client relationships": no score this period, left out');

  // 1 − (5 − 4) ÷ 4 = 75 %; overall 60 % × 90 + 40 % × 75 = 84 %.
  await app.addReading('Average response time to client queries', '5');
  await expect(overall).toContainText('"Sales executive" scores 84 % for Nov 2026: the weighted mean of 2 scored KRA(s).');
  await expect(overall).toContainText('"Achieve monthly revenue targets": 90 % × weight 60 %');
  await expect(overall).toContainText('"Build client relationships": 75 % × weight 40 %');
  await expect(overall).not.toContainText('left out');
});

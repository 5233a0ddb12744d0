// The template library: find a framework by word or department, preview it, create it, create a
// second one beside it, and find it all again after a reload.
import { expect, test } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test('a template is found, previewed and created, and a second one becomes a second scorecard', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  const library = page.locator('details.kk-templates');
  await library.locator(':scope > summary').click();
  const list = library.locator('.kk-template-list > li');
  // The library's code is fetched when the panel first opens (src/ui/lazy.rs): wait for it.
  await expect.poll(() => list.count()).toBeGreaterThanOrEqual(11);

  // Search by a word from inside the framework, then by department.
  await library.getByLabel('Search templates').fill('attrition');
  await expect(library.getByText('1 template.')).toBeVisible();
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('HR manager');
  await library.getByLabel('Search templates').fill('');
  await library.getByLabel('Department').selectOption('Operations');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('Operations manager');
  await library.getByLabel('Search templates').fill('no such thing');
  await expect(library.getByText('No template matches.')).toBeVisible();
  await library.getByLabel('Search templates').fill('');
  await library.getByLabel('Department').selectOption('');

  // Preview before anything changes.
  await library.getByRole('button', { name: 'Preview HR manager' }).click();
  const preview = library.getByRole('region', { name: 'Preview: HR manager' });
  await expect(preview).toBeFocused(); // on a phone the preview is far below the list
  await expect(preview.getByRole('heading', { name: /Improve employee retention \(40 %\)/ })).toBeVisible();
  await expect(preview).toContainText('Monthly attrition rate: target 1.5 % or less, measured monthly');
  await expect(app.kra('Improve employee retention')).toHaveCount(0);
  await preview.getByRole('button', { name: 'Create the "HR manager" scorecard' }).click();
  await expect(app.kra('Improve employee retention')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HR manager');

  // With a scorecard on screen, another template becomes a second scorecard; the first is kept.
  await library.getByRole('button', { name: 'Preview Customer support executive' }).click();
  const support = library.getByRole('region', { name: 'Preview: Customer support executive' });
  await expect(support).toContainText('It is added to your scorecards and opened; the one on screen is kept.');
  await support.getByRole('button', { name: 'Create the "Customer support executive" scorecard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer support executive');
  await expect(app.toast()).toContainText('Created a scorecard from the "Customer support executive" template.');
  const scorecards = await app.openScorecards();
  await scorecards.getByRole('button', { name: 'Open HR manager' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HR manager');

  await app.savedText();
  await page.reload();
  await expect(app.kra('Improve employee retention')).toBeVisible();
});

test('a range KPI is previewed by its band, not a bare target', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  const library = page.locator('details.kk-templates');
  await library.locator(':scope > summary').click();
  await library.getByRole('button', { name: 'Preview IT manager' }).click();
  await expect(library.getByRole('region', { name: 'Preview: IT manager' })).toContainText('keep within 99.5–100 %');
});

test('the demo opens on its last complete month with a full chart for every KPI', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  await expect(app.toast()).toContainText('Loaded the demo: 12 months of readings.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive (demo)');
  await expect(page.getByTestId('period-label')).not.toHaveText('');
  await expect(app.overall()).toContainText('%');
  const names = ['Revenue in the month', 'Leads converted', 'Average deal size', 'Client retention rate',
    'Average response time to client queries', 'Client meetings held'];
  for (const name of names) {
    await app.kpiRow(name).getByRole('button', { name, exact: true }).click();
    const svg = app.panel().locator('.kk-chart-svg svg');
    await expect(svg).toBeVisible();
    // Eleven or twelve monthly readings, plus the legend's sample dot.
    expect(await svg.locator('circle').count(), name).toBeGreaterThanOrEqual(12);
    await expect(app.kpiRow(name).getByTestId('kpi-score')).toContainText('%');
  }
  // The month that was not logged is shown as a gap, not as zero.
  await app.panel().getByText('Chart data').click();
  await expect(app.panel().locator('details tbody tr').filter({ hasText: 'no reading' })).toHaveCount(1);
});

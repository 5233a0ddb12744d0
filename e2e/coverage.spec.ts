// Coverage and periods in progress (issue 8, item 2, in part): the headline says how many KPIs
// its score stands on, flags a score resting on a minority of the weight, and does not present
// the unfinished current period as a final result.
import { test, expect } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test('the headline says what it stands on, and the month in progress is "so far"', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const coverage = page.getByTestId('coverage');
  await expect(coverage).toHaveText(/^0 of (\d+) KPIs reported · \w+ \d{4} is in progress \(day \d+ of (28|29|30|31)\): scores so far, not final$/);
  const due = Number((await coverage.textContent())!.match(/^0 of (\d+)/)![1]);
  expect(due).toBeGreaterThan(2);
  await expect(app.overall()).toContainText('Overall score so far:');
  await expect(page.getByTestId('minority')).toHaveCount(0);

  // One good reading: a full score, on a minority of the weight, and flagged as such.
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await app.addReading('Leads converted', '1000', { date: today });
  await expect(coverage).toHaveText(new RegExp(`^1 of ${due} KPIs reported · `));
  const flag = page.getByTestId('minority');
  await expect(flag).toHaveText(/^⚠ This score rests on \d+(\.\d+)? % of the scorecard's weight: it may change a lot as the other readings come in\.$/);
  await expect(flag).toHaveAttribute('role', 'note');
  const kra = app.kra('Achieve monthly revenue targets');
  await expect(kra.getByTestId('kra-coverage')).toHaveText(/^1 of \d+ KPIs reported$/);

  // A past month is a result, not "so far".
  await page.getByRole('button', { name: 'Previous review period' }).click();
  await expect(app.overall()).toContainText('Overall score:');
  await expect(app.overall()).not.toContainText('so far');
  await expect(coverage).toHaveText(/^0 of \d+ KPIs reported$/);
  await expect(flag).toHaveCount(0);
});

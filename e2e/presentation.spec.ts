// Presentation mode: the review period full screen and read-only, one slide per KRA, moved
// through from the keyboard, with the focus back on the button that opened it.
import { expect, test } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test('the review is presented slide by slide from the keyboard, read-only, and Esc ends it', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const period = await page.getByTestId('period-label').innerText();
  const overall = await page.getByTestId('overall').locator('.kk-status').first().innerText();
  const kraScores = await page.getByTestId('kra-score').locator('.kk-status').allTextContents(); // not innerText: a card far off screen skips layout (content-visibility) and has none

  await page.locator('details.kk-transfer > summary').click();
  const open = page.getByRole('button', { name: `Present the ${period} review` });
  await open.click();
  const show = page.getByRole('dialog', { name: `Presentation of Sales executive (demo), ${period}` });
  await expect(show).toBeVisible();
  await expect(show).toBeFocused();
  await expect(show).toContainText('Slide 1 of 4');
  await expect(show.getByRole('heading', { name: 'Overall score' })).toBeVisible();
  await expect(show.locator('.kk-present-big .kk-status')).toHaveText(overall);
  // The demo opens on its last complete month: a result, with what it stands on.
  await expect(show.getByTestId('present-coverage')).toHaveText(/^\d+ of \d+ KPIs reported$/);
  // Read-only: nothing on it edits.
  await expect(show.getByRole('textbox')).toHaveCount(0);
  await expect(show.getByRole('button', { name: /Delete|Edit|Reading/ })).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(show).toContainText('Slide 2 of 4');
  await expect(show.getByRole('heading', { level: 2 })).toHaveText('Achieve monthly revenue targets');
  await expect(show.locator('.kk-present-big .kk-status')).toHaveText(kraScores[0]);
  await expect(show.getByRole('row')).toHaveCount(4);
  await expect(show.getByRole('rowheader', { name: 'Leads converted' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(show).toContainText('Slide 3 of 4');
  await expect(show.locator('.kk-present-big .kk-status')).toHaveText(kraScores[1]);
  // The last slide: the scores by KRA and period, each cell in words and a symbol.
  await page.keyboard.press('End');
  await expect(show).toContainText('Slide 4 of 4');
  const heat = show.getByRole('region', { name: 'Scores by KRA and period' }).getByRole('table');
  await expect(heat.locator('tbody').getByRole('rowheader')).toHaveText(['Overall', 'Achieve monthly revenue targets', 'Build client relationships']);
  await expect(heat.locator('thead').getByRole('columnheader')).toHaveCount(7); // the KRA column and half a year
  await expect(heat.locator('thead').getByRole('columnheader').last()).toContainText(period);
  await expect(show.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(show).toContainText('Slide 1 of 4');
  // The overview's KRA names go to their slide.
  await show.getByRole('button', { name: 'Build client relationships' }).click();
  await expect(show).toContainText('Slide 3 of 4');

  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(open).toBeFocused();
});

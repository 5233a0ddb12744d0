// Every control has an accessible name, everything works from the keyboard, and status is never
// colour alone.
import { expect, test } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

test('every button, input and select has an accessible name', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Add reading for Leads converted' }).click();
  // Open every disclosure so hidden forms are checked too.
  for (const summary of await page.locator('details > summary').all()) await summary.click();
  const unnamed = await page.evaluate(() => {
    // The widget lives in the shadow root of its host element.
    const root = document.querySelector('#kra-kpi')!.shadowRoot!;
    const controls = Array.from(root.querySelectorAll('button, input, select'));
    return controls
      .filter((el) => {
        const label = el.closest('label')?.textContent?.trim();
        const aria = el.getAttribute('aria-label')?.trim();
        const text = el.tagName === 'BUTTON' ? el.textContent?.trim() : '';
        return !label && !aria && !text;
      })
      .map((el) => el.outerHTML.slice(0, 120));
  });
  expect(unnamed).toEqual([]);
});

test('a reading can be entered and explained with the keyboard alone', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load the Sales executive template' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add reading for Leads converted' }).focus();
  await page.keyboard.press('Enter');
  await app.panel().getByLabel('Value', { exact: true }).focus();
  await page.keyboard.type('42');
  await page.keyboard.press('Enter'); // submits the form
  const leads = app.kpiRow('Leads converted');
  await expect(leads.getByTestId('kpi-score')).toContainText('84 %');

  const explain = leads.locator('details.kk-explain > summary');
  await explain.focus();
  await page.keyboard.press('Enter');
  await expect(leads).toContainText('Method: ratio to target. 42 ÷ 50 = 84 %');
});

test('status is shown in words and symbols, not colour alone', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await app.addReading('Leads converted', '30');
  await app.addReading('Average deal size', '25000');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-score')).toContainText('✕ Red');
  await expect(app.kpiRow('Average deal size').getByTestId('kpi-score')).toContainText('✓ Green');
  await expect(app.kpiRow('Revenue in the month').getByTestId('kpi-score')).toContainText('○ No reading');
});

test('a skip link takes the keyboard past the header and panels to the KRAs', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.reload();
  await expect(app.kra('Achieve monthly revenue targets')).toBeVisible();
  const skip = page.getByRole('button', { name: 'Skip to the KRAs and KPIs' });
  // Out of sight until focused, and the first thing the keyboard reaches.
  expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(100);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'KRAs and KPIs' })).toBeFocused();
  // The next Tab is inside the first KRA, not back in the header.
  await page.keyboard.press('Tab');
  const focused = page.locator('article.kk-kra').first().locator(':focus');
  await expect(focused).toHaveCount(1);
});

// The review of a period (issue 8, item 1): who reviewed, a rating and comment per KRA, N/A
// marks and an overall comment belong to one review period; closing keeps the scores and makes
// the period read-only until reopened.
import { test, expect, type Page } from '@playwright/test';
import { largeSave, ScorecardPage, STORAGE_KEY } from './fixtures/scorecard_page';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

test('a review belongs to its period, is saved, closes read-only and reopens', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Previous review period' }).click();
  const review = page.getByTestId('review');
  const heading = review.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^Review of \w+ \d{4}$/);
  const month = (await heading.textContent())!.replace('Review of ', '');
  await expect(review.getByTestId('review-state')).toHaveText('Open · not closed yet');
  await expect(review).toContainText("they do not change scores while the rating share in Scoring settings is 0 %");

  await review.getByLabel('Reviewed by').fill('Priya Shah');
  await review.getByLabel('Reviewed by').press('Tab');
  const rating = review.getByLabel(`Rating of Achieve monthly revenue targets for ${month}`);
  await rating.selectOption('4');
  // The employee's own rating sits beside the reviewer's (it never changes a score: host tests).
  await review.getByLabel(`Self-assessment of Achieve monthly revenue targets for ${month}`).selectOption('5');
  const comment = review.getByLabel(`Comment on Achieve monthly revenue targets for ${month}`);
  await comment.fill(HOSTILE);
  await comment.press('Tab');
  await review.getByLabel(`Overall comment for ${month}`).fill('A steady month.');
  await review.getByLabel(`Overall comment for ${month}`).press('Tab');
  await expect(app.kra('Achieve monthly revenue targets')).toContainText(`Rated 4 of 5 for ${month} · Self-assessed 5 of 5`);

  const saved = await app.savedJson();
  expect(saved.schema).toBe(4);
  expect(saved.framework.reviews).toHaveLength(1);
  expect(saved.framework.reviews[0]).toMatchObject({ reviewer: 'Priya Shah', comment: 'A steady month.' });
  expect(saved.framework.reviews[0].kras[0]).toMatchObject({ rating: 4, self: 5, comment: HOSTILE });

  // Kept as text, never markup; and kept across a reload.
  await page.reload();
  await page.getByRole('button', { name: 'Previous review period' }).click();
  await expect(review.getByLabel(`Comment on Achieve monthly revenue targets for ${month}`)).toHaveValue(HOSTILE);
  await expect(review.getByLabel(`Rating of Achieve monthly revenue targets for ${month}`)).toHaveValue('4');
  await expect(review.getByLabel(`Self-assessment of Achieve monthly revenue targets for ${month}`)).toHaveValue('5');
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

  // The month in progress has its own, empty review, which cannot be closed yet.
  await page.getByRole('button', { name: 'Next review period' }).click();
  await expect(review.getByRole('combobox', { name: /^Rating of Achieve monthly revenue targets/ })).toHaveValue('');
  await expect(review.getByTestId('review-state')).toHaveText('Open · the period is still in progress');
  await expect(review.getByRole('button', { name: 'Close review' })).toHaveCount(0);
  await expect(review).toContainText(/The review can be closed from 1 \w+ \d{4}, when \w+ \d{4} is over\./);

  // Closing the past month: its record, read-only fields, and refused readings.
  await page.getByRole('button', { name: 'Previous review period' }).click();
  const d = new Date();
  const lastMonth = new Date(d.getFullYear(), d.getMonth() - 1, 10);
  const day = `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}-10`;
  await app.addReading('Leads converted', '40', { date: day });
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-score')).toContainText('80 %');
  await review.getByRole('button', { name: 'Close review' }).click();
  await expect(review.getByTestId('review-state')).toHaveText(/^✓ Closed on \d{1,2} \w+ \d{4} by Priya Shah · overall score when closed: \d+(\.\d+)? %$/);
  await expect(review.getByLabel('Reviewed by')).toBeDisabled();
  // Scores over time keeps the closed review's scores as the record, and says so in its table.
  await page.locator('.kk-over-time').getByText('Chart data', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Scores over time, as a table' })).toContainText(`${month} (closed review)`);
  await expect(review.getByLabel(`Rating of Achieve monthly revenue targets for ${month}`)).toBeDisabled();
  await app.addReading('Average deal size', '30000', { date: day });
  await expect(app.panel().getByRole('alert')).toHaveText(
    `The review of ${month} is closed, so ${month} cannot be changed. Reopen the review to change it.`,
  );
  expect((await app.savedJson()).framework.reviews[0].closed).toMatchObject({ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

  // Reopened, it can change again; Undo closes it again.
  await review.getByRole('button', { name: 'Reopen review' }).click();
  await expect(review.getByTestId('review-state')).toHaveText('Open · not closed yet');
  await expect(review.getByLabel('Reviewed by')).toBeEnabled();
  await app.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(review.getByTestId('review-state')).toHaveText(/^✓ Closed on /);
});

test('with a rating share, the period\'s rating moves its KRA score, and only in that period', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByText('Scoring settings', { exact: true }).click();
  await page.getByLabel('Rating share of KRA score (%)').fill('50');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Previous review period' }).click();
  const review = page.getByTestId('review');
  await expect(review).toContainText('Ratings (1 to 5) make up 50 % of each rated KRA\'s score for this period.');
  const kra = app.kra('Build client relationships');
  await expect(kra.getByTestId('kra-score')).toContainText('No reading');
  await review.getByRole('combobox', { name: /^Rating of Build client relationships/ }).selectOption('3');
  // No KPI readings: the rating alone, 3 of 5 = 60 %.
  await expect(kra.getByTestId('kra-score')).toContainText('60 %');
  await page.getByRole('button', { name: 'Next review period' }).click();
  await expect(kra.getByTestId('kra-score')).toContainText('No reading');
});

test('readings missing for past months are listed, each one click from its form', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const reminders = page.getByTestId('reminders');
  await expect(reminders).toHaveCount(0); // a new scorecard is not told it missed anything
  const d = new Date();
  const iso = (y: number, m: number, day: number) => {
    const t = new Date(y, m, day);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  };
  await app.addReading('Leads converted', '42', { date: iso(d.getFullYear(), d.getMonth() - 2, 5) });
  const first = reminders.locator('details').first();
  await expect(first.locator('summary')).toHaveText(/^⚠ \d+ readings missing for \w+ \d{4}$/);
  const summary = (await first.locator('summary').textContent())!;
  const [, count, month] = summary.match(/(\d+) readings missing for (\w+ \d{4})/)!;
  await expect(first).toHaveAttribute('open', '');
  await expect(first.getByRole('button', { name: `Enter the ${month} reading of Leads converted` })).toBeVisible();
  await expect(reminders.locator('details')).toHaveCount(2);

  await first.getByRole('button', { name: `Enter the ${month} reading of Leads converted` }).click();
  const panel = app.panel();
  await expect(panel.getByRole('heading', { name: 'Readings: Leads converted' })).toBeVisible();
  await expect(panel.getByLabel('Period (any date in it)')).toHaveValue(iso(d.getFullYear(), d.getMonth() - 1, 1));
  await expect(panel.getByLabel('Value', { exact: true })).toBeFocused();
  await expect(page.getByTestId('review').getByRole('heading', { level: 2 })).toHaveText(`Review of ${month}`);
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await expect(first.locator('summary')).toHaveText(`⚠ ${Number(count) - 1} readings missing for ${month}`);
  await expect(first.getByRole('button', { name: `Enter the ${month} reading of Leads converted` })).toHaveCount(0);
});

test('this period against the previous one: biggest movers first, direction in words', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const panel = page.locator('details.kk-movers');
  // A new scorecard: one line says there is nothing to compare yet, and no tables of "no score".
  await expect(panel.getByTestId('movers-overall')).toHaveText(/^Overall: no score yet for \w+ \d{4} or \w+ \d{4}\.$/);
  await expect(panel.getByTestId('movers-kpis')).toHaveCount(0);
  const d = new Date();
  const day = (offset: number) => {
    const t = new Date(d.getFullYear(), d.getMonth() + offset, 1);
    return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-01`;
  };
  await app.addReading('Leads converted', '40', { date: day(-1) }); // 80 %
  await app.addReading('Leads converted', '45', { date: day(0) }); // 90 %
  await app.addReading('Client retention rate', '45', { date: day(-1) });
  await expect(panel.locator('summary')).toHaveText(/^Compared with \w+ \d{4}$/);
  const kpis = panel.getByTestId('movers-kpis');
  const first = kpis.locator('tbody tr').first();
  await expect(first.locator('th')).toContainText('Leads converted');
  await expect(first.locator('td').nth(0)).toHaveText('80 %');
  await expect(first.locator('td').nth(1)).toHaveText('90 %');
  await expect(first.locator('td').nth(2)).toHaveText('▲ up 10 points');
  await expect(kpis.locator('tbody tr', { hasText: 'Client retention rate' }).locator('td').nth(2)).toHaveText('no score now');
  await expect(panel.getByTestId('movers-overall')).toContainText(/^Overall: .* for \w+ \d{4}, against .* for \w+ \d{4}: /);
  // The KPI list shows the top movers and offers the rest.
  await expect(kpis.locator('tbody tr')).toHaveCount(6);
});

test('a large scorecard opens with the KRAs’ review fields folded; opened, they work and they print', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.seed({ [STORAGE_KEY]: largeSave() });
  await app.open();
  await expect(page.getByRole('article')).toHaveCount(8);
  await expect(app.kra('Result area 3').getByRole('button', { name: 'Show 10 KPIs of Result area 3' })).toBeVisible();
  const review = page.getByTestId('review');
  const month = (await review.getByRole('heading', { level: 2 }).textContent())!.replace('Review of ', '');
  const fold = review.locator('details.kk-review-kras > summary');
  await expect(fold).toHaveText('Ratings and comments for 8 KRAs');
  // Not built until asked for: no fields of any KRA in the page.
  await expect(review.getByRole('combobox', { name: /^Rating of/ })).toHaveCount(0);

  await fold.focus();
  await page.keyboard.press('Enter');
  await expect(review.getByRole('combobox', { name: /^Rating of/ })).toHaveCount(8);
  await review.getByLabel(`Rating of Result area 3 for ${month}`).selectOption('4');
  await expect(app.kra('Result area 3')).toContainText(`Rated 4 of 5 for ${month}`);
  await expect.poll(async () => (await app.savedJson()).framework.reviews?.[0]?.kras?.[0]?.rating).toBe(4);

  // Folding again keeps what was entered; printing shows every KRA's fields, without the fold.
  await fold.click();
  await expect(review.getByLabel(`Rating of Result area 3 for ${month}`)).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(review.getByLabel(`Rating of Result area 3 for ${month}`)).toBeVisible();
  await expect(review.getByLabel(`Rating of Result area 3 for ${month}`)).toHaveValue('4');
  await expect(fold).toBeHidden();
});

/** Records, as `window.firstKraCount`, how many KRA cards exist when the first one appears (the
 * widget renders in a shadow root, which a document observer does not see). */
async function countFirstKras(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { firstKraCount?: number };
    const observer = new MutationObserver(() => {
      const count = document.getElementById('kra-kpi')?.shadowRoot?.querySelectorAll('article.kk-kra').length ?? 0;
      if (count > 0 && w.firstKraCount === undefined) w.firstKraCount = count;
    });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      observer.observe(root, { childList: true, subtree: true });
      return root;
    };
  });
}

const firstKraCount = (page: Page) => page.evaluate(() => (window as unknown as { firstKraCount?: number }).firstKraCount);

test('a large scorecard shows its first screen of KRAs at once, then every KRA in order and the review', async ({ page }) => {
  const app = new ScorecardPage(page);
  await countFirstKras(page);
  await app.seed({ [STORAGE_KEY]: largeSave(30, 3) });
  await app.open();
  await expect(page.getByRole('article')).toHaveCount(30);
  const names = await page.getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')));
  expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `Result area ${i + 1}`));
  expect(await firstKraCount(page)).toBe(12);
  await expect(page.getByTestId('review').locator('details.kk-review-kras > summary')).toHaveText('Ratings and comments for 30 KRAs');
});

test('a scorecard of at most 60 KPIs shows every KRA at once', async ({ page }) => {
  const app = new ScorecardPage(page);
  await countFirstKras(page);
  await app.seed({ [STORAGE_KEY]: largeSave(20, 3) });
  await app.open();
  await expect(page.getByRole('article')).toHaveCount(20);
  expect(await firstKraCount(page)).toBe(20);
});

// axe-core over the main screens, in the light and the dark theme: no serious or critical
// violation (contrast included: axe measures every text's colours against WCAG AA).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).include('#kra-kpi').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n  ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the start screen', async ({ page }) => {
      await new ScorecardPage(page).open();
      expect(await violations(page)).toEqual([]);
    });

    test('the demo scorecard with a KPI open and every disclosure open', async ({ page }) => {
      const app = new ScorecardPage(page);
      await app.open();
      await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
      await page.locator('[data-testid=kpi-row]').first().getByRole('button').first().click();
      // Panels fetch their code when first opened (src/ui/lazy.rs) and may hold disclosures of
      // their own: open, wait until nothing is loading, and again until none is left closed.
      // (Element handles: a locator's nth match shifts as each one opens.)
      for (let pass = 0; pass < 4; pass++) {
        const closed = [];
        for (const summary of await page.locator('details:not([open]) > summary').elementHandles()) {
          if (await summary.isVisible()) closed.push(summary);
        }
        if (closed.length === 0) break;
        for (const summary of closed) await summary.click();
        await expect(page.getByText('Loading…')).toHaveCount(0);
      }
      expect(await violations(page)).toEqual([]);
    });

    test('the presentation of the review', async ({ page }) => {
      const app = new ScorecardPage(page);
      await app.open();
      await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
      await page.locator('details.kk-transfer > summary').click();
      await page.getByRole('button', { name: /^Present the .* review$/ }).click();
      await expect(page.getByRole('dialog', { name: /^Presentation of / })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('a phone-width screen with a form showing its error', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const app = new ScorecardPage(page);
      await app.open();
      await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
      const add = page.locator('details.kk-add > summary').first();
      await add.click();
      const form = page.locator('details.kk-add[open] form');
      await form.getByRole('button', { name: 'Add KPI' }).click();
      await expect(form.getByRole('alert')).not.toBeEmpty();
      expect(await violations(page)).toEqual([]);
    });
  });
}

// Issue 9: panels that start closed are separate WebAssembly files, fetched when first opened
// (src/ui/lazy.rs, scripts/post_build.sh). A visit downloads only what shows the scorecard; a
// panel whose file cannot be fetched says so, and works once it can be.
import { expect, test, type Page } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

const PIECE = /\/(split|chunk)_\w+\.wasm$/;

/** Every split piece the page fetches from now on, by file name. */
function piecesFetched(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (PIECE.test(path)) seen.push(path.split('/').pop()!);
  });
  return seen;
}

test('a visit fetches no panel code until a panel opens; then only that panel\'s', async ({ page }) => {
  const fetched = piecesFetched(page);
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  await expect(page.getByRole('heading', { name: 'Sales executive', level: 1 })).toBeVisible();
  // The scorecard, its charts and its review are all on screen, and nothing was fetched for them.
  await expect(page.locator('details.kk-bullets')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);

  await page.locator('summary', { hasText: 'Scoring settings' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched).toContain('split_panels.wasm');
  expect(fetched).not.toContain('split_presenting.wasm');

  // A second panel from the same file needs nothing more of its own; the export panel fetches
  // the presentation's code, for its "Present" button, and nothing else.
  const before = fetched.length;
  await page.locator('summary', { hasText: 'Export and import' }).click();
  await expect(page.getByRole('button', { name: 'Download the scorecard (JSON)' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.slice(before)).toEqual(['split_presenting.wasm']);
});

test('a panel whose code cannot be fetched says so, and "Try again" opens it once it can', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await expect(page.getByRole('heading', { name: 'Sales executive', level: 1 })).toBeVisible();

  await page.route(PIECE, (route) => route.abort('internetdisconnected'));
  await page.locator('summary', { hasText: 'Scoring settings' }).click();
  const settings = page.locator('details.kk-settings');
  const alert = settings.getByRole('alert');
  await expect(alert).toContainText('This part of the scorecard could not be loaded. Check the connection, then try again.');
  // The rest of the scorecard is unaffected, and nothing the user made is lost.
  await expect(app.kra('Achieve monthly revenue targets')).toBeVisible();

  await page.unroute(PIECE);
  await alert.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(settings.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await expect(settings.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
  // "Try again" had the focus and is gone: the focus moves to the settings' first control,
  // not to the page.
  await expect(settings.locator('form.kk-settings-form').locator('input, select, textarea, button').first()).toBeFocused();
});

test('"Present" whose code cannot be fetched says so in a toast and opens nothing; then it opens', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  const presenting = /\/split_presenting\.wasm$/;
  await page.route(presenting, (route) => route.abort('internetdisconnected'));
  await page.locator('details.kk-transfer > summary').click();
  const present = page.getByRole('button', { name: /^Present the .* review$/ });
  await present.click();
  await expect(page.getByRole('status').filter({ hasText: 'The presentation could not be loaded. Check the connection, then try again.' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Loading…')).toHaveCount(0);

  await page.unroute(presenting);
  await present.click();
  const show = page.getByRole('dialog', { name: /^Presentation of Sales executive/ });
  await expect(show).toBeVisible();
  await expect(show).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(show).toHaveCount(0);
  await expect(present).toBeFocused();
});

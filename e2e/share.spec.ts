// Read-only share links: the scorecard travels in the URL fragment; opened in a fresh profile
// it shows read-only and leaves that profile's storage empty; "Import a copy" keeps it; a
// truncated or changed link shows why it cannot be opened, never a broken page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

async function makeLink(page: Page, onlyPeriod = false): Promise<{ url: string; status: string }> {
  const panel = page.locator('details.kk-transfer');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator(':scope > summary').click();
  const share = panel.getByRole('region', { name: 'Share a read-only link' });
  const box = share.getByRole('checkbox', { name: /^Only the .* review/ });
  if (onlyPeriod) await box.check(); else await box.uncheck();
  await share.getByRole('button', { name: 'Make a read-only link' }).click();
  const link = share.getByRole('textbox', { name: 'Read-only link' });
  await expect(link).toHaveValue(/#share=1\./);
  return { url: await link.inputValue(), status: await share.locator('.kk-share-status').innerText() };
}

async function fresh(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

test('a share link opens read-only in a fresh profile, saves nothing, and can be imported as a copy', async ({ page, browser }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const period = await page.getByTestId('period-label').innerText();
  const scores = await page.getByTestId('kra-score').locator('.kk-status').allInnerTexts();
  const overall = await app.overall().locator('.kk-status').first().innerText();

  const whole = await makeLink(page);
  expect(whole.status).toMatch(/^The link is \d+ characters long: it works in every browser and chat app\.$/);
  const short = await makeLink(page, true);
  expect(short.url.length).toBeLessThan(whole.url.length);

  const viewer = await fresh(browser);
  await viewer.page.goto(whole.url);
  const banner = viewer.page.getByRole('region', { name: 'Shared snapshot' });
  await expect(banner).toContainText(/Shared snapshot of "Sales executive \(demo\)", taken \d{1,2} \w+ \d{4}\./);
  await expect(viewer.page.getByTestId('period-label')).toHaveText(period);
  await expect(viewer.page.getByTestId('overall').locator('.kk-status').first()).toHaveText(overall);
  expect(await viewer.page.getByTestId('kra-score').locator('.kk-status').allInnerTexts()).toEqual(scores);
  // Read-only, and nothing written to this profile's storage.
  await expect(viewer.page.getByRole('button', { name: /^Add reading for/ })).toHaveCount(0);
  await expect(viewer.page.getByText('Add a KRA')).toHaveCount(0);
  expect(await viewer.page.evaluate(() => localStorage.length)).toBe(0);

  await banner.getByRole('button', { name: 'Import a copy' }).click();
  await expect(viewer.page).toHaveURL(/index\.html$|\/$/);
  await expect(viewer.page.getByRole('heading', { level: 1 })).toHaveText('Sales executive (demo)');
  await expect(viewer.page.getByRole('region', { name: 'Shared snapshot' })).toHaveCount(0);
  expect((await new ScorecardPage(viewer.page).savedList()).listed).toEqual(['Sales executive (demo)']);
  expect(viewer.errors).toEqual([]);
  await viewer.context.close();

  // The period-only link opens the same review period with the same scores.
  const second = await fresh(browser);
  await second.page.goto(short.url);
  await expect(second.page.getByTestId('period-label')).toHaveText(period);
  await expect(second.page.getByTestId('overall').locator('.kk-status').first()).toHaveText(overall);
  await second.context.close();
});

test('a truncated or changed share link shows why it cannot be opened and touches nothing', async ({ page, browser }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const { url } = await makeLink(page);
  const hashAt = url.indexOf('#share=1.') + 9;
  const middle = hashAt + Math.floor((url.length - hashAt) / 2);
  const changed = url.slice(0, middle) + (url[middle] === 'A' ? 'B' : 'A') + url.slice(middle + 1);
  const cases = [url.slice(0, url.length - 40), url.slice(0, hashAt + 1), changed, url.replace('#share=1.', '#share=9.'), url.slice(0, middle) + '%%' + url.slice(middle)];
  for (const bad of cases) {
    const viewer = await fresh(browser);
    // This profile has a scorecard of its own, which must stay as it is.
    await viewer.page.goto(url.slice(0, url.indexOf('#')));
    await viewer.page.getByRole('button', { name: 'Load the Sales executive template' }).click();
    const before = await new ScorecardPage(viewer.page).savedText();
    await viewer.page.goto('about:blank');
    await viewer.page.goto(bad);
    const alert = viewer.page.getByRole('alert').filter({ hasText: 'This share link cannot be opened' });
    await expect(alert).toContainText(/cannot be opened: .+\. Your own scorecard on this device is untouched\./);
    await expect(viewer.page.getByRole('link', { name: 'Open my own scorecard' })).toBeVisible();
    // No empty stand-in scorecard under the message, which would look like the viewer's own, lost.
    await expect(viewer.page.getByRole('heading', { level: 1 })).toHaveCount(0);
    expect(await new ScorecardPage(viewer.page).savedText()).toBe(before);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  }
});

test('a share link pasted into the address bar of an open page shows the snapshot; going back shows my own scorecard', async ({ page }) => {
  const app = new ScorecardPage(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const { url } = await makeLink(page, true);
  const mine = await page.getByRole('heading', { level: 1 }).innerText();
  const saved = await app.savedText();

  await page.evaluate((hash) => { location.hash = hash; }, url.slice(url.indexOf('#')));
  const banner = page.getByRole('region', { name: 'Shared snapshot' });
  await expect(banner).toContainText('Shared snapshot of "Sales executive (demo)"');
  await expect(page.getByRole('button', { name: /^Add reading for/ })).toHaveCount(0);
  expect(await app.savedText()).toBe(saved);

  await page.goBack();
  await expect(page.getByRole('region', { name: 'Shared snapshot' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(mine);
  await expect(page.getByRole('button', { name: /^Add reading for/ }).first()).toBeVisible();
  expect(await app.savedText()).toBe(saved);
  expect(errors).toEqual([]);
});

test('a share link whose opening code cannot be fetched says so, touches nothing, and opens on reload', async ({ page, browser }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
  const { url } = await makeLink(page);

  // Issue 9: the code that unpacks a link is its own file (src/ui/share.rs, `sharing`), fetched
  // only by a page opened with a share link.
  const viewer = await fresh(browser);
  const opener = /\/split_sharing\.wasm$/;
  await viewer.page.route(opener, (route) => route.abort('internetdisconnected'));
  await viewer.page.goto(url);
  const alert = viewer.page.getByRole('alert').filter({ hasText: 'This share link cannot be opened' });
  await expect(alert).toContainText(
    'the part of the widget that opens share links could not be loaded (check the connection, then reload the page). Your own scorecard on this device is untouched.',
  );
  await expect(viewer.page.getByRole('link', { name: 'Open my own scorecard' })).toBeVisible();
  expect(await viewer.page.evaluate(() => localStorage.length)).toBe(0);

  await viewer.page.unroute(opener);
  await viewer.page.reload();
  await expect(viewer.page.getByRole('region', { name: 'Shared snapshot' })).toContainText('Shared snapshot of "Sales executive (demo)"');
  expect(await viewer.page.evaluate(() => localStorage.length)).toBe(0);
  await viewer.context.close();
});

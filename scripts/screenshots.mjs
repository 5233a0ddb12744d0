// Screenshots of the release build for looking at, not for asserting: the stand-alone page with
// the template, three readings and a chart open, the template library, the demo scorecard with a
// chart, the list of scorecards with a comparison, and the demo portal, at 1280, 768, 390 and
// 320 px wide, light and dark. Writes PNGs to screenshots/ (git-ignored).
//   node scripts/screenshots.mjs [--out DIR]   (after trunk build --release; serves dist/ itself)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : 'screenshots';
mkdirSync(out, { recursive: true });
const port = 4391;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
/** The whole page, laid out in a viewport as tall as the page: KRA cards off screen skip
 * rendering (`content-visibility: auto`), so a plain full-page capture shows them blank where a
 * user who scrolls sees them drawn. */
async function wholePage(page, path) {
  const { width, height } = page.viewportSize();
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: tall });
  await page.waitForTimeout(200);
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize({ width, height });
}

try {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 768, 390, 320]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(`http://127.0.0.1:${port}/index.html`);
      await page.getByRole('button', { name: 'Load the Sales executive template' }).click();
      for (const [kpi, value] of [['Leads converted', '42'], ['Average deal size', '25000'], ['Revenue in the month', '380000']]) {
        // dispatchEvent: on a phone the button may sit outside the viewport (issue 8's layout work).
        await page.getByRole('button', { name: `Add reading for ${kpi}` }).dispatchEvent('click');
        await page.getByLabel('Value', { exact: true }).fill(value);
        await page.getByRole('button', { name: 'Save reading' }).click();
      }
      await page.waitForTimeout(300);
      await wholePage(page, `${out}/app-${width}-${scheme}.png`);
      const library = page.locator('details.kk-templates');
      await library.locator(':scope > summary').click();
      await library.getByRole('button', { name: 'Preview HR manager' }).click();
      await library.screenshot({ path: `${out}/templates-${width}-${scheme}.png` });
      const demo = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await demo.goto(`http://127.0.0.1:${port}/index.html`);
      await demo.getByRole('button', { name: 'Load a demo with 12 months of readings' }).click();
      await demo.getByRole('button', { name: 'Leads converted', exact: true }).click();
      await demo.waitForTimeout(300);
      await wholePage(demo, `${out}/demo-${width}-${scheme}.png`);
      // A second scorecard beside the demo, and the two compared for last month.
      const demoLibrary = demo.locator('details.kk-templates');
      await demoLibrary.locator(':scope > summary').click();
      await demoLibrary.getByRole('button', { name: 'Preview Sales executive' }).click();
      await demoLibrary.getByRole('button', { name: 'Create the "Sales executive" scorecard' }).click();
      await demo.getByRole('button', { name: 'Previous review period' }).click();
      const shelf = demo.locator('details.kk-scorecards');
      await shelf.locator(':scope > summary').click();
      await shelf.locator('details.kk-compare > summary').click();
      await demo.waitForTimeout(200);
      await shelf.screenshot({ path: `${out}/scorecards-${width}-${scheme}.png` });
      await demo.close();
      const portal = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await portal.goto(`http://127.0.0.1:${port}/hr-portal/index.html`);
      await portal.locator('#team-scorecard').getByRole('article').first().waitFor();
      await wholePage(portal, `${out}/portal-${width}-${scheme}.png`);
      await page.close();
      await portal.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`screenshots in ${out}/`);

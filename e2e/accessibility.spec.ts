// Every control has an accessible name, everything works from the keyboard, and status is never
// colour alone.
import { expect, test, type Page } from '@playwright/test';
import { largeSave, ScorecardPage, STORAGE_KEY } from './fixtures/scorecard_page';

test('every button, input and select has an accessible name', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.getByRole('button', { name: 'Add reading for Leads converted' }).click();
  // Open every disclosure so hidden forms are checked too.
  for (const summary of await page.locator('details > summary').all()) {
    if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  }
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

test('a skip link takes the keyboard past the header and panels to the first KPI', async ({ page }) => {
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
  await expect(app.kpiRow('Revenue in the month').getByRole('button', { name: 'Revenue in the month', exact: true })).toBeFocused();
  // The next Tab stays in the first KRA, not back in the header.
  await page.keyboard.press('Tab');
  const focused = page.locator('article.kk-kra').first().locator(':focus');
  await expect(focused).toHaveCount(1);
});

test('from the first Tab, a reading is saved in four keystrokes and the typing', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  await page.reload();
  await expect(app.kra('Achieve monthly revenue targets')).toBeVisible();
  await page.keyboard.press('Tab'); // 1: the skip link
  await page.keyboard.press('Enter'); // 2: to the first KPI
  await page.keyboard.press('Enter'); // 3: its reading form, value field focused
  await expect(app.panel().getByLabel('Value', { exact: true })).toBeFocused();
  await page.keyboard.type('480000');
  await page.keyboard.press('Enter'); // 4: saved
  await expect(app.kpiRow('Revenue in the month').getByTestId('kpi-value')).toHaveText('₹480,000');
  // A pointer click on a KPI shows it without moving the focus (no phone keyboard popping up).
  await app.kpiRow('Leads converted').getByRole('button', { name: 'Leads converted', exact: true }).click();
  await expect(app.panel().getByRole('heading', { name: 'Readings: Leads converted' })).toBeVisible();
  await expect(app.panel().getByLabel('Value', { exact: true })).not.toBeFocused();
});

test('a form error marks the field it is about and is read out with it', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  // The KPI form: a weight that is not a number.
  const kra = app.kra('Achieve monthly revenue targets');
  await kra.locator('details.kk-add > summary').click();
  const form = kra.locator('form.kk-kpi-form');
  await form.getByLabel('KPI name').fill('Repeat orders');
  await form.getByLabel('Target', { exact: true }).fill('20');
  await form.getByLabel('KPI weight (%)').fill('lots');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  const message = form.getByRole('alert');
  await expect(message).toHaveText('Weight: "lots" is not a number. Enter digits such as 42 or 12.5.');
  const weight = form.getByLabel('KPI weight (%)');
  await expect(weight).toHaveAttribute('aria-invalid', 'true');
  await expect(weight).toHaveAccessibleDescription('Weight: "lots" is not a number. Enter digits such as 42 or 12.5.');
  // Only that field is marked.
  await expect(form.getByLabel('KPI name')).not.toHaveAttribute('aria-invalid', 'true');
  // Fixing it clears the mark along with the message.
  await weight.fill('10');
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(app.kpiRow('Repeat orders')).toBeVisible();
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true');

  // The reading form: a reading already there is about the date typed.
  await app.addReading('Leads converted', '40', { date: '2026-10-10' });
  await app.addReading('Leads converted', '41', { date: '2026-10-20' });
  const period = app.panel().getByLabel('Period (any date in it)');
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  await expect(period).toHaveAccessibleDescription(/already has a reading for Oct 2026/);
  await expect(app.panel().getByLabel('Value', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('opening a form moves the focus into it and closing it brings the focus back', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  // Editing a KPI: the form starts at its name; Cancel returns to Edit.
  const edit = page.getByRole('button', { name: 'Edit KPI Leads converted' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('form.kk-kpi-form').first().getByLabel('KPI name')).toBeFocused();
  await page.locator('form.kk-kpi-form').first().getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeFocused();

  // Editing a KRA, saved with Enter: back on its Edit button.
  const editKra = page.getByRole('button', { name: 'Edit KRA Achieve monthly revenue targets' });
  await editKra.focus();
  await page.keyboard.press('Enter');
  const name = page.getByLabel('KRA name').first();
  await expect(name).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' and margin');
  await page.keyboard.press('Enter');
  await expect(app.kra('Achieve monthly revenue targets and margin')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit KRA Achieve monthly revenue targets and margin' })).toBeFocused();

  // Editing a reading in the list.
  await app.addReading('Leads converted', '40');
  const editReading = app.panel().getByRole('button', { name: /^Edit reading / });
  await editReading.focus();
  await page.keyboard.press('Enter');
  await expect(app.panel().locator('form.kk-inline-form').getByLabel('Value')).toBeFocused();
  await app.panel().locator('form.kk-inline-form').getByRole('button', { name: 'Cancel' }).click();
  await expect(app.panel().getByRole('button', { name: /^Edit reading / })).toBeFocused();
});

/** Focuses "Add a KRA" (the browser scrolls it into view), waits three frames, and returns how
 * far it moved in between: what a keyboard user, or a click aimed at it, would find. */
async function shiftAfterFocus(page: Page): Promise<number> {
  return page.locator('.kk-tree > details.kk-add > summary').evaluate(async (el: HTMLElement) => {
    el.focus();
    const top = el.getBoundingClientRect().top;
    for (let i = 0; i < 3; i++) await new Promise((done) => requestAnimationFrame(done));
    return Math.abs(el.getBoundingClientRect().top - top);
  });
}

test('a control brought into view by the focus stays where it was brought', async ({ page }) => {
  // Cards below the first screen once stood in at a guessed height until they came into view,
  // so "Add a KRA" jumped by 150 px under a click aimed at it.
  const app = new ScorecardPage(page);
  await app.open();
  await app.loadTemplate();
  expect(await shiftAfterFocus(page)).toBeLessThan(4);
  await expect(page.locator('.kk-tree > details.kk-add > summary')).toBeFocused();
});

test('on a large scorecard too, a control brought into view by the focus stays there', async ({ page }) => {
  // Cards off screen still skip layout there; a folded card's stand-in is a folded card's height.
  const app = new ScorecardPage(page);
  await app.seed({ [STORAGE_KEY]: largeSave(12, 6) });
  await app.open();
  await expect(page.getByRole('article')).toHaveCount(12);
  expect(await shiftAfterFocus(page)).toBeLessThan(4);
});

test('the focus stays with the work: moving a KPI twice, deleting it, loading a template, undoing', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  // The first screen's button goes with the empty state: the focus lands in the new scorecard.
  await page.getByRole('button', { name: 'Load the Sales executive template' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.kra('Achieve monthly revenue targets')).toBeVisible();
  const focusedName = () => page.evaluate(() => {
    const el = document.querySelector('#kra-kpi')!.shadowRoot!.activeElement as HTMLElement | null;
    return el ? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName : 'nothing';
  });
  await expect.poll(focusedName).not.toBe('nothing');
  const names = () => app.kra('Achieve monthly revenue targets').getByTestId('kpi-row').locator('.kk-kpi-name').allTextContents();
  expect(await names()).toEqual(['Revenue in the month', 'Leads converted', 'Average deal size']);
  // Enter on "Move … down" twice: the row moves two steps, the focus stays on its button.
  await page.getByRole('button', { name: 'Move KPI Revenue in the month down' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Leads converted', 'Revenue in the month', 'Average deal size']);
  await expect.poll(focusedName).toBe('Move KPI Revenue in the month down');
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Leads converted', 'Average deal size', 'Revenue in the month']);
  await expect.poll(focusedName).toBe('Move KPI Revenue in the month down');
  // Deleting the middle KPI hands the focus to the next row; deleting the last, to the row before.
  await page.getByRole('button', { name: 'Delete KPI Average deal size' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Leads converted', 'Revenue in the month']);
  await expect.poll(focusedName).toBe('Revenue in the month');
  await page.getByRole('button', { name: 'Delete KPI Revenue in the month' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Leads converted']);
  await expect.poll(focusedName).toBe('Leads converted');
  // The message's Undo brings the KPI back and keeps the focus in the message.
  await app.toast().getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Leads converted', 'Revenue in the month']);
  await expect.poll(focusedName).toBe('Dismiss message');
});

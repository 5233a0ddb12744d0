// Several scorecards in one widget: made from two templates, switched between, copied for
// another person, deleted and brought back, compared, and all of it still there after a reload.
import { expect, test } from '@playwright/test';
import { ScorecardPage } from './fixtures/scorecard_page';

async function fromTemplate(app: ScorecardPage, name: string) {
  const library = app.page.locator('details.kk-templates');
  if (!(await library.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await library.locator(':scope > summary').click();
  }
  await library.getByRole('button', { name: `Preview ${name}` }).click();
  await library.getByRole('button', { name: `Create the "${name}" scorecard` }).click();
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('scorecards from two templates are switched, copied, deleted with undo and all kept after a reload', async ({ page }) => {
  const app = new ScorecardPage(page);
  await app.open();
  await fromTemplate(app, 'Sales executive');
  await app.addReading('Leads converted', '42');
  await fromTemplate(app, 'HR manager');
  await expect(app.kra('Improve employee retention')).toBeVisible();
  await expect(app.kra('Achieve monthly revenue targets')).toHaveCount(0);

  const list = await app.openScorecards();
  await expect(list.locator(':scope > summary')).toHaveText('Scorecards (2)');
  await list.getByRole('button', { name: 'Open Sales executive' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');

  // A copy for another person: same framework, no readings.
  await list.getByLabel('Name of the new scorecard').fill('Sales executive — employee 1042');
  await list.getByRole('button', { name: 'Copy "Sales executive" without its readings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive — employee 1042');
  await expect(app.kra('Achieve monthly revenue targets')).toBeVisible();
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).not.toContainText('42');
  await expect(list.locator(':scope > summary')).toHaveText('Scorecards (3)');
  // An empty name is refused with a reason.
  await list.getByRole('button', { name: 'Create an empty scorecard' }).click();
  await expect(list.getByRole('alert')).toHaveText('Type a name for the new scorecard first.');

  // Delete, undo, delete again: it waits under Deleted scorecards.
  await list.getByRole('button', { name: 'Delete HR manager' }).click();
  await expect(app.toast()).toContainText('Deleted "HR manager".');
  await expect(list.locator(':scope > summary')).toHaveText('Scorecards (2)');
  await app.toast().getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HR manager');
  await expect(list.locator(':scope > summary')).toHaveText('Scorecards (3)');
  await list.getByRole('button', { name: 'Delete HR manager' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await expect(list.getByRole('list', { name: 'Deleted scorecards' })).toContainText('HR manager');

  // Compare the two Sales scorecards, KRA by KRA, for the period shown.
  await list.locator('details.kk-compare > summary').click();
  const table = list.getByRole('table', { name: 'Overall and KRA scores side by side' });
  await expect(table.getByRole('columnheader')).toHaveText([/KRA/, /^Sales executive/, /^Sales executive — employee 1042/]);
  await expect(table.getByRole('row', { name: /Achieve monthly revenue targets/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Overall/ })).toContainText('No reading');

  expect(await app.savedList()).toEqual({
    listed: ['Sales executive', 'Sales executive — employee 1042'],
    deleted: ['HR manager'],
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
  const again = await app.openScorecards();
  await expect(again.getByRole('list', { name: 'Your scorecards' }).getByRole('listitem')).toHaveCount(2);
  await again.getByRole('button', { name: 'Restore HR manager' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('HR manager');
  await expect(app.kra('Improve employee retention')).toBeVisible();
});

test('a scorecard changed in another tab stays listed, and a new one appears there', async ({ context }) => {
  const a = new ScorecardPage(await context.newPage());
  await a.open();
  await fromTemplate(a, 'Sales executive');
  await a.savedText();
  const b = new ScorecardPage(await context.newPage());
  await b.open();
  await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('Sales executive');
  await fromTemplate(b, 'Finance manager');
  const list = await a.openScorecards();
  await expect(list.locator(':scope > summary')).toHaveText('Scorecards (2)');
  await expect(list.getByRole('button', { name: 'Open Finance manager' })).toBeVisible();
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText('Sales executive', { timeout: 1000 });
});

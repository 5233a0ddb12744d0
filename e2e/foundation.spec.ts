// Issue 2, steps 1–5, as a new user does them in the release build.
import { expect, test } from '@playwright/test';
import { ScorecardPage, STORAGE_KEY } from './fixtures/scorecard_page';

test.describe('a new user', () => {
  test('sees a clear first step and can load the Sales executive template', async ({ page }) => {
    const app = new ScorecardPage(page);
    await app.open();
    await expect(page.getByRole('heading', { name: 'Start your scorecard' })).toBeVisible();
    await expect(page.getByText('First step: add a KRA below')).toBeVisible();

    await app.loadTemplate();
    await expect(page.getByRole('heading', { name: 'Sales executive', level: 1 })).toBeVisible();
    const revenue = app.kra('Achieve monthly revenue targets');
    await expect(revenue).toBeVisible();
    for (const kpi of ['Revenue in the month', 'Leads converted', 'Average deal size']) {
      await expect(revenue.getByRole('button', { name: kpi, exact: true })).toBeVisible();
    }
    await expect(app.kra('Build client relationships').getByRole('button', { name: 'Client retention rate', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Start your scorecard' })).toHaveCount(0);
  });

  test('builds a framework: adds, renames, reorders and deletes KRAs and KPIs', async ({ page }) => {
    const app = new ScorecardPage(page);
    await app.open();

    await app.addKra({ name: 'Improve customer service', description: 'Happy customers', owner: 'Support lead', weight: '70' });
    await expect(app.kra('Improve customer service')).toContainText('Owner: Support lead · Weight 70 %');
    await app.addKra({ name: 'Develop the team', weight: '30' });

    await app.addKpi('Improve customer service', {
      name: '% of complaints resolved within 24 h', unit: '%', target: '95', aggregation: 'average', weight: '60',
    });
    await app.addKpi('Improve customer service', {
      name: 'Average handling time', unit: 'min', direction: 'Lower is better', target: '8', weight: '40',
    });
    const service = app.kra('Improve customer service');
    await expect(service.getByTestId('kpi-row')).toHaveCount(2);
    await expect(app.kpiRow('Average handling time').getByTestId('kpi-target')).toHaveText('8 min');

    // Rename a KRA.
    await page.getByRole('button', { name: 'Edit KRA Develop the team' }).click();
    const edit = app.kra('Develop the team').locator('form');
    await edit.getByLabel('KRA name').fill('Grow the team');
    await edit.getByRole('button', { name: 'Save KRA' }).click();
    await expect(app.kra('Grow the team')).toBeVisible();

    // Reorder: the second KRA moves up, and the second KPI moves up.
    await page.getByRole('button', { name: 'Move KRA Grow the team up' }).click();
    await expect(page.getByRole('article').first()).toHaveAccessibleName('Grow the team');
    await page.getByRole('button', { name: 'Move KPI Average handling time up' }).click();
    await expect(service.getByTestId('kpi-row').first()).toContainText('Average handling time');

    // Rename a KPI.
    await page.getByRole('button', { name: 'Edit KPI Average handling time' }).click();
    const kpiEdit = service.locator('tr.kk-edit-row form');
    await kpiEdit.getByLabel('KPI name').fill('Average handling time (phone)');
    await kpiEdit.getByRole('button', { name: 'Save KPI' }).click();
    await expect(service.getByRole('button', { name: 'Average handling time (phone)', exact: true })).toBeVisible();

    // Delete is undoable.
    await page.getByRole('button', { name: 'Delete KRA Grow the team' }).click();
    await expect(app.kra('Grow the team')).toHaveCount(0);
    await expect(app.toast()).toContainText('Deleted KRA "Grow the team"');
    await app.toast().getByRole('button', { name: 'Undo' }).click();
    await expect(app.kra('Grow the team')).toBeVisible();

    await page.getByRole('button', { name: 'Delete KPI Average handling time (phone)' }).click();
    await expect(service.getByTestId('kpi-row')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    await expect(service.getByTestId('kpi-row')).toHaveCount(2);
  });

  test('enters readings, sees scores roll up, and finds everything after a reload', async ({ page }) => {
    const app = new ScorecardPage(page);
    await app.open();
    await app.loadTemplate();

    await app.addReading('Leads converted', '42', { note: 'slow start' });
    const leads = app.kpiRow('Leads converted');
    await expect(leads.getByTestId('kpi-value')).toHaveText('42 leads');
    await expect(leads.getByTestId('kpi-target')).toHaveText('50 leads');
    await expect(leads.getByTestId('kpi-score')).toContainText('84 %');
    await expect(leads.getByTestId('kpi-score')).toContainText('Amber');

    // One more KPI in the same KRA: (84 × 30 + 100 × 20) ÷ 50 = 90.4 (revenue has no reading).
    await app.addReading('Average deal size', '26000');
    await expect(app.kpiRow('Average deal size').getByTestId('kpi-score')).toContainText('104 %');
    await expect(app.kpiRow('Average deal size').getByTestId('kpi-score')).toContainText('Green');
    const kraScore = app.kra('Achieve monthly revenue targets').getByTestId('kra-score');
    await expect(kraScore).toContainText('90.4 %');
    await expect(kraScore).toContainText('Green');
    await expect(app.kpiRow('Revenue in the month').getByTestId('kpi-score')).toContainText('No reading');

    // Lower is better: 5 hours against 4 → 1 − (5 − 4) ÷ 4 = 75 %, Red.
    await app.addReading('Average response time to client queries', '5');
    const response = app.kpiRow('Average response time to client queries').getByTestId('kpi-score');
    await expect(response).toContainText('75 %');
    await expect(response).toContainText('Red');
    // Overall: KRA 1 = 90.4 (weight 60), KRA 2 = 75 (weight 40) → 84.24.
    await expect(app.overall()).toContainText('84.24 %');
    await expect(app.overall()).toContainText('Amber');

    // The explanation says where each number comes from.
    await leads.getByText('Explain').click();
    await expect(leads).toContainText(
      'Leads converted: 42 leads against a target of 50 leads → 84 %, weight 60 % of KRA "Achieve monthly revenue targets".',
    );

    // A duplicate reading for the same period is refused with a message. (The form itself
    // offers the next period without a reading; this types today's date over it.)
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    await app.addReading('Leads converted', '44', { date: today });
    await expect(app.panel().getByRole('alert')).toContainText('already has a reading for');
    await expect(leads.getByTestId('kpi-value')).toHaveText('42 leads');

    await page.reload();
    await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('42 leads');
    await expect(app.overall()).toContainText('84.24 %');
    await expect(page.getByRole('heading', { name: 'Sales executive', level: 1 })).toBeVisible();
    const saved = await app.savedJson();
    expect(saved.schema).toBe(4);
    // Schema 3 and later keep each KPI's readings as a run of periods: {kpi, from, values, notes}.
    const values = saved.framework.readings.flatMap((r: any) => r.values.filter((v: any) => v !== null));
    expect(values.sort()).toEqual([26000, 42, 5]);
    const leadsRun = saved.framework.readings.find((r: any) => r.values.includes(42));
    expect(leadsRun.notes[String(leadsRun.values.indexOf(42))]).toBe('slow start');

    // The refused duplicate said "edit that reading instead": do so in the readings list.
    await page.getByRole('button', { name: 'Add reading for Leads converted' }).click();
    await app.panel().getByRole('button', { name: /^Edit reading / }).click();
    const list = app.panel().locator('.kk-readings');
    await list.getByLabel('Value', { exact: true }).fill('45');
    await list.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('45 leads');
    await expect(app.kpiRow('Leads converted').getByTestId('kpi-score')).toContainText('90 %');
    await expect(list).toContainText('45 leads — slow start');
  });

  test('sees the selected KPI over time against its target in a chart', async ({ page }) => {
    const app = new ScorecardPage(page);
    await app.open();
    await app.loadTemplate();
    await app.addReading('Leads converted', '38', { date: '2026-08-10' });
    await app.addReading('Leads converted', '45', { date: '2026-09-10' });
    await app.addReading('Leads converted', '52', { date: '2026-10-10' });

    // No reading in the current period: the row says so, and still shows the latest one.
    await expect(app.kpiRow('Leads converted').getByTestId('kpi-value')).toHaveText('No reading');
    await expect(app.kpiRow('Leads converted')).toContainText('Latest: 52 leads (Oct 2026)');

    const chart = app.panel().getByRole('img', { name: /Leads converted from Aug 2026 to Oct 2026: 3 reading/ });
    await expect(chart).toBeVisible();
    const svg = chart.locator('svg');
    await expect(svg).toBeVisible();
    // plotters draws the legend (above the plot, with a sample dot) and one dot per reading.
    await expect(svg.locator('text', { hasText: 'Target' })).toHaveCount(1);
    await expect(svg.locator('text', { hasText: 'Reading' })).toHaveCount(1);
    await expect(svg.locator('circle')).toHaveCount(3 + 1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(250);

    // The same numbers as a table, for anyone who cannot see the chart.
    await app.panel().getByText('Chart data').click();
    const table = app.panel().locator('figure table');
    await expect(table.getByRole('row', { name: /Sep 2026 45 leads 50 leads/ })).toBeVisible();

    // A new reading updates the open chart in place: its name, its drawing and its table.
    await app.addReading('Leads converted', '57', { date: '2026-11-10' });
    const updated = app.panel().getByRole('img', { name: /Leads converted from Aug 2026 to Nov 2026: 4 reading/ });
    await expect(updated).toBeVisible();
    await expect(updated.locator('svg circle')).toHaveCount(4 + 1);
    await expect(table.getByRole('row', { name: /Nov 2026 57 leads 50 leads/ })).toBeVisible();
  });

  test('sees the latest 24 readings of a long history first, and can list them all', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-06T10:00:00'));
    const app = new ScorecardPage(page);
    // 30 monthly readings, June 2024 to November 2026 (values 1 to 30), a note on the oldest.
    const values = Array.from({ length: 30 }, (_, i) => i + 1);
    const save = {
      app: 'kra-kpi', schema: 4, framework: {
        name: 'Long history',
        kras: [{ id: 1, name: 'Grow the business', description: '', owner: '', weight: 100 }],
        kpis: [{ id: 2, kra: 1, spec: {
          name: 'Orders', unit: 'orders', direction: { kind: 'higher-is-better' }, target: { kind: 'constant', value: 20 },
          frequency: 'monthly', aggregation: 'average', weight: 100,
        } }],
        readings: [{ kpi: 2, from: '2024-06-01', values, notes: { '0': 'first month' } }],
        next_id: 3,
      },
    };
    await app.seed({ [STORAGE_KEY]: JSON.stringify(save) });
    await app.open();
    await page.getByRole('button', { name: 'Orders', exact: true }).click();
    const panel = app.panel();
    const items = panel.locator('.kk-readings > li');
    await expect(items).toHaveCount(24);
    await expect(items.first()).toContainText('Nov 2026: 30 orders');
    await expect(items.last()).toContainText('Dec 2024: 7 orders');
    await expect(panel).toContainText('The latest 24 of 30 readings.');

    const all = panel.getByRole('button', { name: 'Show all 30' });
    await expect(all).toHaveAttribute('aria-expanded', 'false');
    await all.focus();
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(30);
    await expect(items.last()).toContainText('Jun 2024: 1 orders — first month');
    await expect(panel).toContainText('All 30 readings, latest first.');
    // The oldest reading can be edited from the full list.
    await panel.getByRole('button', { name: 'Edit reading Jun 2024' }).click();
    await panel.locator('.kk-readings').getByLabel('Value', { exact: true }).fill('2');
    await panel.locator('.kk-readings').getByRole('button', { name: 'Save', exact: true }).click();
    await expect(items.last()).toContainText('Jun 2024: 2 orders — first month');

    const fewer = panel.getByRole('button', { name: 'Show only the latest 24' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await fewer.click();
    await expect(items).toHaveCount(24);
  });

  test("keeps every decimal of a reading when only its note is edited", async ({ page }) => {
    const app = new ScorecardPage(page);
    await app.open();
    await app.loadTemplate();
    await app.addReading('Leads converted', '42.125');
    const list = app.panel().locator('.kk-readings');
    await expect(list).toContainText('42.13 leads'); // shown to two decimals
    await app.panel().getByRole('button', { name: /^Edit reading / }).click();
    // The form holds the stored value, not the rounded one: saving it must not change it.
    await expect(list.getByLabel('Value', { exact: true })).toHaveValue('42.125');
    await list.getByLabel('Note (optional)').fill('checked with the team');
    await list.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list).toContainText('42.13 leads — checked with the team');
    await expect.poll(async () => (await app.savedJson()).framework.readings.flatMap((r: any) => r.values)).toContain(42.125);
  });
});

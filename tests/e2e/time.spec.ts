import { seriousViolations } from './axe.ts';
import { expect, test } from './preview.ts';

test('log an offline meeting, fix it, refuse a bad one, delete and undo', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Time' }).click();
  await page.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('region', { name: 'Log time' });
  // The browser and the preview run in a zone where it is now 14:xx (see afternoon.ts).
  await form.getByLabel('From').fill('12:00');
  await form.getByLabel('To').fill('13:00');
  await form.getByLabel('Note').fill('Coffee with Ana <b>bold</b>');
  await form.getByRole('button', { name: 'Save entry' }).click();

  const row = page.getByRole('listitem').filter({ hasText: 'Coffee with Ana' });
  await expect(row).toContainText('1 h');
  await expect(row).toContainText('<b>bold</b>');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('today-offline')).toHaveText('1 h');

  await page.getByRole('link', { name: 'Time' }).click();
  await row.getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('To').fill('11:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The end must be after the start.')).toBeVisible();
  await page.getByLabel('To').fill('12:30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(row).toContainText('30 min');

  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('30 min');
});

test('an overlapping entry is refused with the entry it overlaps named', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Time' }).click();
  for (const note of ['first', 'second']) {
    await page.getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('region', { name: 'Log time' });
    await form.getByLabel('From').fill('10:00');
    await form.getByLabel('To').fill('12:00');
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Save entry' }).click();
  }
  await expect(page.getByText(/This overlaps the offline meeting entry of/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'second' })).toHaveCount(0);
});

test.describe('in a 24-hour locale', () => {
  test.use({ locale: 'en-GB' });

  test('typed durations set the end; the week total, the day timeline with its gap, and the report by activity', async ({
    page,
    preview,
  }) => {
    void preview;
    await page.getByRole('link', { name: 'Time' }).click();
    await page.getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('region', { name: 'Log time' });
    await form.getByLabel('From').fill('10:00');
    const typed = form.getByLabel('Duration');
    for (const [text, problem] of [
      ['1h70', 'Minutes go up to 59: “1h70” has 70. Did you mean 2h10?'],
      ['abc', '“abc” is not a duration. Type it like 1h30, 90m, 1:30, 1.5h or 45 (minutes).'],
    ]) {
      await typed.fill(text!);
      await form.getByRole('button', { name: 'Save entry' }).click();
      await expect(form.getByText(problem!)).toBeVisible();
    }
    expect(await seriousViolations(page), 'a refused duration').toEqual([]);
    await expect(page.getByRole('listitem').filter({ hasText: 'meeting' })).toHaveCount(0);
    for (const [text, to] of [
      ['90m', '11:30'],
      ['1.5h', '11:30'],
      ['45', '10:45'],
      ['1:30', '11:30'],
      ['1h30', '11:30'],
    ]) {
      await typed.fill(text!);
      await expect(form.getByLabel('To')).toHaveValue(to!);
    }
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: '10:00–11:30' })).toContainText('1 h 30');

    await page.getByRole('button', { name: 'Log time' }).click();
    await form.getByLabel('Online').check();
    await form.getByLabel('Activity').selectOption('posting');
    await form.getByLabel('From').fill('12:00');
    await form.getByLabel('Duration').fill('45');
    await form.getByLabel('Note').fill('Launch thread');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Launch thread' })).toContainText('12:00–12:45');

    await expect(page.getByText('Week total 2 h 15 · online 45 min · offline 1 h 30')).toBeVisible();
    const timeline = page.getByRole('group', { name: /^Timeline of / });
    await expect(timeline.getByRole('img', { name: 'offline meeting 10:00–11:30, 1 h 30' })).toBeVisible();
    await expect(
      timeline.getByRole('img', { name: 'online posting 12:00–12:45, 45 min — Launch thread' }),
    ).toBeVisible();
    await expect(timeline.getByRole('img', { name: 'Gap 11:30–12:00, 30 min' })).toBeVisible();
    await expect(timeline).toContainText('From 10:00–12:45: 2 entries, 1 gap of 30 min in all (11:30–12:00).');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `the week total and timeline in ${scheme}`).toEqual([]);
    }

    await page.getByRole('link', { name: 'Report' }).click();
    const online = page.getByRole('region', { name: 'Online by activity' });
    await expect(online.getByRole('listitem')).toHaveText(['posting45 min100 %']);
    await expect(page.getByRole('region', { name: 'Offline by activity' }).getByRole('listitem')).toHaveText([
      'meeting1 h 30100 %',
    ]);
  });
});

test.describe('with the sample data', () => {
  test.use({ demo: true });

  test('▶ continues an entry: a new session of the same kind, activity and note', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Time' }).click();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('button', { name: 'Continue meeting Client meeting' }).first().click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
    await expect(page.getByLabel('Offline note')).toHaveValue('Client meeting');
    await page.getByRole('link', { name: 'Time' }).click();
    // This week shows the session as it runs, and the week total counts it.
    await expect(page.getByRole('listitem').filter({ hasText: 'running' })).toContainText('Client meeting');
    expect(await seriousViolations(page), 'a running session in the week').toEqual([]);
  });
});

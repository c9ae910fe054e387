import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quietEnd } from '../../src/main/core/time/quietHours.ts';
import { MINUTE } from '../../src/shared/calendar.ts';
import { quietNotice } from '../../src/shared/quietNotice.ts';
import { defaultSettings } from '../../src/main/services/settings.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const original = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = original;
});

const at = (day: number, h: number, m = 0) => new Date(2026, 10, day, h, m).getTime();
const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const night = { from: '22:00', to: '07:00' };

describe('quietEnd', () => {
  it('is the next morning for an evening inside hours that wrap past midnight', () => {
    expect(quietEnd(night, at(30, 22, 30))).toBe(new Date(2026, 11, 1, 7).getTime());
  });

  it('is the same morning after midnight', () => {
    expect(quietEnd(night, at(30, 3))).toBe(at(30, 7));
  });

  it('is null outside quiet hours and without them', () => {
    expect(quietEnd(night, at(30, 7))).toBeNull();
    expect(quietEnd(night, at(30, 21, 59))).toBeNull();
    expect(quietEnd(null, at(30, 23))).toBeNull();
  });

  it('ends at 07:00 on the clock across the change from summer time', () => {
    // Europe/Berlin leaves summer time in the night to 25 October 2026: that night is 10 hours long.
    const end = quietEnd(night, new Date(2026, 9, 24, 23).getTime())!;
    expect(hhmm(end)).toBe('07:00');
    expect(end - new Date(2026, 9, 24, 23).getTime()).toBe(9 * 60 * MINUTE);
  });
});

describe('quietNotice', () => {
  it('names what waits, since when and until when', () => {
    const held = { cause: 'weekly-digest' as const, dueAt: at(30, 22, 30), until: at(31, 7) };
    expect(quietNotice(held, hhmm)).toBe('The weekly digest due at 22:30 waits until 07:00 — quiet hours.');
    expect(quietNotice({ ...held, cause: 'daily-budget' }, hhmm)).toBe(
      'The daily budget reminder due at 22:30 waits until 07:00 — quiet hours.',
    );
  });
});

describe('a reminder held back by quiet hours', () => {
  // Monday 30 November 2026, the first day of a week starting on Monday, with last week's time logged.
  function monday(h: number, m: number) {
    const app = servicesAt(at(30, h, m));
    app.services.settings.update({ weekStartsOn: 1 });
    app.services.time.add({ kind: 'offline', activity: 'meeting', start: at(25, 10), end: at(25, 11) });
    return app;
  }

  it('is the weekly digest at 22:30, kept until quiet hours end at 07:00', async () => {
    const { services, dispatch, clock } = monday(22, 30);
    services.reminders.evaluate();
    expect(services.reminders.current()).toBeNull();
    expect(await dispatch('getHeldReminder', {})).toEqual({
      ok: true,
      value: { cause: 'weekly-digest', dueAt: at(30, 22, 30), until: new Date(2026, 11, 1, 7).getTime() },
    });
    // Asked again later, it is still the one due since 22:30.
    clock.set(at(30, 23, 15));
    expect(services.reminders.held()?.dueAt).toBe(at(30, 22, 30));
  });

  it('is nothing outside quiet hours, where the digest shows itself', () => {
    const { services } = monday(21, 0);
    services.reminders.evaluate();
    expect(services.reminders.current()?.cause).toBe('weekly-digest');
    expect(services.reminders.held()).toBeNull();
  });

  it('is nothing when quiet hours are off', () => {
    const { services } = monday(22, 30);
    services.settings.update({ quietHours: null });
    expect(services.reminders.held()).toBeNull();
  });
});

describe('settings saved before quiet hours moved to 22:00–07:00', () => {
  const saved = (quietHours: unknown) => {
    const dataDir = tempDir();
    // Everything version 3 held, as Twoway wrote it then.
    const { discardShortSessions, gettingStarted, ...version3 } = defaultSettings;
    void discardShortSessions;
    void gettingStarted;
    const data = { ...version3, dailyOnlineBudgetMin: 60, quietHours, theme: 'dark' };
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 3, data }));
    return servicesAt(at(30, 12), { dataDir }).services.settings.get();
  };

  it('move from the old default to the new one', () => {
    expect(saved({ from: '20:00', to: '08:00' }).quietHours).toEqual(night);
  });

  it('keep hours the user chose, and quiet hours turned off', () => {
    expect(saved({ from: '21:00', to: '08:00' }).quietHours).toEqual({ from: '21:00', to: '08:00' });
    expect(saved(null).quietHours).toBeNull();
  });

  it('keep everything else, and do not offer the getting-started steps to someone who uses Twoway', () => {
    const settings = saved(null);
    expect(settings).toMatchObject({ dailyOnlineBudgetMin: 60, theme: 'dark', discardShortSessions: true });
    expect(settings.gettingStarted).toEqual({
      account: 'skipped',
      budget: 'skipped',
      session: 'skipped',
      begun: false,
    });
  });

  it('a new install starts with 22:00–07:00 and the steps open', () => {
    const settings = servicesAt(at(30, 12)).services.settings.get();
    expect(settings.quietHours).toEqual(night);
    expect(settings.gettingStarted).toEqual({ account: 'open', budget: 'open', session: 'open', begun: false });
  });
});

import { describe, expect, it } from 'vitest';
import { servicesAt } from '../support/services.ts';

// Wednesday 25 November 2026, 09:00 local time, in whatever zone the tests run.
const morning = new Date(2026, 10, 25, 9, 0).getTime();
const MIN = 60_000;

/** The message refusing an entry that overlaps the morning's meeting, as main writes it in `locale`. */
async function overlapMessage(locale: string) {
  const { dispatch, clock } = servicesAt(morning, { locale });
  clock.advance(4 * 60 * MIN);
  await dispatch('addEntry', { kind: 'offline', activity: 'meeting', start: morning, end: morning + 90 * MIN });
  const reply = await dispatch('addEntry', {
    kind: 'online',
    activity: 'posting',
    start: morning + 60 * MIN,
    end: morning + 120 * MIN,
  });
  return reply.ok ? null : reply.error.fields?.start;
}

describe('the locale main writes in', () => {
  it('writes days and times of its messages as the system’s locale does', async () => {
    expect(await overlapMessage('en-GB')).toBe('This overlaps the offline meeting entry of Wed 25 Nov, 09:00–10:30.');
    expect(await overlapMessage('en-US')).toBe(
      'This overlaps the offline meeting entry of Wed, Nov 25, 09:00 AM–10:30 AM.',
    );
    expect(await overlapMessage('de-DE')).toBe(
      'This overlaps the offline meeting entry of Mi., 25. Nov., 09:00–10:30.',
    );
  });
});

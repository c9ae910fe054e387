import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { DeviceTime } from '../../src/shared/report.ts';
import { DeviceBreakdown } from '../../src/renderer/report/DeviceBreakdown.tsx';
import { deviceName, deviceRows } from '../../src/renderer/report/deviceRows.ts';

const names = { laptop: 'Work laptop', desktop: 'Desk' };
const shown = (byDevice: DeviceTime[]) => renderToStaticMarkup(createElement(DeviceBreakdown, { byDevice, names }));
/** The table's rows as the reader sees them, cell by cell. */
const cells = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]),
  );

describe('the report’s time by device', () => {
  it('names each device and adds them up to the period’s time', () => {
    const html = shown([
      { device: 'desktop', onlineMs: HOUR, offlineMs: 30 * MINUTE },
      { device: 'laptop', onlineMs: HOUR, offlineMs: 0 },
      { device: '', onlineMs: 15 * MINUTE, offlineMs: 0 },
    ]);
    expect(html).toContain('By device');
    expect(cells(html)).toEqual([
      ['Device', 'Online', 'Offline'],
      ['Desk', '1 h', '30 min'],
      ['Work laptop', '1 h', '0 min'],
      ['Before sync', '15 min', '0 min'],
      ['All devices', '2 h 15', '30 min'],
    ]);
  });

  it('is left out while one device holds all the time', () => {
    expect(shown([{ device: 'laptop', onlineMs: HOUR, offlineMs: HOUR }])).toBe('');
    expect(shown([{ device: '', onlineMs: HOUR, offlineMs: 0 }])).toBe('');
    expect(shown([])).toBe('');
  });

  it('calls entries from before sync "Before sync", and a device no longer known by a short id', () => {
    expect(deviceName('', names)).toBe('Before sync');
    expect(deviceName('laptop', names)).toBe('Work laptop');
    expect(deviceName('9f3c2a77-51d0', names)).toBe('Unknown device 9f3c2a');
    expect(deviceRows([{ device: 'laptop', onlineMs: 1, offlineMs: 0 }], names)).toEqual([]);
  });
});

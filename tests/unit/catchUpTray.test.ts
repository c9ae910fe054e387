import { describe, expect, it } from 'vitest';
import { trayView, type TrayInput } from '../../src/main/core/desktop/trayView.ts';
import { createCommands } from '../../src/main/electron/commands.ts';
import { MINUTE } from '../../src/shared/calendar.ts';
import { routeHash } from '../../src/shared/routes.ts';

const now = new Date(2026, 10, 25, 15, 0).getTime();
const input = (catchUp?: TrayInput['catchUp']): TrayInput => ({
  running: null,
  now,
  today: { day: '2026-11-25', onlineMs: 20 * MINUTE, offlineMs: 0 },
  onlineBudgetMs: 45 * MINUTE,
  followers: null,
  liveTitle: false,
  locale: 'en-GB',
  ...(catchUp ? { catchUp } : {}),
});

describe('the catch-up in the tray', () => {
  it('says what is unread and who waits, and opens the briefing from the menu', () => {
    const view = trayView(input({ unread: 12, waiting: 3 }));
    expect(view.tooltip).toBe('Twoway — idle · 12 unread · 3 waiting for you');
    const item = view.menu.find((entry) => entry.id === 'catch-up');
    expect(item).toEqual({ id: 'catch-up', label: 'Catch up: 12 unread · 3 waiting for you…', enabled: true });
    expect(trayView(input({ unread: 0, waiting: 1 })).menu.find((e) => e.id === 'catch-up')?.label).toBe(
      'Catch up: 1 waiting for you…',
    );
  });

  it('says nothing once everything is scanned and answered', () => {
    const view = trayView(input({ unread: 0, waiting: 0 }));
    expect(view.tooltip).toBe('Twoway — idle');
    expect(view.menu.some((entry) => entry.id === 'catch-up')).toBe(false);
  });

  it('opens the window at the briefing', () => {
    const opened: (string | undefined)[] = [];
    const run = createCommands({
      dispatch: async () => ({ ok: true, value: null }),
      openWindow: (route) => opened.push(route && routeHash(route)),
      showQuickView: () => {},
      quit: () => {},
    });
    run('catch-up');
    expect(opened).toEqual(['#/catch-up']);
  });
});

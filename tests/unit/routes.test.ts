import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, views, type Route } from '../../src/shared/routes.ts';

describe('the addresses of the views', () => {
  it('writes each place the tray, the menu and reminders open', () => {
    expect(routeHash({ view: 'time', log: true })).toBe('#/time?log=1');
    expect(routeHash({ view: 'time' })).toBe('#/time');
    expect(routeHash({ view: 'report', period: { from: '2026-11-16', to: '2026-11-22' } })).toBe(
      '#/report?from=2026-11-16&to=2026-11-22',
    );
    expect(routeHash({ view: 'catch-up', tab: 'mentions' })).toBe('#/catch-up?tab=mentions');
    // The first tab is the view's own address, so the sidebar link and the tab are one place in history.
    expect(routeHash({ view: 'catch-up', tab: 'posts' })).toBe('#/catch-up');
    expect(routeHash({ view: 'mini' })).toBe('#/mini');
  });

  it('reads back every route it writes', () => {
    const routes: Route[] = [
      ...views.map((view) => ({ view })),
      { view: 'mini' },
      { view: 'time', log: true },
      { view: 'report', period: { from: '2026-01-05', to: '2026-01-11' } },
      { view: 'catch-up', tab: 'mentions' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route)), routeHash(route)).toEqual(route);
  });

  it('opens the dashboard for an address it does not know, and drops options it does not know', () => {
    expect(parseRoute('')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/nowhere?x=1')).toEqual({ view: 'dashboard' });
    expect(parseRoute('#/catch-up?tab=everything')).toEqual({ view: 'catch-up' });
    expect(parseRoute('#/time?log=yes')).toEqual({ view: 'time' });
    // A period needs both ends; one alone shows the week of today.
    expect(parseRoute('#/report?from=2026-11-16')).toEqual({ view: 'report' });
  });

  it('keeps a period whose days need escaping intact', () => {
    const route: Route = { view: 'report', period: { from: 'a&b=c', to: '2026-11-22' } };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

// The places in the app as the address hash names them ('#/report?from=…&to=…'). Main opens windows at them (the
// tray, the menu, reminders) and the renderer shows and links to them; every such address is built and read here.

export const views = ['dashboard', 'catch-up', 'network', 'time', 'report', 'outcomes', 'settings'] as const;
export type View = (typeof views)[number];

export const catchUpTabs = ['posts', 'mentions'] as const;
export type CatchUpTab = (typeof catchUpTabs)[number];

/** The places that open on nothing but themselves. '#/mini' is the tray's quick view, a window of its own. */
const plainViews = ['dashboard', 'network', 'outcomes', 'settings', 'mini'] as const;
type PlainView = (typeof plainViews)[number];

/** A place and what it opens on. A view missing here cannot be linked to from the sidebar: the types say so. */
export type Route =
  | { view: PlainView }
  /** `log`: the form for logging time opens (the tray's and the menu's "Log offline time…"). */
  | { view: 'time'; log?: boolean }
  /** Days as 'YYYY-MM-DD'; without a period, the week of today. */
  | { view: 'report'; period?: { from: string; to: string } }
  | { view: 'catch-up'; tab?: CatchUpTab };

/** How every route's address begins, for telling the app's own links from others. */
export const routePrefix = '#/';

/** The address hash of a route: { view: 'time', log: true } → '#/time?log=1'. */
export function routeHash(route: Route): string {
  const query = new URLSearchParams();
  if (route.view === 'time' && route.log) query.set('log', '1');
  if (route.view === 'report' && route.period) {
    query.set('from', route.period.from);
    query.set('to', route.period.to);
  }
  if (route.view === 'catch-up' && route.tab && route.tab !== 'posts') query.set('tab', route.tab);
  const search = query.toString();
  return `${routePrefix}${route.view}${search ? `?${search}` : ''}`;
}

/** The route an address hash names; anything unknown is the dashboard, and unknown options are left out. */
export function parseRoute(hash: string): Route {
  const [name = '', search = ''] = hash.replace(/^#?\/?/, '').split('?');
  const query = new URLSearchParams(search);
  switch (name) {
    case 'time':
      return query.get('log') === '1' ? { view: 'time', log: true } : { view: 'time' };
    case 'report': {
      const from = query.get('from');
      const to = query.get('to');
      return from && to ? { view: 'report', period: { from, to } } : { view: 'report' };
    }
    case 'catch-up': {
      const tab = catchUpTabs.find((known) => known === query.get('tab'));
      return tab ? { view: 'catch-up', tab } : { view: 'catch-up' };
    }
    default: {
      const plain = plainViews.find((known) => known === name);
      return { view: plain ?? 'dashboard' };
    }
  }
}

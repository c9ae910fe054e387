import { useSyncExternalStore } from 'react';

export const views = ['dashboard', 'catch-up', 'network', 'time', 'report', 'outcomes', 'settings'] as const;
export type View = (typeof views)[number];

/** The address hash as a view and its options: '#/time?log=1' → time, { log: '1' }; '#/mini' is the tray popover. */
export interface Route {
  view: View | 'mini';
  params: URLSearchParams;
}

function read(): string {
  return window.location.hash;
}

function listen(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseRoute(hash: string): Route {
  const [name = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const known = name === 'mini' || (views as readonly string[]).includes(name);
  return { view: known ? (name as Route['view']) : 'dashboard', params: new URLSearchParams(query) };
}

/** The route named in the address hash, so reloads and back/forward keep the place. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(listen, read);
  return parseRoute(hash);
}

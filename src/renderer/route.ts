import { useSyncExternalStore } from 'react';

export const views = ['dashboard', 'network', 'time', 'report', 'settings'] as const;
export type View = (typeof views)[number];

function current(): View {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (views as readonly string[]).includes(name) ? (name as View) : 'dashboard';
}

function listen(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The view named in the address hash (#/time), so reloads and back/forward keep the place. */
export function useView(): View {
  return useSyncExternalStore(listen, current);
}

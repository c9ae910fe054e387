import { useSyncExternalStore } from 'react';
import { parseRoute, routeHash, type Route } from '../shared/routes.ts';

function read(): string {
  return window.location.hash;
}

function listen(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The route named in the address hash, so reloads and back/forward keep the place. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(listen, read);
  return parseRoute(hash);
}

/** Goes to a route, as a link would: back returns to where the user was. */
export function go(route: Route): void {
  window.location.hash = routeHash(route);
}

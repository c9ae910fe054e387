// When the Dashboard offers the first three steps.
import type { GettingStarted } from './types.ts';

/** While a step is open, on a first run (no data yet) or once the user has begun them or asked for them again. */
export function showsGettingStarted(steps: GettingStarted, hasData: boolean): boolean {
  const open = steps.account === 'open' || steps.budget === 'open' || steps.session === 'open';
  return open && (!hasData || steps.begun);
}

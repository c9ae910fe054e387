// Facts about each network that main and the renderer both state.
import type { Network } from './types.ts';

export const networkNames: Record<Network, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', x: 'X' };

/** The pause between two follow or unfollow writes: well inside each network's documented write limits. */
export const writeIntervalMs: Record<Network, number> = { bluesky: 3_000, mastodon: 6_000, x: 0 };

// When Twoway first saw the user follow someone on Mastodon or X (the networks give no date; Bluesky's follow
// record has its own). The grace period counts from it, so where two devices first saw the follow apart, the
// earlier sighting holds on both: the person comes due on the same day everywhere.

export interface FirstSeenChanges {
  /** Follows another device saw earlier: their date here becomes that one. */
  earlier: Map<string, number>;
  /** Follows this device saw first (or alone): what the other devices should take. */
  share: Map<string, number>;
}

/**
 * How many first-seen dates one sync offers the other devices. Each is a change to the shared document, and a
 * first import of a large X archive would otherwise stop the app for seconds; the rest follow at the next syncs.
 */
export const sharedPerSync = 2_000;

/**
 * What the local dates and the devices' dates ask of each other; both maps are empty when they agree. At most
 * `limit` dates are offered, the latest first: their grace periods are the ones still running.
 */
export function firstSeenChanges(
  local: Iterable<readonly [id: string, at: number]>,
  shared: ReadonlyMap<string, number>,
  limit = sharedPerSync,
): FirstSeenChanges {
  const earlier = new Map<string, number>();
  const offered: [string, number][] = [];
  for (const [id, at] of local) {
    if (!Number.isFinite(at)) continue;
    const theirs = shared.get(id);
    if (theirs === undefined || at < theirs) offered.push([id, at]);
    else if (theirs < at) earlier.set(id, theirs);
  }
  if (offered.length > limit) offered.sort((a, b) => b[1] - a[1]).length = limit;
  return { earlier, share: new Map(offered) };
}

// When Twoway first saw the user follow someone on Mastodon or X (the networks give no date; Bluesky's follow
// record has its own). The grace period counts from it, so where two devices first saw the follow apart, the
// earlier sighting holds on both: the person comes due on the same day everywhere.

export interface FirstSeenChanges {
  /** Follows another device saw earlier: their date here becomes that one. */
  earlier: Map<string, number>;
  /** Follows this device saw first (or alone): what the other devices should take. */
  share: Map<string, number>;
}

/** What the local dates and the devices' dates ask of each other; both maps are empty when they agree. */
export function firstSeenChanges(
  local: Iterable<readonly [id: string, at: number]>,
  shared: ReadonlyMap<string, number>,
): FirstSeenChanges {
  const earlier = new Map<string, number>();
  const share = new Map<string, number>();
  for (const [id, at] of local) {
    if (!Number.isFinite(at)) continue;
    const theirs = shared.get(id);
    if (theirs === undefined || at < theirs) share.set(id, at);
    else if (theirs < at) earlier.set(id, theirs);
  }
  return { earlier, share };
}

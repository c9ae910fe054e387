/**
 * A fixed-offset zone where it is early afternoon right now, for the browser and the preview alike, so
 * tests can log "12:00–13:00 today" at any hour the suite runs without ending in the future or yesterday.
 */
function afternoonZone(now = new Date()): string {
  const offset = 14 - now.getUTCHours(); // from +14 down to −9, all real Etc/GMT zones
  if (offset === 0) return 'Etc/GMT';
  // Etc/GMT names count the other way round: Etc/GMT-3 is three hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/**
 * The afternoon zone of this whole run, chosen once where it starts: Playwright's workers inherit the variable, so
 * the browser, the preview host and the seeds keep one clock even when a run crosses the hour.
 */
export function runZone(): string {
  return (process.env.TWOWAY_E2E_ZONE ??= afternoonZone());
}

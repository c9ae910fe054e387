// When to try a network request again: after the server's own reset time when it names one, else with a
// growing pause; and when to give up and keep the data we have.

export const maxAttempts = 4;
/** Longer waits are not worth holding a sync open for: the sync stops and says when to try again. */
export const longestWaitMs = 2 * 60_000;

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'retry'; afterMs: number }
  | { kind: 'give-up'; reason: 'rate-limited' | 'server' | 'offline'; retryAt: number | null };

function header(headers: Headers, ...names: string[]): string | null {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return null;
}

/**
 * The moment a rate limit lifts, from whichever header the server speaks: Retry-After (seconds or a date),
 * X-RateLimit-Reset (Mastodon: an ISO date), x-rate-limit-reset / ratelimit-reset (X, Bluesky: epoch seconds).
 */
export function resetAt(headers: Headers, now: number): number | null {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter) || null;
  }
  const reset = header(headers, 'x-ratelimit-reset', 'x-rate-limit-reset', 'ratelimit-reset');
  if (reset === null) return null;
  const epoch = Number(reset);
  if (Number.isFinite(epoch)) return epoch > 1e12 ? epoch : epoch * 1000;
  return Date.parse(reset) || null;
}

function backoffMs(attempt: number): number {
  return 1000 * 2 ** (attempt - 1);
}

/** What to do after attempt number `attempt` (1-based) got `status` (0 for no answer at all). */
export function afterAttempt(status: number, headers: Headers, attempt: number, now: number): Outcome {
  if (status >= 200 && status < 500 && status !== 429) return { kind: 'ok' };
  if (status === 429) {
    const at = resetAt(headers, now) ?? now + backoffMs(attempt);
    const wait = Math.max(0, at - now);
    if (wait > longestWaitMs || attempt >= maxAttempts) return { kind: 'give-up', reason: 'rate-limited', retryAt: at };
    return { kind: 'retry', afterMs: wait };
  }
  const reason = status === 0 ? 'offline' : 'server';
  if (attempt >= maxAttempts) return { kind: 'give-up', reason, retryAt: null };
  return { kind: 'retry', afterMs: backoffMs(attempt) };
}

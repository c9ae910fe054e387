// fetch with a timeout per attempt, retries after 429 / 5xx / dropped connections as the retry policy says,
// cancellation, and a request count (the sync's cost is measured in requests).
import { afterAttempt, type Outcome } from '../../core/networks/retryPolicy.ts';
import type { Clock } from '../../core/clock.ts';
import type { Scheduler } from '../scheduler.ts';

export class NetworkFailure extends Error {
  readonly reason: Extract<Outcome, { kind: 'give-up' }>['reason'] | 'cancelled' | 'bad-response' | 'refused';
  readonly retryAt: number | null;
  readonly status: number | null;

  constructor(
    reason: NetworkFailure['reason'],
    message: string,
    options: { retryAt?: number | null; status?: number | null } = {},
  ) {
    super(message);
    this.reason = reason;
    this.retryAt = options.retryAt ?? null;
    this.status = options.status ?? null;
  }
}

/** The most one answer may hold: far beyond any page of these APIs, far below what would exhaust memory. */
export const answerLimit = 20 * 1024 * 1024;

function tooLarge(input: string | URL | Request): NetworkFailure {
  const host = new URL(input instanceof Request ? input.url : input).host;
  return new NetworkFailure('bad-response', `${host} sent an answer over 20 MB; Twoway stopped reading it.`);
}

/** The whole body, read as it streams in and given up on once it passes the limit, declared or not. */
async function bodyOf(answer: Response, input: string | URL | Request): Promise<Uint8Array> {
  if (Number(answer.headers.get('content-length')) > answerLimit) {
    await answer.body?.cancel();
    throw tooLarge(input);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = answer.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > answerLimit) {
      await reader!.cancel();
      throw tooLarge(input);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

export interface FetchOptions {
  clock: Clock;
  scheduler: Scheduler;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told before each wait, and why, so progress can say "waiting for the rate limit until 14:05". */
  onWait?: (until: number, why: WaitReason) => void;
  /**
   * Send a write (any method but GET and HEAD) again only after a 429, which says it was not made: after no answer
   * or a server error it may have been, and the caller checks before it tries again.
   */
  writesOnce?: boolean;
}

export type WaitReason = 'rate-limited' | 'server' | 'offline';

function methodOf(input: string | URL | Request, init?: RequestInit): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

/** Waits on the scheduler; a cancel ends the wait with a NetworkFailure. */
export function pause(ms: number, scheduler: Scheduler, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetworkFailure('cancelled', 'Cancelled.'));
    const handle = scheduler.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      scheduler.clearTimeout(handle);
      reject(new NetworkFailure('cancelled', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function resilientFetch({ clock, scheduler, timeoutMs = 20_000, signal, onWait, writesOnce }: FetchOptions) {
  let requests = 0;
  const fetchOnce = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const once = writesOnce === true && !['GET', 'HEAD'].includes(methodOf(input, init));
    for (let attempt = 1; ; attempt++) {
      let timedOut = false;
      if (signal?.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
      requests++;
      let response: Response | null = null;
      try {
        const timeout = AbortSignal.timeout(timeoutMs);
        const answer = await fetch(input, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        // Read the whole body here, so a connection dropped mid-page is retried like one that never answered.
        const body = await bodyOf(answer, input);
        response = new Response(body.byteLength > 0 ? body : null, {
          status: answer.status,
          statusText: answer.statusText,
          headers: answer.headers,
        });
      } catch (error) {
        if (signal?.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
        timedOut = error instanceof Error && error.name === 'TimeoutError';
        // An answer too large is no accident of the connection: asking again would bring the same.
        if (error instanceof NetworkFailure) throw error;
      }
      const status = response?.status ?? 0;
      let outcome = afterAttempt(status, response?.headers ?? new Headers(), attempt, clock.now());
      if (outcome.kind === 'retry' && once && status !== 429) {
        outcome = { kind: 'give-up', reason: status === 0 ? 'offline' : 'server', retryAt: null };
      }
      if (outcome.kind === 'ok') return response!;
      if (outcome.kind === 'give-up') {
        const message = {
          'rate-limited': 'The server is limiting requests',
          server: `The server ${once ? 'failed' : 'keeps failing'} (HTTP ${response?.status})`,
          offline: timedOut
            ? `The server did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
            : 'The server cannot be reached',
        }[outcome.reason];
        throw new NetworkFailure(outcome.reason, message, {
          retryAt: outcome.retryAt,
          status: response?.status ?? null,
        });
      }
      onWait?.(clock.now() + outcome.afterMs, status === 429 ? 'rate-limited' : status === 0 ? 'offline' : 'server');
      await pause(outcome.afterMs, scheduler, signal);
    }
  };
  return Object.assign(fetchOnce, { requests: () => requests });
}
export type ResilientFetch = ReturnType<typeof resilientFetch>;

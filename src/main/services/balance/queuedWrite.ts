// One follow or unfollow of the queue, from the check right before it to what the network says afterwards. Each
// request has 30 s; a write left without an answer may have been made, so the relationship is checked again before
// any new try, and a cancel during a write records what the network did rather than what was asked.
import type { Followed, QueueItem } from '../../../shared/people.ts';
import { timeOfDay } from '../../../shared/localeFormat.ts';
import { networkNames } from '../../../shared/networkFacts.ts';
import type { Account } from '../../../shared/types.ts';
import type { Clock } from '../../core/clock.ts';
import type { Learned } from '../../core/balance/learnedRelationship.ts';
import type { NetworkProvider, ProviderFor, Relationship } from '../networks/provider.ts';
import { NetworkFailure, pause, type WaitReason } from '../networks/resilientFetch.ts';
import type { Scheduler } from '../scheduler.ts';

/** How long one request of a write may take. */
export const writeTimeoutMs = 30_000;
/** Tries of one write left without an answer. */
const writeTries = 3;
/** The pauses before checking whether such a write went through: a server may take a moment to show it. */
const checkAfterMs = [5_000, 15_000, 30_000];

export type WriteOutcome =
  | { state: 'done' | 'skipped' | 'failed' | 'cancelled'; note: string | null }
  /** The network asked for a longer wait than a request holds out: the item waits, and goes again then. */
  | { state: 'waiting'; note: string; until: number }
  /** The app is closing: the item stays as it is and is checked again at the next start. */
  | { state: 'interrupted' };

export interface WriteContext {
  item: QueueItem;
  account: Account;
  /** The follow as the last sync found it: Bluesky needs its record to delete it. */
  known: Followed | undefined;
  /** Twoway closed while this write was under way: it may have been made. */
  interrupted: boolean;
  /** The user cancelled this item. */
  cancel: AbortSignal;
  /** The app is closing. */
  closing: AbortSignal;
  /** A wait begins, with why in the user's words; null when it is over. */
  onWait(until: number | null, why: string | null): void;
  /** What the network said of the person: the account's lists and counts follow at once. */
  learn(learned: Learned): void;
  /** Why the person must be kept after all (an outcome logged while the item waited), asked right before each write. */
  keptBy(): string | null;
}

export interface WriteDeps {
  providerFor: ProviderFor;
  scheduler: Scheduler;
  clock: Clock;
  /** The locale its messages write times in. */
  locale: string;
}

/** The failure behind an error: the XRPC client wraps the fetch's own in `cause`. */
function failureOf(error: unknown): NetworkFailure | null {
  if (error instanceof NetworkFailure) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof NetworkFailure ? cause : null;
}

function waitWords(network: string, why: WaitReason): string {
  if (why === 'rate-limited') return `${network} asked us to slow down`;
  if (why === 'server') return `${network} answered with an error; trying again`;
  return `no answer from ${network}; trying again`;
}

/** An error in the user's words, naming the network where the fetch said "the server". */
function explain(error: unknown, network: string, locale: string): string {
  const failure = failureOf(error);
  if (!failure) return error instanceof Error ? error.message : String(error);
  const retry = failure.retryAt ? `; try again after ${timeOfDay(failure.retryAt, locale)}` : '';
  return `${failure.message.replace(/^The server/, network).replace(/\.$/, '')}${retry}.`;
}

export async function performWrite(context: WriteContext, deps: WriteDeps): Promise<WriteOutcome> {
  const { item, account, cancel, closing, onWait, learn } = context;
  const { providerFor, scheduler, clock, locale } = deps;
  const name = networkNames[account.network];
  const wanted = item.action === 'follow';
  const signal = AbortSignal.any([cancel, closing]);
  let waiting = false;
  const open = (on: AbortSignal) =>
    providerFor(account, {
      signal: on,
      timeoutMs: writeTimeoutMs,
      writesOnce: true,
      onWait: (until, why) => {
        waiting = true;
        onWait(until, waitWords(name, why));
      },
    });
  /** A request, with any wait it made cleared once it is answered. */
  async function answered<T>(request: Promise<T>): Promise<T> {
    try {
      return await request;
    } finally {
      if (waiting) onWait(null, null);
      waiting = false;
    }
  }
  async function check(provider: NetworkProvider): Promise<Relationship> {
    // The follow as the last sync found it: its record tells of a follow the AppView no longer shows (Bluesky).
    const relation = await answered(provider.relationship(context.known ?? item.person));
    learn({ person: item.person, ...relation });
    return relation;
  }

  // A write went out in this run, and one may have been made without its answer reaching Twoway.
  let sent = false;
  let unsure: NetworkFailure | 'interrupted' | null = context.interrupted ? 'interrupted' : null;
  try {
    const provider = await open(signal);
    for (let attempt = 1; ; attempt++) {
      const relation = await check(provider);
      if (relation.youFollow === wanted) {
        if (unsure === 'interrupted') return { state: 'done', note: `${name} made the change before Twoway closed.` };
        if (unsure) return { state: 'done', note: `${name} made the change; its answer was lost on the way.` };
        return {
          state: 'skipped',
          note: wanted ? 'You follow this account already.' : 'You no longer follow this account.',
        };
      }
      if (!wanted && relation.followsYou) return { state: 'skipped', note: 'Followed you back meanwhile: kept.' };
      const kept = context.keptBy();
      if (kept !== null) return { state: 'skipped', note: kept };
      // A follow back is for a follower; an undo follows again whoever the unfollow left.
      if (wanted && item.undoes === null && !relation.followsYou) {
        return { state: 'skipped', note: 'Stopped following you meanwhile: not followed.' };
      }
      if (unsure instanceof NetworkFailure && attempt > writeTries) {
        return {
          state: 'failed',
          note: `${explain(unsure, name, locale)} Checked after ${writeTries} tries: nothing changed.`,
        };
      }
      unsure = null;
      sent = true;
      try {
        if (wanted) {
          const followed = await answered(provider.follow(item.person));
          learn({ person: item.person, youFollow: true, followed });
        } else {
          await answered(provider.unfollow(context.known ?? { ...item.person, followedAt: Number.NaN, ref: null }));
          learn({ person: item.person, youFollow: false });
        }
        return { state: 'done', note: null };
      } catch (error) {
        const failure = failureOf(error);
        // An answer that refuses says nothing was made; no answer, or a server error, leaves it open.
        if (failure?.reason !== 'offline' && failure?.reason !== 'server') throw error;
        unsure = failure;
        const until = clock.now() + checkAfterMs[attempt - 1]!;
        onWait(until, `${explain(failure, name, locale).replace(/\.$/, '')}; checking whether it went through`);
        await pause(until - clock.now(), scheduler, signal);
        onWait(null, null);
      }
    }
  } catch (error) {
    onWait(null, null);
    if (closing.aborted) return { state: 'interrupted' };
    if (cancel.aborted) return sent ? cancelledAfterSending() : { state: 'cancelled', note: 'Cancelled.' };
    const failure = failureOf(error);
    if (failure?.reason === 'rate-limited' && failure.retryAt !== null) {
      return { state: 'waiting', until: failure.retryAt, note: `${name} asked us to slow down` };
    }
    const open = unsure ? ` Whether ${name} made the ${item.action} is not known yet: the next sync will tell.` : '';
    return { state: 'failed', note: `${explain(error, name, locale)}${open}` };
  }

  /** The write may have reached the server before the cancel: what the network says is what happened. */
  async function cancelledAfterSending(): Promise<WriteOutcome> {
    try {
      const relation = await check(await open(closing));
      return relation.youFollow === wanted
        ? { state: 'done', note: `Cancelled too late: ${name} had made the change already.` }
        : { state: 'cancelled', note: `Cancelled; ${name} did not make the change.` };
    } catch {
      if (closing.aborted) return { state: 'interrupted' };
      return {
        state: 'cancelled',
        note: `Cancelled; ${name} could not be asked whether the ${item.action} went through: the next sync will tell.`,
      };
    }
  }
}

// The catch-up briefing: reads each account's feeds on demand (one reading per account at a time, with
// progress and cancel), keeps what it found with the user's marks, and tells every window what is unread.
// A failed reading keeps the last briefing and says why.
import type {
  CatchUpAccount,
  CatchUpBriefing,
  CatchUpProgress,
  CatchUpSummary,
  MentionState,
  ScanTarget,
} from '../../../shared/catchUp.ts';
import { networkNames } from '../../../shared/networkFacts.ts';
import type { Account, Reminder } from '../../../shared/types.ts';
import { answerRates } from '../../core/catchUp/answers.ts';
import { markMention, orderMentions } from '../../core/catchUp/mentions.ts';
import { isStale, readBudgets } from '../../core/catchUp/plan.ts';
import { groupByPerson, markScanned, unreadOf } from '../../core/catchUp/posts.ts';
import { applyReading, type AccountCatchUp } from '../../core/catchUp/read.ts';
import type { Clock } from '../../core/clock.ts';
import type { Accounts } from '../balance/accounts.ts';
import { keptFor, openCatchUpFile } from './briefingFile.ts';
import { loadCatchUp } from './accountReading.ts';
import type { EventBus } from '../events.ts';
import { Failure } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import type { ProviderFor } from '../networks/provider.ts';
import { NetworkFailure } from '../networks/resilientFetch.ts';
import type { StoreContext } from '../store.ts';
import { z } from 'zod';
import { accountKey, byAccount } from '../../core/devices/accountKey.ts';
import type { Fields } from '../../core/devices/sharedRecord.ts';
import type { SharedDoc } from '../devices/sharedDoc.ts';

export interface CatchUpDeps {
  context: StoreContext;
  /** The person's marks (posts scanned, mentions answered or ignored) follow them to their other devices. */
  shared: SharedDoc;
  accounts: Accounts;
  clock: Clock;
  events: EventBus;
  providerFor: ProviderFor;
}

function explain(error: unknown, account: Account): string {
  const name = networkNames[account.network];
  if (error instanceof NetworkFailure) {
    switch (error.reason) {
      case 'rate-limited':
        return `${name} is limiting requests; the last briefing is kept. Try again in a few minutes.`;
      case 'offline':
        return `${name} could not be reached; the last briefing is kept.`;
      case 'server':
        return `${name} kept answering with errors (HTTP ${error.status}); the last briefing is kept.`;
      case 'cancelled':
        return 'Catch-up cancelled; the last briefing is kept.';
      default:
        return `${error.message} The last briefing is kept.`;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return `The catch-up failed: ${message.replace(/\.$/, '')}. The last briefing is kept.`;
}

/** What a briefing of this account can read before any reading says more. */
function reachOf(account: Account, canWrite: boolean): Pick<CatchUpAccount, 'reach' | 'note'> {
  if (account.network === 'x') {
    return {
      reach: 'unavailable',
      note: canWrite
        ? 'Twoway does not read X timelines and mentions yet, even with an API token: X has no briefing for now.'
        : 'X shares timelines and mentions with apps only through its paid API, so Twoway cannot read them here.',
    };
  }
  switch (account.connection.network) {
    case 'demo':
      return { reach: 'sample', note: 'Sample account: its posts and mentions are examples.' };
    case 'bluesky':
      return canWrite
        ? { reach: 'full', note: null }
        : {
            reach: 'partial',
            note: 'Add an app password to read your home timeline and mentions; until then Twoway reads your newest followers’ own posts.',
          };
    default:
      return canWrite
        ? { reach: 'full', note: null }
        : {
            reach: 'partial',
            note: 'Add an access token to read your home timeline and mentions; until then Twoway reads your newest followers’ own posts.',
          };
  }
}

/** Marks as another device shared them; anything else is left out. A scan mark, one per post, is checked by hand. */
const sharedAnswer = z.object({ state: z.enum(['waiting', 'answered', 'ignored']), at: z.number() });

/** The marks the devices shared for one account's posts and mentions, checked. */
interface Marks {
  scanned: Map<string, boolean>;
  answered: Map<string, { state: MentionState; at: number }>;
}

export function createCatchUp({ context, shared, accounts, clock, events, providerFor }: CatchUpDeps) {
  const file = openCatchUpFile(context);
  const running = new Map<string, { progress: CatchUpProgress; abort: AbortController }>();
  const problems = new Map<string, string>();
  let version = 0;
  const changes = createListeners<CatchUpSummary>();

  const kept = (accountId: string) => keptFor(file.read(), accountId);
  function save(accountId: string, next: AccountCatchUp) {
    const current = file.read();
    file.write({ ...current, accounts: { ...current.accounts, [accountId]: withMarks(next, marksOf(accountId)) } });
  }

  function sharedMarks(): Map<string, Marks> {
    const out = new Map<string, Marks>();
    const of = (accountId: string) => {
      let marks = out.get(accountId);
      if (!marks) out.set(accountId, (marks = { scanned: new Map(), answered: new Map() }));
      return marks;
    };
    for (const [accountId, ids] of byAccount(shared.fields('scanned'))) {
      for (const [id, fields] of ids) {
        if (typeof fields.scanned === 'boolean') of(accountId).scanned.set(id, fields.scanned);
      }
    }
    for (const [accountId, ids] of byAccount(shared.fields('answered'))) {
      for (const [id, fields] of ids) {
        const parsed = sharedAnswer.safeParse(fields);
        if (parsed.success) of(accountId).answered.set(id, parsed.data);
      }
    }
    return out;
  }
  const marksOf = (accountId: string): Marks =>
    sharedMarks().get(accountId) ?? { scanned: new Map(), answered: new Map() };

  /**
   * A briefing with the devices' marks on the posts and mentions this device has read; the same object when
   * they change nothing. The posts stay each device's own: a mark waits for its post to be read here.
   */
  function withMarks(state: AccountCatchUp, marks: Marks): AccountCatchUp {
    let changedPosts = false;
    const posts = state.posts.map((post) => {
      const scanned = marks.scanned.get(post.id);
      if (scanned === undefined || scanned === post.scanned) return post;
      changedPosts = true;
      return { ...post, scanned };
    });
    let changedMentions = false;
    const mentions = state.mentions.map((mention) => {
      const mark = marks.answered.get(mention.id);
      if (!mark) return mention;
      const answeredAt = mark.state === 'answered' ? mark.at : null;
      if (mark.state === mention.state && (mark.state !== 'answered' || answeredAt === mention.answeredAt)) {
        return mention;
      }
      changedMentions = true;
      return { ...mention, state: mark.state, answeredAt };
    });
    if (!changedPosts && !changedMentions) return state;
    return { ...state, ...(changedPosts ? { posts } : {}), ...(changedMentions ? { mentions } : {}) };
  }

  /** Shares where a briefing's marks differ from the devices' (sample briefings, a restore) as this device's edit. */
  function shareMarks(accountId: string, state: AccountCatchUp, onlyUnknown = false) {
    const marks = marksOf(accountId);
    const scannedKnown = onlyUnknown ? byAccount(shared.records('scanned')).get(accountId) : null;
    const answeredKnown = onlyUnknown ? byAccount(shared.records('answered')).get(accountId) : null;
    const now = clock.now();
    const scans: [string, Fields][] = [];
    for (const post of state.posts) {
      const theirs = marks.scanned.get(post.id);
      if (onlyUnknown ? !post.scanned || scannedKnown?.has(post.id) : (theirs ?? false) === post.scanned) continue;
      scans.push([accountKey(accountId, post.id), { scanned: post.scanned }]);
    }
    const answers: [string, Fields][] = [];
    for (const mention of state.mentions) {
      const theirs = marks.answered.get(mention.id);
      if (
        onlyUnknown
          ? mention.state === 'waiting' || answeredKnown?.has(mention.id)
          : (theirs?.state ?? 'waiting') === mention.state
      ) {
        continue;
      }
      answers.push([accountKey(accountId, mention.id), { state: mention.state, at: mention.answeredAt ?? now }]);
    }
    shared.set('scanned', scans, now);
    shared.set('answered', answers, now);
  }

  /** Takes the devices' marks into every briefing kept here; true when one changed. */
  function adoptMarks(): boolean {
    const current = file.read();
    const all = sharedMarks();
    const next: Record<string, AccountCatchUp> = { ...current.accounts };
    let any = false;
    for (const [accountId, state] of Object.entries(current.accounts)) {
      const marks = all.get(accountId);
      if (!marks) continue;
      const marked = withMarks(state, marks);
      if (marked === state) continue;
      next[accountId] = marked;
      any = true;
    }
    if (any) file.keep({ ...current, accounts: next });
    return any;
  }

  try {
    // Marks made here before they were shared join the devices' once: those no device has a record of.
    for (const [accountId, state] of Object.entries(file.read().accounts)) shareMarks(accountId, state, true);
  } catch {
    // The disk refused the shared document: the marks stay here and join at the next start.
  }
  adoptMarks();
  shared.onMerge(({ sections }) => {
    if ((sections.has('scanned') || sections.has('answered')) && adoptMarks()) changed();
  });

  function summary(): CatchUpSummary {
    const balances = accounts.balances();
    const list = balances.map(({ account, canWrite }): CatchUpAccount => {
      const state = kept(account.id);
      const reach = reachOf(account, canWrite);
      const unsynced = account.connection.network !== 'demo' && accounts.data(account.id).syncedAt === null;
      return {
        accountId: account.id,
        network: account.network,
        handle: account.handle,
        ...reach,
        note: unsynced ? 'The briefing starts once the first sync has found your followers.' : reach.note,
        lastCatchUpAt: state.lastCatchUpAt,
        since: state.since,
        problem: problems.get(account.id) ?? null,
        requests: state.requests,
        readOthers: state.readOthers,
      };
    });
    const states = balances.map(({ account }) => kept(account.id));
    return {
      accounts: list,
      unread: states.reduce((sum, state) => sum + unreadOf(state.posts), 0),
      waiting: states.reduce((sum, state) => sum + state.mentions.filter((m) => m.state === 'waiting').length, 0),
      loading: [...running.values()].map((r) => r.progress),
      version,
    };
  }

  /** Progress alone leaves the version be, so an open briefing is fetched again only when its content changed. */
  const changed = (content = true) => {
    if (content) version++;
    const next = summary();
    changes.tell(next);
    events.emit('catchUpChanged', next);
  };

  function briefing(withScanned: boolean): CatchUpBriefing {
    const ids = accounts.list().map((a) => a.id);
    const rates = ids.flatMap((id) => answerRates(id, kept(id).asked, kept(id).answers));
    return {
      ...summary(),
      people: groupByPerson(
        ids.map((accountId) => ({ accountId, posts: kept(accountId).posts })),
        rates,
        withScanned,
      ),
      mentions: orderMentions(ids.flatMap((accountId) => kept(accountId).mentions.map((m) => ({ ...m, accountId })))),
      answerRates: rates,
    };
  }

  async function run(account: Account) {
    const abort = new AbortController();
    const entry = {
      progress: { accountId: account.id, phase: 'mentions', done: 0, total: 1 } as CatchUpProgress,
      abort,
    };
    running.set(account.id, entry);
    changed(false);
    try {
      const provider = await providerFor(account, {
        signal: abort.signal,
        onWait: (until) => {
          entry.progress = { ...entry.progress, waitingUntil: until };
          changed(false);
        },
      });
      if (!provider.catchUp) throw new Failure('unavailable', `${networkNames[account.network]} has no feeds to read.`);
      const requestsBefore = provider.requests();
      const reader = await provider.catchUp();
      const data = accounts.data(account.id);
      const reading = await loadCatchUp(reader, {
        kept: kept(account.id),
        followers: data.followers,
        following: data.following,
        // The newest followers: those the syncs saw arrive, the latest first, then the first page's order.
        newestFollowerIds: [
          ...data.events
            .filter((e) => e.type === 'gained-follower')
            .map((e) => e.person.id)
            .reverse(),
          ...data.heads.followers,
        ],
        budget: readBudgets[account.network === 'bluesky' ? 'bluesky' : 'mastodon'],
        requestsBefore,
        now: clock.now(),
        signal: abort.signal,
        onProgress: (next) => {
          entry.progress = { accountId: account.id, ...next };
          changed(false);
        },
      });
      if (abort.signal.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
      // Applied to what is kept now, so marks made while reading stay.
      save(account.id, applyReading(kept(account.id), reading, clock.now()));
      // A mention the reading found answered (the user replied on the network) is answered on every device.
      shareMarks(account.id, kept(account.id), true);
      problems.delete(account.id);
    } catch (error) {
      problems.set(account.id, explain(abort.signal.aborted ? new NetworkFailure('cancelled', '') : error, account));
    } finally {
      running.delete(account.id);
      changed();
    }
  }

  /** The accounts a catch-up can read now: not samples, not X, synced, not already reading. */
  function readable(accountId: string | null, onlyStale: boolean): Account[] {
    const chosen = accountId === null ? accounts.list() : [accounts.find(accountId)];
    return chosen.filter(
      (account) =>
        account.connection.network !== 'demo' &&
        account.connection.network !== 'x' &&
        accounts.data(account.id).syncedAt !== null &&
        !running.has(account.id) &&
        (!onlyStale || isStale(kept(account.id).lastCatchUpAt, clock.now())),
    );
  }

  // An account added, synced or given a password reads differently.
  accounts.onChange(() => changed(false));

  return {
    summary,
    /** Hears every change of the briefings and of their progress, before windows are told. */
    onChange: (listener: Listener<CatchUpSummary>) => changes.add(listener),
    /** Coming back online is when the user catches up: a reminder of it has the stale briefings read. */
    reminded(reminder: Reminder | null) {
      if (reminder?.cause === 'back-online') for (const account of readable(null, true)) void run(account);
    },
    briefing,
    unread: () => summary().unread,
    /** What each account's briefing holds, for the report. */
    kept: () => accounts.list().map((account) => kept(account.id)),
    /** Starts a catch-up of one account or all, refusing at once what cannot be read; resolves when all ended. */
    refresh(accountId: string | null, onlyStale = false): Promise<void> {
      if (accountId !== null) {
        const account = accounts.find(accountId);
        if (account.network === 'x') throw new Failure('unavailable', reachOf(account, false).note!);
        if (account.connection.network === 'demo') {
          throw new Failure('conflict', 'Sample accounts cannot be read; add your own account.');
        }
        if (accounts.data(accountId).syncedAt === null) {
          throw new Failure(
            'conflict',
            'This account has not finished its first sync: the briefing needs your followers.',
          );
        }
        if (running.has(accountId)) throw new Failure('conflict', 'This account’s catch-up is running already.');
      }
      return Promise.all(readable(accountId, onlyStale).map(run)).then(() => undefined);
    },
    cancel(accountId: string | null) {
      for (const [id, entry] of running) if (accountId === null || id === accountId) entry.abort.abort();
    },
    markScanned(target: ScanTarget, scanned: boolean) {
      const ids = 'everything' in target ? accounts.list().map((a) => a.id) : [accounts.find(target.accountId).id];
      for (const id of ids) {
        const state = kept(id);
        const posts = markScanned(state.posts, id, target, scanned);
        const marked = posts.filter((post, i) => post !== state.posts[i]);
        if (marked.length === 0) continue;
        const now = clock.now();
        shared.set(
          'scanned',
          marked.map((post): [string, Fields] => [accountKey(id, post.id), { scanned }]),
          now,
        );
        save(id, { ...state, posts });
      }
      changed();
    },
    markMention(accountId: string, mentionId: string, state: MentionState) {
      const current = kept(accounts.find(accountId).id);
      const mention = current.mentions.find((m) => m.id === mentionId);
      if (!mention) throw new Failure('not-found', 'This mention is no longer in the briefing.');
      const next = markMention(mention, state, clock.now());
      shared.set('answered', [[accountKey(accountId, mentionId), { state, at: clock.now() }]], clock.now());
      save(accountId, { ...current, mentions: current.mentions.map((m) => (m.id === mentionId ? next : m)) });
      changed();
    },
    /** Every account's briefing as kept, for a backup. */
    all: (): Record<string, AccountCatchUp> => file.read().accounts,
    /** Replaces every briefing: a restore that was already validated and merged. */
    replace(next: Record<string, AccountCatchUp>) {
      for (const [accountId, state] of Object.entries(next)) shareMarks(accountId, state);
      file.write({ accounts: next });
      changed();
    },
    /** Sample briefings for the sample accounts. */
    put(accountId: string, state: AccountCatchUp) {
      shareMarks(accountId, state);
      save(accountId, state);
      changed();
    },
    forget(accountId: string) {
      running.get(accountId)?.abort.abort();
      problems.delete(accountId);
      const rest = { ...file.read().accounts };
      delete rest[accountId];
      file.write({ accounts: rest });
      changed();
    },
    close() {
      for (const entry of running.values()) entry.abort.abort();
    },
  };
}
export type CatchUp = ReturnType<typeof createCatchUp>;

// The report over a range of local days, computed from the ledger, the outcomes and the accounts' history.
import type { FollowerPost, Mention } from '../../../shared/catchUp.ts';
import type { AccountData } from '../../../shared/people.ts';
import type { Money, Outcome } from '../../../shared/outcomes.ts';
import { isOnlineChannel, outcomeChannels } from '../../../shared/outcomes.ts';
import type {
  BusinessSide,
  CatchUpCounts,
  ChannelOutcomes,
  Counts,
  NetworkReport,
  NetworkReportRow,
  PeriodTotals,
  Report,
  TimeReport,
} from '../../../shared/report.ts';
import type { Account, CountSnapshot, Settings, TimeEntry } from '../../../shared/types.ts';
import { HOUR, MINUTE, addDays, dayKey, daysBetween } from '../../../shared/calendar.ts';
import { comparedDays, comparison, countedDays, type DayRange } from './comparison.ts';
import { activityTotals } from './activityTotals.ts';
import { deviceTotals } from './deviceTotals.ts';
import { dailyTotals } from '../time/timeLedger.ts';
import type { Timed } from '../../../shared/countedOnce.ts';

const endOf = (range: DayRange) => addDays(range.from, range.days);

/**
 * The time side over `range`, compared like with like as of `now` (the clock's time). Entries of two devices
 * may overlap: the minutes they share count once.
 */
export function timeReport(entries: readonly Timed[], range: DayRange, settings: Settings, now: number): TimeReport {
  const budgetMs = settings.dailyOnlineBudgetMin * MINUTE;
  const days = dailyTotals(entries, range.from, range.days);
  const whole = comparedDays(days, budgetMs, countedDays(days, budgetMs, daysBetween(range.from, now)));
  const { onlineMs, offlineMs, sharePct, daysOverBudget, daysCounted } = whole;
  return {
    from: dayKey(range.from),
    to: dayKey(addDays(range.from, range.days - 1)),
    days,
    budgetMs,
    shareTargetPct: settings.onlineShareTargetPct,
    offlineTargetMs: Math.round((settings.weeklyOfflineTargetMin * MINUTE * range.days) / 7),
    totals: { onlineMs, offlineMs, sharePct, daysOverBudget, daysCounted },
    comparison: comparison(entries, range, now, settings.weekStartsOn, budgetMs, days),
    byDevice: deviceTotals(entries, range),
  };
}

/** The last snapshot at or before `at`; failing that, the first one before `until` (an account added later). */
function countsAt(history: readonly CountSnapshot[], at: number, until: number): CountSnapshot | null {
  let found: CountSnapshot | null = null;
  for (const snapshot of history) {
    if (snapshot.at <= at) found = snapshot;
    else if (!found && snapshot.at < until) return snapshot;
    else break;
  }
  return found;
}

const counts = (s: CountSnapshot | null): Counts | null =>
  s ? { followers: s.followers, following: s.following } : null;

function networkRow(account: Account, data: AccountData, range: DayRange): NetworkReportRow {
  const from = range.from;
  const to = endOf(range);
  const start = countsAt(data.history, from, to);
  const end = countsAt(data.history, to - 1, to);
  const events = data.events.filter((e) => e.at >= from && e.at < to);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  const posts = start?.posts !== undefined && end?.posts !== undefined ? Math.max(0, end.posts - start.posts) : null;
  return {
    accountId: account.id,
    network: account.network,
    handle: account.handle,
    start: counts(start),
    end: counts(end),
    gained: count('gained-follower'),
    lost: count('lost-follower'),
    followed: count('followed'),
    unfollowed: count('unfollowed'),
    posts,
  };
}

function addCounts(a: Counts | null, b: Counts | null): Counts | null {
  if (!a) return b;
  if (!b) return a;
  return { followers: a.followers + b.followers, following: a.following + b.following };
}

/** What the briefing held for the range: posts by followers and mentions, by when they were written. */
export function catchUpCounts(
  briefings: readonly {
    posts: readonly Pick<FollowerPost, 'createdAt' | 'scanned'>[];
    mentions: readonly Pick<Mention, 'createdAt' | 'state'>[];
  }[],
  range: DayRange,
): CatchUpCounts {
  const to = endOf(range);
  const inRange = (at: number) => at >= range.from && at < to;
  const posts = briefings.flatMap((b) => b.posts.filter((p) => inRange(p.createdAt)));
  const mentions = briefings.flatMap((b) => b.mentions.filter((m) => inRange(m.createdAt)));
  return {
    posts: posts.length,
    scanned: posts.filter((p) => p.scanned).length,
    mentions: mentions.length,
    answered: mentions.filter((m) => m.state === 'answered').length,
    waiting: mentions.filter((m) => m.state === 'waiting').length,
  };
}

export function networkReport(
  accounts: readonly { account: Account; data: AccountData }[],
  range: DayRange,
  settings: Settings,
  briefings: Parameters<typeof catchUpCounts>[0] = [],
): NetworkReport {
  const rows = accounts.map(({ account, data }) => networkRow(account, data, range));
  const withPosts = rows.filter((r) => r.posts !== null);
  return {
    accounts: rows,
    catchUp: catchUpCounts(briefings, range),
    combined: {
      start: rows.reduce<Counts | null>((sum, r) => addCounts(sum, r.start), null),
      end: rows.reduce<Counts | null>((sum, r) => addCounts(sum, r.end), null),
      gained: rows.reduce((sum, r) => sum + r.gained, 0),
      lost: rows.reduce((sum, r) => sum + r.lost, 0),
      followed: rows.reduce((sum, r) => sum + r.followed, 0),
      unfollowed: rows.reduce((sum, r) => sum + r.unfollowed, 0),
      posts: withPosts.length === 0 ? null : withPosts.reduce((sum, r) => sum + r.posts!, 0),
    },
    postsTarget: Math.round((settings.postsPerWeekTarget * range.days) / 7),
  };
}

function addMoney(money: Money, outcome: Outcome): Money {
  if (outcome.value === null || outcome.currency === null) return money;
  // Cents avoid 0.1 + 0.2 drifting in long sums.
  const cents = Math.round((money[outcome.currency] ?? 0) * 100) + Math.round(outcome.value * 100);
  return { ...money, [outcome.currency]: cents / 100 };
}

function side(outcomes: readonly Outcome[], ms: number): BusinessSide {
  const value = outcomes.reduce(addMoney, {});
  const hours = ms / HOUR;
  return {
    ms,
    outcomes: outcomes.length,
    value,
    outcomesPerHour: ms === 0 ? null : outcomes.length / hours,
    valuePerHour: ms === 0 ? {} : Object.fromEntries(Object.entries(value).map(([c, v]) => [c, v / hours])),
  };
}

/** Outcomes in the range by channel, and per hour of online and of offline time. */
export function outcomeReport(
  outcomes: readonly Outcome[],
  range: DayRange,
  time: Pick<PeriodTotals, 'onlineMs' | 'offlineMs'>,
) {
  const from = dayKey(range.from);
  const to = dayKey(addDays(range.from, range.days - 1));
  const inRange = outcomes.filter((o) => o.date >= from && o.date <= to);
  const byChannel: ChannelOutcomes[] = outcomeChannels
    .map((channel) => {
      const of = inRange.filter((o) => o.channel === channel);
      return { channel, count: of.length, value: of.reduce(addMoney, {}) };
    })
    .filter((c) => c.count > 0);
  return {
    outcomes: { byChannel, total: inRange.length },
    business: {
      online: side(
        inRange.filter((o) => isOnlineChannel(o.channel)),
        time.onlineMs,
      ),
      offline: side(
        inRange.filter((o) => !isOnlineChannel(o.channel)),
        time.offlineMs,
      ),
    },
  };
}

export function report(
  input: {
    entries: readonly (Timed & Pick<TimeEntry, 'activity'>)[];
    outcomes: readonly Outcome[];
    accounts: readonly { account: Account; data: AccountData }[];
    settings: Settings;
    briefings?: Parameters<typeof catchUpCounts>[0];
  },
  range: DayRange,
  now: number,
  /** The names of the devices in `time.byDevice`, by id, as the person named them. */
  deviceNames: Record<string, string> = {},
): Report {
  const time = timeReport(input.entries, range, input.settings, now);
  return {
    time,
    deviceNames,
    network: networkReport(input.accounts, range, input.settings, input.briefings),
    activities: activityTotals(input.entries, range),
    ...outcomeReport(input.outcomes, range, time.totals),
  };
}

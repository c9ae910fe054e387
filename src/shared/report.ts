// The report over a range of days: time online vs offline, the network side, and what networking produced.
import type { Money, OutcomeChannel } from './outcomes.ts';
import type { Activity, DayTotals, Network, SessionKind } from './types.ts';

export interface PeriodTotals {
  onlineMs: number;
  offlineMs: number;
  /** Online share of all logged time, in whole percent; null when nothing was logged. */
  sharePct: number | null;
  daysOverBudget: number;
}

export interface TimeReport {
  /** First and last day, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  days: DayTotals[];
  budgetMs: number;
  shareTargetPct: number;
  /** The weekly offline target scaled to the range's length. */
  offlineTargetMs: number;
  totals: PeriodTotals;
  /** The same number of days just before, for the comparison. */
  previous: PeriodTotals & { from: string; to: string };
}

export interface Counts {
  followers: number;
  following: number;
}

export interface NetworkReportRow {
  accountId: string;
  network: Network;
  handle: string;
  /** The last counts known at the range's start and end; null where no sync had happened yet. */
  start: Counts | null;
  end: Counts | null;
  gained: number;
  lost: number;
  /** Follows and unfollows the user made. */
  followed: number;
  unfollowed: number;
  /** Posts published in the range, from the network's post count; null where the network gave none. */
  posts: number | null;
}

/** The briefing over the same days: followers' posts and how many were scanned, mentions and their answers. */
export interface CatchUpCounts {
  posts: number;
  scanned: number;
  mentions: number;
  answered: number;
  /** Mentions of the period still waiting for an answer. */
  waiting: number;
}

export interface NetworkReport {
  accounts: NetworkReportRow[];
  catchUp: CatchUpCounts;
  combined: Omit<NetworkReportRow, 'accountId' | 'network' | 'handle'>;
  /** The posts-per-week target scaled to the range's length. */
  postsTarget: number;
}

export interface ChannelOutcomes {
  channel: OutcomeChannel;
  count: number;
  value: Money;
}

/** Outcomes and money per hour of online and of offline time: what brings business. */
export interface BusinessSide {
  ms: number;
  outcomes: number;
  value: Money;
  /** null where no time was logged on this side. */
  outcomesPerHour: number | null;
  valuePerHour: Money;
}

/** An activity's time over the range: online and offline activities apart. */
export interface ActivityTotal {
  kind: SessionKind;
  activity: Activity;
  ms: number;
  /** Entries with time in the range, the running session counted as one. */
  entries: number;
}

export interface Report {
  time: TimeReport;
  network: NetworkReport;
  outcomes: { byChannel: ChannelOutcomes[]; total: number };
  business: { online: BusinessSide; offline: BusinessSide };
  /** Online first, then offline, each largest first; activities with no time are left out. */
  activities: ActivityTotal[];
}

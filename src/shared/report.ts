// The report over a range of days: time online vs offline, the network side, and what networking produced.
import type { Money, OutcomeChannel } from './outcomes.ts';
import type { PeriodKind } from './reportPeriods.ts';
import type { Activity, DayTotals, Network, SessionKind } from './types.ts';

export interface PeriodTotals {
  onlineMs: number;
  offlineMs: number;
  /** Online share of all logged time, in whole percent; null when nothing was logged. */
  sharePct: number | null;
  daysOverBudget: number;
  /** The days that count towards days over budget: those passed, and today once it is over. */
  daysCounted: number;
}

/** Totals of the days compared, first and last 'YYYY-MM-DD' inclusive. */
export interface ComparedDays extends PeriodTotals {
  from: string;
  to: string;
  days: number;
}

/** current − previous, and whether that is good news; neutral when equal or (online) still within budget. */
export interface Change {
  diff: number;
  verdict: 'good' | 'bad' | 'neutral';
}

/** The period's days up to today while it runs ('so far'), against the same days of the period before. */
export interface Comparison {
  kind: PeriodKind;
  running: boolean;
  current: ComparedDays;
  previous: ComparedDays;
  /** share is null where either side logged nothing. */
  changes: { online: Change; offline: Change; share: Change | null; daysOverBudget: Change };
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
  comparison: Comparison;
  /** Online and offline time per device over the range, largest first; they add up to `totals`. */
  byDevice: DeviceTime[];
}

/** A device's time over the range, minutes also timed on another device counted for one of them only. */
export interface DeviceTime {
  /** The device's id; '' for entries from before devices synced. */
  device: string;
  onlineMs: number;
  offlineMs: number;
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
  /** The devices' names by id, for `time.byDevice`; an id without a name is a device no longer known. */
  deviceNames: Record<string, string>;
}

// What restoring a backup does to the data Twoway holds: merged without duplicates, counted per section
// before anything is written, so the user sees a dry run and a restore is all or nothing.
import { isDeepStrictEqual } from 'node:util';
import type { RestoreSummary } from '../../shared/contract.ts';
import type { AccountData, NetworkEvent } from '../../shared/people.ts';
import type { Outcome } from '../../shared/outcomes.ts';
import type { Account, Settings, TimeEntry } from '../../shared/types.ts';
import type { AccountCatchUp } from './catchUp/read.ts';

/** What the user chose about people of one account: why someone is kept, whose protection was lifted. */
export interface PeopleChoices {
  keepReasons: Record<string, string>;
  lifted: string[];
}

export interface Holdings {
  settings: Settings;
  timeEntries: TimeEntry[];
  outcomes: Outcome[];
  accounts: { account: Account; data: AccountData }[];
  /** Each account's catch-up briefing: posts scanned, mentions answered or ignored. */
  catchUp: Record<string, AccountCatchUp>;
  /** Per account: keep reasons and lifted protections. */
  peopleChoices: Record<string, PeopleChoices>;
}

type Section = RestoreSummary['sections'][number];

// Key order differs between a file read back and data built here; equality must not depend on it.
const same = isDeepStrictEqual;

/** Records merged by id: new ones added, differing ones taken from the backup, equal ones skipped. */
function byId<T extends { id: string }>(
  name: string,
  current: readonly T[],
  incoming: readonly T[],
  refuse: (item: T) => boolean = () => false,
): { merged: T[]; section: Section } {
  const section = { name, added: 0, changed: 0, skipped: 0 };
  const merged = new Map(current.map((item) => [item.id, item]));
  for (const item of incoming) {
    const existing = merged.get(item.id);
    if (existing && same(existing, item)) section.skipped++;
    else if (existing) {
      merged.set(item.id, item);
      section.changed++;
    } else if (refuse(item)) section.skipped++;
    else {
      merged.set(item.id, item);
      section.added++;
    }
  }
  return { merged: [...merged.values()], section };
}

const eventKey = (e: NetworkEvent) => `${e.at}|${e.type}|${e.person.id}`;

/** One account's data from two copies: histories and events joined, the lists of the later sync kept. */
export function mergeAccountData(current: AccountData, incoming: AccountData): AccountData {
  const known = new Set(current.events.map(eventKey));
  const times = new Set(current.history.map((s) => s.at));
  const events = incoming.events.filter((e) => !known.has(eventKey(e)));
  const history = incoming.history.filter((s) => !times.has(s.at));
  const keep = incoming.keep.filter((id) => !current.keep.includes(id));
  const newer = (incoming.syncedAt ?? -Infinity) > (current.syncedAt ?? -Infinity);
  // Nothing new: the copy here stays exactly as it is.
  if (events.length + history.length + keep.length === 0 && !newer) return current;
  return {
    ...(newer ? incoming : current),
    history: [...current.history, ...history].sort((a, b) => a.at - b.at),
    events: [...current.events, ...events].sort((a, b) => a.at - b.at),
    keep: [...current.keep, ...keep],
  };
}

/** Whether a span overlaps any of `entries`, which never overlap each other: a binary search, not a walk. */
function overlapsAny(entries: readonly TimeEntry[]): (span: Pick<TimeEntry, 'start' | 'end'>) => boolean {
  const sorted = [...entries].sort((a, b) => a.start - b.start);
  return (span) => {
    // The last entry starting before the span ends is the only one that can reach into it.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]!.start < span.end) low = mid + 1;
      else high = mid;
    }
    const candidate = sorted[low - 1];
    return candidate !== undefined && candidate.end > span.start;
  };
}

/** Choices merged person by person: a reason from the backup is taken, a lifted protection stays lifted. */
function mergeChoices(current: Holdings['peopleChoices'], incoming: Holdings['peopleChoices']) {
  const section = { name: 'Keep reasons and lifted protections', added: 0, changed: 0, skipped: 0 };
  const merged = { ...current };
  for (const [accountId, theirs] of Object.entries(incoming)) {
    const here = merged[accountId] ?? { keepReasons: {}, lifted: [] };
    const keepReasons = { ...here.keepReasons };
    for (const [personId, reason] of Object.entries(theirs.keepReasons)) {
      const known = keepReasons[personId];
      if (known === reason) section.skipped++;
      else {
        if (known === undefined) section.added++;
        else section.changed++;
        keepReasons[personId] = reason;
      }
    }
    const fresh = theirs.lifted.filter((id) => !here.lifted.includes(id));
    section.added += fresh.length;
    section.skipped += theirs.lifted.length - fresh.length;
    // An account whose choices the backup adds nothing to stays exactly as it is.
    if (!same(keepReasons, here.keepReasons) || fresh.length > 0 || !merged[accountId]) {
      merged[accountId] = { keepReasons, lifted: [...here.lifted, ...fresh] };
    }
  }
  return { merged, section };
}

export function restorePlan(current: Holdings, backup: Holdings): { next: Holdings; sections: Section[] } {
  // Start at login belongs to this computer, not to the data: a restore keeps this one's.
  const settings = { ...backup.settings, startAtLogin: current.settings.startAtLogin };
  const settingsChanged = !same(current.settings, settings);
  // A time entry from another copy that overlaps one already here is the same session recorded twice.
  const entries = byId('Time entries', current.timeEntries, backup.timeEntries, overlapsAny(current.timeEntries));
  const outcomes = byId('Outcomes', current.outcomes, backup.outcomes);

  const accountsSection = { name: 'Network accounts', added: 0, changed: 0, skipped: 0 };
  const accounts = new Map(current.accounts.map((a) => [a.account.id, a]));
  for (const incoming of backup.accounts) {
    const existing = accounts.get(incoming.account.id);
    if (!existing) {
      accounts.set(incoming.account.id, incoming);
      accountsSection.added++;
      continue;
    }
    const data = mergeAccountData(existing.data, incoming.data);
    if (data === existing.data) accountsSection.skipped++;
    else {
      accounts.set(incoming.account.id, { account: existing.account, data });
      accountsSection.changed++;
    }
  }

  // A briefing from a later catch-up replaces the one here; an earlier one changes nothing.
  const briefings = { name: 'Catch-up briefings', added: 0, changed: 0, skipped: 0 };
  const catchUp = { ...current.catchUp };
  for (const [accountId, incoming] of Object.entries(backup.catchUp)) {
    const here = catchUp[accountId];
    if (!here) {
      catchUp[accountId] = incoming;
      briefings.added++;
    } else if ((incoming.lastCatchUpAt ?? -Infinity) > (here.lastCatchUpAt ?? -Infinity)) {
      catchUp[accountId] = incoming;
      briefings.changed++;
    } else briefings.skipped++;
  }

  const choices = mergeChoices(current.peopleChoices, backup.peopleChoices);

  return {
    next: {
      settings,
      timeEntries: entries.merged.sort((a, b) => a.start - b.start),
      outcomes: outcomes.merged,
      accounts: [...accounts.values()],
      catchUp,
      peopleChoices: choices.merged,
    },
    sections: [
      { name: 'Settings', added: 0, changed: settingsChanged ? 1 : 0, skipped: settingsChanged ? 0 : 1 },
      entries.section,
      outcomes.section,
      accountsSection,
      briefings,
      choices.section,
    ],
  };
}

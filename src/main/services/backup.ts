// Backup and restore of everything Twoway holds except secrets: one JSON file out; in, a validated file
// merged into what is here, shown first as a dry run, and applied whole or not at all.
import { z } from 'zod';
import type { Download, RestoreSummary } from '../../shared/contract.ts';
import { dayKey } from '../../shared/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { restorePlan, type Holdings } from '../core/restorePlan.ts';
import { accountDataSchema } from './balance/accountData.ts';
import { accountSchema, type Accounts } from './balance/accounts.ts';
import type { CatchUp } from './catchUp/briefing.ts';
import { accountCatchUp } from './catchUp/briefingFile.ts';
import { Failure } from './failure.ts';
import { outcomeSchema, type Outcomes } from './outcomes/outcomes.ts';
import type { PeopleDetails } from './balance/peopleDetails.ts';
import { peopleChoices } from './balance/peopleFiles.ts';
import { settingsSchema, type SettingsService } from './settings.ts';
import { entrySchema, type TimeTracker } from './time/timeTracker.ts';

/** The backup file's format; a newer Twoway may write a higher one, which this one refuses to guess at. */
export const backupFormat = 1;

// Backups made before update checks, start at login and discarding short sessions existed have none of them:
// those take their defaults.
const backupSettings = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null
      ? { checkForUpdates: true, startAtLogin: false, discardShortSessions: true, ...value }
      : value,
  settingsSchema,
);

const dataSchema = z.object({
  settings: backupSettings,
  timeEntries: z.array(entrySchema),
  outcomes: z.array(outcomeSchema),
  accounts: z.array(z.object({ account: accountSchema, data: accountDataSchema })),
  // Backups made before the briefing existed have none.
  catchUp: z.record(z.string(), accountCatchUp).default({}),
  // Backups made before keep reasons and lifted protections were kept with them have none.
  peopleChoices: z.record(z.string(), peopleChoices).default({}),
});

export interface BackupDeps {
  clock: Clock;
  settings: SettingsService;
  time: TimeTracker;
  outcomes: Outcomes;
  accounts: Accounts;
  catchUp: Pick<CatchUp, 'all' | 'replace'>;
  people: Pick<PeopleDetails, 'choices' | 'replaceChoices'>;
}

const refuse = (message: string) => new Failure('invalid-input', message, { file: message });

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return ids.find((id) => seen.has(id) || !seen.add(id));
}

/** The backup's data, or a refusal that says what is wrong with the file. */
export function readBackup(text: string): { createdAt: number; data: Holdings } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse('This file is not a Twoway backup: it is not JSON.');
  }
  const head = json as { app?: unknown; kind?: unknown; format?: unknown; createdAt?: unknown };
  if (typeof json !== 'object' || json === null || head.app !== 'twoway' || head.kind !== 'backup') {
    throw refuse('This file is not a Twoway backup: it lacks the Twoway backup header.');
  }
  if (typeof head.format !== 'number' || !Number.isInteger(head.format) || head.format < 1) {
    throw refuse('This backup has no valid format number; it may have been edited by hand.');
  }
  if (head.format > backupFormat) {
    throw refuse(
      `This backup was made by a newer Twoway (backup format ${head.format}); this one reads format ${backupFormat}. Update Twoway to restore it.`,
    );
  }
  const parsed = z.object({ createdAt: z.number(), data: dataSchema }).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`This backup is damaged at ${issue.path.join('.') || 'its root'}: ${issue.message}`);
  }
  const { data } = parsed.data;
  const duplicates: [string, string | undefined][] = [
    ['time entry', firstDuplicate(data.timeEntries.map((e) => e.id))],
    ['outcome', firstDuplicate(data.outcomes.map((o) => o.id))],
    ['account', firstDuplicate(data.accounts.map((a) => a.account.id))],
  ];
  for (const [what, id] of duplicates) {
    if (id !== undefined) throw refuse(`This backup lists the ${what} “${id}” twice; it may have been edited by hand.`);
  }
  const entries = [...data.timeEntries].sort((a, b) => a.start - b.start);
  const bad = entries.find((e) => e.end <= e.start);
  if (bad) throw refuse(`This backup is damaged: the time entry “${bad.id}” ends before it starts.`);
  const overlap = entries.find((e, i) => i > 0 && entries[i - 1]!.end > e.start);
  if (overlap) throw refuse(`This backup is damaged: the time entry “${overlap.id}” overlaps the one before it.`);
  return { createdAt: parsed.data.createdAt, data };
}

export function createBackup({ clock, settings, time, outcomes, accounts, catchUp, people }: BackupDeps) {
  const holdings = (): Holdings => ({
    settings: settings.get(),
    timeEntries: time.list(-Infinity, Infinity),
    outcomes: outcomes.list(),
    accounts: accounts.list().map((account) => ({ account, data: accounts.data(account.id) })),
    catchUp: catchUp.all(),
    peopleChoices: people.choices(),
  });

  function plan(text: string) {
    const { createdAt, data } = readBackup(text);
    return { createdAt, ...restorePlan(holdings(), data) };
  }

  /** The writes a restore makes, each with the write that takes it back. */
  function steps(next: Holdings, before: Holdings): { apply: () => unknown; undo: () => unknown }[] {
    const had = new Map(before.accounts.map((a) => [a.account.id, a]));
    return [
      { apply: () => settings.update(next.settings), undo: () => settings.update(before.settings) },
      { apply: () => time.replace(next.timeEntries), undo: () => time.replace(before.timeEntries) },
      { apply: () => outcomes.replace(next.outcomes), undo: () => outcomes.replace(before.outcomes) },
      { apply: () => catchUp.replace(next.catchUp), undo: () => catchUp.replace(before.catchUp) },
      {
        apply: () => people.replaceChoices(next.peopleChoices),
        undo: () => people.replaceChoices(before.peopleChoices),
      },
      // Accounts the merge left as they were are not rewritten.
      ...next.accounts
        .filter((a) => had.get(a.account.id)?.data !== a.data)
        .map(({ account, data }) => {
          const old = had.get(account.id);
          return {
            apply: () => accounts.put(account, data),
            undo: () => (old ? accounts.put(old.account, old.data) : accounts.remove(account.id)),
          };
        }),
    ];
  }

  return {
    export(): Download {
      const now = clock.now();
      const file = { app: 'twoway', kind: 'backup', format: backupFormat, createdAt: now, data: holdings() };
      return {
        fileName: `twoway-backup-${dayKey(now)}.json`,
        mimeType: 'application/json',
        text: JSON.stringify(file),
      };
    },
    preview(text: string): RestoreSummary {
      const { createdAt, sections } = plan(text);
      return { createdAt, sections };
    },
    async restore(text: string): Promise<RestoreSummary> {
      const { createdAt, sections, next } = plan(text);
      const done: (() => unknown)[] = [];
      try {
        for (const step of steps(next, holdings())) {
          step.apply();
          done.push(step.undo);
        }
      } catch (error) {
        // Never a partial restore: what was written goes back, newest first.
        for (const undo of done.reverse()) await undo();
        const reason = error instanceof Error ? error.message : String(error);
        throw new Failure('unavailable', `Nothing was restored, because a file could not be written: ${reason}`);
      }
      return { createdAt, sections };
    },
  };
}
export type Backup = ReturnType<typeof createBackup>;

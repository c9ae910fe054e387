// The report over any range of local days, and the CSV files behind it.
import type { Download } from '../../../shared/contract.ts';
import type { Comparison, Report } from '../../../shared/report.ts';
import { MINUTE, addDays, dayKey, daysBetween, fromDayKey, startOfWeek } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import { dailyCsv, entriesCsv, outcomesCsv } from '../../core/report/exports.ts';
import { networkReport, report, timeReport } from '../../core/report/report.ts';
import { comparison, type DayRange } from '../../core/report/comparison.ts';
import type { WeekFigures } from '../../core/time/reminderRules.ts';
import { runningAsEntry } from '../../core/time/timeLedger.ts';
import type { Devices } from '../devices/devices.ts';
import type { Accounts } from '../balance/accounts.ts';
import type { CatchUp } from '../catchUp/briefing.ts';
import { invalid } from '../failure.ts';
import type { Outcomes } from '../outcomes/outcomes.ts';
import type { SettingsService } from '../settings.ts';
import type { TimeTracker } from '../time/timeTracker.ts';

export interface ReportsDeps {
  clock: Clock;
  settings: SettingsService;
  time: TimeTracker;
  outcomes: Outcomes;
  accounts: Accounts;
  catchUp: Pick<CatchUp, 'kept'>;
  /** The zone local times are in, stated in every CSV file. */
  timeZone: string;
  /** This device's id (the running session's) and every device's name, for the report's "by device". */
  devices: Pick<Devices, 'thisDevice' | 'names'>;
}

/** The longest range a report covers: ten years of days. */
const maxDays = 3660;

export type CsvTable = 'entries' | 'daily' | 'outcomes';

export function createReports({ clock, settings, time, outcomes, accounts, catchUp, timeZone, devices }: ReportsDeps) {
  function rangeOf(from: string, to: string): DayRange {
    const start = fromDayKey(from);
    const last = fromDayKey(to);
    if (Number.isNaN(start)) throw invalid({ from: `There is no day ${from}.` });
    if (Number.isNaN(last)) throw invalid({ to: `There is no day ${to}.` });
    const days = daysBetween(start, last) + 1;
    if (days > maxDays) throw invalid({ to: 'A report covers at most ten years.' });
    return { from: start, days };
  }

  /** The ledger with the running session counted up to now. */
  function spans() {
    const { running } = time.state();
    const entries = time.list(-Infinity, Infinity);
    if (!running) return entries;
    return [
      ...entries,
      { ...runningAsEntry(running, clock.now()), activity: running.activity, device: devices.thisDevice() },
    ];
  }

  const accountsWithData = () => accounts.list().map((account) => ({ account, data: accounts.data(account.id) }));

  return {
    report(from: string, to: string): Report {
      return report(
        {
          entries: spans(),
          outcomes: outcomes.list(),
          accounts: accountsWithData(),
          settings: settings.get(),
          briefings: catchUp.kept(),
        },
        rangeOf(from, to),
        clock.now(),
        devices.names(),
      );
    },
    /** The report's comparison of `from`–`to` with the period before, without the rest of the report. */
    comparison(from: string, to: string): Comparison {
      const { weekStartsOn, dailyOnlineBudgetMin } = settings.get();
      return comparison(spans(), rangeOf(from, to), clock.now(), weekStartsOn, dailyOnlineBudgetMin * MINUTE);
    },
    /** The week before the one holding `now`, for the digest; null when that week holds nothing to tell. */
    lastWeek(now: number): WeekFigures | null {
      const from = addDays(startOfWeek(now, settings.get().weekStartsOn), -7);
      const range = { from, days: 7 };
      const { totals } = timeReport(spans(), range, settings.get(), clock.now());
      const { combined } = networkReport(accountsWithData(), range, settings.get());
      const followerChange = combined.start && combined.end ? combined.end.followers - combined.start.followers : null;
      if (totals.onlineMs + totals.offlineMs === 0 && followerChange === null) return null;
      return {
        from: dayKey(from),
        to: dayKey(addDays(from, 6)),
        onlineMs: totals.onlineMs,
        offlineMs: totals.offlineMs,
        followerChange,
      };
    },
    csv(table: CsvTable, from: string, to: string): Download {
      const range = rangeOf(from, to);
      const fileName = `twoway-${table === 'entries' ? 'time-entries' : table === 'daily' ? 'daily-totals' : 'outcomes'}-${from}-to-${to}.csv`;
      const file = (text: string): Download => ({ fileName, mimeType: 'text/csv', text });
      if (table === 'outcomes') {
        const inRange = outcomes.list().filter((o) => o.date >= from && o.date <= to);
        return file(outcomesCsv(inRange.reverse()));
      }
      if (table === 'daily') {
        const { days, budgetMs } = timeReport(spans(), range, settings.get(), clock.now());
        return file(dailyCsv(days, budgetMs, timeZone));
      }
      return file(entriesCsv(time.list(range.from, addDays(range.from, range.days)), timeZone));
    },
  };
}
export type Reports = ReturnType<typeof createReports>;

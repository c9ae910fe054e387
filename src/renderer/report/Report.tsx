import { useEffect } from 'react';
import { NetworkSide } from './NetworkSide.tsx';
import { OutcomesSide } from './OutcomesSide.tsx';
import { PeriodPicker, type Period } from './PeriodPicker.tsx';
import { ReportExports } from './ReportExports.tsx';
import { TimeSide } from './TimeSide.tsx';
import { ActivityBreakdown } from './ActivityBreakdown.tsx';
import { DeviceBreakdown } from './DeviceBreakdown.tsx';
import { thisWeek } from '../../shared/reportPeriods.ts';
import { rangeLabel } from '../format.ts';
import { useApp } from '../shell/appStore.ts';
import { useReport } from './reportStore.ts';
import { useTime } from '../time/timeStore.ts';
import { go } from '../route.ts';
import './Report.css';

/** Week by week (or any range): time online vs offline, the network side, and what networking produced. */
export function Report({ chosen }: { chosen: Period | undefined }) {
  const weekStartsOn = useApp((state) => state.settings?.weekStartsOn);
  // Today as main's clock says, kept current by its time events.
  const today = useTime((state) => state.summary?.today.day);
  const { report, error, api } = useReport();
  // The period lives in the address ('#/report?from=…&to=…'), so the digest, reloads and back/forward keep it.
  const fallback = weekStartsOn !== undefined && today ? thisWeek(weekStartsOn, today) : null;
  const period: Period | null = fallback && (chosen ?? fallback);

  const from = period?.from;
  const to = period?.to;
  useEffect(() => {
    if (from && to) void api.show(from, to);
  }, [api, from, to]);
  useEffect(() => () => api.hide(), [api]);

  const choose = (next: Period) => go({ view: 'report', period: next });

  if (!period || !today) return null;
  const shown = report && report.time.from === period.from && report.time.to === period.to ? report : null;
  return (
    <div className="report">
      <p className="print-only print-title">Twoway report · {rangeLabel(period.from, period.to)}</p>
      <PeriodPicker
        key={`${period.from}/${period.to}`}
        period={period}
        weekStartsOn={weekStartsOn!}
        today={today}
        onChange={choose}
      />
      <ReportExports period={period} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <>
          <TimeSide report={shown.time} today={today} />
          <ActivityBreakdown activities={shown.activities} />
          <DeviceBreakdown byDevice={shown.time.byDevice} names={shown.deviceNames} />
          <NetworkSide network={shown.network} ended={shown.time.to < today} />
          <OutcomesSide report={shown} />
        </>
      )}
    </div>
  );
}

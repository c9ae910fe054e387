// How the report's like-with-like comparison reads: which days, against what, and whether the change is good.
import type { Change, Comparison } from '../../shared/report.ts';
import { duration, weekdayLabel } from '../format.ts';

/** A duration that never breaks across lines: '1 h 56' stays whole in a narrow card. */
export const time = (ms: number) => duration(ms).replace(/ /g, '\u00a0');

const date = (key: string) => {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

/** 'Mon–Tue' in a week, '1 – 15 Dec' otherwise; one day reads as one. */
export function daysLabel(from: string, to: string, kind: Comparison['kind']): string {
  if (kind === 'week') return from === to ? weekdayLabel(from) : `${weekdayLabel(from)}–${weekdayLabel(to)}`;
  const format = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  return from === to ? format.format(date(from)) : format.formatRange(date(from), date(to));
}

/** What the period is compared with: 'the same days last week', 'the month before', 'the 30 days before'. */
export function against({ kind, running, previous }: Comparison): string {
  const before = kind === 'week' ? 'last week' : kind === 'month' ? 'last month' : `the ${previous.days} days before`;
  if (running) return kind === 'days' ? `the same days of ${before}` : `the same days ${before}`;
  return kind === 'week' ? 'the week before' : kind === 'month' ? 'the month before' : before;
}

/** 'Mon–Tue so far' or '16 – 22 Nov' for the days compared. */
export function comparedLabel(comparison: Comparison): string {
  const { current, kind, running } = comparison;
  // Weekdays say which days of a running week; a week that is over reads by its dates.
  return running ? `${daysLabel(current.from, current.to, kind)} so far` : daysLabel(current.from, current.to, 'days');
}

const verdictWords: Record<Change['verdict'], string> = { good: ' — good', bad: ' — bad', neutral: '' };

/** '▼ 1 h 03 less than the same days last week — good'; without a comparison to name, '▼ 1 h 03 less — good'. */
export function changeText(
  change: Change,
  comparison: Comparison | null,
  show: (n: number) => string,
  words: { more: string; less: string } = { more: 'more', less: 'less' },
  neutral = '',
): string {
  const than = comparison ? ` than ${against(comparison)}` : '';
  if (change.diff === 0) return comparison ? `no change from ${against(comparison)}` : 'no change';
  const up = change.diff > 0;
  const said = `${up ? '▲' : '▼'} ${show(Math.abs(change.diff))} ${up ? words.more : words.less}${than}`;
  return said + (change.verdict === 'neutral' ? neutral : verdictWords[change.verdict]);
}

export const verdictClass = (change: Change | null) =>
  change?.verdict === 'good' ? 'good' : change?.verdict === 'bad' ? 'warn' : 'muted';

import type { AccountBalance, CountSnapshot } from '../../shared/types.ts';

const WEEK = 7 * 24 * 60 * 60 * 1000;

export interface Figures {
  followers: number;
  following: number;
  mutuals: number;
  /** followers − following: negative means you follow more people than follow you. */
  difference: number;
  followersThisWeek: number;
  followingThisWeek: number;
  /** Followers gained and lost over the last seven days. */
  gained: number;
  lost: number;
  at: number;
}

function weekAgo(history: CountSnapshot[], latest: CountSnapshot): CountSnapshot {
  return [...history].reverse().find((s) => s.at <= latest.at - WEEK) ?? history[0] ?? latest;
}

export function figuresOf({ history, week }: AccountBalance): Figures | null {
  const latest = history.at(-1);
  if (!latest) return null;
  const before = weekAgo(history, latest);
  return {
    followers: latest.followers,
    following: latest.following,
    mutuals: latest.mutuals,
    difference: latest.followers - latest.following,
    followersThisWeek: latest.followers - before.followers,
    followingThisWeek: latest.following - before.following,
    gained: week.gained,
    lost: week.lost,
    at: latest.at,
  };
}

export function combined(balances: AccountBalance[]): Figures | null {
  const all = balances.map(figuresOf).filter((f): f is Figures => f !== null);
  if (all.length === 0) return null;
  const sum = (pick: (f: Figures) => number) => all.reduce((total, f) => total + pick(f), 0);
  return {
    followers: sum((f) => f.followers),
    following: sum((f) => f.following),
    mutuals: sum((f) => f.mutuals),
    difference: sum((f) => f.difference),
    followersThisWeek: sum((f) => f.followersThisWeek),
    followingThisWeek: sum((f) => f.followingThisWeek),
    gained: sum((f) => f.gained),
    lost: sum((f) => f.lost),
    at: Math.min(...all.map((f) => f.at)),
  };
}

export function ratio(f: Figures): string {
  return f.following === 0 ? '—' : (f.followers / f.following).toFixed(2);
}

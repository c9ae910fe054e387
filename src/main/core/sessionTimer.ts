// The session timer as pure transitions: one running session at a time, elapsed always now − start.
import type { Activity, RunningSession, SessionKind, TimeEntry } from '../../shared/types.ts';

export const defaultActivity: Record<SessionKind, Activity> = { online: 'scanning', offline: 'meeting' };

/** Shorter sessions are taps on the wrong button, not time worth recording. */
export const shortestSessionMs = 1000;

export interface Transition {
  running: RunningSession | null;
  /** The entry the previous session became, if it was worth keeping. */
  closed: Omit<TimeEntry, 'id'> | null;
}

export function stop(running: RunningSession | null, now: number): Transition {
  if (!running) return { running: null, closed: null };
  // A clock set back before the start never yields a negative duration.
  const end = Math.max(running.start, now);
  const closed =
    end - running.start >= shortestSessionMs
      ? {
          kind: running.kind,
          activity: running.activity,
          start: running.start,
          end,
          note: '',
          source: 'timer' as const,
        }
      : null;
  return { running: null, closed };
}

/** Starting any session stops the current one first, so two never run at once. */
export function start(
  running: RunningSession | null,
  kind: SessionKind,
  activity: Activity | undefined,
  now: number,
): Transition {
  const { closed } = stop(running, now);
  return {
    running: { kind, activity: activity ?? defaultActivity[kind], start: now, heartbeat: now },
    closed,
  };
}

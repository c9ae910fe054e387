// The session timer as pure transitions over { running, question }: one session at a time, elapsed always
// now − start, and every stretch the timer cannot judge alone (crash, sleep, idle) put to the user.
import type { Activity, SessionKind, TimeEntry, TimerAnswer, TimerState } from '../../shared/types.ts';
import { DAY, MINUTE } from '../../shared/calendar.ts';

export const defaultActivity: Record<SessionKind, Activity> = { online: 'scanning', offline: 'meeting' };

/** Shorter sessions are taps on the wrong button, not time worth recording. */
export const shortestSessionMs = 1000;
/** How often a running session's heartbeat is written: at most this much is lost to a crash. */
export const heartbeatMs = MINUTE;
/** A tick this far from when it was due means the clock was changed or the computer slept unnoticed. */
export const clockJumpMs = 30_000;
/** Shorter sleeps and locks are not worth a question. */
export const shortestAwayMs = MINUTE;

export type ClosedEntry = Omit<TimeEntry, 'id'>;

export interface Transition {
  state: TimerState;
  /** Entries the closed session became: cut into pieces of at most 24 hours, like any entry. */
  closed: ClosedEntry[];
}

export const idle: TimerState = { running: null, question: null };

function close(state: TimerState, end: number): ClosedEntry[] {
  const running = state.running;
  if (!running) return [];
  // A clock set back before the start never yields a negative duration.
  const last = Math.max(running.start, end);
  if (last - running.start < shortestSessionMs) return [];
  const pieces: ClosedEntry[] = [];
  for (let from = running.start; from < last; from += DAY) {
    const to = Math.min(from + DAY, last);
    pieces.push({ kind: running.kind, activity: running.activity, start: from, end: to, note: '', source: 'timer' });
  }
  return pieces;
}

export function stop(state: TimerState, now: number): Transition {
  return { state: idle, closed: close(state, now) };
}

/** Starting any session stops the current one first, so two never run at once; starting the same one again changes nothing. */
export function start(state: TimerState, kind: SessionKind, activity: Activity | undefined, now: number): Transition {
  const running = state.running;
  if (running?.kind === kind && (activity === undefined || activity === running.activity)) return { state, closed: [] };
  return {
    state: {
      running: { kind, activity: activity ?? defaultActivity[kind], start: now, heartbeat: now },
      question: null,
    },
    closed: close(state, now),
  };
}

/** The periodic check of a running session: heartbeat, clock changes, idle time. */
export function tick(state: TimerState, now: number, idleMs: number | null, idleLimitMs: number): TimerState {
  const running = state.running;
  if (!running || running.awayFrom !== undefined) return state;
  let { start: begin, heartbeat } = running;
  let question = state.question;
  const jump = now - (heartbeat + heartbeatMs);
  if (jump < -clockJumpMs - heartbeatMs) {
    // The clock was set back: move the start with it, so the elapsed time neither shrinks nor goes negative.
    begin += jump;
  } else if (jump > clockJumpMs && !question) {
    // Slept without telling us, or the clock was set forward: that stretch is the user's to keep or drop.
    question = { reason: 'away', from: heartbeat, to: now };
  }
  if (!question && idleMs !== null && idleMs >= idleLimitMs) {
    question = { reason: 'idle', from: Math.max(begin, now - idleMs), to: now };
  }
  heartbeat = now;
  return { running: { ...running, start: begin, heartbeat }, question };
}

/** The computer sleeps or the screen locks. */
export function suspend(state: TimerState, now: number): TimerState {
  if (!state.running || state.running.awayFrom !== undefined) return state;
  return { ...state, running: { ...state.running, awayFrom: now, heartbeat: now } };
}

/** Back from sleep or lock: a long absence becomes a question, merged with one already open. */
export function resume(state: TimerState, now: number): TimerState {
  const running = state.running;
  if (!running || running.awayFrom === undefined) return state;
  const { awayFrom, ...awake } = running;
  const from = Math.min(awayFrom, state.question?.from ?? awayFrom);
  const question = now - from >= shortestAwayMs ? { reason: 'away' as const, from, to: now } : state.question;
  return { running: { ...awake, heartbeat: now }, question };
}

/** At start-up a session still running in the file means Twoway stopped without closing it. */
export function recover(state: TimerState, now: number): TimerState {
  if (!state.running || state.question) return state;
  const { awayFrom, ...running } = state.running;
  return { running, question: { reason: 'crashed', from: awayFrom ?? running.heartbeat, to: now } };
}

export function answer(state: TimerState, choice: TimerAnswer, now: number): Transition {
  const { running, question } = state;
  if (!running || !question || choice === 'keep') return { state: { running, question: null }, closed: [] };
  const closed = close(state, question.from);
  const continueAt = question.reason === 'idle' ? now : question.to;
  const goesOn = question.reason === 'away' || (question.reason === 'idle' && choice === 'discard-continue');
  return {
    state: goesOn
      ? {
          running: { kind: running.kind, activity: running.activity, start: continueAt, heartbeat: now },
          question: null,
        }
      : idle,
    closed,
  };
}

// The session timer as pure transitions over { running, question }: one session at a time, elapsed always
// now − start, and every stretch the timer cannot judge alone (crash, sleep, idle) put to the user.
import type { SessionChoice, SessionKind, TimeEntry, TimerAnswer, TimerState } from '../../../shared/types.ts';
import { DAY, MINUTE } from '../../../shared/calendar.ts';

/** Shorter sessions are taps on the wrong button, not time worth recording. */
export const shortestSessionMs = 1000;
/** With "Discard sessions shorter than 1 minute" on, the shortest session that is kept. */
export const shortestKeptSessionMs = MINUTE;
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
  /** How long the closed session ran when it was too short to keep; absent when nothing was dropped. */
  discardedMs?: number;
}

export const idle: TimerState = { running: null, question: null };

/** The session up to `end` as entries, or dropped (and how long it ran) when shorter than `shortestMs`. */
function close(state: TimerState, end: number, shortestMs: number): Omit<Transition, 'state'> {
  const running = state.running;
  if (!running) return { closed: [] };
  // A clock set back before the start never yields a negative duration.
  const last = Math.max(running.start, end);
  if (last - running.start < Math.max(shortestMs, shortestSessionMs)) {
    return { closed: [], discardedMs: last - running.start };
  }
  const pieces: ClosedEntry[] = [];
  const { kind, activity, note = '' } = running;
  for (let from = running.start; from < last; from += DAY) {
    pieces.push({ kind, activity, start: from, end: Math.min(from + DAY, last), note, source: 'timer' });
  }
  return { closed: pieces };
}

/** `shortestMs`: sessions shorter than this are dropped, not saved (the discard setting). */
export function stop(state: TimerState, now: number, shortestMs = shortestSessionMs): Transition {
  return { state: idle, ...close(state, now, shortestMs) };
}

/**
 * Starting any session stops the current one first, so two never run at once; starting the one that runs, with
 * its activity and note, changes nothing.
 */
export function start(
  state: TimerState,
  kind: SessionKind,
  choice: SessionChoice,
  now: number,
  shortestMs = shortestSessionMs,
): Transition {
  const running = state.running;
  if (running?.kind === kind && running.activity === choice.activity && (running.note ?? '') === choice.note) {
    return { state, closed: [] };
  }
  return {
    state: {
      running: { kind, activity: choice.activity, note: choice.note, start: now, heartbeat: now },
      question: null,
    },
    ...close(state, now, shortestMs),
  };
}

/** The running session gets another activity or note; it keeps its start, and its entry ends with them. */
export function change(state: TimerState, choice: Partial<SessionChoice>): TimerState {
  const running = state.running;
  if (!running) return state;
  const activity = choice.activity ?? running.activity;
  const note = choice.note ?? running.note ?? '';
  if (activity === running.activity && note === (running.note ?? '')) return state;
  return { ...state, running: { ...running, activity, note } };
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

export function answer(
  state: TimerState,
  choice: TimerAnswer,
  now: number,
  shortestMs = shortestSessionMs,
): Transition {
  const { running, question } = state;
  if (!running || !question || choice === 'keep') return { state: { running, question: null }, closed: [] };
  const closed = close(state, question.from, shortestMs);
  const continueAt = question.reason === 'idle' ? now : question.to;
  const goesOn = question.reason === 'away' || (question.reason === 'idle' && choice === 'discard-continue');
  return {
    state: goesOn
      ? {
          running: { ...goingOn(running), start: continueAt, heartbeat: now },
          question: null,
        }
      : idle,
    ...closed,
  };
}

/** The running session as it goes on after a question: same kind, activity and note, awake. */
function goingOn({ kind, activity, note }: NonNullable<TimerState['running']>) {
  return note === undefined ? { kind, activity } : { kind, activity, note };
}

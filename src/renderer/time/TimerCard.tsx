import { useState } from 'react';
import { offlineActivities, onlineActivities, type SessionChoice, type SessionKind } from '../../shared/types.ts';
import { stopwatch } from '../format.ts';
import { shortcuts } from '../shortcuts.ts';
import { useTime } from './timeStore.ts';
import { useNow } from '../useNow.ts';
import { DiscardedNotice } from '../shell/DiscardedNotice.tsx';
import { RunningElsewhere } from './RunningElsewhere.tsx';
import './TimerCard.css';

const kinds = ['online', 'offline'] as const;
const activitiesOf = (kind: SessionKind): readonly string[] =>
  kind === 'online' ? onlineActivities : offlineActivities;
const kindName = (kind: SessionKind) => (kind === 'online' ? 'Online' : 'Offline');
const fallback: Record<SessionKind, SessionChoice> = {
  online: { activity: 'scanning', note: '' },
  offline: { activity: 'meeting', note: '' },
};

/**
 * The timer: one click starts a kind with its remembered activity and note; each kind's row picks another
 * before the start, and the running kind's row changes the session as it runs. `compact` is the quick view's.
 */
export function TimerCard({ compact = false }: { compact?: boolean }) {
  const running = useTime((state) => state.timer?.running ?? null);
  const proposed = useTime((state) => state.summary?.proposed ?? fallback);
  const api = useTime((state) => state.api);
  const now = useNow(running !== null);
  const away = running?.awayFrom !== undefined;
  // What the user picked and has not started or saved yet, per kind.
  const [drafts, setDrafts] = useState<Partial<Record<SessionKind, SessionChoice>>>({});
  const [problem, setProblem] = useState('');

  const saved = (kind: SessionKind): SessionChoice =>
    running?.kind === kind ? { activity: running.activity, note: running.note ?? '' } : proposed[kind];
  const shown = (kind: SessionKind) => drafts[kind] ?? saved(kind);
  const draft = (kind: SessionKind, choice: SessionChoice | undefined) =>
    setDrafts((current) => ({ ...current, [kind]: choice }));

  function start(kind: SessionKind) {
    const choice = shown(kind);
    draft(kind, undefined);
    setProblem('');
    api.start(kind, choice).catch((failure: Error) => {
      draft(kind, choice);
      setProblem(`The session did not start: ${failure.message}`);
    });
  }
  /** The running session's change, shown as picked until main's answer replaces it. */
  function changeRunning(kind: SessionKind, choice: SessionChoice) {
    draft(kind, choice);
    setProblem('');
    api
      .change(choice)
      .catch((failure: Error) => setProblem(`The change was not saved: ${failure.message}`))
      .finally(() => setDrafts((current) => (current[kind] === choice ? { ...current, [kind]: undefined } : current)));
  }
  function chooseActivity(kind: SessionKind, activity: string) {
    const choice = { ...shown(kind), activity: activity as SessionChoice['activity'] };
    if (running?.kind !== kind) return draft(kind, choice);
    changeRunning(kind, choice);
  }
  /** The running session's note is saved when the field is left or Enter is pressed. */
  function saveNote(kind: SessionKind) {
    const choice = drafts[kind];
    if (running?.kind !== kind || !choice) return;
    if (choice.note === (running.note ?? '')) return draft(kind, undefined);
    changeRunning(kind, choice);
  }

  const title = running ? `${kindName(running.kind)} · ${running.activity}` : 'No session running';
  return (
    <section
      className={`card timer ${running ? `is-${running.kind}` : 'is-idle'}${compact ? ' compact' : ''}`}
      aria-labelledby="timer-title"
    >
      <div className="timer-head">
        <h2 id="timer-title" className="card-title">
          {title}
        </h2>
        <p className="timer-clock" role="timer" aria-live="off">
          {running ? stopwatch((away ? running.awayFrom! : now) - running.start) : '0:00'}
        </p>
      </div>
      {!running && <RunningElsewhere />}
      <div className="timer-actions">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button ${kind}`}
            disabled={running?.kind === kind}
            aria-keyshortcuts={shortcuts[kind].keys}
            title={shortcuts[kind].hint}
            onClick={() => start(kind)}
          >
            Start {kind}
          </button>
        ))}
        <button
          type="button"
          className="button"
          disabled={!running}
          aria-keyshortcuts={shortcuts.stop.keys}
          title={shortcuts.stop.hint}
          onClick={() => void api.stop()}
        >
          Stop
        </button>
      </div>
      <div className="timer-choices">
        {kinds.map((kind) => {
          const choice = shown(kind);
          const runs = running?.kind === kind;
          return (
            <div
              key={kind}
              className={`timer-choice ${kind}${runs ? ' runs' : ''}`}
              role="group"
              aria-label={kindName(kind)}
            >
              <span className="timer-choice-kind" aria-hidden="true">
                {kindName(kind)}
              </span>
              <select
                aria-label={`${kindName(kind)} activity`}
                value={choice.activity}
                onChange={(event) => chooseActivity(kind, event.target.value)}
              >
                {activitiesOf(kind).map((activity) => (
                  <option key={activity} value={activity}>
                    {activity}
                  </option>
                ))}
              </select>
              <input
                type="text"
                aria-label={`${kindName(kind)} note`}
                placeholder={runs ? 'What are you doing?' : 'Note'}
                maxLength={2000}
                value={choice.note}
                onChange={(event) => draft(kind, { ...choice, note: event.target.value })}
                onBlur={() => saveNote(kind)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  if (runs) saveNote(kind);
                  else start(kind);
                }}
              />
            </div>
          );
        })}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <DiscardedNotice />
    </section>
  );
}

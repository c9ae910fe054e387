import type { TimerAnswer } from '../../shared/types.ts';
import { clockTime, duration } from '../format.ts';
import { useTime } from '../time/timeStore.ts';
import { useNow } from '../useNow.ts';

/** Asks what to do with time the timer cannot judge alone: after a crash, a sleep, or idle time. */
export function TimerQuestionBanner() {
  const timer = useTime((state) => state.timer);
  const answer = useTime((state) => state.api.answer);
  const question = timer?.question ?? null;
  const now = useNow(question?.reason === 'idle', 15_000);
  if (!question || !timer?.running) return null;
  const kind = timer.running.kind;
  const choose = (choice: TimerAnswer) => () => void answer(choice);

  if (question.reason === 'crashed') {
    return (
      <div className="question" role="alertdialog" aria-label="Session left running">
        <p>
          <strong>Twoway stopped while your {kind} session was running.</strong> It was last seen at{' '}
          {clockTime(question.from)}.
        </p>
        <div className="question-actions">
          <button type="button" className="button primary" onClick={choose('discard')}>
            Close it at {clockTime(question.from)}
          </button>
          <button type="button" className="button" onClick={choose('keep')}>
            Keep it running
          </button>
        </div>
      </div>
    );
  }
  if (question.reason === 'away') {
    return (
      <div className="question" role="alertdialog" aria-label="Time away">
        <p>
          <strong>You were away {duration(question.to - question.from)}</strong> ({clockTime(question.from)}–
          {clockTime(question.to)}) during your {kind} session.
        </p>
        <div className="question-actions">
          <button type="button" className="button" onClick={choose('keep')}>
            Keep
          </button>
          <button type="button" className="button primary" onClick={choose('discard')}>
            Discard
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="question" role="alertdialog" aria-label="Idle time">
      <p>
        <strong>No activity since {clockTime(question.from)}</strong> (
        {duration(Math.max(now, question.to) - question.from)}) during your {kind} session.
      </p>
      <div className="question-actions">
        <button type="button" className="button primary" onClick={choose('discard')}>
          Discard and stop
        </button>
        <button type="button" className="button" onClick={choose('discard-continue')}>
          Discard and continue
        </button>
        <button type="button" className="button" onClick={choose('keep')}>
          Keep
        </button>
      </div>
    </div>
  );
}

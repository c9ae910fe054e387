import type { ReminderAction } from '../../shared/types.ts';
import { useApp } from '../stores/appStore.ts';

const labels: Record<ReminderAction, string> = {
  'start-offline': 'Start offline session',
  snooze: 'Snooze 10 min',
  'done-for-today': 'Done for today',
  dismiss: 'OK',
};

/** The reminder main decided on, with its actions; the desktop shows it as a notification too. */
export function ReminderBanner() {
  const reminder = useApp((state) => state.reminder);
  const answer = useApp((state) => state.api.answerReminder);
  if (!reminder) return null;
  return (
    <div className={`reminder cause-${reminder.cause}`} role="alert">
      <p>
        <strong>{reminder.title}</strong> {reminder.body}
      </p>
      <div className="question-actions">
        {reminder.actions.map((action, index) => (
          <button
            key={action}
            type="button"
            className={`button${index === 0 ? ' primary' : ''}`}
            onClick={() => void answer(action)}
          >
            {labels[action]}
          </button>
        ))}
      </div>
    </div>
  );
}

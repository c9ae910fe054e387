import { reminderActionLabels } from '../../shared/reminderActions.ts';
import { useApp } from './appStore.ts';

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
            {reminderActionLabels[action]}
          </button>
        ))}
      </div>
    </div>
  );
}

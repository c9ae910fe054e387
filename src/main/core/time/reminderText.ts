// A reminder as a system notification: its title and body, and the buttons it offers where the system shows
// buttons (macOS). Elsewhere a click opens the window, whose banner offers every answer.
import { reminderActionLabels } from '../../../shared/reminderActions.ts';
import type { Reminder, ReminderAction } from '../../../shared/types.ts';

export interface ReminderNotificationView {
  key: string;
  title: string;
  body: string;
  /** In the reminder's order: a button's index is the index the notification reports back. */
  buttons: { action: ReminderAction; label: string }[];
}

export function reminderNotification(reminder: Reminder, withButtons: boolean): ReminderNotificationView {
  return {
    key: reminder.key,
    title: reminder.title,
    body: reminder.body,
    buttons: withButtons ? reminder.actions.map((action) => ({ action, label: reminderActionLabels[action] })) : [],
  };
}

/** The answer a pressed button stands for; null for an index the notification did not offer. */
export function answerAt(view: ReminderNotificationView, index: number): ReminderAction | null {
  return view.buttons[index]?.action ?? null;
}

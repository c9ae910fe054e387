// Reminders as system notifications, so they reach the user with the window hidden. The buttons answer the
// reminder through the API; a click opens the window, whose banner shows the same reminder with every answer.
// Where the system has no notifications, or one fails to show (Windows without the app's id, notifications
// turned off), the window comes forward with its banner instead, and the log says why.
import { Notification } from 'electron';
import type { Route } from '../../shared/routes.ts';
import type { Reminder } from '../../shared/types.ts';
import { answerAt, reminderNotification } from '../core/time/reminderText.ts';
import type { Dispatch } from '../services/api.ts';
import type { OnChange } from '../services/listeners.ts';

export interface ReminderNotificationOptions {
  /** Hears every reminder raised or closed (the reminders service's onChange). */
  onReminder: OnChange<Reminder | null>;
  dispatch: Dispatch;
  /** The reminder open now, shown at once: one may already be open when this starts. */
  current: () => Reminder | null;
  /** Opens the window, at a route where the reminder names one. */
  openWindow: (route?: Route) => void;
  /** The notification could not show: bring the window, whose banner shows the reminder, to the user's eyes. */
  showInWindow: () => void;
}

/** Starts showing reminders; returns a function that stops and closes the one shown. */
export function showReminderNotifications({
  onReminder,
  dispatch,
  current,
  openWindow,
  showInWindow,
}: ReminderNotificationOptions): () => void {
  const supported = Notification.isSupported();
  // Held here so the notification (and its click and action handlers) is not garbage-collected while shown.
  let shown: { key: string; notification: Notification | null } | null = null;

  function close() {
    shown?.notification?.close();
    shown = null;
  }

  function instead(title: string, why: string) {
    console.warn(`twoway: the reminder "${title}" could not show as a notification (${why}); the window shows it.`);
    showInWindow();
  }

  function answer(key: string, action: ReturnType<typeof answerAt>) {
    if (!action) return;
    void dispatch('answerReminder', { key, action }).then((reply) => {
      if (!reply.ok) console.error(`twoway: answering a reminder from its notification failed: ${reply.error.message}`);
    });
  }

  function follow(reminder: Reminder | null) {
    if (reminder?.key === shown?.key) return;
    close();
    if (!reminder) return;
    if (!supported) {
      shown = { key: reminder.key, notification: null };
      return instead(reminder.title, 'this system shows no notifications');
    }
    const view = reminderNotification(reminder, process.platform === 'darwin');
    const notification = new Notification({
      title: view.title,
      body: view.body,
      actions: view.buttons.map(({ label }) => ({ type: 'button', text: label })),
    });
    notification.on('action', (details) => {
      const action = answerAt(view, details.actionIndex);
      answer(view.key, action);
      if (action?.startsWith('open-')) openWindow(reminder.route);
    });
    notification.on('click', () => openWindow(reminder.route));
    notification.on('failed', (_event, error) => instead(view.title, error));
    notification.show();
    shown = { key: view.key, notification };
  }

  const stopListening = onReminder(follow);
  follow(current());
  return () => {
    stopListening();
    close();
  };
}

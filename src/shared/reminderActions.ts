import type { ReminderAction } from './types.ts';

/** The words on a reminder's buttons, the same in the window and in the system notification. */
export const reminderActionLabels: Record<ReminderAction, string> = {
  'start-offline': 'Start offline session',
  snooze: 'Snooze 10 min',
  'done-for-today': 'Done for today',
  dismiss: 'OK',
  'open-report': 'Open the report',
  'open-catch-up': 'Open the catch-up',
};

import { describe, expect, it } from 'vitest';
import { reminderActionLabels } from '../../src/shared/reminderActions.ts';
import { answerAt, reminderNotification } from '../../src/main/core/time/reminderText.ts';
import type { Reminder } from '../../src/shared/types.ts';

const reminder: Reminder = {
  key: 'daily-budget:2025-03-14',
  cause: 'daily-budget',
  title: 'Time to go do some offline business development',
  body: 'Online today: 2 h of your 2 h budget.',
  actions: ['start-offline', 'snooze', 'done-for-today'],
};

describe('reminderNotification', () => {
  it('carries the reminder’s title and body', () => {
    expect(reminderNotification(reminder, false)).toEqual({
      key: reminder.key,
      title: reminder.title,
      body: reminder.body,
      buttons: [],
    });
  });

  it('offers a button per answer, in the reminder’s order, where the system shows buttons', () => {
    expect(reminderNotification(reminder, true).buttons).toEqual([
      { action: 'start-offline', label: 'Start offline session' },
      { action: 'snooze', label: 'Snooze 10 min' },
      { action: 'done-for-today', label: 'Done for today' },
    ]);
  });

  it('offers only what the reminder offers: no snooze once it is used up, OK for a welcome', () => {
    const noSnooze = { ...reminder, actions: reminder.actions.filter((a) => a !== 'snooze') };
    expect(reminderNotification(noSnooze, true).buttons.map((b) => b.label)).toEqual([
      'Start offline session',
      'Done for today',
    ]);
    const welcome: Reminder = {
      ...reminder,
      key: 'back-online:1',
      cause: 'back-online',
      actions: ['open-catch-up', 'dismiss'],
    };
    expect(reminderNotification(welcome, true).buttons).toEqual([
      { action: 'open-catch-up', label: 'Open the catch-up' },
      { action: 'dismiss', label: 'OK' },
    ]);
  });

  it('names every answer', () => {
    expect(Object.keys(reminderActionLabels).sort()).toEqual([
      'dismiss',
      'done-for-today',
      'open-catch-up',
      'open-report',
      'snooze',
      'start-offline',
    ]);
  });
});

describe('answerAt', () => {
  it('maps the pressed button back to its answer', () => {
    const view = reminderNotification(reminder, true);
    expect(answerAt(view, 0)).toBe('start-offline');
    expect(answerAt(view, 2)).toBe('done-for-today');
  });

  it('answers nothing for a button that was not offered', () => {
    expect(answerAt(reminderNotification(reminder, true), 3)).toBeNull();
    expect(answerAt(reminderNotification(reminder, true), -1)).toBeNull();
    expect(answerAt(reminderNotification(reminder, false), 0)).toBeNull();
  });
});

import { create } from 'zustand';
import type { AppStatus, Reminder, ReminderAction, Settings } from '../../shared/types.ts';
import { call } from '../api.ts';
import { go } from '../route.ts';

interface AppState {
  status: AppStatus | null;
  settings: Settings | null;
  reminder: Reminder | null;
  api: {
    load(): Promise<void>;
    loadDemo(): Promise<void>;
    dismissNotice(id: string): Promise<void>;
    updateSettings(patch: Partial<Settings>): Promise<Settings>;
    answerReminder(action: ReminderAction): Promise<void>;
  };
}

export const useApp = create<AppState>()((set, get) => ({
  status: null,
  settings: null,
  reminder: null,
  api: {
    async load() {
      const [status, settings, reminder] = await Promise.all([
        call('getAppStatus'),
        call('getSettings'),
        call('getReminder'),
      ]);
      set({ status, settings, reminder });
    },
    async loadDemo() {
      set({ status: await call('loadDemo') });
    },
    async dismissNotice(id) {
      set({ status: await call('dismissNotice', { id }) });
    },
    async updateSettings(patch) {
      const settings = await call('updateSettings', patch);
      set({ settings });
      return settings;
    },
    async answerReminder(action) {
      const reminder = get().reminder;
      if (!reminder) return;
      set({ reminder: await call('answerReminder', { key: reminder.key, action }) });
      // 'open-report' and its kind lead to the view the reminder names.
      if (action.startsWith('open-') && reminder.route) go(reminder.route);
    },
  },
}));

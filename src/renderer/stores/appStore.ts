import { create } from 'zustand';
import type { AppStatus, Settings } from '../../shared/types.ts';
import { call } from '../api.ts';

interface AppState {
  status: AppStatus | null;
  settings: Settings | null;
  api: {
    load(): Promise<void>;
    loadDemo(): Promise<void>;
    dismissNotice(id: string): Promise<void>;
    updateSettings(patch: Partial<Settings>): Promise<Settings>;
  };
}

export const useApp = create<AppState>()((set) => ({
  status: null,
  settings: null,
  api: {
    async load() {
      const [status, settings] = await Promise.all([call('getAppStatus'), call('getSettings')]);
      set({ status, settings });
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
  },
}));

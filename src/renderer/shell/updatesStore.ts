import { create } from 'zustand';
import type { MethodInput } from '../../shared/contract.ts';
import type { UpdateStatus } from '../../shared/updates.ts';
import { call } from '../api.ts';

interface UpdatesState {
  status: UpdateStatus | null;
  /** "Later" on the banner: hidden until the app starts again (the update installs on quit meanwhile). */
  bannerDismissed: boolean;
  api: {
    load(): Promise<void>;
    checkNow(): Promise<void>;
    restart(when: MethodInput<'restartToUpdate'>['when']): Promise<void>;
    cancelRestart(): Promise<void>;
    dismissBanner(): void;
  };
}

export const useUpdates = create<UpdatesState>()((set) => ({
  status: null,
  bannerDismissed: false,
  api: {
    async load() {
      set({ status: await call('getUpdates') });
    },
    async checkNow() {
      set({ status: await call('checkForUpdatesNow') });
    },
    async restart(when) {
      set({ status: await call('restartToUpdate', { when }) });
    },
    async cancelRestart() {
      set({ status: await call('cancelRestartToUpdate') });
    },
    dismissBanner() {
      set({ bannerDismissed: true });
    },
  },
}));

import { create } from 'zustand';
import type { DevicesView } from '../../shared/devices.ts';
import { call } from '../api.ts';

interface DevicesState {
  /** This device, the others the shared document knows, and how they sync; null until main has answered. */
  view: DevicesView | null;
  api: {
    load(): Promise<void>;
    rename(name: string): Promise<void>;
    /** Without a path the desktop app asks in the system's folder dialog. */
    syncThroughFolder(path?: string): Promise<void>;
    syncThroughServer(url: string, document?: string): Promise<void>;
    stopSyncing(): Promise<void>;
    removeDevice(id: string): Promise<void>;
    syncNow(): Promise<void>;
  };
}

export const useDevices = create<DevicesState>()((set) => ({
  view: null,
  api: {
    async load() {
      set({ view: await call('getDevices') });
    },
    async rename(name) {
      set({ view: await call('renameDevice', { name }) });
    },
    async syncThroughFolder(path) {
      set({ view: await call('syncThroughFolder', path === undefined ? {} : { path }) });
    },
    async syncThroughServer(url, document) {
      set({ view: await call('syncThroughServer', document ? { url, document } : { url }) });
    },
    async stopSyncing() {
      set({ view: await call('stopSyncing') });
    },
    async removeDevice(id) {
      set({ view: await call('removeDevice', { id }) });
    },
    async syncNow() {
      set({ view: await call('syncNow') });
    },
  },
}));

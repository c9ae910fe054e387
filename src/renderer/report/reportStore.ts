import { create } from 'zustand';
import type { Report } from '../../shared/report.ts';
import { call } from '../api.ts';

interface ReportState {
  /** The days the report view shows, 'YYYY-MM-DD', inclusive. */
  range: { from: string; to: string } | null;
  report: Report | null;
  error: string;
  api: {
    show(from: string, to: string): Promise<void>;
    /** Computes the shown range again: time, outcomes, settings or balances changed. */
    refresh(): Promise<void>;
    /** The report view closed: nothing to keep up to date. */
    hide(): void;
  };
}

export const useReport = create<ReportState>()((set, get) => ({
  range: null,
  report: null,
  error: '',
  api: {
    async show(from, to) {
      set({ range: { from, to } });
      await get().api.refresh();
    },
    async refresh() {
      const range = get().range;
      if (!range) return;
      try {
        const report = await call('getReport', range);
        // A slow answer for a range the user has already left is dropped.
        if (get().range === range) set({ report, error: '' });
      } catch (error) {
        if (get().range === range) set({ error: error instanceof Error ? error.message : String(error) });
      }
    },
    hide() {
      set({ range: null });
    },
  },
}));

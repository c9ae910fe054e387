import { create } from 'zustand';
import type { CatchUpBriefing, CatchUpSummary, MentionState, ScanTarget } from '../../shared/catchUp.ts';
import { call } from '../api.ts';

interface CatchUpState {
  /** Unread, waiting and progress: what the navigation and the dashboard show, pushed by main. */
  summary: CatchUpSummary | null;
  /** The whole briefing, fetched while a view shows it. */
  briefing: CatchUpBriefing | null;
  withScanned: boolean;
  /** Views showing the briefing; with none, a change fetches nothing. */
  watching: number;
  api: {
    load(): Promise<void>;
    /** The summary main pushed; an open briefing whose content changed is fetched again. */
    summaryChanged(summary: CatchUpSummary): void;
    /** A view starts showing the briefing (the briefing itself reads anew what is stale); returns its goodbye. */
    watch(options?: { readStale: boolean }): () => void;
    showScanned(withScanned: boolean): Promise<void>;
    refresh(accountId?: string | null): Promise<void>;
    cancel(accountId?: string | null): Promise<void>;
    markScanned(target: ScanTarget, scanned?: boolean): Promise<void>;
    markMention(accountId: string, mentionId: string, state: MentionState): Promise<void>;
    /** Reading followers' posts is online time: an online session of scanning. */
    startScanning(): Promise<void>;
  };
}

export const useCatchUp = create<CatchUpState>()((set, get) => {
  let fetching: Promise<void> | null = null;
  let again = false;

  /** One fetch at a time; changes meanwhile fetch once more when it ends. */
  function fetchBriefing(): Promise<void> {
    if (fetching) {
      again = true;
      return fetching;
    }
    fetching = (async () => {
      try {
        do {
          again = false;
          const briefing = await call('getCatchUp', { withScanned: get().withScanned });
          set({ briefing, summary: briefing });
        } while (again);
      } finally {
        fetching = null;
      }
    })();
    return fetching;
  }

  const summarized = (summary: CatchUpSummary) => get().api.summaryChanged(summary);

  return {
    summary: null,
    briefing: null,
    withScanned: false,
    watching: 0,
    api: {
      async load() {
        const briefing = await call('getCatchUp', { withScanned: get().withScanned });
        set({ summary: briefing, briefing });
      },
      summaryChanged(summary) {
        set({ summary });
        if (get().watching > 0 && get().briefing?.version !== summary.version) void fetchBriefing();
      },
      watch({ readStale } = { readStale: false }) {
        set({ watching: get().watching + 1 });
        void fetchBriefing();
        // A briefing not read for minutes is read again on opening; one just read costs nothing.
        if (readStale) void call('refreshCatchUp', { onlyStale: true });
        return () => set({ watching: get().watching - 1 });
      },
      async showScanned(withScanned) {
        set({ withScanned });
        await fetchBriefing();
      },
      async refresh(accountId = null) {
        await call('refreshCatchUp', { accountId });
      },
      async cancel(accountId = null) {
        await call('cancelCatchUp', { accountId });
      },
      async markScanned(target, scanned = true) {
        summarized(await call('markScanned', { target, scanned }));
      },
      async markMention(accountId, mentionId, state) {
        summarized(await call('markMention', { accountId, mentionId, state }));
      },
      async startScanning() {
        await call('startSession', { kind: 'online', activity: 'scanning' });
      },
    },
  };
});

import { create } from 'zustand';
import type { OutcomeInput } from '../../shared/inputs.ts';
import type { Outcome } from '../../shared/outcomes.ts';
import { call } from '../api.ts';

interface OutcomesState {
  outcomes: Outcome[];
  /** The last deleted outcome, offered for undo. */
  lastDeleted: Outcome | null;
  api: {
    load(): Promise<void>;
    add(outcome: OutcomeInput): Promise<void>;
    update(id: string, outcome: OutcomeInput): Promise<void>;
    remove(id: string): Promise<void>;
    undo(): Promise<void>;
  };
}

export const useOutcomes = create<OutcomesState>()((set, get) => ({
  outcomes: [],
  lastDeleted: null,
  api: {
    async load() {
      set({ outcomes: await call('listOutcomes') });
    },
    async add(outcome) {
      await call('addOutcome', outcome);
    },
    async update(id, outcome) {
      await call('updateOutcome', { id, outcome });
    },
    async remove(id) {
      set({ lastDeleted: await call('deleteOutcome', { id }) });
    },
    async undo() {
      const outcome = get().lastDeleted;
      if (!outcome) return;
      await call('undoDeleteOutcome', { id: outcome.id });
      set({ lastDeleted: null });
    },
  },
}));

import { create } from 'zustand';
import type { AccountBalance } from '../../shared/types.ts';
import { call } from '../api.ts';

interface BalanceState {
  balances: AccountBalance[];
  api: { load(): Promise<void> };
}

export const useBalances = create<BalanceState>()((set) => ({
  balances: [],
  api: {
    async load() {
      set({ balances: await call('listBalances') });
    },
  },
}));

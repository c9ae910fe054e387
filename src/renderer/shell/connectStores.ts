// The one place main's events land in the stores. Returns the unsubscribe for all of them.
import { subscribe } from '../api.ts';
import { useApp } from './appStore.ts';
import { useBalances } from '../balance/balanceStore.ts';
import { useCatchUp } from '../catchUp/catchUpStore.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { useMastodonSignIn } from '../networks/mastodon/mastodonSignInStore.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { useOutcomes } from '../outcomes/outcomesStore.ts';
import { useReport } from '../report/reportStore.ts';
import { useTime } from '../time/timeStore.ts';
import { useUpdates } from './updatesStore.ts';
import { useXImport } from '../networks/x/xImportStore.ts';

export function connectStores(): () => void {
  const unsubscribers = [
    subscribe('statusChanged', (status) => useApp.setState({ status })),
    subscribe('settingsChanged', (settings) => {
      useApp.setState({ settings });
      void useTime.getState().api.load();
      void useReport.getState().api.refresh();
      // The grace period decides who is due.
      void useNetwork.getState().api.refresh();
    }),
    subscribe('timerChanged', (timer) => useTime.setState({ timer })),
    subscribe('sessionDiscarded', (discarded) => useTime.setState({ discarded })),
    subscribe('reminderChanged', (reminder) => useApp.setState({ reminder })),
    subscribe('timeChanged', (summary) => {
      useTime.setState({ summary });
      const { range, api } = useTime.getState();
      if (range) void api.showRange(range.from, range.to);
      void useReport.getState().api.refresh();
    }),
    subscribe('balancesChanged', (balances) => {
      useBalances.setState({ balances });
      // A sync or a write changed who follows whom.
      void useNetwork.getState().api.refresh();
      void useReport.getState().api.refresh();
    }),
    subscribe('syncChanged', (progress) => useNetwork.setState({ progress })),
    subscribe('queueChanged', (queue) => useNetwork.getState().api.receiveQueue(queue)),
    subscribe('catchUpChanged', (summary) => useCatchUp.getState().api.summaryChanged(summary)),
    subscribe('updatesChanged', (status) => useUpdates.setState({ status })),
    subscribe('xImportChanged', (progress) => useXImport.setState({ progress })),
    subscribe('mastodonSignInChanged', (view) => useMastodonSignIn.setState({ view })),
    subscribe('devicesChanged', (view) => useDevices.setState({ view })),
    subscribe('outcomesChanged', (outcomes) => {
      useOutcomes.setState({ outcomes });
      void useReport.getState().api.refresh();
    }),
  ];
  void Promise.all([
    useApp.getState().api.load(),
    useTime.getState().api.load(),
    useBalances.getState().api.load(),
    useNetwork.getState().api.load(),
    useCatchUp.getState().api.load(),
    useOutcomes.getState().api.load(),
    useUpdates.getState().api.load(),
    useMastodonSignIn.getState().api.load(),
    useDevices.getState().api.load(),
  ]);
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

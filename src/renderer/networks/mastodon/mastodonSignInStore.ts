import { create } from 'zustand';
import type { MastodonSignIn } from '../../../shared/mastodonSignIn.ts';
import { call } from '../../api.ts';

interface SignInState {
  /** The sign-in main runs, as its replies and events report it; null when none. */
  view: MastodonSignIn | null;
  api: {
    load(): Promise<void>;
    start(instanceUrl: string, acceptWeakStorage: boolean): Promise<MastodonSignIn>;
    /** Shows the approval page again: main opens it in the system browser, or this window in a new tab. */
    reopen(): Promise<void>;
    finish(code: string): Promise<void>;
    cancel(): Promise<void>;
  };
}

/** Where main could not open the approval page (the browser preview), it opens in a tab that cannot reach back. */
function openHere(view: MastodonSignIn) {
  if (!view.openedInBrowser && view.step === 'waiting') window.open(view.authorizeUrl, '_blank', 'noopener');
}

export const useMastodonSignIn = create<SignInState>()((set, get) => ({
  view: null,
  api: {
    async load() {
      set({ view: await call('getMastodonSignIn') });
    },
    async start(instanceUrl, acceptWeakStorage) {
      const view = await call('startMastodonSignIn', {
        instanceUrl,
        ...(acceptWeakStorage && { acceptWeakStorage: true }),
      });
      // An event may have told a later step already.
      if (get().view?.id !== view.id) set({ view });
      openHere(view);
      return view;
    },
    async reopen() {
      const view = await call('openMastodonSignInPage');
      set({ view });
      openHere(view);
    },
    async finish(code) {
      const id = get().view?.id;
      if (id) set({ view: await call('finishMastodonSignIn', { id, code }) });
    },
    async cancel() {
      await call('cancelMastodonSignIn');
      set({ view: null });
    },
  },
}));

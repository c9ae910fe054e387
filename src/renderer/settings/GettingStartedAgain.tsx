import { useState } from 'react';
import { go } from '../route.ts';
import { useApp } from '../shell/appStore.ts';

/** Settings' way back to the Dashboard's first three steps, all open again. */
export function GettingStartedAgain() {
  const update = useApp((state) => state.api.updateSettings);
  const [error, setError] = useState('');
  async function showAgain() {
    setError('');
    try {
      await update({ gettingStarted: { account: 'open', budget: 'open', session: 'open', begun: true } });
      go({ view: 'dashboard' });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }
  return (
    <section className="card" aria-labelledby="getting-started-again">
      <h2 id="getting-started-again" className="card-title">
        Getting started
      </h2>
      <p className="muted">
        Add an account, set your daily budget, start a session: the first steps, on the Dashboard.
      </p>
      <button type="button" className="button" onClick={() => void showAgain()}>
        Show the getting-started steps
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

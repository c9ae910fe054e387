import { useState } from 'react';
import { useTime } from '../time/timeStore.ts';
import { useUpdates } from './updatesStore.ts';

/**
 * A downloaded update, and the restart that installs it. Restarting ends a running session (saved as an entry),
 * so while one runs the user chooses: once it stops, or now.
 */
export function UpdateBanner() {
  const status = useUpdates((state) => state.status);
  const dismissed = useUpdates((state) => state.bannerDismissed);
  const api = useUpdates((state) => state.api);
  const kind = useTime((state) => state.timer?.running?.kind);
  const [problem, setProblem] = useState('');
  if (!status || status.restart === 'none' || (dismissed && status.restart !== 'after-session')) return null;
  const version = status.newVersion ?? 'A new version';
  const act = (action: () => Promise<void>) => () => {
    setProblem('');
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const session = kind ? `your ${kind} session` : 'the running session';

  return (
    <div className="question update-banner" role="region" aria-label="Update">
      {status.restart === 'ready' && (
        <p>
          <strong>Twoway {version} is ready.</strong> Restart to update; otherwise it installs the next time you quit
          Twoway.
        </p>
      )}
      {status.restart === 'session-running' && (
        <p>
          <strong>Twoway {version} is ready.</strong> Restarting ends {session}, which is saved as an entry. Twoway can
          restart once you stop it instead.
        </p>
      )}
      {status.restart === 'after-session' && (
        <p>
          <strong>
            Twoway restarts to update to {version} when you stop {session}.
          </strong>
        </p>
      )}
      <div className="question-actions">
        {status.restart === 'ready' && (
          <button type="button" className="button primary" onClick={act(() => api.restart('now'))}>
            Restart to update
          </button>
        )}
        {status.restart === 'session-running' && (
          <>
            <button type="button" className="button primary" onClick={act(() => api.restart('when-session-stops'))}>
              Restart when the session stops
            </button>
            <button type="button" className="button" onClick={act(() => api.restart('ending-session'))}>
              End the session and restart
            </button>
          </>
        )}
        {status.restart === 'after-session' && (
          <>
            <button type="button" className="button" onClick={act(() => api.restart('ending-session'))}>
              End the session and restart now
            </button>
            <button type="button" className="button" onClick={act(api.cancelRestart)}>
              Don’t restart
            </button>
          </>
        )}
        {status.restart !== 'after-session' && (
          <button type="button" className="button" onClick={api.dismissBanner}>
            Later
          </button>
        )}
      </div>
      {status.error && (
        <p className="field-error" role="alert">
          {status.error}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

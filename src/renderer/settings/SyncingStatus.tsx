import { useRef, useState } from 'react';
import type { SyncStatus } from '../../shared/devices.ts';
import { lastSyncWords, stateWords } from '../devices/deviceWords.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { Dialog } from '../ui/Dialog.tsx';

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** The code another device enters to join, with a Copy that says it worked or how to copy by hand. */
function DocumentCode({ code }: { code: string }) {
  const shown = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied.');
    } catch {
      // Without clipboard access the code is selected, for Ctrl+C or the context menu.
      const range = document.createRange();
      range.selectNodeContents(shown.current!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied('Selected: copy it with Ctrl+C (⌘C on a Mac).');
    }
  }

  return (
    <div className="sync-code">
      <p>On your other devices, enter this code under Sync through a server:</p>
      <p className="sync-code-line">
        <code ref={shown}>{code}</code>
        <button type="button" className="button small" onClick={() => void copy()}>
          Copy
        </button>
        <span role="status">{copied}</span>
      </p>
    </div>
  );
}

/** How this device syncs now: through what, in what state, since when; sync now or stop. */
export function SyncingStatus({ sync, now }: { sync: SyncStatus; now?: number }) {
  const { syncNow, stopSyncing } = useDevices((state) => state.api);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [stopError, setStopError] = useState('');
  const { transport, state } = sync;
  if (transport.kind === 'none' || state === 'off') return null;

  async function checkNow() {
    setError('');
    setBusy(true);
    try {
      await syncNow();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    setStopError('');
    setBusy(true);
    try {
      await stopSyncing();
      setConfirming(false);
    } catch (failure) {
      setStopError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="syncing">
      <p className="sync-through">
        {transport.kind === 'folder' ? 'Syncing through the folder ' : 'Syncing through the server '}
        <code>{transport.kind === 'folder' ? transport.path : transport.url}</code>
      </p>
      {transport.kind === 'server' && <DocumentCode code={transport.document} />}
      <p className="sync-state" role="status">
        <span className={`sync-badge ${state}`}>{stateWords[state]}</span>
        {sync.message && <span className="sync-message">{sync.message}</span>}
        <span className="muted">{lastSyncWords(sync, now)}</span>
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void checkNow()}>
          Sync now
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => setConfirming(true)}>
          Stop syncing…
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <Dialog className="stop-syncing" labelledBy="stop-syncing-title" onClose={() => setConfirming(false)}>
          <h2 id="stop-syncing-title">Stop syncing this device?</h2>
          <p>
            Everything stays on this device: your time entries, outcomes and choices. Your other devices keep their
            copies. What changes here from now on stays here until you sync again.
          </p>
          {stopError && (
            <p className="field-error" role="alert">
              {stopError}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void stop()}>
              Stop syncing
            </button>
            <button type="button" className="button" data-initial-focus onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

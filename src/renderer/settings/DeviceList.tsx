import { useState } from 'react';
import type { DeviceRow } from '../../shared/devices.ts';
import { heardWords, timingWords } from '../devices/deviceWords.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** Forgetting a device that is gone, once the user has read what that does and does not undo. */
function RemoveDevice({ row, onClose }: { row: DeviceRow; onClose(): void }) {
  const removeDevice = useDevices((state) => state.api.removeDevice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function remove() {
    setBusy(true);
    setError('');
    try {
      await removeDevice(row.id);
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog className="remove-device" labelledBy="remove-device-title" onClose={onClose}>
      <h2 id="remove-device-title">Remove {row.name}?</h2>
      <p>Its changes stay; its file leaves the sync folder. Remove a device you no longer use.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
          Remove {row.name}
        </button>
        <button type="button" className="button" data-initial-focus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

/** Every device the shared document knows: this one first, then the others with when they were last heard. */
export function DeviceList({ devices, now }: { devices: DeviceRow[]; now?: number }) {
  const [removing, setRemoving] = useState<DeviceRow | null>(null);
  return (
    <>
      <ul className="device-list" aria-labelledby="device-list-title">
        {devices.map((row) => (
          <li key={row.id} className="device-row">
            <span className="device-row-name">
              <strong>{row.name}</strong>
              {row.thisDevice && <span className="device-badge">This device</span>}
            </span>
            <span className="device-row-facts">
              {row.running && (
                <span className={`device-running ${row.running.kind}`}>{timingWords(row.running, now)}</span>
              )}
              {!row.thisDevice && <span className="muted">{heardWords(row, now)}</span>}
            </span>
            {!row.thisDevice && (
              <button
                type="button"
                className="button small danger"
                aria-label={`Remove ${row.name}`}
                onClick={() => setRemoving(row)}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {removing && <RemoveDevice row={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

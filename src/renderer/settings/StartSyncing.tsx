import { useState, type FormEvent } from 'react';
import type { AppStatus } from '../../shared/types.ts';
import { useDevices } from '../devices/devicesStore.ts';
import { TextField } from '../ui/TextField.tsx';
import { useFieldErrors } from '../ui/useFieldErrors.tsx';

/**
 * The two ways to start syncing. In the desktop app a folder is chosen in the system's dialog; the browser preview
 * has no dialog, so there the path is typed in.
 */
export function StartSyncing({ host }: { host: AppStatus['host'] | undefined }) {
  return (
    <div className="start-syncing">
      <FolderChoice desktop={host === 'electron'} />
      <ServerChoice />
    </div>
  );
}

function FolderChoice({ desktop }: { desktop: boolean }) {
  const syncThroughFolder = useDevices((state) => state.api.syncThroughFolder);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, refused, formError } = useFieldErrors();

  async function start(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await syncThroughFolder(desktop ? undefined : path);
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="sync-choice"
      aria-labelledby="sync-folder-title"
      onSubmit={(event) => void start(event)}
      noValidate
    >
      <h4 id="sync-folder-title">Sync through a folder</h4>
      <p className="muted">
        A folder that Dropbox, iCloud Drive, OneDrive, Nextcloud or Syncthing already keeps the same on your devices.
        Each device writes its own file there and reads the others’.
      </p>
      {desktop ? (
        <>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void start()}>
              Choose folder…
            </button>
          </div>
          {errors.path && (
            <p className="field-error" role="alert">
              {errors.path}
            </p>
          )}
        </>
      ) : (
        <>
          <TextField
            label="Folder path"
            value={path}
            onChange={setPath}
            error={errors.path}
            placeholder="/home/you/Dropbox/Twoway"
            hint="The whole path, from the top. The browser preview cannot open a folder dialog."
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              Sync through this folder
            </button>
          </div>
        </>
      )}
      {formError(['path'])}
    </form>
  );
}

function ServerChoice() {
  const syncThroughServer = useDevices((state) => state.api.syncThroughServer);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, refused, formError } = useFieldErrors();

  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await syncThroughServer(url, code.trim() || undefined);
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="sync-choice"
      aria-labelledby="sync-server-title"
      onSubmit={(event) => void start(event)}
      noValidate
    >
      <h4 id="sync-server-title">Sync through a server</h4>
      <p className="muted">
        A Twoway sync server that you or someone you trust runs. Changes reach your other devices as they happen.
      </p>
      <TextField
        label="Server address"
        type="url"
        value={url}
        onChange={setUrl}
        error={errors.url}
        placeholder="wss://sync.example.org"
      />
      <TextField
        label="Code from your other device (optional)"
        value={code}
        onChange={setCode}
        error={errors.document}
        hint="Leave it empty on your first device. On the others, enter the code the first one shows here."
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Sync through this server
        </button>
      </div>
      {formError(['url', 'document'])}
    </form>
  );
}

import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { Account } from '../../../shared/types.ts';
import type { XImportResult } from '../../../shared/xImport.ts';
import { ApiError, call } from '../../api.ts';
import { useApp } from '../../shell/appStore.ts';
import { useNetwork } from '../../balance/networkStore.ts';
import { useXImport } from './xImportStore.ts';
import { useNow } from '../../useNow.ts';
import { count } from '../../balance/networkWords.ts';
import { TextField } from '../../ui/TextField.tsx';
import { XImportSummary } from './XImportSummary.tsx';
import './XArchiveImport.css';

/** The contract takes at most 140 million base64 characters per file: about 105 MB. */
const largestUpload = 105_000_000;

class Stopped extends Error {}

/** A file's bytes as base64, read in the page with progress; the browser preview sends them to main. */
function readAsBase64(file: File, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded);
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'no reason given'}.`));
    reader.onabort = () => reject(new Stopped());
    signal.addEventListener('abort', () => reader.abort(), { once: true });
    reader.readAsDataURL(file);
  });
}

const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

function ProgressLine({ text, pct }: { text: string; pct: number | null }) {
  return (
    <span className="sync-state">
      <span>{text}</span>
      {pct !== null && (
        <span
          className="sync-bar"
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <span style={{ width: `${pct}%` }} />
        </span>
      )}
    </span>
  );
}

/**
 * Imports an X data archive: a new account, or a newer archive of `account`. The desktop app asks main to open
 * the system's open dialog (main reads the files where they lie); the browser preview reads them in the page.
 */
export function XArchiveImport({ account, onDone }: { account?: Account; onDone(): void }) {
  const desktop = useApp((state) => state.status?.host === 'electron');
  const progress = useXImport((state) => state.progress);
  const show = useNetwork((state) => state.api.show);
  const now = useNow(true, 60_000);
  const [handle, setHandle] = useState('');
  const [reading, setReading] = useState<{ loaded: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<XImportResult | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const stopReading = useRef<AbortController | null>(null);
  const errorId = useId();

  const target = account ? { accountId: account.id } : handle.trim() ? { handle } : {};

  async function run(importing: () => Promise<XImportResult | null>) {
    setBusy(true);
    setErrors({});
    setCancelled(false);
    try {
      const imported = await importing();
      if (imported === null) setCancelled(true);
      else {
        setResult(imported);
        if (!account) show(imported.balance.account.id);
      }
    } catch (error) {
      if (error instanceof Stopped) setCancelled(true);
      else setErrors(error instanceof ApiError ? { form: error.message, ...error.fields } : { form: String(error) });
    } finally {
      setBusy(false);
      setReading(null);
      stopReading.current = null;
    }
  }

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    // The same files can be chosen again after a correction.
    event.target.value = '';
    if (files.length === 0) return;
    const tooLarge = files.find((file) => file.size > largestUpload);
    if (tooLarge) {
      setErrors({
        files: `${tooLarge.name} is larger than 100 MB, more than the browser preview sends: choose follower.js and following.js (and their parts) from the archive’s data folder instead.`,
      });
      return;
    }
    const stop = new AbortController();
    stopReading.current = stop;
    const total = files.reduce((sum, file) => sum + file.size, 0);
    void run(async () => {
      let before = 0;
      const read = [];
      for (const file of files) {
        const at = before;
        const base64 = await readAsBase64(file, (loaded) => setReading({ loaded: at + loaded, total }), stop.signal);
        read.push({ name: file.name, base64 });
        before += file.size;
      }
      setReading(null);
      return call('importXArchive', { ...target, files: read });
    });
  }

  function cancel() {
    if (stopReading.current) stopReading.current.abort();
    else void call('cancelXImport');
  }

  if (result) {
    return (
      <div className="x-import">
        <XImportSummary result={result} now={now} />
        <div className="form-actions">
          <button type="button" className="button primary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }

  let state = null;
  if (reading) state = <ProgressLine text="Reading the files…" pct={percent(reading.loaded, reading.total)} />;
  else if (busy && progress?.step === 'reading' && progress.file) {
    const of = `${count(Math.round(progress.done / 1024))} of ${count(Math.round(progress.total / 1024))} KB`;
    state = <ProgressLine text={`Reading ${progress.file}… ${of}`} pct={percent(progress.done, progress.total)} />;
  } else if (busy && progress?.step === 'saving') state = <ProgressLine text="Comparing and saving…" pct={null} />;
  else if (busy) state = <ProgressLine text={desktop ? 'Waiting for your choice…' : 'Importing…'} pct={null} />;

  return (
    <div className="x-import" aria-busy={busy}>
      <p className="hint">
        Request your archive on X under Settings → Your account → Download an archive of your data. Choose the .zip as X
        sends it, or from its data folder follower.js and following.js with their parts (follower-part1.js…) and
        account.js.
      </p>
      <div className="form-grid">
        {desktop ? (
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void run(() => call('importXArchiveFromDialog', target))}
            >
              Choose the archive…
            </button>
          </div>
        ) : (
          <label className="text-field">
            Archive files (.zip or .js)
            <input
              type="file"
              accept=".zip,.js,application/zip"
              multiple
              disabled={busy}
              onChange={upload}
              aria-invalid={!!errors.files}
              aria-describedby={errors.files ? errorId : undefined}
            />
            {errors.files && (
              <span className="field-error" id={errorId}>
                {errors.files}
              </span>
            )}
          </label>
        )}
        {!account && (
          <TextField
            label="Your X handle (optional)"
            value={handle}
            placeholder="@name"
            onChange={setHandle}
            error={errors.handle}
            hint="Needed only when the files you choose have no account.js."
          />
        )}
      </div>
      {desktop && errors.files && <p className="field-error">{errors.files}</p>}
      {state && (
        <div className="x-import-progress" role="status">
          {progress?.owner && busy && (
            <span>
              Archive of <bdi>{progress.owner}</bdi> ·{' '}
            </span>
          )}
          {state}
          {(reading || (busy && progress)) && (
            <button type="button" className="button small" onClick={cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}
      {cancelled && <p role="status">Import cancelled: nothing was changed.</p>}
      <div className="form-actions">
        {!busy && (
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
        )}
        <span className={errors.files || errors.handle ? 'visually-hidden' : 'field-error'} role="alert">
          {errors.form}
        </span>
      </div>
    </div>
  );
}

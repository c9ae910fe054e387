import { useState, type ChangeEvent } from 'react';
import type { RestoreSummary } from '../../shared/contract.ts';
import { call } from '../api.ts';
import { saveDownload } from '../download.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';
import './BackupRestore.css';

const described = (s: RestoreSummary['sections'][number]) =>
  [s.added && `${s.added} added`, s.changed && `${s.changed} changed`].filter(Boolean).join(', ');

/** One JSON file with everything but secrets; restoring shows what it would do before it does it. */
export function BackupRestore() {
  const [pending, setPending] = useState<{ text: string; fileName: string; summary: RestoreSummary } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function download() {
    setError('');
    try {
      const file = await call('exportBackup');
      saveDownload(file);
      setMessage(`Saved ${file.fileName}.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file can be chosen again after a correction.
    event.target.value = '';
    if (!file) return;
    setError('');
    setMessage('');
    try {
      const text = await file.text();
      setPending({ text, fileName: file.name, summary: await call('previewRestore', { text }) });
    } catch (failure) {
      setError(`${file.name}: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  async function restore() {
    if (!pending) return;
    setBusy(true);
    try {
      const done = await call('restoreBackup', { text: pending.text });
      const changes = done.sections.map((s) => described(s) && `${s.name.toLowerCase()}: ${described(s)}`);
      setMessage(
        changes.some(Boolean)
          ? `Restored from ${pending.fileName} — ${changes.filter(Boolean).join('; ')}.`
          : `Nothing to restore: everything in ${pending.fileName} is already here.`,
      );
      setPending(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setPending(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card backup" aria-labelledby="backup-title">
      <h2 id="backup-title" className="card-title">
        Backup and restore
      </h2>
      <p className="muted">
        A backup holds your time entries, outcomes, settings and network accounts with their history — never your app
        passwords or tokens. Restoring merges a backup into what is here: nothing is duplicated, and you see what would
        change first.
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void download()}>
          Download a backup
        </button>
        <label className="button file-button">
          Restore from a backup…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => void choose(e)}
          />
        </label>
        {message && <span role="status">{message}</span>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <Dialog className="restore-preview" labelledBy="restore-title" onClose={() => setPending(null)}>
          <h2 id="restore-title">Restore from {pending.fileName}?</h2>
          <p className="muted">
            Made on {new Date(pending.summary.createdAt).toLocaleString()}. Nothing has changed yet; this is what a
            restore would do:
          </p>
          <TableScroll label="Table of what a restore would change">
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Added</th>
                  <th scope="col">Changed</th>
                  <th scope="col">Already here</th>
                </tr>
              </thead>
              <tbody>
                {pending.summary.sections.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td>{s.added}</td>
                    <td>{s.changed}</td>
                    <td>{s.skipped}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void restore()}>
              Restore
            </button>
            <button type="button" className="button" data-initial-focus onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

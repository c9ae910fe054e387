import { useState } from 'react';
import { call } from '../api.ts';
import { saveDownload } from '../download.ts';
import { useApp } from '../shell/appStore.ts';
import type { Period } from './PeriodPicker.tsx';
import './ReportExports.css';

const tables = [
  ['entries', 'Time entries'],
  ['daily', 'Daily totals'],
  ['outcomes', 'Outcomes'],
] as const;

/** The period's figures to take elsewhere: three CSV files, and the report as a PDF (or printed). */
export function ReportExports({ period }: { period: Period }) {
  const host = useApp((state) => state.status?.host);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  async function run(work: () => Promise<string>) {
    setError('');
    setMessage('');
    try {
      setMessage(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className="report-exports">
      <span className="muted">Export:</span>
      {tables.map(([table, label]) => (
        <button
          key={table}
          type="button"
          className="button small"
          onClick={() =>
            void run(async () => {
              const file = await call('exportCsv', { table, ...period });
              saveDownload(file);
              return `Saved ${file.fileName}.`;
            })
          }
        >
          {label} CSV
        </button>
      ))}
      {host === 'electron' ? (
        <button
          type="button"
          className="button small"
          onClick={() =>
            void run(async () => {
              const saved = await call('saveReportPdf', {
                fileName: `twoway-report-${period.from}-to-${period.to}.pdf`,
              });
              return saved ? `Saved ${saved.path}.` : '';
            })
          }
        >
          Save as PDF
        </button>
      ) : (
        <button type="button" className="button small" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      )}
      {message && <span role="status">{message}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

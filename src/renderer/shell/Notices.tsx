import type { StoreNotice } from '../../shared/types.ts';
import { useApp } from './appStore.ts';
import './Notices.css';

const none: StoreNotice[] = [];

const storeNames: Record<string, string> = {
  settings: 'settings',
  'time-entries': 'time entries',
  'running-session': 'running session',
  accounts: 'account list',
};

/** Data files that could not be read or saved: the user learns what happened and what became of the data. */
export function Notices() {
  const notices = useApp((state) => state.status?.notices ?? none);
  const dismiss = useApp((state) => state.api.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((notice) => (
        <div key={notice.id} className="notice">
          {notice.movedTo === null ? (
            <p>
              <strong>Your {storeNames[notice.store] ?? notice.store} file could not be saved</strong> — {notice.reason}
              . Nothing is lost while Twoway runs: it saves the file as soon as it can.
            </p>
          ) : (
            <p>
              <strong>Your {storeNames[notice.store] ?? notice.store} file could not be used</strong> — {notice.reason}.
              Twoway started with a fresh one and kept the old file as <code>{notice.movedTo}</code>.
            </p>
          )}
          <button type="button" className="button small" onClick={() => void dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

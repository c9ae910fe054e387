import { useState } from 'react';
import type { NotFollowingBackRow as Row } from '../../shared/contract.ts';
import { keepReasonLimit } from '../../shared/personDetails.ts';
import { call } from '../api.ts';
import { useNetwork } from './networkStore.ts';
import { useNow } from '../useNow.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { TextField } from '../ui/TextField.tsx';
import { outcomeLine } from './personWords.ts';

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** Why you keep someone, in a few words of your own, shown on their row. */
export function KeepReasonDialog({
  row,
  who,
  onClose,
  onSaved,
}: {
  row: Row;
  who: string;
  onClose(): void;
  onSaved(): void;
}) {
  const [reason, setReason] = useState(row.keepReason ?? '');
  const [error, setError] = useState('');
  const tooLong = reason.trim().length > keepReasonLimit;

  async function save() {
    setError('');
    try {
      await call('setKeep', { accountId: row.accountId, personId: row.person.id, keep: true, reason: reason.trim() });
      onSaved();
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <Dialog className="keep-reason-dialog" labelledBy="keep-reason-title" onClose={onClose}>
      <h2 id="keep-reason-title">Why you keep {who}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooLong) void save();
        }}
      >
        <TextField
          label="Reason (optional)"
          value={reason}
          onChange={setReason}
          placeholder="Former client, speaks at our event…"
          hint={`Shown on their row. Up to ${keepReasonLimit} characters; leave it empty for none.`}
          error={
            tooLong ? `Keep it under ${keepReasonLimit} characters (${reason.trim().length} now).` : error || undefined
          }
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={tooLong}>
            Save reason
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The one way to unfollow someone an outcome protects: said plainly, confirmed for them alone. */
export function UnfollowProtectedDialog({ row, who, onClose }: { row: Row; who: string; onClose(): void }) {
  const receiveTab = useNetwork((state) => state.api.showTab);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const now = useNow(false);

  async function confirm() {
    setBusy(true);
    setError('');
    try {
      await call('enqueue', {
        accountId: row.accountId,
        action: 'unfollow',
        personIds: [row.person.id],
        includeProtected: true,
      });
      onClose();
      receiveTab('queue');
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog className="unfollow-protected" labelledBy="unfollow-protected-title" onClose={onClose}>
      <h2 id="unfollow-protected-title">Unfollow {who} anyway?</h2>
      {row.outcome && <p className="relation-protected">{outcomeLine(row.outcome, true, now)}</p>}
      <p>
        Twoway protects people you logged a lead, a client or a meeting with, so they are never unfollowed by mistake.
        Unfollowing goes through the queue like any other, and can be undone there for 24 hours.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
          Unfollow {who}
        </button>
        <button type="button" className="button" data-initial-focus onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

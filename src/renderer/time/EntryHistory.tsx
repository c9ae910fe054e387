import { useState } from 'react';
import type { EntryEdit } from '../../shared/devices.ts';
import { call } from '../api.ts';
import { clockTime } from '../format.ts';
import './EntryHistory.css';

/** The fields of an entry as the person calls them. */
const fieldWords: Record<string, string> = {
  start: 'start',
  end: 'end',
  note: 'note',
  activity: 'activity',
  kind: 'kind',
};

/** 'start, end and note'. */
function listed(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** What one edit did, in words. */
function whatWords(edit: EntryEdit): string {
  if (edit.removed) return 'deleted it';
  if (edit.made) return 'logged it';
  const words = edit.changed.map((field) => fieldWords[field]).filter((word): word is string => !!word);
  return words.length > 0 ? `changed ${listed(words)}` : 'saved it unchanged';
}

/** 'Wed 2 Dec 10:42 · Desktop · changed end'. */
export function editLine(edit: EntryEdit): string {
  const day = new Date(edit.at).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  return `${day} ${clockTime(edit.at)} · ${edit.deviceName} · ${whatWords(edit)}`;
}

/** An entry's edits on each of the person's devices, read from main when opened (and again each time). */
export function EntryHistory({ id }: { id: string }) {
  const [edits, setEdits] = useState<EntryEdit[] | null>(null);
  const [error, setError] = useState('');

  async function load() {
    setError('');
    try {
      setEdits(await call('entryHistory', { id }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <details
      className="entry-history"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>History</summary>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : edits === null ? (
        <p className="muted">Loading…</p>
      ) : edits.length === 0 ? (
        <p className="muted">No edits are known for this entry.</p>
      ) : (
        <ol aria-label="Edits, oldest first">
          {edits.map((edit, index) => (
            <li key={`${edit.at}-${index}`}>{editLine(edit)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}

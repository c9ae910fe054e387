import { useState, type FormEvent } from 'react';
import { useDevices } from '../devices/devicesStore.ts';
import { useFieldErrors } from '../ui/useFieldErrors.tsx';

/** This device's name, as the others list it; saved with Enter or Save. */
export function DeviceNameForm({ name }: { name: string }) {
  const rename = useDevices((state) => state.api.rename);
  // null: nothing typed since the last save, so the name main sent shows.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, described, formError, refused, setErrors } = useFieldErrors();
  const shown = draft ?? name;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (draft === null || draft === name) return;
    setBusy(true);
    setSaved('');
    setErrors({});
    try {
      await rename(draft);
      setDraft(null);
      setSaved('Saved.');
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="device-name" onSubmit={(event) => void save(event)} noValidate>
      <label>
        This device’s name
        <input
          type="text"
          value={shown}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setDraft(event.target.value);
            setSaved('');
          }}
          aria-invalid={!!described('name')}
          aria-describedby={described('name')}
        />
        {error('name')}
      </label>
      <button type="submit" className="button" disabled={busy || draft === null || draft === name}>
        Save
      </button>
      {saved && <span role="status">{saved}</span>}
      {formError(['name'])}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { AccountInput } from '../../shared/inputs.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../shell/appStore.ts';
import { useNetwork } from '../balance/networkStore.ts';
import { MastodonSignIn } from '../networks/mastodon/MastodonSignIn.tsx';
import { networkNames } from '../balance/networkWords.ts';
import { TextField } from '../ui/TextField.tsx';
import { XAccountFields, type XValues } from '../networks/x/XAccountFields.tsx';
import './AddAccountForm.css';

const blank = {
  bluesky: { handle: '', appPassword: '', appviewUrl: '', plcUrl: '' },
  mastodon: { instanceUrl: '', handle: '', token: '' },
  x: { how: 'archive', handle: '', token: '', apiUrl: '' } as XValues,
};
type Choice = keyof typeof blank;

/** The fields each network's form shows; an error keyed by anything else is shown for the whole form. */
const fieldsOf: Record<Choice, string[]> = {
  bluesky: ['handle', 'appPassword', 'appviewUrl', 'plcUrl'],
  mastodon: ['instanceUrl', 'handle', 'token'],
  x: ['handle', 'token', 'apiUrl'],
};

/** What the user typed, as the API takes it: empty optional fields are left out so main's defaults apply. */
function inputOf(network: Choice, values: typeof blank, keepWeak: boolean): AccountInput {
  const filled = (text: string) => (text.trim() ? text : undefined);
  const weak = keepWeak ? { acceptWeakStorage: true } : {};
  if (network === 'bluesky') {
    const { handle, appPassword, appviewUrl, plcUrl } = values.bluesky;
    return {
      network,
      handle,
      ...weak,
      ...(filled(appPassword) && { appPassword }),
      ...(filled(appviewUrl) && { appviewUrl }),
      ...(filled(plcUrl) && { plcUrl }),
    };
  }
  if (network === 'x') {
    const { handle, token, apiUrl } = values.x;
    return { network, handle, token, ...weak, ...(filled(apiUrl) && { apiUrl }) };
  }
  const { instanceUrl, handle, token } = values.mastodon;
  return { network, instanceUrl, handle, ...weak, ...(filled(token) && { token }) };
}

/** Adds a Bluesky, Mastodon or X account. Nothing typed is lost when main refuses it. */
export function AddAccountForm({ onDone }: { onDone(): void }) {
  const secretStorage = useApp((state) => state.status?.secretStorage ?? 'encrypted');
  const addAccount = useNetwork((state) => state.api.addAccount);
  const [network, setNetwork] = useState<Choice>('bluesky');
  const [values, setValues] = useState(blank);
  const [keepWeak, setKeepWeak] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Mastodon signs in through the browser; a handle and a pasted token wait under Advanced.
  const [mastodonAdvanced, setMastodonAdvanced] = useState(false);

  const bluesky = values.bluesky;
  const mastodon = values.mastodon;
  const x = values.x;
  // An archive import runs on its own; the form's submit connects X's API.
  const importing = network === 'x' && x.how === 'archive';
  const signingIn = network === 'mastodon' && !mastodonAdvanced;
  // A sign-in always ends with a token to keep.
  const hasSecret =
    signingIn ||
    (network === 'bluesky' ? !!bluesky.appPassword.trim() : !!(network === 'x' ? x : mastodon).token.trim());
  const setBluesky = (patch: Partial<typeof bluesky>) => setValues({ ...values, bluesky: { ...bluesky, ...patch } });
  const setMastodon = (patch: Partial<typeof mastodon>) =>
    setValues({ ...values, mastodon: { ...mastodon, ...patch } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (importing || signingIn) return;
    setBusy(true);
    try {
      await addAccount(inputOf(network, values, secretStorage === 'weak' && keepWeak));
      onDone();
    } catch (error) {
      setErrors(error instanceof ApiError ? { form: error.message, ...error.fields } : { form: String(error) });
    } finally {
      setBusy(false);
    }
  }

  // A message that belongs to a field shows beside it; the alert still reads it out.
  const besideField = Object.keys(errors).some((field) => fieldsOf[network].includes(field));
  const storageNote =
    secretStorage === 'memory' ? (
      <p className="note">Twoway keeps secrets only until it closes here: you enter them again next time.</p>
    ) : secretStorage === 'weak' && hasSecret ? (
      <div className="note warn-note">
        <p>
          This computer offers no keychain, so Twoway could keep this secret only with weak protection: another program
          running as you could read it.
        </p>
        <label className="inline">
          <input type="checkbox" checked={keepWeak} onChange={(event) => setKeepWeak(event.target.checked)} />
          Keep it anyway
        </label>
      </div>
    ) : null;

  return (
    <form
      id="add-account"
      className="card add-account"
      aria-labelledby="add-account-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="add-account-title" className="card-title">
        Add an account
      </h2>
      <fieldset className="kind-choice">
        <legend>Network</legend>
        {(['bluesky', 'mastodon', 'x'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="add-account-network"
              checked={network === choice}
              onChange={() => {
                setNetwork(choice);
                setErrors({});
              }}
            />
            {networkNames[choice]}
          </label>
        ))}
      </fieldset>
      {network === 'bluesky' ? (
        <div className="form-grid">
          <TextField
            label="Handle"
            value={bluesky.handle}
            placeholder="name.bsky.social"
            onChange={(handle) => setBluesky({ handle })}
            error={errors.handle}
          />
          <TextField
            label="App password (optional)"
            type="password"
            value={bluesky.appPassword}
            onChange={(appPassword) => setBluesky({ appPassword })}
            error={errors.appPassword}
            hint="Needed only to unfollow and follow from Twoway. Create one in Bluesky under Settings → App passwords. It never leaves this computer."
          />
          {storageNote}
          <details className="advanced">
            <summary>Advanced</summary>
            <div className="form-grid">
              <TextField
                label="AppView URL"
                type="url"
                value={bluesky.appviewUrl}
                placeholder="https://public.api.bsky.app"
                onChange={(appviewUrl) => setBluesky({ appviewUrl })}
                error={errors.appviewUrl}
              />
              <TextField
                label="PLC directory URL"
                type="url"
                value={bluesky.plcUrl}
                placeholder="https://plc.directory"
                onChange={(plcUrl) => setBluesky({ plcUrl })}
                error={errors.plcUrl}
              />
            </div>
          </details>
        </div>
      ) : network === 'x' ? (
        <XAccountFields
          values={x}
          onChange={(patch) => setValues({ ...values, x: { ...x, ...patch } })}
          errors={errors}
          storageNote={storageNote}
          onDone={onDone}
        />
      ) : (
        <div className="form-grid">
          <TextField
            label="Instance URL"
            type="url"
            value={mastodon.instanceUrl}
            placeholder="https://mastodon.social"
            onChange={(instanceUrl) => setMastodon({ instanceUrl })}
            error={errors.instanceUrl}
          />
          <MastodonSignIn
            instanceUrl={mastodon.instanceUrl}
            acceptWeakStorage={secretStorage === 'weak' && keepWeak}
            isDefault={signingIn}
            onErrors={setErrors}
            onDone={onDone}
          />
          {storageNote}
          <details
            className="advanced"
            open={mastodonAdvanced}
            onToggle={(event) => setMastodonAdvanced(event.currentTarget.open)}
          >
            <summary>Advanced: add with your handle or an access token</summary>
            <div className="form-grid">
              <TextField
                label="Handle"
                value={mastodon.handle}
                placeholder="@name"
                onChange={(handle) => setMastodon({ handle })}
                error={errors.handle}
                hint="Without a token, Twoway only reads your lists."
              />
              <TextField
                label="Access token (optional)"
                type="password"
                value={mastodon.token}
                onChange={(token) => setMastodon({ token })}
                error={errors.token}
                hint="Needed only to unfollow and follow from Twoway. Create one under Preferences → Development → New application, with the scopes read and write:follows. It never leaves this computer."
              />
            </div>
          </details>
        </div>
      )}
      {/* An archive import has its own Cancel and Done. */}
      {!importing && (
        <div className="form-actions">
          {!signingIn && (
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Adding…' : 'Add and sync'}
            </button>
          )}
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <span className={besideField ? 'visually-hidden' : 'field-error'} role="alert">
            {errors.form}
          </span>
        </div>
      )}
    </form>
  );
}

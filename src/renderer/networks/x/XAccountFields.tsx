import type { ReactNode } from 'react';
import { TextField } from '../../ui/TextField.tsx';
import { XArchiveImport } from './XArchiveImport.tsx';

export interface XValues {
  how: 'archive' | 'api';
  handle: string;
  token: string;
  apiUrl: string;
}

/**
 * X in the add-account form: the data archive (the way in for everyone, since X's free API lists no followers),
 * or X's paid API with the user's own token. Either way X takes no follow changes from apps.
 */
export function XAccountFields({
  values,
  onChange,
  errors,
  storageNote,
  onDone,
}: {
  values: XValues;
  onChange(patch: Partial<XValues>): void;
  errors: Record<string, string>;
  storageNote: ReactNode;
  onDone(): void;
}) {
  return (
    <>
      <fieldset className="kind-choice">
        <legend>How Twoway reads your X lists</legend>
        <label>
          <input
            type="radio"
            name="x-how"
            checked={values.how === 'archive'}
            onChange={() => onChange({ how: 'archive' })}
          />
          Import your X archive
        </label>
        <label>
          <input type="radio" name="x-how" checked={values.how === 'api'} onChange={() => onChange({ how: 'api' })} />
          Connect X’s paid API
        </label>
      </fieldset>
      {values.how === 'archive' ? (
        <XArchiveImport onDone={onDone} />
      ) : (
        <div className="form-grid">
          <TextField
            label="Handle"
            value={values.handle}
            placeholder="@name"
            onChange={(handle) => onChange({ handle })}
            error={errors.handle}
          />
          <TextField
            label="API token"
            type="password"
            value={values.token}
            onChange={(token) => onChange({ token })}
            error={errors.token}
            hint="A user access token of a paid X API plan (Basic or above) with the scopes users.read and follows.read. Twoway reads your lists and names with it; it never leaves this computer."
          />
          {storageNote}
          <p className="note">
            X takes no follows or unfollows from apps: Twoway opens each profile for you to change it on X, then you
            mark it done.
          </p>
          <details className="advanced">
            <summary>Advanced</summary>
            <div className="form-grid">
              <TextField
                label="API URL"
                type="url"
                value={values.apiUrl}
                placeholder="https://api.x.com"
                onChange={(apiUrl) => onChange({ apiUrl })}
                error={errors.apiUrl}
              />
            </div>
          </details>
        </div>
      )}
    </>
  );
}

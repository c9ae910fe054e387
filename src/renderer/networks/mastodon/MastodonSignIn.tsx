import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { clockTime } from '../../format.ts';
import { useMastodonSignIn } from './mastodonSignInStore.ts';
import { useNetwork } from '../../balance/networkStore.ts';
import { TextField } from '../../ui/TextField.tsx';
import './MastodonSignIn.css';

interface Props {
  instanceUrl: string;
  acceptWeakStorage: boolean;
  /** Whether Enter in the form starts the sign-in (its button is the form's first submit button). */
  isDefault: boolean;
  /** Refusals of what the user typed (the instance's address), shown beside the form's fields. */
  onErrors(errors: Record<string, string>): void;
  /** The account is in: the form closes. */
  onDone(): void;
}

/** "Sign in with Mastodon": starts the sign-in, shows it waiting for the browser (or a pasted code) until it ends. */
export function MastodonSignIn({ instanceUrl, acceptWeakStorage, isDefault, onErrors, onDone }: Props) {
  const view = useMastodonSignIn((state) => state.view);
  const api = useMastodonSignIn((state) => state.api);
  const showAccount = useNetwork((state) => state.api.show);
  // The sign-in this form started: an earlier one's end is not this form's.
  const [started, setStarted] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<{ message: string; field?: string } | null>(null);

  const ours = view !== null && (view.id === started || view.step === 'waiting' || view.step === 'finishing');
  const step = ours ? view.step : null;

  useEffect(() => {
    if (view?.step === 'done' && view.id === started) {
      showAccount(view.accountId);
      onDone();
    }
  }, [view, started, showAccount, onDone]);

  // Leaving the form ends a sign-in still waiting: nothing should keep listening unseen.
  useEffect(
    () => () => {
      const current = useMastodonSignIn.getState().view;
      if (current?.step === 'waiting') void useMastodonSignIn.getState().api.cancel();
    },
    [],
  );

  const act = (action: () => Promise<unknown>) => async () => {
    setBusy(true);
    setProblem(null);
    onErrors({});
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiError && error.fields.code) setProblem({ message: error.fields.code, field: 'code' });
      else if (error instanceof ApiError && Object.keys(error.fields).length > 0)
        onErrors({ form: error.message, ...error.fields });
      else setProblem({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const start = act(async () => {
    // An earlier sign-in's end no longer shows, whatever this one meets.
    setStarted(null);
    setCode('');
    setStarted((await api.start(instanceUrl, acceptWeakStorage)).id);
  });

  if (step === 'waiting' || step === 'finishing') {
    const until = clockTime(view!.until);
    const byCode = view!.step === 'waiting' && view!.via === 'code';
    return (
      <div className="sign-in" role="group" aria-label={`Signing in to ${view!.instance}`}>
        <p role="status" className="sign-in-status">
          {step === 'finishing' ? (
            <strong>Finishing the sign-in on {view!.instance}…</strong>
          ) : byCode ? (
            <>
              <strong>Approve Twoway on {view!.instance}, then paste the code it shows…</strong> until {until}
            </>
          ) : (
            <>
              <strong>Waiting for you to approve Twoway in your browser…</strong> until {until}
            </>
          )}
        </p>
        {step === 'waiting' && (
          <p className="hint">
            {byCode
              ? 'Twoway cannot listen for your browser’s answer on this computer, so your instance shows a code instead.'
              : `${view!.instance} opened ${view!.openedInBrowser ? 'in your browser' : 'in a new tab'}. Approve Twoway there; this form finishes by itself.`}
          </p>
        )}
        {byCode && (
          <TextField
            label={`Code from ${view!.instance}`}
            value={code}
            onChange={setCode}
            error={problem?.field === 'code' ? problem.message : undefined}
          />
        )}
        <div className="form-actions">
          {byCode && (
            <button type="button" className="button primary" disabled={busy} onClick={act(() => api.finish(code))}>
              Finish sign-in
            </button>
          )}
          {step === 'waiting' && (
            <button type="button" className="button" disabled={busy} onClick={act(() => api.reopen())}>
              Open the page again
            </button>
          )}
          <button type="button" className="button" onClick={act(() => api.cancel())}>
            Cancel sign-in
          </button>
        </div>
        {problem && problem.field === undefined && (
          <p className="field-error" role="alert">
            {problem.message}
          </p>
        )}
      </div>
    );
  }

  const failed = ours && view.step === 'failed' ? view.message : (problem?.message ?? null);
  return (
    <div className="sign-in">
      <button
        type={isDefault ? 'submit' : 'button'}
        className={isDefault ? 'button primary' : 'button'}
        disabled={busy}
        onClick={start}
      >
        {busy ? 'Opening…' : failed ? 'Try again' : 'Sign in with Mastodon'}
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
      <p className="hint">
        Opens your instance in your browser, where you let Twoway read your lists and follow or unfollow for you. No
        password or token to copy; you can end it any time under Preferences → Account → Authorized apps.
      </p>
    </div>
  );
}

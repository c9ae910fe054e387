// "Sign in with Mastodon": Twoway registers itself on the instance, opens the instance's approval page in the
// browser, catches the answer on a loopback listener (or takes the code the user pastes where none can listen),
// trades the code for a token with its PKCE verifier, checks whose token it is and keeps it in the vault.
// One sign-in at a time; its state reaches the window as mastodonSignInChanged events.
import { randomBytes as systemRandomBytes, randomUUID } from 'node:crypto';
import type { MastodonSignIn } from '../../../../shared/mastodonSignIn.ts';
import { normalServiceUrl } from '../../../../shared/serviceUrl.ts';
import type { Account, AppStatus } from '../../../../shared/types.ts';
import { mastodonAccountId } from '../../../core/balance/accountIds.ts';
import type { Clock } from '../../../core/clock.ts';
import {
  authorizeUrl,
  callbackPath,
  missingScopes,
  newAuthorization,
  outOfBand,
  readCallback,
  signInMinutes,
  signInTimedOut,
  type RandomBytes,
} from '../../../core/networks/mastodon/authorization.ts';
import type { Accounts } from '../../balance/accounts.ts';
import type { EventBus } from '../../events.ts';
import { Failure, invalid } from '../../failure.ts';
import { listenOnLoopback, type LoopbackAnswer, type LoopbackListener } from './loopbackListener.ts';
import type { Scheduler } from '../../scheduler.ts';
import type { Syncing } from '../../balance/syncRunner.ts';
import { mastodonClient, mastodonPerson } from './client.ts';
import { OAuthRefusal, registerApp, revokeToken, tradeCode, type MastodonApp } from './oauth.ts';
import { savedApp } from './signOut.ts';
import { mastodonEntity } from './replies.ts';
import { readReply } from '../replies.ts';
import { NetworkFailure, resilientFetch, type ResilientFetch } from '../resilientFetch.ts';

export interface MastodonSignInDeps {
  accounts: Accounts;
  syncing: Syncing;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  /** How secrets are kept: a token kept with weak protection needs the user's yes. */
  secretStorage: () => Promise<AppStatus['secretStorage']>;
  /** Opens the approval page in the system browser; null where the window opens it (the browser preview). */
  openInBrowser: ((url: string) => Promise<void>) | null;
  randomBytes?: RandomBytes;
  /** The loopback listener's port: 0 lets the system choose a free one. */
  loopbackPort?: number;
  timeoutMs?: number;
}

interface Flow {
  view: MastodonSignIn | null;
  instanceUrl: string;
  host: string;
  app: MastodonApp | null;
  verifier: string;
  challenge: string;
  state: string;
  listener: LoopbackListener | null;
  timer: unknown;
  abort: AbortController;
  fetch: ResilientFetch;
}

const windowMs = signInMinutes * 60_000;

function page(title: string, text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escape(title)}</title><body style="font:16px system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;line-height:1.5"><h1 style="font-size:1.4em">${escape(title)}</h1><p>${escape(text)}</p></body></html>`;
}

/** The failure the window shows for an instance that could not register Twoway. */
function registrationFailure(error: unknown, host: string): Failure {
  if (error instanceof Failure) return error;
  if (error instanceof NetworkFailure && error.reason === 'cancelled')
    return new Failure('conflict', 'Sign-in cancelled.');
  if (error instanceof NetworkFailure && error.reason === 'bad-response') {
    return invalid({ instanceUrl: `${host} did not answer as a Mastodon instance: ${error.message}` });
  }
  if (error instanceof NetworkFailure) return invalid({ instanceUrl: `Could not reach ${host}: ${error.message}.` });
  if (error instanceof OAuthRefusal)
    return invalid({ instanceUrl: `${host} refused to register Twoway: ${error.message}` });
  return new Failure('unavailable', `Could not start the sign-in: ${error instanceof Error ? error.message : error}`);
}

/** Why a sign-in with a code in hand ended, in the user's words. */
function finishFailure(error: unknown, host: string): string {
  if (error instanceof OAuthRefusal) {
    return error.error === 'invalid_grant'
      ? `${host} did not accept the sign-in (${error.message}); try again.`
      : `${host} refused the sign-in: ${error.message}`;
  }
  if (error instanceof NetworkFailure && error.reason === 'bad-response') return error.message;
  if (error instanceof NetworkFailure) return `Could not reach ${host} to finish signing in: ${error.message}.`;
  return `The sign-in could not finish: ${error instanceof Error ? error.message : String(error)}`;
}

export function createMastodonSignIn(deps: MastodonSignInDeps) {
  const { accounts, syncing, clock, scheduler, events, openInBrowser } = deps;
  const randomBytes = deps.randomBytes ?? systemRandomBytes;
  let flow: Flow | null = null;

  const show = (f: Flow, view: MastodonSignIn) => {
    f.view = view;
    if (flow === f) events.emit('mastodonSignInChanged', view);
  };

  /** Stops waiting: no timer, no listener. The state shown stays until the next sign-in or a cancel. */
  function stopWaiting(f: Flow) {
    scheduler.clearTimeout(f.timer);
    const listener = f.listener;
    f.listener = null;
    void listener?.close();
  }

  function fail(f: Flow, message: string) {
    stopWaiting(f);
    if (f.view) show(f, { ...f.view, step: 'failed', message });
  }

  /** Trades the code, checks the token and saves the account; throws what went wrong. */
  async function complete(f: Flow, code: string): Promise<Account> {
    const { token, scope } = await tradeCode(f.instanceUrl, f.app!, code, f.verifier, f.fetch);
    const missing = scope ? missingScopes(scope) : [];
    if (missing.length > 0) {
      await revokeToken(f.instanceUrl, f.app!, token, f.fetch).catch(() => undefined);
      throw new Error(`${f.host} granted only “${scope}”, without ${missing.join(' and ')}; try again`);
    }
    const me = readReply(
      mastodonEntity,
      (await mastodonClient(f.instanceUrl, f.fetch, token)('/api/v1/accounts/verify_credentials')).body,
      'Mastodon sent an account',
    );
    const person = mastodonPerson(me, f.instanceUrl);
    const account: Account = {
      id: mastodonAccountId(f.instanceUrl, me.id),
      network: 'mastodon',
      handle: person.handle,
      displayName: person.displayName,
      connection: { network: 'mastodon', instanceUrl: f.instanceUrl, accountId: me.id },
    };
    await accounts.save(account, { token, app: savedApp(f.app!) });
    return account;
  }

  async function finish(f: Flow, code: string, onRefusedCode?: (error: OAuthRefusal) => never) {
    const waiting = f.view!;
    show(f, { ...waiting, step: 'finishing' });
    stopWaiting(f);
    try {
      const account = await complete(f, code);
      if (flow !== f) return;
      void syncing.sync(account.id);
      show(f, { ...waiting, step: 'done', accountId: account.id, handle: account.handle });
    } catch (error) {
      if (flow !== f) return;
      // A mistyped code is not used up: the user may paste it again while the sign-in lasts.
      if (onRefusedCode && error instanceof OAuthRefusal && error.error === 'invalid_grant') {
        show(f, waiting);
        f.timer = scheduler.setTimeout(() => fail(f, signInTimedOut), Math.max(0, waiting.until - clock.now()));
        onRefusedCode(error);
      }
      fail(f, finishFailure(error, f.host));
    }
  }

  function answer(f: Flow, target: string): LoopbackAnswer {
    const callback = readCallback(target, f.state, f.host);
    if (callback.kind === 'elsewhere') return { status: 404, html: page('Not found', 'Twoway is not here.') };
    if (callback.kind === 'stranger' || flow !== f || f.view?.step !== 'waiting') {
      return {
        status: 400,
        html: page(
          'This is not the sign-in Twoway is waiting for',
          'Return to Twoway and start the sign-in there; nothing was changed.',
        ),
      };
    }
    if (callback.kind === 'declined') {
      fail(f, callback.message);
      return { status: 200, html: page('Twoway was not approved', `${callback.message} Return to Twoway.`) };
    }
    void finish(f, callback.code);
    return {
      status: 200,
      html: page(
        `Signed in to ${f.host}`,
        'Return to Twoway: it finishes adding your account. You can close this tab.',
      ),
    };
  }

  function cancel(): null {
    const f = flow;
    flow = null;
    if (!f) return null;
    stopWaiting(f);
    f.abort.abort();
    events.emit('mastodonSignInChanged', null);
    return null;
  }

  return {
    current: (): MastodonSignIn | null => flow?.view ?? null,
    cancel,

    /** Registers Twoway, starts listening and opens the approval page; the rest arrives as events. */
    async start(input: { instanceUrl: string; acceptWeakStorage?: boolean | undefined }): Promise<MastodonSignIn> {
      cancel();
      if ((await deps.secretStorage()) === 'weak' && !input.acceptWeakStorage) {
        throw invalid({
          acceptWeakStorage:
            'This computer offers no keychain, so Twoway could only keep the sign-in with weak protection. Tick “Keep it anyway” to go on, or add the account read only under Advanced.',
        });
      }
      const instanceUrl = normalServiceUrl(input.instanceUrl);
      const abort = new AbortController();
      const f: Flow = {
        view: null,
        instanceUrl,
        host: new URL(instanceUrl).host,
        app: null,
        ...newAuthorization(randomBytes),
        listener: null,
        timer: null,
        abort,
        fetch: resilientFetch({ clock, scheduler, timeoutMs: deps.timeoutMs ?? 15_000, signal: abort.signal }),
      };
      flow = f;
      try {
        // Where nothing may listen on this computer, the instance shows the code for the user to paste.
        f.listener = await listenOnLoopback(deps.loopbackPort ?? 0, (target) => answer(f, target)).catch(() => null);
        const redirectUri = f.listener ? `http://127.0.0.1:${f.listener.port}${callbackPath}` : outOfBand;
        f.app = await registerApp(instanceUrl, redirectUri, f.fetch);
        if (flow !== f) throw new Failure('conflict', 'Sign-in cancelled.');
      } catch (error) {
        stopWaiting(f);
        if (flow === f) flow = null;
        throw registrationFailure(error, f.host);
      }
      const url = authorizeUrl(instanceUrl, { ...f.app, state: f.state, challenge: f.challenge });
      const until = clock.now() + windowMs;
      f.timer = scheduler.setTimeout(() => fail(f, signInTimedOut), windowMs);
      const opened = openInBrowser
        ? await openInBrowser(url).then(
            () => true,
            () => false,
          )
        : false;
      const view: MastodonSignIn = {
        id: randomUUID(),
        instance: f.host,
        authorizeUrl: url,
        openedInBrowser: opened,
        until,
        step: 'waiting',
        via: f.listener ? 'browser' : 'code',
      };
      show(f, view);
      return view;
    },

    /** Opens the approval page again; where main cannot, the window opens the address it was given. */
    async reopen(): Promise<MastodonSignIn> {
      const f = flow;
      if (!f?.view || f.view.step !== 'waiting') throw new Failure('conflict', 'No sign-in is waiting; start again.');
      const opened = openInBrowser
        ? await openInBrowser(f.view.authorizeUrl).then(
            () => true,
            () => false,
          )
        : false;
      show(f, { ...f.view, openedInBrowser: opened });
      return f.view;
    },

    /** The code the instance showed, pasted by the user where Twoway could not listen for it. */
    async finishWithCode(id: string, code: string): Promise<MastodonSignIn> {
      const f = flow;
      if (!f?.view || f.view.id !== id || f.view.step !== 'waiting' || f.view.via !== 'code') {
        throw new Failure('conflict', 'This sign-in is over; start it again.');
      }
      await finish(f, code, (error) => {
        throw invalid({ code: `${f.host} did not accept this code (${error.message}); copy it again.` });
      });
      return f.view!;
    },

    close: cancel,
  };
}
export type MastodonSignInService = ReturnType<typeof createMastodonSignIn>;

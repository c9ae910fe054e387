// A Twoway and a local Mastodon server for sign-in tests, and the browser's part of the sign-in played by HTTP
// requests as a browser makes them: loading the approval page, pressing Authorize or Deny, following the redirect.
import { expect } from 'vitest';
import type { MastodonSignIn } from '../../src/shared/mastodonSignIn.ts';
import { memoryVault } from '../../src/main/services/secrets.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from './services.ts';

export const signInStart = Date.UTC(2026, 10, 25, 14, 0);

const cleanups: (() => unknown)[] = [];
/** Closes what the test opened (call from afterEach). */
export async function closeSignInWorlds() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
export const whenClosed = (cleanup: () => unknown) => void cleanups.push(cleanup);

/** Real services with a clock the test moves, and an instance where "consultant" (3 followers) is signed in. */
export async function signInWorld() {
  const vault = memoryVault();
  const s = servicesAt(signInStart, { vault });
  whenClosed(() => s.services.close());
  const server = await startMastodonServer({ now: () => s.clock.now() });
  whenClosed(() => server.close());
  const me = server.state.addAccount({ username: 'consultant', displayName: 'Consultant' });
  for (let i = 0; i < 3; i++) server.state.follow(server.state.addAccount({ username: `fan${i}` }).id, me.id);
  server.state.oauth.signedInAs = me.id;
  return { ...s, vault, me, server, url: server.url, state: server.state };
}
export type SignInWorld = Awaited<ReturnType<typeof signInWorld>>;

/** The next sign-in state at one of these steps. */
export function reaches(w: SignInWorld, ...steps: MastodonSignIn['step'][]) {
  return new Promise<MastodonSignIn>((resolve) => {
    const stop = w.services.events.listen((event, payload) => {
      if (event !== 'mastodonSignInChanged') return;
      const view = payload as MastodonSignIn | null;
      if (view && steps.includes(view.step)) {
        stop();
        resolve(view);
      }
    });
  });
}

export async function startSignIn(w: SignInWorld): Promise<MastodonSignIn> {
  const reply = await w.dispatch('startMastodonSignIn', { instanceUrl: w.url });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Loads the approval page and presses a button on it; the instance's answer, its redirect not followed. */
export async function press(authorizeUrl: string, button: 'approve' | 'deny' = 'approve'): Promise<Response> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<button name="decision" value="approve">Authorize</button>');
  const form = new URLSearchParams(
    [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m): [string, string] => [
      unescape(m[1]!),
      unescape(m[2]!),
    ]),
  );
  form.set('decision', button);
  return fetch(new URL('/oauth/authorize', authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
}

/** Presses a button and follows the redirect to wherever it points, as the browser would. */
export async function approve(authorizeUrl: string, button: 'approve' | 'deny' = 'approve') {
  const answer = await press(authorizeUrl, button);
  expect(answer.status).toBe(302);
  const location = answer.headers.get('location')!;
  const back = await fetch(location);
  return { location, status: back.status, text: await back.text() };
}

/** 'answered', or why nothing answered (ECONNREFUSED once a listener is gone). */
export const reach = (url: string) =>
  fetch(url).then(
    () => 'answered',
    (error: Error) => String(error.cause ?? error),
  );

/** The app's retries wait on timers the test owns: runs them while `work` is pending. */
export async function whileTimersRun<T>(w: SignInWorld, work: Promise<T>): Promise<T> {
  let done = false;
  const result = work.finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    w.timers.advance(1000);
  }
  return result;
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMastodonServer, type MastodonServer } from '../servers/mastodon.ts';
import { startXServer, type XServer } from '../servers/x.ts';
import { archiveFiles, archiveZip, parseYtd, readZip, traversalZip, truncatedZip } from '../servers/xArchive.ts';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function mastodon(options: Parameters<typeof startMastodonServer>[0] = {}): Promise<MastodonServer> {
  const server = await startMastodonServer(options);
  servers.push(server);
  return server;
}

async function x(options: Parameters<typeof startXServer>[0] = {}): Promise<XServer> {
  const server = await startXServer(options);
  servers.push(server);
  return server;
}

function nextLink(link: string | null): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;
}

/** A Mastodon account followed by `count` others (the oldest follow first). */
function seedMastodon(server: MastodonServer, count: number) {
  const me = server.state.addAccount({ username: 'me' });
  for (let i = 0; i < count; i += 1) {
    server.state.follow(server.state.addAccount({ username: `f${i}` }).id, me.id);
  }
  server.state.addToken('tok', me.id);
  return me;
}

const auth = { authorization: 'Bearer tok' };

describe('Mastodon test server', () => {
  it('pages 250 followers newest first through Link headers on the request host', async () => {
    const server = await mastodon();
    const me = seedMastodon(server, 250);
    const seen: string[] = [];
    let url: string | null = `${server.url}/api/v1/accounts/${me.id}/followers?limit=80`;
    while (url) {
      expect(url.startsWith(server.url)).toBe(true);
      const response: Response = await fetch(url, { headers: auth });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
      seen.push(...((await response.json()) as { id: string }[]).map((account) => account.id));
      url = nextLink(response.headers.get('link'));
    }
    expect(seen).toEqual(server.state.followersOf(me.id));
    expect(new Set(seen).size).toBe(250);
    expect(server.state.requests.filter((r) => r.path.endsWith('/followers'))).toHaveLength(4); // 80+80+80+10
  });

  it('offers a next link after a full last page, which then answers [] without links', async () => {
    const server = await mastodon();
    const me = seedMastodon(server, 80);
    const first = await fetch(`${server.url}/api/v1/accounts/${me.id}/followers?limit=80`);
    expect(first.headers.get('link')).toMatch(/rel="next".*since_id=\d+>; rel="prev"/);
    const last = await fetch(nextLink(first.headers.get('link'))!);
    expect(await last.json()).toEqual([]);
    expect(last.headers.get('link')).toBeNull();
  });

  it('answers 429 with the reset time once the per-token budget is spent, and recovers after it', async () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 30, 500);
    const server = await mastodon({ now: () => now, rateLimit: { limit: 2, windowSeconds: 60 } });
    seedMastodon(server, 0);
    const call = () => fetch(`${server.url}/api/v1/accounts/verify_credentials`, { headers: auth });
    expect((await call()).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: 'Too many requests' });
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2026-01-01T00:01:00.500000Z');
    now = Date.UTC(2026, 0, 1, 0, 1, 0, 600);
    expect((await call()).status).toBe(200);
  });

  it('repeats the cursor when told to, and applies each fault once', async () => {
    const server = await mastodon();
    const me = seedMastodon(server, 100);
    const path = `/api/v1/accounts/${me.id}/followers`;
    const first = await fetch(`${server.url}${path}`);
    const second = nextLink(first.headers.get('link'))!;
    server.faults.push({ path, repeatCursor: true });
    const repeated = await fetch(second);
    expect(nextLink(repeated.headers.get('link'))).toBe(second);
    const normal = await fetch(second);
    expect(nextLink(normal.headers.get('link'))).not.toBe(second);
    expect(server.faults.pending).toHaveLength(0);
  });

  it('unfollows through the API and reports the relationship; a reset connection still unfollows', async () => {
    const server = await mastodon();
    const me = seedMastodon(server, 0);
    const a = server.state.addAccount({ username: 'a' });
    const b = server.state.addAccount({ username: 'b', domain: 'remote.example' });
    server.state.follow(me.id, a.id);
    server.state.follow(me.id, b.id);
    const response = await fetch(`${server.url}/api/v1/accounts/${a.id}/unfollow`, { method: 'POST', headers: auth });
    expect(await response.json()).toMatchObject({ id: a.id, following: false, followed_by: false });
    server.faults.push({ path: `/api/v1/accounts/${b.id}/unfollow`, resetConnection: true });
    await expect(
      fetch(`${server.url}/api/v1/accounts/${b.id}/unfollow`, { method: 'POST', headers: auth }).then((r) => r.json()),
    ).rejects.toThrow();
    expect(server.state.followingOf(me.id)).toEqual([]);
    const noScope = 'readonly';
    server.state.addToken(noScope, me.id, ['read']);
    const forbidden = await fetch(`${server.url}/api/v1/accounts/${a.id}/follow`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noScope}` },
    });
    expect(forbidden.status).toBe(403);
    const lookup = await fetch(`${server.url}/api/v1/accounts/lookup?acct=b@remote.example`);
    expect(await lookup.json()).toMatchObject({ id: b.id, acct: 'b@remote.example' });
  });
});

describe('X test server', () => {
  it('pages 250 followers with next_token until it is absent', async () => {
    const server = await x({ now: () => Date.UTC(2026, 0, 1) });
    const me = server.state.addAccount({ username: 'me' });
    for (let i = 0; i < 250; i += 1) server.state.follow(server.state.addAccount({ username: `f${i}` }).id, me.id);
    server.state.addToken('tok', me.id);
    const seen: string[] = [];
    const counts: number[] = [];
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ max_results: '100', ...(token ? { pagination_token: token } : {}) });
      const response = await fetch(`${server.url}/2/users/${me.id}/followers?${query}`, { headers: auth });
      expect(response.headers.get('x-rate-limit-reset')).toBe(String(Date.UTC(2026, 0, 1) / 1000 + 900));
      const body = (await response.json()) as {
        data: { id: string; username: string }[];
        meta: { result_count: number; next_token?: string };
      };
      seen.push(...body.data.map((user) => user.id));
      counts.push(body.meta.result_count);
      token = body.meta.next_token;
    } while (token);
    expect(counts).toEqual([100, 100, 50]);
    expect(seen).toEqual(server.state.followersOf(me.id));

    const bad = await fetch(`${server.url}/2/users/${me.id}/followers?max_results=1001`, { headers: auth });
    expect(bad.status).toBe(400);
    const write = await fetch(`${server.url}/2/users/${me.id}/following`, { method: 'POST', headers: auth });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ title: 'Client Forbidden', reason: 'client-not-enrolled' });
  });

  it('repeats the pagination token and answers a 429 fault with x-rate-limit-reset', async () => {
    const now = Date.UTC(2026, 0, 1);
    const server = await x({ now: () => now });
    const me = server.state.addAccount({ username: 'me' });
    for (let i = 0; i < 30; i += 1) server.state.follow(me.id, server.state.addAccount({ username: `g${i}` }).id);
    server.state.addToken('tok', me.id);
    const base = `${server.url}/2/users/${me.id}/following?max_results=10`;
    const first = (await (await fetch(base, { headers: auth })).json()) as { meta: { next_token: string } };
    server.faults.push({ path: `/2/users/${me.id}/following`, repeatCursor: true });
    const page = `${base}&pagination_token=${first.meta.next_token}`;
    const repeated = (await (await fetch(page, { headers: auth })).json()) as { meta: { next_token: string } };
    expect(repeated.meta.next_token).toBe(first.meta.next_token);

    server.faults.push({ status: 429, resetInSeconds: 120 });
    const limited = await fetch(page, { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-reset')).toBe(String(now / 1000 + 120));
    expect(await limited.json()).toMatchObject({ title: 'Too Many Requests', status: 429 });
  });
});

describe('X archive helper', () => {
  it('round-trips split follower and following lists through a zip', () => {
    const followers = Array.from({ length: 5 }, (_, i) => String(1_500_000_000_000_000_000n + BigInt(i)));
    const files = archiveFiles({
      followers,
      following: ['12', '13'],
      partSize: 2,
      account: { accountId: '9', username: 'me' },
    });
    expect(Object.keys(files).sort()).toEqual([
      'data/account.js',
      'data/follower-part1.js',
      'data/follower-part2.js',
      'data/follower.js',
      'data/following.js',
    ]);
    expect(files['data/follower.js']).toContain(
      'window.YTD.follower.part0 = [\n  {\n    "follower" : {\n      "accountId" : "',
    );
    const entries = readZip(archiveZip(files));
    const ids = ['data/follower.js', 'data/follower-part1.js', 'data/follower-part2.js'].flatMap((name) =>
      (parseYtd(entries.get(name)!.toString('utf8')).entries as { follower: { accountId: string } }[]).map(
        (entry) => entry.follower.accountId,
      ),
    );
    expect(ids).toEqual(followers);

    expect([...readZip(traversalZip()).keys()]).toContain('../evil.js');
    expect(() => readZip(truncatedZip())).toThrow();
  });

  it.skipIf(!existsSync('/usr/bin/unzip'))('writes zips that unzip(1) reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twoway-zip-'));
    try {
      const file = join(dir, 'archive.zip');
      writeFileSync(file, archiveZip(archiveFiles({ followers: ['1', '2'] })));
      const text = execFileSync('/usr/bin/unzip', ['-p', file, 'data/follower.js'], { encoding: 'utf8' });
      expect(parseYtd(text).entries).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Two Twoways on one test's sync folder: what the person decides about people and posts on one shows on the other.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { Account } from '../../src/shared/types.ts';
import { emptyAccountData } from '../../src/main/services/balance/accountData.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openSharedDoc } from '../../src/main/services/devices/sharedDoc.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const now = new Date(2026, 11, 2, 10, 0).getTime();

async function twoDevices({ demo = true } = {}) {
  const folder = tempDir();
  const a = servicesAt(now, { idPrefix: 'a' });
  const b = servicesAt(now, { idPrefix: 'b' });
  for (const app of [a, b]) {
    if (demo) expect((await app.dispatch('loadDemo', undefined)).ok).toBe(true);
    await app.services.start();
    app.services.devices.syncThroughFolder(folder);
  }
  /** Each device reads the other's file: A, then B, then A again for what B's merge added. */
  const sync = () => {
    a.services.devices.syncNow();
    b.services.devices.syncNow();
    a.services.devices.syncNow();
  };
  sync();
  return { a, b, sync, folder };
}

type App = Awaited<ReturnType<typeof twoDevices>>['a'];

async function rowsOf(app: App, accountId: string, search = '') {
  const reply = await app.dispatch('listNotFollowingBack', { accountId, search, limit: 500 });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.rows;
}

async function briefingOf(app: App) {
  const reply = await app.dispatch('getCatchUp', { withScanned: true });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('keeps and reasons follow the person', () => {
  it('a keep made on A shows as kept on B, and taking it off on B takes it off on A', async () => {
    const { a, b, sync } = await twoDevices();
    const person = (await rowsOf(a, 'demo-bluesky')).find((row) => !row.kept && !row.protected)!.person;
    expect((await a.dispatch('setKeep', { accountId: 'demo-bluesky', personId: person.id, keep: true })).ok).toBe(true);
    const onB = async () => (await rowsOf(b, 'demo-bluesky')).find((row) => row.person.id === person.id)!;
    expect((await onB()).kept).toBe(false);
    sync();
    expect((await onB()).kept).toBe(true);

    b.clock.advance(60_000);
    await b.dispatch('setKeep', { accountId: 'demo-bluesky', personId: person.id, keep: false });
    sync();
    const onA = (await rowsOf(a, 'demo-bluesky')).find((row) => row.person.id === person.id)!;
    expect(onA.kept).toBe(false);
  });

  it('a keep reason given on B shows on A, and a protection lifted on A is lifted on B', async () => {
    const { a, b, sync } = await twoDevices();
    const person = (await rowsOf(b, 'demo-bluesky')).find((row) => !row.kept)!.person;
    await b.dispatch('setKeep', {
      accountId: 'demo-bluesky',
      personId: person.id,
      keep: true,
      reason: 'Met at the fair',
    });
    const client = (await rowsOf(a, 'demo-bluesky')).find((row) => row.protected)!.person;
    await a.dispatch('setProtected', { accountId: 'demo-bluesky', personId: client.id, protected: false });
    sync();
    const onA = (await rowsOf(a, 'demo-bluesky')).find((row) => row.person.id === person.id)!;
    expect(onA).toMatchObject({ kept: true, keepReason: 'Met at the fair' });
    const onB = (await rowsOf(b, 'demo-bluesky')).find((row) => row.person.id === client.id)!;
    expect(onB.protected).toBe(false);
  });

  it('a keep made before the devices shared anything reaches the other device', async () => {
    const a = servicesAt(now, { idPrefix: 'a' });
    expect((await a.dispatch('loadDemo', undefined)).ok).toBe(true);
    const person = (await rowsOf(a, 'demo-bluesky')).find((row) => !row.kept && !row.protected)!.person;
    await a.dispatch('setKeep', { accountId: 'demo-bluesky', personId: person.id, keep: true });
    // An earlier Twoway had no shared document: the keep is in the account file only.
    a.services.close();
    fs.rmSync(path.join(a.dataDir, 'shared.automerge'));
    const again = servicesAt(now, { dataDir: a.dataDir, idPrefix: 'a2' });
    const b = servicesAt(now, { idPrefix: 'b' });
    expect((await b.dispatch('loadDemo', undefined)).ok).toBe(true);
    const folder = tempDir();
    for (const app of [again, b]) {
      await app.services.start();
      app.services.devices.syncThroughFolder(folder);
    }
    again.services.devices.syncNow();
    b.services.devices.syncNow();
    expect((await rowsOf(b, 'demo-bluesky')).find((row) => row.person.id === person.id)!.kept).toBe(true);
  });
});

describe('catch-up marks follow the person', () => {
  it('a post marked scanned on A is not unread on B; a mention answered on B is answered on A', async () => {
    const { a, b, sync } = await twoDevices();
    const before = await briefingOf(b);
    const group = before.people.find((p) => p.unread > 0)!;
    const post = group.posts.find((p) => !p.scanned)!;
    await a.dispatch('markScanned', { target: { accountId: group.accountId, post: post.id } });
    const waiting = before.mentions.find((m) => m.state === 'waiting')!;
    b.clock.advance(60_000);
    await b.dispatch('markMention', { accountId: waiting.accountId, mentionId: waiting.id, state: 'answered' });
    sync();

    const onB = await briefingOf(b);
    expect(onB.unread).toBe(before.unread - 1);
    const seen = onB.people.flatMap((p) => p.posts).find((p) => p.id === post.id)!;
    expect(seen.scanned).toBe(true);
    const onA = (await briefingOf(a)).mentions.find((m) => m.id === waiting.id)!;
    expect(onA).toMatchObject({ state: 'answered', answeredAt: now + 60_000 });
    expect((await briefingOf(a)).waiting).toBe(before.waiting - 1);
  });

  it('a mark another device wrote that is not a mark is left out', async () => {
    const { b, folder } = await twoDevices();
    const before = await briefingOf(b);
    const waiting = before.mentions.find((m) => m.state === 'waiting')!;
    const post = before.people.flatMap((p) => p.posts).find((p) => !p.scanned)!;
    // A third device (an older or broken Twoway) shares values no Twoway writes.
    const odd = openSharedDoc({
      context: { dataDir: tempDir(), openFile: openConfFile, clock: manualClock(now), onNotice() {}, onSaved() {} },
      device: 'c'.repeat(32),
    });
    odd.set('answered', [[`${waiting.accountId}\n${waiting.id}`, { state: 'shouted', at: 1 }]], now);
    odd.set('scanned', [[`${before.people[0]!.accountId}\n${post.id}`, { scanned: 'yes' }]], now);
    fs.writeFileSync(path.join(folder, `${'c'.repeat(32)}.automerge`), odd.bytes());
    b.services.devices.syncNow();
    const after = await briefingOf(b);
    expect(after.mentions.find((m) => m.id === waiting.id)!.state).toBe('waiting');
    expect(after.unread).toBe(before.unread);
  });
});

describe('first seen on Mastodon and X', () => {
  const mastodon: Account = {
    id: 'mastodon-social-example-1',
    network: 'mastodon',
    handle: '@me@social.example',
    displayName: 'Me',
    connection: { network: 'demo' },
  };
  const bluesky: Account = { ...mastodon, id: 'bluesky-me', network: 'bluesky', handle: 'me.bsky.social' };
  const followed = (followedAt: number) => ({
    ...emptyAccountData(),
    following: [{ id: '109', handle: '@sam@social.example', displayName: 'Sam', followedAt, ref: null }],
    syncedAt: now,
  });

  it('a follow A first saw 5 days ago and B 1 day ago reads as 5 days on both; Bluesky’s dates stay apart', async () => {
    const { a, b, sync } = await twoDevices({ demo: false });
    a.services.accounts.put(mastodon, followed(now - 5 * DAY));
    b.services.accounts.put(mastodon, followed(now - DAY));
    a.services.accounts.put(bluesky, followed(now - 5 * DAY));
    b.services.accounts.put(bluesky, followed(now - DAY));
    expect((await rowsOf(b, mastodon.id))[0]!.days).toBe(1);
    sync();
    expect((await rowsOf(a, mastodon.id))[0]!.days).toBe(5);
    expect((await rowsOf(b, mastodon.id))[0]!.days).toBe(5);
    expect((await rowsOf(b, mastodon.id))[0]!.followedAt).toBe(now - 5 * DAY);
    // The network dates Bluesky follows itself: each device shows what its own network said.
    expect((await rowsOf(b, bluesky.id))[0]!.days).toBe(1);
    expect((await rowsOf(a, bluesky.id))[0]!.days).toBe(5);

    // What changes nothing in an account leaves its file as it is.
    await a.dispatch('setKeep', { accountId: mastodon.id, personId: '109', keep: true, reason: 'A client' });
    sync();
    expect((await rowsOf(b, mastodon.id))[0]).toMatchObject({ kept: true, keepReason: 'A client', days: 5 });
    const file = path.join(b.dataDir, `account-${mastodon.id}.bin`);
    const written = fs.statSync(file).mtimeMs;
    a.clock.advance(60_000);
    await a.dispatch('setKeep', { accountId: bluesky.id, personId: '109', keep: true });
    sync();
    expect((await rowsOf(b, bluesky.id))[0]!.kept).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(written);
  });
});

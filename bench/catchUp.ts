// Requests a catch-up briefing costs on Bluesky, against the real reference server: 500 followers, 450 of them
// followed back, each with two new posts; then the next catch-up, twenty minutes on, with ten new posts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../src/main/core/clock.ts';
import { createServices } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import type { AccountBalance } from '../src/shared/types.ts';
import { blueskyServerAvailable, startBlueskyServer } from '../tests/bluesky-server/client.ts';
import { settled } from '../tests/support/settled.ts';
import { warpScheduler } from '../tests/support/warpScheduler.ts';
import { line } from './measure.ts';

const followers = 500;
const followedBack = 450;

if (!blueskyServerAvailable()) {
  console.error('bench: skipping the catch-up request counts (run bash tests/bluesky-server/setup.sh first)');
} else {
  const server = await startBlueskyServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));
  try {
    const me = await server.createAccount('briefed.test', 'briefed-pass');
    const fans = (await server.seedFollowers(me.did, followers, { prefix: 'fan' })).accounts;
    for (const fan of fans.slice(0, followedBack)) await server.follow(me.did, fan.did);
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    await server.posts(
      fans.flatMap((fan, i) => [
        { from: fan.did, text: `First post of ${fan.handle}`, createdAt: at(300 - (i % 240)) },
        { from: fan.did, text: `Second post of ${fan.handle}`, createdAt: at(60 - (i % 50)) },
      ]),
    );
    await server.processAll();

    const clock = manualClock(now);
    const { scheduler } = warpScheduler(clock);
    const app = createServices({
      dataDir,
      openFile: openConfFile,
      clock,
      host: 'browser-preview',
      scheduler,
      locale: 'en-GB',
    });
    const added = (await app.addAccount({
      network: 'bluesky',
      handle: 'briefed.test',
      appPassword: 'briefed-pass',
      appviewUrl: server.urls.appview,
      plcUrl: server.urls.plc,
      handleResolverUrl: server.urls.pds,
    })) as AccountBalance;
    await settled(app);

    await app.catchUp.refresh(added.account.id);
    const first = app.catchUp.summary();
    if (first.accounts[0]!.problem) throw new Error(first.accounts[0]!.problem);
    line(
      'requests for a Bluesky catch-up of 500 followers with 2 new posts each (first)',
      first.accounts[0]!.requests!,
      'requests',
      20,
    );
    // Everyone followed back is read through the timeline; the others' own feeds come a few per catch-up.
    console.error(`bench: that catch-up found ${first.unread} of the 1,000 new posts`);

    await server.posts(fans.slice(0, 10).map((fan) => ({ from: fan.did, text: `Later post of ${fan.handle}` })));
    await server.processAll();
    clock.advance(20 * 60_000);
    await app.catchUp.refresh(added.account.id);
    line(
      'requests for the next Bluesky catch-up, 10 new posts (incremental)',
      app.catchUp.summary().accounts[0]!.requests!,
      'requests',
      20,
    );
    app.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await server.stop();
  }
}

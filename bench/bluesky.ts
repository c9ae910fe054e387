// Requests a Bluesky sync costs, against the real reference server (installed by tests/bluesky-server/setup.sh).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../src/main/core/clock.ts';
import { createServices } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import type { NetworkProvider } from '../src/main/services/networks/provider.ts';
import { providerFactory } from '../src/main/services/networks/providers.ts';
import { memoryVault } from '../src/main/services/secrets.ts';
import type { AccountBalance } from '../src/shared/types.ts';
import { blueskyServerAvailable, startBlueskyServer } from '../tests/bluesky-server/client.ts';
import { settled } from '../tests/support/settled.ts';
import { warpScheduler } from '../tests/support/warpScheduler.ts';
import { line } from './measure.ts';

if (!blueskyServerAvailable()) {
  console.error('bench: skipping the Bluesky request counts (run bash tests/bluesky-server/setup.sh first)');
} else {
  const server = await startBlueskyServer();
  try {
    // 1,000 followers; the account follows back 950 of them and 50 others, as a consultant's balance looks.
    const me = await server.createAccount('bench.test', 'bench-pass');
    await server.seedFollowers(me.did, 1000, { prefix: 'fan' });
    for (let i = 1; i <= 950; i++) await server.follow(me.did, `fan${String(i).padStart(4, '0')}.test`);
    await server.seedFollowing(me.did, 50, { prefix: 'star' });
    await server.processAll();

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));
    const clock = manualClock(Date.now());
    const { scheduler } = warpScheduler(clock);
    const vault = memoryVault();
    const made: NetworkProvider[] = [];
    const real = providerFactory({ clock, scheduler, vault });
    const app = createServices({
      dataDir,
      openFile: openConfFile,
      clock,
      host: 'browser-preview',
      locale: 'en-GB',
      scheduler,
      vault,
      providerFor: async (account, options) => {
        const provider = await real(account, options);
        made.push(provider);
        return provider;
      },
    });
    const added = (await app.addAccount({
      network: 'bluesky',
      handle: 'bench.test',
      appviewUrl: server.urls.appview,
      plcUrl: server.urls.plc,
      handleResolverUrl: server.urls.pds,
    })) as AccountBalance;
    await settled(app);
    const pages = Math.ceil(1000 / 100) + Math.ceil(1000 / 100);
    line(
      'requests for a first full sync of 1,000 followers, over ceil(F/100)+ceil(G/100)',
      made[0]!.requests() - pages,
      'requests',
      3,
    );
    line('requests for an unchanged re-sync', (await app.syncing.sync(added.account.id)) ?? Number.NaN, 'requests', 3);
    app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    await server.stop();
  }
}

// Two real Twoways, each syncing through its own folder, the two folders kept alike by two real Syncthing
// instances: what one records reaches the other, each knows the other by name, and Syncthing's own files in the
// folder (its marker, its temporary files) never trouble either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderCheckMs } from '../../src/main/services/devices/folderSync.ts';
import { servicesAt } from '../support/services.ts';
import { startSyncthingPair, syncthingMissing, type SyncthingPair } from '../support/syncthing.ts';

const HOUR = 60 * 60_000;
const start = new Date(2026, 11, 2, 12).getTime();
const arrivalTimeoutMs = 60_000;
/** How often the test looks, on the real clock: Syncthing runs on real time. */
const pollMs = 100;
/**
 * The Twoways run on manual timers. Each look moves them by more than the 300 ms settle after a folder watch
 * event, so a change Syncthing puts in place is read through the watch, as in the app. The regular 3-minute check
 * is not what carries it: the last test shows the timers never got that far.
 */
const settleStepMs = 500;

type App = ReturnType<typeof servicesAt>;

const entries = (app: App) => app.services.time.list(-Infinity, Infinity);
const names = (app: App) => app.services.devices.view().devices.map((d) => [d.name, d.thisDevice]);

describe.skipIf(syncthingMissing)(
  `two Twoways syncing through folders that Syncthing replicates${syncthingMissing ? ` (skipped: ${syncthingMissing})` : ''}`,
  () => {
    let root: string;
    let folderA: string;
    let folderB: string;
    let pair: SyncthingPair | undefined;
    let laptop: App;
    let desktop: App;
    const open: App[] = [];
    /** Every name seen in either folder while waiting, so the report can say which of Syncthing's files were there. */
    const seen = new Set<string>();

    async function device(name: string, idPrefix: string, folder: string): Promise<App> {
      const app = servicesAt(start, { idPrefix, dataDir: fs.mkdtempSync(path.join(root, `${idPrefix}-data-`)) });
      open.push(app);
      await app.services.start();
      app.services.devices.rename(name);
      await app.services.devices.syncThroughFolder(folder);
      return app;
    }

    /** Waits on the real clock until `arrived` holds, moving both Twoways' timers; answers the seconds it took. */
    async function until(what: string, arrived: () => boolean): Promise<number> {
      const started = performance.now();
      const deadline = Date.now() + arrivalTimeoutMs;
      for (;;) {
        for (const app of open) app.timers.advance(settleStepMs);
        for (const folder of [folderA, folderB]) for (const name of fs.readdirSync(folder)) seen.add(name);
        if (arrived()) return (performance.now() - started) / 1000;
        if (Date.now() > deadline) {
          const sync = open.map(
            (app) => `${app.services.devices.view().device.name}: ${JSON.stringify(app.services.devices.view().sync)}`,
          );
          throw new Error(
            `Waited ${arrivalTimeoutMs / 1000} s for ${what}.\n` +
              `folder A: ${fs.readdirSync(folderA).join(', ')}\nfolder B: ${fs.readdirSync(folderB).join(', ')}\n` +
              sync.join('\n'),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    }

    const reached = (seconds: number, what: string) =>
      console.log(`syncthing: a change reached the other Twoway in ${seconds.toFixed(1)} s (${what})`);

    beforeAll(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-devices-syncthing-'));
      folderA = path.join(root, 'laptop-folder');
      folderB = path.join(root, 'desktop-folder');
      fs.mkdirSync(folderA);
      fs.mkdirSync(folderB);
      pair = await startSyncthingPair({ folderA, folderB });
      await pair.waitUntilIdle();
      laptop = await device('Laptop', 'l', folderA);
      desktop = await device('Desktop', 'd', folderB);
    }, 90_000);

    afterAll(async () => {
      try {
        for (const app of open.splice(0)) app.services.close();
      } finally {
        await pair?.stop();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('brings an entry and an outcome made on the laptop to the desktop', async () => {
      laptop.services.time.add({
        kind: 'online',
        activity: 'posting',
        start: start - 3 * HOUR,
        end: start - 2 * HOUR,
        note: 'posts',
      });
      laptop.services.outcomes.add({
        date: '2026-12-01',
        type: 'meeting',
        channel: 'bluesky',
        value: null,
        currency: null,
        person: 'Ada',
        note: 'coffee',
      });

      const seconds = await until(
        'the laptop’s entry “posts” and outcome with Ada to show on the desktop',
        () => entries(desktop).length === 1 && desktop.services.outcomes.list().length === 1,
      );
      reached(seconds, 'an entry and an outcome, laptop to desktop');

      expect(entries(desktop).map((e) => [e.note, e.start, e.end])).toEqual([
        ['posts', start - 3 * HOUR, start - 2 * HOUR],
      ]);
      expect(desktop.services.outcomes.list().map((o) => [o.person, o.note])).toEqual([['Ada', 'coffee']]);
    }, 70_000);

    it('brings a setting changed on the desktop to the laptop', async () => {
      expect(laptop.services.settings.get().dailyOnlineBudgetMin).not.toBe(25);
      desktop.services.settings.update({ dailyOnlineBudgetMin: 25 });

      const seconds = await until(
        'the desktop’s daily online budget of 25 minutes to show on the laptop',
        () => laptop.services.settings.get().dailyOnlineBudgetMin === 25,
      );
      reached(seconds, 'a setting, desktop to laptop');
    }, 70_000);

    it('shows each device on the other by its name', async () => {
      await until(
        'each device to list “Laptop” and “Desktop”',
        () => names(laptop).length === 2 && names(desktop).length === 2,
      );

      expect(names(laptop)).toEqual([
        ['Laptop', true],
        ['Desktop', false],
      ]);
      expect(names(desktop)).toEqual([
        ['Desktop', true],
        ['Laptop', false],
      ]);
    }, 70_000);

    it('is not troubled by Syncthing’s own files in the folder, and the changes came through the folder watch', async () => {
      await pair!.waitUntilIdle();
      await until('both Twoways to read the folders once more after Syncthing is idle', () => true);

      for (const app of [laptop, desktop]) {
        expect(app.services.devices.view().sync).toMatchObject({ state: 'syncing', message: null });
      }
      // Syncthing's marker sits in each folder beside the two devices' files.
      for (const folder of [folderA, folderB]) {
        expect(fs.readdirSync(folder).sort()).toEqual(
          [
            '.stfolder',
            `${laptop.services.devices.view().device.id}.automerge`,
            `${desktop.services.devices.view().device.id}.automerge`,
          ].sort(),
        );
      }
      console.log(`syncthing: names seen in the folders while waiting: ${[...seen].sort().join(', ')}`);
      for (const app of [laptop, desktop]) expect(app.clock.now() - start).toBeLessThan(folderCheckMs);
    }, 70_000);
  },
);

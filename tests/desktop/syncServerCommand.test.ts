// The README's `npm run sync-server -- --port 3030 --dir ./sync-data`, in a clean copy: it says where it listens,
// answers a device's WebSocket on 127.0.0.1, keeps its documents in the folder given and stops cleanly on Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { Repo } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { afterAll, expect, it } from 'vitest';
import { cleanCopy, startNpm, stopNpm } from '../support/cleanCopy.ts';

const onWindows = process.platform === 'win32';
const copy = onWindows ? '' : cleanCopy();
afterAll(() => void (copy && fs.rmSync(copy, { recursive: true, force: true })));

it.skipIf(onWindows)(
  'npm run sync-server -- --port N --dir D serves documents from D on 127.0.0.1 and stops on Ctrl-C',
  async () => {
    // Port 0 stands for the README's 3030: the system picks a free one, which the server prints.
    const child = startNpm(copy, ['run', 'sync-server', '--', '--port', '0', '--dir', './sync-data'], {});
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const printed = /Twoway sync server listening on (ws:\/\/127\.0\.0\.1:\d+), documents in (\S+)/.exec(output);
        if (printed) resolve(printed[1]!);
      });
      child.on('close', (code) => reject(new Error(`sync-server ended with ${code}:\n${output}`)));
    });
    expect(output).toContain(path.join(copy, 'sync-data'));

    const repo = new Repo({ network: [new WebSocketClientAdapter(url)] });
    await new Promise((resolve) => repo.networkSubsystem.once('peer', resolve));
    const handle = repo.create({ note: 'from a device' });
    await expect
      .poll(() => fs.readdirSync(path.join(copy, 'sync-data')).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await repo.shutdown();
    expect(handle.doc()).toEqual({ note: 'from a device' });

    await stopNpm(child);
    expect(output).toContain('Twoway sync server stopped');
  },
  120_000,
);

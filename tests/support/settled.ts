import type { Services } from '../../src/main/services/app.ts';

/** Resolves once no sync runs and the queue has nothing left to write (network tests use warped timers). */
export async function settled(services: Services, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy =
      services.syncing.progress().length > 0 ||
      services.queue.view().items.some((i) => i.state === 'waiting' || i.state === 'working');
    if (!busy) return;
    if (Date.now() > deadline) throw new Error('Still busy: a sync or the queue did not finish.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

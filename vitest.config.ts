import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
        },
      },
      // The stores against real processes killed with kill -9, damaged files, a full disk and a read-only folder: a
      // minute of real processes, apart from the quick loop.
      { extends: true, test: { name: 'crash', include: ['tests/crash/**/*.test.ts'] } },
      // Against real servers: the Bluesky reference server (Postgres) and the local Mastodon and X servers.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      // The desktop app's start, packaging and workflows: they run on the built app (after `npm run build`).
      { extends: true, test: { name: 'desktop', include: ['tests/desktop/**/*.test.ts'] } },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
      // The desktop app's start, packaging and workflows: they run on the built app (after `npm run build`).
      { extends: true, test: { name: 'desktop', include: ['tests/desktop/**/*.test.ts'] } },
    ],
  },
});

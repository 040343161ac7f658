import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test`:
 * - `unit`: the pure core and the data layer, on the real seeds;
 * - `site`: the built site in Debian's Chromium (journeys in tests/e2e, gates in tests/quality).
 *   Its global setup builds the site once and serves it on 127.0.0.1; the files run one at a
 *   time because they share that server and two of them run extra builds.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/quality/**', '**/node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/e2e/**/*.test.ts', 'tests/quality/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

/** End-to-end suites that time what they check (answer times, frame times, a shutdown): never beside others. */
const TIMED = [
  'packages/web/test/grid-chart-roles.e2e.test.ts',
  'packages/web/test/page-timing.e2e.test.ts',
  'packages/web/test/restock-planner.e2e.test.ts',
  'packages/server/test/imports/import-shutdown.e2e.test.ts',
  'packages/server/test/imports/stock-import-health.e2e.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The tests' webhooks, connectors and SMTP servers listen on 127.0.0.1 (platform/outbound-url.ts).
    // Tests create hundreds of users: scrypt at 2^14 there (2^17 in production; platform/secrets.ts).
    // One credential key for every test process (PostgreSQL requires it; no key files in the home folder).
    env: {
      STOCKWISE_ALLOW_PRIVATE_URLS: '1',
      STOCKWISE_SCRYPT_LOG2_N: '14',
      STOCKWISE_SECRET_KEY: 'stockwise-tests-only-secret-key',
    },
    projects: [
      {
        extends: true,
        test: {
          // Two suites at a time: each has its own database (a PGlite in memory, a scratch PostgreSQL
          // database) or its own server and data folder, and much of a suite's time is spent waiting
          // (on PostgreSQL, on a server, on Chromium drawing).
          name: 'suites',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...TIMED, '**/node_modules/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          include: TIMED,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

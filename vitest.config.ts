import { defineConfig } from 'vitest/config';

const E2E = '**/*.e2e.test.ts';

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
          // Unit and database suites: two at a time. Each has its own database (a PGlite in memory, a
          // scratch PostgreSQL database), and much of a suite's time is spent waiting on PostgreSQL.
          name: 'unit+db',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [E2E, '**/node_modules/**'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          // End-to-end suites run a server, often Chromium too, and some measure answer times: one at a time.
          name: 'e2e',
          include: [`packages/*/test/**/${E2E.slice(3)}`],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

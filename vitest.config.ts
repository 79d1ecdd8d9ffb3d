import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
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
  },
});

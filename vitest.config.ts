import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The tests' webhooks, connectors and SMTP servers listen on 127.0.0.1 (platform/outbound-url.ts).
    env: { STOCKWISE_ALLOW_PRIVATE_URLS: '1' },
  },
});

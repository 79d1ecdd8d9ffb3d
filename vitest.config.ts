import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** End-to-end suites that time what they check (answer times, frame times, a shutdown): never beside others. */
const TIMED = [
  'packages/web/test/grid-chart-roles.e2e.test.ts',
  'packages/web/test/page-timing.e2e.test.ts',
  'packages/web/test/restock-planner.e2e.test.ts',
  'packages/server/test/imports/import-shutdown.e2e.test.ts',
  'packages/server/test/imports/stock-import-health.e2e.test.ts',
];

/**
 * End-to-end suites (a server, often Chromium: 40 s to minutes each) start first, the many short files
 * after them: the two workers then end on short files and finish together. Vitest alone orders a clean
 * checkout by file size, which leaves long but short-written suites (the language sweeps) for the end.
 * Within each part, and in each project, its order stands (longest first once it has timed a run).
 */
class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const endToEnd = (spec: TestSpecification) => spec.moduleId.endsWith('.e2e.test.ts');
    return [...sorted.filter(endToEnd), ...sorted.filter((spec) => !endToEnd(spec))];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: EndToEndFirst },
    // A poll waits for a page or a job to reach a state; 1 s (vitest's default) failed browser steps on a
    // loaded machine that pass at once on an idle one. A check of how fast something happens names its own.
    expect: { poll: { timeout: 10_000 } },
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

import type { Database } from '@stockwise/db/database';
import { statisticsRepository } from '@stockwise/db/statistics.repository';
import type { JobsService } from '../jobs/jobs.service';

/** autoanalyze's defaults on a PostgreSQL server: 50 rows plus 10 % of the table (docs/architecture.md Storage). */
const ANALYZE_WHEN = { baseRows: 50, fraction: 0.1 } as const;
/** How often the worker looks: the check is one catalogue query; ANALYZE runs only where rows changed. */
const CHECK_EVERY_MS = 5 * 60_000;

/** ANALYZE every table changed by more than autoanalyze's threshold since its last ANALYZE; their names. */
export async function refreshStatistics(db: Database): Promise<string[]> {
  const tables = await statisticsRepository.stale(db, ANALYZE_WHEN);
  await statisticsRepository.analyze(db, tables);
  return tables;
}

/**
 * On PGlite (no autoanalyze), the worker keeps planner statistics current itself; a PostgreSQL server's
 * autovacuum daemon does it there.
 */
export function scheduleStatistics(jobs: JobsService, db: Database): void {
  if (db.kind !== 'pglite') return;
  jobs.addSchedule(async () => {
    await refreshStatistics(db);
  }, CHECK_EVERY_MS);
}

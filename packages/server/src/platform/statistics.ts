import type { Database } from '@stockwise/db/database';
import { statisticsRepository } from '@stockwise/db/statistics.repository';
import type { JobsService } from '../jobs/jobs.service';

/**
 * autovacuum's defaults on a PostgreSQL server (docs/architecture.md Storage): VACUUM after 1,000 rows
 * plus 20 % of the table inserted (`autovacuum_vacuum_insert_*`) or 50 plus 20 % dead
 * (`autovacuum_vacuum_*`); ANALYZE after 50 rows plus 10 % changed (`autovacuum_analyze_*`).
 */
const RULES = {
  vacuum: { baseRows: 1000, fraction: 0.2 },
  analyze: { baseRows: 50, fraction: 0.1 },
} as const;
/** How often the worker looks: the check is one catalogue query; the work runs only where rows changed. */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * VACUUM (with ANALYZE) every table past autovacuum's vacuum rule and ANALYZE every other table past its
 * analyze rule; the names of the tables refreshed, in order.
 */
export async function refreshStatistics(db: Database): Promise<string[]> {
  const tables = await statisticsRepository.stale(db, RULES);
  await statisticsRepository.refresh(db, tables);
  return [...tables.vacuum, ...tables.analyze].sort();
}

/**
 * On PGlite (no autovacuum daemon), the worker keeps planner statistics and visibility maps current
 * itself; a PostgreSQL server's autovacuum daemon does it there.
 */
export function scheduleStatistics(jobs: JobsService, db: Database): void {
  if (db.kind !== 'pglite') return;
  jobs.addSchedule(async () => {
    await refreshStatistics(db);
  }, CHECK_EVERY_MS);
}

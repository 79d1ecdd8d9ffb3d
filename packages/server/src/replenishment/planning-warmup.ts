import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
import type { AuthService } from '../accounts/auth.service';
import type { JobsService } from '../jobs/jobs.service';
import type { Transactor } from '../platform/transactor';
import type { CachedPlanningService } from './cached-planning.service';
import type { RestockService } from './restock.service';

/** How often the worker brings the cached planning position up to date after writes. */
const WARM_EVERY_MS = 60_000;

/**
 * On the embedded database, where the worker shares the HTTP server's process and so its planning
 * cache, the worker computes each account's planning position, restock lines and clearance advice (or
 * reads them as a restart left them, docs/decisions.md 34) when it starts, right after
 * each job it ran (a forecast run, an import) and again a minute after the ledger or the catalogue
 * changed: the overview, restock and excess pages then find them ready instead of computing them on the
 * request (an unchanged account costs one version query). After a restart it also holds the stored
 * planned lines, so the first write re-plans from them without reading them on its request. A request
 * that arrives while the worker computes joins that computation (CachedPlanningService).
 * A PostgreSQL worker runs in other processes than the servers, whose caches it cannot fill.
 */
export function keepPlanningWarm(
  jobs: JobsService,
  deps: {
    db: { kind: string };
    auth: AuthService;
    tx: Transactor;
    planning: CachedPlanningService;
    restock: RestockService;
  },
): void {
  if (deps.db.kind !== 'pglite') return;
  jobs.addSchedule(
    async () => {
      for (const accountId of await jobsRepository.accountIds(deps.tx.sql)) {
        try {
          const actor = await deps.auth.ownerOf(accountId);
          await deps.planning.position(actor);
          // The restock page's lines (the plan, unless a restart left them stored for this version).
          await deps.restock.plan(actor, { limit: 1 });
          // The excess report's clearance advice: from the same position, with the prices it reads.
          await deps.planning.clearance(actor);
          // After a restart whose versions held, the lines the next write re-plans from (docs/decisions.md
          // 52): read and decoded here rather than on that write's request.
          await deps.planning.holdStoredLines(actor);
        } catch {
          // An account the plan refuses (no locations yet…) answers its own request; the others warm on.
        }
      }
    },
    WARM_EVERY_MS,
    { afterJobs: true },
  );
}

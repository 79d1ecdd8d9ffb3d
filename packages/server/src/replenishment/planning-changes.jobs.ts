import { planningChangesRepository } from '@stockwise/db/replenishment/planning-changes.repository';
import type { JobsService } from '../jobs/jobs.service';
import type { Transactor } from '../platform/transactor';

/**
 * How long a planning change note is kept (docs/decisions.md 46). A cache that last planned before the
 * removed notes plans everything once, as after a restart; a busy account's cache re-plans within
 * minutes of a write (the warm-up, the next request), so a day loses nothing it uses.
 */
export const CHANGE_NOTES_KEPT_SECONDS = 86_400;
const PRUNE_EVERY_MS = 3_600_000;

/** Every worker removes notes older than CHANGE_NOTES_KEPT_SECONDS hourly (two at once take turns). */
export function schedulePlanningChangesPrune(jobs: JobsService, tx: Transactor): void {
  jobs.addSchedule(async () => {
    await planningChangesRepository.prune(tx.sql, CHANGE_NOTES_KEPT_SECONDS);
  }, PRUNE_EVERY_MS);
}

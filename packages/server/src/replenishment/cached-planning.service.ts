import { planningVersionRepository } from '@stockwise/db/replenishment/planning-version.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import { todayUtc } from '../forecasting/forecast.service';
import type { Transactor } from '../platform/transactor';
import { VersionedCache } from '../platform/versioned-cache';
import type { NetworkPlanResult, PlanningQuery } from './planning.service';
import { PlanningService } from './planning.service';

type Position = Awaited<ReturnType<PlanningService['position']>>;
type Clearance = Awaited<ReturnType<PlanningService['clearance']>>;

/** A query's cache key: every field, in a fixed order (a field added to the query keeps keys apart). */
function keyOf(accountId: number, method: string, q: object): string {
  const fields = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${String(accountId)}|${method}|${JSON.stringify(fields)}`;
}

/**
 * The planning position, the plan and the clearance advice, computed once per version of what they
 * read (the ledger's last movement id and the catalogue / suppliers / settings / forecasts version,
 * `planningVersionRepository`) and the day: the overview's summary and stock-outs, the restock page,
 * the alerts and the excess report read the same position, and it changes only when that data does
 * (docs/formulas.md Planning position). The answers are shared: callers read them, never change them.
 * Inside a transaction the service answers uncached, as that transaction may see its own writes.
 */
export class CachedPlanningService extends PlanningService {
  private readonly positions = new VersionedCache<Position>();
  private readonly plans = new VersionedCache<NetworkPlanResult>();
  private readonly clearances = new VersionedCache<Clearance>();

  constructor(private readonly unitOfWork: Transactor) {
    super(unitOfWork);
  }

  override async position(actor: Actor, q: { asOf?: string | undefined } = {}): Promise<Position> {
    const query = { asOf: q.asOf ?? todayUtc() };
    return this.cached(actor, this.positions, keyOf(actor.accountId, 'position', query), () =>
      super.position(actor, query),
    );
  }

  override async plan(actor: Actor, q: PlanningQuery = {}): Promise<NetworkPlanResult> {
    const query = { ...q, asOf: q.asOf ?? todayUtc() };
    return this.cached(actor, this.plans, keyOf(actor.accountId, 'plan', query), () =>
      super.plan(actor, query),
    );
  }

  override async clearance(actor: Actor, q: { asOf?: string | undefined } = {}): Promise<Clearance> {
    const query = { asOf: q.asOf ?? todayUtc() };
    return this.cached(actor, this.clearances, keyOf(actor.accountId, 'clearance', query), () =>
      super.clearance(actor, query),
    );
  }

  private async cached<V>(
    actor: Actor,
    cache: VersionedCache<V>,
    key: string,
    compute: () => Promise<V>,
  ): Promise<V> {
    requirePermission(actor, 'read');
    if (this.unitOfWork.inTransaction) return compute();
    const version = await planningVersionRepository.current(this.unitOfWork.sql, actor.accountId);
    return cache.get(key, version, compute);
  }
}

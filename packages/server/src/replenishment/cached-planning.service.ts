import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import { todayUtc } from '../forecasting/forecast.service';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';
import type { NetworkPlanResult, PlanningInputs, PlanningQuery } from './planning.service';
import { PlanningService } from './planning.service';

type Position = Awaited<ReturnType<PlanningService['position']>>;
type Clearance = Awaited<ReturnType<PlanningService['clearance']>>;

/**
 * The planning position, the plan and the clearance advice, computed once per version of what they
 * read (the ledger's last movement id and the catalogue / suppliers / settings / forecasts version,
 * `planningVersionRepository`) and the day: the overview's summary and stock-outs, the restock page,
 * the alerts and the excess report read the same position, and it changes only when that data does
 * (docs/formulas.md Planning position). The answers are shared: callers read them, never change them.
 * Inside a transaction the service answers uncached, as that transaction may see its own writes.
 */
export class CachedPlanningService extends PlanningService {
  private readonly positions: PlanningVersionCache<Position>;
  private readonly plans: PlanningVersionCache<NetworkPlanResult>;
  private readonly clearances: PlanningVersionCache<Clearance>;
  private readonly inputsRead: PlanningVersionCache<PlanningInputs>;

  constructor(unitOfWork: Transactor) {
    super(unitOfWork);
    this.positions = new PlanningVersionCache(unitOfWork, { persistAs: 'position' });
    this.plans = new PlanningVersionCache(unitOfWork);
    this.clearances = new PlanningVersionCache(unitOfWork, { persistAs: 'clearance' });
    this.inputsRead = new PlanningVersionCache(unitOfWork);
  }

  /**
   * The position and the plan read the same inputs: read once per version, the first of them computed
   * after a restart or a write leaves the other only its own computation (docs/decisions.md 30).
   */
  protected override inputs(actor: Actor, q: PlanningQuery & { asOf: string }): Promise<PlanningInputs> {
    const query = { asOf: q.asOf, mode: q.mode, sku: q.sku };
    return this.inputsRead.get(actor.accountId, keyOf(actor.accountId, 'inputs', query), () =>
      super.inputs(actor, query),
    );
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
    cache: PlanningVersionCache<V>,
    key: string,
    compute: () => Promise<V>,
  ): Promise<V> {
    requirePermission(actor, 'read');
    return cache.get(actor.accountId, key, compute);
  }
}

import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import { todayUtc } from '../forecasting/forecast.service';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';
import type { PlanningMark } from '@stockwise/db/replenishment/planning-changes.repository';
import { planningChangesRepository } from '@stockwise/db/replenishment/planning-changes.repository';
import { replanTouched } from './planning-increment';
import type { NetworkPlanResult, PlannedLines, PlanningQuery } from './planning.service';
import { PlanningService } from './planning.service';

/**
 * Above this share of the catalogue touched since the last computation, the position is computed
 * whole (re-planning most SKUs one by one costs more than reading them all at once).
 */
const REPLAN_AT_MOST_SHARE = 0.5;
/** How many queries' last planned lines are kept (each account's default query is the one that counts). */
const LAST_KEPT = 16;

/** Planned lines with where the inputs stood when read (none for a one-SKU or in-transaction query). */
interface MarkedLines {
  mark?: PlanningMark | undefined;
  planned: PlannedLines;
}
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
  private readonly plannedRead: PlanningVersionCache<MarkedLines>;
  /** Per query, the last lines planned and where the inputs stood when read (docs/decisions.md 38). */
  private readonly last = new Map<string, Required<MarkedLines>>();
  /** Per query, the stored lines being read and decoded (one read however many ask at once). */
  private readonly reading = new Map<string, Promise<Required<MarkedLines> | undefined>>();

  constructor(private readonly unitOfWork: Transactor) {
    super(unitOfWork);
    this.positions = new PlanningVersionCache(unitOfWork, { persistAs: 'position' });
    this.plans = new PlanningVersionCache(unitOfWork);
    this.clearances = new PlanningVersionCache(unitOfWork, { persistAs: 'clearance' });
    this.plannedRead = new PlanningVersionCache(unitOfWork, { persistAs: 'planned' });
  }

  /**
   * The position and the plan read the same inputs and lines: made once per version, the first of them
   * computed after a restart or a write leaves the other only its own steps (docs/decisions.md 30).
   * After a write, only the SKUs it touched are read and planned again (docs/decisions.md 38), also the
   * first time after a restart: the lines are stored with their mark and read back (decision 46).
   */
  protected override async planned(actor: Actor, q: PlanningQuery & { asOf: string }): Promise<PlannedLines> {
    const query = { asOf: q.asOf, mode: q.mode, sku: q.sku };
    const key = keyOf(actor.accountId, 'planned', query);
    const compute = () => this.plannedSince(actor, query, key);
    return (await this.plannedRead.get(actor.accountId, key, compute, { persist: q.sku === undefined }))
      .planned;
  }

  /** The lines from the last ones planned (here, else stored) and the SKUs changed since, or all again. */
  private async plannedSince(
    actor: Actor,
    q: PlanningQuery & { asOf: string },
    key: string,
  ): Promise<MarkedLines> {
    if (q.sku !== undefined || this.unitOfWork.inTransaction)
      return { planned: await super.planned(actor, q) };
    const sql = this.unitOfWork.sql;
    // Read before the inputs: a change committed after it is found by the next computation.
    const mark = await planningChangesRepository.mark(sql, actor.accountId);
    const last = this.last.get(key) ?? (await this.storedLines(actor.accountId, key));
    let planned: PlannedLines | undefined;
    if (last) {
      const changes = await planningChangesRepository.since(sql, actor.accountId, last.mark);
      const most = REPLAN_AT_MOST_SHARE * last.planned.inputs.catalogue.length;
      if (!changes.all && changes.productIds.size <= most)
        planned = await replanTouched(sql, actor.accountId, {
          asOf: q.asOf,
          prev: last.planned,
          touched: changes.productIds,
        });
    }
    planned ??= await super.planned(actor, q);
    this.keep(key, { mark, planned });
    return { mark, planned };
  }

  /**
   * Holds in memory the planned lines a previous process stored for the default query, when this process
   * holds none: the warm-up calls it after a restart, so the first write re-plans from lines at hand
   * instead of reading and decoding the stored body on its request (36.8 MB at 3,000 SKUs, 2.5 s;
   * docs/decisions.md 52).
   */
  async holdStoredLines(actor: Actor, q: { asOf?: string | undefined } = {}): Promise<void> {
    requirePermission(actor, 'read');
    const key = keyOf(actor.accountId, 'planned', { asOf: q.asOf ?? todayUtc() });
    if (this.unitOfWork.inTransaction || this.last.has(key)) return;
    const stored = await this.storedLines(actor.accountId, key);
    // Lines planned meanwhile are newer than the stored ones.
    if (stored && !this.last.has(key)) this.keep(key, stored);
  }

  /** The lines last stored under `key` with their mark; one read and decode for callers at the same time. */
  private storedLines(accountId: number, key: string): Promise<Required<MarkedLines> | undefined> {
    let read = this.reading.get(key);
    if (!read) {
      read = this.plannedRead.latestStored(accountId, key).then(withMark);
      this.reading.set(key, read);
      void read.finally(() => this.reading.delete(key)).catch(() => undefined);
    }
    return read;
  }

  private keep(key: string, lines: Required<MarkedLines>): void {
    this.last.delete(key);
    this.last.set(key, lines);
    for (const oldest of this.last.keys()) {
      if (this.last.size <= LAST_KEPT) break;
      this.last.delete(oldest);
    }
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

function withMark(m: MarkedLines | null): Required<MarkedLines> | undefined {
  return m?.mark ? { mark: m.mark, planned: m.planned } : undefined;
}

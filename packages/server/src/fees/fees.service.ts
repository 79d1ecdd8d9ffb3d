import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import { DEFAULT_WAREHOUSE_STORAGE_PER_CUBIC_FOOT_MONTH } from '@stockwise/domain/fees/fee-schedule';
import { DomainError } from '@stockwise/domain/errors';
import type { FeeSchedules } from '@stockwise/domain/fees/unit-fees';
import { DEFAULT_FEE_MARKETPLACE, feeTableMarketplaces, noFeeTable } from '@stockwise/domain/fees/unit-fees';
import type { FeeScheduleRecord } from '@stockwise/db/fees/fees.repository';
import { feesRepository } from '@stockwise/db/fees/fees.repository';
import type { FeeScheduleCreate, FeeScheduleDto, FeeScheduleUpdate } from './fees.schema';
import { FeeScheduleBodySchema } from './fees.schema';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';

export const DEFAULT_MARKETPLACE = DEFAULT_FEE_MARKETPLACE;

function toSchedule(r: FeeScheduleRecord): FeeSchedule {
  const { marketplace: _m, effectiveFrom: _e, ...body } = r.schedule;
  // Rows stored before the warehouse storage rate existed take its documented default; rows without
  // an MCF table (migration 0062 gave the US rows one) have none: those fees are unknown, not 0.
  const parsed = FeeScheduleBodySchema.parse({
    warehouseStoragePerCubicFootMonth: DEFAULT_WAREHOUSE_STORAGE_PER_CUBIC_FOOT_MONTH,
    mcf: [],
    ...body,
  });
  return { ...parsed, marketplace: r.marketplace, effectiveFrom: r.effectiveFrom };
}

function toDto(r: FeeScheduleRecord): FeeScheduleDto {
  const s = toSchedule(r);
  return {
    ...s,
    id: r.id,
    source: r.accountId === null ? 'default' : 'account',
    updatedAt: r.updatedAt.toISOString(),
  };
}

const bodyOf = (s: FeeSchedule): Record<string, unknown> => {
  const { marketplace: _m, effectiveFrom: _e, noTable: _n, ...body } = s;
  return body;
};

/** The dated, per-marketplace fee table: shipped defaults plus the seller's own editable rows. */
export class FeesService {
  constructor(private readonly tx: Transactor) {}

  async list(actor: Actor): Promise<FeeScheduleDto[]> {
    return (await feesRepository.list(this.tx.sql, actor.accountId)).map(toDto);
  }

  async get(actor: Actor, id: number): Promise<FeeScheduleDto> {
    const found = await feesRepository.find(this.tx.sql, actor.accountId, id);
    if (!found) throw new DomainError('NOT_FOUND', `no fee schedule ${String(id)}`, { field: 'id' });
    return toDto(found);
  }

  /**
   * The schedule in force on a date for a location's marketplace: the first table of
   * feeTableMarketplaces with a row on that date; for an Amazon marketplace without one, its `noFeeTable`
   * stand-in (rates unknown, its own currency); else the US table's latest.
   */
  async effective(actor: Actor, q: { marketplace?: string | null; on: string }): Promise<FeeSchedule> {
    for (const marketplace of feeTableMarketplaces(q.marketplace)) {
      const found = await feesRepository.effective(this.tx.sql, actor.accountId, { marketplace, on: q.on });
      if (found) return toSchedule(found);
    }
    // an Amazon marketplace without a table of its own in force: it says so (docs/fees.md, Selection)
    const none = q.marketplace ? noFeeTable(q.marketplace, q.on) : undefined;
    if (none) return none;
    const latest = await feesRepository.effective(this.tx.sql, actor.accountId, {
      marketplace: DEFAULT_MARKETPLACE,
      on: '9999-12-31',
    });
    if (!latest)
      throw new DomainError('NOT_FOUND', `no fee schedule for ${q.marketplace ?? DEFAULT_MARKETPLACE}`, {
        field: 'marketplace',
      });
    return toSchedule(latest);
  }

  async create(actor: Actor, input: FeeScheduleCreate): Promise<FeeScheduleDto> {
    requirePermission(actor, 'catalog:write');
    const { marketplace, effectiveFrom, copyFrom, ...overrides } = input;
    return this.tx.run(async (sql) => {
      let base: FeeSchedule;
      if (copyFrom !== undefined) {
        const source = await feesRepository.find(sql, actor.accountId, copyFrom);
        if (!source)
          throw new DomainError('NOT_FOUND', `no fee schedule ${String(copyFrom)}`, { field: 'copyFrom' });
        base = toSchedule(source);
      } else {
        base = await this.effective(actor, { marketplace, on: effectiveFrom });
      }
      const body = FeeScheduleBodySchema.parse({ ...bodyOf(base), ...stripUndefined(overrides) });
      const created = await feesRepository.create(sql, actor.accountId, {
        marketplace,
        effectiveFrom,
        schedule: body,
      });
      if (!created)
        throw new DomainError(
          'DUPLICATE',
          `a ${marketplace} fee schedule from ${effectiveFrom} already exists`,
          { field: 'effectiveFrom' },
        );
      const dto = toDto(created);
      await auditTrail(sql, actor).record('fees.create', ['fee_schedule', String(created.id)], null, dto);
      return dto;
    });
  }

  async update(actor: Actor, id: number, patch: FeeScheduleUpdate): Promise<FeeScheduleDto> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const existing = await feesRepository.find(sql, actor.accountId, id);
      if (!existing) throw new DomainError('NOT_FOUND', `no fee schedule ${String(id)}`, { field: 'id' });
      if (existing.accountId === null)
        throw new DomainError(
          'CONFLICT',
          'the shipped default schedule is read-only: create your own (POST /fees) to change rates',
          { field: 'id' },
        );
      const body = FeeScheduleBodySchema.parse({ ...bodyOf(toSchedule(existing)), ...stripUndefined(patch) });
      const updated = await feesRepository.update(sql, actor.accountId, id, body);
      const dto = toDto(updated!);
      await auditTrail(sql, actor).record('fees.update', ['fee_schedule', String(id)], toDto(existing), dto);
      return dto;
    });
  }

  async remove(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, 'catalog:write');
    await this.tx.run(async (sql) => {
      const existing = await feesRepository.find(sql, actor.accountId, id);
      if (!existing) throw new DomainError('NOT_FOUND', `no fee schedule ${String(id)}`, { field: 'id' });
      if (existing.accountId === null)
        throw new DomainError('CONFLICT', 'the shipped default schedule cannot be deleted', { field: 'id' });
      await feesRepository.remove(sql, actor.accountId, id);
      await auditTrail(sql, actor).record('fees.delete', ['fee_schedule', String(id)], toDto(existing), null);
    });
  }

  /** The schedules in force on `on` for these marketplaces and the default one: loaded once per plan. */
  async schedulesOn(
    actor: Actor,
    on: string,
    marketplaces: readonly (string | null)[],
  ): Promise<FeeSchedules> {
    const byMarketplace = new Map<string, FeeSchedule>();
    for (const m of new Set(marketplaces))
      if (m !== null) byMarketplace.set(m, await this.effective(actor, { marketplace: m, on }));
    const fallback =
      byMarketplace.get(DEFAULT_MARKETPLACE) ??
      (await this.effective(actor, { marketplace: DEFAULT_MARKETPLACE, on }));
    return { byMarketplace, fallback };
  }

  /** Schedules looked up once per computation (per marketplace and month). */
  resolver(actor: Actor, on: string): (marketplace: string | null) => Promise<FeeSchedule> {
    const local = new Map<string, FeeSchedule>();
    return async (marketplace) => {
      const key = `${marketplace ?? DEFAULT_MARKETPLACE}:${on}`;
      let found = local.get(key);
      if (!found) {
        found = await this.effective(actor, { marketplace, on });
        local.set(key, found);
      }
      return found;
    };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import { calendarMarketplace, marketplaceCalendar } from '@stockwise/domain/forecasting/calendar/holidays';
import {
  eventAppliesTo,
  validateForecastEvent,
  type ForecastEventFields,
} from '@stockwise/domain/forecasting/events';
import { eventsRepository, type ForecastEventRecord } from '@stockwise/db/forecasting/events.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';

const toDto = (e: ForecastEventRecord) => ({
  id: e.id,
  name: e.name,
  startsOn: e.startsOn,
  endsOn: e.endsOn,
  scope: e.scope,
  category: e.category,
  skus: [...e.skus],
  lift: e.lift,
  priceFactor: e.priceFactor,
});

/** Seller-entered events and promotions, and the built-in marketplace calendars (docs/forecasting.md). */
export class EventsService {
  constructor(private readonly tx: Transactor) {}

  /** The events over a range of days; with a SKU, only those that apply to its forecast. */
  async list(
    actor: Actor,
    q: { from?: string | undefined; to?: string | undefined; sku?: string | undefined } = {},
  ) {
    requirePermission(actor, 'read');
    const product =
      q.sku === undefined
        ? undefined
        : await productsRepository.findBySku(this.tx.sql, actor.accountId, q.sku);
    if (q.sku !== undefined && !product)
      throw new DomainError('NOT_FOUND', `no SKU ${q.sku}`, { field: 'sku' });
    const bounded =
      q.from !== undefined || q.to !== undefined
        ? { from: q.from ?? '0001-01-01', to: q.to ?? '9999-12-31' }
        : undefined;
    const events = await eventsRepository.list(this.tx.sql, actor.accountId, bounded);
    return (product ? events.filter((e) => eventAppliesTo(e, product)) : events).map(toDto);
  }

  async get(actor: Actor, id: number) {
    requirePermission(actor, 'read');
    return toDto(await this.find(actor, id));
  }

  async create(actor: Actor, fields: ForecastEventFields) {
    requirePermission(actor, 'catalog:write');
    const valid = await this.checked(actor, fields);
    return this.tx.run(async (sql) => toDto(await eventsRepository.create(sql, actor.accountId, valid)));
  }

  async update(actor: Actor, id: number, fields: ForecastEventFields) {
    requirePermission(actor, 'catalog:write');
    const valid = await this.checked(actor, fields);
    return this.tx.run(async (sql) => {
      const updated = await eventsRepository.update(sql, actor.accountId, id, valid);
      if (!updated) throw new DomainError('NOT_FOUND', `no event ${String(id)}`, { field: 'id' });
      return toDto(updated);
    });
  }

  async remove(actor: Actor, id: number): Promise<void> {
    requirePermission(actor, 'catalog:write');
    await this.tx.run(async (sql) => {
      if (!(await eventsRepository.remove(sql, actor.accountId, id)))
        throw new DomainError('NOT_FOUND', `no event ${String(id)}`, { field: 'id' });
    });
  }

  /** The built-in holidays and retail events of a marketplace (US when none or unknown). */
  calendar(actor: Actor, q: { from: string; to: string; marketplace?: string | undefined }) {
    requirePermission(actor, 'read');
    const from = parseIsoDate(q.from);
    const to = parseIsoDate(q.to) + 1;
    if (to <= from) throw new DomainError('VALIDATION_FAILED', 'to must not be before from', { field: 'to' });
    if (to - from > 3 * 366)
      throw new DomainError('VALIDATION_FAILED', 'at most three years at a time', { field: 'to' });
    const marketplace = calendarMarketplace(q.marketplace);
    return {
      marketplace,
      days: marketplaceCalendar(marketplace, { from, to }).map((d) => ({
        date: isoDate(d.day),
        name: d.name,
        kind: d.kind,
      })),
    };
  }

  private async find(actor: Actor, id: number): Promise<ForecastEventRecord> {
    const event = await eventsRepository.get(this.tx.sql, actor.accountId, id);
    if (!event) throw new DomainError('NOT_FOUND', `no event ${String(id)}`, { field: 'id' });
    return event;
  }

  /** Domain rules, then the SKUs of a 'skus' scope must exist. */
  private async checked(actor: Actor, fields: ForecastEventFields): Promise<ForecastEventFields> {
    const valid = validateForecastEvent(fields);
    for (const [i, sku] of valid.skus.entries()) {
      if (!(await productsRepository.findBySku(this.tx.sql, actor.accountId, sku)))
        throw new DomainError('VALIDATION_FAILED', `unknown SKU ${sku}`, { field: `skus.${String(i)}` });
    }
    return valid;
  }
}

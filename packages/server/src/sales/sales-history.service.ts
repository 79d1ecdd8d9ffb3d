import { DomainError } from '@stockwise/domain/errors';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { NonStockRule } from '@stockwise/domain/imports/sales-history';
import { checkNonStockRule } from '@stockwise/domain/imports/sales-history';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { salesHistoryRepository } from '@stockwise/db/sales/sales-history.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { AccountSetting } from '../platform/account-setting';
import { replaceAccountSetting } from '../platform/account-setting';
import type { Transactor } from '../platform/transactor';
import { todayUtc } from '../forecasting/forecast.service';

/** The longest window one request reads (three years of days). */
const MAX_DAYS = 1096;

/** Daily demand per SKU as forecasting reads it (sales history + ledger shipments), and the non-stock rule. */
export class SalesHistoryService {
  constructor(private readonly tx: Transactor) {}

  async history(
    actor: Actor,
    q: {
      sku?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      location?: string | undefined;
    },
  ) {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const to = q.to ?? todayUtc();
    const from = q.from ?? isoDate(parseIsoDate(to) - 364);
    const days = parseIsoDate(to) - parseIsoDate(from) + 1;
    if (days < 1) throw new DomainError('VALIDATION_FAILED', 'from must not be after to', { field: 'from' });
    if (days > MAX_DAYS)
      throw new DomainError('VALIDATION_FAILED', `at most ${MAX_DAYS} days per request`, { field: 'from' });
    const product = q.sku ? await productsRepository.findBySku(sql, actor.accountId, q.sku) : undefined;
    if (q.sku && !product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${q.sku}`, { field: 'sku' });
    const location = q.location
      ? await locationsRepository.findByCode(sql, actor.accountId, q.location)
      : undefined;
    if (q.location && !location)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${q.location}`, { field: 'location' });
    const rows = await salesHistoryRepository.history(sql, actor.accountId, {
      from,
      to: isoDate(parseIsoDate(to) + 1),
      productId: product?.id,
      locationId: location?.id,
    });
    const skus = new Map<
      string,
      {
        sku: string;
        units: number;
        revenue: number;
        days: { date: string; units: number; revenue: number }[];
      }
    >();
    for (const r of rows) {
      const s = skus.get(r.sku) ?? { sku: r.sku, units: 0, revenue: 0, days: [] };
      s.units += r.units;
      s.revenue += r.revenue;
      s.days.push({ date: r.day, units: r.units, revenue: round2(r.revenue) });
      skus.set(r.sku, s);
    }
    const list = [...skus.values()].map((s) => ({ ...s, revenue: round2(s.revenue) }));
    return {
      from,
      to,
      location: q.location ?? null,
      skus: list,
      totals: {
        skus: list.length,
        days: rows.length,
        units: list.reduce((n, s) => n + s.units, 0),
        revenue: round2(list.reduce((n, s) => n + s.revenue, 0)),
      },
    };
  }

  async nonStockRule(actor: Actor): Promise<NonStockRule> {
    requirePermission(actor, 'read');
    return salesHistoryRepository.nonStockRule(this.tx.sql, actor.accountId);
  }

  /** Replaces the account's non-stock rule; the next sales history import flags by it. */
  async setNonStockRule(actor: Actor, rule: NonStockRule): Promise<NonStockRule> {
    requirePermission(actor, 'catalog:write');
    const clean = checkNonStockRule(rule);
    return replaceAccountSetting(this.tx, actor, nonStockRuleSetting, () => clean);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const nonStockRuleSetting: AccountSetting<NonStockRule> = {
  action: 'sales.non_stock_rule',
  read: (sql, accountId) => salesHistoryRepository.nonStockRule(sql, accountId),
  write: (sql, accountId, rule) => salesHistoryRepository.setNonStockRule(sql, accountId, rule),
};

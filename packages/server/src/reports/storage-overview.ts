import type { CurrencyTotals } from '@stockwise/domain/reports/money';
import { totalsByCurrency } from '@stockwise/domain/reports/money';
import type {
  MonthBracketParam,
  StorageMonthParam,
  StorageMonthRow,
} from '@stockwise/db/reports/storage-months.repository';
import { storageMonthRows } from '@stockwise/db/reports/storage-months.repository';
import type { Transactor } from '../platform/transactor';
import type { ReportContext, ReportParams } from './report-context';
import { analytic, contextsByMarketplace, r2, scopeIds } from './report-context';
import { assessmentDay, storageRowFees, utilization, utilizations } from './storage.report';

/** 'YYYY-MM' shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** One storage type's fees in one currency. */
export interface StorageFees {
  storageType: string;
  currency: string;
  storageFee: number;
  agedSurcharge: number;
}

export interface StorageMonth {
  month: string;
  /** past: the whole month charged; current: the days so far; next: today's stock if still there. */
  basis: 'past' | 'current' | 'next';
  /** By storage type and currency (each row priced by its location's table, in that table's currency). */
  fees: StorageFees[];
  /** The month's fees per currency: never one figure over several currencies. */
  totals: CurrencyTotals<'storageFee' | 'agedSurcharge'>[];
}

/**
 * The storage report's fees summed by storage type and currency, month by month: `months` months up to
 * this one, then next month (today's stock priced at next month's rate and its surcharge day,
 * docs/formulas.md storage fees). Every month's rows come from one statement (storageMonthRows) and are
 * priced row by row as the storage report prices them (storageRowFees), so the figures match its download.
 * `monthContext` gives the report's context of a month (its date's fee tables).
 */
export async function storageMonths(
  tx: Transactor,
  base: ReportContext,
  monthContext: (params: ReportParams) => Promise<ReportContext>,
  q: { asOf: string; months: number },
): Promise<StorageMonth[]> {
  const current = q.asOf.slice(0, 7);
  const plan: (StorageMonthParam & { basis: StorageMonth['basis'] })[] = [];
  for (let delta = 1 - q.months; delta <= 1; delta++) {
    const month = shiftMonth(current, delta);
    const basis = delta < 0 ? 'past' : delta === 0 ? 'current' : 'next';
    // A past month is charged on all its days: as of the first day of the month after it.
    plan.push({ month, basis, asOf: basis === 'past' ? `${shiftMonth(month, 1)}-01` : q.asOf });
  }
  const contexts = await Promise.all(
    plan.map((p) => monthContext({ ...base.params, asOf: p.asOf, month: p.month })),
  );
  // each location's surcharge brackets and assessment day are those of the table pricing it that month
  const brackets: MonthBracketParam[] = [];
  const byMarketplace = await Promise.all(contexts.map((ctx) => contextsByMarketplace(ctx)));
  byMarketplace.forEach((groups, month) => {
    for (const c of groups)
      for (const l of c.scope.locations)
        for (const b of c.schedule.agedSurcharge)
          brackets.push({ month, locationId: l.id, assessment: assessmentDay(c), ...b });
  });
  const [rows, rates] = await Promise.all([
    analytic(tx, (sql) =>
      storageMonthRows(sql, base.actor.accountId, { months: plan, brackets, locationIds: scopeIds(base) }),
    ),
    // the utilisation ratio once per day taken on (this month and next share today's, as the summary
    // does), every month's in one statement
    (() => {
      const own = contexts.map((ctx) => (ctx.params.asOf === base.params.asOf ? base : ctx));
      utilizations(tx, own);
      return Promise.all(own.map((ctx) => utilization(tx, ctx)));
    })(),
  ]);
  // the report's order (marketplace by marketplace, SKU × location within each), so the sums add alike
  const order = new Map(byMarketplace[0]?.map((c, i) => [c.scope.locations[0]?.marketplace ?? null, i]));
  const rank = (r: StorageMonthRow) => r.month * order.size + (order.get(r.marketplace) ?? 0);
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i);
  const sums = plan.map(() => new Map<string, StorageFees>());
  for (const { r } of sorted) {
    const ctx = contexts[r.month]!;
    const f = storageRowFees(r, await ctx.fees(r.marketplace), {
      month: ctx.params.month,
      surchargeRate: rates[r.month]!.surchargeRate,
      surcharge: r.surcharge,
    });
    // a row priced by no fee table has no fee to add (the overview names its marketplace instead)
    if (f.storageFee === null) continue;
    const key = `${f.storageType}\u0001${f.currency}`;
    const byType = sums[r.month]!;
    const sum = byType.get(key) ?? {
      storageType: f.storageType,
      currency: f.currency,
      storageFee: 0,
      agedSurcharge: 0,
    };
    sum.storageFee += f.storageFee;
    sum.agedSurcharge += f.agedSurcharge ?? 0;
    byType.set(key, sum);
  }
  return plan.map((p, i) => {
    const fees = [...sums[i]!.values()]
      .sort((a, b) => a.storageType.localeCompare(b.storageType) || a.currency.localeCompare(b.currency))
      .map((f) => ({ ...f, storageFee: r2(f.storageFee), agedSurcharge: r2(f.agedSurcharge) }));
    return {
      month: p.month,
      basis: p.basis,
      fees,
      totals: totalsByCurrency(fees, ['storageFee', 'agedSurcharge']),
    };
  });
}

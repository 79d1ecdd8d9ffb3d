import type { CurrencyTotals } from '@stockwise/domain/reports/money';
import { totalsByCurrency } from '@stockwise/domain/reports/money';
import type { Actor } from '../accounts/actor';
import { r2 } from './report-context';
import type { ReportsService } from './reports.service';

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
 * docs/formulas.md storage fees). The rows are the storage report's own, so the figures match its download.
 */
export async function storageMonths(
  reports: ReportsService,
  actor: Actor,
  q: { asOf: string; months: number },
): Promise<StorageMonth[]> {
  const current = q.asOf.slice(0, 7);
  const out: StorageMonth[] = [];
  for (let delta = 1 - q.months; delta <= 1; delta++) {
    const month = shiftMonth(current, delta);
    const basis = delta < 0 ? 'past' : delta === 0 ? 'current' : 'next';
    // A past month is charged on all its days: as of the first day of the month after it.
    const asOf = basis === 'past' ? `${shiftMonth(month, 1)}-01` : q.asOf;
    const { rows } = await reports.stream(actor, 'storage', reports.params({ asOf, month }));
    const byType = new Map<string, StorageFees>();
    for await (const page of rows)
      for (const row of page) {
        // a row priced by no fee table has no fee to add (the overview names its marketplace instead)
        if (row['estimated_monthly_storage_fee'] === null) continue;
        const storageType = String(row['storage_type']);
        const currency = String(row['currency']);
        const key = `${storageType}\u0001${currency}`;
        const sums = byType.get(key) ?? { storageType, currency, storageFee: 0, agedSurcharge: 0 };
        sums.storageFee += Number(row['estimated_monthly_storage_fee'] ?? 0);
        sums.agedSurcharge += Number(row['estimated_aged_inventory_surcharge'] ?? 0);
        byType.set(key, sums);
      }
    const fees = [...byType.values()]
      .sort((a, b) => a.storageType.localeCompare(b.storageType) || a.currency.localeCompare(b.currency))
      .map((f) => ({ ...f, storageFee: r2(f.storageFee), agedSurcharge: r2(f.agedSurcharge) }));
    out.push({ month, basis, fees, totals: totalsByCurrency(fees, ['storageFee', 'agedSurcharge']) });
  }
  return out;
}

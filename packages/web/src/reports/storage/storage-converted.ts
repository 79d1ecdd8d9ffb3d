import type { StorageOverview } from '../../api/types';
import type { ConvertedAnswer } from '../../components/conversion/currency-conversion';

/** The months' fees (storage and aged surcharge) in one currency, as the server converted each month. */
export interface ConvertedStorage {
  currency: string;
  months: { month: string; basis: StorageOverview['months'][number]['basis']; fees: number }[];
}

/**
 * The overview's months as one converted answer: a total only when every month has one; the currencies
 * without a rate, named once; the rates the server used.
 */
export function convertedStorage(overview: StorageOverview): ConvertedAnswer<ConvertedStorage> | null {
  const answers = overview.months.flatMap((m) => (m.converted ? [{ month: m, converted: m.converted }] : []));
  if (answers.length === 0 || answers.length < overview.months.length) return null;
  const missingRates = [...new Set(answers.flatMap((a) => a.converted.missingRates))].sort();
  const rates = Object.assign({}, ...answers.map((a) => a.converted.rates)) as Record<string, number>;
  const months: ConvertedStorage['months'] = [];
  let currency: string | null = null;
  for (const { month, converted } of answers) {
    if (converted.total === null) return { total: null, rates, missingRates };
    currency = converted.total.currency;
    months.push({
      month: month.month,
      basis: month.basis,
      fees: converted.total.storageFee + converted.total.agedSurcharge,
    });
  }
  return { total: currency === null ? null : { currency, months }, rates, missingRates };
}

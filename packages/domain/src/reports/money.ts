/**
 * Money is summed per currency, never across currencies (docs/fees.md, "Money is per currency"): a
 * seller with a US and a German Amazon store pays USD and EUR, and one figure of both would be neither.
 */

/** Amounts of one currency: `currency` (ISO 4217) and the named sums. */
export type CurrencyTotals<K extends string> = { currency: string } & Record<K, number>;

/** Rounds money to the cent (the figure a report shows). */
export const toCents = (x: number): number => Math.round(x * 100) / 100;

/**
 * Sums `fields` of `rows` per currency: one entry per currency present, in currency-code order, each sum
 * rounded to the cent. Throws a RangeError for a row without a currency (it could not be added anywhere).
 * @example totalsByCurrency([{ currency: 'USD', fee: 1.5 }, { currency: 'EUR', fee: 2 }, { currency: 'USD', fee: 1 }], ['fee'])
 * // [{ currency: 'EUR', fee: 2 }, { currency: 'USD', fee: 2.5 }]
 */
export function totalsByCurrency<K extends string>(
  rows: Iterable<{ currency: string } & { readonly [F in K]: number }>,
  fields: readonly K[],
): CurrencyTotals<K>[] {
  const sums = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (!row.currency) throw new RangeError('a money row has no currency');
    const sum = sums.get(row.currency) ?? Object.fromEntries(fields.map((f) => [f, 0]));
    for (const f of fields) sum[f] = (sum[f] ?? 0) + row[f];
    sums.set(row.currency, sum);
  }
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([currency, sum]) =>
        ({
          currency,
          ...Object.fromEntries(fields.map((f) => [f, toCents(sum[f] ?? 0)])),
        }) as CurrencyTotals<K>,
    );
}

/**
 * A seller's conversion table: units of the reporting currency `to` per unit of each other currency
 * (docs/fees.md, "Money is per currency"). Stockwise has no rates of its own: only the seller's are used.
 */
export interface ConversionTable {
  readonly to: string;
  readonly rates: Readonly<Record<string, number>>;
}

/**
 * Rows of several currencies in one, by the seller's table: each row's `money` fields times its
 * currency's rate (the reporting currency's own is 1), every other field as it is, and its currency
 * `to`. None, with the currencies that have no rate (in code order), when any row's currency lacks one:
 * a sum without a currency's money would understate it, so it is never given.
 * @example convertByTable([{ currency: 'EUR', fee: 10, units: 2 }], ['fee'], { to: 'USD', rates: { EUR: 1.1 } })
 * // { rows: [{ currency: 'USD', fee: 11, units: 2 }], missingRates: [] }
 */
export function convertByTable<
  M extends string,
  R extends { currency: string } & Readonly<Record<M, number>>,
>(
  rows: readonly R[],
  money: readonly M[],
  table: ConversionTable,
): { rows: R[] | null; missingRates: string[] } {
  const rateOf = (currency: string) => (currency === table.to ? 1 : table.rates[currency]);
  const missingRates = [...new Set(rows.map((r) => r.currency))]
    .filter((c) => rateOf(c) === undefined)
    .sort();
  if (missingRates.length > 0) return { rows: null, missingRates };
  const converted = rows.map((row): R => {
    const rate = rateOf(row.currency) ?? 1;
    return { ...row, currency: table.to, ...Object.fromEntries(money.map((f) => [f, row[f] * rate])) };
  });
  return { rows: converted, missingRates };
}

/**
 * Per-currency totals as one total in the table's currency: converted (`convertByTable`, `money` fields
 * only; units are units in any currency) and added, to the cent. Null, with the missing rates, when a
 * currency has none; no rows at all make a total of zeros.
 * @example convertedTotal([{ currency: 'EUR', fee: 10 }, { currency: 'USD', fee: 5 }], ['fee'], ['fee'], { to: 'USD', rates: { EUR: 1.1 } })
 * // { total: { currency: 'USD', fee: 16 }, missingRates: [] }
 */
export function convertedTotal<K extends string>(
  totals: readonly CurrencyTotals<K>[],
  fields: readonly K[],
  money: readonly K[],
  table: ConversionTable,
): { total: CurrencyTotals<K> | null; missingRates: string[] } {
  const { rows, missingRates } = convertByTable(totals, money, table);
  if (rows === null) return { total: null, missingRates };
  const [total] = totalsByCurrency(rows, fields);
  const zeros = { currency: table.to, ...Object.fromEntries(fields.map((f) => [f, 0])) } as CurrencyTotals<K>;
  return { total: total ?? zeros, missingRates };
}

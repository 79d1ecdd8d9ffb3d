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

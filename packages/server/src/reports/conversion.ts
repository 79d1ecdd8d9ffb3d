import { z } from '@hono/zod-openapi';
import { DomainError } from '@stockwise/domain/errors';
import type { ConversionTable } from '@stockwise/domain/reports/money';

/**
 * The seller's conversion table as every report takes it (`convertTo=USD&rates=EUR:1.08,GBP:1.27`): the
 * schema describes the two fields, `conversionTable` is the one place their form is checked, and the
 * domain's `convertByTable` the one conversion (docs/fees.md, "Money is per currency").
 */
export function conversionQueryFields(what: string) {
  return {
    convertTo: z
      .string()
      .optional()
      .openapi({
        description: `${what}: the currency of \`converted\`, the totals of every currency by \`rates\` (ISO 4217)`,
        example: 'USD',
      }),
    rates: z
      .string()
      .optional()
      .openapi({
        description: `${what}, with convertTo: the conversion table, CUR:rate pairs, units of convertTo per unit of each other currency`,
        example: 'EUR:1.08,GBP:1.27',
      }),
  };
}

/** `converted` of a report: the total in convertTo (null when a currency has no rate), the rates, the missing ones. */
export function convertedSchema<T extends z.ZodType>(total: T) {
  return z.object({
    total: total.nullable(),
    rates: z.record(z.string(), z.number()),
    missingRates: z
      .array(z.string())
      .openapi({ description: 'the currencies without a rate: no total then' }),
  });
}

const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d+(\.\d+)?$/;
const invalid = (field: 'convertTo' | 'rates', message: string) =>
  new DomainError('VALIDATION_FAILED', message, { field });

/**
 * The seller's table from `convertTo` and `rates`, or none without either. Refused, naming the field: a
 * currency not of three capitals, a pair not CUR:rate with a decimal rate above 0, a currency twice, a rate
 * for convertTo itself (its rate is 1), rates without convertTo.
 * @example conversionTable({ convertTo: 'USD', rates: 'EUR:1.08' }) // { to: 'USD', rates: { EUR: 1.08 } }
 */
export function conversionTable(q: {
  convertTo?: string | undefined;
  rates?: string | undefined;
}): ConversionTable | undefined {
  if (q.convertTo === undefined) {
    if (q.rates !== undefined)
      throw invalid('convertTo', 'rates need convertTo, the currency they convert into');
    return undefined;
  }
  const to = q.convertTo;
  if (!CURRENCY.test(to)) throw invalid('convertTo', `convertTo: "${to}" is not a currency code like USD`);
  const rates: Record<string, number> = {};
  for (const pair of (q.rates ?? '').split(',').filter((p) => p !== '')) {
    const [currency = '', rate = '', ...rest] = pair.split(':');
    if (!CURRENCY.test(currency) || !RATE.test(rate) || rest.length > 0 || !(Number(rate) > 0))
      throw invalid('rates', `rates: "${pair}" is not CUR:rate with a rate above 0`);
    if (currency === to) throw invalid('rates', `rates: ${currency} is convertTo itself (its rate is 1)`);
    if (currency in rates) throw invalid('rates', `rates: ${currency} is given twice`);
    rates[currency] = Number(rate);
  }
  return { to, rates };
}

import { convertByTable, type ConversionTable } from './money';

/** Money of one SKU (or the whole catalogue) over a period, before the figures that follow from it. */
export interface ProfitInputs {
  unitsSold: number;
  /** Σ shipments × unit price. */
  revenue: number;
  /** Σ shipments × FIFO unit cost. */
  cogs: number;
  referralFees: number;
  fulfilmentFees: number;
  storageFees: number;
  agedSurcharge: number;
  inboundShipping: number;
  otherVariableCost: number;
  /** Amazon's item fees as its settlement reports charged them (net of fees given back), a cost. */
  settledFees: number;
  /** Item prices given back on refunds (settlement reports), taken off revenue. */
  refunds: number;
  /** What Amazon paid for lost or damaged units (settlement reports), added to profit. */
  reimbursements: number;
}

export interface ProfitLine extends ProfitInputs {
  profit: number;
  /** Profit ÷ revenue; null without revenue. */
  margin: number | null;
  /** Profit ÷ (COGS + inbound shipping), the money put in; null when nothing was put in. */
  roi: number | null;
  /** Storage fees and surcharges ÷ revenue, in percent (healthy < 1%); null without revenue. */
  storageFeePercentOfRevenue: number | null;
}

export const ZERO_PROFIT: ProfitInputs = {
  unitsSold: 0,
  revenue: 0,
  cogs: 0,
  referralFees: 0,
  fulfilmentFees: 0,
  storageFees: 0,
  agedSurcharge: 0,
  inboundShipping: 0,
  otherVariableCost: 0,
  settledFees: 0,
  refunds: 0,
  reimbursements: 0,
};

/**
 * Profit per SKU = revenue − COGS − referral fee − fulfilment fee − storage fees (and aged surcharge)
 * − inbound shipping − other variable cost − settled fees − refunds + reimbursements (docs/formulas.md;
 * the last three from Amazon's settlement reports).
 * @example profitLine({ ...ZERO_PROFIT, unitsSold: 10, revenue: 200, cogs: 80, referralFees: 30, fulfilmentFees: 45, storageFees: 2 }).profit // 43
 */
export function profitLine(inputs: ProfitInputs): ProfitLine {
  const costs =
    inputs.cogs +
    inputs.referralFees +
    inputs.fulfilmentFees +
    inputs.storageFees +
    inputs.agedSurcharge +
    inputs.inboundShipping +
    inputs.otherVariableCost +
    inputs.settledFees +
    inputs.refunds;
  const profit = inputs.revenue - costs + inputs.reimbursements;
  const invested = inputs.cogs + inputs.inboundShipping;
  return {
    ...inputs,
    profit,
    margin: inputs.revenue > 0 ? profit / inputs.revenue : null,
    roi: invested > 0 ? profit / invested : null,
    storageFeePercentOfRevenue:
      inputs.revenue > 0 ? (100 * (inputs.storageFees + inputs.agedSurcharge)) / inputs.revenue : null,
  };
}

export function addProfit(a: ProfitInputs, b: ProfitInputs): ProfitInputs {
  const out = { ...a };
  for (const key of Object.keys(ZERO_PROFIT) as (keyof ProfitInputs)[]) out[key] = a[key] + b[key];
  return out;
}

/** Amounts of one SKU that are all in one currency (ISO 4217). */
export interface CurrencyProfitInputs extends ProfitInputs {
  currency: string;
  /**
   * Amazon marketplaces whose fees these amounts should include but whose fee table is missing
   * (docs/fees.md, "no fee table"): their estimates are unknown, not 0.
   */
  withoutFeeTable?: readonly string[] | undefined;
}

/** A SKU's profit in one currency. */
export interface CurrencyProfitLine extends Omit<ProfitLine, 'profit'> {
  currency: string;
  /** Null when some of its fees are unknown (`withoutFeeTable`): a profit without them would overstate it. */
  profit: number | null;
  /** The marketplaces, in code order, whose fees this line lacks for want of a fee table. */
  withoutFeeTable: string[];
  /**
   * The SKU also has money in another currency (e.g. sold in EUR, bought in USD): this line's profit is
   * only its currency's net, so margin, ROI and storage % are null — a ratio across currencies would
   * need a rate we do not have.
   */
  mixedCurrencies: boolean;
}

const isEmpty = (x: ProfitInputs) =>
  (Object.keys(ZERO_PROFIT) as (keyof ProfitInputs)[]).every((k) => x[k] === 0);

interface CurrencySum {
  inputs: ProfitInputs;
  withoutFeeTable: Set<string>;
}

/**
 * Amounts added per currency, in currency-code order; a part with nothing in it makes no currency
 * unless it names a marketplace without a fee table (its fees are unknown, not absent).
 */
function sumPerCurrency(parts: readonly CurrencyProfitInputs[]): [string, CurrencySum][] {
  const sums = new Map<string, CurrencySum>();
  for (const part of parts) {
    if (!part.currency) throw new RangeError('a profit amount has no currency');
    const unknown = part.withoutFeeTable ?? [];
    if (isEmpty(part) && unknown.length === 0) continue;
    const sum = sums.get(part.currency) ?? { inputs: ZERO_PROFIT, withoutFeeTable: new Set<string>() };
    for (const m of unknown) sum.withoutFeeTable.add(m);
    sums.set(part.currency, { inputs: addProfit(sum.inputs, part), withoutFeeTable: sum.withoutFeeTable });
  }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * An amount of a line that includes fee estimates (its profit, a fee): unknown (null, never 0) when a
 * marketplace in the line has no fee table (docs/fees.md, "no fee table").
 */
export const lineEstimate = (line: { readonly withoutFeeTable: readonly string[] }, amount: number) =>
  line.withoutFeeTable.length > 0 ? null : amount;

function currencyLine(currency: string, sum: CurrencySum, mixed: boolean): CurrencyProfitLine {
  const line = profitLine(sum.inputs);
  const withoutFeeTable = [...sum.withoutFeeTable].sort();
  const profit = lineEstimate({ withoutFeeTable }, line.profit);
  const noRatios = { margin: null, roi: null, storageFeePercentOfRevenue: null };
  return {
    ...line,
    ...(mixed || profit === null ? noRatios : {}),
    profit,
    currency,
    mixedCurrencies: mixed,
    withoutFeeTable,
  };
}

/**
 * A SKU's profit per currency (docs/formulas.md, "Profit in several currencies"): every amount stays in
 * the currency it was paid in — revenue in the sale's, COGS in the cost's, fee estimates in the fee
 * table's, settled amounts in the settlement's — and nothing is converted. One line per currency (in
 * currency order), each the net of its own amounts; when a SKU has more than one, each line says so and
 * has no ratios, because its revenue and its costs are in different money. A line with fees of a
 * marketplace without a fee table names it and has no profit and no ratios (those fees are unknown).
 * @example profitByCurrency([{ ...ZERO_PROFIT, currency: 'EUR', unitsSold: 2, revenue: 40 }, { ...ZERO_PROFIT, currency: 'USD', cogs: 12 }]).map((l) => [l.currency, l.profit, l.margin])
 * // [['EUR', 40, null], ['USD', -12, null]]
 */
export function profitByCurrency(parts: readonly CurrencyProfitInputs[]): CurrencyProfitLine[] {
  const sums = sumPerCurrency(parts);
  return sums.map(([currency, sum]) => currencyLine(currency, sum, sums.length > 1));
}

/**
 * Totals per currency of SKU lines (one entry per currency, in currency order): their amounts added
 * and the ratios taken again on the sums; a currency any of whose lines is mixed has no ratios either,
 * one with a line lacking a fee table no profit.
 */
export function profitTotalsByCurrency(lines: readonly CurrencyProfitLine[]): CurrencyProfitLine[] {
  return sumPerCurrency(lines).map(([currency, sum]) =>
    currencyLine(
      currency,
      sum,
      lines.some((l) => l.currency === currency && l.mixedCurrencies),
    ),
  );
}

/** The money of a profit line: every input but the units (what a conversion table converts). */
const PROFIT_MONEY = (Object.keys(ZERO_PROFIT) as (keyof ProfitInputs)[]).filter((k) => k !== 'unitsSold');

/**
 * The totals of profit lines in one currency, by the seller's conversion table (docs/fees.md, "Money is
 * per currency"): each line's money converted (`convertByTable`, the one conversion of every report),
 * units as they are, then added, and the ratios taken on the sums — a SKU sold in EUR and bought in USD
 * has a margin once both are in one money. Null, with the currencies that have no rate, when any line's
 * currency lacks one: a total without a currency's money would understate it.
 * @example convertedProfitTotal([eur40Revenue, usd12Cogs], { to: 'USD', rates: { EUR: 1.1 } }).total?.profit // 44 − 12 = 32
 */
export function convertedProfitTotal(
  lines: readonly CurrencyProfitLine[],
  table: ConversionTable,
): { total: CurrencyProfitLine | null; missingRates: string[] } {
  const { rows, missingRates } = convertByTable(lines, PROFIT_MONEY, table);
  if (rows === null) return { total: null, missingRates };
  const parts = rows.map((l): CurrencyProfitInputs => {
    const inputs = { ...ZERO_PROFIT };
    for (const k of Object.keys(ZERO_PROFIT) as (keyof ProfitInputs)[]) inputs[k] = l[k];
    return { ...inputs, currency: table.to, withoutFeeTable: l.withoutFeeTable };
  });
  const [sum] = sumPerCurrency(parts);
  const empty: CurrencySum = { inputs: ZERO_PROFIT, withoutFeeTable: new Set<string>() };
  return { total: currencyLine(table.to, sum?.[1] ?? empty, false), missingRates };
}

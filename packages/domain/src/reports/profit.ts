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

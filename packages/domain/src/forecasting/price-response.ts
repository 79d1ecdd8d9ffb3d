/**
 * Price response (docs/forecasting.md, "Price response"): the price elasticity of demand, estimated
 * from the selling prices on the ledger's shipments, pooled by category and shrunk towards a prior
 * where the data say little. The clearance advice reads it; one module, one prior.
 */

/** A period's average selling price and units sold (e.g. one week of shipments). */
export interface PricePoint {
  readonly price: number;
  readonly units: number;
}

/** One SKU's price points, with its category (null: none, pooled with the other SKUs without one). */
export interface SkuPriceHistory<K> {
  readonly key: K;
  readonly category: string | null;
  readonly points: readonly PricePoint[];
}

export interface PriceResponse {
  /** d ln(units) / d ln(price): −2 means 10% off sells ≈ 21% more. */
  readonly elasticity: number;
  /** 'sku': its own prices moved enough to count; 'category': pooled; 'prior': no price moved. */
  readonly source: 'sku' | 'category' | 'prior';
}

/**
 * The prior (a typical retail elasticity), its weight — in units of Σ(Δ ln price)², so 0.05 weighs as
 * much as 20 periods 5% off the SKU's own mean price — the bounds, the least usable points a SKU
 * needs to count, and the weeks of selling prices it is estimated from.
 */
export const PRICE_RESPONSE_RULES = {
  weeks: 26,
  prior: -1.5,
  priorWeight: 0.05,
  min: -5,
  max: -0.2,
  minPoints: 4,
} as const;

interface Moments {
  sxy: number;
  sxx: number;
}

/**
 * Within-SKU log-log moments: each usable point (price > 0, units > 0) as its deviation from the
 * SKU's mean ln price and mean ln units, so SKUs of different sizes and price levels pool.
 */
function withinMoments(points: readonly PricePoint[]): Moments | undefined {
  const usable = points.filter((p) => p.price > 0 && p.units > 0);
  if (usable.length < PRICE_RESPONSE_RULES.minPoints) return undefined;
  const xs = usable.map((p) => Math.log(p.price));
  const ys = usable.map((p) => Math.log(p.units));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (const [i, x] of xs.entries()) {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
  }
  return { sxy, sxx };
}

const clamp = (e: number) => Math.min(PRICE_RESPONSE_RULES.max, Math.max(PRICE_RESPONSE_RULES.min, e));

/** The shrunk slope (Σxy + w·towards) / (Σxx + w): the data's slope when they say much, `towards` when little. */
const shrunk = (m: Moments, towards: number, w: number) => (m.sxy + w * towards) / (m.sxx + w);

/**
 * Price elasticity per SKU: the category's pooled within-SKU log-log slope, shrunk towards the prior
 * (`PRICE_RESPONSE_RULES`), and each SKU's own slope shrunk towards its category's. A SKU whose
 * prices never moved takes its category's; a category whose prices never moved, the prior.
 *
 * @example
 * // One SKU, prices 10/8 and units 100/156.25 twice: slope ln(1.5625)/ln(0.8) = −2, Σxx = 4·(ln(1.25)/2)²
 * estimatePriceResponse([{ key: "A", category: "Mugs", points }]).get("A") // { elasticity: −1.874, source: "sku" }
 */
export function estimatePriceResponse<K>(skus: readonly SkuPriceHistory<K>[]): Map<K, PriceResponse> {
  const R = PRICE_RESPONSE_RULES;
  const own = new Map<K, Moments | undefined>();
  const pooled = new Map<string | null, Moments>();
  for (const s of skus) {
    const m = withinMoments(s.points);
    own.set(s.key, m);
    if (!m) continue;
    const c = pooled.get(s.category) ?? { sxy: 0, sxx: 0 };
    pooled.set(s.category, { sxy: c.sxy + m.sxy, sxx: c.sxx + m.sxx });
  }
  const out = new Map<K, PriceResponse>();
  for (const s of skus) {
    const c = pooled.get(s.category);
    const category = c && c.sxx > 0 ? clamp(shrunk(c, R.prior, R.priorWeight)) : undefined;
    const m = own.get(s.key);
    if (m && m.sxx > 0)
      out.set(s.key, { elasticity: clamp(shrunk(m, category ?? R.prior, R.priorWeight)), source: 'sku' });
    else if (category !== undefined) out.set(s.key, { elasticity: category, source: 'category' });
    else out.set(s.key, { elasticity: R.prior, source: 'prior' });
  }
  return out;
}

/**
 * Demand multiplier of selling at `price` instead of `reference` (the list price, else the recent
 * average selling price): (price / reference)^elasticity; 1 without a usable price.
 */
export function priceMultiplier(elasticity: number, price: number, reference: number): number {
  if (!(price > 0) || !(reference > 0)) return 1;
  return Math.pow(price / reference, elasticity);
}

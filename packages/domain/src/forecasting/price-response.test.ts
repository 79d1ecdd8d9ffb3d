import { describe, expect, it } from 'vitest';
import { PRICE_RESPONSE_RULES, estimatePriceResponse, priceMultiplier } from './price-response';

// Prices 10 and 8, units 100 and 156.25 (= 100 × 0.8^−2), twice: within-SKU deviations
// x = ±ln(1.25)/2 = ±0.111572, y = ∓ln(1.5625)/2 = ∓0.223144, so Σxx = 0.0497930, Σxy = −0.0995861 and
// the SKU's own slope is −2 exactly.
const twoPrices = [
  { price: 10, units: 100 },
  { price: 8, units: 156.25 },
  { price: 10, units: 100 },
  { price: 8, units: 156.25 },
];

describe('price response', () => {
  it('pools by category and shrinks towards the prior, then each SKU towards its category (hand-worked)', () => {
    const r = estimatePriceResponse([
      { key: 'A', category: 'Mugs', points: twoPrices },
      { key: 'B', category: 'Mugs', points: twoPrices.map((p) => ({ ...p, price: 12 })) },
      { key: 'C', category: 'Lamps', points: twoPrices.map((p) => ({ ...p, price: 12 })) },
      { key: 'D', category: 'Lamps', points: twoPrices.slice(0, 3) },
    ]);
    // Category: (Σxy + 0.05·(−1.5)) / (Σxx + 0.05) = −0.1745861 / 0.0997930 = −1.749482.
    expect(r.get('B')).toEqual({ elasticity: expect.closeTo(-1.749482, 5) as number, source: 'category' });
    // A: (Σxy + 0.05·(−1.749482)) / (Σxx + 0.05) = −1.874481.
    expect(r.get('A')).toEqual({ elasticity: expect.closeTo(-1.874481, 5) as number, source: 'sku' });
    // Lamps: prices never moved (C) or too few points (D): the prior.
    expect(r.get('C')).toEqual({ elasticity: PRICE_RESPONSE_RULES.prior, source: 'prior' });
    expect(r.get('D')).toEqual({ elasticity: PRICE_RESPONSE_RULES.prior, source: 'prior' });
  });

  it('lets much data speak for itself and keeps the answer within bounds', () => {
    // Forty periods of the same ±11% moves: Σxx = 0.497930, ten times the prior's weight. Category:
    // (−0.995861 − 0.075) / 0.547930 = −1.954375; the SKU: (−0.995861 + 0.05·(−1.954375)) / 0.547930 = −1.995836.
    const many = Array.from({ length: 10 }, () => twoPrices).flat();
    const r = estimatePriceResponse([{ key: 'A', category: null, points: many }]);
    expect(r.get('A')!.elasticity).toBeCloseTo(-1.995836, 5);
    // Units rising with price (a slope of +2) is read as the least response allowed.
    const perverse = twoPrices.map((p) => ({ ...p, units: 10_000 / p.units }));
    expect(estimatePriceResponse([{ key: 'X', category: null, points: perverse }]).get('X')!.elasticity).toBe(
      PRICE_RESPONSE_RULES.max,
    );
  });

  it('turns a price change into a demand multiplier', () => {
    // 20% off at elasticity −2: 0.8^−2 = 1.5625.
    expect(priceMultiplier(-2, 8, 10)).toBeCloseTo(1.5625, 10);
    expect(priceMultiplier(-2, 0, 10)).toBe(1);
    expect(priceMultiplier(-2, 8, 0)).toBe(1);
  });
});

/**
 * Each SKU gets a demand pattern and a scenario. Scenarios are the stories a demo dashboard must be
 * able to tell (a launch, a discontinued line, a broken listing, a missed reorder, over-buying);
 * their counts scale with the catalogue but never drop to zero, so every report has something in it.
 */
import type { Rng } from './prng';
import type { DemoProduct } from './types';

export type Scenario = 'normal' | 'new' | 'discontinued' | 'listingError' | 'stockout' | 'overstock';

export interface SkuRole {
  pattern: DemoProduct['demandPattern'];
  scenario: Scenario;
}

/** Share of the catalogue per scenario (the rest is 'normal'). */
const SCENARIO_SHARE: readonly (readonly [Scenario, number])[] = [
  ['new', 0.03],
  ['discontinued', 0.03],
  ['listingError', 0.02],
  ['stockout', 0.025],
  ['overstock', 0.06],
];

function patternFor(rng: Rng, scenario: Scenario): DemoProduct['demandPattern'] {
  if (scenario === 'new') return 'new';
  const r = rng.uniform();
  // A missed reorder only shows as a stock-out on an item that sells every day.
  if (scenario === 'stockout') return r < 0.7 ? 'smooth' : 'seasonal';
  if (r < 0.22) return 'intermittent';
  if (r < 0.37) return 'seasonal';
  if (r < 0.52) return 'trending';
  return 'smooth';
}

export function assignRoles(rng: Rng, count: number): SkuRole[] {
  const scenarios: Scenario[] = new Array<Scenario>(count).fill('normal');
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  let next = 0;
  for (const [scenario, share] of SCENARIO_SHARE) {
    const n = Math.max(1, Math.round(share * count));
    for (let k = 0; k < n && next < order.length; k++) scenarios[order[next++]!] = scenario;
  }
  return scenarios.map((scenario) => ({ scenario, pattern: patternFor(rng, scenario) }));
}

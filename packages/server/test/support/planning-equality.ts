import { beforeAll, expect, vi } from 'vitest';
import type { Actor } from '../../src/accounts/actor';
import { PlanningService } from '../../src/replenishment/planning.service';
import type { Stockwise } from '../../src/stockwise';
import type { DemoSeller } from './demo-seller';
import { demoProducts } from './demo-seller';

/**
 * `sw`'s cached position (and, with `plan`, its plan) equal those a fresh, uncached service computes from
 * everything, and computing them read the whole inputs `wholeReads` times (docs/decisions.md 38, 46).
 */
export async function expectSameAsFull(
  sw: Stockwise,
  a: { actor: Actor; asOf: string; what: string; wholeReads: number; plan?: boolean },
): Promise<void> {
  const { actor, asOf, what } = a;
  const proto = PlanningService.prototype as unknown as { inputs: (...args: unknown[]) => Promise<unknown> };
  const read = vi.spyOn(proto, 'inputs');
  const position = await sw.planning.position(actor, { asOf });
  const plan = a.plan === false ? undefined : await sw.planning.plan(actor, { asOf });
  expect(read, what).toHaveBeenCalledTimes(a.wholeReads);
  read.mockRestore();
  const full = new PlanningService(sw.tx);
  expect(position, what).toEqual(await full.position(actor, { asOf }));
  if (plan) expect(plan, what).toEqual(await full.plan(actor, { asOf }));
}

/**
 * After the demo seller's first forecast run (in a `beforeAll`): its first `count` SKUs and its hub's
 * code, for the suites that write to a few SKUs and compare the position with the full computation.
 */
export function useForecastDemoSkus(
  seller: DemoSeller,
  a: { asOf: string; count: number },
): { readonly skus: string[]; readonly hub: string } {
  const out = { skus: [] as string[], hub: '' };
  beforeAll(async () => {
    await seller.sw.forecasts.run(seller.actor, { asOf: a.asOf });
    out.skus = (await demoProducts(seller, a.count)).map((p) => p.sku);
    const { positions } = await new PlanningService(seller.sw.tx).position(seller.actor, { asOf: a.asOf });
    out.hub = positions.find((p) => p.locationType === 'warehouse')?.location ?? '';
  }, 180_000);
  return out;
}

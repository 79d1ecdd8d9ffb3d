import type { NetworkPlanInput, SupplyMode } from '@stockwise/domain/replenishment/network-plan';
import { networkPlanner } from '@stockwise/domain/replenishment/network-plan';
import type { PlanLine } from '@stockwise/domain/replenishment/plan-line';
import type { LocationRecord } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { timeSlices } from '../platform/event-loop';

/**
 * planNetwork (the same lines), yielding to the event loop between products once a slice of work
 * has passed: 100,000 SKUs take seconds, and the embedded server answers requests in between.
 */
export async function planInSlices(
  input: NetworkPlanInput<ProductRecord, LocationRecord>,
): Promise<{ mode: SupplyMode; lines: PlanLine<ProductRecord, LocationRecord>[] }> {
  const planner = networkPlanner(input);
  const slices = timeSlices();
  const lines: PlanLine<ProductRecord, LocationRecord>[] = [];
  for (const product of input.products) {
    await slices.pause();
    for (const line of planner.linesOf(product)) lines.push(line);
  }
  return { mode: planner.mode, lines };
}

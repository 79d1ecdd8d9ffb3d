import type { InventorySummary } from '../api/types';
import { AGE_BUCKETS, type AgeBucketId } from '../health/aging';

/**
 * The overview's figures come from GET /inventory/summary (totals computed by the server in SQL);
 * these pure helpers shape them for the cards and are unit-tested without a browser.
 */

export type { LocationSummary } from '../api/types';

export interface AgeBucketSummary {
  id: AgeBucketId;
  units: number;
  cubicFeet: number;
}

/** The server's buckets (keyed by Amazon's report columns) matched to ours by their first day. */
export function ageBucketsOf(summary: Pick<InventorySummary, 'ageBuckets'>): AgeBucketSummary[] {
  return AGE_BUCKETS.map((bucket) => {
    const found = summary.ageBuckets.find((b) => b.minDays === bucket.min);
    return { id: bucket.id, units: found?.units ?? 0, cubicFeet: found?.cubicFeet ?? 0 };
  });
}

/** The stock value in the currency holding most of it (the list is sorted largest first). */
export function mainValue(
  summary: Pick<InventorySummary, 'value'>,
): { currency: string; amount: number } | null {
  return summary.value[0] ?? null;
}

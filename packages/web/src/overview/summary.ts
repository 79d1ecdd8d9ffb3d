import type { InventorySummary } from '../api/types';
import { ageBucketId, type AgeBucketEdges } from '../health/age-buckets';

/**
 * The overview's figures come from GET /inventory/summary (totals computed by the server in SQL);
 * these pure helpers shape them for the cards and are unit-tested without a browser.
 */

export type { LocationSummary } from '../api/types';

export interface AgeBucketSummary extends AgeBucketEdges {
  /** Named by its days (d91_180): the server's buckets are the only list of them. */
  id: string;
  units: number;
  cubicFeet: number;
}

/** The server's buckets (its edges, in its order), each with the id of its days for labels and keys. */
export function ageBucketsOf(summary: Pick<InventorySummary, 'ageBuckets'>): AgeBucketSummary[] {
  return summary.ageBuckets.map((b) => ({
    id: ageBucketId(b),
    minDays: b.minDays,
    maxDays: b.maxDays,
    units: b.units,
    cubicFeet: b.cubicFeet,
  }));
}

/** The stock value in the currency holding most of it (the list is sorted largest first). */
export function mainValue(
  summary: Pick<InventorySummary, 'value'>,
): { currency: string; amount: number } | null {
  return summary.value[0] ?? null;
}

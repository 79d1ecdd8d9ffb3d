/** Age buckets from docs/vocabulary.md (days since receipt, FIFO layers). */
export const AGE_BUCKETS = [
  { id: 'd0_90', min: 0, max: 90 },
  { id: 'd91_180', min: 91, max: 180 },
  { id: 'd181_270', min: 181, max: 270 },
  { id: 'd271_365', min: 271, max: 365 },
  { id: 'd365plus', min: 366, max: Infinity },
] as const;

export type AgeBucketId = (typeof AGE_BUCKETS)[number]['id'];

export function ageBucket(ageDays: number): AgeBucketId {
  for (const bucket of AGE_BUCKETS) if (ageDays <= bucket.max) return bucket.id;
  return 'd365plus';
}

/** Amazon's aged-inventory surcharge starts at 181 days. */
export const AGED_FROM_DAYS = 181;

export function daysSince(iso: string | null, asOf: Date): number | null {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.floor((asOf.getTime() - time) / 86_400_000));
}

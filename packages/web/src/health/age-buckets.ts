import { isMessageKey, type Translate } from '../i18n/translate';

/** An age bucket as the server defines it: inclusive days, no upper end for the last. */
export interface AgeBucketEdges {
  minDays: number;
  maxDays: number | null;
}

/** The dictionary id of a server bucket, named by its days: d91_180, d365plus. */
export function ageBucketId(bucket: AgeBucketEdges): string {
  return bucket.maxDays === null
    ? `d${String(bucket.minDays - 1)}plus`
    : `d${String(bucket.minDays)}_${String(bucket.maxDays)}`;
}

/** A server bucket's label: the dictionary's name for its days, else the days themselves. */
export function ageBucketLabel(t: Translate, bucket: AgeBucketEdges): string {
  const key = `age.${ageBucketId(bucket)}`;
  if (isMessageKey(key)) return t(key);
  return bucket.maxDays === null
    ? `${String(bucket.minDays)}+`
    : `${String(bucket.minDays)}–${String(bucket.maxDays)}`;
}

/** A stored record's creation and last change, as the API answers them (ISO 8601, UTC). */
export function recordTimes(record: { createdAt: Date; updatedAt: Date }): {
  createdAt: string;
  updatedAt: string;
} {
  return { createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString() };
}

import { DomainError } from '@stockwise/domain/errors';
import type { FeedCursor } from '@stockwise/db/channels/channels.repository';

/** Old cursors (a bare movement id) repeat the movements of the last few seconds. */
const LEGACY_OVERLAP_MS = 5_000;

/** Change-feed cursor: `<last movement id>-<horizon, epoch ms>` (see channelsRepository.changedSkus). */
export function encodeFeedCursor(c: FeedCursor): string {
  return `${String(c.lastId)}-${String(c.horizon.getTime())}`;
}

export function decodeFeedCursor(text: string | null | undefined, now: Date): FeedCursor {
  if (!text) return { lastId: 0, horizon: now };
  const m = /^(\d{1,15})(?:-(\d{1,16}))?$/.exec(text);
  const horizon = m?.[2] ? new Date(Number(m[2])) : new Date(now.getTime() - LEGACY_OVERLAP_MS);
  // A horizon past JavaScript's last date is no cursor this feed ever handed out.
  if (!m || Number.isNaN(horizon.getTime()))
    throw new DomainError('VALIDATION_FAILED', 'not a cursor from this feed', { field: 'cursor' });
  return { lastId: Number(m[1]), horizon };
}

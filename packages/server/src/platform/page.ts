import { DomainError } from '@stockwise/domain/errors';
import type { Page } from '@stockwise/db/pagination';

/**
 * A repository's page with its items mapped for the API. A repository answers null for a cursor it cannot read:
 * that is the caller's bad input, named by its field.
 */
export function mapPage<R, T>(page: Page<R> | null, map: (row: R) => T): Page<T> {
  if (!page) throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', { field: 'cursor' });
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}

import { api } from './client';
import type { Page } from './types';

/** The server's largest page size; fewer round trips when we need a whole list. */
export const MAX_PAGE = 1000;

export interface FetchAllOptions {
  query?: Record<string, string | number | undefined>;
  /** Called after each page so the UI can show "loaded 12,000 rows". */
  onProgress?: (loaded: number) => void;
  signal?: AbortSignal;
}

/**
 * Follows nextCursor until the end. Used where the dashboard needs the whole set in memory
 * (inventory grid, overview totals); the server has no aggregate endpoint for these yet.
 */
export async function fetchAll<T>(path: string, options: FetchAllOptions = {}): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    if (options.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const page: Page<T> = await api.get<Page<T>>(path, {
      ...options.query,
      limit: MAX_PAGE,
      cursor: cursor ?? undefined,
    });
    rows.push(...page.items);
    options.onProgress?.(rows.length);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

import { reflectsEventChanges } from '@stockwise/domain/forecasting/event-staleness';
import type { Sql } from '@stockwise/db/database';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { eventsRepository } from '@stockwise/db/forecasting/events.repository';

/**
 * The stored forecasts that reflect the seller's events (`reflectsEventChanges`): a change of an event
 * makes stale only the forecasts of the SKUs in its scope, old and new. Reads only the changes newer
 * than the oldest of them; a forecast of a SKU not in `catalogue` is left out.
 */
export async function currentForecasts<F extends { readonly createdAt: Date; readonly productId: number }>(
  sql: Sql,
  accountId: number,
  a: { stored: readonly F[]; catalogue: readonly ProductRecord[] },
): Promise<F[]> {
  if (a.stored.length === 0) return [];
  const oldest = a.stored.reduce((min, f) => (f.createdAt < min ? f.createdAt : min), a.stored[0]!.createdAt);
  const reflects = reflectsEventChanges(await eventsRepository.changesSince(sql, accountId, oldest));
  const productOf = new Map(a.catalogue.map((p) => [p.id, p]));
  return a.stored.filter((f) => {
    const product = productOf.get(f.productId);
    return product !== undefined && reflects(f, product);
  });
}

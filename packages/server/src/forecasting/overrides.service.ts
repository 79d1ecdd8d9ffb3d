import { DomainError } from '@stockwise/domain/errors';
import type { ForecastOverrideFields } from '@stockwise/domain/forecasting/overrides';
import { validateForecastOverrides } from '@stockwise/domain/forecasting/overrides';
import type { ForecastOverrideRecord, OverrideOwner } from '@stockwise/db/forecasting/overrides.repository';
import { overridesRepository } from '@stockwise/db/forecasting/overrides.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';

/** A SKU's overrides (by its code) or a category's. */
export type OverridesOf = { sku: string } | { category: string };

const toDto = (of: OverridesOf, list: readonly ForecastOverrideRecord[]) => ({
  sku: 'sku' in of ? of.sku : null,
  category: 'category' in of ? of.category : null,
  overrides: list.map((o) => ({
    id: o.id,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    mode: o.mode,
    value: o.value,
    note: o.note,
  })),
});

/**
 * Seller overrides of the forecast, per SKU or category (docs/forecasting.md, "Overrides"); applied by
 * `applyForecastOverrides` wherever a forecast is read.
 */
export class OverridesService {
  constructor(private readonly tx: Transactor) {}

  async list(actor: Actor, of: OverridesOf) {
    requirePermission(actor, 'read');
    const owner = await this.owner(actor, of);
    return toDto(of, await overridesRepository.list(this.tx.sql, actor.accountId, owner));
  }

  /** Replaces the periods of a SKU or category (an empty list removes them). */
  async replace(actor: Actor, of: OverridesOf, list: readonly ForecastOverrideFields[]) {
    requirePermission(actor, 'catalog:write');
    const valid = validateForecastOverrides(list);
    const owner = await this.owner(actor, of);
    return this.tx.run(async (sql) => {
      await overridesRepository.replace(sql, actor.accountId, owner, valid);
      return toDto(of, await overridesRepository.list(sql, actor.accountId, owner));
    });
  }

  async remove(actor: Actor, of: OverridesOf): Promise<void> {
    requirePermission(actor, 'catalog:write');
    const owner = await this.owner(actor, of);
    await this.tx.run((sql) => overridesRepository.replace(sql, actor.accountId, owner, []));
  }

  private async owner(actor: Actor, of: OverridesOf): Promise<OverrideOwner> {
    if ('category' in of) {
      // A category is known by its products: one this account has none of is not found (never echoed).
      if (!(await overridesRepository.categoryExists(this.tx.sql, actor.accountId, of.category)))
        throw new DomainError('NOT_FOUND', 'no product of this account is in that category', {
          field: 'category',
        });
      return { category: of.category };
    }
    const product = await productsRepository.findBySku(this.tx.sql, actor.accountId, of.sku);
    if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${of.sku}`, { field: 'sku' });
    return { productId: product.id };
  }
}

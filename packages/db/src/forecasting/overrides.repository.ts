import type {
  ForecastOverride,
  ForecastOverrideFields,
  OverrideMode,
} from '@stockwise/domain/forecasting/overrides';
import type { Sql } from '../database';

/** A stored override with whose it is: a SKU (`sku`) or a category. */
export interface ForecastOverrideRecord extends ForecastOverride {
  sku: string | null;
  category: string | null;
  createdAt: Date;
}

interface OverrideRow {
  id: number;
  sku: string | null;
  category: string | null;
  starts_on: string;
  ends_on: string;
  mode: OverrideMode;
  value: number;
  note: string | null;
  created_at: Date;
}

const mapOverride = (r: OverrideRow): ForecastOverrideRecord => ({
  id: r.id,
  scope: r.sku === null ? 'category' : 'sku',
  sku: r.sku,
  category: r.category,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  mode: r.mode,
  value: r.value,
  note: r.note,
  createdAt: r.created_at,
});

const SELECT = `SELECT o.id, p.sku, o.category, o.starts_on::text AS starts_on, o.ends_on::text AS ends_on, o.mode,
  o.value, o.note, o.created_at FROM forecast_overrides o LEFT JOIN products p ON p.id = o.product_id`;

/** Whose overrides: one SKU's (its product id) or one category's. */
export type OverrideOwner = { productId: number } | { category: string };

const ownerWhere = (owner: OverrideOwner) =>
  'productId' in owner
    ? { clause: 'o.product_id = $2', param: owner.productId }
    : { clause: 'o.category = $2', param: owner.category };

/** Seller overrides of the forecast (docs/forecasting.md, "Overrides"). */
export const overridesRepository = {
  /** Whether any of the account's products is in `category` (an override's category must be one). */
  async categoryExists(sql: Sql, accountId: number, category: string): Promise<boolean> {
    const rows = await sql.query<{ found: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM products WHERE account_id = $1 AND category = $2) AS found',
      [accountId, category],
    );
    return rows[0]?.found === true;
  },

  /** Every override of the account (planning applies them all), in order of entry. */
  async listAll(sql: Sql, accountId: number): Promise<ForecastOverrideRecord[]> {
    const rows = await sql.query<OverrideRow>(`${SELECT} WHERE o.account_id = $1 ORDER BY o.id`, [accountId]);
    return rows.map(mapOverride);
  },

  /** The overrides of one SKU or one category, by first day. */
  async list(sql: Sql, accountId: number, owner: OverrideOwner): Promise<ForecastOverrideRecord[]> {
    const { clause, param } = ownerWhere(owner);
    const rows = await sql.query<OverrideRow>(
      `${SELECT} WHERE o.account_id = $1 AND ${clause} ORDER BY o.starts_on, o.id`,
      [accountId, param],
    );
    return rows.map(mapOverride);
  },

  /** The overrides that apply to a SKU: its own and its category's, in order of entry. */
  async forProduct(
    sql: Sql,
    accountId: number,
    product: { id: number; category: string | null },
  ): Promise<ForecastOverrideRecord[]> {
    const rows = await sql.query<OverrideRow>(
      `${SELECT} WHERE o.account_id = $1 AND (o.product_id = $2 OR o.category = $3) ORDER BY o.id`,
      [accountId, product.id, product.category],
    );
    return rows.map(mapOverride);
  },

  /** Replaces the overrides of one SKU or category with `list` (none = removes them); the number removed. */
  async replace(
    sql: Sql,
    accountId: number,
    owner: OverrideOwner,
    list: readonly ForecastOverrideFields[],
  ): Promise<number> {
    const { clause, param } = ownerWhere(owner);
    const removed = await sql.query<{ id: number }>(
      `DELETE FROM forecast_overrides o WHERE o.account_id = $1 AND ${clause} RETURNING o.id`,
      [accountId, param],
    );
    if (list.length > 0)
      await sql.query(
        `INSERT INTO forecast_overrides (account_id, product_id, category, starts_on, ends_on, mode, value, note)
         SELECT $1, $2, $3, (x->>'startsOn')::date, (x->>'endsOn')::date, x->>'mode', (x->>'value')::float8,
           x->>'note'
         FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n`,
        [
          accountId,
          'productId' in owner ? owner.productId : null,
          'category' in owner ? owner.category : null,
          JSON.stringify(list),
        ],
      );
    return removed.length;
  },
};

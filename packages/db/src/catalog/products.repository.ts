import { accountRow, accountRowsIn, firstRow, type Sql } from '../database';
import type { Page } from '../pagination';
import { readAllPages, READ_PAGE, tablePage } from '../pagination';
import { containsPattern, type Conditions } from '../sql-conditions';

export type ListingStatus = 'active' | 'inactive' | 'error';

/** Stored product fields; derived ones (cubicFeet, sizeTier) are computed by the service. */
export interface ProductFields {
  sku: string;
  title: string;
  barcode: string | null;
  barcodeKind: 'gtin' | 'internal' | null;
  asin: string | null;
  fnsku: string | null;
  channelSkus: Record<string, string>;
  category: string | null;
  brand: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  dimensionUnit: 'in' | 'cm';
  weight: number | null;
  weightUnit: 'lb' | 'oz' | 'kg' | 'g';
  cubicFeet: number | null;
  sizeTier: string | null;
  unitCost: number | null;
  price: number | null;
  currency: string;
  casePack: number;
  replenishable: boolean;
  allowBackorder: boolean;
  listingStatus: ListingStatus;
}

export interface ProductRecord extends ProductFields {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

interface ProductRow {
  id: number;
  sku: string;
  title: string;
  barcode: string | null;
  barcode_kind: 'gtin' | 'internal' | null;
  asin: string | null;
  fnsku: string | null;
  channel_skus: Record<string, string>;
  category: string | null;
  brand: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  dimension_unit: 'in' | 'cm';
  weight: number | null;
  weight_unit: 'lb' | 'oz' | 'kg' | 'g';
  cubic_feet: number | null;
  size_tier: string | null;
  unit_cost: number | null;
  price: number | null;
  currency: string;
  case_pack: number;
  replenishable: boolean;
  allow_backorder: boolean;
  listing_status: ListingStatus;
  created_at: Date;
  updated_at: Date;
}

export const mapProduct = (r: ProductRow): ProductRecord => ({
  id: r.id,
  sku: r.sku,
  title: r.title,
  barcode: r.barcode,
  barcodeKind: r.barcode_kind,
  asin: r.asin,
  fnsku: r.fnsku,
  channelSkus: r.channel_skus,
  category: r.category,
  brand: r.brand,
  length: r.length,
  width: r.width,
  height: r.height,
  dimensionUnit: r.dimension_unit,
  weight: r.weight,
  weightUnit: r.weight_unit,
  cubicFeet: r.cubic_feet,
  sizeTier: r.size_tier,
  unitCost: r.unit_cost,
  price: r.price,
  currency: r.currency,
  casePack: r.case_pack,
  replenishable: r.replenishable,
  allowBackorder: r.allow_backorder,
  listingStatus: r.listing_status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Column order shared by insert and update. */
const COLUMNS = [
  'sku',
  'title',
  'barcode',
  'barcode_kind',
  'asin',
  'fnsku',
  'channel_skus',
  'category',
  'brand',
  'length',
  'width',
  'height',
  'dimension_unit',
  'weight',
  'weight_unit',
  'cubic_feet',
  'size_tier',
  'unit_cost',
  'price',
  'currency',
  'case_pack',
  'replenishable',
  'allow_backorder',
  'listing_status',
] as const;

function values(f: ProductFields): unknown[] {
  return [
    f.sku,
    f.title,
    f.barcode,
    f.barcodeKind,
    f.asin,
    f.fnsku,
    JSON.stringify(f.channelSkus),
    f.category,
    f.brand,
    f.length,
    f.width,
    f.height,
    f.dimensionUnit,
    f.weight,
    f.weightUnit,
    f.cubicFeet,
    f.sizeTier,
    f.unitCost,
    f.price,
    f.currency,
    f.casePack,
    f.replenishable,
    f.allowBackorder,
    f.listingStatus,
  ];
}

export const PRODUCT_SORTS = {
  sku: 'sku',
  title: 'title',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

export interface ProductQuery {
  limit: number;
  cursor?: string | undefined;
  sort: keyof typeof PRODUCT_SORTS;
  order: 'asc' | 'desc';
  /** Matches SKU, title, barcode, ASIN or FNSKU. */
  search?: string | undefined;
  category?: string | undefined;
  listingStatus?: ListingStatus | undefined;
  replenishable?: boolean | undefined;
}

export const productsRepository = {
  /** Inserts; undefined when SKU or barcode is already used in this account (the caller says which). */
  async create(sql: Sql, accountId: number, f: ProductFields): Promise<ProductRecord | undefined> {
    const placeholders = COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
    return firstRow(
      sql,
      `INSERT INTO products (account_id, ${COLUMNS.join(', ')}) VALUES ($1, ${placeholders})
       ON CONFLICT DO NOTHING RETURNING *`,
      [accountId, ...values(f)],
      mapProduct,
    );
  },

  /**
   * Inserts every product of `fs` in one statement (each row typed as the table types it); answers the rows
   * inserted, in `fs` order. A product whose SKU or barcode is taken is left out, as `create` leaves it.
   */
  async createMany(sql: Sql, accountId: number, fs: readonly ProductFields[]): Promise<ProductRecord[]> {
    const rows = fs.map((f) =>
      Object.fromEntries(
        COLUMNS.map((c, i) => [c, c === 'channel_skus' ? f.channelSkus : values(f)[i]] as const),
      ),
    );
    const inserted = await sql.query<ProductRow>(
      `INSERT INTO products (account_id, ${COLUMNS.join(', ')})
       SELECT $1, ${COLUMNS.map((c) => `p.${c}`).join(', ')}
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(row, n),
              jsonb_populate_record(NULL::products, e.row) AS p
        ORDER BY e.n
       ON CONFLICT DO NOTHING RETURNING *`,
      [accountId, JSON.stringify(rows)],
    );
    const order = new Map(fs.map((f, i) => [f.sku, i]));
    return inserted.map(mapProduct).sort((a, b) => order.get(a.sku)! - order.get(b.sku)!);
  },

  async update(
    sql: Sql,
    accountId: number,
    id: number,
    f: ProductFields,
  ): Promise<ProductRecord | undefined> {
    const sets = COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ');
    return firstRow(
      sql,
      `UPDATE products SET ${sets}, updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id, ...values(f)],
      mapProduct,
    );
  },

  async findBySku(sql: Sql, accountId: number, sku: string): Promise<ProductRecord | undefined> {
    return accountRow(sql, accountId, { table: 'products', column: 'sku', value: sku }, mapProduct);
  },

  async findManyById(sql: Sql, accountId: number, ids: readonly number[]): Promise<ProductRecord[]> {
    const key = { table: 'products', column: 'id', values: ids, arrayType: 'bigint[]' };
    return accountRowsIn(sql, accountId, key, mapProduct);
  },

  async findManyBySku(sql: Sql, accountId: number, skus: readonly string[]): Promise<ProductRecord[]> {
    const key = { table: 'products', column: 'sku', values: skus, prepare: true };
    return accountRowsIn(sql, accountId, key, mapProduct);
  },

  /** Scanner lookup: GTIN or internal code, also ASIN/FNSKU labels. */
  async findByCode(sql: Sql, accountId: number, code: string): Promise<ProductRecord | undefined> {
    return firstRow(
      sql,
      `SELECT * FROM products WHERE account_id = $1 AND (barcode = $2 OR fnsku = $2 OR asin = $2 OR sku = $2)
       ORDER BY (barcode = $2) DESC NULLS LAST, id LIMIT 1`,
      [accountId, code],
      mapProduct,
    );
  },

  async findByBarcode(sql: Sql, accountId: number, barcode: string): Promise<ProductRecord | undefined> {
    return accountRow(sql, accountId, { table: 'products', column: 'barcode', value: barcode }, mapProduct);
  },

  /** Every product of the account by SKU, read a page per statement (readAllPages). */
  async listAll(sql: Sql, accountId: number): Promise<ProductRecord[]> {
    return readAllPages(async (after) =>
      (
        await sql.query<ProductRow>(
          'SELECT * FROM products WHERE account_id = $1 AND sku > $2 ORDER BY sku LIMIT $3',
          [accountId, after?.sku ?? '', READ_PAGE],
        )
      ).map(mapProduct),
    );
  },

  async list(sql: Sql, accountId: number, q: ProductQuery): Promise<Page<ProductRecord> | null> {
    const filter = (filters: Conditions) => {
      if (q.search)
        filters.add(
          '(sku ILIKE ? OR title ILIKE ? OR barcode ILIKE ? OR asin ILIKE ? OR fnsku ILIKE ?)',
          containsPattern(q.search),
        );
      if (q.category) filters.add('category = ?', q.category);
      if (q.listingStatus) filters.add('listing_status = ?', q.listingStatus);
      if (q.replenishable !== undefined) filters.add('replenishable = ?', q.replenishable);
    };
    const request = { ...q, table: 'products', column: PRODUCT_SORTS[q.sort], filter };
    return tablePage(sql, accountId, request, mapProduct);
  },
};

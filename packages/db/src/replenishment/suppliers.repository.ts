import type { SupplierCostTerms } from '@stockwise/domain/replenishment/costs';
import { anyRow, accountRow, firstRow, type Sql } from '../database';
import { Conditions, containsPattern } from '../sql-conditions';

export interface SupplierFields {
  code: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  currency: string;
  paymentTermsDays: number;
  productionDays: number;
  transitDays: number;
  groundDays: number;
  checkInDays: number;
  notes: string | null;
  active: boolean;
  /** Ordering and shipping terms; null fields fall back to the account's (docs/formulas.md Replenishment costs). Left out: none set. */
  costs?: SupplierCostTerms;
}

export interface SupplierRecord extends SupplierFields {
  costs: SupplierCostTerms;
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

interface SupplierRow {
  id: number;
  code: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  currency: string;
  payment_terms_days: number;
  production_days: number;
  transit_days: number;
  ground_days: number;
  check_in_days: number;
  notes: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The cost columns of a supplier and of the account defaults. */
interface CostColumns {
  order_cost: number | null;
  line_cost: number | null;
  shipping_per_unit: number | null;
  shipping_per_cubic_foot: number | null;
  min_order_value: number | null;
  free_freight_value: number | null;
}

const COST_COLUMNS = [
  'order_cost',
  'line_cost',
  'shipping_per_unit',
  'shipping_per_cubic_foot',
  'min_order_value',
  'free_freight_value',
] as const;

const NO_COSTS: SupplierCostTerms = {
  orderCost: null,
  lineCost: null,
  shippingPerUnit: null,
  shippingPerCubicFoot: null,
  minOrderValue: null,
  freeFreightValue: null,
};

const mapCosts = (r: CostColumns): SupplierCostTerms => ({
  orderCost: r.order_cost,
  lineCost: r.line_cost,
  shippingPerUnit: r.shipping_per_unit,
  shippingPerCubicFoot: r.shipping_per_cubic_foot,
  minOrderValue: r.min_order_value,
  freeFreightValue: r.free_freight_value,
});

const costValues = (c: SupplierCostTerms): unknown[] => [
  c.orderCost,
  c.lineCost,
  c.shippingPerUnit,
  c.shippingPerCubicFoot,
  c.minOrderValue,
  c.freeFreightValue,
];

const mapSupplier = (r: SupplierRow & CostColumns): SupplierRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  contactName: r.contact_name,
  email: r.email,
  phone: r.phone,
  address: r.address,
  currency: r.currency,
  paymentTermsDays: r.payment_terms_days,
  productionDays: r.production_days,
  transitDays: r.transit_days,
  groundDays: r.ground_days,
  checkInDays: r.check_in_days,
  notes: r.notes,
  active: r.active,
  costs: mapCosts(r),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = [
  'code',
  'name',
  'contact_name',
  'email',
  'phone',
  'address',
  'currency',
  'payment_terms_days',
  'production_days',
  'transit_days',
  'ground_days',
  'check_in_days',
  'notes',
  'active',
  ...COST_COLUMNS,
] as const;

const values = (f: SupplierFields): unknown[] => [
  f.code,
  f.name,
  f.contactName,
  f.email,
  f.phone,
  f.address,
  f.currency,
  f.paymentTermsDays,
  f.productionDays,
  f.transitDays,
  f.groundDays,
  f.checkInDays,
  f.notes,
  f.active,
  ...costValues(f.costs ?? NO_COSTS),
];

export interface PriceBreak {
  minQuantity: number;
  unitCost: number;
}

export interface SupplierProductFields {
  supplierSku: string | null;
  unitCost: number | null;
  priceBreaks: PriceBreak[];
  moq: number;
  casePack: number | null;
  preferred: boolean;
}

export interface SupplierProductRecord extends SupplierProductFields {
  supplierId: number;
  productId: number;
  sku: string;
  supplierCode: string;
  updatedAt: Date;
}

interface SupplierProductRow {
  supplier_id: number;
  product_id: number;
  sku: string;
  supplier_code: string;
  supplier_sku: string | null;
  unit_cost: number | null;
  price_breaks: PriceBreak[];
  moq: number;
  case_pack: number | null;
  preferred: boolean;
  updated_at: Date;
}

const mapSupplierProduct = (r: SupplierProductRow): SupplierProductRecord => ({
  supplierId: r.supplier_id,
  productId: r.product_id,
  sku: r.sku,
  supplierCode: r.supplier_code,
  supplierSku: r.supplier_sku,
  unitCost: r.unit_cost,
  priceBreaks: r.price_breaks,
  moq: r.moq,
  casePack: r.case_pack,
  preferred: r.preferred,
  updatedAt: r.updated_at,
});

const SP_SELECT = `SELECT sp.*, p.sku, s.code AS supplier_code FROM supplier_products sp
  JOIN products p ON p.id = sp.product_id JOIN suppliers s ON s.id = sp.supplier_id`;

export const suppliersRepository = {
  /** Undefined when the code is taken in this account. */
  async create(sql: Sql, accountId: number, f: SupplierFields): Promise<SupplierRecord | undefined> {
    const placeholders = COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
    return firstRow(
      sql,
      `INSERT INTO suppliers (account_id, ${COLUMNS.join(', ')}) VALUES ($1, ${placeholders})
       ON CONFLICT (account_id, code) DO NOTHING RETURNING *`,
      [accountId, ...values(f)],
      mapSupplier,
    );
  },

  async update(
    sql: Sql,
    accountId: number,
    id: number,
    f: SupplierFields,
  ): Promise<SupplierRecord | undefined> {
    const sets = COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ');
    return firstRow(
      sql,
      `UPDATE suppliers SET ${sets}, updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id, ...values(f)],
      mapSupplier,
    );
  },

  async findByCode(sql: Sql, accountId: number, code: string): Promise<SupplierRecord | undefined> {
    return accountRow(sql, accountId, { table: 'suppliers', column: 'code', value: code }, mapSupplier);
  },

  async findById(sql: Sql, accountId: number, id: number): Promise<SupplierRecord | undefined> {
    return accountRow(sql, accountId, { table: 'suppliers', column: 'id', value: id }, mapSupplier);
  },

  async list(
    sql: Sql,
    accountId: number,
    q: { active?: boolean | undefined; search?: string | undefined } = {},
  ): Promise<SupplierRecord[]> {
    const params: unknown[] = [accountId];
    const filters = new Conditions(params);
    if (q.active !== undefined) filters.add('active = ?', q.active);
    if (q.search) filters.add('(code ILIKE ? OR name ILIKE ?)', containsPattern(q.search));
    const rows = await sql.query<SupplierRow & CostColumns>(
      `SELECT * FROM suppliers WHERE account_id = $1${filters.and()} ORDER BY code`,
      params,
    );
    return rows.map(mapSupplier);
  },

  /** Deletes a supplier without purchase orders; false when it has some (the caller deactivates instead). */
  async delete(sql: Sql, accountId: number, id: number): Promise<boolean> {
    return anyRow(
      sql,
      `DELETE FROM suppliers WHERE account_id = $1 AND id = $2
         AND NOT EXISTS (SELECT 1 FROM purchase_orders WHERE account_id = $1 AND supplier_id = $2) RETURNING id`,
      [accountId, id],
    );
  },

  async upsertProduct(
    sql: Sql,
    accountId: number,
    key: { supplierId: number; productId: number },
    f: SupplierProductFields,
  ): Promise<void> {
    if (f.preferred) {
      await sql.query(
        'UPDATE supplier_products SET preferred = false, updated_at = now() WHERE account_id = $1 AND product_id = $2 AND supplier_id <> $3 AND preferred',
        [accountId, key.productId, key.supplierId],
      );
    }
    await sql.query(
      `INSERT INTO supplier_products (account_id, supplier_id, product_id, supplier_sku, unit_cost, price_breaks, moq, case_pack, preferred)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (supplier_id, product_id) DO UPDATE SET supplier_sku = EXCLUDED.supplier_sku, unit_cost = EXCLUDED.unit_cost,
         price_breaks = EXCLUDED.price_breaks, moq = EXCLUDED.moq, case_pack = EXCLUDED.case_pack, preferred = EXCLUDED.preferred, updated_at = now()`,
      [
        accountId,
        key.supplierId,
        key.productId,
        f.supplierSku,
        f.unitCost,
        JSON.stringify(f.priceBreaks),
        f.moq,
        f.casePack,
        f.preferred,
      ],
    );
  },

  async deleteProduct(
    sql: Sql,
    accountId: number,
    key: { supplierId: number; productId: number },
  ): Promise<boolean> {
    return anyRow(
      sql,
      'DELETE FROM supplier_products WHERE account_id = $1 AND supplier_id = $2 AND product_id = $3 RETURNING product_id',
      [accountId, key.supplierId, key.productId],
    );
  },

  async findProduct(
    sql: Sql,
    accountId: number,
    key: { supplierId: number; productId: number },
  ): Promise<SupplierProductRecord | undefined> {
    return firstRow(
      sql,
      `${SP_SELECT} WHERE sp.account_id = $1 AND sp.supplier_id = $2 AND sp.product_id = $3`,
      [accountId, key.supplierId, key.productId],
      mapSupplierProduct,
    );
  },

  async listProducts(sql: Sql, accountId: number, supplierId: number): Promise<SupplierProductRecord[]> {
    const rows = await sql.query<SupplierProductRow>(
      `${SP_SELECT} WHERE sp.account_id = $1 AND sp.supplier_id = $2 ORDER BY p.sku`,
      [accountId, supplierId],
    );
    return rows.map(mapSupplierProduct);
  },

  /** Every supplier term of the account (or of `productIds`), for planning. */
  async listAllProducts(
    sql: Sql,
    accountId: number,
    productIds?: readonly number[],
  ): Promise<SupplierProductRecord[]> {
    const rows = await sql.query<SupplierProductRow>(
      `${SP_SELECT} WHERE sp.account_id = $1 AND ($2::bigint[] IS NULL OR sp.product_id = ANY($2::bigint[]))
       ORDER BY sp.product_id, sp.preferred DESC, sp.supplier_id`,
      [accountId, productIds ?? null],
    );
    return rows.map(mapSupplierProduct);
  },

  async bulkInsertProducts(
    sql: Sql,
    accountId: number,
    rows: readonly ({ supplierId: number; productId: number } & SupplierProductFields)[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO supplier_products (account_id, supplier_id, product_id, supplier_sku, unit_cost, price_breaks, moq, case_pack, preferred)
       SELECT $1, (r->>'supplierId')::bigint, (r->>'productId')::bigint, r->>'supplierSku', (r->>'unitCost')::numeric,
         COALESCE(r->'priceBreaks', '[]'::jsonb), (r->>'moq')::int, (r->>'casePack')::int, (r->>'preferred')::boolean
       FROM jsonb_array_elements($2::jsonb) AS r`,
      [accountId, JSON.stringify(rows)],
    );
  },

  /** The account's own cost terms (every field null when it set none). */
  async costDefaults(sql: Sql, accountId: number): Promise<SupplierCostTerms> {
    const [row] = await sql.query<CostColumns>(
      `SELECT ${COST_COLUMNS.join(', ')} FROM replenishment_cost_defaults WHERE account_id = $1`,
      [accountId],
    );
    return row ? mapCosts(row) : { ...NO_COSTS };
  },

  async setCostDefaults(sql: Sql, accountId: number, c: SupplierCostTerms): Promise<void> {
    const placeholders = COST_COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
    const sets = COST_COLUMNS.map((col) => `${col} = EXCLUDED.${col}`).join(', ');
    await sql.query(
      `INSERT INTO replenishment_cost_defaults (account_id, ${COST_COLUMNS.join(', ')}) VALUES ($1, ${placeholders})
       ON CONFLICT (account_id) DO UPDATE SET ${sets}, updated_at = now()`,
      [accountId, ...costValues(c)],
    );
  },
};

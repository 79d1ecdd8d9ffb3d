import { accountRow, accountRowsIn, firstRow, type Sql } from '../database';
import type { Page, PageRequest } from '../pagination';
import { tablePage } from '../pagination';
import type { Conditions } from '../sql-conditions';

export type LocationType = 'warehouse' | 'amazon_fba' | '3pl';

/** What a seller sets on a location. */
export interface LocationFields {
  code: string;
  name: string;
  type: LocationType;
  marketplace: string | null;
  capacityCubicFeet: Record<string, number>;
  active: boolean;
}

export interface LocationRecord extends LocationFields {
  id: number;
  createdAt: Date;
  updatedAt: Date;
}

interface LocationRow {
  id: number;
  code: string;
  name: string;
  type: LocationType;
  marketplace: string | null;
  capacity_cubic_feet: Record<string, number>;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const mapLocation = (r: LocationRow): LocationRecord => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  marketplace: r.marketplace,
  capacityCubicFeet: r.capacity_cubic_feet,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const LOCATION_SORTS = { code: 'code', name: 'name', createdAt: 'created_at' } as const;

/** A page of locations, optionally of one type. */
export interface LocationListQuery extends PageRequest<keyof typeof LOCATION_SORTS> {
  type?: LocationType | undefined;
}

export const locationsRepository = {
  /** Returns undefined when the code is taken in this account. */
  async create(sql: Sql, accountId: number, f: LocationFields): Promise<LocationRecord | undefined> {
    return firstRow(
      sql,
      `INSERT INTO locations (account_id, code, name, type, marketplace, capacity_cubic_feet, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, code) DO NOTHING RETURNING *`,
      [accountId, f.code, f.name, f.type, f.marketplace, JSON.stringify(f.capacityCubicFeet), f.active],
      mapLocation,
    );
  },

  async update(
    sql: Sql,
    accountId: number,
    id: number,
    f: LocationFields,
  ): Promise<LocationRecord | undefined> {
    return firstRow(
      sql,
      `UPDATE locations SET name = $3, type = $4, marketplace = $5, capacity_cubic_feet = $6, active = $7,
       updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING *`,
      [accountId, id, f.name, f.type, f.marketplace, JSON.stringify(f.capacityCubicFeet), f.active],
      mapLocation,
    );
  },

  async findByCode(sql: Sql, accountId: number, code: string): Promise<LocationRecord | undefined> {
    return accountRow(sql, accountId, { table: 'locations', column: 'code', value: code }, mapLocation);
  },

  async findManyByCode(sql: Sql, accountId: number, codes: readonly string[]): Promise<LocationRecord[]> {
    return accountRowsIn(sql, accountId, { table: 'locations', column: 'code', values: codes }, mapLocation);
  },

  async listAll(sql: Sql, accountId: number): Promise<LocationRecord[]> {
    const rows = await sql.query<LocationRow>('SELECT * FROM locations WHERE account_id = $1 ORDER BY code', [
      accountId,
    ]);
    return rows.map(mapLocation);
  },

  async list(sql: Sql, accountId: number, q: LocationListQuery): Promise<Page<LocationRecord> | null> {
    const filter = (filters: Conditions) => {
      if (q.type) filters.add('type = ?', q.type);
    };
    const request = { ...q, table: 'locations', column: LOCATION_SORTS[q.sort], filter };
    return tablePage(sql, accountId, request, mapLocation);
  },
};

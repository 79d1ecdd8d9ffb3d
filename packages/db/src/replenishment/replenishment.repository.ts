import type { Sql } from '../database';

export interface ReplenishmentSettings {
  productId: number;
  serviceLevel: number | null;
  reviewDays: number | null;
  minCoverDays: number | null;
  maxCoverDays: number | null;
  allowExcess: boolean;
  /** Buy or send where clearance is advised (docs/formulas.md Held back). */
  buyDespiteClearance: boolean;
  /** Buy although a unit loses money after fees. */
  buyDespiteLoss: boolean;
}

export interface PlanningBalance {
  productId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  inbound: number;
}

/** Reads the restock plan needs in bulk (whole catalogue), and per-SKU planning settings. */
export const replenishmentRepository = {
  async balances(sql: Sql, accountId: number): Promise<PlanningBalance[]> {
    const rows = await sql.query<{
      product_id: number;
      location_id: number;
      on_hand: number;
      reserved: number;
      inbound: number;
    }>(
      'SELECT product_id, location_id, on_hand, reserved, inbound FROM stock_balances WHERE account_id = $1',
      [accountId],
    );
    return rows.map((r) => ({
      productId: r.product_id,
      locationId: r.location_id,
      onHand: r.on_hand,
      reserved: r.reserved,
      inbound: r.inbound,
    }));
  },

  async settings(sql: Sql, accountId: number): Promise<ReplenishmentSettings[]> {
    const rows = await sql.query<{
      product_id: number;
      service_level: number | null;
      review_days: number | null;
      min_cover_days: number | null;
      max_cover_days: number | null;
      allow_excess: boolean;
      buy_despite_clearance: boolean;
      buy_despite_loss: boolean;
    }>(
      `SELECT product_id, service_level, review_days, min_cover_days, max_cover_days, allow_excess,
              buy_despite_clearance, buy_despite_loss
         FROM replenishment_settings WHERE account_id = $1`,
      [accountId],
    );
    return rows.map((r) => ({
      productId: r.product_id,
      serviceLevel: r.service_level,
      reviewDays: r.review_days,
      minCoverDays: r.min_cover_days,
      maxCoverDays: r.max_cover_days,
      allowExcess: r.allow_excess,
      buyDespiteClearance: r.buy_despite_clearance,
      buyDespiteLoss: r.buy_despite_loss,
    }));
  },

  async upsertSettings(sql: Sql, accountId: number, s: ReplenishmentSettings): Promise<void> {
    await sql.query(
      `INSERT INTO replenishment_settings (account_id, product_id, service_level, review_days, min_cover_days, max_cover_days, allow_excess,
         buy_despite_clearance, buy_despite_loss)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (product_id) DO UPDATE SET service_level = EXCLUDED.service_level, review_days = EXCLUDED.review_days,
         min_cover_days = EXCLUDED.min_cover_days, max_cover_days = EXCLUDED.max_cover_days, allow_excess = EXCLUDED.allow_excess,
         buy_despite_clearance = EXCLUDED.buy_despite_clearance, buy_despite_loss = EXCLUDED.buy_despite_loss, updated_at = now()`,
      [
        accountId,
        s.productId,
        s.serviceLevel,
        s.reviewDays,
        s.minCoverDays,
        s.maxCoverDays,
        s.allowExcess,
        s.buyDespiteClearance,
        s.buyDespiteLoss,
      ],
    );
  },
};

/**
 * Why a restock row asks for less than its position needs (docs/formulas.md Held back): capacity,
 * clearance advice, a loss per unit, no supplier, need covered by stock on its way or by a transfer,
 * or a seller setting — with a sentence and the numbers.
 */

export const HELD_BACK_REASONS = [
  'capacity',
  'clearance',
  'unprofitable',
  'no_supplier',
  'covered_by_transfer',
  'seller_setting',
] as const;
export type HeldBackReason = (typeof HELD_BACK_REASONS)[number];

export interface HeldBack {
  reason: HeldBackReason;
  message: string;
  figures: Record<string, number>;
}

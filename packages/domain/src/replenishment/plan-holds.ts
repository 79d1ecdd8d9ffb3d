/**
 * Held-back rows (docs/formulas.md Held back): before the capacity fit, lines are held back where the
 * clearance advice says clear or where a unit sells at a loss (each unless the seller overrides); after it, every row whose alert says act now but whose quantity is 0,
 * or lower than unconstrained, says why. Pure: the caller supplies the clearance advice.
 */
import type { HeldBack } from './held-back';
import type { PlanLine } from './plan-line';
import { cutLine } from './plan-line';

const ACT_NOW = new Set(['out_of_stock', 'reorder_now']);

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The seller's overrides of the holds, per product. */
export interface HoldOverrides {
  buyDespiteClearance: boolean;
  buyDespiteLoss: boolean;
}

/** Clearance advice at a line's SKU × location that is not `keep` (what to do, and what it saves). */
export interface ClearanceHold {
  action: string;
  estimatedSavings: number;
}

/** Holds a line at 0 with its reason (the unconstrained quantity stays as planned). */
function hold(line: PlanLine, heldBack: HeldBack): void {
  cutLine(line, 0, heldBack.message);
  line.heldBack = heldBack;
}

/**
 * Holds back, before the capacity fit, lines that should not be bought or sent: clearance advised at
 * the location (`clearanceAt`, undefined for keep), a purchase whose unit loses money after fees.
 * Overrides by product id.
 */
export function applyHolds(
  lines: readonly PlanLine[],
  a: {
    clearanceAt: (line: PlanLine) => ClearanceHold | undefined;
    overrides: ReadonlyMap<number, HoldOverrides>;
  },
): void {
  for (const line of lines) {
    const qty = line.rec.recommendedQuantity;
    if (qty <= 0) continue;
    const o = a.overrides.get(line.product.id);
    const p = line.position;
    const advice = o?.buyDespiteClearance ? undefined : a.clearanceAt(line);
    if (advice) {
      hold(line, {
        reason: 'clearance',
        message: `Clearance is advised at ${p.location} (${advice.action}, saves $${advice.estimatedSavings.toFixed(2)}) for ${fmt(p.excessUnits)} excess units: ${fmt(qty)} not ${line.action === 'transfer' ? 'sent' : 'bought'}.`,
        figures: {
          quantity: qty,
          excessUnits: p.excessUnits,
          estimatedSavings: advice.estimatedSavings,
          ...(p.daysOfSupply !== null ? { daysOfSupply: p.daysOfSupply } : {}),
        },
      });
      continue;
    }
    const margin = line.marginPerUnit;
    if (line.action === 'purchase' && margin !== null && margin < 0 && !o?.buyDespiteLoss) {
      const price = line.product.price ?? 0;
      hold(line, {
        reason: 'unprofitable',
        message: `Each unit loses $${(-margin).toFixed(2)} after cost and fees (price $${price.toFixed(2)}): ${fmt(qty)} not bought.`,
        figures: {
          quantity: qty,
          marginPerUnit: margin,
          price,
          marginRate: price > 0 ? round2(margin / price) : 0,
        },
      });
      continue;
    }
  }
}

/**
 * After the capacity fit: every row that asks for less than unconstrained, or for nothing while its
 * alert says act now, and has no reason yet gets one — capacity, hub stock short (the rest follows by
 * transfer), need already covered (inbound, or the network for a hub), or the seller's settings.
 */
export function explainHeldBack(lines: readonly PlanLine[]): void {
  const hubPurchase = new Map<number, PlanLine>();
  for (const line of lines) if (line.echelon) hubPurchase.set(line.product.id, line);
  for (const line of lines) {
    if (line.heldBack) continue;
    const qty = line.rec.recommendedQuantity;
    const actNow = line.position.alert !== null && ACT_NOW.has(line.position.alert);
    if (!(qty < line.unconstrained || (actNow && qty === 0))) continue;
    line.heldBack = reasonOf(line, hubPurchase.get(line.product.id));
  }
}

function reasonOf(line: PlanLine, hubLine: PlanLine | undefined): HeldBack {
  const hubHeld = hubLine?.heldBack ?? null;
  const qty = line.rec.recommendedQuantity;
  const p = line.position;
  const cap = line.capacity;
  if (cap && cap.cutQuantity > 0) {
    return {
      reason: 'capacity',
      message: `${fmt(cap.cutQuantity)} of ${fmt(cap.unconstrainedQuantity)} units do not fit the free ${cap.storageType} space at ${p.location} (they earn $${cap.profitPerCubicFoot.toFixed(2)} per cubic foot, less than those kept)${line.action === 'transfer' && line.source ? `; they wait at ${line.source}` : ''}.`,
      figures: {
        unconstrainedQuantity: cap.unconstrainedQuantity,
        plannedQuantity: qty,
        cutQuantity: cap.cutQuantity,
        profitPerCubicFoot: cap.profitPerCubicFoot,
      },
    };
  }
  if (line.action === 'transfer' && qty < line.unconstrained) {
    const rest = line.unconstrained - qty;
    if (hubHeld)
      return {
        reason: hubHeld.reason,
        message: `${line.source ?? 'The hub'} has too little available to send all ${fmt(line.unconstrained)}, and its purchase is held back: ${hubHeld.message}`,
        figures: { unconstrainedQuantity: line.unconstrained, plannedQuantity: qty, ...hubHeld.figures },
      };
    if (hubLine && !hubLine.supplier)
      return {
        reason: 'no_supplier',
        message: `${line.source ?? 'The hub'} has too little available to send all ${fmt(line.unconstrained)}, and no supplier sells this SKU to buy the other ${fmt(rest)}.`,
        figures: { unconstrainedQuantity: line.unconstrained, plannedQuantity: qty, missingQuantity: rest },
      };
    return {
      reason: 'covered_by_transfer',
      message: `${line.source ?? 'The hub'} has too little available to send all ${fmt(line.unconstrained)}: ${fmt(rest)} follow by transfer once its purchase arrives.`,
      figures: { unconstrainedQuantity: line.unconstrained, plannedQuantity: qty, followingQuantity: rest },
    };
  }
  const e = line.echelon;
  if (e) {
    return {
      reason: 'covered_by_transfer',
      message: `${p.location} buys for the network: ${fmt(Math.max(0, e.available))} available + ${fmt(e.inbound)} inbound across it cover ${e.daysOfSupply === null ? 'its demand' : `${fmt(e.daysOfSupply)} days`}, so nothing is bought now; move stock to ${p.location} by transfer if it must sell here.`,
      figures: {
        echelonAvailable: e.available,
        echelonInbound: e.inbound,
        ...(e.daysOfSupply !== null ? { echelonDaysOfSupply: e.daysOfSupply } : {}),
      },
    };
  }
  if (p.inbound > 0) {
    return {
      reason: 'covered_by_transfer',
      message: `${fmt(p.inbound)} units already on their way to ${p.location} reach the order-up-to level of ${fmt(line.rec.orderUpTo)}: nothing more to ${line.action === 'transfer' ? 'send' : 'order'} now.`,
      figures: { inbound: p.inbound, orderUpTo: line.rec.orderUpTo, available: p.available },
    };
  }
  return {
    reason: 'seller_setting',
    message: `The order-up-to level (${fmt(line.rec.orderUpTo)} units at a ${(line.rec.serviceLevel * 100).toFixed(1)}% service level${line.setting ? ', from your settings' : ''}) is already reached by ${fmt(Math.max(0, p.available) + p.inbound)} units on hand and inbound.`,
    figures: {
      orderUpTo: line.rec.orderUpTo,
      serviceLevel: line.rec.serviceLevel,
      dailyDemand: p.dailyDemand,
    },
  };
}

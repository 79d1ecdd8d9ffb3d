/** Shared by the replenishment integration tests: a steady sales history in the ledger, and a restock line as the API returns it. */
import type { LedgerEntry } from '../../src/ledger/ledger.service';
import type { Stockwise } from '../../src/stockwise';
import { dayAt } from '../support/days';
import type { TestAccount } from '../support/factories';

export interface RestockItem {
  sku: string;
  location: string;
  recommendedQuantity: number;
  unconstrainedQuantity: number;
  casePack: number;
  moq: number;
  alert: string | null;
  orderByDate: string | null;
  shipDate: string | null;
  daysOfSupply: number | null;
  supplier: string | null;
  reasoning: { summary: string; capacity: { cutQuantity: number; profitPerCubicFoot: number } | null };
}

/** A moment on the day `offset` days from today, never in the future. */
export const day = dayAt;

/** 60 days of steady sales: a receipt, then `perDay` units shipped daily (stopping when stock runs out). */
export async function seedHistory(
  sw: Stockwise,
  account: TestAccount,
  s: { sku: string; location: string; received: number; perDay: number },
) {
  const entries: LedgerEntry[] = [
    {
      sku: s.sku,
      location: s.location,
      request: { type: 'receipt', quantity: s.received, unitCost: 4 },
      occurredAt: day(-61),
    },
  ];
  let left = s.received;
  for (let d = -60; d < 0; d++) {
    const q = Math.min(left, s.perDay);
    if (q <= 0) break;
    left -= q;
    entries.push({
      sku: s.sku,
      location: s.location,
      request: { type: 'shipment', quantity: q },
      occurredAt: day(d),
      unitPrice: 20,
      channel: 'amazon',
    });
  }
  await sw.ledger.post(account.actor, entries);
}

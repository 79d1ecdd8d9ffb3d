import type {
  LedgerEventTotal,
  ReconcileLine,
  ReconcileLocation,
} from '@stockwise/domain/channels/amazon/reconciliation';
import {
  locationOfEvent,
  locationOfReimbursement,
  reconcileSku,
} from '@stockwise/domain/channels/amazon/reconciliation';
import { amazonMarketplace, marketplaceCurrency } from '@stockwise/domain/channels/amazon/marketplaces';
import { DomainError } from '@stockwise/domain/errors';
import type { CurrencyTotals } from '@stockwise/domain/reports/money';
import { convertedTotal, totalsByCurrency } from '@stockwise/domain/reports/money';
import { amazonInventoryRepository } from '@stockwise/db/channels/amazon-inventory.repository';
import type { DayWindow } from '@stockwise/db/channels/amazon-reconciliation.repository';
import { amazonReconciliationRepository } from '@stockwise/db/channels/amazon-reconciliation.repository';
import type { Sql } from '@stockwise/db/database';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { Transactor } from '../../platform/transactor';
import { conversionTable } from '../../reports/conversion';

const TOTALS = ['eligibleUnits', 'eligibleValue', 'reimbursedUnits', 'reimbursedAmount'] as const;
/** The totals that are money (a conversion table converts these; units stay units). */
const MONEY = ['eligibleValue', 'reimbursedAmount'] as const;

export interface Reconciliation {
  /** The Amazon locations reconciled, each with its marketplace and currency (reimbursements are paid in it). */
  locations: { location: string; marketplace: string | null; currency: string | null }[];
  from: string | null;
  to: string | null;
  /** One line per SKU × location, in location then SKU order. */
  items: ReconcileLine[];
  /** Per currency, in currency order: never one sum over currencies. */
  totals: CurrencyTotals<(typeof TOTALS)[number]>[];
  /** With the seller's conversion table: the totals in one currency (none when a currency has no rate). */
  converted?: {
    total: CurrencyTotals<(typeof TOTALS)[number]> | null;
    rates: Record<string, number>;
    missingRates: string[];
  };
  /** Amazon's rows that belong to none of the seller's Amazon locations (an event in another country, a reimbursement in another currency). */
  unplaced: { eventUnits: number; reimbursedUnits: number };
}

interface Placed {
  events: Map<string, Map<string, LedgerEventTotal[]>>;
  reimbursed: Map<string, Map<string, { units: number; amount: number }>>;
  unplaced: Reconciliation['unplaced'];
}

/** Amazon's events and reimbursements of the window, each at the location it belongs to (by SKU). */
async function placeAmazonRows(
  sql: Sql,
  accountId: number,
  window: DayWindow,
  locations: readonly ReconcileLocation[],
): Promise<Placed> {
  const placed: Placed = {
    events: new Map(),
    reimbursed: new Map(),
    unplaced: { eventUnits: 0, reimbursedUnits: 0 },
  };
  const at = <T>(map: Map<string, Map<string, T>>, location: string) =>
    map.get(location) ?? map.set(location, new Map()).get(location)!;
  for (const e of await amazonReconciliationRepository.eventTotals(sql, accountId, window)) {
    const location = locationOfEvent(e.country, locations);
    if (location === null) {
      placed.unplaced.eventUnits += Math.abs(e.quantity);
      continue;
    }
    const bySku = at(placed.events, location);
    const list = bySku.get(e.sku);
    if (list) list.push(e);
    else bySku.set(e.sku, [e]);
  }
  for (const r of await amazonReconciliationRepository.reimbursed(sql, accountId, window)) {
    const location = locationOfReimbursement(r.currency, locations, r.orderLocation);
    if (location === null) {
      placed.unplaced.reimbursedUnits += r.units;
      continue;
    }
    const bySku = at(placed.reimbursed, location);
    const sum = bySku.get(r.sku) ?? { units: 0, amount: 0 };
    bySku.set(r.sku, { units: sum.units + r.units, amount: sum.amount + r.amount });
  }
  return placed;
}

/**
 * Each Amazon location's ledger against Amazon's inventory ledger, summaries and reimbursements, per
 * SKU × location, each line's money in that location's currency (docs/formulas.md, "Amazon reconciliation").
 */
export class AmazonReconciliationService {
  constructor(private readonly tx: Transactor) {}

  async reconcile(
    actor: Actor,
    q: {
      location?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      convertTo?: string | undefined;
      rates?: string | undefined;
    },
  ): Promise<Reconciliation> {
    requirePermission(actor, 'read');
    const table = conversionTable(q);
    const sql = this.tx.sql;
    const all = (await amazonInventoryRepository.fbaLocations(sql, actor.accountId)).map((l) => ({
      ...l,
      currency: marketplaceCurrency(l.marketplace),
    }));
    const scope = q.location ? all.filter((l) => l.code === q.location) : all;
    if (scope.length === 0)
      throw new DomainError(
        'UNKNOWN_LOCATION',
        q.location
          ? `no active amazon_fba location ${q.location}`
          : 'no active amazon_fba location to reconcile',
        { field: 'location' },
      );
    const window: DayWindow = { from: q.from ?? null, to: q.to ?? null };
    // placed among every Amazon location, so one asked for alone gets only what is its own
    const placed = await placeAmazonRows(sql, actor.accountId, window, all);
    const items: ReconcileLine[] = [];
    for (const location of scope) {
      const events = placed.events.get(location.code) ?? new Map<string, LedgerEventTotal[]>();
      const reimbursed =
        placed.reimbursed.get(location.code) ?? new Map<string, { units: number; amount: number }>();
      const returns = await amazonReconciliationRepository.sellerReturns(sql, actor.accountId, {
        ...window,
        locationId: location.id,
      });
      const skus = await amazonReconciliationRepository.skusAt(sql, actor.accountId, {
        locationId: location.id,
        skus: [...new Set([...events.keys(), ...reimbursed.keys()])],
      });
      for (const s of skus) {
        const line = reconcileSku({
          sku: s.sku,
          location: location.code,
          currency: location.currency,
          unitCost: s.unitCost,
          costCurrency: s.currency,
          events: events.get(s.sku) ?? [],
          reimbursed: reimbursed.get(s.sku) ?? { units: 0, amount: 0 },
          ledger: s.onHand === null ? null : { onHand: s.onHand, unfulfillable: s.unfulfillable ?? 0 },
          amazon: s.amazon,
          sellerReturns: returns.get(s.sku) ?? 0,
        });
        if (
          line.flags.length > 0 ||
          line.lost + line.damaged + line.found + line.disposed + line.reimbursedUnits > 0
        )
          items.push(line);
      }
    }
    const totals = totalsByCurrency(
      items.map((l) => ({ ...l, eligibleValue: l.eligibleValue ?? 0 })),
      TOTALS,
    );
    return {
      locations: scope.map((l) => ({
        location: l.code,
        marketplace: amazonMarketplace(l.marketplace)?.code ?? l.marketplace,
        currency: l.currency,
      })),
      from: window.from,
      to: window.to,
      items,
      totals,
      ...(table && { converted: { ...convertedTotal(totals, TOTALS, MONEY, table), rates: table.rates } }),
      unplaced: placed.unplaced,
    };
  }
}

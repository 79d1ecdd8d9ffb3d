import type { ReconcileLine } from '@stockwise/domain/channels/amazon/reconciliation';
import { reconcileSku } from '@stockwise/domain/channels/amazon/reconciliation';
import { amazonMarketplace } from '@stockwise/domain/channels/amazon/marketplaces';
import { DomainError } from '@stockwise/domain/errors';
import { amazonInventoryRepository } from '@stockwise/db/channels/amazon-inventory.repository';
import type { DayWindow } from '@stockwise/db/channels/amazon-reconciliation.repository';
import { amazonReconciliationRepository } from '@stockwise/db/channels/amazon-reconciliation.repository';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { Transactor } from '../../platform/transactor';

export interface Reconciliation {
  location: string;
  marketplace: string | null;
  /** The marketplace's currency: reimbursements are paid in it. */
  currency: string | null;
  from: string | null;
  to: string | null;
  items: ReconcileLine[];
  totals: { eligibleUnits: number; eligibleValue: number; reimbursedUnits: number; reimbursedAmount: number };
}

/** The Amazon location's ledger against Amazon's inventory ledger, summaries and reimbursements, per SKU. */
export class AmazonReconciliationService {
  constructor(private readonly tx: Transactor) {}

  async reconcile(
    actor: Actor,
    q: { location?: string | undefined; from?: string | undefined; to?: string | undefined },
  ): Promise<Reconciliation> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const locations = await amazonInventoryRepository.fbaLocations(sql, actor.accountId);
    const location = q.location ? locations.find((l) => l.code === q.location) : locations[0];
    if (!location)
      throw new DomainError(
        'UNKNOWN_LOCATION',
        q.location
          ? `no active amazon_fba location ${q.location}`
          : 'no active amazon_fba location to reconcile',
        { field: 'location' },
      );
    const window: DayWindow = { from: q.from ?? null, to: q.to ?? null };
    const events = await amazonReconciliationRepository.eventTotals(sql, actor.accountId, window);
    // reimbursements paid in another currency are another marketplace's: never added to this one's
    const currency = amazonMarketplace(location.marketplace)?.currency ?? null;
    const reimbursed = await amazonReconciliationRepository.reimbursed(sql, actor.accountId, {
      ...window,
      currency,
    });
    const returns = await amazonReconciliationRepository.sellerReturns(sql, actor.accountId, {
      ...window,
      locationId: location.id,
    });
    const skus = await amazonReconciliationRepository.skusAt(sql, actor.accountId, {
      locationId: location.id,
      skus: [...new Set([...events.keys(), ...reimbursed.keys()])],
    });
    const items = skus
      .map((s) =>
        reconcileSku({
          sku: s.sku,
          unitCost: s.unitCost,
          events: events.get(s.sku) ?? [],
          reimbursed: reimbursed.get(s.sku) ?? { units: 0, amount: 0 },
          ledger: s.onHand === null ? null : { onHand: s.onHand, unfulfillable: s.unfulfillable ?? 0 },
          amazon: s.amazon,
          sellerReturns: returns.get(s.sku) ?? 0,
        }),
      )
      .filter((l) => l.flags.length > 0 || l.lost + l.damaged + l.found + l.disposed + l.reimbursedUnits > 0);
    const marketplace = amazonMarketplace(location.marketplace);
    const sum = (f: (l: ReconcileLine) => number) =>
      Math.round(items.reduce((s, l) => s + f(l), 0) * 100) / 100;
    return {
      location: location.code,
      marketplace: marketplace?.code ?? location.marketplace,
      currency: marketplace?.currency ?? null,
      from: window.from,
      to: window.to,
      items,
      totals: {
        eligibleUnits: sum((l) => l.eligibleUnits),
        eligibleValue: sum((l) => l.eligibleValue ?? 0),
        reimbursedUnits: sum((l) => l.reimbursedUnits),
        reimbursedAmount: sum((l) => l.reimbursedAmount),
      },
    };
  }
}

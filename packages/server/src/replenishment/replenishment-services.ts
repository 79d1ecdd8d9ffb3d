import type { LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { CachedPlanningService } from './cached-planning.service';
import { ProjectionService } from './projection.service';
import { PurchaseOrdersService } from './purchase-orders.service';
import { RestockService } from './restock.service';
import { SuppliersService } from './suppliers.service';
import { TransferDraftsService } from './transfers/transfer-drafts.service';

/** Replenishment (issue 5): suppliers, restock recommendations, purchase orders. */
export interface ReplenishmentServices {
  /** The one planning position and the network plan (issue 12), cached per planning version. */
  planning: CachedPlanningService;
  suppliers: SuppliersService;
  restock: RestockService;
  /** A SKU's stock projection at a location (issue 17). */
  projection: ProjectionService;
  purchaseOrders: PurchaseOrdersService;
  /** Saved transfer (send-to-Amazon) shipment drafts (issue 17). */
  transferDrafts: TransferDraftsService;
}

export function createReplenishmentServices(deps: {
  tx: Transactor;
  ledger: LedgerService;
}): ReplenishmentServices {
  const planning = new CachedPlanningService(deps.tx);
  const restock = new RestockService(deps.tx, planning);
  return {
    planning,
    suppliers: new SuppliersService(deps.tx),
    restock,
    projection: new ProjectionService(deps.tx, planning),
    purchaseOrders: new PurchaseOrdersService(deps.tx, { ledger: deps.ledger, restock }),
    transferDrafts: new TransferDraftsService(deps.tx),
  };
}

import type { LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { PurchaseOrdersService } from './purchase-orders.service';
import { RestockService } from './restock.service';
import { SuppliersService } from './suppliers.service';

/** Replenishment (issue 5): suppliers, restock recommendations, purchase orders. */
export interface ReplenishmentServices {
  suppliers: SuppliersService;
  restock: RestockService;
  purchaseOrders: PurchaseOrdersService;
}

export function createReplenishmentServices(deps: {
  tx: Transactor;
  ledger: LedgerService;
}): ReplenishmentServices {
  const restock = new RestockService(deps.tx);
  return {
    suppliers: new SuppliersService(deps.tx),
    restock,
    purchaseOrders: new PurchaseOrdersService(deps.tx, { ledger: deps.ledger, restock }),
  };
}

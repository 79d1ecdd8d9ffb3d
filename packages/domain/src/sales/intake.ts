import type { OrderChannel } from './order-state';
import type { Fulfilment } from './order-sources';

/** One order line as every intake path (API, webhook, SP-API, flat file, CSV) delivers it. */
export interface IntakeLine {
  sku: string;
  quantity: number;
  /** Price per unit in the order's currency, null when the channel did not say. */
  unitPrice: number | null;
  externalLineId: string | null;
}

/** An order in channel-neutral form, before SKUs are resolved. */
export interface OrderIntake {
  channel: OrderChannel;
  externalId: string;
  orderedAt: Date | null;
  currency: string | null;
  lines: IntakeLine[];
  /** Channel lines that carried no SKU (gift cards, tips, custom items): kept, not stocked. */
  unmapped: unknown[];
  /** Who ships it, when the channel says (Amazon's FulfillmentChannel): where it may draw from. */
  fulfilment?: Fulfilment | null | undefined;
  /** The marketplace it was sold in (Amazon's MarketplaceId), when the channel says. */
  marketplace?: string | null | undefined;
}

/** A refund or return reported by a channel: units per line (or SKU) and what happens to them. */
export interface IntakeRefundLine {
  externalLineId: string | null;
  sku: string | null;
  quantity: number;
  /** 'return': units come back sellable; 'cancel': unshipped units are released; 'none': money only. */
  restock: 'return' | 'cancel' | 'none';
}

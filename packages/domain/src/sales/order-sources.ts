import { amazonMarketplace } from '../channels/amazon/marketplaces';
import type { OrderChannel } from './order-state';

/** Who ships an order: Amazon from its fulfilment centres (AFN, FBA) or the seller (MFN). */
export type Fulfilment = 'AFN' | 'MFN';

export type SourceLocationType = 'warehouse' | 'amazon_fba' | '3pl';

/** The facts about a location that decide whether an order may draw from it. */
export interface SourceLocation {
  id: number;
  type: SourceLocationType;
  /** An Amazon location's marketplace (code or SP-API id), null when none is set. */
  marketplace: string | null;
  /** Channels whose connection names this location as the one they ship from. */
  channels: readonly OrderChannel[];
  /**
   * When Amazon's figures for this location were last read (the latest FBA inventory summary the sync
   * saved here), null when they never were.
   */
  stockKnownAt?: Date | null | undefined;
}

/** What is known of an order's source: its channel, who fulfils it and in which marketplace. */
export interface OrderSourceFacts {
  channel: OrderChannel;
  fulfilment?: Fulfilment | null | undefined;
  marketplace?: string | null | undefined;
}

/** Location types an order of this channel draws from first, before the rest (fulfilment not known). */
const TYPE_PREFERENCE: Record<OrderChannel, readonly SourceLocationType[]> = {
  amazon: ['amazon_fba', 'warehouse', '3pl'],
  shopify: ['warehouse', '3pl', 'amazon_fba'],
  manual: ['warehouse', '3pl', 'amazon_fba'],
  other: ['warehouse', '3pl', 'amazon_fba'],
};

/** An order the seller ships: their own locations first, Amazon's last. */
const OWN_FIRST: readonly SourceLocationType[] = ['warehouse', '3pl', 'amazon_fba'];

const marketplaceKey = (m: string | null | undefined) =>
  amazonMarketplace(m)?.marketplaceId ?? (m ? m.trim().toUpperCase() : null);

/**
 * The locations an order may draw its units from, best first (docs/decisions.md 47). An order Amazon
 * fulfils (AFN) draws only from Amazon locations of its marketplace — those set to another marketplace
 * never, one with no marketplace set only when none is set to the order's (an account with one Amazon
 * location rarely sets it); its units are in Amazon's centres, nowhere else. An order the seller ships
 * (MFN) draws from the seller's own locations (warehouse, 3PL) first, even when the channel's connection
 * names an Amazon location, and an Amazon location last. Without
 * a fulfilment (an API order, a file without the column), the channel's type preference as before. Within
 * that, the locations the channel's connection names come first, then by type, then by id.
 *
 * @example orderSources({ channel: 'amazon', fulfilment: 'AFN', marketplace: 'DE' }, locations) // the DE FBA location only
 */
export function orderSources(order: OrderSourceFacts, locations: readonly SourceLocation[]): number[] {
  let candidates: readonly SourceLocation[] = locations;
  let types = TYPE_PREFERENCE[order.channel];
  if (order.fulfilment === 'AFN') {
    const amazon = locations.filter((l) => l.type === 'amazon_fba');
    const wanted = marketplaceKey(order.marketplace);
    const own = amazon.filter((l) => wanted !== null && marketplaceKey(l.marketplace) === wanted);
    candidates =
      wanted === null ? amazon : own.length > 0 ? own : amazon.filter((l) => l.marketplace === null);
  } else if (order.fulfilment === 'MFN') types = OWN_FIRST;
  // The seller's own before Amazon's, even where the channel's connection names an Amazon location.
  const own = (l: SourceLocation) => Number(order.fulfilment === 'MFN' && l.type !== 'amazon_fba');
  const configured = (l: SourceLocation) => Number(l.channels.includes(order.channel));
  return [...candidates]
    .sort(
      (a, b) =>
        own(b) - own(a) ||
        configured(b) - configured(a) ||
        types.indexOf(a.type) - types.indexOf(b.type) ||
        a.id - b.id,
    )
    .map((l) => l.id);
}

/**
 * Whether a new order Amazon has already shipped is sales history only (docs/decisions.md 47): an AFN
 * order that left before Amazon's figures for the location it ships from were last read. Amazon's
 * inventory summary at that instant already excludes its units, and the ledger there equals the
 * summary, so shipping it again would take its units twice; it counts as demand on its ship day and
 * moves no stock. Returns the location it is recorded at, or null when the order ships through the
 * ledger (any other order, one shipped after the figures were read, or a location never read).
 */
export function shippedBeforeStockKnown(
  order: OrderSourceFacts & { shippedAt: Date },
  locations: readonly SourceLocation[],
): number | null {
  if (order.fulfilment !== 'AFN') return null;
  const [first] = orderSources(order, locations);
  const location = locations.find((l) => l.id === first);
  const knownAt = location?.stockKnownAt ?? null;
  if (!location || knownAt === null) return null;
  return order.shippedAt.getTime() < knownAt.getTime() ? location.id : null;
}

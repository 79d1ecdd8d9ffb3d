/**
 * The two stock networks (docs/vocabulary.md#age-layers-fifo): Amazon's fulfilment centres and the seller's
 * own warehouses and 3PLs. Amazon ages a unit from its arrival at Amazon; the seller's age runs from
 * the seller's receipt and survives every transfer.
 */
export type Network = 'amazon' | 'seller';

/** Location types that are Amazon's network (what Amazon's figures count: IPI, fees, age). */
export const AMAZON_LOCATION_TYPES = ['amazon_fba'] as const;

/** The network of a location type: `amazon_fba` is Amazon's, `warehouse` and `3pl` the seller's. */
export function networkOf(locationType: string): Network {
  return (AMAZON_LOCATION_TYPES as readonly string[]).includes(locationType) ? 'amazon' : 'seller';
}

/** The two dates of an age layer: the seller's receipt and the arrival at the layer's network. */
export interface LayerDates {
  receivedAt: Date;
  arrivedAt: Date;
}

/**
 * The dates of a layer carried by a transfer made at `at`: the seller's receipt always survives; the
 * arrival survives a move within one network and restarts at the transfer when it crosses networks.
 * @example carriedDates({ receivedAt: d200, arrivedAt: d200 }, { from: 'seller', to: 'amazon', at: today }) // { receivedAt: d200, arrivedAt: today }
 */
export function carriedDates(layer: LayerDates, move: { from: Network; to: Network; at: Date }): LayerDates {
  return {
    receivedAt: layer.receivedAt,
    arrivedAt: move.from === move.to ? layer.arrivedAt : move.at,
  };
}

/**
 * FIFO order of the layers at one location: by arrival at the network, then the seller's receipt
 * (Amazon ships and ages its oldest arrivals first; docs/vocabulary.md#age-layers-fifo).
 */
export function fifoOrder(a: LayerDates, b: LayerDates): number {
  return a.arrivedAt.getTime() - b.arrivedAt.getTime() || a.receivedAt.getTime() - b.receivedAt.getTime();
}

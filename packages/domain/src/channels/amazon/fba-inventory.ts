import { DomainError } from '../../errors';
import type { MovementRequest } from '../../ledger/movement-rules';
import { arr, int, obj, optStr } from '../read';
import { reconcileFba } from './amazon-payloads';

/** Amazon's FBA quantities of one SKU in one marketplace (getInventorySummaries with details=true). */
export interface FbaSummary {
  sku: string;
  fnsku: string | null;
  asin: string | null;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: number;
  researching: number;
  unfulfillable: number;
}

export type FbaQuantities = Omit<FbaSummary, 'sku' | 'fnsku' | 'asin'>;

const QUANTITIES: readonly (keyof FbaQuantities)[] = [
  'fulfillable',
  'inboundWorking',
  'inboundShipped',
  'inboundReceiving',
  'reserved',
  'researching',
  'unfulfillable',
];

/**
 * One page of getInventorySummaries (FBA Inventory v1): `payload.inventorySummaries[].inventoryDetails`
 * and `pagination.nextToken`. Rows of one SKU in several conditions are summed. A summary without
 * details (details=false) counts its totalQuantity as fulfillable.
 */
export function amazonInventorySummaries(response: unknown): {
  summaries: FbaSummary[];
  nextToken: string | null;
} {
  const body = obj(response, 'response');
  const payload = obj(body['payload'], 'payload');
  const pagination =
    typeof body['pagination'] === 'object' && body['pagination'] !== null ? body['pagination'] : {};
  const bySku = new Map<string, FbaSummary>();
  arr(payload['inventorySummaries'], 'payload.inventorySummaries').forEach((raw, i) => {
    const at = `payload.inventorySummaries.${i}`;
    const s = obj(raw, at);
    const sku = optStr(s['sellerSku']);
    if (!sku) return;
    const d =
      s['inventoryDetails'] === undefined ? null : obj(s['inventoryDetails'], `${at}.inventoryDetails`);
    const total = (v: unknown, key: string, field: string) =>
      v === undefined || v === null
        ? 0
        : int(obj(v, `${at}.inventoryDetails.${field}`)[key] ?? 0, `${at}.inventoryDetails.${field}.${key}`);
    const n = (key: string) => (d?.[key] === undefined ? 0 : int(d[key], `${at}.inventoryDetails.${key}`));
    const row: FbaSummary = {
      sku,
      fnsku: optStr(s['fnSku']),
      asin: optStr(s['asin']),
      fulfillable: d ? n('fulfillableQuantity') : int(s['totalQuantity'] ?? 0, `${at}.totalQuantity`),
      inboundWorking: n('inboundWorkingQuantity'),
      inboundShipped: n('inboundShippedQuantity'),
      inboundReceiving: n('inboundReceivingQuantity'),
      reserved: total(d?.['reservedQuantity'], 'totalReservedQuantity', 'reservedQuantity'),
      researching: total(d?.['researchingQuantity'], 'totalResearchingQuantity', 'researchingQuantity'),
      unfulfillable: total(
        d?.['unfulfillableQuantity'],
        'totalUnfulfillableQuantity',
        'unfulfillableQuantity',
      ),
    };
    const seen = bySku.get(sku);
    if (seen) for (const q of QUANTITIES) seen[q] += row[q];
    else bySku.set(sku, row);
  });
  return {
    summaries: [...bySku.values()],
    nextToken: optStr((pagination as Record<string, unknown>)['nextToken']),
  };
}

/** Where a movement of the FBA sync comes from: the quantity of Amazon's summary it follows. */
export type FbaSyncSource =
  | 'sellable'
  | 'unfulfillable'
  | 'inbound-working'
  | 'inbound-shipped'
  | 'inbound-receiving'
  | 'inbound-difference';

/** The ledger's buckets of one SKU at the Amazon location. */
export interface FbaLedgerBuckets {
  onHand: number;
  inbound: number;
  unfulfillable: number;
}

/**
 * The ledger movements that make one SKU's buckets at the Amazon location follow Amazon's summary
 * (docs/formulas.md, "FBA inventory sync") — never an overwrite:
 * - on hand → fulfillable + reserved (Amazon's sellable units, as the Manage Inventory import): a
 *   'count' adjustment of the difference; researching units are out of it until Amazon finds them;
 * - unfulfillable → Amazon's unfulfillable: 'damaged' adjustment up, removal of unfulfillable down;
 * - inbound → working + shipped + receiving: one 'inbound' movement per stage by how far that stage
 *   moved since the last sync (`previous`), and an 'inbound-difference' for what the ledger still lacks.
 * Increases come first, so the inbound bucket never dips below zero between lines.
 *
 * @example planFbaSync({ summary: { fulfillable: 66, inboundWorking: 21, … }, ledger: { onHand: 0, inbound: 0, unfulfillable: 0 }, previous: null })
 * // [{ source: 'sellable', request: { type: 'adjustment', quantity: 66, reason: 'count' } }, { source: 'inbound-working', request: { type: 'inbound', quantity: 21 } }]
 */
export function planFbaSync(a: {
  summary: FbaQuantities;
  ledger: FbaLedgerBuckets;
  previous: FbaQuantities | null;
}): { source: FbaSyncSource; request: MovementRequest }[] {
  const out: { source: FbaSyncSource; request: MovementRequest }[] = [];
  const { adjustment } = reconcileFba(a.ledger.onHand, a.summary.fulfillable + a.summary.reserved);
  if (adjustment !== 0)
    out.push({ source: 'sellable', request: { type: 'adjustment', quantity: adjustment, reason: 'count' } });
  const damaged = a.summary.unfulfillable - a.ledger.unfulfillable;
  if (damaged > 0)
    out.push({
      source: 'unfulfillable',
      request: { type: 'adjustment', quantity: damaged, reason: 'damaged' },
    });
  if (damaged < 0)
    out.push({
      source: 'unfulfillable',
      request: { type: 'removal', quantity: -damaged, from: 'unfulfillable' },
    });
  const stages: [FbaSyncSource, keyof FbaQuantities][] = [
    ['inbound-working', 'inboundWorking'],
    ['inbound-shipped', 'inboundShipped'],
    ['inbound-receiving', 'inboundReceiving'],
  ];
  const inbound: { source: FbaSyncSource; quantity: number }[] = stages.map(([source, key]) => ({
    source,
    quantity: a.summary[key] - (a.previous?.[key] ?? 0),
  }));
  const target = a.summary.inboundWorking + a.summary.inboundShipped + a.summary.inboundReceiving;
  const staged = inbound.reduce((s, m) => s + m.quantity, 0);
  inbound.push({ source: 'inbound-difference', quantity: target - a.ledger.inbound - staged });
  for (const m of inbound.filter((x) => x.quantity !== 0).sort((x, y) => y.quantity - x.quantity))
    out.push({ source: m.source, request: { type: 'inbound', quantity: m.quantity } });
  return out;
}

/**
 * When an imported Manage FBA Inventory report was taken (docs/decisions.md 53): the instant the seller
 * gives, else now. A read in the future cannot be, nor one that is not an instant.
 * @example inventoryReadAt(undefined, now) // now; inventoryReadAt('2024-05-10T06:00:00Z', now) // that instant
 */
export function inventoryReadAt(readAt: string | undefined, now: Date): Date {
  if (readAt === undefined) return now;
  const at = new Date(readAt);
  if (Number.isNaN(at.getTime()))
    throw new DomainError(
      'VALIDATION_FAILED',
      `readAt must be an instant like 2024-05-10T06:00:00Z, got "${readAt}"`,
      {
        field: 'readAt',
      },
    );
  if (at.getTime() > now.getTime())
    throw new DomainError(
      'VALIDATION_FAILED',
      `readAt ${readAt} is in the future: when was the report taken?`,
      {
        field: 'readAt',
      },
    );
  return at;
}

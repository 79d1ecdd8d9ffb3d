import { planRedates } from '@stockwise/domain/imports/fba-shipments';
import type { StagedRow } from '@stockwise/db/imports/imports.repository';
import type {
  HistoryLotRecord,
  HistoryRedate,
  ShippedLotRecord,
} from '@stockwise/db/imports/fba-shipments.repository';
import { fbaShipmentsRepository } from '@stockwise/db/imports/fba-shipments.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import type { ShipmentRedate } from '../../ledger/shipment-redate';
import { redateShipments } from '../../ledger/shipment-redate';
import type { ImportApplier } from './apply-context';
import { stagedGroups } from './apply-context';
import type { FileOrder } from './order-replay';
import { iterate, replayOrdersInSets } from './order-sets';

const str = (v: unknown): string => String(v);
const amazonKey = (externalId: string) => `amazon\u0000${externalId}`;

/** A new order of the report, as the All Orders import takes one: shipped at its earliest shipment. */
const fileOrder = (first: Record<string, unknown>): FileOrder => ({
  intake: {
    channel: 'amazon',
    externalId: str(first['amazonOrderId']),
    orderedAt: new Date(str(first['purchaseDate'])),
    fulfilment: first['fulfillmentChannel'] === 'MFN' ? 'MFN' : 'AFN',
    marketplace: typeof first['marketplace'] === 'string' ? first['marketplace'] : null,
  },
  disposition: 'ship',
  shippedAt: new Date(str(first['orderShippedAt'])),
});

/**
 * One order's shipment items as one line per SKU (units summed, price weighted by units), each row
 * carrying the order's earliest shipment instant: the order is taken in shipped whole at it, and its later
 * items are re-dated after.
 */
function asOrder(group: readonly StagedRow[]): StagedRow[] {
  const first = group.reduce((a, r) => (str(r.data['shippedAt']) < a ? str(r.data['shippedAt']) : a), '~');
  const bySku = new Map<string, StagedRow>();
  for (const r of group) {
    const sku = str(r.data['sku']);
    const seen = bySku.get(sku);
    if (!seen) {
      bySku.set(sku, { ...r, data: { ...r.data, orderShippedAt: first } });
      continue;
    }
    const q0 = Number(seen.data['quantity']);
    const q1 = Number(r.data['quantity']);
    const p0 = seen.data['unitPrice'];
    const p1 = r.data['unitPrice'];
    seen.data['quantity'] = q0 + q1;
    seen.data['unitPrice'] =
      p0 === null || p1 === null
        ? null
        : Math.round(((Number(p0) * q0 + Number(p1) * q1) / (q0 + q1)) * 1e4) / 1e4;
  }
  return [...bySku.values()];
}

type AnyLot = (ShippedLotRecord & { demandOnly: false }) | (HistoryLotRecord & { demandOnly: true });

/**
 * The re-dating moves that put each order's and SKU's shipped units at the report's instants: of the
 * ledger's shipments, and of a demand-only order's lines (decision 47), which moved no stock.
 */
function redates(rows: readonly StagedRow[], lots: readonly AnyLot[]) {
  const targets = new Map<string, { at: number; units: number }[]>();
  for (const r of rows) {
    const key = `${str(r.key)}\u0000${str(r.data['sku'])}`;
    const list = targets.get(key) ?? [];
    list.push({ at: new Date(str(r.data['shippedAt'])).getTime(), units: Number(r.data['quantity']) });
    targets.set(key, list);
  }
  const lotsOf = new Map<string, AnyLot[]>();
  for (const l of lots) {
    const key = `${l.externalId}\u0000${l.sku}`;
    lotsOf.set(key, [...(lotsOf.get(key) ?? []), l]);
  }
  const ledger: ShipmentRedate[] = [];
  const history: HistoryRedate[] = [];
  let unmatched = 0;
  for (const [key, wanted] of targets) {
    const plan = planRedates(lotsOf.get(key) ?? [], wanted);
    unmatched += plan.unmatched;
    for (const { lot, to, units } of plan.moves) {
      if (lot.demandOnly) {
        history.push({ lot, to: new Date(to), units });
        continue;
      }
      ledger.push({
        orderId: lot.orderId,
        productId: lot.productId,
        locationId: lot.locationId,
        from: new Date(lot.at),
        to: new Date(to),
        units,
        unitCost: lot.unitCost,
        unitPrice: lot.unitPrice,
        channel: lot.channel,
      });
    }
  }
  return { ledger, history, unmatched };
}

/**
 * Amazon's Fulfilled Shipments report (docs/decisions.md 53): each shipment item once per account. An
 * order Stockwise does not have is taken in as the All Orders import takes a shipped one (where it may
 * draw from, history before Amazon's figures were read: decision 47); then every order's shipped units are
 * re-dated, by a correcting pair of ledger movements, to the report's shipment instants.
 */
export const applyAmazonShipmentsImport: ImportApplier = async (ctx) => {
  const { sql, actor } = ctx;
  const groups: StagedRow[][] = [];
  for await (const group of ctx.groups ?? stagedGroups(sql, ctx.importId)) groups.push(group);
  const all = groups.flat();
  const seen = await fbaShipmentsRepository.knownItems(
    sql,
    actor.accountId,
    all.map((r) => str(r.data['shipmentItemId'])),
  );
  let already = 0;
  const taken = groups
    .map((g) =>
      g.filter((r) => {
        // An item taken in before, or twice in this file, is taken once.
        const id = str(r.data['shipmentItemId']);
        if (seen.has(id)) {
          already += 1;
          return false;
        }
        seen.add(id);
        return true;
      }),
    )
    .filter((g) => g.length > 0);
  const keys = taken.map((g) => ({ channel: 'amazon' as const, externalId: str(g[0]!.key) }));
  const before = await ordersRepository.existingExternal(sql, actor.accountId, keys);
  const fresh = taken.filter((g) => !before.has(amazonKey(str(g[0]!.key))));
  const created = await replayOrdersInSets({ ...ctx, groups: iterate(fresh.map(asOrder)) }, fileOrder);
  const after = await ordersRepository.existingExternal(sql, actor.accountId, keys);
  const kept = taken.filter((g) => after.has(amazonKey(str(g[0]!.key))));
  const rows = kept.flat();
  const which = {
    externalIds: kept.map((g) => str(g[0]!.key)),
    skus: [...new Set(rows.map((r) => str(r.data['sku'])))],
  };
  const lots: AnyLot[] = [
    ...(await fbaShipmentsRepository.shippedLots(sql, actor.accountId, which)).map((l) => ({
      ...l,
      demandOnly: false as const,
    })),
    ...(await fbaShipmentsRepository.historyLots(sql, actor.accountId, which)).map((l) => ({
      ...l,
      demandOnly: true as const,
    })),
  ];
  const { ledger, history, unmatched } = redates(rows, lots);
  await redateShipments(sql, actor, ledger, `Amazon Fulfilled Shipments report, import ${ctx.importId}`);
  await fbaShipmentsRepository.redateHistory(sql, actor.accountId, history);
  const recorded = await fbaShipmentsRepository.recordItems(
    sql,
    actor.accountId,
    ctx.importId,
    rows.map((r) => ({
      shipmentItemId: str(r.data['shipmentItemId']),
      amazonOrderId: str(r.key),
      sku: str(r.data['sku']),
      quantity: Number(r.data['quantity']),
      shippedAt: str(r.data['shippedAt']),
    })),
  );
  ctx.progress(all.length);
  return {
    ...created,
    shipmentItems: recorded,
    shipmentItemsAlreadyImported: already,
    unitsRedated: ledger.reduce((s, m) => s + m.units, 0),
    historyUnitsRedated: history.reduce((s, m) => s + m.units, 0),
    unitsNotInLedger: unmatched,
  };
};

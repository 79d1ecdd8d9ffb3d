import { generateDemoSeller } from '@stockwise/domain/demo/generate';
import type { DemoEvent, DemoSeller } from '@stockwise/domain/demo/types';
import { DomainError } from '@stockwise/domain/errors';
import type { ReplayEntry } from '@stockwise/domain/ledger/replay';
import { networkOf } from '@stockwise/domain/ledger/network';
import { replayLedger } from '@stockwise/domain/ledger/replay';
import { withIndexesRebuilt } from '@stockwise/db/bulk';
import { ageLayersRepository } from '@stockwise/db/ledger/age-layers.repository';
import { ledgerRepository } from '@stockwise/db/ledger/ledger.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { loadDemoChannels } from './demo-channels';
import { loadDemoPurchasing } from './demo-purchasing';
import type { Actor } from '../accounts/actor';
import type { Stockwise } from '../stockwise';
import { demoMoment } from './demo-moment';

export const DEMO_LOGIN = { email: 'demo@stockwise.dev', password: 'stockwise-demo' } as const;
export const DEMO_ACCOUNT = 'Demo Seller (Lumen Home Goods)';

export interface DemoLoadResult {
  accountName: string;
  email: string;
  password: string;
  products: number;
  locations: number;
  movements: number;
  asOf: string;
}

const at = demoMoment;

function toRequest(event: DemoEvent): ReplayEntry['request'] {
  switch (event.kind) {
    case 'receipt':
      return { type: 'receipt', quantity: event.quantity, unitCost: event.unitCost };
    case 'sale':
      return { type: 'shipment', quantity: event.quantity };
    case 'transfer':
      return { type: 'transfer', quantity: event.quantity };
    case 'return':
      return {
        type: 'return',
        quantity: event.quantity,
        condition: event.sellable ? 'sellable' : 'unfulfillable',
      };
    case 'adjustment':
      return { type: 'adjustment', quantity: event.quantity, reason: event.reason };
  }
}

/**
 * Loads a generated demo seller (two years of history) as a new account with an owner login.
 * The history goes through the same ledger rules as live writes, replayed in memory and
 * bulk-inserted in one transaction, so a crash leaves no half-loaded demo.
 */
export async function loadDemoSeller(
  sw: Stockwise,
  options: {
    seed?: number;
    asOf?: string;
    skuCount?: number;
    onProgress?: (fraction: number, message: string) => void;
  } = {},
): Promise<DemoLoadResult> {
  const progress = options.onProgress ?? (() => undefined);
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  progress(0.05, 'generating two years of sales');
  const seller = generateDemoSeller({
    seed: options.seed ?? 42,
    asOf,
    ...(options.skuCount ? { skuCount: options.skuCount } : {}),
  });
  const member = await sw.auth.createUser(DEMO_ACCOUNT, {
    email: DEMO_LOGIN.email,
    password: DEMO_LOGIN.password,
    role: 'owner',
    name: 'Demo Owner',
  });
  const actor: Actor = {
    accountId: member.accountId,
    userId: member.userId,
    role: 'owner',
    tokenId: null,
    sessionId: null,
  };
  // The replay is pure and, for a large seller, long (minutes at 30,000 SKUs): it runs before the
  // transaction, on each product's and location's position in the seller (i → i + 1), so the
  // transaction never sits idle past the database's idle-in-transaction limit; its rows take the real
  // ids once the catalogue exists.
  progress(0.1, 'replaying the ledger');
  const positions = {
    productIds: new Map(seller.products.map((p, i) => [p.sku, i + 1])),
    locationIds: new Map(seller.locations.map((l, i) => [l.code, i + 1])),
    unitCosts: new Map(seller.products.map((p) => [p.sku, p.unitCost])),
  };
  const networks = new Map(seller.locations.map((l, i) => [i + 1, networkOf(l.type)]));
  const replay = replayLedger(toReplayEntries(seller, positions), (id) => networks.get(id) ?? 'seller');
  const movements = await sw.tx.run(async (sql) => {
    const existing = await productsRepository.list(sql, actor.accountId, {
      limit: 1,
      sort: 'sku',
      order: 'asc',
    });
    if (existing && existing.items.length > 0)
      throw new DomainError('CONFLICT', 'the demo account already has products');
    progress(0.2, 'catalogue and locations');
    const { productIds, locationIds } = await createCatalogue(sw, actor, seller);
    const productOf = seller.products.map((p) => productIds.get(p.sku)!);
    const locationOf = seller.locations.map((l) => locationIds.get(l.code)!);
    for (const rows of [replay.movements, replay.layers, replay.balances])
      for (const row of rows) {
        row.productId = productOf[row.productId - 1]!;
        row.locationId = locationOf[row.locationId - 1]!;
      }
    const batchId = await ledgerRepository.insertBatch(sql, {
      accountId: actor.accountId,
      idempotencyKey: `demo:${String(options.seed ?? 42)}`,
      kind: 'demo-load',
      actorUserId: actor.userId,
      actorTokenId: null,
      note: 'demo seller history',
    });
    if (batchId === undefined) throw new DomainError('CONFLICT', 'the demo history is already loaded');
    progress(0.5, `writing ${replay.movements.length} movements`);
    const writeHistory = async () => {
      const ids = await ledgerRepository.bulkInsertMovements(sql, actor.accountId, batchId, replay.movements);
      progress(0.8, 'age layers');
      await ageLayersRepository.bulkInsertLayers(
        sql,
        actor.accountId,
        replay.layers.map((l) => ({ ...l, sourceMovementId: ids[l.movementIndex]! })),
      );
      progress(0.85, 'ledger indexes and balances');
    };
    // The embedded database serves no one else while this transaction runs (its statements wait in one
    // queue), so the ledger's indexes can be built after the history rather than kept up row by row
    // (docs/decisions.md 57). On PostgreSQL that would lock every account's ledger for the whole load.
    if (sw.db.kind === 'pglite')
      await withIndexesRebuilt(
        sql,
        { tables: ['stock_movements', 'age_layers'], rowsAdded: replay.movements.length },
        writeHistory,
      );
    else await writeHistory();
    await ledgerRepository.bulkAddBalances(sql, actor.accountId, replay.balances);
    progress(0.95, 'suppliers and purchase orders');
    await loadDemoPurchasing(sql, { accountId: actor.accountId, seller, productIds, locationIds });
    progress(0.97, 'sales channels and orders');
    await loadDemoChannels(sw, actor, { seller, productIds, locationIds });
    return replay.movements.length;
  });
  // Fresh statistics for the planner: PGlite has no autoanalyze, and without them the reports' joins
  // are planned as nested loops over thousands of rows (a profit report: minutes instead of a second).
  // VACUUM marks the freshly written pages all-visible, so the reports read the ledger's covering
  // indexes alone (index-only scans) from the first visit, not after autovacuum's next round (PostgreSQL)
  // or the worker's (PGlite).
  progress(0.98, 'table statistics');
  await sw.db.exec('VACUUM (ANALYZE)');
  progress(1, 'done');
  return {
    accountName: DEMO_ACCOUNT,
    ...DEMO_LOGIN,
    products: seller.products.length,
    locations: seller.locations.length,
    movements,
    asOf,
  };
}

async function createCatalogue(sw: Stockwise, actor: Actor, seller: DemoSeller) {
  const locationIds = new Map<string, number>();
  for (const l of seller.locations) {
    await sw.locations.createLocation(actor, {
      code: l.code,
      name: l.name,
      type: l.type,
      marketplace: l.marketplace ?? null,
      capacityCubicFeet: l.capacityCubicFeet ?? {},
    });
    const record = await locationsRepository.findByCode(sw.tx.sql, actor.accountId, l.code);
    locationIds.set(l.code, record!.id);
  }
  await sw.catalog.createProducts(
    actor,
    seller.products.map((p) => ({
      sku: p.sku,
      title: p.title,
      barcode: p.barcode,
      asin: p.asin,
      fnsku: p.fnsku,
      category: p.category,
      brand: p.brand,
      length: p.lengthIn,
      width: p.widthIn,
      height: p.heightIn,
      dimensionUnit: 'in',
      weight: p.weightLb,
      weightUnit: 'lb',
      unitCost: p.unitCost,
      price: p.price,
      currency: p.currency,
      casePack: p.casePack,
      replenishable: p.replenishable,
      listingStatus: p.listingStatus,
      channelSkus: { shopify: p.sku },
    })),
  );
  const records = await productsRepository.findManyBySku(
    sw.tx.sql,
    actor.accountId,
    seller.products.map((p) => p.sku),
  );
  const productIds = new Map(records.map((r) => [r.sku, r.id]));
  return { productIds, locationIds };
}

function toReplayEntries(
  seller: DemoSeller,
  ids: { productIds: Map<string, number>; locationIds: Map<string, number>; unitCosts: Map<string, number> },
): ReplayEntry[] {
  const entries: ReplayEntry[] = seller.events.map((event) => {
    const location = event.kind === 'transfer' ? event.from : event.location;
    return {
      productId: ids.productIds.get(event.sku)!,
      locationId: ids.locationIds.get(location)!,
      ...(event.kind === 'transfer' ? { toLocationId: ids.locationIds.get(event.to)! } : {}),
      request: toRequest(event),
      occurredAt: event.kind === 'sale' ? at(event.date, event.soldOutAt) : at(event.date),
      defaultUnitCost: ids.unitCosts.get(event.sku) ?? null,
      unitPrice: event.kind === 'sale' ? event.unitPrice : null,
      channel: event.kind === 'sale' ? event.channel : null,
      referenceType: event.kind === 'receipt' ? 'purchase_order' : event.kind === 'sale' ? 'sale' : null,
      referenceId: event.kind === 'receipt' ? event.poNumber : null,
    };
  });
  // Open purchase orders show as inbound at their destination.
  for (const po of seller.purchaseOrders.filter((p) => p.receivedOn === null)) {
    for (const line of po.lines) {
      const open = line.quantity - line.receivedQuantity;
      if (open <= 0) continue;
      entries.push({
        productId: ids.productIds.get(line.sku)!,
        locationId: ids.locationIds.get(po.location)!,
        request: { type: 'inbound', quantity: open },
        occurredAt: at(po.orderedOn),
        defaultUnitCost: line.unitCost,
        referenceType: 'purchase_order',
        referenceId: po.number,
      });
    }
  }
  return entries;
}

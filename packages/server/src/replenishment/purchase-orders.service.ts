import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import { unitCostFor } from '@stockwise/domain/replenishment/rounding';
import type { Sql } from '@stockwise/db/database';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type {
  LineInsert,
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  PurchaseOrderStatus,
} from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import type { SupplierRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type {
  PurchaseOrderCreate,
  PurchaseOrderDto,
  PurchaseOrderUpdate,
  ReceiveInput,
  ReceiveResultDto,
} from './purchase-orders.schema';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { LedgerEntry, LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { purchaseOrderCsv, purchaseOrderPdf } from './po-export';
import type { RestockService } from './restock.service';
import { statedDays, todayIso } from './suppliers.service';

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Landed unit cost: the order's freight spread over its goods by value (the same on every receipt). */
export function landedUnitCost(unitCost: number, po: { goodsValue: number; freightCost: number }): number {
  return po.goodsValue > 0 ? round4(unitCost * (1 + po.freightCost / po.goodsValue)) : unitCost;
}

export function mapPurchaseOrderDto(
  po: PurchaseOrderRecord,
  lines: readonly PurchaseOrderLineRecord[],
  receipts: Awaited<ReturnType<typeof purchaseOrdersRepository.receipts>>,
): PurchaseOrderDto {
  const goods = round2(lines.reduce((s, l) => s + l.quantity * l.unitCost, 0));
  const basis = po.firstReceivedAt ?? po.sentAt;
  return {
    number: po.number,
    supplier: { code: po.supplierCode, name: po.supplierName },
    location: po.locationCode,
    status: po.status,
    source: po.source,
    currency: po.currency,
    paymentTermsDays: po.paymentTermsDays,
    freightCost: po.freightCost,
    expectedOn: po.expectedOn,
    sentAt: po.sentAt?.toISOString() ?? null,
    firstReceivedAt: po.firstReceivedAt?.toISOString() ?? null,
    receivedAt: po.receivedAt?.toISOString() ?? null,
    paidAt: po.paidAt?.toISOString() ?? null,
    dueOn:
      basis && po.status !== 'cancelled'
        ? isoDate(parseIsoDate(basis.toISOString().slice(0, 10)) + po.paymentTermsDays)
        : null,
    notes: po.notes,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      title: l.title,
      barcode: l.barcode,
      quantity: l.quantity,
      unitCost: l.unitCost,
      receivedQuantity: l.receivedQuantity,
      openQuantity: l.quantity - l.receivedQuantity,
      lineTotal: round2(l.quantity * l.unitCost),
    })),
    totals: {
      units: lines.reduce((s, l) => s + l.quantity, 0),
      receivedUnits: lines.reduce((s, l) => s + l.receivedQuantity, 0),
      goods,
      freight: po.freightCost,
      total: round2(goods + po.freightCost),
    },
    receipts: receipts.map((r) => ({
      sku: r.sku,
      quantity: r.quantity,
      landedUnitCost: r.landedUnitCost,
      scanKey: r.scanKey,
      code: r.code,
      receivedAt: r.receivedAt.toISOString(),
    })),
    createdAt: po.createdAt.toISOString(),
    updatedAt: po.updatedAt.toISOString(),
  };
}

/**
 * Purchase orders: draft (by hand or from restock recommendations, one per supplier × location),
 * edit, send (inbound appears in inventory through the ledger), receive by scan or typing (receipts
 * from inbound open age layers at landed cost), close short, cancel, export as CSV and PDF.
 */
export class PurchaseOrdersService {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { ledger: LedgerService; restock: RestockService },
  ) {}

  async create(actor: Actor, input: PurchaseOrderCreate): Promise<{ items: PurchaseOrderDto[] }> {
    requirePermission(actor, 'inventory:write');
    if (input.fromRecommendations && input.lines)
      throw new DomainError('VALIDATION_FAILED', 'give lines or fromRecommendations, not both', {
        field: 'lines',
      });
    if (!input.fromRecommendations && !input.lines)
      throw new DomainError('VALIDATION_FAILED', 'give lines (by hand) or fromRecommendations: true', {
        field: 'lines',
      });
    return this.tx.run(async (sql) => {
      const numbers = input.fromRecommendations
        ? await this.createFromRecommendations(actor, sql, input)
        : [await this.createByHand(actor, sql, input)];
      const items: PurchaseOrderDto[] = [];
      for (const n of numbers) {
        const dto = await this.get(actor, n);
        await auditRepository.record(sql, {
          ...auditActor(actor),
          action: 'purchase_order.create',
          entityType: 'purchase_order',
          entityId: n,
          before: null,
          after: dto,
        });
        items.push(dto);
      }
      return { items };
    });
  }

  private async createByHand(actor: Actor, sql: Sql, input: PurchaseOrderCreate): Promise<string> {
    if (!input.supplier)
      throw new DomainError('VALIDATION_FAILED', 'supplier is required', { field: 'supplier' });
    if (!input.location)
      throw new DomainError('VALIDATION_FAILED', 'location (ship to) is required', { field: 'location' });
    const supplier = await this.requireSupplier(actor, input.supplier);
    const location = await locationsRepository.findByCode(sql, actor.accountId, input.location);
    if (!location)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${input.location}`, { field: 'location' });
    const lines = await this.resolveLines(actor, { supplier, lines: input.lines ?? [], field: 'lines' });
    return this.insert(actor, sql, {
      supplier,
      locationId: location.id,
      lines,
      source: 'manual',
      expectedOn: input.expectedOn ?? isoDate(parseIsoDate(todayIso()) + statedDays(supplier)),
      freightCost: input.freightCost ?? 0,
      notes: input.notes ?? null,
    });
  }

  private async createFromRecommendations(
    actor: Actor,
    sql: Sql,
    input: PurchaseOrderCreate,
  ): Promise<string[]> {
    if (input.lines)
      throw new DomainError('VALIDATION_FAILED', 'lines cannot be combined with fromRecommendations', {
        field: 'lines',
      });
    const plan = await this.deps.restock.plan(actor, {
      location: input.location,
      supplier: input.supplier,
      mode: input.mode,
      onlyOrders: true,
      limit: 100_000,
    });
    const wanted = input.skus ? new Set(input.skus) : null;
    const groups = new Map<
      string,
      {
        supplier: string;
        location: string;
        lines: { sku: string; quantity: number; unitCost: number | null }[];
        arrival: string;
      }
    >();
    for (const item of plan.items) {
      if (item.action !== 'purchase' || item.recommendedQuantity <= 0 || !item.supplier) continue;
      if (wanted && !wanted.has(item.sku)) continue;
      const key = `${item.supplier}\u0000${item.location}`;
      const g = groups.get(key) ?? {
        supplier: item.supplier,
        location: item.location,
        lines: [],
        arrival: item.arrivalDate,
      };
      g.lines.push({ sku: item.sku, quantity: item.recommendedQuantity, unitCost: item.unitCost });
      if (item.arrivalDate > g.arrival) g.arrival = item.arrivalDate;
      groups.set(key, g);
    }
    if (groups.size === 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        'no recommendation has a quantity to order from a supplier (SKUs need a supplier with terms)',
        { field: 'fromRecommendations' },
      );
    const numbers: string[] = [];
    for (const g of groups.values()) {
      const supplier = await this.requireSupplier(actor, g.supplier);
      const location = await locationsRepository.findByCode(sql, actor.accountId, g.location);
      const lines = await this.resolveLines(actor, {
        supplier,
        lines: g.lines.map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          ...(l.unitCost !== null ? { unitCost: l.unitCost } : {}),
        })),
        field: 'lines',
      });
      numbers.push(
        await this.insert(actor, sql, {
          supplier,
          locationId: location!.id,
          lines,
          source: 'recommendation',
          expectedOn: input.expectedOn ?? g.arrival,
          freightCost: input.freightCost ?? 0,
          notes: input.notes ?? null,
        }),
      );
    }
    return numbers;
  }

  private async insert(
    actor: Actor,
    sql: Sql,
    po: {
      supplier: SupplierRecord;
      locationId: number;
      lines: LineInsert[];
      source: 'manual' | 'recommendation';
      expectedOn: string | null;
      freightCost: number;
      notes: string | null;
    },
  ): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = await purchaseOrdersRepository.insert(sql, actor.accountId, {
        supplierId: po.supplier.id,
        locationId: po.locationId,
        source: po.source,
        currency: po.supplier.currency,
        paymentTermsDays: po.supplier.paymentTermsDays,
        freightCost: po.freightCost,
        expectedOn: po.expectedOn,
        notes: po.notes,
      });
      if (id === undefined) continue;
      await purchaseOrdersRepository.insertLines(sql, actor.accountId, id, po.lines);
      return (await purchaseOrdersRepository.findById(sql, actor.accountId, id))!.number;
    }
    throw new DomainError('CONFLICT', 'could not allocate a purchase order number; try again');
  }

  private async resolveLines(
    actor: Actor,
    a: {
      supplier: SupplierRecord;
      lines: readonly { sku: string; quantity: number; unitCost?: number | undefined }[];
      field: string;
    },
  ): Promise<LineInsert[]> {
    const sql = this.tx.sql;
    const products = new Map(
      (
        await productsRepository.findManyBySku(
          sql,
          actor.accountId,
          a.lines.map((l) => l.sku),
        )
      ).map((p) => [p.sku, p]),
    );
    const terms = new Map(
      (await suppliersRepository.listProducts(sql, actor.accountId, a.supplier.id)).map((t) => [
        t.productId,
        t,
      ]),
    );
    const seen = new Set<string>();
    return a.lines.map((l, i) => {
      const product = products.get(l.sku);
      if (!product)
        throw new DomainError('UNKNOWN_SKU', `unknown SKU ${l.sku}`, { field: `${a.field}.${i}.sku` });
      if (seen.has(l.sku))
        throw new DomainError('VALIDATION_FAILED', `${l.sku} appears twice; one line per SKU`, {
          field: `${a.field}.${i}.sku`,
        });
      seen.add(l.sku);
      const term = terms.get(product.id);
      const cost =
        l.unitCost ??
        unitCostFor(l.quantity, {
          unitCost: term?.unitCost ?? product.unitCost,
          priceBreaks: term?.priceBreaks ?? [],
        });
      if (cost === null)
        throw new DomainError('VALIDATION_FAILED', `no unit cost known for ${l.sku}: give unitCost`, {
          field: `${a.field}.${i}.unitCost`,
        });
      return { productId: product.id, quantity: l.quantity, unitCost: cost };
    });
  }

  async get(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    const po = await this.require(actor, number);
    return this.dto(actor, po);
  }

  async list(
    actor: Actor,
    q: {
      status?: PurchaseOrderStatus | undefined;
      supplier?: string | undefined;
      location?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ): Promise<{ items: PurchaseOrderDto[]; nextCursor: string | null }> {
    const sql = this.tx.sql;
    const supplier = q.supplier ? await this.requireSupplier(actor, q.supplier) : undefined;
    const location = q.location
      ? await locationsRepository.findByCode(sql, actor.accountId, q.location)
      : undefined;
    if (q.location && !location)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${q.location}`, { field: 'location' });
    const rows = await purchaseOrdersRepository.list(sql, actor.accountId, {
      limit: q.limit + 1,
      beforeId: q.cursor ? Number(q.cursor) : undefined,
      status: q.status,
      supplierId: supplier?.id,
      locationId: location?.id,
    });
    const page = rows.slice(0, q.limit);
    const lines = await purchaseOrdersRepository.lines(
      sql,
      actor.accountId,
      page.map((p) => p.id),
    );
    return {
      items: page.map((p) => mapPurchaseOrderDto(p, lines.get(p.id) ?? [], [])),
      nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
    };
  }

  async update(actor: Actor, number: string, patch: PurchaseOrderUpdate): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await this.require(actor, number, { lock: true });
      const before = await this.dto(actor, po);
      if (po.status === 'cancelled')
        throw new DomainError('CONFLICT', `${number} is cancelled`, { field: 'status' });
      if ((patch.lines || patch.location) && po.status !== 'draft')
        throw new DomainError(
          'CONFLICT',
          `${number} was sent: lines and destination can no longer change (cancel it or receive it)`,
          { field: patch.lines ? 'lines' : 'location' },
        );
      if (patch.paid && po.status === 'draft')
        throw new DomainError('CONFLICT', `${number} is a draft: nothing is owed yet`, { field: 'paid' });
      let locationId = po.locationId;
      if (patch.location) {
        const location = await locationsRepository.findByCode(sql, actor.accountId, patch.location);
        if (!location)
          throw new DomainError('UNKNOWN_LOCATION', `unknown location ${patch.location}`, {
            field: 'location',
          });
        locationId = location.id;
      }
      if (patch.lines) {
        const supplier = (await suppliersRepository.findById(sql, actor.accountId, po.supplierId))!;
        const lines = await this.resolveLines(actor, { supplier, lines: patch.lines, field: 'lines' });
        await purchaseOrdersRepository.deleteLines(sql, actor.accountId, po.id);
        await purchaseOrdersRepository.insertLines(sql, actor.accountId, po.id, lines);
      }
      await purchaseOrdersRepository.updateHeader(sql, actor.accountId, po.id, {
        locationId,
        freightCost: patch.freightCost ?? po.freightCost,
        expectedOn: patch.expectedOn !== undefined ? patch.expectedOn : po.expectedOn,
        notes: patch.notes !== undefined ? patch.notes : po.notes,
        paymentTermsDays: patch.paymentTermsDays ?? po.paymentTermsDays,
        paidAt: patch.paid === undefined ? po.paidAt : patch.paid ? (po.paidAt ?? new Date()) : null,
      });
      const after = await this.get(actor, number);
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'purchase_order.update',
        entityType: 'purchase_order',
        entityId: number,
        before,
        after,
      });
      return after;
    });
  }

  /** Sends a draft: its quantities become inbound at the destination (one ledger batch). */
  async send(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await this.require(actor, number, { lock: true });
      if (po.status !== 'draft')
        throw new DomainError('CONFLICT', `${number} is ${po.status}, only a draft can be sent`, {
          field: 'status',
        });
      const lines = (await purchaseOrdersRepository.lines(sql, actor.accountId, [po.id])).get(po.id) ?? [];
      if (lines.length === 0)
        throw new DomainError('VALIDATION_FAILED', `${number} has no lines`, { field: 'lines' });
      const now = new Date();
      await this.deps.ledger.post(
        actor,
        lines.map((l) => ({
          sku: l.sku,
          location: po.locationCode,
          request: { type: 'inbound', quantity: l.quantity },
          occurredAt: now,
          referenceType: 'purchase_order',
          referenceId: po.number,
        })),
        {
          kind: 'purchase_order.send',
          note: `${po.number} sent to ${po.supplierCode}`,
          idempotencyKey: `po-send:${po.id}`,
        },
      );
      await purchaseOrdersRepository.setStatus(sql, actor.accountId, po.id, { status: 'sent', sentAt: now });
      const after = await this.get(actor, number);
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'purchase_order.send',
        entityType: 'purchase_order',
        entityId: number,
        before: { status: po.status },
        after: { status: after.status, sentAt: after.sentAt },
      });
      return after;
    });
  }

  /**
   * Receives scanned or typed lines. All-or-nothing: an unknown barcode, a SKU not on the order or
   * more units than are open fails the whole receipt with the line named. A scan whose scanKey was
   * already received is skipped (reported as replayed).
   */
  async receive(actor: Actor, number: string, input: ReceiveInput): Promise<ReceiveResultDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await this.require(actor, number, { lock: true });
      if (po.status !== 'sent' && po.status !== 'partially_received') {
        throw new DomainError('CONFLICT', `${number} is ${po.status}: only sent orders can be received`, {
          field: 'status',
        });
      }
      const lines = (await purchaseOrdersRepository.lines(sql, actor.accountId, [po.id])).get(po.id) ?? [];
      const byProduct = new Map(lines.map((l) => [l.productId, l]));
      const keys = input.lines.flatMap((l) => (l.scanKey ? [l.scanKey] : []));
      if (new Set(keys).size !== keys.length) {
        const i = input.lines.findIndex(
          (l, k) => l.scanKey && input.lines.findIndex((m) => m.scanKey === l.scanKey) !== k,
        );
        throw new DomainError('VALIDATION_FAILED', 'the same scanKey appears twice in one receipt', {
          field: `lines.${i}.scanKey`,
        });
      }
      const previous = new Map(
        (await purchaseOrdersRepository.findReceiptsByScanKeys(sql, actor.accountId, keys)).map((r) => [
          r.scanKey!,
          r,
        ]),
      );
      const resolved: {
        index: number;
        line: PurchaseOrderLineRecord;
        quantity: number;
        scanKey: string | null;
        code: string | null;
        replayed: boolean;
      }[] = [];
      for (const [i, l] of input.lines.entries()) {
        let product: ProductRecord | undefined;
        if (l.barcode !== undefined) {
          product = await productsRepository.findByCode(sql, actor.accountId, l.barcode.trim());
          if (!product)
            throw new DomainError('UNKNOWN_BARCODE', `no product has the code ${l.barcode}`, {
              field: `lines.${i}.barcode`,
            });
        } else {
          product = await productsRepository.findBySku(sql, actor.accountId, l.sku!);
          if (!product)
            throw new DomainError('UNKNOWN_SKU', `unknown SKU ${l.sku!}`, { field: `lines.${i}.sku` });
        }
        const line = byProduct.get(product.id);
        if (!line)
          throw new DomainError('VALIDATION_FAILED', `${product.sku} is not on ${number}`, {
            field: `lines.${i}.${l.barcode !== undefined ? 'barcode' : 'sku'}`,
          });
        const seen = l.scanKey ? previous.get(l.scanKey) : undefined;
        if (seen && (seen.poId !== po.id || seen.lineId !== line.id || seen.quantity !== l.quantity)) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            `scanKey ${l.scanKey!} was already used for another scan`,
            { field: `lines.${i}.scanKey` },
          );
        }
        resolved.push({
          index: i,
          line,
          quantity: l.quantity,
          scanKey: l.scanKey ?? null,
          code: l.barcode ?? null,
          replayed: seen !== undefined,
        });
      }
      // Over-receipt is checked per line over the whole request before anything is written.
      const adding = new Map<number, number>();
      for (const r of resolved) {
        if (r.replayed) continue;
        const total = (adding.get(r.line.id) ?? 0) + r.quantity;
        adding.set(r.line.id, total);
        const open = r.line.quantity - r.line.receivedQuantity;
        if (total > open) {
          throw new DomainError(
            'OVER_RECEIPT',
            `${r.line.sku}: ${total} scanned but only ${open} of ${r.line.quantity} are still open on ${number}`,
            {
              field: `lines.${r.index}.quantity`,
              details: {
                sku: r.line.sku,
                ordered: r.line.quantity,
                received: r.line.receivedQuantity,
                open,
                attempted: total,
              },
            },
          );
        }
      }
      const fresh = resolved.filter((r) => !r.replayed);
      const freightCost = input.freightCost ?? po.freightCost;
      if (input.freightCost !== undefined) {
        await purchaseOrdersRepository.updateHeader(sql, actor.accountId, po.id, {
          locationId: po.locationId,
          freightCost,
          expectedOn: po.expectedOn,
          notes: po.notes,
          paymentTermsDays: po.paymentTermsDays,
          paidAt: po.paidAt,
        });
      }
      const goodsValue = lines.reduce((s, l) => s + l.quantity * l.unitCost, 0);
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
      const received: ReceiveResultDto['received'] = resolved
        .filter((r) => r.replayed)
        .map((r) => ({
          sku: r.line.sku,
          quantity: r.quantity,
          landedUnitCost: previous.get(r.scanKey!)?.landedUnitCost ?? null,
          replayed: true,
        }));
      if (fresh.length > 0) {
        for (const [lineId, q] of adding) {
          if (!(await purchaseOrdersRepository.addReceived(sql, actor.accountId, lineId, q))) {
            throw new DomainError('OVER_RECEIPT', `more units than ordered on ${number}`, { field: 'lines' });
          }
        }
        const entries: LedgerEntry[] = fresh.map((r) => ({
          sku: r.line.sku,
          location: po.locationCode,
          request: {
            type: 'receipt',
            quantity: r.quantity,
            unitCost: landedUnitCost(r.line.unitCost, { goodsValue, freightCost }),
            fromInbound: true,
          },
          occurredAt: receivedAt,
          referenceType: 'purchase_order',
          referenceId: po.number,
        }));
        const batch = await this.deps.ledger.post(actor, entries, {
          kind: 'purchase_order.receive',
          note: `${po.number} received`,
          fieldPrefix: 'lines',
        });
        for (const r of fresh) {
          const landed = landedUnitCost(r.line.unitCost, { goodsValue, freightCost });
          await purchaseOrdersRepository.insertReceipt(sql, {
            accountId: actor.accountId,
            poId: po.id,
            lineId: r.line.id,
            quantity: r.quantity,
            landedUnitCost: landed,
            scanKey: r.scanKey,
            code: r.code,
            ledgerBatchId: batch.batchId,
            receivedAt,
          });
          received.push({ sku: r.line.sku, quantity: r.quantity, landedUnitCost: landed, replayed: false });
        }
      }
      const after = (await purchaseOrdersRepository.lines(sql, actor.accountId, [po.id])).get(po.id) ?? [];
      const complete = after.every((l) => l.receivedQuantity >= l.quantity);
      if (input.close && !complete) {
        // Closing short: what did not arrive leaves inbound.
        const release: LedgerEntry[] = after
          .filter((l) => l.receivedQuantity < l.quantity)
          .map((l) => ({
            sku: l.sku,
            location: po.locationCode,
            request: { type: 'inbound', quantity: -(l.quantity - l.receivedQuantity) },
            occurredAt: receivedAt,
            referenceType: 'purchase_order',
            referenceId: po.number,
          }));
        await this.deps.ledger.post(actor, release, {
          kind: 'purchase_order.close',
          note: `${po.number} closed short`,
        });
      }
      if (fresh.length > 0 || input.close) {
        await purchaseOrdersRepository.setStatus(sql, actor.accountId, po.id, {
          status: complete || input.close ? 'received' : 'partially_received',
          ...(fresh.length > 0 ? { firstReceivedAt: receivedAt } : {}),
          ...(complete || input.close ? { receivedAt } : {}),
        });
      }
      const dto = await this.get(actor, number);
      if (fresh.length > 0 || input.close) {
        await auditRepository.record(sql, {
          ...auditActor(actor),
          action: 'purchase_order.receive',
          entityType: 'purchase_order',
          entityId: number,
          before: { status: po.status },
          after: { status: dto.status, received },
        });
      }
      return { purchaseOrder: dto, received };
    });
  }

  /** Cancels a draft, or a sent order with nothing received; open inbound is released. */
  async cancel(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await this.require(actor, number, { lock: true });
      if (po.status === 'cancelled' || po.status === 'received')
        throw new DomainError('CONFLICT', `${number} is ${po.status}`, { field: 'status' });
      if (po.status === 'partially_received')
        throw new DomainError(
          'CONFLICT',
          `${number} is partly received: close it with a final receipt (close: true) instead`,
          { field: 'status' },
        );
      if (po.status === 'sent') {
        const lines = (await purchaseOrdersRepository.lines(sql, actor.accountId, [po.id])).get(po.id) ?? [];
        await this.deps.ledger.post(
          actor,
          lines.map((l) => ({
            sku: l.sku,
            location: po.locationCode,
            request: { type: 'inbound', quantity: -l.quantity },
            referenceType: 'purchase_order',
            referenceId: po.number,
          })),
          { kind: 'purchase_order.cancel', note: `${po.number} cancelled` },
        );
      }
      await purchaseOrdersRepository.setStatus(sql, actor.accountId, po.id, { status: 'cancelled' });
      const after = await this.get(actor, number);
      await auditRepository.record(sql, {
        ...auditActor(actor),
        action: 'purchase_order.cancel',
        entityType: 'purchase_order',
        entityId: number,
        before: { status: po.status },
        after: { status: 'cancelled' },
      });
      return after;
    });
  }

  async exportCsv(actor: Actor, number: string): Promise<string> {
    return purchaseOrderCsv(await this.get(actor, number));
  }

  async exportPdf(actor: Actor, number: string, buyer: string): Promise<Buffer> {
    return purchaseOrderPdf(await this.get(actor, number), { buyer });
  }

  private async dto(actor: Actor, po: PurchaseOrderRecord): Promise<PurchaseOrderDto> {
    const sql = this.tx.sql;
    const lines = (await purchaseOrdersRepository.lines(sql, actor.accountId, [po.id])).get(po.id) ?? [];
    return mapPurchaseOrderDto(
      po,
      lines,
      await purchaseOrdersRepository.receipts(sql, actor.accountId, po.id),
    );
  }

  private async require(
    actor: Actor,
    number: string,
    options: { lock?: boolean } = {},
  ): Promise<PurchaseOrderRecord> {
    const po = await purchaseOrdersRepository.findByNumber(this.tx.sql, actor.accountId, number, options);
    if (!po) throw new DomainError('NOT_FOUND', `unknown purchase order ${number}`, { field: 'id' });
    return po;
  }

  private async requireSupplier(actor: Actor, code: string): Promise<SupplierRecord> {
    const s = await suppliersRepository.findByCode(this.tx.sql, actor.accountId, code);
    if (!s) throw new DomainError('NOT_FOUND', `unknown supplier ${code}`, { field: 'supplier' });
    return s;
  }
}

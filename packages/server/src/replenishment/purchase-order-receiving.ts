import { DomainError } from '@stockwise/domain/errors';
import type { MatchedScan } from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import {
  checkReceivable,
  checkScanKeysUnique,
  isReplayedScan,
  landedUnitCost,
  openUnits,
  statusAfterReceipt,
  unitsToReceive,
} from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import type { Sql } from '@stockwise/db/database';
import type { ProductRecord } from '@stockwise/db/catalog/products.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type {
  PurchaseOrderLineRecord,
  PurchaseOrderRecord,
  ReceiptRecord,
} from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrderReceiptsRepository } from '@stockwise/db/replenishment/purchase-order-receipts.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { LedgerEntry, LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { auditOrder, findPurchaseOrderDto, orderLines, requirePurchaseOrder } from './purchase-order-dto';
import type { ReceiveInput, ReceiveResultDto } from './purchase-orders.schema';

interface Scan extends MatchedScan<PurchaseOrderLineRecord> {
  scanKey: string | null;
  code: string | null;
}

type Received = ReceiveResultDto['received'];

/**
 * Receiving purchase orders by scan or typing: receipts come out of inbound into age layers at landed
 * cost; closing short releases what did not arrive. The rules are `purchase-order-lifecycle` (domain).
 */
export class PurchaseOrderReceiving {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { ledger: LedgerService },
  ) {}

  /**
   * Receives scanned or typed lines. All-or-nothing: an unknown barcode, a SKU not on the order or
   * more units than are open fails the whole receipt with the line named. A scan whose scanKey was
   * already received is skipped (reported as replayed).
   */
  async receive(actor: Actor, number: string, input: ReceiveInput): Promise<ReceiveResultDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await requirePurchaseOrder(this.tx.sql, actor.accountId, number, { lock: true });
      checkReceivable(po);
      const lines = await orderLines(sql, actor.accountId, po.id);
      checkScanKeysUnique(input.lines);
      const keys = input.lines.flatMap((l) => (l.scanKey ? [l.scanKey] : []));
      const previous = new Map(
        (await purchaseOrderReceiptsRepository.findReceiptsByScanKeys(sql, actor.accountId, keys)).map(
          (r) => [r.scanKey!, r],
        ),
      );
      const scans = await this.matchScans(sql, actor, { po, lines, input, previous });
      const adding = unitsToReceive(number, scans);
      const fresh = scans.filter((r) => !r.replayed);
      const freightCost = input.freightCost ?? po.freightCost;
      if (input.freightCost !== undefined) {
        await purchaseOrdersRepository.updateHeader(sql, actor.accountId, po.id, { ...po, freightCost });
      }
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
      const received: Received = scans
        .filter((r) => r.replayed)
        .map((r) => ({
          sku: r.line.sku,
          quantity: r.quantity,
          landedUnitCost: previous.get(r.scanKey!)?.landedUnitCost ?? null,
          replayed: true,
        }));
      if (fresh.length > 0) {
        const goodsValue = lines.reduce((s, l) => s + l.quantity * l.unitCost, 0);
        received.push(
          ...(await this.book(sql, actor, { po, fresh, adding, receivedAt, goodsValue, freightCost })),
        );
      }
      const after = await orderLines(sql, actor.accountId, po.id);
      const complete = after.every((l) => l.receivedQuantity >= l.quantity);
      if (input.close && !complete) await this.closeShort(actor, po, after, receivedAt);
      const next = statusAfterReceipt({
        lines: after,
        freshScans: fresh.length,
        close: input.close ?? false,
      });
      if (next) {
        await purchaseOrdersRepository.setStatus(sql, actor.accountId, po.id, {
          status: next.status,
          ...(next.stampFirstReceived ? { firstReceivedAt: receivedAt } : {}),
          ...(next.stampReceived ? { receivedAt } : {}),
        });
      }
      const dto = await findPurchaseOrderDto(this.tx.sql, actor.accountId, number);
      if (next) {
        await auditOrder(sql, actor, {
          action: 'purchase_order.receive',
          number,
          before: { status: po.status },
          after: { status: dto.status, received },
        });
      }
      return { purchaseOrder: dto, received };
    });
  }

  /** Each receipt line matched to its order line by barcode or SKU; replays of earlier scans marked. */
  private async matchScans(
    sql: Sql,
    actor: Actor,
    a: {
      po: PurchaseOrderRecord;
      lines: readonly PurchaseOrderLineRecord[];
      input: ReceiveInput;
      previous: ReadonlyMap<string, ReceiptRecord & { poId: number }>;
    },
  ): Promise<Scan[]> {
    const byProduct = new Map(a.lines.map((l) => [l.productId, l]));
    const scans: Scan[] = [];
    for (const [i, l] of a.input.lines.entries()) {
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
        throw new DomainError('VALIDATION_FAILED', `${product.sku} is not on ${a.po.number}`, {
          field: `lines.${i}.${l.barcode !== undefined ? 'barcode' : 'sku'}`,
        });
      const replayed = l.scanKey
        ? isReplayedScan(a.previous.get(l.scanKey), {
            poId: a.po.id,
            lineId: line.id,
            quantity: l.quantity,
            scanKey: l.scanKey,
            index: i,
          })
        : false;
      scans.push({
        index: i,
        line,
        quantity: l.quantity,
        scanKey: l.scanKey ?? null,
        code: l.barcode ?? null,
        replayed,
      });
    }
    return scans;
  }

  /** Adds the received units to the lines, posts the receipts to the ledger at landed cost, and records each scan. */
  private async book(
    sql: Sql,
    actor: Actor,
    a: {
      po: PurchaseOrderRecord;
      fresh: readonly Scan[];
      adding: ReadonlyMap<number, number>;
      receivedAt: Date;
      goodsValue: number;
      freightCost: number;
    },
  ): Promise<Received> {
    const { po, fresh, receivedAt } = a;
    for (const [lineId, q] of a.adding) {
      if (!(await purchaseOrderReceiptsRepository.addReceived(sql, actor.accountId, lineId, q))) {
        throw new DomainError('OVER_RECEIPT', `more units than ordered on ${po.number}`, { field: 'lines' });
      }
    }
    const landed = (r: Scan) =>
      landedUnitCost(r.line.unitCost, { goodsValue: a.goodsValue, freightCost: a.freightCost });
    const entries: LedgerEntry[] = fresh.map((r) => ({
      sku: r.line.sku,
      location: po.locationCode,
      request: { type: 'receipt', quantity: r.quantity, unitCost: landed(r), fromInbound: true },
      occurredAt: receivedAt,
      referenceType: 'purchase_order',
      referenceId: po.number,
    }));
    const batch = await this.deps.ledger.post(actor, entries, {
      kind: 'purchase_order.receive',
      note: `${po.number} received`,
      fieldPrefix: 'lines',
    });
    const received: Received = [];
    for (const r of fresh) {
      await purchaseOrderReceiptsRepository.insertReceipt(sql, {
        accountId: actor.accountId,
        poId: po.id,
        lineId: r.line.id,
        quantity: r.quantity,
        landedUnitCost: landed(r),
        scanKey: r.scanKey,
        code: r.code,
        ledgerBatchId: batch.batchId,
        receivedAt,
      });
      received.push({ sku: r.line.sku, quantity: r.quantity, landedUnitCost: landed(r), replayed: false });
    }
    return received;
  }

  /** Closing short: what did not arrive leaves inbound. */
  private async closeShort(
    actor: Actor,
    po: PurchaseOrderRecord,
    lines: readonly PurchaseOrderLineRecord[],
    at: Date,
  ): Promise<void> {
    const release: LedgerEntry[] = openUnits(lines).map(({ line, quantity }) => ({
      sku: line.sku,
      location: po.locationCode,
      request: { type: 'inbound', quantity: -quantity },
      occurredAt: at,
      referenceType: 'purchase_order',
      referenceId: po.number,
    }));
    await this.deps.ledger.post(actor, release, {
      kind: 'purchase_order.close',
      note: `${po.number} closed short`,
    });
  }
}

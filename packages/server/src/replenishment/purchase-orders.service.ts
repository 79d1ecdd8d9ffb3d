import { DomainError } from '@stockwise/domain/errors';
import {
  checkCancel,
  checkEdit,
  checkSend,
  paidAtAfterEdit,
} from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { PurchaseOrderStatus } from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type {
  PurchaseOrderCreate,
  PurchaseOrderDto,
  PurchaseOrderUpdate,
  ReceiveInput,
  ReceiveResultDto,
} from './purchase-orders.schema';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import { purchaseOrderCsv, purchaseOrderPdf } from './po-export';
import {
  auditOrder,
  findPurchaseOrderDto,
  loadPurchaseOrderDto,
  mapPurchaseOrderDto,
  orderLines,
  requirePurchaseOrder,
  requireSupplier,
} from './purchase-order-dto';
import { PurchaseOrderDrafting } from './purchase-order-drafting';
import { PurchaseOrderReceiving } from './purchase-order-receiving';
import type { RestockService } from './restock.service';

/**
 * Purchase orders: draft (by hand or from restock recommendations, one per supplier × location),
 * edit, send (inbound appears in inventory through the ledger), receive by scan or typing (receipts
 * from inbound open age layers at landed cost), close short, cancel, export as CSV and PDF. The state
 * machine is `purchase-order-lifecycle` (domain); drafting and receiving have their own modules.
 */
export class PurchaseOrdersService {
  private readonly drafting: PurchaseOrderDrafting;
  private readonly receiving: PurchaseOrderReceiving;

  constructor(
    private readonly tx: Transactor,
    private readonly deps: { ledger: LedgerService; restock: RestockService },
  ) {
    this.drafting = new PurchaseOrderDrafting(tx, { restock: deps.restock });
    this.receiving = new PurchaseOrderReceiving(tx, { ledger: deps.ledger });
  }

  create(actor: Actor, input: PurchaseOrderCreate): Promise<{ items: PurchaseOrderDto[] }> {
    return this.drafting.create(actor, input);
  }

  /**
   * Receives scanned or typed lines (all-or-nothing; replayed scans skipped); `close` closes the
   * order short.
   */
  receive(actor: Actor, number: string, input: ReceiveInput): Promise<ReceiveResultDto> {
    return this.receiving.receive(actor, number, input);
  }

  async get(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    return findPurchaseOrderDto(this.tx.sql, actor.accountId, number);
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
    const supplier = q.supplier ? await requireSupplier(sql, actor.accountId, q.supplier) : undefined;
    const locationId = q.location ? await this.locationId(actor, q.location) : undefined;
    const rows = await purchaseOrdersRepository.list(sql, actor.accountId, {
      limit: q.limit + 1,
      beforeId: q.cursor ? Number(q.cursor) : undefined,
      status: q.status,
      supplierId: supplier?.id,
      locationId,
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

  /**
   * Edits an order. Lines, supplier and destination only while a draft (the lifecycle's rule); a new
   * supplier brings its currency and payment terms, and lines are priced again on its terms unless
   * the patch gives their unit cost.
   */
  async update(actor: Actor, number: string, patch: PurchaseOrderUpdate): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await requirePurchaseOrder(this.tx.sql, actor.accountId, number, { lock: true });
      const before = await loadPurchaseOrderDto(this.tx.sql, actor.accountId, po);
      checkEdit(po, patch);
      const locationId = patch.location ? await this.locationId(actor, patch.location) : po.locationId;
      const supplier = patch.supplier
        ? await requireSupplier(sql, actor.accountId, patch.supplier)
        : (await suppliersRepository.findById(sql, actor.accountId, po.supplierId))!;
      const changedSupplier = supplier.id !== po.supplierId;
      const lines =
        patch.lines ??
        (changedSupplier ? before.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) : undefined);
      if (lines) {
        const resolved = await this.drafting.resolveLines(actor, { supplier, lines, field: 'lines' });
        await purchaseOrdersRepository.deleteLines(sql, actor.accountId, po.id);
        await purchaseOrdersRepository.insertLines(sql, actor.accountId, po.id, resolved);
      }
      await purchaseOrdersRepository.updateHeader(sql, actor.accountId, po.id, {
        supplierId: supplier.id,
        currency: changedSupplier ? supplier.currency : po.currency,
        locationId,
        freightCost: patch.freightCost ?? po.freightCost,
        expectedOn: patch.expectedOn !== undefined ? patch.expectedOn : po.expectedOn,
        notes: patch.notes !== undefined ? patch.notes : po.notes,
        paymentTermsDays:
          patch.paymentTermsDays ?? (changedSupplier ? supplier.paymentTermsDays : po.paymentTermsDays),
        paidAt: paidAtAfterEdit(po.paidAt, patch.paid, new Date()),
      });
      const after = await this.get(actor, number);
      await auditOrder(sql, actor, { action: 'purchase_order.update', number, before, after });
      return after;
    });
  }

  private async locationId(actor: Actor, code: string): Promise<number> {
    const location = await locationsRepository.findByCode(this.tx.sql, actor.accountId, code);
    if (!location)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${code}`, { field: 'location' });
    return location.id;
  }

  /** Sends a draft: its quantities become inbound at the destination (one ledger batch). */
  async send(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await requirePurchaseOrder(this.tx.sql, actor.accountId, number, { lock: true });
      const lines = await orderLines(sql, actor.accountId, po.id);
      checkSend(po, lines.length);
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
      await auditOrder(sql, actor, {
        action: 'purchase_order.send',
        number,
        before: { status: po.status },
        after: { status: after.status, sentAt: after.sentAt },
      });
      return after;
    });
  }

  /** Cancels a draft, or a sent order with nothing received; open inbound is released. */
  async cancel(actor: Actor, number: string): Promise<PurchaseOrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const po = await requirePurchaseOrder(this.tx.sql, actor.accountId, number, { lock: true });
      const { releaseInbound } = checkCancel(po);
      if (releaseInbound) {
        const lines = await orderLines(sql, actor.accountId, po.id);
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
      await auditOrder(sql, actor, {
        action: 'purchase_order.cancel',
        number,
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
}

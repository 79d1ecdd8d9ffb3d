import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { DomainError } from '@stockwise/domain/errors';
import { draftOrdersFromPlan } from '@stockwise/domain/replenishment/purchase-order-drafts';
import { unitCostFor } from '@stockwise/domain/replenishment/rounding';
import type { Sql } from '@stockwise/db/database';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { LineInsert } from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import type { SupplierRecord } from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { auditOrder, findPurchaseOrderDto, requireSupplier } from './purchase-order-dto';
import type { PurchaseOrderCreate, PurchaseOrderDto } from './purchase-orders.schema';
import type { RestockService } from './restock.service';
import { statedDays, todayIso } from './suppliers.service';

/** Drafting purchase orders: by hand, or from restock recommendations (one per supplier × location). */
export class PurchaseOrderDrafting {
  constructor(
    private readonly tx: Transactor,
    private readonly deps: { restock: RestockService },
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
        const dto = await findPurchaseOrderDto(this.tx.sql, actor.accountId, n);
        await auditOrder(sql, actor, {
          action: 'purchase_order.create',
          number: n,
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
    const supplier = await requireSupplier(this.tx.sql, actor.accountId, input.supplier);
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
    const drafts = draftOrdersFromPlan(plan.items, { skus: input.skus });
    const numbers: string[] = [];
    for (const g of drafts) {
      const supplier = await requireSupplier(this.tx.sql, actor.accountId, g.supplier);
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

  /** Lines by SKU with their unit cost (given, or the supplier terms' price at that quantity). */
  async resolveLines(
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
}

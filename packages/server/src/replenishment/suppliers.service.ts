import type { SupplierCostTerms } from '@stockwise/domain/replenishment/costs';
import { DomainError } from '@stockwise/domain/errors';
import { groupBy } from '@stockwise/domain/group-by';
import type { LearnedLeadTime } from '@stockwise/domain/replenishment/lead-time';
import { learnLeadTime, totalStagedDays } from '@stockwise/domain/replenishment/lead-time';
import type { ScorecardOrder } from '@stockwise/domain/replenishment/scorecard';
import { supplierScorecard } from '@stockwise/domain/replenishment/scorecard';
import type { ReceiptLeadTimes, ReceivedOrder } from '@stockwise/domain/replenishment/receipt-lead-times';
import { receiptLeadTimes } from '@stockwise/domain/replenishment/receipt-lead-times';
import type { Sql } from '@stockwise/db/database';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import type {
  SupplierFields,
  SupplierProductRecord,
  SupplierRecord,
} from '@stockwise/db/replenishment/suppliers.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type {
  ScorecardDto,
  SupplierBillsDto,
  SupplierCreate,
  SupplierDto,
  SupplierProductDto,
  SupplierProductUpsert,
  SupplierUpdate,
} from './suppliers.schema';
import type { Actor } from '../accounts/actor';
import { auditedWrite, auditTrail, requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import { recordTimes } from '../platform/record-times';

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Lead days of the receipts planning learns from (`receiptLeadTimes`), per supplier id. */
export async function observedLeadTimes(
  sql: Sql,
  accountId: number,
  supplierId?: number,
): Promise<Map<number, number[]>> {
  return (await observedLeadTimesByRoute(sql, accountId, { supplierId })).bySupplier;
}

/**
 * The same per supplier id and per route (`routeKey`: the order's destination, docs/formulas.md
 * Restock), from one read of the orders, as of `asOf` (default today): later receipts do not count.
 */
export async function observedLeadTimesByRoute(
  sql: Sql,
  accountId: number,
  q: { supplierId?: number | undefined; asOf?: string | undefined } = {},
): Promise<ReceiptLeadTimes> {
  const received: ReceivedOrder[] = [];
  for (const o of await purchaseOrdersRepository.orderSummaries(sql, accountId, q.supplierId))
    if (o.sentAt && o.firstReceivedAt)
      received.push({
        supplierId: o.supplierId,
        locationId: o.locationId,
        sentOn: dayOf(o.sentAt),
        firstReceivedOn: dayOf(o.firstReceivedAt),
      });
  return receiptLeadTimes(received, q.asOf ?? todayIso());
}

type OrderSummary = Awaited<ReturnType<typeof purchaseOrdersRepository.orderSummaries>>[number];

function toScorecardOrder(o: OrderSummary): ScorecardOrder {
  return {
    number: o.number,
    status: o.status,
    sentOn: o.sentAt ? dayOf(o.sentAt) : null,
    expectedOn: o.expectedOn,
    firstReceivedOn: o.firstReceivedAt ? dayOf(o.firstReceivedAt) : null,
    receivedOn: o.receivedAt ? dayOf(o.receivedAt) : null,
    paidOn: o.paidAt ? dayOf(o.paidAt) : null,
    orderedQuantity: o.orderedQuantity,
    receivedQuantity: o.receivedQuantity,
    orderedValue: o.orderedValue,
    receivedValue: o.receivedValue,
    freightCost: o.freightCost,
    paymentTermsDays: o.paymentTermsDays,
  };
}

export function statedDays(s: SupplierRecord): number {
  return totalStagedDays({
    productionDays: s.productionDays,
    transitDays: s.transitDays,
    groundDays: s.groundDays,
    checkInDays: s.checkInDays,
  });
}

export function mapSupplierDto(s: SupplierRecord, learned: LearnedLeadTime): SupplierDto {
  return {
    code: s.code,
    name: s.name,
    contactName: s.contactName,
    email: s.email,
    phone: s.phone,
    address: s.address,
    currency: s.currency,
    paymentTermsDays: s.paymentTermsDays,
    leadTime: {
      productionDays: s.productionDays,
      transitDays: s.transitDays,
      groundDays: s.groundDays,
      checkInDays: s.checkInDays,
      statedDays: statedDays(s),
      learned: {
        meanDays: Math.round(learned.meanDays * 10) / 10,
        sdDays: Math.round(learned.sdDays * 10) / 10,
        observations: learned.observations,
        source: learned.source,
      },
    },
    notes: s.notes,
    active: s.active,
    costs: s.costs,
    ...recordTimes(s),
  };
}

export function mapSupplierProductDto(p: SupplierProductRecord): SupplierProductDto {
  return {
    supplier: p.supplierCode,
    sku: p.sku,
    supplierSku: p.supplierSku,
    unitCost: p.unitCost,
    priceBreaks: p.priceBreaks,
    moq: p.moq,
    casePack: p.casePack,
    preferred: p.preferred,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toFields(
  input: SupplierUpdate & { code: string; name: string },
  base?: SupplierRecord,
): SupplierFields {
  const lt = input.leadTime;
  return {
    code: input.code,
    name: input.name,
    contactName: input.contactName !== undefined ? input.contactName : (base?.contactName ?? null),
    email: input.email !== undefined ? input.email : (base?.email ?? null),
    phone: input.phone !== undefined ? input.phone : (base?.phone ?? null),
    address: input.address !== undefined ? input.address : (base?.address ?? null),
    currency: input.currency ?? base?.currency ?? 'USD',
    paymentTermsDays: input.paymentTermsDays ?? base?.paymentTermsDays ?? 30,
    productionDays: lt?.productionDays ?? base?.productionDays ?? 0,
    transitDays: lt?.transitDays ?? base?.transitDays ?? 0,
    groundDays: lt?.groundDays ?? base?.groundDays ?? 0,
    checkInDays: lt?.checkInDays ?? base?.checkInDays ?? 0,
    notes: input.notes !== undefined ? input.notes : (base?.notes ?? null),
    active: input.active ?? base?.active ?? true,
    costs: mergeCosts(base?.costs, input.costs),
  };
}

/** A patch of cost terms over the stored ones: a field left out keeps its value, null clears it. */
export function mergeCosts(
  base: SupplierCostTerms | undefined,
  patch: Partial<SupplierCostTerms> | undefined,
): SupplierCostTerms {
  const pick = (k: keyof SupplierCostTerms): number | null => {
    const v = patch?.[k];
    return v !== undefined ? v : (base?.[k] ?? null);
  };
  return {
    orderCost: pick('orderCost'),
    lineCost: pick('lineCost'),
    shippingPerUnit: pick('shippingPerUnit'),
    shippingPerCubicFoot: pick('shippingPerCubicFoot'),
    minOrderValue: pick('minOrderValue'),
    freeFreightValue: pick('freeFreightValue'),
  };
}

/** Suppliers, their terms per SKU, lead times learned from receipts, and the scorecard. */
export class SuppliersService {
  constructor(private readonly tx: Transactor) {}

  async create(actor: Actor, input: SupplierCreate): Promise<SupplierDto> {
    requirePermission(actor, 'catalog:write');
    return auditedWrite(this.tx, actor, 'supplier.create', async (sql) => {
      const created = await suppliersRepository.create(sql, actor.accountId, toFields(input));
      if (!created)
        throw new DomainError('DUPLICATE', `supplier ${input.code} already exists`, { field: 'code' });
      const leadTime = learnLeadTime({ statedDays: statedDays(created), observedDays: [] });
      return { entity: ['supplier', created.code], before: null, after: mapSupplierDto(created, leadTime) };
    });
  }

  async update(actor: Actor, code: string, patch: SupplierUpdate): Promise<SupplierDto> {
    requirePermission(actor, 'catalog:write');
    return auditedWrite(this.tx, actor, 'supplier.update', async (sql) => {
      const existing = await this.require(actor, code);
      const before = await this.toDto(actor, existing);
      const updated = await suppliersRepository.update(
        sql,
        actor.accountId,
        existing.id,
        toFields({ ...patch, code: existing.code, name: patch.name ?? existing.name }, existing),
      );
      return { entity: ['supplier', code], before, after: await this.toDto(actor, updated!) };
    });
  }

  /** Deletes a supplier that never had a purchase order; one with orders is deactivated instead (history stays). */
  async remove(actor: Actor, code: string): Promise<{ deleted: boolean; deactivated: boolean }> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const existing = await this.require(actor, code);
      const deleted = await suppliersRepository.delete(sql, actor.accountId, existing.id);
      if (!deleted)
        await suppliersRepository.update(sql, actor.accountId, existing.id, { ...existing, active: false });
      await auditTrail(sql, actor).record(
        deleted ? 'supplier.delete' : 'supplier.deactivate',
        ['supplier', code],
        { code },
        null,
      );
      return { deleted, deactivated: !deleted };
    });
  }

  async get(actor: Actor, code: string): Promise<SupplierDto> {
    return this.toDto(actor, await this.require(actor, code));
  }

  async list(
    actor: Actor,
    q: { search?: string | undefined; active?: boolean | undefined },
  ): Promise<SupplierDto[]> {
    const suppliers = await suppliersRepository.list(this.tx.sql, actor.accountId, q);
    const observed = await observedLeadTimes(this.tx.sql, actor.accountId);
    return suppliers.map((s) =>
      mapSupplierDto(s, learnLeadTime({ statedDays: statedDays(s), observedDays: observed.get(s.id) ?? [] })),
    );
  }

  async listProducts(actor: Actor, code: string): Promise<SupplierProductDto[]> {
    const supplier = await this.require(actor, code);
    return (await suppliersRepository.listProducts(this.tx.sql, actor.accountId, supplier.id)).map(
      mapSupplierProductDto,
    );
  }

  async upsertProduct(
    actor: Actor,
    key: { code: string; sku: string },
    input: SupplierProductUpsert,
  ): Promise<SupplierProductDto> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const supplier = await this.require(actor, key.code);
      const product = await productsRepository.findBySku(sql, actor.accountId, key.sku);
      if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${key.sku}`, { field: 'sku' });
      const ids = { supplierId: supplier.id, productId: product.id };
      const existing = await suppliersRepository.findProduct(sql, actor.accountId, ids);
      const breaks = [...(input.priceBreaks ?? existing?.priceBreaks ?? [])].sort(
        (a, b) => a.minQuantity - b.minQuantity,
      );
      if (new Set(breaks.map((b) => b.minQuantity)).size !== breaks.length)
        throw new DomainError('VALIDATION_FAILED', 'two price breaks with the same minimum quantity', {
          field: 'priceBreaks',
        });
      await suppliersRepository.upsertProduct(sql, actor.accountId, ids, {
        supplierSku: input.supplierSku !== undefined ? input.supplierSku : (existing?.supplierSku ?? null),
        unitCost: input.unitCost !== undefined ? input.unitCost : (existing?.unitCost ?? product.unitCost),
        priceBreaks: breaks,
        moq: input.moq ?? existing?.moq ?? 0,
        casePack: input.casePack !== undefined ? input.casePack : (existing?.casePack ?? null),
        preferred: input.preferred ?? existing?.preferred ?? false,
      });
      const saved = await suppliersRepository.findProduct(sql, actor.accountId, ids);
      const dto = mapSupplierProductDto(saved!);
      await auditTrail(sql, actor).record(
        'supplier.product.upsert',
        ['supplier', `${key.code}/${key.sku}`],
        existing ? mapSupplierProductDto(existing) : null,
        dto,
      );
      return dto;
    });
  }

  async removeProduct(actor: Actor, key: { code: string; sku: string }): Promise<void> {
    requirePermission(actor, 'catalog:write');
    await this.tx.run(async (sql) => {
      const supplier = await this.require(actor, key.code);
      const product = await productsRepository.findBySku(sql, actor.accountId, key.sku);
      if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${key.sku}`, { field: 'sku' });
      const removed = await suppliersRepository.deleteProduct(sql, actor.accountId, {
        supplierId: supplier.id,
        productId: product.id,
      });
      if (!removed)
        throw new DomainError('NOT_FOUND', `${key.code} has no terms for ${key.sku}`, { field: 'sku' });
      await auditTrail(sql, actor).record(
        'supplier.product.delete',
        ['supplier', `${key.code}/${key.sku}`],
        { sku: key.sku },
        null,
      );
    });
  }

  async scorecard(actor: Actor, code: string, options: { asOf?: string } = {}): Promise<ScorecardDto> {
    const supplier = await this.require(actor, code);
    const asOf = options.asOf ?? todayIso();
    const orders = await purchaseOrdersRepository.orderSummaries(this.tx.sql, actor.accountId, supplier.id);
    const card = supplierScorecard(orders.map(toScorecardOrder), { asOf });
    return {
      supplier: supplier.code,
      asOf,
      ...card,
      leadTime: { statedDays: statedDays(supplier), ...card.leadTime },
    };
  }

  /**
   * Every supplier's unpaid bills in one list, soonest due first: the scorecard's rule (due = first
   * receipt, else the send date, + the order's payment terms), so the two never disagree.
   */
  async bills(actor: Actor, options: { asOf?: string | undefined } = {}): Promise<SupplierBillsDto> {
    requirePermission(actor, 'read');
    const asOf = options.asOf ?? todayIso();
    const suppliers = new Map(
      (await suppliersRepository.list(this.tx.sql, actor.accountId, {})).map((s) => [s.id, s]),
    );
    const bySupplier = groupBy(
      await purchaseOrdersRepository.orderSummaries(this.tx.sql, actor.accountId),
      (o) => o.supplierId,
      toScorecardOrder,
    );
    const items: SupplierBillsDto['items'] = [];
    for (const [supplierId, orders] of bySupplier) {
      const supplier = suppliers.get(supplierId);
      if (!supplier) continue;
      for (const bill of supplierScorecard(orders, { asOf }).billsDue)
        items.push({
          supplier: supplier.code,
          supplierName: supplier.name,
          currency: supplier.currency,
          ...bill,
        });
    }
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number));
    const totals = new Map<string, { currency: string; amount: number; overdue: number }>();
    for (const bill of items) {
      const total = totals.get(bill.currency) ?? { currency: bill.currency, amount: 0, overdue: 0 };
      total.amount = Math.round((total.amount + bill.amount) * 100) / 100;
      if (bill.overdue) total.overdue = Math.round((total.overdue + bill.amount) * 100) / 100;
      totals.set(bill.currency, total);
    }
    return { asOf, items, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  }

  async require(actor: Actor, code: string): Promise<SupplierRecord> {
    const supplier = await suppliersRepository.findByCode(this.tx.sql, actor.accountId, code);
    if (!supplier) throw new DomainError('NOT_FOUND', `unknown supplier ${code}`, { field: 'supplier' });
    return supplier;
  }

  private async toDto(actor: Actor, s: SupplierRecord): Promise<SupplierDto> {
    const observed = await observedLeadTimes(this.tx.sql, actor.accountId, s.id);
    return mapSupplierDto(
      s,
      learnLeadTime({ statedDays: statedDays(s), observedDays: observed.get(s.id) ?? [] }),
    );
  }
}

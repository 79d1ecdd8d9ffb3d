import { DomainError } from '@stockwise/domain/errors';
import type { IntakeRefundLine, OrderIntake } from '@stockwise/domain/sales/intake';
import type { OrderChannel, OrderStatus } from '@stockwise/domain/sales/order-state';
import { deriveStatus, takeFromLines } from '@stockwise/domain/sales/order-state';
import type { Sql } from '@stockwise/db/database';
import type { Page } from '@stockwise/db/pagination';
import { auditRepository } from '@stockwise/db/accounts/audit.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { OrderQuery, OrderWithLines } from '@stockwise/db/sales/orders.repository';
import { orderIntakeRepository } from '@stockwise/db/sales/order-intake.repository';
import { ordersRepository } from '@stockwise/db/sales/orders.repository';
import type { OrderCancel, OrderDto, OrderReturn, OrderShip } from './orders.schema';
import type { Actor } from '../accounts/actor';
import { auditActor, requirePermission } from '../accounts/actor';
import type { LedgerService } from '../ledger/ledger.service';
import type { Transactor } from '../platform/transactor';
import type { IntakeOptions } from './intake-plan';
import { planIntake, planReservation } from './intake-plan';
import { OrderBatcher } from './order-batcher';
import type { CreateResult } from './order-dto';
import { mapOrderDto } from './order-dto';
import { writeIntake } from './intake-write';
import { intakeHistory } from './history-intake';
import { cancelLines, returnLines, shipLines } from './order-movements';
import { postReservations } from './order-reservations';
import { mapPage } from '../platform/page';

export type CreateOptions = IntakeOptions;

/**
 * Orders reserve stock when they arrive, ship from where they reserved, release on cancel and
 * restock on return; every state change is a ledger movement (LedgerService.post), so balances and
 * the ledger never disagree and revenue per SKU comes from the shipments.
 */
export class OrdersService {
  private readonly batcher = new OrderBatcher(this);

  constructor(
    private readonly tx: Transactor,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * API intake: create() batched with the orders other requests of this actor are placing at the same
   * moment (see OrderBatcher). Inside an open unit of work (an Idempotency-Key request) the order
   * joins that transaction instead.
   */
  place(actor: Actor, intake: OrderIntake): Promise<CreateResult> {
    requirePermission(actor, 'inventory:write');
    return this.tx.inTransaction ? this.create(actor, intake) : this.batcher.submit(actor, intake);
  }

  /**
   * Creates the order and reserves all of it, or nothing: a SKU that cannot be covered (and does not
   * allow backorders) refuses the whole order with INSUFFICIENT_STOCK naming every short SKU — or, for
   * an order a channel has already taken (`shortStock: 'pending'`), records it as pending with nothing
   * reserved. The same (channel, external id) always yields the one order it first created.
   */
  async create(actor: Actor, intake: OrderIntake, options: CreateOptions = {}): Promise<CreateResult> {
    const [result] = await this.createMany(actor, [intake], options);
    if (result instanceof DomainError) throw result;
    return result!;
  }

  /**
   * create() for several orders in one transaction and a handful of statements, whatever their
   * number: each order is accepted, replayed or refused on its own (a refusal is returned, not
   * thrown, and leaves no trace). Orders are decided in the order given, on one view of the locked
   * stock. Two intakes with one (channel, external id) must not share a call.
   */
  async createMany(
    actor: Actor,
    intakes: readonly OrderIntake[],
    options: CreateOptions = {},
  ): Promise<(CreateResult | DomainError)[]> {
    requirePermission(actor, 'inventory:write');
    if (new Set(intakes.map((i) => `${i.channel}\u0000${i.externalId}`)).size !== intakes.length) {
      throw new Error('createMany: one (channel, externalId) twice in one call');
    }
    return this.tx.run(async (sql) => {
      const skus = [...new Set(intakes.flatMap((i) => i.lines.map((l) => l.sku)))];
      const status: OrderStatus = options.reserveNothing ? 'cancelled' : 'reserved';
      const now = new Date();
      const rows = await orderIntakeRepository.insertAndLockStock(
        sql,
        actor.accountId,
        intakes.map((i) => ({
          channel: i.channel,
          externalId: i.externalId,
          status,
          orderedAt: i.orderedAt ?? now,
          currency: i.currency,
          unmapped: i.unmapped,
          fulfilment: i.fulfilment ?? null,
          marketplace: i.marketplace ?? null,
        })),
        skus,
      );
      const plans = planIntake({ intakes, rows, options });
      const created = await writeIntake(sql, this.ledger, actor, {
        intakes,
        plans,
        rows,
        inserted: intakes.map(() => status),
      });
      // The answers are built from what was just written: no read-back on the hot path.
      const results = await Promise.all(
        plans.map(async (p, i): Promise<CreateResult | DomainError> => {
          if (p.kind === 'refused') return p.error;
          if (p.kind === 'replay') return this.replay(sql, actor, intakes[i]!);
          return created.get(i)!;
        }),
      );
      return results;
    });
  }

  /**
   * A new order that its channel has already shipped (a live sync's or a history file's): it ships from
   * the available stock where intake places it, at `shippedAt`, reserving nothing only to release it
   * (docs/decisions.md 35) — intakeHistory with this one order, the path of every shipped order that
   * arrives new. Stock here that cannot cover it refuses it, naming its SKUs, and nothing is written;
   * an order that exists by now is a CONFLICT (the caller ships that one from its reservation).
   */
  async createShipped(actor: Actor, intake: OrderIntake, shippedAt: Date): Promise<OrderDto> {
    requirePermission(actor, 'inventory:write');
    return this.tx.run(async (sql) => {
      const [result] = await intakeHistory(sql, this.ledger, actor, [
        { intake, disposition: 'ship', shippedAt },
      ]);
      if (result?.kind === 'refused') throw result.error;
      const id = await ordersRepository.findIdByExternal(
        sql,
        actor.accountId,
        intake.channel,
        intake.externalId,
      );
      const order = id === undefined ? undefined : await ordersRepository.find(sql, actor.accountId, id);
      if (!order) throw new DomainError('CONFLICT', 'the order changed while it was being created; retry');
      return mapOrderDto(order);
    });
  }

  private async replay(sql: Sql, actor: Actor, intake: OrderIntake): Promise<CreateResult> {
    const existing = await ordersRepository.findIdByExternal(
      sql,
      actor.accountId,
      intake.channel,
      intake.externalId,
    );
    const order =
      existing === undefined ? undefined : await ordersRepository.find(sql, actor.accountId, existing);
    if (!order) throw new DomainError('CONFLICT', 'the order changed while it was being created; retry');
    return { ...mapOrderDto(order), replayed: true };
  }

  /** Reserves a pending order's open units now (stock has come in); short stock refuses with INSUFFICIENT_STOCK and it stays pending. */
  async reservePending(actor: Actor, id: number): Promise<OrderDto> {
    return this.tx.run(async (sql) => {
      const order = await this.locked(sql, actor, id);
      if (order.status !== 'pending')
        throw new DomainError('CONFLICT', `order ${id} is ${order.status}, not pending`);
      const open = order.lines.filter((l) => l.quantity - l.quantityShipped - l.quantityCancelled > 0);
      if (open.length === 0) throw new DomainError('CONFLICT', `order ${id} has no open units to reserve`);
      const products = new Map(
        (
          await productsRepository.findManyBySku(
            sql,
            actor.accountId,
            open.map((l) => l.sku),
          )
        ).map((p) => [p.id, p]),
      );
      const lines = open.map((l) => ({
        sku: l.sku,
        lineNo: l.lineNo,
        productId: l.productId,
        quantity: l.quantity - l.quantityShipped - l.quantityCancelled,
        allowBackorder: products.get(l.productId)?.allowBackorder ?? false,
      }));
      const rows = await orderIntakeRepository.lockStock(sql, actor.accountId, [
        ...new Set(lines.map((l) => l.productId)),
      ]);
      // Where its intake would have drawn from: an AFN order only from Amazon (docs/decisions.md 47, 53).
      const reservation = planReservation({
        channel: order.channel,
        fulfilment: order.fulfilment,
        marketplace: order.marketplace,
        lines,
        ...rows,
      });
      await postReservations(
        this.ledger,
        actor,
        [{ orderId: id, channel: order.channel, lines, allocations: reservation.allocations }],
        rows,
      );
      const lineIdOf = new Map(order.lines.map((l) => [l.lineNo, l.id]));
      await orderIntakeRepository.insertAllocations(
        sql,
        actor.accountId,
        reservation.parts.map((p) => ({
          orderLineId: lineIdOf.get(p.lineNo)!,
          locationId: p.locationId,
          reserved: p.reserved,
        })),
      );
      if (reservation.backordered) await ordersRepository.setBackordered(sql, actor.accountId, id, true);
      return this.finish(sql, { actor, id, action: 'order.reserve', before: order });
    });
  }

  async get(actor: Actor, id: number): Promise<OrderDto> {
    requirePermission(actor, 'read');
    const order = await ordersRepository.find(this.tx.sql, actor.accountId, id);
    if (!order) throw new DomainError('NOT_FOUND', `no order ${id}`, { field: 'id' });
    return mapOrderDto(order);
  }

  async findByExternal(
    actor: Actor,
    channel: OrderChannel,
    externalId: string,
  ): Promise<OrderDto | undefined> {
    const id = await ordersRepository.findIdByExternal(this.tx.sql, actor.accountId, channel, externalId);
    return id === undefined ? undefined : this.get(actor, id);
  }

  async list(actor: Actor, q: OrderQuery): Promise<Page<OrderDto>> {
    requirePermission(actor, 'read');
    const page = await ordersRepository.list(this.tx.sql, actor.accountId, q);
    return mapPage(page, mapOrderDto);
  }

  private async locked(sql: Sql, actor: Actor, id: number): Promise<OrderWithLines> {
    requirePermission(actor, 'inventory:write');
    if (!(await ordersRepository.lock(sql, actor.accountId, id)))
      throw new DomainError('NOT_FOUND', `no order ${id}`, { field: 'id' });
    return (await ordersRepository.find(sql, actor.accountId, id))!;
  }

  private async finish(
    sql: Sql,
    ctx: { actor: Actor; id: number; action: string; before: OrderWithLines },
  ): Promise<OrderDto> {
    const after = (await ordersRepository.find(sql, ctx.actor.accountId, ctx.id))!;
    // Open units with nothing reserved (a pending order, partly cancelled) keep the order pending.
    const unreserved = after.lines.some(
      (l) =>
        l.quantity - l.quantityShipped - l.quantityCancelled >
        l.allocations.reduce((n, a) => n + a.reserved, 0),
    );
    const derived = deriveStatus(after.lines);
    const status = derived === 'reserved' && unreserved ? 'pending' : derived;
    if (status !== after.status) await ordersRepository.setStatus(sql, ctx.actor.accountId, ctx.id, status);
    const dto = { ...mapOrderDto(after), status };
    await auditRepository.record(sql, {
      ...auditActor(ctx.actor),
      action: ctx.action,
      entityType: 'order',
      entityId: String(ctx.id),
      before: { status: ctx.before.status },
      after: {
        status,
        lines: dto.lines.map((l) => ({
          sku: l.sku,
          shipped: l.quantityShipped,
          cancelled: l.quantityCancelled,
          returned: l.quantityReturned,
        })),
      },
    });
    return dto;
  }

  /** Ships open units (all, or per SKU) from where they are reserved: shipment movements out of reserved stock, with price and channel. */
  async ship(actor: Actor, id: number, input: OrderShip = {}): Promise<OrderDto> {
    return this.tx.run(async (sql) => {
      const order = await this.locked(sql, actor, id);
      if (order.status === 'cancelled') throw new DomainError('CONFLICT', `order ${id} is cancelled`);
      if (order.status === 'pending')
        throw new DomainError(
          'CONFLICT',
          `order ${id} is pending: nothing is reserved for it yet (POST /orders/${id}/reserve once stock is in)`,
        );
      const take = takeFromLines(
        order.lines.map((l) => ({
          lineNo: l.lineNo,
          sku: l.sku,
          open: l.quantity - l.quantityShipped - l.quantityCancelled,
        })),
        input.lines,
        'ship',
      );
      const occurredAt = input.shippedAt ? new Date(input.shippedAt) : new Date();
      const entries = await shipLines(sql, order, { take, occurredAt });
      await this.ledger.post(actor, entries, { kind: 'order.ship', fieldPrefix: 'lines' });
      return this.finish(sql, { actor, id, action: 'order.ship', before: order });
    });
  }

  /** Cancels open units (all, or per SKU) and releases their reservations. Shipped units stay shipped. */
  async cancel(actor: Actor, id: number, input: OrderCancel = {}, note?: string): Promise<OrderDto> {
    return this.tx.run(async (sql) => {
      const order = await this.locked(sql, actor, id);
      if (order.status === 'cancelled' && !input.lines) return mapOrderDto(order);
      const open = order.lines.map((l) => ({
        lineNo: l.lineNo,
        sku: l.sku,
        open: l.quantity - l.quantityShipped - l.quantityCancelled,
      }));
      if (!input.lines && open.every((l) => l.open === 0)) return mapOrderDto(order);
      const take = takeFromLines(open, input.lines, 'cancel');
      const entries = await cancelLines(sql, order, take);
      if (entries.length > 0)
        await this.ledger.post(actor, entries, { kind: 'order.cancel', fieldPrefix: 'lines', note });
      return this.finish(sql, { actor, id, action: 'order.cancel', before: order });
    });
  }

  /** Takes shipped units back: sellable units reopen an age layer, unfulfillable ones go to that bucket. */
  async return(actor: Actor, id: number, input: OrderReturn, note?: string): Promise<OrderDto> {
    return this.tx.run(async (sql) => {
      const order = await this.locked(sql, actor, id);
      const entries = await returnLines(sql, order, input);
      await this.ledger.post(actor, entries, { kind: 'order.return', fieldPrefix: 'lines', note });
      return this.finish(sql, { actor, id, action: 'order.return', before: order });
    });
  }

  /**
   * A channel's refund: restocked units return, cancelled ones release their reservation; the movements
   * carry `note` (the channel's refund, e.g. "shopify refund 929361462").
   */
  async applyRefund(
    actor: Actor,
    id: number,
    refund: readonly IntakeRefundLine[],
    note?: string,
  ): Promise<OrderDto> {
    return this.tx.run(async () => {
      const order = await this.get(actor, id);
      const resolve = (r: IntakeRefundLine) =>
        order.lines.find(
          (l) =>
            (r.externalLineId !== null && l.externalLineId === r.externalLineId) ||
            (r.externalLineId === null && l.sku === r.sku),
        );
      const returns: OrderReturn['lines'] = [];
      const cancels: { sku: string; quantity: number }[] = [];
      for (const r of refund) {
        const line = resolve(r);
        if (!line || r.quantity <= 0) continue;
        if (r.restock === 'return') {
          const n = Math.min(r.quantity, line.quantityShipped - line.quantityReturned);
          if (n > 0) returns.push({ sku: line.sku, quantity: n, condition: 'sellable' });
        } else if (r.restock === 'cancel') {
          const n = Math.min(r.quantity, line.quantity - line.quantityShipped - line.quantityCancelled);
          if (n > 0) cancels.push({ sku: line.sku, quantity: n });
        }
      }
      let result = order;
      if (cancels.length > 0) result = await this.cancel(actor, id, { lines: cancels }, note);
      if (returns.length > 0) result = await this.return(actor, id, { lines: returns }, note);
      return result;
    });
  }
}

import { DomainError } from '@stockwise/domain/errors';
import type { ProjectionArrival } from '@stockwise/domain/replenishment/projection';
import { projectStock } from '@stockwise/domain/replenishment/projection';
import { RECEIVABLE_STATUSES } from '@stockwise/domain/replenishment/purchase-order-lifecycle';
import type { Sql } from '@stockwise/db/database';
import type { PurchaseOrderLineRecord } from '@stockwise/db/replenishment/purchase-orders.repository';
import { purchaseOrdersRepository } from '@stockwise/db/replenishment/purchase-orders.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';
import type { NetworkPlanLine, PlanningService } from './planning.service';
import type { ProjectionDto } from './projection.schema';
import type { SupplyMode } from './restock.schema';

/** Open purchase orders one location receives, read per projection (a few per SKU). */
const OPEN_ORDER_LIMIT = 500;

type Arrival = ProjectionArrival & { reference: string | null };

/**
 * A SKU's stock projection at one location (docs/formulas.md Stock projection): the planning position's
 * stock, forecast and recommendation (`PlanningService.plan` for the SKU, the same figures as the
 * restock page) with the open orders' dated arrivals; `projectStock` (domain) projects.
 */
export class ProjectionService {
  constructor(
    private readonly tx: Transactor,
    private readonly planning: PlanningService,
  ) {}

  async project(
    actor: Actor,
    sku: string,
    q: { location?: string | undefined; mode?: SupplyMode | undefined; days?: number | undefined } = {},
  ): Promise<ProjectionDto> {
    requirePermission(actor, 'read');
    const { asOf, lines } = await this.planning.plan(actor, { sku, mode: q.mode });
    const locations = [...new Set(lines.map((l) => l.location.code))].sort();
    // Without a location: where the SKU sells most (its busiest position).
    const busiest = [...lines].sort((a, b) => b.position.dailyDemand - a.position.dailyDemand)[0];
    const code = q.location ?? busiest?.location.code;
    const here = lines.filter((l) => l.location.code === code);
    const line = here[0];
    if (!line || code === undefined)
      throw new DomainError('UNKNOWN_LOCATION', `${sku} is not planned at ${q.location ?? 'any location'}`, {
        field: 'location',
      });
    const planned: Arrival[] = here
      .filter((l) => l.rec.recommendedQuantity > 0)
      .map((l) => ({
        date: l.rec.arrivalDate,
        quantity: l.rec.recommendedQuantity,
        kind: 'planned',
        reference: null,
      }));
    const arrivals = [...(await this.inbound(this.tx.sql, actor.accountId, line, asOf)), ...planned];
    const projection = projectStock(
      { asOf, available: line.position.available, arrivals, forecast: line.forecast },
      { days: q.days, coverLowDays: line.position.coverLowDays, coverHighDays: line.position.coverHighDays },
    );
    return {
      sku,
      location: code,
      locations,
      asOf,
      available: line.position.available,
      reorderPoint: line.rec.reorderPoint,
      coverLowDays: line.position.coverLowDays,
      coverHighDays: line.position.coverHighDays,
      recommendedQuantity: planned.reduce((sum, a) => sum + a.quantity, 0),
      plannedArrivalDate: planned[0]?.date ?? null,
      stockOutDate: projection.stockOutDate,
      arrivals: arrivals
        .filter((a) => a.quantity > 0)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map(({ date, quantity, kind, reference }) => ({ date, quantity, kind, reference })),
      days: projection.days,
    };
  }

  /**
   * The position's inbound units, dated: what open purchase orders still bring (on their expected date,
   * or today when they have none or are late), and the rest (transfers on their way) from today, as the
   * planning position counts them.
   */
  private async inbound(
    sql: Sql,
    accountId: number,
    line: NetworkPlanLine,
    asOf: string,
  ): Promise<Arrival[]> {
    const orders = (
      await Promise.all(
        [...RECEIVABLE_STATUSES].map((status) =>
          purchaseOrdersRepository.list(sql, accountId, {
            limit: OPEN_ORDER_LIMIT,
            status,
            locationId: line.location.id,
          }),
        ),
      )
    ).flat();
    const linesOf = orders.length
      ? await purchaseOrdersRepository.lines(
          sql,
          accountId,
          orders.map((o) => o.id),
        )
      : new Map<number, PurchaseOrderLineRecord[]>();
    let left = Math.max(0, line.position.inbound);
    const out: Arrival[] = [];
    for (const order of orders) {
      for (const l of linesOf.get(order.id) ?? []) {
        if (l.productId !== line.product.id) continue;
        const quantity = Math.min(left, Math.max(0, l.quantity - l.receivedQuantity));
        left -= quantity;
        const date = order.expectedOn && order.expectedOn > asOf ? order.expectedOn : asOf;
        out.push({ date, quantity, kind: 'inbound', reference: order.number });
      }
    }
    if (left > 0) out.push({ date: asOf, quantity: left, kind: 'inbound', reference: null });
    return out;
  }
}

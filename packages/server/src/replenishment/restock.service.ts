import { DomainError } from '@stockwise/domain/errors';
import type { HeldBackReason } from '@stockwise/domain/replenishment/held-back';
import { compareByUrgency, planTotals } from '@stockwise/domain/replenishment/plan-summary';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { ReplenishmentSettings } from '@stockwise/db/replenishment/replenishment.repository';
import { replenishmentRepository } from '@stockwise/db/replenishment/replenishment.repository';
import { suppliersRepository } from '@stockwise/db/replenishment/suppliers.repository';
import type {
  RestockExport,
  RestockItemDto,
  RestockPlanDto,
  RestockSettings,
  SupplyMode,
} from './restock.schema';
import { onePage, reportStream } from '../reports/report-writers';
import type { Actor } from '../accounts/actor';
import { auditTrail, requirePermission } from '../accounts/actor';
import type { AccountSetting } from '../platform/account-setting';
import { replaceAccountSetting } from '../platform/account-setting';
import type { Transactor } from '../platform/transactor';
import { keyOf, PlanningVersionCache } from '../platform/versioned-cache';
import { todayUtc } from '../forecasting/forecast.service';
import type { Sql } from '@stockwise/db/database';
import { mergeCosts } from './suppliers.service';
import type { SupplierCostTerms } from '@stockwise/domain/replenishment/costs';
import type { NetworkPlanLine, PlanningService } from './planning.service';

export interface RestockPlanQuery {
  location?: string | undefined;
  supplier?: string | undefined;
  sku?: string | undefined;
  alert?: 'out_of_stock' | 'reorder_now' | 'reorder_soon' | 'any' | undefined;
  mode?: SupplyMode | undefined;
  /** Only rows held back (for this reason, or 'any'). */
  heldBack?: HeldBackReason | 'any' | undefined;
  onlyOrders?: boolean | undefined;
  limit?: number | undefined;
  /** First planning day; default today (UTC). */
  asOf?: string | undefined;
}

const DEFAULT_LIMIT = 5000;

type RestockView = Pick<RestockPlanDto, 'asOf' | 'mode' | 'items' | 'capacity'>;

/**
 * Restock recommendations per SKU × location (docs/formulas.md Restock): the planning position's plan
 * (`PlanningService.plan`), filtered and shaped for the API.
 */
export class RestockService {
  /** Every line of a plan as the API shows it, per planning version, kept across restarts. */
  private readonly views: PlanningVersionCache<RestockView>;

  constructor(
    private readonly tx: Transactor,
    private readonly planning: PlanningService,
  ) {
    this.views = new PlanningVersionCache(tx, { persistAs: 'restock' });
  }

  async plan(actor: Actor, q: RestockPlanQuery = {}): Promise<RestockPlanDto> {
    requirePermission(actor, 'read');
    const sql = this.tx.sql;
    const accountId = actor.accountId;
    const location = q.location ? await locationsRepository.findByCode(sql, accountId, q.location) : null;
    if (q.location && !location?.active)
      throw new DomainError('UNKNOWN_LOCATION', `unknown location ${q.location}`, { field: 'location' });
    if (q.supplier && !(await suppliersRepository.list(sql, accountId)).some((s) => s.code === q.supplier))
      throw new DomainError('NOT_FOUND', `unknown supplier ${q.supplier}`, { field: 'supplier' });
    const { asOf, mode, items: all, capacity } = await this.view(actor, q);
    let items = all;
    if (q.location) items = items.filter((i) => i.location === q.location);
    if (q.supplier) items = items.filter((i) => i.supplier === q.supplier);
    if (q.alert) items = items.filter((i) => (q.alert === 'any' ? i.alert !== null : i.alert === q.alert));
    if (q.heldBack) {
      const held = q.heldBack;
      items = items.filter((i) =>
        held === 'any' ? i.reasoning.heldBack !== null : i.reasoning.heldBack?.reason === held,
      );
    }
    if (q.onlyOrders) items = items.filter((i) => i.recommendedQuantity > 0);
    // A copy: the view is shared by every caller of this version.
    items = [...items].sort(compareByUrgency).slice(0, q.limit ?? DEFAULT_LIMIT);
    return {
      asOf,
      mode,
      items,
      capacity: q.location ? capacity.filter((c) => c.location === q.location) : capacity,
      totals: planTotals(items),
    };
  }

  /**
   * The plan's lines as the API shows them, unfiltered: computed once per planning version and stored,
   * so the first restock page after a restart reads them instead of planning again (docs/decisions.md 34).
   */
  private view(
    actor: Actor,
    q: { asOf?: string | undefined; mode?: SupplyMode | undefined; sku?: string | undefined },
  ) {
    const query = { asOf: q.asOf ?? todayUtc(), mode: q.mode, sku: q.sku };
    return this.views.get(actor.accountId, keyOf(actor.accountId, 'restock', query), async () => {
      const { asOf, mode, lines, capacity } = await this.planning.plan(actor, query);
      return { asOf, mode, items: lines.map((r) => toDto(r, mode)), capacity };
    });
  }

  /**
   * The planner's rows as the dashboard shows them, as an .xlsx workbook streamed by the report writer
   * (text cells stored as text, docs/formulas.md "Spreadsheet-safe text").
   */
  exportWorkbook(actor: Actor, table: RestockExport): ReadableStream<Uint8Array> {
    requirePermission(actor, 'read');
    const { columns, rows } = table;
    const records = rows.map((r) => Object.fromEntries(columns.map((col, i) => [col, r[i] ?? null])));
    return reportStream('xlsx', { sheet: 'restock', columns }, onePage(records));
  }

  /** A SKU's own planning settings: null (or false) where it follows the account's defaults. */
  async settings(actor: Actor, sku: string): Promise<Required<RestockSettings> & { sku: string }> {
    requirePermission(actor, 'read');
    const { existing } = await this.storedSettings(this.tx.sql, actor, sku);
    return {
      sku,
      serviceLevel: existing?.serviceLevel ?? null,
      reviewDays: existing?.reviewDays ?? null,
      minCoverDays: existing?.minCoverDays ?? null,
      maxCoverDays: existing?.maxCoverDays ?? null,
      allowExcess: existing?.allowExcess ?? false,
      buyDespiteClearance: existing?.buyDespiteClearance ?? false,
      buyDespiteLoss: existing?.buyDespiteLoss ?? false,
    };
  }

  private async storedSettings(sql: Sql, actor: Actor, sku: string) {
    const product = await productsRepository.findBySku(sql, actor.accountId, sku);
    if (!product) throw new DomainError('UNKNOWN_SKU', `unknown SKU ${sku}`, { field: 'sku' });
    const existing = (await replenishmentRepository.settings(sql, actor.accountId)).find(
      (s) => s.productId === product.id,
    );
    return { product, existing };
  }

  async updateSettings(
    actor: Actor,
    sku: string,
    patch: RestockSettings,
  ): Promise<RestockSettings & { sku: string }> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const { product, existing } = await this.storedSettings(sql, actor, sku);
      const next: ReplenishmentSettings = {
        productId: product.id,
        serviceLevel:
          patch.serviceLevel !== undefined ? patch.serviceLevel : (existing?.serviceLevel ?? null),
        reviewDays: patch.reviewDays !== undefined ? patch.reviewDays : (existing?.reviewDays ?? null),
        minCoverDays:
          patch.minCoverDays !== undefined ? patch.minCoverDays : (existing?.minCoverDays ?? null),
        maxCoverDays:
          patch.maxCoverDays !== undefined ? patch.maxCoverDays : (existing?.maxCoverDays ?? null),
        allowExcess: patch.allowExcess ?? existing?.allowExcess ?? false,
        buyDespiteClearance: patch.buyDespiteClearance ?? existing?.buyDespiteClearance ?? false,
        buyDespiteLoss: patch.buyDespiteLoss ?? existing?.buyDespiteLoss ?? false,
      };
      if (next.minCoverDays !== null && next.maxCoverDays !== null && next.minCoverDays > next.maxCoverDays) {
        throw new DomainError('VALIDATION_FAILED', 'minCoverDays must not exceed maxCoverDays', {
          field: 'minCoverDays',
        });
      }
      await replenishmentRepository.upsertSettings(sql, actor.accountId, next);
      const { productId: _id, ...dto } = next;
      await auditTrail(sql, actor).record('restock.settings', ['product', sku], existing ?? null, dto);
      return { sku, ...dto };
    });
  }

  /** The account's ordering and shipping terms (null = the product's default, docs/formulas.md Replenishment costs). */
  async costDefaults(actor: Actor): Promise<SupplierCostTerms> {
    requirePermission(actor, 'read');
    return suppliersRepository.costDefaults(this.tx.sql, actor.accountId);
  }

  async updateCostDefaults(actor: Actor, patch: Partial<SupplierCostTerms>): Promise<SupplierCostTerms> {
    requirePermission(actor, 'catalog:write');
    return replaceAccountSetting(this.tx, actor, costDefaultsSetting, (existing) =>
      mergeCosts(existing, patch),
    );
  }
}

function toDto(r: NetworkPlanLine, mode: SupplyMode): RestockItemDto {
  const rec = r.rec;
  const p = r.position;
  return {
    sku: r.product.sku,
    title: r.product.title,
    location: r.location.code,
    locationType: r.location.type,
    action: r.action,
    source: r.source,
    supplier: r.supplier?.code ?? null,
    mode,
    onHand: p.onHand,
    available: p.available,
    inbound: p.inbound,
    backorders: p.backorders,
    dailyDemand: p.dailyDemand,
    daysOfSupply: p.daysOfSupply,
    stockOutDate: p.stockOutDate,
    coverLowDays: p.coverLowDays,
    coverHighDays: p.coverHighDays,
    excessUnits: p.excessUnits,
    leadTimeDays: p.leadTimeDays,
    serviceLevel: rec.serviceLevel,
    safetyStock: rec.safetyStock,
    reorderPoint: rec.reorderPoint,
    orderUpTo: rec.orderUpTo,
    recommendedQuantity: rec.recommendedQuantity,
    unconstrainedQuantity: r.unconstrained,
    casePack: rec.reasoning.casePack,
    moq: rec.reasoning.moq,
    unitCost: rec.unitCost,
    estimatedCost: rec.estimatedCost,
    orderByDate: rec.orderByDate,
    shipDate: rec.shipDate,
    arrivalDate: rec.arrivalDate,
    alert: p.alert,
    excess: rec.excess,
    reasoning: {
      ...rec.reasoning,
      forecast: r.forecastSource,
      leadTimeSource:
        r.lead.source === 'stated'
          ? `stated (${r.lead.statedDays} days)`
          : `${r.lead.source} from ${r.lead.observations} receipts${r.lead.basis === 'route' ? ` to ${r.location.code}` : r.lead.basis === 'supplier' ? ' (all routes)' : ''} (stated ${r.lead.statedDays})`,
      capacity: r.capacity,
      heldBack: r.heldBack,
      echelon: r.echelon,
    },
  };
}

const costDefaultsSetting: AccountSetting<SupplierCostTerms> = {
  action: 'restock.cost_defaults',
  read: (sql, accountId) => suppliersRepository.costDefaults(sql, accountId),
  write: (sql, accountId, terms) => suppliersRepository.setCostDefaults(sql, accountId, terms),
};

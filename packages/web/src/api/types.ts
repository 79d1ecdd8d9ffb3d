/**
 * The dashboard's names for the HTTP API's types, all derived from schema.gen.ts (generated from the committed
 * OpenAPI document openapi.json on install and before lint and typecheck; docs/decisions.md §21). The web talks
 * to the server over HTTP only, so it imports types, not code.
 */
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];

/** The JSON body of an operation's first success response (200, 201 or 202). */
export type JsonResponse<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? Responses extends { 200: { content: { 'application/json': infer Body } } }
    ? Body
    : Responses extends { 201: { content: { 'application/json': infer Body } } }
      ? Body
      : Responses extends { 202: { content: { 'application/json': infer Body } } }
        ? Body
        : never
  : never;

/** The JSON body an operation accepts. */
export type JsonRequest<
  Path extends keyof paths,
  Method extends keyof paths[Path],
> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Me = Schemas['Me'];
export type Role = Me['account']['role'];
export type Permission = Me['permissions'][number];
export type Locale = JsonRequest<'/api/v1/auth/locale', 'put'>['locale'];

export type Product = Schemas['Product'];
export type Location = Schemas['Location'];
export type LocationType = Location['type'];
export type LocationCreate = Schemas['LocationCreate'];

export type Balance = Schemas['Balance'];
export type InventorySummary = Schemas['InventorySummary'];
export type LocationSummary = InventorySummary['locations'][number];
export type StockOuts = Schemas['InventoryStockOuts'];
export type AgeLayer = Schemas['AgeLayer'];
export type Movement = Schemas['Movement'];

export type Member = Schemas['Member'];
export type MemberCreate = Schemas['MemberCreate'];
export type MemberInvited = Schemas['MemberInvited'];
export type Invitation = Schemas['Invitation'];
export type ApiToken = Schemas['ApiToken'];
export type ApiTokenCreated = Schemas['ApiTokenCreated'];
export type Job = Schemas['Job'];
export type ImportRecord = Schemas['Import'];
export type ImportFormat = Schemas['ImportFormat'];
export type JobStatus = Job['status'];

export type Forecast = Schemas['Forecast'];
export type ForecastAccuracy = Schemas['ForecastAccuracy'];

export type RestockPlan = Schemas['RestockPlan'];
export type RestockRecommendation = Schemas['RestockRecommendation'];
export type RestockReasoning = Schemas['RestockReasoning'];
export type RestockAlert = NonNullable<RestockRecommendation['alert']>;
export type RestockExport = Schemas['RestockExport'];
/** A SKU's own planning settings (null or false: the account's default). */
export type RestockSkuSettings = Required<Schemas['RestockSettings']>;

export type IpiHealth = Schemas['Ipi'];
export type IpiFactorName = keyof IpiHealth['factors'];
export type IpiFactor = IpiHealth['factors'][IpiFactorName];
export type HealthBand = IpiHealth['band'];
export type IpiHistory = Schemas['IpiHistory'];
export type WhatIfRequest = Schemas['WhatIfRequest'];
export type WhatIfAction = WhatIfRequest['actions'][number];
export type WhatIfResult = Schemas['WhatIfResult'];
export type StorageOverview = Schemas['StorageOverview'];
/** A page of a report as JSON (GET /api/v1/reports/{kind}); the first page carries the summary. */
export type Report = Schemas['Report'];
export type ReportValue = Report['rows'][number][string];
/** The profit report's totals in one currency over the whole period (the server never adds two currencies). */
export type ProfitTotal = NonNullable<Report['summary']['totals']>[number];
/** With `convertTo` and `rates`: the whole profit report's totals in one currency by the seller's table. */
export type ProfitConverted = NonNullable<Report['summary']['converted']>;
export type ReportSchedule = Schemas['ReportSchedule'];
export type ReportScheduleCreate = Schemas['ReportScheduleCreate'];
export type TransferDraft = Schemas['TransferDraft'];
export type TransferDraftCreate = Schemas['TransferDraftCreate'];

export type PurchaseOrder = Schemas['PurchaseOrder'];
export type PurchaseOrderStatus = PurchaseOrder['status'];
export type PurchaseOrderUpdate = Schemas['PurchaseOrderUpdate'];
export type PurchaseOrderReceipt = Schemas['PurchaseOrderReceipt'];
export type ReceiveScan = Schemas['PurchaseOrderReceive']['lines'][number];

export type AlertItem = Schemas['Alert'];

export type Supplier = Schemas['Supplier'];
export type SupplierUpdate = Schemas['SupplierUpdate'];
export type SupplierCreate = Schemas['SupplierCreate'];
export type SupplierProduct = Schemas['SupplierProduct'];
export type Scorecard = Schemas['SupplierScorecard'];
export type Bill = Scorecard['billsDue'][number];
export type SupplierBills = Schemas['SupplierBills'];

export type NotificationSettings = Schemas['NotificationSettings'];
export type NotificationSettingsUpdate = Schemas['NotificationSettingsUpdate'];

export type SalesChannel = Schemas['SalesChannel'];
export type ChannelConnect = Schemas['ChannelConnect'];

export type Order = Schemas['Order'];
export type OrderChannel = Order['channel'];
export type OrderStatus = Order['status'];

export type StockProjection = Schemas['StockProjection'];
export type ProjectionDay = StockProjection['days'][number];
export type AmazonReconciliation = Schemas['AmazonReconciliation'];
export type AmazonReconciliationLine = Schemas['AmazonReconciliationLine'];

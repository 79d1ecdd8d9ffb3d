/**
 * The dashboard's own view of the HTTP API (see /api/openapi.json). The web package talks to the
 * server over HTTP only, so these types are declared here rather than imported from the server.
 */

export type Role = 'owner' | 'manager' | 'staff' | 'viewer';
export type Locale = 'en' | 'zh-CN' | 'zh-TW';

export interface AccountRef {
  id: number;
  name: string;
  role: Role;
}

export interface Me {
  user: { id: number; email: string; name: string | null; locale: string };
  account: AccountRef;
  accounts: AccountRef[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ListingStatus = 'active' | 'inactive' | 'error';

export interface Product {
  sku: string;
  title: string;
  barcode: string | null;
  barcodeKind: 'gtin' | 'internal' | null;
  asin: string | null;
  fnsku: string | null;
  channelSkus: Record<string, string>;
  category: string | null;
  brand: string | null;
  length: number | null;
  width: number | null;
  height: number | null;
  dimensionUnit: 'in' | 'cm';
  weight: number | null;
  weightUnit: 'lb' | 'oz' | 'kg' | 'g';
  cubicFeet: number | null;
  sizeTier: string | null;
  storageType: 'standard' | 'oversize' | null;
  unitCost: number | null;
  price: number | null;
  currency: string;
  casePack: number;
  replenishable: boolean;
  allowBackorder: boolean;
  listingStatus: ListingStatus;
  createdAt: string;
  updatedAt: string;
}

export type LocationType = 'warehouse' | 'amazon_fba' | '3pl';

export interface CapacityCubicFeet {
  standard?: number;
  oversize?: number;
  apparel?: number;
  footwear?: number;
  total?: number;
}

export interface Location {
  code: string;
  name: string;
  type: LocationType;
  marketplace: string | null;
  capacityCubicFeet: CapacityCubicFeet;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LocationCreate {
  code: string;
  name: string;
  type: LocationType;
  marketplace?: string | null;
  capacityCubicFeet?: CapacityCubicFeet;
}

export interface Balance {
  sku: string;
  title: string;
  /** Product facts the server joins onto each row (optional: older servers and test fixtures omit them). */
  barcode?: string | null;
  asin?: string | null;
  fnsku?: string | null;
  category?: string | null;
  brand?: string | null;
  replenishable?: boolean;
  cubicFeet?: number | null;
  location: string;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  oldestReceivedAt: string | null;
  /** Its oldest units are old enough to be aged (the server's rule). */
  aged: boolean;
  updatedAt: string;
}

/** GET /inventory/summary: the overview's totals, computed by the server in SQL. */
export interface InventorySummary {
  asOf: string;
  skus: number;
  replenishableSkus: number;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  cubicFeet: number;
  stockOuts: { count: number; skus: string[] };
  agedUnits: number;
  value: { currency: string; amount: number }[];
  locations: LocationSummary[];
  ageBuckets: { key: string; minDays: number; maxDays: number | null; units: number; cubicFeet: number }[];
}

export interface LocationSummary {
  code: string;
  name: string;
  type: string;
  skus: number;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  unfulfillable: number;
  /** Replenishable SKUs with nothing available here. */
  stockOuts: number;
  cubicFeet: number;
  capacityCubicFeet: number | null;
}

export interface AgeLayer {
  sku: string;
  location: string;
  receivedAt: string;
  ageDays: number;
  /** The server's age bucket of the layer (inclusive days; no upper end for the last). */
  ageBucket: { minDays: number; maxDays: number | null };
  aged: boolean;
  quantityReceived: number;
  quantityRemaining: number;
  unitCost: number | null;
}

export interface Movement {
  id: number;
  batchId: number;
  sku: string;
  location: string;
  type: string;
  reason: string | null;
  onHandDelta: number;
  reservedDelta: number;
  inboundDelta: number;
  unfulfillableDelta: number;
  unitCost: number | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: string;
  createdAt: string;
  actorUserId: number | null;
}

export interface Member {
  userId: number;
  email: string;
  name: string | null;
  role: Role;
  locale: string;
  accountId: number;
  accountName: string;
}

export interface MemberCreate {
  email: string;
  password: string;
  role: Role;
  name?: string;
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenCreated extends ApiToken {
  /** Shown once; the server stores only a hash. */
  token: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  progress: number;
  progressMessage: string | null;
  result?: unknown;
  error: string | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/* ---- Endpoints other engineers are building: documented shapes, pages degrade on 404. ---- */

export interface ForecastPoint {
  date: string;
  mean: number;
  q50: number;
  q80: number;
  q90: number;
  q95: number;
  q99: number;
}

export interface ForecastHistoryPoint {
  date: string;
  /** null on censored days: out of stock, so demand is unknown rather than zero. */
  units: number | null;
  censored?: boolean;
}

export interface Forecast {
  model: string;
  history: ForecastHistoryPoint[];
  forecast: ForecastPoint[];
  sku?: string;
  location?: string | null;
  asOf?: string;
  demandClass?: string;
  degenerate?: string | null;
  backtest?: { wape: number; bias: number } | null;
}

export type RestockAlert = 'out_of_stock' | 'reorder_now' | 'reorder_soon';

export interface RestockReasoning {
  dailyDemand: number;
  leadTimeDays: number;
  serviceLevel: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  position: { available: number; inbound: number; backorders: number; total: number };
  casePack: number;
  moq: number;
}

export interface RestockRecommendation {
  sku: string;
  title?: string;
  location: string;
  action?: 'purchase' | 'transfer';
  source?: string | null;
  supplier?: string | null;
  recommendedQuantity: number;
  estimatedCost?: number | null;
  orderByDate: string | null;
  shipDate: string | null;
  alert: RestockAlert | null;
  daysOfSupply: number | null;
  /** Numbers behind the recommendation; older drafts of the API sent free text. */
  reasoning?: RestockReasoning | string | null;
}

export type HealthBand = 'poor' | 'fair' | 'good' | 'excellent';

/** The live server explains each factor; the first documented shape gave a bare number. Both are read. */
export interface IpiFactor {
  value: number | null;
  band: HealthBand | null;
  draggers?: { sku: string; value: number; units: number }[];
}

export type IpiFactorName = 'excessPercent' | 'sellThrough' | 'strandedPercent' | 'inStockRate';

export interface IpiHealth {
  score: number;
  band?: HealthBand;
  warning?: boolean;
  asOf?: string;
  factors: Record<IpiFactorName, number | IpiFactor>;
  amazonScore?: { score: number; asOf: string; marketplace: string } | null;
}

export type PurchaseOrderStatus = 'draft' | 'sent' | 'partially_received' | 'received' | 'cancelled';

export interface PurchaseOrderLine {
  lineNo: number;
  sku: string;
  title: string;
  barcode: string | null;
  quantity: number;
  unitCost: number;
  receivedQuantity: number;
  openQuantity: number;
  lineTotal: number;
}

export interface PurchaseOrder {
  number: string;
  supplier: { code: string; name: string };
  location: string;
  status: PurchaseOrderStatus;
  source: 'manual' | 'recommendation' | 'import';
  currency: string;
  expectedOn: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  lines: PurchaseOrderLine[];
  totals: { units: number; receivedUnits: number; goods: number; freight: number; total: number };
  createdAt: string;
}

export interface ReceiveScan {
  barcode?: string;
  sku?: string;
  quantity: number;
  scanKey: string;
}

export interface PurchaseOrderReceipt {
  purchaseOrder: PurchaseOrder;
  received: { sku: string; quantity: number; replayed: boolean }[];
}

export type AlertKind =
  | 'low_stock'
  | 'stock_out'
  | 'reorder_now'
  | 'aging'
  | 'excess'
  | 'stranded'
  | 'capacity'
  | 'supplier_bill_due'
  | 'ipi_low';

export interface AlertItem {
  id: number;
  kind: AlertKind;
  severity: 'info' | 'warning' | 'critical';
  sku: string | null;
  location: string | null;
  title: string;
  status: 'open' | 'acknowledged' | 'resolved';
  snoozedUntil: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

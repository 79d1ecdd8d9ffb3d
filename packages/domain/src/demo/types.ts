/**
 * Public shapes of the demo seller. They are plain data (no ledger types) so the db seeder, the
 * server and benchmarks can consume them without the generator's internals.
 */

export interface DemoLocation {
  code: string;
  name: string;
  type: 'warehouse' | 'amazon_fba' | '3pl';
  marketplace?: string;
  capacityCubicFeet?: { standard?: number; oversize?: number };
}

export interface DemoSupplier {
  code: string;
  name: string;
  email: string;
  currency: string;
  paymentTermsDays: number;
  /** Staged so the restock logic can explain where the days go (docs/formulas.md supply chain modes). */
  leadTime: { productionDays: number; transitDays: number; groundDays: number; checkInDays: number };
  notes?: string;
}

export interface DemoProduct {
  sku: string;
  title: string;
  /** Valid GTIN-13 (check digit correct). */
  barcode: string;
  /** 'B0' + 8 uppercase alphanumerics. */
  asin: string;
  /** 'X00' + 7 uppercase alphanumerics. */
  fnsku: string;
  category: string;
  brand: string;
  unitCost: number;
  price: number;
  currency: 'USD';
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightLb: number;
  casePack: number;
  moq: number;
  replenishable: boolean;
  listingStatus: 'active' | 'inactive' | 'error';
  supplierCode: string;
  demandPattern: 'smooth' | 'seasonal' | 'trending' | 'intermittent' | 'new';
}

/**
 * One aggregated ledger fact. Sales are aggregated per SKU × location × day × channel × unit price.
 * A return with `sellable: false` is unfulfillable: it never joins sellable on-hand stock.
 * A transfer moves stock instantly on its date (the event model has one date per fact).
 */
export type DemoEvent =
  | {
      kind: 'receipt';
      date: string;
      sku: string;
      location: string;
      quantity: number;
      unitCost: number;
      poNumber: string;
    }
  | {
      kind: 'sale';
      date: string;
      sku: string;
      location: string;
      quantity: number;
      unitPrice: number;
      channel: 'amazon' | 'shopify';
      /**
       * A sale that emptied the shelf: the share of the day gone when it did (demand arrives evenly, so
       * after `sold / wanted` of it). The ledger then dates the day's last outflow as a seller's would.
       */
      soldOutAt?: number;
    }
  | { kind: 'transfer'; date: string; sku: string; from: string; to: string; quantity: number }
  | { kind: 'return'; date: string; sku: string; location: string; quantity: number; sellable: boolean }
  | {
      kind: 'adjustment';
      date: string;
      sku: string;
      location: string;
      /** Signed: negative removes units. */
      quantity: number;
      reason: 'count' | 'damaged' | 'lost' | 'found';
    };

export interface DemoPurchaseOrderLine {
  sku: string;
  quantity: number;
  unitCost: number;
  receivedQuantity: number;
}

export interface DemoPurchaseOrder {
  number: string;
  supplierCode: string;
  orderedOn: string;
  /** Planned date for received POs; the supplier's revised ETA (always after asOf) for open ones. */
  expectedOn: string;
  /** null = still open (inbound). */
  receivedOn: string | null;
  location: string;
  lines: DemoPurchaseOrderLine[];
}

export interface DemoSeller {
  accountName: string;
  asOf: string;
  locations: DemoLocation[];
  suppliers: DemoSupplier[];
  products: DemoProduct[];
  purchaseOrders: DemoPurchaseOrder[];
  /** Sorted by date, then a stable order: receipts, transfers, sales, returns, adjustments. */
  events: DemoEvent[];
}

export interface DemoSellerOptions {
  seed?: number;
  /** 'YYYY-MM-DD', the last simulated day ("today" for the dashboard). */
  asOf: string;
  skuCount?: number;
  /** Length of the simulated history, ending at asOf inclusive. */
  days?: number;
}

import type { FeeSchedule } from '@stockwise/domain/fees/fee-schedule';
import { AGE_BUCKETS } from '@stockwise/domain/health/age';
import type { Network } from '@stockwise/domain/ledger/network';

/** `quantity-to-be-charged-ais-181-210-days` … `365-plus`, from the schedule's brackets (Amazon's names for the US ones). */
export function bracketLabel(b: { minDays: number; maxDays: number | null }): string {
  return b.maxDays === null ? `${String(b.minDays - 1)}-plus` : `${String(b.minDays)}-${String(b.maxDays)}`;
}

/** The inventory-age report's bucket columns, in AGE_BUCKETS order (Amazon's names). */
export const BUCKET_COLUMNS = AGE_BUCKETS.map((b) => b.key);
/** The same buckets for one of the seller's own locations (the seller's age): not Amazon's names. */
export const SELLER_BUCKET_COLUMNS = AGE_BUCKETS.map((b) => b.key.replace(/^inv-age-/, 'seller-age-'));

/** The bucket columns of a scope: Amazon's names only for Amazon's locations (docs/formulas.md#amazons-scope). */
export const bucketColumns = (network: Network | null) =>
  network === 'amazon' ? BUCKET_COLUMNS : SELLER_BUCKET_COLUMNS;

/** The first columns of the Amazon-style item reports: the date and the product. */
const ITEM_COLUMNS = ['snapshot-date', 'sku', 'fnsku', 'asin', 'product-name'] as const;

/** Report columns; Amazon's names where Seller Central has the same report. */
/** The inventory-age report's columns of a surcharge bracket: units to be charged, and the estimate. */
export const bracketUnitsColumn = (b: { minDays: number; maxDays: number | null }) =>
  `quantity-to-be-charged-ais-${bracketLabel(b)}-days`;
export const bracketAmountColumn = (b: { minDays: number; maxDays: number | null }) =>
  `estimated-ais-${bracketLabel(b)}-days`;

export const REPORT_COLUMNS = {
  inventory: [
    ...ITEM_COLUMNS,
    'location',
    'location-type',
    'condition',
    'your-price',
    'fulfillable-quantity',
    'reserved-quantity',
    'unsellable-quantity',
    'inbound-quantity',
    'total-quantity',
    'per-unit-volume',
    'total-volume',
    'storage-type',
    'estimated-monthly-storage-fee',
    'days-of-supply',
  ],
  excess: [
    ...ITEM_COLUMNS,
    'condition',
    'location',
    'available',
    'inbound-quantity',
    'units-shipped-t30',
    'units-shipped-t90',
    'sell-through',
    'days-of-supply',
    'estimated-excess-quantity',
    'estimated-excess-inbound',
    'healthy-inventory-level',
    'your-price',
    'alert',
    'recommended-action',
    'recommended-sales-price',
    'recommended-sale-duration-days',
    'recommended-removal-quantity',
    'estimated-cost-savings-of-recommended-actions',
    'price-elasticity',
    'elasticity-source',
  ],
  stranded: [
    ...ITEM_COLUMNS,
    'condition',
    'location',
    'status-primary',
    'stranded-reason',
    'primary-action',
    'fulfillable-qty',
    'unfulfillable-qty',
    'reserved-quantity',
    'inbound-shipped',
    'your-price',
    'estimated-monthly-storage-fee',
  ],
  storage: [
    'sku',
    'asin',
    'fnsku',
    'product_name',
    'fulfillment_center',
    'country_code',
    'longest_side',
    'median_side',
    'shortest_side',
    'measurement_units',
    'weight',
    'weight_units',
    'item_volume',
    'volume_units',
    'product_size_tier',
    'storage_type',
    'average_quantity_on_hand',
    'estimated_total_item_volume',
    'month_of_charge',
    'storage_utilization_ratio',
    'base_rate',
    'utilization_surcharge_rate',
    'currency',
    'estimated_monthly_storage_fee',
    'estimated_aged_inventory_surcharge',
  ],
  profit: [
    'sku',
    'asin',
    'product-name',
    'currency',
    'other-currencies',
    'units-sold',
    'revenue',
    'cogs',
    'referral-fees',
    'fulfillment-fees',
    'storage-fees',
    'aged-inventory-surcharge',
    'inbound-shipping',
    'other-variable-cost',
    'settled-fees',
    'refunds',
    'reimbursements',
    'profit',
    'margin',
    'roi',
    'storage-fees-percent-of-revenue',
    'without-fee-table',
  ],
} as const;

/**
 * The inventory-age report's columns: Amazon's for Amazon's locations; for a seller's location the
 * seller's age buckets and no Amazon fee columns (storage cost, surcharge).
 */
export function ageColumns(schedule: FeeSchedule, network: Network | null = 'amazon'): string[] {
  const amazon = network === 'amazon';
  return [
    ...ITEM_COLUMNS,
    'condition',
    'available',
    'inbound-quantity',
    'reserved-quantity',
    'unfulfillable-quantity',
    ...bucketColumns(network),
    'currency',
    'your-price',
    'units-shipped-t7',
    'units-shipped-t30',
    'units-shipped-t60',
    'units-shipped-t90',
    'sell-through',
    'item-volume',
    'volume-unit-measurement',
    'storage-type',
    'storage-volume',
    'marketplace',
    'days-of-supply',
    'estimated-excess-quantity',
    ...(amazon
      ? [
          'estimated-storage-cost-next-month',
          ...schedule.agedSurcharge.flatMap((b) => [bracketUnitsColumn(b), bracketAmountColumn(b)]),
        ]
      : []),
    'alert',
  ];
}

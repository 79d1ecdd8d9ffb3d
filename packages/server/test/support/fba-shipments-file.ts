/**
 * Amazon's Fulfilled Shipments report as Seller Central writes it (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL):
 * every published column, tab-separated, one line per shipment item, dates with their offset.
 */
export const COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'shipment-id',
  'shipment-item-id',
  'amazon-order-item-id',
  'merchant-order-item-id',
  'purchase-date',
  'payments-date',
  'shipment-date',
  'reporting-date',
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'sku',
  'product-name',
  'quantity-shipped',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'ship-phone-number',
  'bill-address-1',
  'bill-address-2',
  'bill-address-3',
  'bill-city',
  'bill-state',
  'bill-postal-code',
  'bill-country',
  'item-promotion-discount',
  'ship-promotion-discount',
  'carrier',
  'tracking-number',
  'estimated-arrival-date',
  'fulfillment-center-id',
  'fulfillment-channel',
  'sales-channel',
];

export interface Item {
  order: string;
  shipment: string;
  item: string;
  purchased: string;
  shipped: string;
  sku: string;
  units: number;
  price: string;
}

export const line = (i: Item): string => {
  const v: Record<string, string> = {
    'amazon-order-id': i.order,
    'shipment-id': i.shipment,
    'shipment-item-id': i.item,
    'amazon-order-item-id': `${i.item}1`,
    'purchase-date': i.purchased,
    'payments-date': i.purchased,
    'shipment-date': i.shipped,
    'reporting-date': i.shipped,
    'buyer-email': 'xyz123@marketplace.amazon.com',
    'buyer-name': 'J. Doe',
    sku: i.sku,
    'product-name': `${i.sku} 12oz`,
    'quantity-shipped': String(i.units),
    currency: 'USD',
    'item-price': i.price,
    'item-tax': '0.00',
    'shipping-price': '0.00',
    'shipping-tax': '0.00',
    'gift-wrap-price': '0.00',
    'gift-wrap-tax': '0.00',
    'ship-service-level': 'Standard',
    'ship-city': 'SEATTLE',
    'ship-state': 'WA',
    'ship-postal-code': '98109',
    'ship-country': 'US',
    'item-promotion-discount': '0.00',
    'ship-promotion-discount': '0.00',
    carrier: 'AMZN_US',
    'tracking-number': 'TBA000000000000',
    'estimated-arrival-date': '2024-05-09T20:00:00-07:00',
    'fulfillment-center-id': 'SEA8',
    'fulfillment-channel': 'Amazon',
    'sales-channel': 'Amazon.com',
  };
  return COLUMNS.map((c) => v[c] ?? '').join('\t');
};
export const file = (items: readonly Item[], columns = COLUMNS) =>
  [columns.join('\t'), ...items.map(line)].join('\n') + '\n';

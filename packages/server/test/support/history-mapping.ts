/** The mapping of the small sales-history files the import tests write (`Invoice,Date,Sku,Qty,Price`). */
export const SMALL_HISTORY_MAPPING = {
  orderId: 'Invoice',
  date: 'Date',
  sku: 'Sku',
  quantity: 'Qty',
  unitPrice: 'Price',
  createProducts: true,
} as const;

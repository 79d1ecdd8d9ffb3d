/** The mapping of the small sales-history files the import tests write (`Invoice,Date,Sku,Qty,Price`). */
export const SMALL_HISTORY_MAPPING = {
  orderId: 'Invoice',
  date: 'Date',
  sku: 'Sku',
  quantity: 'Qty',
  unitPrice: 'Price',
  createProducts: true,
} as const;

/** The mapping of the UCI Online Retail II layout (invoices, cancellations prefixed C): the import test and bench. */
export const ONLINE_RETAIL_MAPPING = {
  orderId: 'Invoice',
  date: 'InvoiceDate',
  sku: 'StockCode',
  title: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Price',
  customer: 'Customer ID',
  country: 'Country',
  cancelPrefix: 'C',
  createProducts: true,
} as const;

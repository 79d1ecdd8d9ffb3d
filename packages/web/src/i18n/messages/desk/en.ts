/**
 * Messages of the purchasing, supplier and order desks (editing and cancelling a draft purchase order,
 * creating and deleting suppliers, an order's detail with ship / cancel / return), kept apart from
 * ../en.ts; ../en.ts spreads them in, and the zh-CN / zh-TW files here are typed against this one.
 */
export const deskEn = {
  'po.edit': 'Edit draft',
  'po.editTitle': 'Edit {number}',
  'po.cancelOrder': 'Cancel order',
  'po.cancelConfirm':
    'Cancel {number}? Nothing was received, so nothing is lost; the order stays listed as cancelled.',
  'po.keep': 'Keep the order',
  'po.expectedOn': 'Expected on',
  'po.expectedNone': 'Not set',
  'po.quantityOf': 'Quantity of {sku}',
  'po.removeLine': 'Remove {sku}',
  'po.addSku': 'Add a SKU',
  'po.addLine': 'Add line',
  'po.supplierChange': 'Unit costs follow the new supplier’s terms.',
  'po.noLines': 'An order needs at least one line.',
  'suppliers.new': 'New supplier',
  'suppliers.newTitle': 'New supplier',
  'suppliers.code': 'Code',
  'suppliers.codeHint': 'Letters, digits, dots, dashes; e.g. SZ-HOME',
  'suppliers.currency': 'Currency',
  'suppliers.delete': 'Delete',
  'suppliers.deleteTitle': 'Delete {code}?',
  'suppliers.deleteBody':
    'A supplier no purchase order names is deleted. One that orders name is kept for their history and marked inactive instead.',
  'suppliers.deleted': '{code} was deleted.',
  'suppliers.deactivated': '{code} is named by purchase orders, so it was kept and marked inactive.',
  'orders.shipped': 'Shipped',
  'orders.cancelled': 'Cancelled',
  'orders.returned': 'Returned',
  'orders.ship': 'Ship open units',
  'orders.cancel': 'Cancel open units',
  'orders.return': 'Return shipped units',
  'orders.backToList': 'All orders',
} as const satisfies Record<string, string>;

export type DeskMessages = Record<keyof typeof deskEn, string>;

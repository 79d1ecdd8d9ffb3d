import { csvCell } from '@stockwise/domain/reports/spreadsheet-text';
import type { PurchaseOrderDto } from './purchase-orders.schema';
import type { PdfText } from './pdf';
import { buildPdf } from './pdf';

/** One line per PO line, with the order's header repeated (what suppliers' systems import). */
export function purchaseOrderCsv(po: PurchaseOrderDto): string {
  const header = [
    'po_number',
    'supplier',
    'ship_to',
    'status',
    'expected_on',
    'currency',
    'line',
    'sku',
    'barcode',
    'title',
    'quantity',
    'unit_cost',
    'line_total',
    'received_quantity',
  ];
  const rows = po.lines.map((l) => [
    po.number,
    po.supplier.code,
    po.location,
    po.status,
    po.expectedOn,
    po.currency,
    l.lineNo,
    l.sku,
    l.barcode,
    l.title,
    l.quantity,
    l.unitCost.toFixed(4),
    l.lineTotal.toFixed(2),
    l.receivedQuantity,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const money = (x: number, currency: string) => `${currency} ${x.toFixed(2)}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** A one-or-more page purchase order document. */
export function purchaseOrderPdf(po: PurchaseOrderDto, options: { buyer: string }): Buffer {
  const pages: PdfText[][] = [];
  let page: PdfText[] = [];
  let y = 0;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = 800;
    page.push({ x: 40, y, text: `Purchase order ${po.number}`, size: 18, bold: true });
    y -= 24;
    page.push({ x: 40, y, text: `Buyer: ${options.buyer}` }, { x: 320, y, text: `Status: ${po.status}` });
    y -= 14;
    page.push(
      { x: 40, y, text: `Supplier: ${po.supplier.name} (${po.supplier.code})` },
      { x: 320, y, text: `Ship to: ${po.location}` },
    );
    y -= 14;
    page.push(
      { x: 40, y, text: `Expected: ${po.expectedOn ?? '-'}   Payment terms: ${po.paymentTermsDays} days` },
      { x: 320, y, text: `Sent: ${po.sentAt?.slice(0, 10) ?? '-'}` },
    );
    y -= 24;
    page.push(
      { x: 40, y, text: '#', bold: true },
      { x: 60, y, text: 'SKU', bold: true },
      { x: 170, y, text: 'Description', bold: true },
      { x: 390, y, text: 'Qty', bold: true },
      { x: 440, y, text: 'Unit cost', bold: true },
      { x: 510, y, text: 'Total', bold: true },
    );
    y -= 16;
  };
  newPage();
  for (const l of po.lines) {
    if (y < 80) newPage();
    page.push(
      { x: 40, y, text: String(l.lineNo) },
      { x: 60, y, text: clip(l.sku, 18) },
      { x: 170, y, text: clip(l.title, 38) },
      { x: 390, y, text: String(l.quantity) },
      { x: 440, y, text: l.unitCost.toFixed(2) },
      { x: 510, y, text: l.lineTotal.toFixed(2) },
    );
    y -= 14;
  }
  if (y < 120) newPage();
  y -= 10;
  page.push({ x: 390, y, text: `Goods: ${money(po.totals.goods, po.currency)}` });
  y -= 14;
  page.push({ x: 390, y, text: `Freight: ${money(po.totals.freight, po.currency)}` });
  y -= 14;
  page.push({ x: 390, y, text: `Total: ${money(po.totals.total, po.currency)}`, bold: true });
  if (po.notes) page.push({ x: 40, y: y - 30, text: `Notes: ${clip(po.notes, 100)}` });
  return buildPdf(pages);
}

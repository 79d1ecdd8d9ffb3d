import { z } from '@hono/zod-openapi';
import {
  PurchaseOrderCreateSchema,
  PurchaseOrderListQuerySchema,
  PurchaseOrderListSchema,
  PurchaseOrderSchema,
  PurchaseOrderUpdateSchema,
  ReceiveResultSchema,
  ReceiveSchema,
} from './purchase-orders.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, jsonResponse, type Router, section, securedRoute, serveItem } from '../http/router';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a purchase order number such as PO-00042')
    .openapi({
      param: { name: 'id', in: 'path' },
      example: 'PO-00042',
      description: 'the purchase order number',
    }),
});
const tags = ['Purchase orders'];

export function purchaseOrdersRoutes(sw: Stockwise) {
  const routes = section(tags);
  const { app, op, serve } = routes;

  serve(
    op.query(
      '/',
      'List purchase orders, newest first',
      PurchaseOrderListQuerySchema,
      jsonResponse('A page of purchase orders', PurchaseOrderListSchema),
    ),
    async (actor, { query: q }) => {
      return await sw.purchaseOrders.list(actor, q);
    },
  );

  serve(
    op.create(
      '/',
      'Draft purchase orders: by hand (supplier, location, lines) or from restock recommendations (one per supplier × location)',
      PurchaseOrderCreateSchema,
      jsonResponse('Drafted', itemsOf(PurchaseOrderSchema)),
    ),
    (actor, { json }) => sw.purchaseOrders.create(actor, json),
  );

  serveItem(routes, {
    path: '/{id}',
    params: IdParam,
    key: 'id',
    schema: PurchaseOrderSchema,
    patch: PurchaseOrderUpdateSchema,
    service: sw.purchaseOrders,
    read: { doc: 'Get a purchase order with its lines and receipts', ok: 'The purchase order' },
    change: {
      doc: 'Edit a purchase order (lines and destination while a draft; freight, dates, notes, paid any time)',
      ok: 'Updated',
    },
  });

  serve(
    op.act(
      '/{id}/send',
      'Send a draft: its quantities show as inbound at the destination',
      IdParam,
      jsonResponse('Sent', PurchaseOrderSchema),
    ),
    (actor, { param }) => sw.purchaseOrders.send(actor, param.id),
  );

  serve(
    op.change(
      '/{id}/receive',
      'Receive scanned (barcode) or typed (SKU) lines, partially or fully; receipts open age layers at landed cost',
      { method: 'post', params: IdParam, body: ReceiveSchema },
      jsonResponse('Received', ReceiveResultSchema),
    ),
    (actor, { param, json }) => sw.purchaseOrders.receive(actor, param.id, json),
  );

  serve(
    op.act(
      '/{id}/cancel',
      'Cancel a draft or a sent order with nothing received (inbound is released)',
      IdParam,
      jsonResponse('Cancelled', PurchaseOrderSchema),
    ),
    (actor, { param }) => sw.purchaseOrders.cancel(actor, param.id),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{id}/export.csv',
      tags,
      summary: 'The purchase order as CSV (one row per line)',
      request: { params: IdParam },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const csv = await sw.purchaseOrders.exportCsv(c.get('actor'), id);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}.csv"`,
      });
    },
  );
  purchaseOrderExportRoutes(app, sw);
  return app;
}

/** The order as a file to send to the supplier (CSV or PDF). */
function purchaseOrderExportRoutes(app: Router, sw: Stockwise) {
  app.openapi(
    securedRoute({
      method: 'get',
      path: '/{id}/export.pdf',
      tags,
      summary: 'The purchase order as a PDF to send to the supplier',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const actor = c.get('actor');
      const pdf = await sw.purchaseOrders.exportPdf(actor, id, `account ${actor.accountId}`);
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${id}.pdf"`,
      });
    },
  );
}

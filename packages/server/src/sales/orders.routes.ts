import {
  OrderCancelSchema,
  OrderCreateSchema,
  OrderIdParam,
  OrderListQuerySchema,
  OrderPageSchema,
  OrderResultSchema,
  OrderReturnSchema,
  OrderSchema,
  OrderShipSchema,
} from './orders.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  json,
  jsonBody,
  jsonResponse,
  newRouter,
  operations,
  securedRoute,
} from '../http/router';

const op = operations(['Orders']);

const optionalBody = <T extends Parameters<typeof json>[0]>(schema: T) => ({
  body: { ...json(schema), required: false },
});

export function ordersRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/',
      tags: ['Orders'],
      summary:
        'Create an order and reserve its stock (all of it, or nothing: 409 INSUFFICIENT_STOCK names the short SKUs in details.skus)',
      description:
        'The same (channel, externalId) creates one order however often it is sent; a repeat answers 200 with `replayed: true`.',
      request: { headers: IdempotencyHeaderSchema, ...jsonBody(OrderCreateSchema) },
      responses: {
        201: jsonResponse('Created and reserved', OrderResultSchema),
        200: jsonResponse('Already existed', OrderResultSchema),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = await sw.orders.place(c.get('actor'), {
        channel: input.channel,
        externalId: input.externalId,
        orderedAt: input.orderedAt ? new Date(input.orderedAt) : null,
        currency: input.currency ?? null,
        lines: input.lines.map((l) => ({
          sku: l.sku,
          quantity: l.quantity,
          unitPrice: l.unitPrice ?? null,
          externalLineId: l.externalLineId ?? null,
        })),
        unmapped: [],
      });
      return c.json(result, result.replayed ? 200 : 201);
    },
  );

  app.openapi(
    op.query(
      '/',
      'List orders, newest first (filter by channel, status, SKU, external id, order date)',
      OrderListQuerySchema,
      jsonResponse('A page of orders', OrderPageSchema),
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await sw.orders.list(c.get('actor'), {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        }),
        200,
      );
    },
  );

  app.openapi(
    op.read('/{id}', 'Get an order', OrderIdParam, jsonResponse('The order', OrderSchema)),
    async (c) => c.json(await sw.orders.get(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{id}/ship',
      tags: ['Orders'],
      summary: 'Ship open units (all, or per SKU) from where they are reserved',
      request: { params: OrderIdParam, headers: IdempotencyHeaderSchema, ...optionalBody(OrderShipSchema) },
      responses: { 200: jsonResponse('The order after shipping', OrderSchema) },
    }),
    async (c) =>
      c.json(await sw.orders.ship(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{id}/cancel',
      tags: ['Orders'],
      summary: 'Cancel open units (all, or per SKU) and release their reservations',
      request: { params: OrderIdParam, headers: IdempotencyHeaderSchema, ...optionalBody(OrderCancelSchema) },
      responses: { 200: jsonResponse('The order after cancelling', OrderSchema) },
    }),
    async (c) =>
      c.json(await sw.orders.cancel(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{id}/reserve',
      tags: ['Orders'],
      summary: 'Reserve a pending order (one a channel sold while stock was short) now that stock is in',
      request: { params: OrderIdParam, headers: IdempotencyHeaderSchema },
      responses: { 200: jsonResponse('The order, reserved', OrderSchema) },
    }),
    async (c) => c.json(await sw.orders.reservePending(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(
    op.change(
      '/{id}/return',
      'Take shipped units back as sellable or unfulfillable stock',
      { method: 'post', params: OrderIdParam, body: OrderReturnSchema },
      jsonResponse('The order after the return', OrderSchema),
    ),
    async (c) =>
      c.json(await sw.orders.return(c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  return app;
}

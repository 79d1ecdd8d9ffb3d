import {
  OrderCancelSchema,
  OrderCreateSchema,
  OrderListQuerySchema,
  OrderPageSchema,
  OrderResultSchema,
  OrderReturnSchema,
  OrderSchema,
  OrderShipSchema,
} from './orders.schema';
import type { z } from '@hono/zod-openapi';
import { IdParam } from '../http/common.schema';
import type { Stockwise } from '../stockwise';
import {
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  optionalJsonBody,
  section,
  securedRoute,
} from '../http/router';

/** A POST on the open units of one order: all of them, or those the optional body names. */
const onOpenUnits = <B extends z.ZodType>(path: string, summary: string, body: B, done: string) =>
  securedRoute({
    method: 'post',
    path,
    tags: ['Orders'],
    summary,
    request: {
      params: IdParam,
      headers: IdempotencyHeaderSchema,
      ...optionalJsonBody(body),
    },
    responses: { 200: jsonResponse(done, OrderSchema) },
  });

export function ordersRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Orders']);

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

  serve(
    op.query(
      '/',
      'List orders, newest first (filter by channel, status, SKU, external id, order date)',
      OrderListQuerySchema,
      jsonResponse('A page of orders', OrderPageSchema),
    ),
    (actor, { query: { from, to, ...rest } }) =>
      sw.orders.list(actor, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      }),
  );

  serve(
    op.read('/{id}', 'Get an order', IdParam, jsonResponse('The order', OrderSchema)),
    (actor, { param }) => sw.orders.get(actor, param.id),
  );

  serve(
    onOpenUnits(
      '/{id}/ship',
      'Ship open units (all, or per SKU) from where they are reserved',
      OrderShipSchema,
      'The order after shipping',
    ),
    (actor, { param, json }) => sw.orders.ship(actor, param.id, json),
  );

  serve(
    onOpenUnits(
      '/{id}/cancel',
      'Cancel open units (all, or per SKU) and release their reservations',
      OrderCancelSchema,
      'The order after cancelling',
    ),
    (actor, { param, json }) => sw.orders.cancel(actor, param.id, json),
  );

  serve(
    op.act(
      '/{id}/reserve',
      'Reserve a pending order (one a channel sold while stock was short) now that stock is in',
      IdParam,
      jsonResponse('The order, reserved', OrderSchema),
    ),
    (actor, { param }) => sw.orders.reservePending(actor, param.id),
  );

  serve(
    op.change(
      '/{id}/return',
      'Take shipped units back as sellable or unfulfillable stock',
      { method: 'post', params: IdParam, body: OrderReturnSchema },
      jsonResponse('The order after the return', OrderSchema),
    ),
    (actor, { param, json }) => sw.orders.return(actor, param.id, json),
  );

  return app;
}

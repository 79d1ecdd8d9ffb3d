import { z } from '@hono/zod-openapi';
import { AsOfQuerySchema, TextSchema } from '../http/common.schema';
import {
  InventoryPageSchema,
  InventoryQuerySchema,
  InventorySummarySchema,
  LayerSchema,
  MovementCreateSchema,
  MovementListQuerySchema,
  MovementPageSchema,
  MovementResultSchema,
  StockOutsSchema,
} from './ledger.schema';
import type { Stockwise } from '../stockwise';
import { itemsOf, json, jsonResponse, newRouter, operations, securedRoute } from '../http/router';

const inventoryOp = operations(['Inventory']);
const ledgerOp = operations(['Ledger']);

export function movementsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    ledgerOp.create(
      '/',
      'Record a stock movement (receipt, shipment, return, transfer, adjustment, removal)',
      MovementCreateSchema,
      jsonResponse('Recorded', MovementResultSchema),
    ),
    async (c) => c.json(await sw.movements.record(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    ledgerOp.query(
      '/',
      'The ledger: movements, newest first',
      MovementListQuerySchema,
      jsonResponse('A page of movements', MovementPageSchema),
    ),
    async (c) => {
      const q = c.req.valid('query');
      const page = await sw.inventory.listMovements(c.get('actor'), {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return c.json(page, 200);
    },
  );
  return app;
}

export function inventoryRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    inventoryOp.query(
      '/',
      'Balances per SKU × location: onHand, reserved, available, inbound, unfulfillable',
      InventoryQuerySchema,
      jsonResponse('A page of balances', InventoryPageSchema),
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await sw.inventory.listBalances(c.get('actor'), { ...q, search: q.q }), 200);
    },
  );

  app.openapi(
    inventoryOp.query(
      '/summary',
      'Totals for the overview: units per bucket, SKU and stock-out counts, per location, by age, and stock value',
      AsOfQuerySchema,
      jsonResponse('The summary', InventorySummarySchema),
    ),
    async (c) => c.json(await sw.inventory.summary(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    inventoryOp.query(
      '/stock-outs',
      'SKU × location pairs out of stock in the planning position (they sell there and nothing is available there)',
      AsOfQuerySchema,
      jsonResponse('The stock-outs', StockOutsSchema),
    ),
    async (c) =>
      c.json(await sw.inventory.stockOuts(c.get('actor'), { asOf: c.req.valid('query').asOf }), 200),
  );

  app.openapi(
    securedRoute({
      method: 'get',
      path: '/layers',
      tags: ['Inventory'],
      summary: 'Open FIFO age layers',
      request: { query: z.object({ sku: TextSchema(100).optional(), location: TextSchema(32).optional() }) },
      responses: {
        200: {
          description: 'Layers, oldest first per SKU × location',
          ...json(itemsOf(LayerSchema)),
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await sw.inventory.listLayers(c.get('actor'), {
        ...(q.sku ? { sku: q.sku } : {}),
        ...(q.location ? { location: q.location } : {}),
      });
      return c.json({ items }, 200);
    },
  );
  return app;
}

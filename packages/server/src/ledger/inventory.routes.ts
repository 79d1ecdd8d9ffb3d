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
import { itemsOf, json, jsonResponse, newRouter, operations, securedRoute, serve } from '../http/router';

const inventoryOp = operations(['Inventory']);
const ledgerOp = operations(['Ledger']);

export function movementsRoutes(sw: Stockwise) {
  const app = newRouter();

  serve(
    app,
    ledgerOp.create(
      '/',
      'Record a stock movement (receipt, shipment, return, transfer, adjustment, removal)',
      MovementCreateSchema,
      jsonResponse('Recorded', MovementResultSchema),
    ),
    (actor, { json }) => sw.movements.record(actor, json),
  );

  serve(
    app,
    ledgerOp.query(
      '/',
      'The ledger: movements, newest first',
      MovementListQuerySchema,
      jsonResponse('A page of movements', MovementPageSchema),
    ),
    async (actor, { query: q }) => {
      const page = await sw.inventory.listMovements(actor, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return page;
    },
  );
  return app;
}

export function inventoryRoutes(sw: Stockwise) {
  const app = newRouter();

  serve(
    app,
    inventoryOp.query(
      '/',
      'Balances per SKU × location: onHand, reserved, available, inbound, unfulfillable',
      InventoryQuerySchema,
      jsonResponse('A page of balances', InventoryPageSchema),
    ),
    async (actor, { query: q }) => {
      return await sw.inventory.listBalances(actor, { ...q, search: q.q });
    },
  );

  serve(
    app,
    inventoryOp.query(
      '/summary',
      'Totals for the overview: units per bucket, SKU and stock-out counts, per location, by age, and stock value',
      AsOfQuerySchema,
      jsonResponse('The summary', InventorySummarySchema),
    ),
    (actor, { query }) => sw.inventory.summary(actor, { asOf: query.asOf }),
  );

  serve(
    app,
    inventoryOp.query(
      '/stock-outs',
      'SKU × location pairs out of stock in the planning position (they sell there and nothing is available there)',
      AsOfQuerySchema,
      jsonResponse('The stock-outs', StockOutsSchema),
    ),
    (actor, { query }) => sw.inventory.stockOuts(actor, { asOf: query.asOf }),
  );

  serve(
    app,
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
    async (actor, { query: q }) => {
      const items = await sw.inventory.listLayers(actor, {
        ...(q.sku ? { sku: q.sku } : {}),
        ...(q.location ? { location: q.location } : {}),
      });
      return { items };
    },
  );
  return app;
}

import { IdParam } from '../../http/common.schema';
import { itemsOf, jsonResponse, section } from '../../http/router';
import type { Stockwise } from '../../stockwise';
import { z } from '@hono/zod-openapi';
import {
  TransferDraftCreateSchema,
  TransferDraftListQuerySchema,
  TransferDraftSchema,
} from './transfer-drafts.schema';

export function transferDraftsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Transfer drafts']);

  app.openapi(
    op.query(
      '/',
      'Transfer drafts, newest first (?status=draft for the open ones)',
      TransferDraftListQuerySchema,
      jsonResponse('Drafts', itemsOf(TransferDraftSchema)),
    ),
    async (c) => c.json({ items: await sw.transferDrafts.list(c.get('actor'), c.req.valid('query')) }, 200),
  );

  serve(
    op.create(
      '/',
      'Save a transfer (send-to-Amazon) shipment draft: a route and a quantity per SKU; moves no stock',
      TransferDraftCreateSchema,
      jsonResponse('Saved', TransferDraftSchema),
    ),
    (actor, { json }) => sw.transferDrafts.create(actor, json),
  );

  serve(
    op.read('/{id}', 'One transfer draft', IdParam, jsonResponse('The draft', TransferDraftSchema)),
    (actor, { param }) => sw.transferDrafts.get(actor, param.id),
  );

  app.openapi(
    op.change(
      '/{id}/sent',
      'Mark a transfer draft sent (the shipment left): it leaves the open list and is kept as the record; moves no stock',
      { method: 'post', params: IdParam, body: z.object({}).strict() },
      jsonResponse('The sent draft', TransferDraftSchema),
    ),
    async (c) => c.json(await sw.transferDrafts.markSent(c.get('actor'), c.req.valid('param').id), 200),
  );

  serve(
    op.remove('/{id}', 'Delete a transfer draft (not one sent)', IdParam, 'Deleted'),
    (actor, { param }) => sw.transferDrafts.delete(actor, param.id),
  );

  return app;
}

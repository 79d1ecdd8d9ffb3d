import { IdParam } from '../../http/common.schema';
import { itemsOf, jsonResponse, newRouter, operations, serve } from '../../http/router';
import type { Stockwise } from '../../stockwise';
import { TransferDraftCreateSchema, TransferDraftSchema } from './transfer-drafts.schema';

const op = operations(['Transfer drafts']);

export function transferDraftsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.list('/', 'Transfer drafts, newest first', jsonResponse('Drafts', itemsOf(TransferDraftSchema))),
    async (c) => c.json({ items: await sw.transferDrafts.list(c.get('actor')) }, 200),
  );

  serve(
    app,
    op.create(
      '/',
      'Save a transfer (send-to-Amazon) shipment draft: a route and a quantity per SKU; moves no stock',
      TransferDraftCreateSchema,
      jsonResponse('Saved', TransferDraftSchema),
    ),
    (actor, { json }) => sw.transferDrafts.create(actor, json),
  );

  serve(
    app,
    op.read('/{id}', 'One transfer draft', IdParam, jsonResponse('The draft', TransferDraftSchema)),
    (actor, { param }) => sw.transferDrafts.get(actor, param.id),
  );

  serve(
    app,
    op.remove('/{id}', 'Delete a transfer draft (not one sent)', IdParam, 'Deleted'),
    async (actor, { param }) => {
      await sw.transferDrafts.delete(actor, param.id);
      return undefined;
    },
  );

  return app;
}

import { IdParam } from '../../http/common.schema';
import { itemsOf, jsonResponse, newRouter, operations } from '../../http/router';
import type { Stockwise } from '../../stockwise';
import { TransferDraftCreateSchema, TransferDraftSchema } from './transfer-drafts.schema';

const op = operations(['Transfer drafts']);

export function transferDraftsRoutes(sw: Stockwise) {
  const app = newRouter();

  app.openapi(
    op.list('/', 'Transfer drafts, newest first', jsonResponse('Drafts', itemsOf(TransferDraftSchema))),
    async (c) => c.json({ items: await sw.transferDrafts.list(c.get('actor')) }, 200),
  );

  app.openapi(
    op.create(
      '/',
      'Save a transfer (send-to-Amazon) shipment draft: a route and a quantity per SKU; moves no stock',
      TransferDraftCreateSchema,
      jsonResponse('Saved', TransferDraftSchema),
    ),
    async (c) => c.json(await sw.transferDrafts.create(c.get('actor'), c.req.valid('json')), 201),
  );

  app.openapi(
    op.read('/{id}', 'One transfer draft', IdParam, jsonResponse('The draft', TransferDraftSchema)),
    async (c) => c.json(await sw.transferDrafts.get(c.get('actor'), c.req.valid('param').id), 200),
  );

  app.openapi(op.remove('/{id}', 'Delete a transfer draft (not one sent)', IdParam, 'Deleted'), async (c) => {
    await sw.transferDrafts.delete(c.get('actor'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  return app;
}

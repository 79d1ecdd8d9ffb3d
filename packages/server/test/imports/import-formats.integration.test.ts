import { expect, it } from 'vitest';
import { IMPORT_FORMATS, IMPORT_KINDS } from '@stockwise/domain/imports/import-formats';
import { exportCsv } from '../../src/imports/exports';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';

describeEachBackend('Imports: the formats the web offers and the exports follow', (backend) => {
  const ctx = useStockwise(backend);

  it('GET /imports/formats lists every kind in order with the columns its import reads', async () => {
    const { api: viewer } = await newAccountApi(ctx, 'viewer');
    const res = await viewer.get('/api/v1/imports/formats');
    expect(res.status).toBe(200);
    expect(res.body.items?.map((f) => f['kind'])).toEqual([...IMPORT_KINDS]);
    expect(res.body.items?.find((f) => f['kind'] === 'orders')).toEqual({
      kind: 'orders',
      delimiter: ',',
      quoted: true,
      required: ['channel', 'external_id', 'ordered_at', 'sku', 'quantity'],
      optional: ['unit_price', 'currency', 'status', 'shipped_at'],
      parameters: [],
    });
    expect(res.body.items?.find((f) => f['kind'] === 'amazon-inventory')?.['delimiter']).toBe('\t');
    // The web offers a mapping step and a report time exactly where the server reads them.
    const reading = (parameter: string) =>
      res.body.items?.filter((f) => (f['parameters'] as string[]).includes(parameter)).map((f) => f['kind']);
    expect(reading('mapping')).toEqual(['sales-history']);
    expect(reading('readAt')).toEqual(['amazon-inventory']);
    expect((await client(ctx.app).get('/api/v1/imports/formats')).status).toBe(401);
  });

  it('an export starts with the header row its import reads, so it can be imported again', async () => {
    const owner = await newAccount(ctx.sw);
    for (const kind of ['orders', 'products', 'stock'] as const) {
      let csv = '';
      for await (const chunk of exportCsv(ctx.sw.tx, owner.actor, kind)) csv += chunk;
      const { required, optional } = IMPORT_FORMATS[kind];
      expect(csv.split('\n')[0]).toBe([...required, ...optional].join(','));
    }
  });
});

import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';
import { twoNetworkSeller } from '../support/two-network-seller';

interface Draft {
  id: number;
  fromLocation: string;
  toLocation: string;
  lines: { sku: string; quantity: number }[];
  status: string;
  createdAt: string;
}

describeEachBackend('Transfer drafts', (backend) => {
  const ctx = useStockwise(backend);

  it('a saved draft is listed newest first with its route and lines, moves no stock, and is deleted', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG', 'CUP'] });
    await api.post('/api/v1/movements', {
      type: 'receipt',
      sku: 'MUG',
      location: 'WH1',
      quantity: 50,
      unitCost: 2,
    });
    const body = {
      fromLocation: 'WH1',
      toLocation: 'FBA-US',
      lines: [
        { sku: 'MUG', quantity: 40 },
        { sku: 'CUP', quantity: 12 },
      ],
    };
    const first = await api.post('/api/v1/transfer-drafts', body);
    expect(first.status).toBe(201);
    const draft = first.body as unknown as Draft;
    expect(draft).toMatchObject({ ...body, status: 'draft' });
    const second = (
      await api.post('/api/v1/transfer-drafts', { ...body, lines: [{ sku: 'CUP', quantity: 1 }] })
    ).body as unknown as Draft;

    const list = (await api.get('/api/v1/transfer-drafts')).body['items'] as unknown as Draft[];
    expect(list.map((d) => d.id)).toEqual([second.id, draft.id]);
    expect((await api.get(`/api/v1/transfer-drafts/${String(draft.id)}`)).body).toEqual(draft);
    // A draft moves nothing: the warehouse still holds the 50 received.
    const balances = (await api.get('/api/v1/inventory?sku=MUG')).body['items'] as {
      location: string;
      onHand: number;
    }[];
    expect(balances.map((b) => [b.location, b.onHand])).toEqual([['WH1', 50]]);

    expect((await api.delete(`/api/v1/transfer-drafts/${String(draft.id)}`)).status).toBe(204);
    expect((await api.get(`/api/v1/transfer-drafts/${String(draft.id)}`)).status).toBe(404);
    expect(
      ((await api.get('/api/v1/transfer-drafts')).body['items'] as unknown as Draft[]).map((d) => d.id),
    ).toEqual([second.id]);
  });

  it('refuses bad drafts with a 400 naming the field, and saves nothing', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    const cases: [Record<string, unknown>, string, number][] = [
      [{ fromLocation: 'WH1', toLocation: 'WH1', lines: [{ sku: 'MUG', quantity: 1 }] }, 'toLocation', 400],
      [{ fromLocation: 'WH1', toLocation: 'FBA-US', lines: [] }, 'lines', 400],
      [
        { fromLocation: 'WH1', toLocation: 'FBA-US', lines: [{ sku: 'MUG', quantity: 0 }] },
        'lines.0.quantity',
        400,
      ],
      [
        {
          fromLocation: 'WH1',
          toLocation: 'FBA-US',
          lines: [
            { sku: 'MUG', quantity: 1 },
            { sku: 'MUG', quantity: 2 },
          ],
        },
        'lines.1.sku',
        400,
      ],
      [
        { fromLocation: 'WH1', toLocation: 'FBA-US', lines: [{ sku: 'NOPE', quantity: 1 }] },
        'lines.0.sku',
        404,
      ],
      [
        { fromLocation: 'NOPE', toLocation: 'FBA-US', lines: [{ sku: 'MUG', quantity: 1 }] },
        'fromLocation',
        404,
      ],
    ];
    for (const [body, field, status] of cases) {
      const res = await api.post('/api/v1/transfer-drafts', body);
      expect(res.status, field).toBe(status);
      expect(JSON.stringify(res.body), field).toContain(field);
    }
    expect((await api.get('/api/v1/transfer-drafts')).body['items']).toEqual([]);
  });

  it('is the account’s own: another account neither lists nor deletes it, and a viewer cannot save one', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    const draft = (
      await api.post('/api/v1/transfer-drafts', {
        fromLocation: 'WH1',
        toLocation: 'FBA-US',
        lines: [{ sku: 'MUG', quantity: 3 }],
      })
    ).body as unknown as Draft;
    const other = client(ctx.app, (await newAccount(ctx.sw)).token);
    expect((await other.get('/api/v1/transfer-drafts')).body['items']).toEqual([]);
    expect((await other.delete(`/api/v1/transfer-drafts/${String(draft.id)}`)).status).toBe(404);
    const viewer = client(ctx.app, (await newAccount(ctx.sw, 'viewer')).token);
    expect(
      (
        await viewer.post('/api/v1/transfer-drafts', {
          fromLocation: 'A',
          toLocation: 'B',
          lines: [{ sku: 'X', quantity: 1 }],
        })
      ).status,
    ).toBe(403);
  });
});

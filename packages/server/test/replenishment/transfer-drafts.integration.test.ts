import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { twoNetworkSeller } from '../support/two-network-seller';
import type { TransferDraftDto } from '../../src/replenishment/transfers/transfer-drafts.schema';

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
    const draft = first.body as unknown as TransferDraftDto;
    expect(draft).toMatchObject({ ...body, status: 'draft' });
    const second = (
      await api.post('/api/v1/transfer-drafts', { ...body, lines: [{ sku: 'CUP', quantity: 1 }] })
    ).body as unknown as TransferDraftDto;

    const list = (await api.get('/api/v1/transfer-drafts')).body['items'] as unknown as TransferDraftDto[];
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
      ((await api.get('/api/v1/transfer-drafts')).body['items'] as unknown as TransferDraftDto[]).map(
        (d) => d.id,
      ),
    ).toEqual([second.id]);
  });

  it('a draft marked sent leaves the open list, keeps its lines and date, and can be neither sent again nor deleted', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG', 'CUP'] });
    const save = async (sku: string) =>
      (
        await api.post('/api/v1/transfer-drafts', {
          fromLocation: 'WH1',
          toLocation: 'FBA-US',
          lines: [{ sku, quantity: 5 }],
        })
      ).body as unknown as TransferDraftDto;
    const first = await save('MUG');
    const second = await save('CUP');
    expect(first.sentAt).toBeNull();
    const before = Date.now();
    const sent = await api.post(`/api/v1/transfer-drafts/${String(first.id)}/sent`, {});
    expect(sent.status).toBe(200);
    const body = sent.body as unknown as TransferDraftDto;
    expect(body).toMatchObject({ id: first.id, status: 'sent', lines: first.lines });
    expect(Date.parse(body.sentAt!)).toBeGreaterThanOrEqual(before - 5000);
    const ids = async (query: string) =>
      ((await api.get(`/api/v1/transfer-drafts${query}`)).body['items'] as unknown as TransferDraftDto[]).map(
        (d) => d.id,
      );
    expect(await ids('?status=draft')).toEqual([second.id]);
    expect(await ids('?status=sent')).toEqual([first.id]);
    expect(await ids('')).toEqual([second.id, first.id]);
    // A sent draft is the record of what left: sending it again or deleting it is a conflict naming the status.
    for (const res of [
      await api.post(`/api/v1/transfer-drafts/${String(first.id)}/sent`, {}),
      await api.delete(`/api/v1/transfer-drafts/${String(first.id)}`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body['field']).toBe('status');
    }
    expect((await api.get(`/api/v1/transfer-drafts/${String(first.id)}`)).body).toEqual(body);
    expect((await api.post('/api/v1/transfer-drafts/999999/sent', {})).status).toBe(404);
    expect((await api.get('/api/v1/transfer-drafts?status=gone')).status).toBe(400);
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
    ).body as unknown as TransferDraftDto;
    const other = (await newAccountApi(ctx)).api;
    expect((await other.get('/api/v1/transfer-drafts')).body['items']).toEqual([]);
    expect((await other.delete(`/api/v1/transfer-drafts/${String(draft.id)}`)).status).toBe(404);
    expect((await other.post(`/api/v1/transfer-drafts/${String(draft.id)}/sent`, {})).status).toBe(404);
    const viewer = (await newAccountApi(ctx, 'viewer')).api;
    expect(
      (
        await viewer.post('/api/v1/transfer-drafts', {
          fromLocation: 'A',
          toLocation: 'B',
          lines: [{ sku: 'X', quantity: 1 }],
        })
      ).status,
    ).toBe(403);
    expect((await viewer.post(`/api/v1/transfer-drafts/${String(draft.id)}/sent`, {})).status).toBe(403);
    expect(
      ((await api.get(`/api/v1/transfer-drafts/${String(draft.id)}`)).body as unknown as TransferDraftDto)
        .status,
    ).toBe('draft');
  });
});

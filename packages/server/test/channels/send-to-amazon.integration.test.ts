import { expect, it } from 'vitest';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { twoNetworkSeller } from '../support/two-network-seller';

const PATH = '/api/v1/channels/amazon/send-to-amazon-file';

describeEachBackend('Send to Amazon file (docs/formulas.md)', (backend) => {
  const ctx = useStockwise(backend);

  it("a transfer draft WH1 → FBA-US exports as Seller Central's Send to Amazon upload file", async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG', 'CUP'] });
    const res = await api.post(PATH, {
      from: 'WH1',
      to: 'FBA-US',
      lines: [
        { sku: 'MUG', quantity: 24 },
        { sku: 'CUP', quantity: 6, labelingOwner: 'Amazon' },
        { sku: 'MUG', quantity: 6 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/tab-separated-values');
    expect(res.headers.get('content-disposition')).toContain('send-to-amazon-WH1-FBA-US.txt');
    expect(String(res.body['text']).split('\r\n')).toEqual([
      'Default prep owner\tSeller',
      'Default labeling owner\tSeller',
      '',
      'Merchant SKU\tQuantity\tPrep owner\tLabeling owner',
      'MUG\t30\tSeller\tSeller',
      'CUP\t6\tSeller\tAmazon',
      '',
    ]);
  });

  it('refuses a draft that does not go from the seller to Amazon, or names an unknown SKU, naming the field', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG'] });
    const line = [{ sku: 'MUG', quantity: 1 }];
    const refused = async (body: unknown, status: number, field: string) => {
      const res = await api.post(PATH, body);
      expect(res.status).toBe(status);
      expect(res.body['field']).toBe(field);
    };
    await refused({ from: 'FBA-US', to: 'WH1', lines: line }, 400, 'to');
    await refused({ from: 'FBA-US', to: 'FBA-US', lines: line }, 400, 'from');
    await refused({ from: 'WH1', to: 'NOPE', lines: line }, 404, 'to');
    await refused(
      { from: 'WH1', to: 'FBA-US', lines: [...line, { sku: 'GHOST', quantity: 1 }] },
      404,
      'lines.1.sku',
    );
    await refused(
      { from: 'WH1', to: 'FBA-US', lines: [{ sku: 'MUG', quantity: 0 }] },
      400,
      'lines.0.quantity',
    );
    await refused({ from: 'WH1', to: 'FBA-US', lines: [] }, 400, 'lines');
  });

  it('a saved transfer draft downloads by id as the same file; another account’s or a missing id is 404', async () => {
    const { api } = await twoNetworkSeller(ctx, { skus: ['MUG', 'CUP'] });
    const saved = await api.post('/api/v1/transfer-drafts', {
      fromLocation: 'WH1',
      toLocation: 'FBA-US',
      lines: [
        { sku: 'CUP', quantity: 12 },
        { sku: 'MUG', quantity: 40 },
      ],
    });
    expect(saved.status).toBe(201);
    const id = String(saved.body['id']);
    const path = `/api/v1/channels/amazon/transfer-drafts/${id}/send-to-amazon-file`;
    const res = await api.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/tab-separated-values');
    expect(res.headers.get('content-disposition')).toContain(`send-to-amazon-WH1-FBA-US-draft-${id}.txt`);
    expect(String(res.body['text']).split('\r\n')).toEqual([
      'Default prep owner\tSeller',
      'Default labeling owner\tSeller',
      '',
      'Merchant SKU\tQuantity\tPrep owner\tLabeling owner',
      'CUP\t12\tSeller\tSeller',
      'MUG\t40\tSeller\tSeller',
      '',
    ]);
    const other = (await newAccountApi(ctx)).api;
    const foreign = await other.get(path);
    expect(foreign.status).toBe(404);
    expect(foreign.body['field']).toBe('id');
    expect(
      (await api.get('/api/v1/channels/amazon/transfer-drafts/999999999/send-to-amazon-file')).status,
    ).toBe(404);
  });
});

import { expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../src/reports/report-columns';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

interface RestockRow {
  sku: string;
  location: string;
  action: string;
  recommendedQuantity: number;
  daysOfSupply: number | null;
  reasoning: { heldBack: { reason: string } | null };
}

type ExcessRow = Record<string, string | number | null>;

describeEachBackend('Excess report from the planning position', (backend) => {
  const seller = useDemoSeller(backend, 40);

  it("per SKU × Amazon location: restock's days of supply, and what clearance is advised for is not bought there", async () => {
    const api = client(seller.app, seller.token);
    const report = await api.get('/api/v1/reports/excess?limit=5000');
    expect(report.status).toBe(200);
    expect(report.body['columns']).toEqual([...REPORT_COLUMNS.excess]);
    expect(report.body['summary']).toMatchObject({ scope: 'amazon' });
    const rows = report.body['rows'] as ExcessRow[];
    expect(rows.length).toBeGreaterThan(0);

    const locations = (await api.get('/api/v1/locations')).body.items as { code: string; type: string }[];
    const amazon = new Set(locations.filter((l) => l.type === 'amazon_fba').map((l) => l.code));
    const restock = await api.get('/api/v1/restock');
    expect(restock.status).toBe(200);
    const items = restock.body.items as unknown as RestockRow[];
    const at = (sku: unknown, location: unknown) =>
      items.filter((i) => i.sku === sku && i.location === location);

    let advised = 0;
    for (const row of rows) {
      expect(amazon.has(String(row['location']))).toBe(true);
      expect(row['estimated-excess-quantity']).toBeGreaterThan(0);
      const lines = at(row['sku'], row['location']);
      expect(lines.length, `${String(row['sku'])} @ ${String(row['location'])}`).toBeGreaterThan(0);
      for (const line of lines) expect(line.daysOfSupply).toBe(row['days-of-supply']);
      if (row['recommended-action'] !== 'keep') {
        advised++;
        for (const line of lines) {
          expect(line.recommendedQuantity, `${line.sku} @ ${line.location}`).toBe(0);
          if (line.reasoning.heldBack) expect(line.reasoning.heldBack.reason).toBe('clearance');
        }
      }
    }
    expect(advised).toBeGreaterThan(0);

    // The CSV download holds the same rows under Amazon's column names.
    const csv = await api.call('GET', '/api/v1/reports/excess?format=csv');
    expect(csv.status).toBe(200);
    const text = csv.body['text'];
    const lines = (typeof text === 'string' ? text : '').trim().split(/\r?\n/);
    expect(lines[0]).toBe([...REPORT_COLUMNS.excess].join(','));
    expect(lines.length - 1).toBe(rows.length);
  });

  it('?location= shows one location (its own figures, restock days of supply); an unknown one is refused', async () => {
    const api = client(seller.app, seller.token);
    const locations = (await api.get('/api/v1/locations')).body.items as { code: string; type: string }[];
    const own = locations.find((l) => l.type !== 'amazon_fba')!;
    const report = await api.get(`/api/v1/reports/excess?limit=5000&location=${own.code}`);
    expect(report.status).toBe(200);
    expect(report.body['summary']).toMatchObject({ scope: own.code });
    const rows = report.body['rows'] as ExcessRow[];
    const items = (await api.get(`/api/v1/restock?location=${own.code}`)).body
      .items as unknown as RestockRow[];
    for (const row of rows) {
      expect(row['location']).toBe(own.code);
      for (const line of items.filter((i) => i.sku === row['sku']))
        expect(line.daysOfSupply).toBe(row['days-of-supply']);
    }
    const unknown = await api.get('/api/v1/reports/excess?location=NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('location');
  });
});

import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { SMALL_HISTORY_MAPPING } from '../support/history-mapping';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { uploadImport } from '../support/uploads';

const query = `?mapping=${encodeURIComponent(JSON.stringify(SMALL_HISTORY_MAPPING))}`;
const HEADER = 'Invoice,Date,Sku,Qty,Price';

describeEachBackend('Sales history: overlapping files count each line once', (backend) => {
  const t = useOwnerApi(backend);

  it('an invoice in two files adds up once; a SKU twice on one invoice, and lines without an order id, count each time', async () => {
    await seedLocations(t.api, WAREHOUSE);
    const units = async (sku: string) => {
      const res = await t.api.get(`/api/v1/sales/history?sku=${sku}&from=2010-01-01&to=2010-01-31`);
      expect(res.status).toBe(200);
      return (res.body['totals'] as { units: number }).units;
    };
    // January 1–10 and January 5–15: invoice 2 (January 5) is in both files.
    const first = [
      HEADER,
      '1,2010-01-02,OV-A,3,1.00',
      '2,2010-01-05,OV-A,4,1.00',
      '2,2010-01-05,OV-A,4,1.00',
    ];
    const second = [
      HEADER,
      '2,2010-01-05,OV-A,4,1.00',
      '2,2010-01-05,OV-A,4,1.00',
      '3,2010-01-12,OV-A,5,1.00',
      // The same SKU on the same invoice a third time: a line the first file did not have.
      '2,2010-01-05,OV-A,1,1.00',
    ];
    const a = await uploadImport(t.api, 'sales-history', `${first.join('\n')}\n`, query);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body['applied']).toMatchObject({ units: 11, duplicateLines: 0, duplicateUnits: 0 });
    expect(await units('OV-A')).toBe(11);

    const b = await uploadImport(t.api, 'sales-history', `${second.join('\n')}\n`, query);
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body['applied']).toMatchObject({ units: 14, duplicateLines: 2, duplicateUnits: 8 });
    expect(await units('OV-A')).toBe(11 + 5 + 1);

    // Without an order column there is no key: every line counts (the seller's choice of mapping).
    const noOrder = `?mapping=${encodeURIComponent(
      JSON.stringify({ date: 'Date', sku: 'Sku', quantity: 'Qty', unitPrice: 'Price', createProducts: true }),
    )}`;
    const c = await uploadImport(t.api, 'sales-history', `${HEADER}\n9,2010-01-20,OV-B,2,1.00\n`, noOrder);
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const d = await uploadImport(t.api, 'sales-history', `${HEADER}\n9,2010-01-20,OV-B,2,1.00\n\n`, noOrder);
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(await units('OV-B')).toBe(4);
  });
});

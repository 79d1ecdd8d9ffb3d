import { expect, it } from 'vitest';
import { hasFormatCharacters } from '@stockwise/domain/catalog/identifier-text';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations, skuBalance, WAREHOUSE } from '../support/seed';
import { uploadImport } from '../support/uploads';

const INVISIBLE = ['\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u00ad'];

describeEachBackend('SKUs refuse invisible Unicode format characters (API and imports)', (backend) => {
  const t = useOwnerApi(backend);

  it('detects bidi controls and zero-width characters, not ordinary text', () => {
    for (const ch of INVISIBLE) expect(hasFormatCharacters(`MUG${ch}1`), JSON.stringify(ch)).toBe(true);
    expect(hasFormatCharacters('马克杯-1 Größe')).toBe(false);
  });

  it('POST /products answers 400 naming sku, and creates nothing', async () => {
    for (const ch of INVISIBLE) {
      const res = await t.api.post('/api/v1/products', { sku: `MUG${ch}1`, title: 'Mug' });
      expect(res.status, JSON.stringify(ch)).toBe(400);
      expect(JSON.stringify(res.body)).toContain('sku');
    }
    expect((await t.api.get('/api/v1/products')).body.items).toEqual([]);
  });

  it('a products import with such a SKU is refused naming the line, and applies nothing', async () => {
    const res = await uploadImport(t.api, 'products', 'sku,title\nOK-1,Fine\nEVIL\u202e1-GUM,Reversed\n');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/line/i);
    expect(JSON.stringify(res.body)).toContain('format characters');
    expect((await t.api.get('/api/v1/products')).body.items).toEqual([]);
  });

  it('location and supplier codes refuse them with the same reason, and nothing is created', async () => {
    for (const ch of INVISIBLE) {
      const location = await t.api.post('/api/v1/locations', {
        code: `WH${ch}2`,
        name: 'W',
        type: 'warehouse',
      });
      expect(location.status, JSON.stringify(ch)).toBe(400);
      expect(location.body).toMatchObject({ field: 'code' });
      expect(JSON.stringify(location.body)).toContain('no invisible format characters');
      const supplier = await t.api.post('/api/v1/suppliers', { code: `SUP${ch}1`, name: 'Supplier' });
      expect(supplier.status, JSON.stringify(ch)).toBe(400);
      expect(supplier.body).toMatchObject({ field: 'code' });
      expect(JSON.stringify(supplier.body)).toContain('no invisible format characters');
    }
    expect((await t.api.get('/api/v1/locations')).body.items).toEqual([]);
    expect((await t.api.get('/api/v1/suppliers')).body.items).toEqual([]);
    // The same codes without the invisible character are fine.
    expect((await t.api.post('/api/v1/suppliers', { code: 'SUP1', name: 'Supplier' })).status).toBe(201);
  });

  it('a stock import with such a location code is refused naming the line and the column', async () => {
    await seedLocations(t.api, WAREHOUSE);
    expect((await t.api.post('/api/v1/products', { sku: 'MUG-1', title: 'Mug' })).status).toBe(201);
    const res = await uploadImport(t.api, 'stock', 'sku,location,quantity\nMUG-1,WH,5\nMUG-1,WH\u200b,7\n');
    expect(res.status).toBe(400);
    expect(res.body['detail']).toContain('line 3: location has invisible format characters');
    expect(res.body['field']).toBe('line 3');
    expect((await skuBalance(t.api, 'MUG-1')).onHand).toBe(0);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { compareAlerts, type AlertSeverity } from '@stockwise/domain/alerts/rules';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

interface Alert {
  id: number;
  kind: string;
  code: string;
  severity: AlertSeverity;
  sku: string | null;
  location: string | null;
  params: Record<string, unknown>;
  details: Record<string, unknown>;
  title: string;
  urgentOn: string | null;
}

interface RestockRow {
  sku: string;
  location: string;
  alert: string | null;
  daysOfSupply: number | null;
  leadTimeDays: number;
  reasoning: { echelon: { alert: string | null; daysOfSupply: number | null } | null };
}

describeEachBackend(
  'Alerts list: every alert, by severity then urgency, filtered; from the plan',
  (backend) => {
    const seller = useDemoSeller(backend, 14);
    let all: Alert[];

    /** Every page of `query` at `limit` rows a page, following the cursor. */
    const pages = async (query: string, limit: number) => {
      const api = client(seller.app, seller.token);
      const out: Alert[] = [];
      let pagesRead = 0;
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const res = await api.get(
          `/api/v1/alerts?${query}&limit=${String(limit)}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        out.push(...(res.body.items as unknown as Alert[]));
        cursor = res.body['nextCursor'] as string | null;
        pagesRead++;
      }
      return { items: out, pagesRead };
    };

    beforeAll(async () => {
      const api = client(seller.app, seller.token);
      expect((await api.post('/api/v1/alerts/evaluate', { deliver: false })).status).toBe(200);
      all = (await pages('status=active', 500)).items;
    }, 300_000);

    it('pages through every alert in order: severity, then the soonest urgency (undated last), then id', async () => {
      expect(all.length).toBeGreaterThan(10);
      const paged = await pages('status=active', 7);
      expect(paged.pagesRead).toBeGreaterThan(1);
      expect(paged.items.map((a) => a.id)).toEqual(all.map((a) => a.id));
      expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
      expect([...all].sort(compareAlerts).map((a) => a.id)).toEqual(all.map((a) => a.id));
      expect(new Set(all.map((a) => a.severity)).size).toBeGreaterThan(1);
      expect(all.some((a) => a.urgentOn === null) && all.some((a) => a.urgentOn !== null)).toBe(true);
    });

    it('filters by kind, severity and location, each page in the same order', async () => {
      const location = all.find((a) => a.location !== null)!.location!;
      for (const [query, keep] of [
        ['kind=stock_out', (a: Alert) => a.kind === 'stock_out'],
        ['severity=warning', (a: Alert) => a.severity === 'warning'],
        [`location=${location}`, (a: Alert) => a.location === location],
        [`kind=excess&location=${location}`, (a: Alert) => a.kind === 'excess' && a.location === location],
      ] as const) {
        const filtered = (await pages(`status=active&${query}`, 5)).items;
        expect(
          filtered.map((a) => a.id),
          query,
        ).toEqual(all.filter(keep).map((a) => a.id));
      }
      const api = client(seller.app, seller.token);
      expect((await api.get('/api/v1/alerts?severity=urgent')).status).toBe(400);
      const bad = await api.get('/api/v1/alerts?cursor=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(bad.body['field']).toBe('cursor');
    });

    it("carries a code and the title's parameters; stock alerts name their SKU × location", () => {
      for (const a of all) {
        expect(a.code).toBe(a.kind);
        expect(a.title.length).toBeGreaterThan(0);
        if (['stock_out', 'reorder_now', 'low_stock', 'excess'].includes(a.kind)) {
          expect(a.location, a.title).not.toBeNull();
          expect(a.params).toMatchObject({ sku: a.sku, location: a.location });
        }
      }
    });

    it("states the plan's figures: one alert per SKU × location with restock's alert, days of supply and learned lead time", async () => {
      const api = client(seller.app, seller.token);
      const rows = (await api.get('/api/v1/restock?limit=100000')).body.items as unknown as RestockRow[];
      const row = new Map(rows.map((r) => [`${r.sku}@${r.location}`, r]));
      const supply = all.filter((a) => ['stock_out', 'reorder_now', 'low_stock'].includes(a.kind));
      const keys = supply.map((a) => `${String(a.sku)}@${String(a.location)}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const a of supply) {
        const r = row.get(`${String(a.sku)}@${String(a.location)}`);
        expect(r, a.title).toBeDefined();
        expect(a.details['daysOfSupply'], a.title).toBe(r!.daysOfSupply);
        expect(a.details['leadTimeDays'], a.title).toBe(r!.leadTimeDays);
        if (a.kind === 'stock_out') expect(r!.alert).toBe('out_of_stock');
        // A hub's network reorder: its own row has no alert; its echelon's says act now.
        if (a.kind === 'reorder_now' && a.params['network'] === true) {
          expect(['reorder_now', 'out_of_stock']).toContain(r!.reasoning.echelon?.alert);
          expect(a.params['daysOfSupply']).toBe(r!.reasoning.echelon?.daysOfSupply);
        } else if (a.kind === 'reorder_now') expect(r!.alert).toBe('reorder_now');
      }
      const acting = rows.filter((r) => r.alert === 'out_of_stock' || r.alert === 'reorder_now');
      expect(acting.length).toBeGreaterThan(0);
      expect(acting.filter((r) => !keys.includes(`${r.sku}@${r.location}`)).map((r) => r.sku)).toEqual([]);
    });
  },
);

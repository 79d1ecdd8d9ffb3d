import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { amazonChannelBody } from '../support/channels-seed';
import { FBA_US, receive, seedLocations } from '../support/seed';
import { fakeSpApi, inventorySummary, type FakeSpApi } from './sp-api/fake-sp-api';
import { useOwnerApi } from '../support/owner-api';

describeEachBackend(
  'Amazon SP-API against a local fake serving the published sandbox payloads',
  (backend) => {
    const t = useOwnerApi(backend);
    let amazon: FakeSpApi;

    const connect = (extra: Record<string, unknown> = {}) =>
      t.api.post('/api/v1/channels', amazonChannelBody(amazon.url, extra));

    beforeAll(async () => {
      amazon = await fakeSpApi();
      await seedLocations(t.api, FBA_US);
      for (const sku of ['MUG-BLUE-12OZ', 'Silicon Power 32GB'])
        expect((await t.api.post('/api/v1/products', { sku, title: sku, unitCost: 6.5 })).status).toBe(201);
      await receive(t.api, 'MUG-BLUE-12OZ', 'FBA-US', 10);
    });

    afterAll(() => {
      amazon.close();
    });

    it('stops on the static NextToken, skips the order whose items name another order, stores an ISO cursor, pushes nothing while push is off', async () => {
      expect((await connect()).status).toBe(201);
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      // The first page and one follow of the token; the second answer repeats it, so the list ends.
      expect(amazon.calls.filter((c) => c.startsWith('GET /orders/v0/orders?'))).toHaveLength(2);
      expect(sync.body).toMatchObject({
        ordersSeen: 1,
        ordersCreated: 1,
        ordersFailed: [
          {
            externalId: '902-1845936-5435065',
            code: 'VALIDATION_FAILED',
            message: 'order items of 903-1671087-0812628 given for order 902-1845936-5435065',
          },
        ],
        pushed: 0,
        // Cut short: the cursor is the latest LastUpdateDate read, not the page's CreatedBefore.
        cursor: '2024-05-01T09:30:00.000Z',
      });
      const steps = sync.body['steps'] as { step: string; status: string; message: string | null }[];
      expect(steps.find((s) => s.step === 'orders')).toMatchObject({ status: 'ok' });
      expect(steps.find((s) => s.step === 'orders')?.message).toContain('repeated-token');
      expect(steps.find((s) => s.step === 'push')).toMatchObject({ status: 'skipped' });
      expect(amazon.patched).toHaveLength(0);
      const created = await t.api.get('/api/v1/orders?channel=amazon&externalId=113-5550001-0000001');
      expect(created.body.items).toMatchObject([{ status: 'reserved', lines: [{ sku: 'MUG-BLUE-12OZ' }] }]);
    });

    it("reads a stored epoch cursor ('1.569521782042E9') as the instant it names", async () => {
      await t.sw.db.query(
        `UPDATE sales_channels SET pull_cursor = '1.569521782042E9' WHERE account_id = $1 AND channel = 'amazon'`,
        [t.owner.actor.accountId],
      );
      amazon.calls.length = 0;
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      expect(amazon.calls.find((c) => c.startsWith('GET /orders/v0/orders?'))).toContain(
        'LastUpdatedAfter=2019-09-26T18%3A16%3A22.042Z',
      );
      const [row] = await t.sw.db.query<{ pull_cursor: string }>(
        `SELECT pull_cursor FROM sales_channels WHERE account_id = $1 AND channel = 'amazon'`,
        [t.owner.actor.accountId],
      );
      expect(row!.pull_cursor).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(sync.body['ordersCreated']).toBe(0);
    });

    it('a failing push after committed orders answers 200 with the step failed, never 502', async () => {
      expect((await connect({ sellerId: undefined, pushAvailability: true })).status).toBe(201);
      await t.sw.db.query(
        `UPDATE sales_channels SET pull_cursor = NULL WHERE account_id = $1 AND channel = 'amazon'`,
        [t.owner.actor.accountId],
      );
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      const steps = sync.body['steps'] as { step: string; status: string; message: string | null }[];
      expect(steps.find((s) => s.step === 'orders')).toMatchObject({ status: 'ok' });
      expect(steps.find((s) => s.step === 'push')).toMatchObject({
        status: 'failed',
        message: 'set sellerId on the channel to push quantities',
      });
      expect(sync.body['cursor']).toBe('2024-05-01T09:30:00.000Z');
    });
    const balance = async (sku: string) => {
      const res = await t.api.get(`/api/v1/inventory?sku=${encodeURIComponent(sku)}&location=FBA-US`);
      const [b] = res.body.items as {
        onHand: number;
        reserved: number;
        inbound: number;
        unfulfillable: number;
      }[];
      return b;
    };

    /** The sync's movements of a SKU at FBA-US, summed by source. */
    const syncMovements = async (sku: string) =>
      t.sw.db.query<{ source: string; on_hand: number; inbound: number; unfulfillable: number }>(
        `SELECT m.reference_id AS source, sum(m.on_hand_delta)::int AS on_hand, sum(m.inbound_delta)::int AS inbound,
           sum(m.unfulfillable_delta)::int AS unfulfillable
         FROM stock_movements m JOIN products p ON p.id = m.product_id
         WHERE m.account_id = $1 AND p.sku = $2 AND m.reference_type = 'amazon-fba-summary'
         GROUP BY m.reference_id ORDER BY m.reference_id`,
        [t.owner.actor.accountId, sku],
      );

    it('FBA inventory: balances and inbound stages follow the summaries through named movements, after a 429', async () => {
      amazon.state.throttle = 1;
      amazon.state.summaries = [
        inventorySummary('MUG-BLUE-12OZ', {
          fulfillable: 7,
          reserved: 1,
          inboundWorking: 4,
          inboundShipped: 6,
          researching: 1,
          unfulfillable: 2,
        }),
        inventorySummary('Silicon Power 32GB', { fulfillable: 66, inboundWorking: 21 }),
        inventorySummary('NOT-IN-CATALOGUE', { fulfillable: 3 }),
      ];
      amazon.calls.length = 0;
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      const summaries = amazon.calls.filter((c) => c.startsWith('GET /fba/inventory/v1/summaries'));
      // 429, the first page again, then the static nextToken once: the repeat ends the read.
      expect(summaries).toHaveLength(3);
      expect(summaries[0]).toContain('details=true');
      expect(summaries[0]).toContain('marketplaceIds=ATVPDKIKX0DER');
      expect(summaries[2]).toContain('nextToken=seed');
      const step = (sync.body['steps'] as { step: string; status: string; message: string }[]).find(
        (s) => s.step === 'inventory',
      );
      expect(step).toMatchObject({ status: 'ok' });
      expect(step?.message).toContain('FBA-US: 2 SKUs followed');
      expect(step?.message).toContain('1 unknown SKUs (NOT-IN-CATALOGUE)');
      // 10 received, 1 reserved by an order: on hand follows fulfillable + reserved (8).
      expect(await balance('MUG-BLUE-12OZ')).toMatchObject({
        onHand: 8,
        reserved: 1,
        inbound: 10,
        unfulfillable: 2,
      });
      expect(await balance('Silicon Power 32GB')).toMatchObject({
        onHand: 66,
        inbound: 21,
        unfulfillable: 0,
      });
      expect(await syncMovements('MUG-BLUE-12OZ')).toEqual([
        { source: 'inbound-shipped', on_hand: 0, inbound: 6, unfulfillable: 0 },
        { source: 'inbound-working', on_hand: 0, inbound: 4, unfulfillable: 0 },
        { source: 'sellable', on_hand: -2, inbound: 0, unfulfillable: 0 },
        { source: 'unfulfillable', on_hand: 0, inbound: 0, unfulfillable: 2 },
      ]);
    });

    it('FBA inventory: units received at Amazon leave their inbound stages and join on hand; the ledger adds up', async () => {
      amazon.state.summaries = [
        inventorySummary('MUG-BLUE-12OZ', {
          fulfillable: 13,
          reserved: 1,
          inboundReceiving: 4,
          unfulfillable: 2,
        }),
        inventorySummary('Silicon Power 32GB', { fulfillable: 66, inboundWorking: 21 }),
      ];
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      expect(await balance('MUG-BLUE-12OZ')).toMatchObject({ onHand: 14, inbound: 4, unfulfillable: 2 });
      expect(await balance('Silicon Power 32GB')).toMatchObject({ onHand: 66, inbound: 21 });
      expect(await syncMovements('MUG-BLUE-12OZ')).toEqual([
        { source: 'inbound-receiving', on_hand: 0, inbound: 4, unfulfillable: 0 },
        { source: 'inbound-shipped', on_hand: 0, inbound: 0, unfulfillable: 0 },
        { source: 'inbound-working', on_hand: 0, inbound: 0, unfulfillable: 0 },
        { source: 'sellable', on_hand: 4, inbound: 0, unfulfillable: 0 },
        { source: 'unfulfillable', on_hand: 0, inbound: 0, unfulfillable: 2 },
      ]);
      const [sum] = await t.sw.db.query<{ on_hand: number; inbound: number }>(
        `SELECT sum(m.on_hand_delta)::int AS on_hand, sum(m.inbound_delta)::int AS inbound
         FROM stock_movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id
         WHERE m.account_id = $1 AND p.sku = 'MUG-BLUE-12OZ' AND l.code = 'FBA-US'`,
        [t.owner.actor.accountId],
      );
      expect(sum).toEqual({ on_hand: 14, inbound: 4 });
    });

    it('Reports API: createReport → getReport → GZIP document; each document imports once', async () => {
      amazon.state.documents = {
        GET_LEDGER_DETAIL_VIEW_DATA: { id: 'amzn1.spdoc.1.4.na.LEDGER-1', content: LEDGER_DETAIL },
        GET_FBA_REIMBURSEMENTS_DATA: { id: 'amzn1.spdoc.1.4.na.REIMB-1', content: REIMBURSEMENTS },
      };
      amazon.reportRequests.length = 0;
      const sync = await t.api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      expect(amazon.reportRequests.map((r) => r['reportType'])).toEqual([
        'GET_FBA_INVENTORY_PLANNING_DATA',
        'GET_LEDGER_DETAIL_VIEW_DATA',
        'GET_FBA_REIMBURSEMENTS_DATA',
      ]);
      expect(amazon.reportRequests[1]).toMatchObject({ marketplaceIds: ['ATVPDKIKX0DER'] });
      expect(amazon.reportRequests[1]?.['dataStartTime']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const step = (sync.body['steps'] as { step: string; status: string; message: string }[]).find(
        (s) => s.step === 'reports',
      );
      expect(step?.status).toBe('ok');
      expect(step?.message).toContain(
        'GET_LEDGER_DETAIL_VIEW_DATA: DONE, document amzn1.spdoc.1.4.na.LEDGER-1 imported (7 rows, 1 rejected)',
      );
      expect(step?.message).toContain(
        'GET_FBA_REIMBURSEMENTS_DATA: DONE, document amzn1.spdoc.1.4.na.REIMB-1 imported (1 rows)',
      );
      expect(step?.message).toContain('GET_FBA_INVENTORY_PLANNING_DATA: CANCELLED');
      const count = async () =>
        (
          await t.sw.db.query<{ events: number; reimbursements: number }>(
            `SELECT (SELECT count(*)::int FROM amazon_ledger_events WHERE account_id = $1) AS events,
               (SELECT count(*)::int FROM amazon_reimbursements WHERE account_id = $1) AS reimbursements`,
            [t.owner.actor.accountId],
          )
        )[0];
      expect(await count()).toEqual({ events: 7, reimbursements: 1 });
      const again = await t.api.post('/api/v1/channels/amazon/sync');
      const message = (again.body['steps'] as { step: string; message: string }[]).find(
        (s) => s.step === 'reports',
      )?.message;
      expect(message).toContain('document amzn1.spdoc.1.4.na.LEDGER-1 already imported');
      expect(message).toContain('document amzn1.spdoc.1.4.na.REIMB-1 already imported');
      expect(await count()).toEqual({ events: 7, reimbursements: 1 });
      // A later document over the same days (and one more) replaces those days' events: none counted twice.
      amazon.state.documents['GET_LEDGER_DETAIL_VIEW_DATA'] = {
        id: 'amzn1.spdoc.1.4.na.LEDGER-2',
        content: `${LEDGER_DETAIL}\n04/26/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tShipments\t113-1\t-1\tPHX7\tSELLABLE\t\tUS\t-1\t0`,
      };
      await t.api.post('/api/v1/channels/amazon/sync');
      expect(await count()).toEqual({ events: 8, reimbursements: 1 });
    });

    it('reconciliation: the planted lost units show with their value, less what Amazon found and reimbursed (JSON, CSV, a window)', async () => {
      const res = await t.api.get('/api/v1/channels/amazon/reconciliation');
      expect(res.status).toBe(200);
      expect(res.body['locations']).toEqual([{ location: 'FBA-US', marketplace: 'US', currency: 'USD' }]);
      // 3 lost (M) + 1 damaged at Amazon (E) − 1 found (F) − 1 reimbursed = 2 claimable, at the unit cost 6.50.
      expect(res.body['items']).toEqual([
        {
          location: 'FBA-US',
          sku: 'MUG-BLUE-12OZ',
          currency: 'USD',
          lost: 3,
          damaged: 1,
          found: 1,
          disposed: 1,
          customerReturnsReceived: 1,
          customerReturnsNotReceived: 0,
          reimbursedUnits: 1,
          reimbursedAmount: 9.75,
          eligibleUnits: 2,
          unitValue: 6.5,
          unitValueBasis: 'cost',
          eligibleValue: 13,
          ledgerOnHand: 14,
          amazonSellable: 14,
          amazonResearching: 0,
          difference: 0,
          flags: ['2 units lost, damaged or not returned at Amazon are not reimbursed yet: claim them'],
        },
      ]);
      const usd = {
        currency: 'USD',
        eligibleUnits: 2,
        eligibleValue: 13,
        reimbursedUnits: 1,
        reimbursedAmount: 9.75,
      };
      expect(res.body['totals']).toEqual([usd]);
      const csv = await t.api.call('GET', '/api/v1/channels/amazon/reconciliation?format=csv');
      expect(csv.status).toBe(200);
      const text = String(csv.body['text']);
      expect(text.split(/\r?\n/)[0]).toBe(
        'location,sku,currency,lost,damaged,found,disposed,customerReturnsReceived,customerReturnsNotReceived,reimbursedUnits,reimbursedAmount,eligibleUnits,unitValue,unitValueBasis,eligibleValue,ledgerOnHand,amazonSellable,amazonResearching,difference,flags',
      );
      expect(text).toContain(
        'FBA-US,MUG-BLUE-12OZ,USD,3,1,1,1,1,0,1,9.75,2,6.5,cost,13,14,14,0,0,"2 units lost, damaged',
      );
      // Before the damage, the find and the reimbursement: the 3 lost units are all claimable.
      const early = await t.api.get('/api/v1/channels/amazon/reconciliation?to=2024-04-15');
      expect(early.body['totals']).toMatchObject([
        { eligibleUnits: 3, eligibleValue: 19.5, reimbursedUnits: 0 },
      ]);
      const backwards = await t.api.get(
        '/api/v1/channels/amazon/reconciliation?from=2024-05-01&to=2024-04-01',
      );
      expect(backwards.status).toBe(400);
      expect(JSON.stringify(backwards.body)).toContain('from');
      const unknown = await t.api.get('/api/v1/channels/amazon/reconciliation?location=NOPE');
      expect(unknown.status).toBe(404);
      // A reimbursement paid in EUR (another marketplace's) adds nothing to the US location's USD figures.
      await t.sw.db.query(
        `INSERT INTO amazon_reimbursements (account_id, reimbursement_id, sku, approval_date, reason, currency,
           amount_total, quantity_cash, quantity_inventory, document_id)
         VALUES ($1, 'EUR-1', 'MUG-BLUE-12OZ', '2024-04-20', 'Lost_Warehouse', 'EUR', 50, 1, 0, 'doc-eur')`,
        [t.owner.actor.accountId],
      );
      const after = await t.api.get('/api/v1/channels/amazon/reconciliation');
      expect(after.body['totals']).toEqual([usd]);
      // no location here is paid in EUR: the reimbursement is counted apart, never guessed into one
      expect(after.body['unplaced']).toEqual({ eventUnits: 0, reimbursedUnits: 1 });
    });

    it('reconciliation per SKU × location: a DE location’s lost units, valued in EUR, beside the US ones; totals per currency', async () => {
      expect(
        (
          await t.api.post('/api/v1/locations', {
            code: 'FBA-DE',
            name: 'Amazon DE',
            type: 'amazon_fba',
            marketplace: 'DE',
          })
        ).status,
      ).toBe(201);
      // Amazon's ledger rows of a German centre (country DE) and one of a Polish centre (no location here)
      await t.sw.db.query(
        `INSERT INTO amazon_ledger_events (account_id, document_id, event_date, fnsku, sku, event_type, reference_id,
           quantity, fulfillment_center, disposition, reason, country)
         VALUES ($1, 'doc-de', '2024-04-12', 'X00MUGFNSK', 'MUG-BLUE-12OZ', 'Adjustments', '881', -2, 'LEJ1', 'SELLABLE', 'M', 'DE'),
                ($1, 'doc-de', '2024-04-13', 'X00MUGFNSK', 'MUG-BLUE-12OZ', 'Adjustments', '882', -4, 'WRO1', 'SELLABLE', 'M', 'PL')`,
        [t.owner.actor.accountId],
      );
      const res = await t.api.get('/api/v1/channels/amazon/reconciliation');
      expect(res.status).toBe(200);
      expect(res.body['locations']).toEqual([
        { location: 'FBA-DE', marketplace: 'DE', currency: 'EUR' },
        { location: 'FBA-US', marketplace: 'US', currency: 'USD' },
      ]);
      const items = res.body['items'] as Record<string, unknown>[];
      expect(items.map((l) => [l['location'], l['sku'], l['currency']])).toEqual([
        ['FBA-DE', 'MUG-BLUE-12OZ', 'EUR'],
        ['FBA-US', 'MUG-BLUE-12OZ', 'USD'],
      ]);
      // 2 lost in DE − 1 reimbursed in EUR = 1 claimable; the unit cost is in USD, so the unit is valued
      // at what Amazon paid per unit in EUR (50), never at USD 6.50 written as euros
      expect(items[0]).toMatchObject({
        lost: 2,
        reimbursedUnits: 1,
        reimbursedAmount: 50,
        eligibleUnits: 1,
        unitValue: 50,
        unitValueBasis: 'reimbursed',
        eligibleValue: 50,
        ledgerOnHand: 0,
        amazonSellable: null,
      });
      // the US line is as before: the German and Polish losses are not its own
      expect(items[1]).toMatchObject({ lost: 3, eligibleUnits: 2, eligibleValue: 13 });
      expect(res.body['totals']).toEqual([
        { currency: 'EUR', eligibleUnits: 1, eligibleValue: 50, reimbursedUnits: 1, reimbursedAmount: 50 },
        { currency: 'USD', eligibleUnits: 2, eligibleValue: 13, reimbursedUnits: 1, reimbursedAmount: 9.75 },
      ]);
      expect(res.body['unplaced']).toEqual({ eventUnits: 4, reimbursedUnits: 0 });
      const de = await t.api.get('/api/v1/channels/amazon/reconciliation?location=FBA-DE');
      expect((de.body['items'] as unknown[]).length).toBe(1);
      expect(de.body['totals']).toEqual([
        { currency: 'EUR', eligibleUnits: 1, eligibleValue: 50, reimbursedUnits: 1, reimbursedAmount: 50 },
      ]);
    });
  },
);

/** FBA inventory ledger detail (GET_LEDGER_DETAIL_VIEW_DATA): 3 mugs lost (M), 1 found (F), 1 damaged at Amazon (E), 1 disposed (D). */
const LEDGER_DETAIL = [
  'Date\tFNSKU\tASIN\tMSKU\tTitle\tEvent Type\tReference ID\tQuantity\tFulfillment Center\tDisposition\tReason\tCountry\tReconciled Quantity\tUnreconciled Quantity',
  '04/02/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tReceipts\tFBA15DJ8K1\t20\tPHX7\tSELLABLE\t\tUS\t20\t0',
  '04/10/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tAdjustments\t771234\t-3\tPHX7\tSELLABLE\tM\tUS\t0\t-3',
  '04/18/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tAdjustments\t771240\t1\tPHX7\tSELLABLE\tF\tUS\t1\t0',
  '04/20/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tAdjustments\t771241\t-1\tPHX7\tSELLABLE\tE\tUS\t0\t-1',
  '04/21/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tAdjustments\t771242\t-1\tPHX7\tDEFECTIVE\tD\tUS\t-1\t0',
  '04/22/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tShipments\t113-8891267-5523401\t-1\tPHX7\tSELLABLE\t\tUS\t-1\t0',
  '04/25/2024\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tCustomerReturns\t113-8891267-5523401\t1\tPHX7\tSELLABLE\t\tUS\t1\t0',
  'not a date\tX00MUGFNSK\tB00T9QONN6\tMUG-BLUE-12OZ\tBlue mug\tAdjustments\t1\t-1\tPHX7\tSELLABLE\tM\tUS\t0\t0',
].join('\n');

/** FBA reimbursements (GET_FBA_REIMBURSEMENTS_DATA): one lost mug reimbursed in cash. */
const REIMBURSEMENTS = [
  'approval-date\treimbursement-id\tcase-id\tamazon-order-id\treason\tsku\tfnsku\tasin\tproduct-name\tcondition\tcurrency-unit\tamount-per-unit\tamount-total\tquantity-reimbursed-cash\tquantity-reimbursed-inventory\tquantity-reimbursed-total\toriginal-reimbursement-id\toriginal-reimbursement-type',
  '2024-04-28T07:00:00+00:00\t2961440351\t\t\tLost_Warehouse\tMUG-BLUE-12OZ\tX00MUGFNSK\tB00T9QONN6\tBlue mug\tNew\tUSD\t9.75\t9.75\t1\t0\t1\t\t',
].join('\n');

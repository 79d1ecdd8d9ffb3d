import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccount, type TestAccount } from '../support/factories';
import { client } from '../support/http-client';
import { FBA_US, receive, seedLocations } from '../support/seed';
import { fakeSpApi, type FakeSpApi } from './sp-api/fake-sp-api';

type Api = ReturnType<typeof client>;

describeEachBackend(
  'Amazon SP-API against a local fake serving the published sandbox payloads',
  (backend) => {
    const ctx = useStockwise(backend);
    let sw: Stockwise;
    let owner: TestAccount;
    let api: Api;
    let amazon: FakeSpApi;

    const connect = (extra: Record<string, unknown> = {}) =>
      api.post('/api/v1/channels', {
        type: 'amazon',
        sellerId: 'SELLER1',
        marketplaceId: 'ATVPDKIKX0DER',
        clientId: 'amzn1.application-oa2-client.x',
        clientSecret: 'secret',
        refreshToken: 'Atzr|refresh',
        endpoint: amazon.url,
        tokenUrl: `${amazon.url}/auth/o2/token`,
        location: 'FBA-US',
        ...extra,
      });

    beforeAll(async () => {
      sw = ctx.sw;
      owner = await newAccount(sw);
      api = client(ctx.app, owner.token);
      amazon = await fakeSpApi();
      await seedLocations(api, FBA_US);
      for (const sku of ['MUG-BLUE-12OZ', 'Silicon Power 32GB'])
        expect((await api.post('/api/v1/products', { sku, title: sku, unitCost: 6.5 })).status).toBe(201);
      await receive(api, 'MUG-BLUE-12OZ', 'FBA-US', 10);
    });

    afterAll(() => {
      amazon.close();
    });

    it('stops on the static NextToken, skips the order whose items name another order, stores an ISO cursor, pushes nothing while push is off', async () => {
      expect((await connect()).status).toBe(201);
      const sync = await api.post('/api/v1/channels/amazon/sync');
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
      const created = await api.get('/api/v1/orders?channel=amazon&externalId=113-5550001-0000001');
      expect(created.body.items).toMatchObject([{ status: 'reserved', lines: [{ sku: 'MUG-BLUE-12OZ' }] }]);
    });

    it("reads a stored epoch cursor ('1.569521782042E9') as the instant it names", async () => {
      await sw.db.query(
        `UPDATE sales_channels SET pull_cursor = '1.569521782042E9' WHERE account_id = $1 AND channel = 'amazon'`,
        [owner.actor.accountId],
      );
      amazon.calls.length = 0;
      const sync = await api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      expect(amazon.calls[1]).toContain('LastUpdatedAfter=2019-09-26T18%3A16%3A22.042Z');
      const [row] = await sw.db.query<{ pull_cursor: string }>(
        `SELECT pull_cursor FROM sales_channels WHERE account_id = $1 AND channel = 'amazon'`,
        [owner.actor.accountId],
      );
      expect(row!.pull_cursor).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(sync.body['ordersCreated']).toBe(0);
    });

    it('a failing push after committed orders answers 200 with the step failed, never 502', async () => {
      expect((await connect({ sellerId: undefined, pushAvailability: true })).status).toBe(201);
      await sw.db.query(
        `UPDATE sales_channels SET pull_cursor = NULL WHERE account_id = $1 AND channel = 'amazon'`,
        [owner.actor.accountId],
      );
      const sync = await api.post('/api/v1/channels/amazon/sync');
      expect(sync.status).toBe(200);
      const steps = sync.body['steps'] as { step: string; status: string; message: string | null }[];
      expect(steps.find((s) => s.step === 'orders')).toMatchObject({ status: 'ok' });
      expect(steps.find((s) => s.step === 'push')).toMatchObject({
        status: 'failed',
        message: 'set sellerId on the channel to push quantities',
      });
      expect(sync.body['cursor']).toBe('2024-05-01T09:30:00.000Z');
    });
  },
);

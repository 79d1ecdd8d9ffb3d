import { createHmac } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AVAILABILITY_PUSH } from '../../src/channels/webhook/availability-push';
import { describeEachBackend } from '../support/backends';
import { uid } from '../support/factories';
import { localServer } from '../support/local-server';
import { useOwnerApi, newAccountApi } from '../support/owner-api';
import { placeOrder } from '../support/seed';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  path: string;
}

/** A local receiver: records each request and answers with `status()` (changeable mid-test). */
async function receiver(
  status: () => number,
): Promise<{ url: string; server: Server; received: Received[] }> {
  const received: Received[] = [];
  const local = await localServer((req, body, res) => {
    received.push({ headers: req.headers, body, path: req.url ?? '/' });
    const code = status();
    res
      .writeHead(code, { 'Content-Type': 'application/json' })
      .end(code < 300 ? '{"ok":true}' : '{"error":"down"}');
  });
  return { ...local, received };
}

const SECRET = 'whsec_outbound_availability_test';
const verify = (r: Received) =>
  r.headers['x-stockwise-signature'] ===
  `sha256=${createHmac('sha256', SECRET).update(r.body, 'utf8').digest('hex')}`;
const itemsOf = (r: Received) =>
  (JSON.parse(r.body) as { items: { sku: string; availableToSell: number; previous: number | null }[] })
    .items;

describeEachBackend(
  'Channels: availability change feed and the signed, coalesced availability webhook',
  (backend) => {
    const t = useOwnerApi(backend);
    let hook: Awaited<ReturnType<typeof receiver>>;
    let answer = 200;
    const [A, B, C] = [uid('OUT-A-'), uid('OUT-B-'), uid('OUT-C-')];

    /** The account's availability-push jobs, finished or not. */
    const pushJobs = async () => {
      const [row] = await t.sw.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND kind = $2`,
        [t.owner.actor.accountId, AVAILABILITY_PUSH],
      );
      return row!.n;
    };

    /** Runs queued jobs until none is ready. */
    const drain = async () => {
      while (await t.sw.jobs.runOnce()) {
        /* next */
      }
    };

    beforeAll(async () => {
      hook = await receiver(() => answer);
      expect(
        (await t.api.post('/api/v1/locations', { code: 'WH', name: 'Warehouse', type: 'warehouse' })).status,
      ).toBe(201);
      for (const sku of [A, B, C]) {
        expect((await t.api.post('/api/v1/products', { sku, title: sku, unitCost: 4 })).status).toBe(201);
      }
      for (const sku of [A, B])
        expect(
          (await t.api.post('/api/v1/movements', { type: 'receipt', sku, location: 'WH', quantity: 50 }))
            .status,
        ).toBe(201);
    });
    afterAll(() => {
      hook.server.close();
    });

    it('connects a webhook (secret sealed, never echoed); the first delivery sends every stocked SKU, signed, with the safety buffer applied', async () => {
      const connected = await t.api.post('/api/v1/channels', {
        type: 'other',
        safetyBuffer: 5,
        availabilityWebhook: { url: `${hook.url}/stock`, secret: SECRET },
      });
      expect(connected.status).toBe(201);
      expect(connected.body).toMatchObject({
        availabilityWebhookUrl: `${hook.url}/stock`,
        pushAvailability: false,
        pushFailures: 0,
      });
      expect(JSON.stringify(connected.body)).not.toContain(SECRET);
      const [row] = await t.sw.db.query<{ availability_secret_enc: string }>(
        'SELECT availability_secret_enc FROM sales_channels WHERE account_id = $1 AND channel = $2',
        [t.owner.actor.accountId, 'other'],
      );
      expect(row!.availability_secret_enc).not.toContain(SECRET);

      const queued = await t.api.post('/api/v1/channels/other/availability/push');
      expect(queued.status).toBe(202);
      await drain();
      expect(hook.received).toHaveLength(1);
      const first = hook.received[0]!;
      expect(first.path).toBe('/stock');
      expect(verify(first)).toBe(true);
      expect(first.headers['content-type']).toBe('application/json');
      expect(first.headers['x-stockwise-event']).toBe('availability.changed');
      expect(JSON.parse(first.body)).toMatchObject({
        event: 'availability.changed',
        channel: 'other',
        safetyBuffer: 5,
        deliveryId: first.headers['x-stockwise-delivery'],
      });
      expect(itemsOf(first).sort((x, y) => x.sku.localeCompare(y.sku))).toEqual([
        { sku: A, availableToSell: 45, available: 50, onHand: 50, reserved: 0, previous: null },
        { sku: B, availableToSell: 45, available: 50, onHand: 50, reserved: 0, previous: null },
      ]);
    });

    it('coalesces many movements in one batch window into one delivery of the SKUs whose figure changed', async () => {
      hook.received.length = 0;
      const jobIds: (number | null)[] = [];
      for (let i = 0; i < 12; i++) {
        await placeOrder(t.api, {
          channel: 'manual',
          externalId: uid('o-'),
          lines: [{ sku: A, quantity: 1 }],
        });
        jobIds.push(await t.sw.availabilityPush.enqueue(t.sw.jobs, t.owner.actor, 'other', 1_000_000));
      }
      // B moves and comes back: its available-to-sell did not change, so it is not sent.
      await t.api.post('/api/v1/movements', {
        type: 'adjustment',
        sku: B,
        location: 'WH',
        quantity: -2,
        reason: 'lost',
      });
      await t.api.post('/api/v1/movements', {
        type: 'adjustment',
        sku: B,
        location: 'WH',
        quantity: 2,
        reason: 'found',
      });
      expect(jobIds.filter((id) => id !== null)).toHaveLength(1);
      await drain();
      expect(hook.received).toHaveLength(1);
      expect(verify(hook.received[0]!)).toBe(true);
      expect(itemsOf(hook.received[0]!)).toEqual([
        { sku: A, availableToSell: 33, available: 38, onHand: 50, reserved: 12, previous: 45 },
      ]);
      expect(await pushJobs()).toBe(2);
    });

    it('the scheduler queues a delivery only for channels with movements past their cursor', async () => {
      hook.received.length = 0;
      expect(await t.sw.availabilityPush.enqueueDue(t.sw.jobs, t.sw.auth, 2_000_000_000)).toBe(0);
      await t.api.post('/api/v1/movements', { type: 'receipt', sku: C, location: 'WH', quantity: 7 });
      expect(await t.sw.availabilityPush.enqueueDue(t.sw.jobs, t.sw.auth, 2_000_000_000)).toBe(1);
      await drain();
      expect(itemsOf(hook.received[0]!)).toEqual([
        { sku: C, availableToSell: 2, available: 7, onHand: 7, reserved: 0, previous: null },
      ]);
      // Finished delivery jobs older than a day are pruned (at most hourly).
      await t.sw.db.query(
        `UPDATE jobs SET finished_at = now() - interval '2 days' WHERE account_id = $1 AND kind = $2`,
        [t.owner.actor.accountId, AVAILABILITY_PUSH],
      );
      await t.sw.availabilityPush.enqueueDue(t.sw.jobs, t.sw.auth, 2_100_000_000_000);
      expect(await pushJobs()).toBe(0);
    });

    it('a failing receiver backs off (cursor kept, retry later); the next delivery carries everything it missed', async () => {
      hook.received.length = 0;
      answer = 500;
      await t.api.post('/api/v1/movements', { type: 'shipment', sku: C, location: 'WH', quantity: 1 });
      const failed = await t.sw.availabilityPush.push(t.owner.actor, 'other');
      expect(failed).toMatchObject({ status: 'failed', items: 0 });
      expect(failed.error).toContain('HTTP 500');
      expect(hook.received.length).toBeGreaterThanOrEqual(2); // in-process retries of a 5xx before giving up
      const channel = ((await t.api.get('/api/v1/channels')).body.items as Record<string, unknown>[]).find(
        (c) => c['channel'] === 'other',
      )!;
      expect(channel).toMatchObject({ pushFailures: 1 });
      expect(channel['lastPushError']).toContain('HTTP 500');
      expect(channel['lastPushError']).not.toContain('down'); // the receiver's body is never echoed
      // Backing off: the scheduler leaves it alone.
      expect(await t.sw.availabilityPush.enqueueDue(t.sw.jobs, t.sw.auth, 3_000_000_000)).toBe(0);
      await t.sw.db.query(
        `UPDATE sales_channels SET push_retry_after = now() - interval '1 second' WHERE account_id = $1`,
        [t.owner.actor.accountId],
      );
      answer = 200;
      hook.received.length = 0;
      await t.api.post('/api/v1/movements', { type: 'shipment', sku: C, location: 'WH', quantity: 1 });
      expect(await t.sw.availabilityPush.push(t.owner.actor, 'other')).toMatchObject({
        status: 'delivered',
        items: 1,
        deliveries: 1,
      });
      expect(itemsOf(hook.received[0]!)).toEqual([
        { sku: C, availableToSell: 0, available: 5, onHand: 5, reserved: 0, previous: 2 },
      ]);
      expect(
        ((await t.api.get('/api/v1/channels')).body.items as Record<string, unknown>[]).find(
          (c) => c['channel'] === 'other',
        ),
      ).toMatchObject({ pushFailures: 0, lastPushError: null });
    });

    it("another account's movements never reach this channel's feed or webhook", async () => {
      const { api: otherApi } = await newAccountApi(t);
      await otherApi.post('/api/v1/locations', { code: 'WH', name: 'Other', type: 'warehouse' });
      await otherApi.post('/api/v1/products', { sku: A, title: 'same SKU, other seller' });
      await otherApi.post('/api/v1/movements', { type: 'receipt', sku: A, location: 'WH', quantity: 999 });
      hook.received.length = 0;
      expect(await t.sw.availabilityPush.push(t.owner.actor, 'other')).toMatchObject({
        status: 'nothing-changed',
        items: 0,
      });
      expect(hook.received).toHaveLength(0);
      const feed = await t.api.get('/api/v1/channels/other/availability/changes');
      // The items, not the whole body: the cursor is a number that may itself contain 999.
      const items = feed.body['items'] as { onHand: number }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((i) => i.onHand)).not.toContain(999);
    });

    it('the change feed pages by SKU with a cursor and reports a SKU whose movement commits late with a lower id', async () => {
      const start = await t.api.get('/api/v1/channels/other/availability/changes');
      let cursor = start.body['cursor'] as string;
      expect(cursor).toMatch(/^\d+-\d+$/);
      for (const sku of [A, B, C])
        await t.api.post('/api/v1/movements', { type: 'receipt', sku, location: 'WH', quantity: 1 });
      const page1 = await t.api.get(`/api/v1/channels/other/availability/changes?cursor=${cursor}&limit=2`);
      expect(page1.body).toMatchObject({ more: true });
      expect(page1.body['items']).toHaveLength(2);
      const page2 = await t.api.get(
        `/api/v1/channels/other/availability/changes?cursor=${page1.body['cursor'] as string}&limit=2`,
      );
      expect((page2.body['items'] as { sku: string }[]).map((i) => i.sku)).toContain(C);
      cursor = page2.body['cursor'] as string;
      expect(
        (await t.api.get('/api/v1/channels/other/availability/changes?cursor=not-a-cursor')).status,
      ).toBe(400);

      if (backend.name !== 'postgres') return; // PGlite has one connection: no transaction is ever open beside the reader
      // A transaction takes a movement id, stays open while a later one commits and the feed is read…
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let posted!: () => void;
      const inside = new Promise<void>((resolve) => (posted = resolve));
      const slow = t.sw.tx.run(async () => {
        await t.sw.ledger.post(t.owner.actor, [
          { sku: B, location: 'WH', request: { type: 'adjustment', quantity: 3, reason: 'found' } },
        ]);
        posted();
        await held;
      });
      await inside;
      await t.api.post('/api/v1/movements', { type: 'receipt', sku: A, location: 'WH', quantity: 1 });
      const before = await t.api.get(`/api/v1/channels/other/availability/changes?cursor=${cursor}`);
      expect((before.body['items'] as { sku: string }[]).map((i) => i.sku)).toEqual([A]);
      // …then commits: its lower id is still reported from the cursor read before it committed.
      release();
      await slow;
      const after = await t.api.get(
        `/api/v1/channels/other/availability/changes?cursor=${before.body['cursor'] as string}`,
      );
      expect(
        (after.body['items'] as { sku: string; onHand: number }[]).find((i) => i.sku === B),
      ).toMatchObject({ onHand: 54 });
    });
  },
);

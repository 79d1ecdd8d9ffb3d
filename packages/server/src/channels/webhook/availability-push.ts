import { createHmac, randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '@stockwise/domain/errors';
import type { OrderChannel } from '@stockwise/domain/sales/order-state';
import type { OutboundAvailabilityRow } from '@stockwise/db/channels/availability-push.repository';
import { availabilityPushRepository } from '@stockwise/db/channels/availability-push.repository';
import type { ChannelRecord } from '@stockwise/db/channels/channels.repository';
import { channelsRepository } from '@stockwise/db/channels/channels.repository';
import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
import type { JobsService } from '../../jobs/jobs.service';
import type { PushResult } from '../channels.schema';
import type { Actor } from '../../accounts/actor';
import { requirePermission } from '../../accounts/actor';
import type { AuthService } from '../../accounts/auth.service';
import type { Transactor } from '../../platform/transactor';
import type { ChannelsService } from '../channels.service';
import { decodeFeedCursor, encodeFeedCursor } from '../feed-cursor';
import { expectOk, fetchWithRetry } from '../connector';
import type { SecretBox } from '../../platform/secret-box';

export const AVAILABILITY_PUSH = 'channel.availability.push';
export const SIGNATURE_HEADER = 'X-Stockwise-Signature';

/** SKUs per delivery: a busy window becomes a few large POSTs, never one per movement. */
const PAGE = 1000;
/** A job stops after this many pages; the next window continues from the stored cursor. */
const MAX_PAGES = 50;
const LEASE_SECONDS = 300;
const MAX_BACKOFF_SECONDS = 3600;

export interface AvailabilityDelivery {
  event: 'availability.changed';
  deliveryId: string;
  channel: OrderChannel;
  safetyBuffer: number;
  sentAt: string;
  items: {
    sku: string;
    availableToSell: number;
    available: number;
    onHand: number;
    reserved: number;
    previous: number | null;
  }[];
}

/** `sha256=` + hex HMAC-SHA256 of the raw body with the channel's availability secret. */
export function signDelivery(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The batch window (seconds): movements within one window become one delivery per channel. */
export function availabilityWindowSeconds(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const n = Number(env['STOCKWISE_AVAILABILITY_WINDOW_SECONDS'] ?? 15);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 3600) : 15;
}

/**
 * Outbound availability: reads the change feed from the channel's stored cursor, keeps the SKUs whose
 * available-to-sell differs from what the channel was last told, and sends them — signed JSON to the
 * channel's webhook URL and/or through its connector. The cursor and the sent figures move only after
 * a successful delivery; a failure backs off exponentially per channel.
 */
export class AvailabilityPush {
  private lastPrune = 0;

  constructor(
    private readonly tx: Transactor,
    private readonly deps: { channels: ChannelsService; box: SecretBox; windowSeconds: number },
  ) {}

  /** Delivers what changed since the last delivery (all SKUs with stock the first time). */
  async push(actor: Actor, channel: OrderChannel): Promise<PushResult> {
    requirePermission(actor, 'inventory:write');
    const sql = this.tx.sql;
    const record = await channelsRepository.find(sql, actor.accountId, channel);
    if (!record)
      throw new DomainError('NOT_FOUND', `no ${channel} channel is connected`, { field: 'channel' });
    const connectorPush = record.pushConnector && record.credentialsEnc !== null;
    if (!record.availabilityUrl && !connectorPush)
      throw new DomainError(
        'VALIDATION_FAILED',
        `the ${channel} channel has no availability webhook and no connector push`,
        { field: 'channel' },
      );
    if (!(await availabilityPushRepository.claimPush(sql, actor.accountId, record.id, LEASE_SECONDS)))
      return { channel, status: 'busy', items: 0, deliveries: 0, cursor: record.pushCursor, error: null };
    let cursorText = record.pushCursor;
    let sent = 0;
    let deliveries = 0;
    /** Delivers the rows whose figure changed, then (in one transaction) remembers them and stores the cursor. */
    const sendPage = async (
      rows: readonly OutboundAvailabilityRow[],
      next: { cursor: string | null; release: boolean },
    ) => {
      const items = rows
        .map((r) => ({
          productId: r.productId,
          sku: r.sku,
          availableToSell: Math.max(0, r.available - record.safetyBuffer),
          available: r.available,
          onHand: r.onHand,
          reserved: r.reserved,
          previous: r.previous,
        }))
        .filter((r) => r.availableToSell !== r.previous);
      if (items.length > 0) {
        await this.deliver(record, items);
        deliveries += 1;
        sent += items.length;
      }
      await this.tx.run(async (tx) => {
        await availabilityPushRepository.recordSent(tx, actor.accountId, { channelId: record.id, items });
        await availabilityPushRepository.pushSucceeded(tx, actor.accountId, record.id, {
          cursor: next.cursor,
          release: next.release,
          leaseSeconds: LEASE_SECONDS,
        });
      });
      if (next.cursor) cursorText = next.cursor;
    };
    try {
      if (!record.pushCursor) {
        // The first delivery: every SKU with stock, a page of SKUs at a time, then the feed from here on.
        // Horizon first, then the last id: whatever commits later is past this cursor (channelsRepository.changedSkus).
        const start = {
          horizon: await channelsRepository.feedHorizon(sql),
          lastId: await availabilityPushRepository.lastMovementId(sql, actor.accountId),
        };
        let afterSku: string | undefined;
        for (let page = 0; ; page++) {
          // A very large catalogue continues in the next window (what was sent is not sent again).
          if (page >= MAX_PAGES)
            return await this.finish(actor, record.id, { channel, sent, deliveries, cursor: null });
          const rows = await availabilityPushRepository.outboundAvailabilityPage(sql, actor.accountId, {
            channelId: record.id,
            afterSku,
            limit: PAGE,
          });
          const last = rows.length < PAGE;
          await sendPage(rows, { cursor: last ? encodeFeedCursor(start) : null, release: false });
          if (last) break;
          afterSku = rows[rows.length - 1]!.sku;
        }
        return await this.finish(actor, record.id, { channel, sent, deliveries, cursor: cursorText });
      }
      let cursor = decodeFeedCursor(record.pushCursor, new Date());
      for (let page = 0; page < MAX_PAGES; page++) {
        const horizon = await channelsRepository.feedHorizon(sql);
        const changed = await channelsRepository.changedSkus(sql, actor.accountId, { cursor, limit: PAGE });
        const rows =
          changed.items.length === 0
            ? []
            : await availabilityPushRepository.outboundAvailability(sql, actor.accountId, {
                channelId: record.id,
                productIds: changed.items.map((i) => i.productId),
              });
        cursor = { lastId: changed.lastId, horizon };
        await sendPage(rows, { cursor: encodeFeedCursor(cursor), release: false });
        if (!changed.more) break;
      }
      return await this.finish(actor, record.id, { channel, sent, deliveries, cursor: cursorText });
    } catch (error) {
      if (isDomainError(error) && error.code !== 'UPSTREAM_FAILED') {
        await availabilityPushRepository.releasePush(sql, actor.accountId, record.id);
        throw error;
      }
      const message =
        error instanceof Error
          ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
          : String(error);
      await availabilityPushRepository.pushFailed(sql, actor.accountId, record.id, {
        error: message,
        baseSeconds: this.deps.windowSeconds,
        maxSeconds: MAX_BACKOFF_SECONDS,
      });
      return { channel, status: 'failed', items: sent, deliveries, cursor: cursorText, error: message };
    }
  }

  private async finish(
    actor: Actor,
    channelId: number,
    r: { channel: OrderChannel; sent: number; deliveries: number; cursor: string | null },
  ): Promise<PushResult> {
    await availabilityPushRepository.releasePush(this.tx.sql, actor.accountId, channelId);
    return {
      channel: r.channel,
      status: r.sent > 0 ? 'delivered' : 'nothing-changed',
      items: r.sent,
      deliveries: r.deliveries,
      cursor: r.cursor,
      error: null,
    };
  }

  private async deliver(
    record: ChannelRecord,
    items: (AvailabilityDelivery['items'][number] & { productId: number })[],
  ): Promise<void> {
    if (record.availabilityUrl && record.availabilitySecretEnc) {
      const delivery: AvailabilityDelivery = {
        event: 'availability.changed',
        deliveryId: randomUUID(),
        channel: record.channel,
        safetyBuffer: record.safetyBuffer,
        sentAt: new Date().toISOString(),
        items: items.map(({ productId: _id, ...item }) => item),
      };
      const body = JSON.stringify(delivery);
      const res = await fetchWithRetry(record.availabilityUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Stockwise',
          'X-Stockwise-Event': delivery.event,
          'X-Stockwise-Delivery': delivery.deliveryId,
          [SIGNATURE_HEADER]: signDelivery(this.deps.box.open(record.availabilitySecretEnc), body),
        },
        body,
        timeoutMs: 15_000,
      }).catch((error: unknown) => {
        throw new DomainError(
          'UPSTREAM_FAILED',
          `availability webhook: ${error instanceof Error ? error.message : String(error)}`,
          { field: 'channel', cause: error },
        );
      });
      await expectOk(res, 'availability webhook').catch((error: unknown) => {
        throw new DomainError('UPSTREAM_FAILED', error instanceof Error ? error.message : String(error), {
          field: 'channel',
          cause: error,
        });
      });
    }
    if (record.pushConnector && record.credentialsEnc) {
      const connector = this.deps.channels.connectorFor(record);
      await connector
        .pushAvailability(items.map((i) => ({ sku: i.sku, quantity: i.availableToSell })))
        .catch((error: unknown) => {
          throw new DomainError(
            'UPSTREAM_FAILED',
            `${record.channel}: ${error instanceof Error ? error.message : String(error)}`,
            { field: 'channel', cause: error },
          );
        });
    }
  }

  /** Queues a delivery for the current batch window (one job per channel per window, however often asked). */
  async enqueue(
    jobs: JobsService,
    actor: Actor,
    channel: OrderChannel,
    now = Date.now(),
  ): Promise<number | null> {
    requirePermission(actor, 'inventory:write');
    const window = Math.floor(now / (this.deps.windowSeconds * 1000));
    const job = await jobs.enqueueOnce(
      actor,
      AVAILABILITY_PUSH,
      { channel },
      `${AVAILABILITY_PUSH}:${channel}:${String(window)}`,
    );
    return job?.id ?? null;
  }

  /**
   * The scheduler's pass: for every channel with outbound availability, not backing off, and with
   * movements past its cursor, one delivery job per batch window.
   */
  async enqueueDue(jobs: JobsService, auth: AuthService, now = Date.now()): Promise<number> {
    // One delivery job per channel per window adds up: keep a day of them.
    if (now - this.lastPrune > 3_600_000) {
      this.lastPrune = now;
      await jobsRepository.pruneFinished(this.tx.sql, AVAILABILITY_PUSH, 86_400);
    }
    let queued = 0;
    for (const due of await availabilityPushRepository.outboundDue(this.tx.sql)) {
      const cursor = due.pushCursor ? decodeFeedCursor(due.pushCursor, new Date(now)) : null;
      if (cursor && !(await availabilityPushRepository.movedSince(this.tx.sql, due.accountId, cursor)))
        continue;
      const actor = await auth.ownerOf(due.accountId);
      if ((await this.enqueue(jobs, actor, due.channel, now)) !== null) queued += 1;
    }
    return queued;
  }
}

/** The delivery job and its schedule (every batch window, on every worker; dedupe keys make it once). */
export function registerAvailabilityPush(
  jobs: JobsService,
  deps: { push: AvailabilityPush; auth: AuthService; windowSeconds: number },
): void {
  jobs.register(AVAILABILITY_PUSH, async (ctx) =>
    deps.push.push(ctx.actor, String(ctx.job.payload['channel']) as OrderChannel),
  );
  jobs.addSchedule(async () => {
    await deps.push.enqueueDue(jobs, deps.auth);
  }, deps.windowSeconds * 1000);
}

import { DomainError } from '@stockwise/domain/errors';
import type { OrderIntake } from '@stockwise/domain/sales/intake';
import type { Actor } from '../accounts/actor';
import type { CreateResult } from './order-dto';
import type { OrdersService } from './orders.service';

interface Waiting {
  intake: OrderIntake;
  resolve: (result: CreateResult) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  actor: Actor;
  waiting: Waiting[];
  running: boolean;
}

/**
 * Group commit for API orders: requests that arrive while a batch is being written wait and go
 * together in the next one — one transaction and a handful of statements for many orders, so
 * throughput grows with load instead of every order paying for its own round trips. A lone order
 * is written at once (no timer, no added latency). Each order is still decided on its own; if a
 * batch fails as a whole, its orders are retried one by one so one bad order cannot fail others.
 */
export class OrderBatcher {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly orders: OrdersService,
    private readonly maxBatch = 100,
  ) {}

  submit(actor: Actor, intake: OrderIntake): Promise<CreateResult> {
    // Batches share an actor: the ledger batch and the audit trail name who wrote them.
    const key = `${actor.accountId}:${actor.userId}:${actor.tokenId ?? ''}:${actor.sessionId ?? ''}:${actor.role}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { actor, waiting: [], running: false };
      this.queues.set(key, queue);
    }
    const q = queue;
    return new Promise<CreateResult>((resolve, reject) => {
      q.waiting.push({ intake, resolve, reject });
      if (!q.running) void this.drain(key, q);
    });
  }

  private async drain(key: string, queue: Queue): Promise<void> {
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        // One turn of the event loop first: requests whose sockets are readable join this batch
        // (with PGlite, whose calls block the loop, nothing else would ever gather).
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = takeDistinct(queue.waiting, this.maxBatch);
        await this.write(queue.actor, batch);
      }
    } finally {
      queue.running = false;
      if (queue.waiting.length === 0) this.queues.delete(key);
      else void this.drain(key, queue);
    }
  }

  private async write(actor: Actor, batch: Waiting[]): Promise<void> {
    let results: (CreateResult | DomainError)[];
    try {
      results = await this.orders.createMany(
        actor,
        batch.map((w) => w.intake),
      );
    } catch {
      await Promise.all(
        batch.map(async (w) => {
          try {
            w.resolve(await this.orders.create(actor, w.intake));
          } catch (error) {
            w.reject(error);
          }
        }),
      );
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result instanceof DomainError) w.reject(result);
      else w.resolve(result);
    });
  }
}

/** Up to `max` waiting orders with distinct (channel, external id), oldest first; repeats wait for the next batch and replay. */
function takeDistinct(waiting: Waiting[], max: number): Waiting[] {
  const seen = new Set<string>();
  const batch: Waiting[] = [];
  for (let i = 0; i < waiting.length && batch.length < max;) {
    const w = waiting[i]!;
    const id = `${w.intake.channel}\u0000${w.intake.externalId}`;
    if (seen.has(id)) {
      i++;
      continue;
    }
    seen.add(id);
    batch.push(w);
    waiting.splice(i, 1);
  }
  return batch;
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DomainError } from '@stockwise/domain/errors';
import type { JobRecord } from '@stockwise/db/jobs/jobs.repository';
import { jobsRepository } from '@stockwise/db/jobs/jobs.repository';
import type { Actor } from '../accounts/actor';
import { requirePermission } from '../accounts/actor';
import type { Transactor } from '../platform/transactor';

export interface JobContext {
  job: JobRecord;
  /** The user who started the job, with the role they had then. */
  actor: Actor;
  /** 0..1; also renews the job's lease so a slow job is not taken over. */
  reportProgress: (progress: number, message?: string) => Promise<void>;
  /**
   * Aborted when the worker shuts down: long jobs stop at their next safe point (an import between committed
   * chunks) by throwing, and the job goes back to the queue, its attempt not counted, to resume later.
   */
  signal: AbortSignal;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

const LEASE_SECONDS = 60;

interface Schedule {
  schedule: () => Promise<void>;
  everyMs: number;
  /** When its last run started (ms since the epoch); 0: due now. */
  lastRun: number;
  afterJobs: boolean;
}

export function mapJobDto(j: JobRecord) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    progressMessage: j.progressMessage,
    result: j.result ?? null,
    error: j.error,
    attempts: j.attempts,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Background work on a Postgres table claimed with SKIP LOCKED: any number of `stockwise worker`
 * processes on any machines share it; on PGlite the server runs the same loop in-process.
 */
export class JobsService {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Schedule[] = [];
  /** Whether this process's work() loop runs, and how many jobs or schedules it is running now. */
  private working = false;
  private running = 0;
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly tx: Transactor) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(actor: Actor, kind: string, payload: Record<string, unknown>) {
    requirePermission(actor, 'inventory:write');
    const job = await this.enqueueOnce(actor, kind, payload);
    return mapJobDto(job!);
  }

  /** Enqueues unless a job with `dedupeKey` exists (scheduled work shared by several processes). */
  async enqueueOnce(
    actor: Actor,
    kind: string,
    payload: Record<string, unknown>,
    dedupeKey?: string,
  ): Promise<JobRecord | undefined> {
    if (!this.handlers.has(kind))
      throw new DomainError('VALIDATION_FAILED', `unknown job kind ${kind}`, { field: 'kind' });
    return jobsRepository.enqueue(this.tx.sql, {
      accountId: actor.accountId,
      kind,
      payload: { ...payload, _actor: { userId: actor.userId, role: actor.role, tokenId: actor.tokenId } },
      ...(dedupeKey ? { dedupeKey } : {}),
    });
  }

  /**
   * Runs `schedule` now and then every `everyMs` while the worker runs (e.g. daily forecast runs);
   * with `afterJobs`, also right after each job this worker ran (a forecast run or an import changes
   * much at once, and what the schedule keeps current should follow at once, not a period later).
   */
  addSchedule(
    schedule: () => Promise<void>,
    everyMs = 15 * 60_000,
    options: { afterJobs?: boolean } = {},
  ): void {
    this.schedules.push({ schedule, everyMs, lastRun: 0, afterJobs: options.afterJobs ?? false });
  }

  /**
   * This process's worker: `off` when it runs none, `busy` while it runs a job or a schedule or a
   * schedule is due (the start's first round, the round after a job), `idle` otherwise. Jobs queued
   * for other processes are not counted (the jobs list shows those).
   */
  workerState(): 'off' | 'busy' | 'idle' {
    if (!this.working) return 'off';
    const now = Date.now();
    const due = this.schedules.some((s) => now - s.lastRun >= s.everyMs);
    return this.running > 0 || due ? 'busy' : 'idle';
  }

  private async runDueSchedules(): Promise<void> {
    const now = Date.now();
    for (const s of this.schedules) {
      if (now - s.lastRun < s.everyMs) continue;
      this.running++;
      try {
        await s.schedule().catch(() => undefined);
      } finally {
        // Marked at the end, so the schedule counts as due (busy) until its run is over.
        s.lastRun = now;
        this.running--;
      }
    }
  }

  async get(actor: Actor, id: number) {
    const job = await jobsRepository.find(this.tx.sql, actor.accountId, id);
    if (!job) throw new DomainError('NOT_FOUND', `no job ${id}`, { field: 'id' });
    return mapJobDto(job);
  }

  async list(actor: Actor, limit = 50) {
    return (await jobsRepository.list(this.tx.sql, actor.accountId, limit)).map(mapJobDto);
  }

  /** Claims and runs one job; false when none was ready. `signal` stops it at its next safe point (see JobContext). */
  async runOnce(signal: AbortSignal = new AbortController().signal): Promise<boolean> {
    const job = await jobsRepository.claim(this.tx.db, {
      workerId: this.workerId,
      kinds: [...this.handlers.keys()],
      leaseSeconds: LEASE_SECONDS,
    });
    if (!job) return false;
    const handler = this.handlers.get(job.kind)!;
    const stored = job.payload['_actor'] as
      { userId: number; role: Actor['role']; tokenId: number | null } | undefined;
    const actor: Actor = {
      accountId: job.accountId,
      userId: stored?.userId ?? 0,
      role: stored?.role ?? 'viewer',
      tokenId: stored?.tokenId ?? null,
      sessionId: null,
    };
    const reportProgress = (progress: number, message?: string) =>
      jobsRepository.reportProgress(this.tx.db, {
        id: job.id,
        workerId: this.workerId,
        progress: Math.min(1, Math.max(0, progress)),
        message: message ?? null,
        leaseSeconds: LEASE_SECONDS,
      });
    this.running++;
    try {
      const result = await handler({ job, actor, reportProgress, signal });
      await jobsRepository.finish(this.tx.db, { id: job.id, workerId: this.workerId, result });
    } catch (error) {
      if (signal.aborted) await jobsRepository.release(this.tx.db, { id: job.id, workerId: this.workerId });
      else
        await jobsRepository.fail(this.tx.db, {
          id: job.id,
          workerId: this.workerId,
          error: error instanceof Error ? error.message : String(error),
        });
    } finally {
      for (const s of this.schedules) if (s.afterJobs) s.lastRun = 0;
      this.running--;
    }
    return true;
  }

  /** Polls until `signal` aborts; drains ready jobs back to back, sleeps `pollMs` when idle. */
  async work(options: { signal: AbortSignal; pollMs?: number }): Promise<void> {
    const pollMs = options.pollMs ?? 500;
    this.working = true;
    while (!options.signal.aborted) {
      let ran = false;
      try {
        await this.runDueSchedules();
        ran = await this.runOnce(options.signal);
      } catch {
        // A lost connection must not kill the worker; try again after the poll interval.
      }
      if (!ran) await sleep(pollMs, options.signal);
    }
    this.working = false;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // Remove the listener when the timer fires, or every idle poll would leave one behind.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

import { expect, it } from 'vitest';
import { JobsService } from '../../src/jobs/jobs.service';
import { Transactor } from '../../src/platform/transactor';
import { describeEachBackend } from '../support/backends';
import { newAccount } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';

describeEachBackend('Background jobs', (backend) => {
  const t = useOwnerApi(backend);

  /** Two workers as two processes would have them: separate services over the same database. */
  function worker(ran: number[]): JobsService {
    const jobs = new JobsService(new Transactor(t.sw.db));
    jobs.register('test.count', async ({ job, reportProgress }) => {
      await reportProgress(0.5, 'half way');
      ran.push(job.id);
      return { doubled: Number(job.payload['n']) * 2 };
    });
    return jobs;
  }

  it('runs every job exactly once when several workers share the queue', async () => {
    const ran: number[] = [];
    const a = worker(ran);
    const b = worker(ran);
    const ids: number[] = [];
    for (let n = 0; n < 12; n++) ids.push((await a.enqueue(t.owner.actor, 'test.count', { n })).id);
    const drain = async (w: JobsService) => {
      while (await w.runOnce()) {
        /* keep claiming */
      }
    };
    await Promise.all([drain(a), drain(b)]);
    expect([...ran].sort((x, y) => x - y)).toEqual(ids);
    const job = await a.get(t.owner.actor, ids[3]!);
    expect(job).toMatchObject({ status: 'succeeded', progress: 1, result: { doubled: 6 }, attempts: 1 });
  });

  it('retries a failing job and marks it failed after its attempts, with the error', async () => {
    const jobs = new JobsService(new Transactor(t.sw.db));
    let calls = 0;
    jobs.register('test.fail', () => {
      calls++;
      return Promise.reject(new Error('supplier portal down'));
    });
    const { id } = await jobs.enqueue(t.owner.actor, 'test.fail', {});
    await jobs.runOnce();
    expect(await jobs.get(t.owner.actor, id)).toMatchObject({
      status: 'queued',
      error: 'supplier portal down',
      attempts: 1,
    });
    // Skip the back-off for the test.
    await t.sw.db.query('UPDATE jobs SET run_after = now() WHERE id = $1', [id]);
    await jobs.runOnce();
    await t.sw.db.query('UPDATE jobs SET run_after = now() WHERE id = $1', [id]);
    await jobs.runOnce();
    expect(calls).toBe(3);
    expect(await jobs.get(t.owner.actor, id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('enqueues a scheduled job once per dedupe key', async () => {
    const jobs = worker([]);
    const first = await jobs.enqueueOnce(t.owner.actor, 'test.count', { n: 1 }, 'daily:2026-11-26');
    const second = await jobs.enqueueOnce(t.owner.actor, 'test.count', { n: 1 }, 'daily:2026-11-26');
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it('keeps jobs to their account', async () => {
    const jobs = worker([]);
    const { id } = await jobs.enqueue(t.owner.actor, 'test.count', { n: 2 });
    const other = await newAccount(t.sw);
    await expect(jobs.get(other.actor, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports its worker busy until the first round of schedules is over, and reruns an afterJobs schedule after each job', async () => {
    // A kind of its own: jobs other tests left queued are not this worker's.
    const jobs = new JobsService(new Transactor(t.sw.db));
    jobs.register('test.schedules', () => Promise.resolve({}));
    expect(jobs.workerState()).toBe('off');
    const runs = { hourly: 0, afterJobs: 0 };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    jobs.addSchedule(async () => {
      runs.hourly++;
      await held;
    }, 3_600_000);
    jobs.addSchedule(
      () => {
        runs.afterJobs++;
        return Promise.resolve();
      },
      3_600_000,
      { afterJobs: true },
    );
    const abort = new AbortController();
    const loop = jobs.work({ signal: abort.signal, pollMs: 20 });
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      await until(() => runs.hourly === 1);
      expect(jobs.workerState()).toBe('busy');
      release();
      await until(() => jobs.workerState() === 'idle');
      expect(jobs.workerState()).toBe('idle');
      expect(runs).toEqual({ hourly: 1, afterJobs: 1 });
      await jobs.enqueue(t.owner.actor, 'test.schedules', {});
      await until(() => runs.afterJobs === 2 && jobs.workerState() === 'idle');
      // The job's round: only the afterJobs schedule ran again, at once rather than an hour later.
      expect(runs).toEqual({ hourly: 1, afterJobs: 2 });
      expect(jobs.workerState()).toBe('idle');
    } finally {
      release();
      abort.abort();
      await loop;
    }
    expect(jobs.workerState()).toBe('off');
  });
});

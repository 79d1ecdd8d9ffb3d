import { afterEach, expect, it, vi } from 'vitest';
import { JobsService } from '../../src/jobs/jobs.service';
import { CachedPlanningService } from '../../src/replenishment/cached-planning.service';
import { keepPlanningWarm } from '../../src/replenishment/planning-warmup';
import { PlanningService } from '../../src/replenishment/planning.service';
import { describeEachBackend, useStockwise } from '../support/backends';
import { locationInput, newAccount, productInput } from '../support/factories';

/**
 * The worker fills the planning cache on the embedded database (its process is the HTTP server's): the
 * first overview after a start finds the position computed (PostgreSQL's workers run in other processes).
 */
describeEachBackend('Planning warm-up', (backend) => {
  const ctx = useStockwise(backend);

  /** The planning warm-up, scheduled on `jobs` (a worker with only this schedule). */
  const warmUp = (jobs: JobsService) => {
    keepPlanningWarm(jobs, {
      db: ctx.sw.db,
      auth: ctx.sw.auth,
      tx: ctx.sw.tx,
      planning: ctx.sw.planning,
      restock: ctx.sw.restock,
    });
  };

  // The spies of a case are gone before the next, whether it passed or not.
  afterEach(() => {
    vi.restoreAllMocks();
  });
  /** Only the embedded database runs the warm-up in the HTTP server's process. */
  const onPglite = it.runIf(backend.name === 'pglite');

  /** A new account with one SKU stocked with `quantity` units at one location. */
  async function stockedAccount(quantity: number) {
    const { actor } = await newAccount(ctx.sw);
    const location = locationInput();
    await ctx.sw.locations.createLocation(actor, location);
    const sku = productInput().sku;
    await ctx.sw.catalog.createProduct(actor, productInput({ sku }));
    await ctx.sw.ledger.post(actor, [
      { sku, location: location.code, request: { type: 'receipt', quantity } },
    ]);
    return { actor, sku };
  }

  /**
   * Starts a worker with only the warm-up's schedule (the real one's forecast run would change the
   * version after it); the returned function stops it.
   */
  function startWarmUp(): () => Promise<void> {
    const sw = ctx.sw;
    const abort = new AbortController();
    const jobs = new JobsService(sw.tx);
    warmUp(jobs);
    const worker = jobs.work({ signal: abort.signal, pollMs: 50 });
    return async () => {
      abort.abort();
      await worker;
    };
  }

  /** Lets the warm-up worker run for three seconds. */
  async function warmUpFor3s(): Promise<void> {
    const stop = startWarmUp();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await stop();
  }

  onPglite('the worker computes the position and plan the first request reads', async () => {
    const sw = ctx.sw;
    const { actor, sku } = await stockedAccount(3);
    const position = vi.spyOn(PlanningService.prototype, 'position');
    const plan = vi.spyOn(PlanningService.prototype, 'plan');
    await warmUpFor3s();
    const computed = { position: position.mock.calls.length, plan: plan.mock.calls.length };
    expect(computed.position).toBeGreaterThan(0);
    expect(computed.plan).toBeGreaterThan(0);
    const { positions } = await sw.planning.position(actor);
    expect(positions.find((p) => p.sku === sku)?.onHand).toBe(3);
    await sw.planning.plan(actor);
    // Both answered from what the worker computed.
    expect(position.mock.calls.length).toBe(computed.position);
    expect(plan.mock.calls.length).toBe(computed.plan);
  });

  onPglite(
    'the warm-up holds the stored planned lines the first write after a start re-plans from',
    async () => {
      const { actor } = await stockedAccount(6);
      const hold = vi.spyOn(CachedPlanningService.prototype, 'holdStoredLines');
      await warmUpFor3s();
      // docs/decisions.md 52: read here, not on that write's request (planning-restart tests what it holds).
      expect(hold.mock.calls.filter(([a]) => a.accountId === actor.accountId).length).toBeGreaterThan(0);
    },
  );

  onPglite(
    'the excess report after the warm-up reads the clearance advice the warm-up computed',
    async () => {
      const sw = ctx.sw;
      const { actor } = await stockedAccount(4);
      const clearance = vi.spyOn(PlanningService.prototype, 'clearance');
      await warmUpFor3s();
      const mine = () => clearance.mock.calls.filter(([a]) => a.accountId === actor.accountId).length;
      expect(mine()).toBe(1);
      const page = await sw.reports.page(actor, 'excess', { params: sw.reports.params({}), limit: 100 });
      expect(page.kind).toBe('excess');
      // The report asked the process's one planning service, whose cache the warm-up filled.
      expect(mine()).toBe(1);
    },
  );

  onPglite(
    "a summary asked while the warm-up computes the position waits for the warm-up's computation instead of repeating it",
    async () => {
      const sw = ctx.sw;
      const { actor } = await stockedAccount(5);
      // The warm-up's computation is held until the summary has asked, so it is surely in flight then.
      const compute = PlanningService.prototype.position.bind(new PlanningService(sw.tx));
      let started!: () => void;
      const warmUpStarted = new Promise<void>((resolve) => (started = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const position = vi.spyOn(PlanningService.prototype, 'position').mockImplementation(async (who, q) => {
        if (who.accountId !== actor.accountId) return compute(who, q);
        started();
        await released;
        return compute(who, q);
      });
      const stopWarmUp = startWarmUp();
      try {
        await warmUpStarted;
        const summary = sw.inventory.summary(actor);
        await new Promise((resolve) => setTimeout(resolve, 200));
        release();
        expect((await summary).onHand).toBe(5);
        // One computation of this account's position (the warm-up also recomputes other accounts').
        expect(position.mock.calls.filter(([a]) => a.accountId === actor.accountId)).toHaveLength(1);
      } finally {
        release();
        await stopWarmUp();
      }
    },
  );
});

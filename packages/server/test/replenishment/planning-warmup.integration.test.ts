import { expect, it, vi } from 'vitest';
import { JobsService } from '../../src/jobs/jobs.service';
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

  it.runIf(backend.name === 'pglite')(
    'the worker computes the position and plan the first request reads',
    async () => {
      const sw = ctx.sw;
      const { actor } = await newAccount(sw);
      const location = locationInput();
      await sw.locations.createLocation(actor, location);
      const sku = productInput().sku;
      await sw.catalog.createProduct(actor, productInput({ sku }));
      await sw.ledger.post(actor, [
        { sku, location: location.code, request: { type: 'receipt', quantity: 3 } },
      ]);
      const position = vi.spyOn(PlanningService.prototype, 'position');
      const plan = vi.spyOn(PlanningService.prototype, 'plan');
      const abort = new AbortController();
      // A worker with only this schedule (the real one's forecast run would change the version after it).
      const jobs = new JobsService(sw.tx);
      keepPlanningWarm(jobs, { db: sw.db, auth: sw.auth, tx: sw.tx, planning: sw.planning });
      const worker = jobs.work({ signal: abort.signal, pollMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      abort.abort();
      await worker;
      const computed = { position: position.mock.calls.length, plan: plan.mock.calls.length };
      expect(computed.position).toBeGreaterThan(0);
      expect(computed.plan).toBeGreaterThan(0);
      const { positions } = await sw.planning.position(actor);
      expect(positions.find((p) => p.sku === sku)?.onHand).toBe(3);
      await sw.planning.plan(actor);
      // Both answered from what the worker computed.
      expect(position.mock.calls.length).toBe(computed.position);
      expect(plan.mock.calls.length).toBe(computed.plan);
      vi.restoreAllMocks();
    },
  );
});

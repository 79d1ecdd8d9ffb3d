import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { PlanningService } from '../../src/replenishment/planning.service';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { locationInput, productInput, uid } from '../support/factories';
import { gate } from '../support/gate';

const AS_OF = '2026-06-30';

/**
 * The planning cache (CachedPlanningService): one computation per version of the ledger and of what else
 * the position reads, a new answer as soon as either changes — a movement, a late commit below the last
 * movement id (PostgreSQL), a catalogue edit — and never an answer from a rolled-back transaction.
 */
describeEachBackend('Planning cache', (backend) => {
  const t = useOwnerApi(backend);
  let sw: Stockwise;
  const sku = { a: uid('A-'), b: uid('B-') };
  const wh = uid('WH');

  const post = (s: string, quantity: number) =>
    sw.ledger.post(t.owner.actor, [{ sku: s, location: wh, request: { type: 'receipt', quantity } }]);
  const available = async (s: string) => {
    const { positions } = await sw.planning.position(t.owner.actor, { asOf: AS_OF });
    return positions.find((p) => p.sku === s && p.location === wh)?.available;
  };

  beforeAll(async () => {
    sw = t.sw;
    await sw.catalog.createProduct(t.owner.actor, productInput({ sku: sku.a }));
    await sw.catalog.createProduct(t.owner.actor, productInput({ sku: sku.b }));
    await sw.locations.createLocation(t.owner.actor, locationInput({ code: wh }));
    await post(sku.a, 10);
    await post(sku.b, 4);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('computes once while nothing changes, for concurrent and later callers alike', async () => {
    const computed = vi.spyOn(PlanningService.prototype, 'position');
    const [first, second] = await Promise.all([
      sw.planning.position(t.owner.actor, { asOf: AS_OF }),
      sw.planning.position(t.owner.actor, { asOf: AS_OF }),
    ]);
    const third = await sw.planning.position(t.owner.actor, { asOf: AS_OF });
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(computed).toHaveBeenCalledTimes(1);
    // Another day is another answer.
    const other = await sw.planning.position(t.owner.actor, { asOf: '2026-07-01' });
    expect(other.asOf).toBe('2026-07-01');
    expect(computed).toHaveBeenCalledTimes(2);
  });

  it('the plan reads the inputs the position read, while nothing changes', async () => {
    // `inputs` is protected: spied through the prototype's shape, not its declared type.
    const proto = PlanningService.prototype as unknown as { inputs: (...a: unknown[]) => Promise<unknown> };
    const read = vi.spyOn(proto, 'inputs');
    const day = '2026-07-02';
    await sw.planning.position(t.owner.actor, { asOf: day });
    await sw.planning.plan(t.owner.actor, { asOf: day });
    expect(read).toHaveBeenCalledTimes(1);
    // Another supply mode is another plan from other inputs (the mode is one of them).
    await sw.planning.plan(t.owner.actor, { asOf: day, mode: 'direct' });
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('answers anew after a movement', async () => {
    const before = await available(sku.a);
    await post(sku.a, 5);
    expect(await available(sku.a)).toBe((before ?? 0) + 5);
    const plan = await sw.planning.plan(t.owner.actor, { asOf: AS_OF });
    expect(plan.positions.find((p) => p.sku === sku.a && p.location === wh)?.available).toBe(
      (before ?? 0) + 5,
    );
  });

  it('answers anew after a catalogue edit (no movement)', async () => {
    expect(await available(sku.b)).toBe(4);
    await sw.catalog.updateProduct(t.owner.actor, sku.b, { replenishable: false });
    expect(await available(sku.b)).toBeUndefined();
    await sw.catalog.updateProduct(t.owner.actor, sku.b, { replenishable: true });
    expect(await available(sku.b)).toBe(4);
  });

  it('never keeps what a rolled-back transaction saw', async () => {
    const before = await available(sku.a);
    await expect(
      sw.tx.run(async () => {
        await post(sku.a, 100);
        expect(await available(sku.a)).toBe((before ?? 0) + 100);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await available(sku.a)).toBe(before);
  });

  it.runIf(backend.name === 'postgres')(
    'sees a movement committed after a later one (ids taken in one order, committed in another)',
    async () => {
      const before = { a: await available(sku.a), b: await available(sku.b) };
      const held = gate();
      const taken = gate();
      // A takes its movement id first and commits last.
      const late = sw.tx.run(async () => {
        await post(sku.a, 7);
        taken.open();
        await held.promise;
      });
      await taken.promise;
      await post(sku.b, 3);
      expect(await available(sku.b)).toBe((before.b ?? 0) + 3);
      expect(await available(sku.a)).toBe(before.a);
      held.open();
      await late;
      expect(await available(sku.a)).toBe((before.a ?? 0) + 7);
    },
  );
});

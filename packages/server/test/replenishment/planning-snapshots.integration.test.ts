import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { PlanningService } from '../../src/replenishment/planning.service';
import { decodeSnapshot, encodeSnapshot } from '../../src/platform/snapshot-codec';
import { snapshotsStored } from '../../src/platform/versioned-cache';
import { createStockwise, type Stockwise } from '../../src/stockwise';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { locationInput, productInput, uid } from '../support/factories';

const AS_OF = '2026-06-30';

/**
 * Answers kept per planning version outlive the process (docs/decisions.md 34): a restart (a new set of
 * services on the same database) reads the stored position, restock lines and excess page instead of
 * planning again, but only under the version and the build that computed them.
 */
describeEachBackend('Planning answers kept across a restart', (backend) => {
  const t = useOwnerApi(backend);
  let sw: Stockwise;
  const sku = uid('S-');
  const wh = uid('WH');

  /** A new set of services on the same database, once what was computed is stored (as at a shutdown). */
  const restarted = async () => {
    await snapshotsStored();
    return createStockwise(sw.db);
  };
  const onHand = async (s: Stockwise) =>
    (await s.planning.position(t.owner.actor, { asOf: AS_OF })).positions.find((p) => p.sku === sku)?.onHand;
  /** Rewrites the stored position's on-hand figure to `units`, version and build left as they are. */
  const tamper = async (units: number) => {
    await snapshotsStored();
    const stored = await sw.db.query<{ key: string; body: string }>(
      `SELECT key, body FROM planning_snapshots WHERE account_id = $1 AND key LIKE 'position|%'`,
      [t.owner.actor.accountId],
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const { key, body } of stored) {
      const position = decodeSnapshot(body) as { positions: { sku: string; onHand: number }[] };
      for (const p of position.positions) if (p.sku === sku) p.onHand = units;
      await sw.db.query(`UPDATE planning_snapshots SET body = $3 WHERE account_id = $1 AND key = $2`, [
        t.owner.actor.accountId,
        key,
        encodeSnapshot(position),
      ]);
    }
  };

  /** The distinct versions of the account's stored answers of one kind. */
  const storedVersions = async (kind: string) =>
    (
      await sw.db.query<{ version: string }>(
        `SELECT DISTINCT version FROM planning_snapshots WHERE account_id = $1 AND key LIKE $2`,
        [t.owner.actor.accountId, `${kind}|%`],
      )
    ).map((r) => r.version);

  beforeAll(async () => {
    sw = t.sw;
    await sw.catalog.createProduct(t.owner.actor, productInput({ sku }));
    await sw.locations.createLocation(t.owner.actor, locationInput({ code: wh }));
    await sw.ledger.post(t.owner.actor, [{ sku, location: wh, request: { type: 'receipt', quantity: 10 } }]);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a restart reads the stored position, restock lines and excess page instead of planning again', async () => {
    const position = await sw.planning.position(t.owner.actor, { asOf: AS_OF });
    const restock = await sw.restock.plan(t.owner.actor, { asOf: AS_OF });
    const params = sw.reports.params({ asOf: AS_OF });
    const excess = await sw.reports.page(t.owner.actor, 'excess', { params, limit: 100 });
    const computed = {
      position: vi.spyOn(PlanningService.prototype, 'position'),
      plan: vi.spyOn(PlanningService.prototype, 'plan'),
      clearance: vi.spyOn(PlanningService.prototype, 'clearance'),
    };
    const after = await restarted();
    expect(await after.planning.position(t.owner.actor, { asOf: AS_OF })).toEqual(position);
    expect(await after.restock.plan(t.owner.actor, { asOf: AS_OF })).toEqual(restock);
    expect(await after.reports.page(t.owner.actor, 'excess', { params, limit: 100 })).toEqual(excess);
    expect(computed.position).not.toHaveBeenCalled();
    expect(computed.plan).not.toHaveBeenCalled();
    expect(computed.clearance).not.toHaveBeenCalled();
  });

  it('serves what is stored under the version and build read (a rewritten figure comes back)', async () => {
    expect(await onHand(sw)).toBe(10);
    await tamper(77);
    expect(await onHand(await restarted())).toBe(77);
  });

  it('never serves a position stored by another build', async () => {
    await onHand(sw);
    await tamper(77);
    await sw.db.query(`UPDATE planning_snapshots SET build = 'an-older-build' WHERE account_id = $1`, [
      t.owner.actor.accountId,
    ]);
    const computed = vi.spyOn(PlanningService.prototype, 'position');
    expect(await onHand(await restarted())).toBe(10);
    expect(computed).toHaveBeenCalledTimes(1);
    // What this build computed is stored in its place: the next restart reads it.
    expect(await onHand(await restarted())).toBe(10);
    expect(computed).toHaveBeenCalledTimes(1);
  });

  it('never serves a position stored under another planning version', async () => {
    await onHand(sw);
    await tamper(77);
    // A movement moves the version: the stored (rewritten) answer is of the version before it.
    await sw.ledger.post(t.owner.actor, [{ sku, location: wh, request: { type: 'receipt', quantity: 5 } }]);
    const computed = vi.spyOn(PlanningService.prototype, 'position');
    expect(await onHand(await restarted())).toBe(15);
    expect(computed).toHaveBeenCalledTimes(1);
    // The older version's positions are gone once a position of the new one is stored.
    await snapshotsStored();
    expect(await storedVersions('position')).toHaveLength(1);
  });

  it('each kind of answer keeps its latest rows: a newer answer of another kind leaves them', async () => {
    await onHand(sw);
    await snapshotsStored();
    const [position] = await storedVersions('position');
    // A movement moves the version; the IPI overview (another kind) is stored under the new one.
    await sw.ledger.post(t.owner.actor, [{ sku, location: wh, request: { type: 'receipt', quantity: 2 } }]);
    await sw.health.ipi(t.owner.actor, { asOf: AS_OF });
    await snapshotsStored();
    const [ipi] = await storedVersions('ipi-overview');
    expect(ipi).toBeDefined();
    expect(ipi).not.toEqual(position);
    expect(await storedVersions('position')).toEqual([position]);
    // A position of the new version replaces its kind's older rows, and leaves the IPI overview.
    await onHand(sw);
    await snapshotsStored();
    expect(await storedVersions('position')).toEqual([ipi]);
    expect(await storedVersions('ipi-overview')).toEqual([ipi]);
  });

  it('stores no answer whose version moved before it held still (orders flowing): only the quiet one', async () => {
    const stored = async () =>
      (
        await sw.db.query<{ version: string }>(
          `SELECT version FROM planning_snapshots WHERE account_id = $1 AND key LIKE 'position|%'`,
          [t.owner.actor.accountId],
        )
      ).map((r) => r.version);
    await snapshotsStored();
    const before = await stored();
    await onHand(sw);
    // A write lands before the answer's version has held for STORE_AFTER_QUIET_MS: that answer is old.
    await sw.ledger.post(t.owner.actor, [{ sku, location: wh, request: { type: 'receipt', quantity: 1 } }]);
    await snapshotsStored();
    expect(await stored()).toEqual(before);
    // The next answer's version holds: it is stored.
    const units = await onHand(sw);
    await snapshotsStored();
    expect(await stored()).toHaveLength(1);
    expect(await stored()).not.toEqual(before);
    expect(await onHand(await restarted())).toBe(units);
  });
});

import { expect, it } from 'vitest';
import { listMigrations } from '@stockwise/db/migrate';
import { US_2024_FEES } from '@stockwise/domain/fees/us-2024.fixture';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { listFees, shippedUsSchedule } from '../support/fees';

/** Migration 0062, which adds the MCF table to stored schedules. */
function mcfMigration(): string {
  const migration = listMigrations().find((m) => m.version === 62);
  if (!migration) throw new Error('migration 0062 is missing');
  return migration.sql;
}

interface StoredRow {
  id: number;
  schedule: Record<string, unknown>;
  updated_at: Date;
}

describeEachBackend('Migration 0062: the MCF fee table (docs/fees.md)', (backend) => {
  const t = useOwnerApi(backend);

  it('adds the US MCF rates to stored US schedules, keeps every seller edit, gives other marketplaces none', async () => {
    const { sw, owner, api } = t;
    const { marketplace: _m, effectiveFrom: _e, mcf, ...usBody } = US_2024_FEES;
    // Rows as they were stored before 0062: a seller's US table with edited rates, a German one, and a
    // US one whose MCF rates the seller has already set; the shipped US row without its MCF table.
    const edited = {
      ...usBody,
      referralRate: 0.08,
      warehouseStoragePerCubicFootMonth: 0.5,
      fulfilment: usBody.fulfilment.map((r) => ({ ...r, fee: r.fee + 1 })),
    };
    const german = { ...usBody, currency: 'EUR', referralRate: 0.07 };
    const ownMcf = { ...usBody, mcf: [{ ...mcf[0]!, fee: 9.99 }] };
    const rows = await sw.db.transaction(async (sql) => {
      await sql.exec(`UPDATE fee_schedules SET schedule = schedule - 'mcf' WHERE account_id IS NULL`);
      const inserted: StoredRow[] = [];
      for (const [marketplace, from, schedule] of [
        ['US', '2025-01-01', edited],
        ['DE', '2025-01-01', german],
        ['US', '2026-01-01', ownMcf],
      ] as const) {
        const [row] = await sql.query<StoredRow>(
          `INSERT INTO fee_schedules (account_id, marketplace, effective_from, schedule, updated_at)
           VALUES ($1, $2, $3, $4, '2025-02-01T00:00:00Z') RETURNING id, schedule, updated_at`,
          [owner.actor.accountId, marketplace, from, JSON.stringify(schedule)],
        );
        inserted.push(row!);
      }
      return inserted;
    });
    const before = await api.get(`/api/v1/fees/${String(rows[0]!.id)}`);
    expect(before.status).toBe(200);
    // read before the migration, a row without an MCF table has none (its MCF fees are unknown)
    expect(before.body['mcf']).toEqual([]);

    /** Runs migration 0062, then reads the account's stored schedules. */
    const migrate = async () => {
      await sw.db.transaction(async (sql) => {
        await sql.exec(mcfMigration());
      });
      return sw.db.transaction((sql) =>
        sql.query<StoredRow>(
          'SELECT id, schedule, updated_at FROM fee_schedules WHERE account_id = $1 ORDER BY id',
          [owner.actor.accountId],
        ),
      );
    };
    const after = await migrate();
    // the seller's US table: its edits as they were, the published MCF rates added, its date untouched
    expect(after[0]!.schedule).toEqual({ ...edited, mcf });
    expect(after[0]!.updated_at).toEqual(rows[0]!.updated_at);
    // another marketplace gets an empty MCF table and nothing else
    expect(after[1]!.schedule).toEqual({ ...german, mcf: [] });
    // MCF rates the seller had set are kept
    expect(after[2]!.schedule).toEqual(ownMcf);

    // through the API: the shipped US table equals the fixture again, the seller's edits are served
    const list = await listFees(api);
    expect(shippedUsSchedule(list).seeded).toEqual(US_2024_FEES);
    expect(list.find((f) => f.id === rows[0]!.id)).toMatchObject({ referralRate: 0.08, mcf });

    // run again, it changes nothing
    const again = await migrate();
    expect(again.map((r) => r.schedule)).toEqual(after.map((r) => r.schedule));
  });
});

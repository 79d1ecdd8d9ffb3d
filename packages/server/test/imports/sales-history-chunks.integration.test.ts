import { createReadStream } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { parseSalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import { APPLY_CHUNK_LINES, applySalesDemandInChunks } from '../../src/imports/chunked-apply';
import { importFile } from '../../src/imports/import.jobs';
import { describeEachBackend } from '../support/backends';
import { csvFile, stagedRows } from '../support/chunk-crash';
import { SMALL_HISTORY_MAPPING } from '../support/history-mapping';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations, WAREHOUSE } from '../support/seed';

const LINES = Math.round(APPLY_CHUNK_LINES * 2.4);
const mapping = parseSalesHistoryMapping(JSON.stringify(SMALL_HISTORY_MAPPING));

describeEachBackend(
  'Sales history applied in committed chunks: a crash resumes to exactly one application',
  (backend) => {
    // One seller with a warehouse for both cases: their SKUs differ, and each checks only its own import.
    const t = useOwnerApi(backend);
    beforeAll(async () => {
      await seedLocations(t.api, WAREHOUSE);
    });

    it('a crash after the first chunk, then the same file again: every line counted once, staged rows gone', async () => {
      const { sw, owner } = t;
      const rows = ['Invoice,Date,Sku,Qty,Price'];
      for (let i = 0; i < LINES; i++) rows.push(`${i},2010-0${1 + (i % 9)}-1${i % 10},A,1,2.00`);
      const { path, fileHash } = csvFile('history.csv', rows);
      const units = async () =>
        (
          await sw.db.query<{ n: number }>(
            'SELECT coalesce(sum(units), 0)::int AS n FROM sales_demand WHERE account_id = $1',
            [owner.actor.accountId],
          )
        )[0]?.n;

      const staged = await sw.imports.stage(owner.actor, {
        kind: 'sales-history',
        source: createReadStream(path),
        fileHash,
        mapping,
      });
      const crash = applySalesDemandInChunks(sw.tx, {
        actor: owner.actor,
        importId: staged.importId,
        location: undefined,
        onProgress: () => {
          throw new Error('killed');
        },
      });
      await expect(crash).rejects.toThrow('killed');
      const partial = await units();
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(LINES);

      const result = await importFile(sw.imports, owner.actor, { kind: 'sales-history', path, mapping });
      expect(result.importId).toBe(staged.importId);
      expect(result.applied).toMatchObject({ salesLines: LINES, units: LINES, location: 'WH' });
      expect(await units()).toBe(LINES);
      expect(await stagedRows(sw, staged.importId)).toBe(0);
      const again = await importFile(sw.imports, owner.actor, { kind: 'sales-history', path, mapping });
      expect(again.status).toBe('unchanged');
      expect(await units()).toBe(LINES);
    });
    it('the API answers /api/health while a 3,000-line history is imported (the embedded database yields)', async () => {
      const { api } = t;
      const rows = ['Invoice,Date,Sku,Qty,Price'];
      for (let i = 0; i < 3000; i++) rows.push(`${i},2010-02-${10 + (i % 18)},S-${i % 300},2,1.50`);
      let importing = true;
      const gaps: number[] = [];
      const poll = (async () => {
        while (importing) {
          const started = performance.now();
          expect((await api.get('/api/health')).status).toBe(200);
          gaps.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const res = await api.call(
        'POST',
        `/api/v1/imports/sales-history?mapping=${encodeURIComponent(JSON.stringify({ ...mapping }))}`,
        {
          raw: `${rows.join('\n')}\n`,
          headers: { 'Content-Type': 'text/csv' },
        },
      );
      importing = false;
      await poll;
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body['applied']).toMatchObject({ units: 6000 });
      // Answered many times during the import, never stalled behind it for long.
      expect(gaps.length).toBeGreaterThan(1);
      expect(Math.max(...gaps)).toBeLessThan(2000);
    });
  },
);

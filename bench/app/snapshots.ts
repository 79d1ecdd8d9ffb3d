/**
 * Stored answers' codec: `npm run bench:snapshots [-- --skus 3000 --runs 3 --keep | --database-url URL]`.
 *
 * Loads the demo seller (and its first forecast run) into a fresh PostgreSQL database (with `--keep`, kept
 * and its URL printed), or reuses the one `--database-url` names (one this script loaded and kept), computes
 * the answers a restart reads back (the position and its planned lines, the restock page; docs/decisions.md
 * 34, 46), waits until they are stored, then times decoding each stored body and encoding it again
 * (`snapshot-codec.ts`, synchronous: the event loop waits that long) `runs` times. The codec does not
 * depend on the database, so PostgreSQL only makes the demo load faster. Prints one table (body size, p50
 * / max ms) with the load average.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { isoDate, parseIsoDate } from '../../packages/domain/src/dates/dates';
import { createScratchDatabase } from '../../packages/db/src/scratch-database';
import { DEMO_ACCOUNT, loadDemoSeller } from '../../packages/server/src/demo/load-demo';
import { todayUtc } from '../../packages/server/src/forecasting/forecast.service';
import { decodeSnapshot, encodeSnapshot } from '../../packages/server/src/platform/snapshot-codec';
import { snapshotsStored } from '../../packages/server/src/platform/versioned-cache';
import type { Actor } from '../../packages/server/src/accounts/actor';
import { createStockwise, openStockwise, type Stockwise } from '../../packages/server/src/stockwise';
import { arg, PG_URL } from './options';

const SKUS = Number(arg('skus', '3000'));
const RUNS = Number(arg('runs', '3'));

const log = (message: string) => process.stderr.write(`${message}\n`);

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * The first position after a restart and a one-SKU receipt, `runs` times each way: the restarted services
 * read the stored lines on that request (as before decision 52), or hold them first (the warm-up's
 * `holdStoredLines`, timed apart), so the request re-plans from lines at hand.
 */
async function firstWriteAfterRestart(sw: Stockwise, actor: Actor): Promise<string[]> {
  const { positions } = await sw.planning.position(actor);
  const line = positions.find((p) => p.locationType === 'warehouse') ?? positions[0];
  if (!line) return [];
  const times = { read: [] as number[], hold: [] as number[], held: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    // Alternating which goes first, so neither always meets the larger heap the other left.
    for (const hold of run % 2 === 0 ? [false, true] : [true, false]) {
      await snapshotsStored();
      const next = createStockwise(sw.db);
      if (hold) times.hold.push(await timedAsync(() => next.planning.holdStoredLines(actor)));
      await next.ledger.post(actor, [
        { sku: line.sku, location: line.location, request: { type: 'receipt', quantity: 1 } },
      ]);
      (hold ? times.held : times.read).push(await timedAsync(() => next.planning.position(actor)));
      await snapshotsStored();
    }
  }
  const cell = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return `${(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0).toFixed(0)} / ${(sorted.at(-1) ?? 0).toFixed(0)}`;
  };
  return [
    '| first position after a restart and a one-SKU receipt | p50 / max ms |',
    '| --- | --- |',
    `| stored lines read on the request | ${cell(times.read)} |`,
    `| lines held first (the warm-up): the request | ${cell(times.held)} |`,
    `| lines held first (the warm-up): holding them | ${cell(times.hold)} |`,
  ];
}

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const load = { before: loadavg().map((l) => l.toFixed(2)) };
  // The demo connects channels: on PostgreSQL the operator supplies the key that seals their secrets.
  process.env['STOCKWISE_SECRET_KEY'] ??= randomBytes(32).toString('hex');
  let databaseUrl = arg('database-url', '');
  const fresh = databaseUrl === '';
  const scratch = fresh ? await createScratchDatabase(PG_URL, 'sw_bench_snapshots_') : undefined;
  if (scratch) databaseUrl = scratch.url;
  const keep = process.argv.includes('--keep');
  const sw = await openStockwise({ databaseUrl });
  try {
    if (fresh) {
      const asOf = isoDate(parseIsoDate(todayUtc()) - 1);
      await loadDemoSeller(sw, {
        skuCount: SKUS,
        asOf,
        onProgress: (f, m) => log(`${String(Math.round(f * 100))}% ${m}`),
      });
      log('first forecast run');
      await sw.forecasts.run(await sw.auth.ownerOf(DEMO_ACCOUNT), { asOf: todayUtc() });
      if (keep) log(`kept for another run: --database-url ${databaseUrl}`);
    }
    const actor = await sw.auth.ownerOf(DEMO_ACCOUNT);
    log('planning');
    await sw.planning.position(actor);
    await sw.restock.plan(actor);
    await snapshotsStored();
    const rows = await sw.db.query<{ key: string; body: string }>(
      `SELECT key, body FROM planning_snapshots WHERE account_id = $1 ORDER BY key`,
      [actor.accountId],
    );
    const lines = [
      '| stored answer | body (MB) | decode p50 / max ms | encode p50 / max ms |',
      '| --- | --- | --- | --- |',
    ];
    for (const { key, body } of rows) {
      const decode: number[] = [];
      const encode: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const [value, d] = timed(() => decodeSnapshot(body));
        decode.push(d);
        encode.push(timed(() => encodeSnapshot(value))[1]);
      }
      const cell = (ms: number[]) => {
        const sorted = [...ms].sort((a, b) => a - b);
        return `${(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0).toFixed(0)} / ${(sorted.at(-1) ?? 0).toFixed(0)}`;
      };
      const name = key.split('|').slice(0, 3).join('|');
      lines.push(`| ${name} | ${(body.length / 1e6).toFixed(1)} | ${cell(decode)} | ${cell(encode)} |`);
    }
    console.log(
      `\nbench:snapshots — ${String(SKUS)} SKUs, ${String(RUNS)} runs; load average ${load.before.join(' ')} before, ` +
        `${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} after\n`,
    );
    console.log(lines.join('\n'));
    console.log(`\n${(await firstWriteAfterRestart(sw, actor)).join('\n')}`);
    console.log(
      `\nload average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} at the end`,
    );
  } finally {
    await sw.close();
    if (!keep) await scratch?.drop();
  }
}

await main();

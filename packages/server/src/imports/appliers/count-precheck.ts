import { DomainError } from '@stockwise/domain/errors';
import { planMovement, refusesDeltas } from '@stockwise/domain/ledger/movement-rules';
import { importChunksRepository } from '@stockwise/db/imports/import-chunks.repository';
import type { Transactor } from '../../platform/transactor';
import type { PrecheckQuery } from '../chunked-orders';
import { yieldToEventLoop } from '../../platform/event-loop';
import { PRECHECK_PAGE, stagedGroups } from './apply-context';
import { belowReserved } from './count-reconciliation';
import { stockCount } from './stock.applier';

interface CountLine {
  sku: string;
  location: string;
  counted: number;
  line: number;
}

/**
 * Before a stock count file's first chunk commits: checks every count against the stock as it stands (a count
 * below what open orders hold reserved is refused by the ledger), so such a file is refused whole, naming
 * the line, and changes nothing (docs/architecture.md "Imports"). Reads a page at a time, outside any
 * transaction, yielding between pages.
 */
export async function checkCounts(tx: Transactor, q: PrecheckQuery): Promise<void> {
  let page: CountLine[] = [];
  const check = async () => {
    const balances = await importChunksRepository.balances(tx.sql, q.actor.accountId, page);
    for (const row of page) {
      const balance = balances.get(`${row.sku}\u0001${row.location}`);
      const delta = balance ? row.counted - balance.onHand : 0;
      if (!balance || delta === 0) continue;
      const refused = planMovement({ type: 'adjustment', quantity: delta, reason: 'count' }).some((plan) =>
        refusesDeltas(balance, plan.deltas, balance.allowBackorder),
      );
      if (refused)
        throw new DomainError(
          'INSUFFICIENT_STOCK',
          `line ${row.line}: ${belowReserved(row, balance.reserved)}`,
          {
            field: `line ${row.line}`,
            details: {
              sku: row.sku,
              location: row.location,
              onHand: balance.onHand,
              reserved: balance.reserved,
            },
          },
        );
    }
    page = [];
    q.signal?.throwIfAborted();
    await yieldToEventLoop();
  };
  for await (const group of stagedGroups(tx.sql, q.importId, null, PRECHECK_PAGE)) {
    const last = group[group.length - 1];
    if (!last) continue;
    page.push({ sku: String(last.data['sku']), ...stockCount(last.data), line: last.lineNo });
    if (page.length >= PRECHECK_PAGE) await check();
  }
  await check();
}

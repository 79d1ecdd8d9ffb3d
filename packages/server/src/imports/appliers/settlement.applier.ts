import { DomainError } from '@stockwise/domain/errors';
import { productsRepository } from '@stockwise/db/catalog/products.repository';
import type { SettlementAmountInsert } from '@stockwise/db/imports/settlements.repository';
import { settlementsRepository } from '@stockwise/db/imports/settlements.repository';
import type { ImportApplier } from './apply-context';
import { stagedGroups } from './apply-context';

/**
 * Amazon's V2 settlement report: each settlement booked once (its id claimed by the account; a file with
 * an id already booked changes nothing and says so), its per-SKU amounts — item fees, refunded item prices,
 * reimbursements — stored in the settlement's currency for the profit report. Lines of no SKU's profit
 * (the sale itself, storage fees, transfers) are counted, not booked.
 */
export const applySettlementImport: ImportApplier = async (ctx) => {
  const accountId = ctx.actor.accountId;
  const totals = { settlementsBooked: 0, settlementsAlreadyBooked: 0, amountsBooked: 0, linesNotBooked: 0 };
  const already: string[] = [];
  for await (const group of ctx.groups ?? stagedGroups(ctx.sql, ctx.importId)) {
    const [first] = group;
    if (!first) continue;
    const settlementId = String(first.data['settlementId']);
    const summary = group.find((r) => r.data['summary'] === true);
    if (!summary)
      throw new DomainError(
        'VALIDATION_FAILED',
        `line ${first.lineNo}: settlement ${settlementId} has no summary line (the line with its total-amount and currency)`,
        { field: `line ${first.lineNo}` },
      );
    const currency = String(summary.data['currency']);
    const claimed = await settlementsRepository.claim(ctx.sql, accountId, {
      settlementId,
      importId: ctx.importId,
      currency,
      totalAmount: typeof summary.data['totalAmount'] === 'number' ? summary.data['totalAmount'] : null,
    });
    if (!claimed) {
      totals.settlementsAlreadyBooked += 1;
      already.push(settlementId);
      ctx.progress(group.length);
      continue;
    }
    const booked = group.filter((r) => typeof r.data['kind'] === 'string');
    const products = new Map(
      (
        await productsRepository.findManyBySku(ctx.sql, accountId, [
          ...new Set(booked.map((r) => String(r.data['sku']))),
        ])
      ).map((p) => [p.sku, p.id]),
    );
    const amounts: SettlementAmountInsert[] = booked.map((r) => {
      const productId = products.get(String(r.data['sku']));
      if (productId === undefined)
        throw new DomainError('UNKNOWN_SKU', `line ${r.lineNo}: unknown SKU ${String(r.data['sku'])}`, {
          field: `line ${r.lineNo}`,
        });
      return {
        lineNo: r.lineNo,
        productId,
        orderId: typeof r.data['orderId'] === 'string' ? r.data['orderId'] : null,
        kind: r.data['kind'] as SettlementAmountInsert['kind'],
        amount: Number(r.data['amount']),
        postedAt: String(r.data['postedAt']),
      };
    });
    await settlementsRepository.insertAmounts(ctx.sql, accountId, { settlementId, currency, amounts });
    totals.settlementsBooked += 1;
    totals.amountsBooked += amounts.length;
    totals.linesNotBooked += group.length - 1 - amounts.length;
    ctx.progress(group.length);
  }
  return { ...totals, ...(already.length > 0 ? { alreadyBooked: already } : {}) };
};

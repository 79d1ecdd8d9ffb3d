import { DomainError } from '@stockwise/domain/errors';
import { importsRepository } from '@stockwise/db/imports/imports.repository';
import type { Transactor } from '../../platform/transactor';
import type { PrecheckQuery } from '../chunked-orders';
import { yieldToEventLoop } from '../../platform/event-loop';
import { PRECHECK_PAGE, stagedGroups } from './apply-context';

/** A SKU's last line in the file: the one applied. */
interface Claim {
  sku: string;
  barcode: string | null;
  line: number;
}

/**
 * Before a products file's first chunk commits: finds the line whose barcode the database would refuse, so
 * such a file is refused whole, naming the line, and changes nothing (docs/architecture.md "Imports").
 * SKUs are upserted in key (SKU) order and a barcode is unique per account, so a line is refused when an
 * earlier SKU of the file claims its barcode, or a product holds it that the file leaves with it or only
 * changes after this line. Reads the staged rows a page at a time, outside any transaction, yielding between pages.
 */
export async function checkProducts(tx: Transactor, q: PrecheckQuery): Promise<void> {
  const claims = new Map<string, Claim>();
  const fileBarcode = new Map<string, string | null>();
  let page: Claim[] = [];
  // The apply goes in SKU order, so the refusal it would raise first is the one of the lowest SKU.
  let duplicate: Claim | undefined;
  const check = async () => {
    const barcodes = page.flatMap((c) => (c.barcode === null ? [] : [c.barcode]));
    const holders = barcodes.length
      ? await importsRepository.barcodeHolders(tx.sql, q.actor.accountId, barcodes)
      : [];
    const refused = [
      ...holders
        .map((holder) => ({ holder, claim: claims.get(holder.barcode) }))
        .filter(({ holder, claim }) => claim && holder.sku !== claim.sku && !releasedBefore(holder, claim))
        .map(({ claim }) => claim!),
      ...(duplicate && page.some((c) => c.sku > duplicate!.sku) ? [duplicate] : []),
    ].sort((a, b) => (a.sku < b.sku ? -1 : 1))[0];
    if (refused) throw taken(refused);
    page = [];
    q.signal?.throwIfAborted();
    await yieldToEventLoop();
  };
  /** Whether the file moves the holder's barcode elsewhere before the claiming SKU is upserted. */
  const releasedBefore = (holder: { sku: string; barcode: string }, claim: Claim) =>
    fileBarcode.has(holder.sku) && fileBarcode.get(holder.sku) !== holder.barcode && holder.sku < claim.sku;

  // First pass: every SKU's barcode in the file, and barcodes two SKUs of the file claim.
  for await (const group of stagedGroups(tx.sql, q.importId, null, PRECHECK_PAGE)) {
    const last = group[group.length - 1];
    if (!last) continue;
    const claim = { sku: last.key, barcode: barcodeOf(last.data), line: last.lineNo };
    fileBarcode.set(claim.sku, claim.barcode);
    if (claim.barcode === null) continue;
    if (!claims.has(claim.barcode)) claims.set(claim.barcode, claim);
    else duplicate ??= claim;
  }
  // Second pass: barcodes that products in the account hold.
  for (const claim of claims.values()) {
    page.push(claim);
    if (page.length >= PRECHECK_PAGE) await check();
  }
  await check();
  if (duplicate) throw taken(duplicate);
}

const barcodeOf = (data: Record<string, unknown>) =>
  typeof data['barcode'] === 'string' ? data['barcode'] : null;

/** The refusal the upsert would raise for this line (rowFailure's wording for products_barcode). */
const taken = (claim: Claim) =>
  new DomainError('DUPLICATE', `line ${claim.line}: another product already has this barcode`, {
    field: `line ${claim.line}`,
    details: { sku: claim.sku, barcode: claim.barcode },
  });

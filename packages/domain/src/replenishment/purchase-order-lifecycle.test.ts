import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import type { MatchedScan, PurchaseOrderStatus } from './purchase-order-lifecycle';
import {
  checkCancel,
  checkEdit,
  checkReceivable,
  checkScanKeysUnique,
  checkSend,
  isReplayedScan,
  landedUnitCost,
  openUnits,
  paidAtAfterEdit,
  PURCHASE_ORDER_STATUSES,
  repeatedScanKeyIndex,
  statusAfterReceipt,
  unitsToReceive,
} from './purchase-order-lifecycle';

const po = (status: PurchaseOrderStatus) => ({ number: 'PO-00001', status });

/** The DomainError a call throws (fails the test when it does not throw one). */
function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('purchase-order transitions', () => {
  it('sends only a draft with lines', () => {
    expect(() => {
      checkSend(po('draft'), 2);
    }).not.toThrow();
    expect(
      errorOf(() => {
        checkSend(po('draft'), 0);
      }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'lines',
    });
    for (const s of PURCHASE_ORDER_STATUSES.filter((s) => s !== 'draft'))
      expect(
        errorOf(() => {
          checkSend(po(s), 2);
        }),
      ).toMatchObject({ code: 'CONFLICT', field: 'status' });
  });

  it('receives only sent or partly received orders', () => {
    expect(() => {
      checkReceivable(po('sent'));
    }).not.toThrow();
    expect(() => {
      checkReceivable(po('partially_received'));
    }).not.toThrow();
    for (const s of ['draft', 'received', 'cancelled'] as const)
      expect(
        errorOf(() => {
          checkReceivable(po(s));
        }).message,
      ).toBe(`PO-00001 is ${s}: only sent orders can be received`);
  });

  it('cancels a draft as is, a sent order releasing its inbound; never a partly received one', () => {
    expect(checkCancel(po('draft'))).toEqual({ releaseInbound: false });
    expect(checkCancel(po('sent'))).toEqual({ releaseInbound: true });
    expect(errorOf(() => checkCancel(po('partially_received'))).message).toMatch(
      /close it with a final receipt/,
    );
    expect(errorOf(() => checkCancel(po('received'))).code).toBe('CONFLICT');
    expect(errorOf(() => checkCancel(po('cancelled'))).code).toBe('CONFLICT');
  });

  it('edits lines, supplier and destination only in a draft, payment only once sent, nothing once cancelled', () => {
    expect(() => {
      checkEdit(po('draft'), { lines: [], location: 'WH1', supplier: 'SZ' });
    }).not.toThrow();
    expect(
      errorOf(() => {
        checkEdit(po('sent'), { supplier: 'SZ' });
      }).field,
    ).toBe('supplier');
    expect(
      errorOf(() => {
        checkEdit(po('sent'), { lines: [] });
      }).field,
    ).toBe('lines');
    expect(
      errorOf(() => {
        checkEdit(po('sent'), { location: 'WH1' });
      }).field,
    ).toBe('location');
    expect(
      errorOf(() => {
        checkEdit(po('draft'), { paid: true });
      }).field,
    ).toBe('paid');
    expect(() => {
      checkEdit(po('received'), { paid: true });
    }).not.toThrow();
    expect(
      errorOf(() => {
        checkEdit(po('cancelled'), {});
      }).field,
    ).toBe('status');
  });

  it('keeps, stamps or clears the paid date', () => {
    const then = new Date('2026-01-01T00:00:00Z');
    const now = new Date('2026-02-01T00:00:00Z');
    expect(paidAtAfterEdit(then, undefined, now)).toBe(then);
    expect(paidAtAfterEdit(null, true, now)).toBe(now);
    expect(paidAtAfterEdit(then, true, now)).toBe(then);
    expect(paidAtAfterEdit(then, false, now)).toBeNull();
  });
});

describe('receipt rules', () => {
  const line = { id: 7, sku: 'MUG', quantity: 10, receivedQuantity: 4 };
  const scan = (quantity: number, index = 0, replayed = false): MatchedScan => ({
    index,
    line,
    quantity,
    replayed,
  });

  it('refuses the same scanKey twice in one receipt, naming the repeat', () => {
    const lines = [{ scanKey: 'a' }, {}, { scanKey: 'b' }, { scanKey: 'a' }];
    expect(repeatedScanKeyIndex(lines)).toBe(3);
    expect(repeatedScanKeyIndex([{ scanKey: 'a' }, {}, {}])).toBe(-1);
    expect(
      errorOf(() => {
        checkScanKeysUnique(lines);
      }).field,
    ).toBe('lines.3.scanKey');
  });

  it('skips a replayed scan, refuses a key reused for another scan', () => {
    const s = { poId: 1, lineId: 7, quantity: 2, scanKey: 'k', index: 1 };
    expect(isReplayedScan(undefined, s)).toBe(false);
    expect(isReplayedScan({ poId: 1, lineId: 7, quantity: 2 }, s)).toBe(true);
    expect(errorOf(() => isReplayedScan({ poId: 1, lineId: 7, quantity: 3 }, s))).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'lines.1.scanKey',
    });
    expect(errorOf(() => isReplayedScan({ poId: 2, lineId: 7, quantity: 2 }, s)).code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('adds units per line over the whole request, leaving replays out', () => {
    expect(unitsToReceive('PO-1', [scan(2), scan(4, 1), scan(5, 2, true)])).toEqual(new Map([[7, 6]]));
  });

  it('refuses an over-receipt at the scan that crosses what is open', () => {
    const e = errorOf(() => unitsToReceive('PO-1', [scan(3), scan(4, 1)]));
    expect(e).toMatchObject({
      code: 'OVER_RECEIPT',
      field: 'lines.1.quantity',
      details: { sku: 'MUG', ordered: 10, received: 4, open: 6, attempted: 7 },
    });
    expect(e.message).toBe('MUG: 7 scanned but only 6 of 10 are still open on PO-1');
  });

  it('spreads freight over the goods by value, to 4 decimals', () => {
    expect(landedUnitCost(2, { goodsValue: 300, freightCost: 30 })).toBe(2.2);
    expect(landedUnitCost(1, { goodsValue: 3, freightCost: 1 })).toBe(1.3333);
    expect(landedUnitCost(2, { goodsValue: 0, freightCost: 30 })).toBe(2);
  });

  it('lists what is still open (released when closing short)', () => {
    const done = { ...line, id: 8, receivedQuantity: 10 };
    expect(openUnits([line, done])).toEqual([{ line, quantity: 6 }]);
  });

  it('moves to received when complete or closed, else partially received; nothing for replays only', () => {
    const open = [line];
    const full = [{ ...line, receivedQuantity: 10 }];
    expect(statusAfterReceipt({ lines: open, freshScans: 0, close: false })).toBeNull();
    expect(statusAfterReceipt({ lines: open, freshScans: 1, close: false })).toEqual({
      status: 'partially_received',
      stampFirstReceived: true,
      stampReceived: false,
    });
    expect(statusAfterReceipt({ lines: full, freshScans: 1, close: false })).toEqual({
      status: 'received',
      stampFirstReceived: true,
      stampReceived: true,
    });
    expect(statusAfterReceipt({ lines: open, freshScans: 0, close: true })).toEqual({
      status: 'received',
      stampFirstReceived: false,
      stampReceived: true,
    });
  });
});

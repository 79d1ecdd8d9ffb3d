import { describe, expect, it } from 'vitest';
import {
  HELD_CURSOR_MAX_DAYS,
  heldCursor,
  holdsCursor,
  isCurableRefusal,
  isoInstant,
  MAX_PAGES,
  pageStep,
} from './paging';

describe('pageStep', () => {
  it('follows a new token, ends on a missing one', () => {
    expect(pageStep({ token: 'abc', followed: new Set(), pages: 1 })).toEqual({ next: 'abc' });
    expect(pageStep({ token: null, followed: new Set(), pages: 3 })).toEqual({ stop: 'done' });
    expect(pageStep({ token: '', followed: new Set(), pages: 3 })).toEqual({ stop: 'done' });
  });

  it("stops on a token already followed (Amazon's sandbox answers the static 'seed')", () => {
    expect(pageStep({ token: 'seed', followed: new Set(['seed']), pages: 2 })).toEqual({
      stop: 'repeated-token',
    });
  });

  it('stops at the page limit', () => {
    expect(pageStep({ token: 't', followed: new Set(), pages: MAX_PAGES })).toEqual({ stop: 'page-limit' });
    expect(pageStep({ token: 't', followed: new Set(), pages: 2, maxPages: 2 })).toEqual({
      stop: 'page-limit',
    });
  });
});

describe('isoInstant', () => {
  it("reads the sandbox's epoch seconds in scientific notation", () => {
    // 1569521782.042 s after the epoch = 2019-09-26T18:16:22.042Z
    expect(isoInstant('1.569521782042E9')).toBe('2019-09-26T18:16:22.042Z');
    expect(isoInstant(1569521782)).toBe('2019-09-26T18:16:22.000Z');
    expect(isoInstant(1569521782042)).toBe('2019-09-26T18:16:22.042Z');
  });

  it('normalises ISO 8601 and refuses what is not a time', () => {
    expect(isoInstant('2024-05-02T08:00:00Z')).toBe('2024-05-02T08:00:00.000Z');
    expect(isoInstant('2024-05-02T10:00:00+02:00')).toBe('2024-05-02T08:00:00.000Z');
    expect(isoInstant('yesterday')).toBeNull();
    expect(isoInstant('')).toBeNull();
    expect(isoInstant(null)).toBeNull();
    expect(isoInstant('0')).toBeNull();
  });
});

describe('heldCursor: a curable refusal holds the order cursor', () => {
  const next = '2024-06-01T00:00:00.000Z';
  const now = new Date('2024-05-21T00:00:00Z');
  it("is the pull's own cursor when nothing waits", () => {
    expect(heldCursor({ next, previous: '2024-05-01T00:00:00.000Z', waiting: [], now })).toBe(next);
  });

  it('stops at the earliest waiting order, never before the previous cursor nor past the next', () => {
    const waiting = [new Date('2024-05-20T08:00:00Z'), new Date('2024-05-18T09:00:00Z')];
    expect(heldCursor({ next, previous: '2024-05-15T00:00:00.000Z', waiting, now })).toBe(
      '2024-05-18T09:00:00.000Z',
    );
    expect(heldCursor({ next, previous: null, waiting, now })).toBe('2024-05-18T09:00:00.000Z');
    expect(heldCursor({ next, previous: '2024-05-19T00:00:00.000Z', waiting, now })).toBe(
      '2024-05-19T00:00:00.000Z',
    );
    expect(heldCursor({ next: '2024-05-10T00:00:00.000Z', previous: null, waiting, now })).toBe(
      '2024-05-10T00:00:00.000Z',
    );
  });

  it('keeps the previous cursor when a waiting order has no update time', () => {
    expect(heldCursor({ next, previous: '2024-05-15T00:00:00.000Z', waiting: [undefined], now })).toBe(
      '2024-05-15T00:00:00.000Z',
    );
    // Without a previous cursor either, it would hold the start of the look-back: it holds nothing.
    expect(heldCursor({ next, previous: null, waiting: [null], now })).toBe(next);
  });

  it(`holds for ${HELD_CURSOR_MAX_DAYS} days at most: an older refusal no longer holds it, the others still do`, () => {
    expect(HELD_CURSOR_MAX_DAYS).toBe(7);
    const old = new Date('2024-05-13T23:59:59Z');
    const recent = new Date('2024-05-18T09:00:00Z');
    expect(holdsCursor({ updatedAt: new Date('2024-05-14T00:00:00Z'), previous: null, now })).toBe(true);
    expect(holdsCursor({ updatedAt: old, previous: null, now })).toBe(false);
    expect(heldCursor({ next, previous: '2024-05-10T00:00:00.000Z', waiting: [old], now })).toBe(next);
    expect(heldCursor({ next, previous: '2024-05-10T00:00:00.000Z', waiting: [old, recent], now })).toBe(
      '2024-05-18T09:00:00.000Z',
    );
    // The same refusal a day earlier still held it.
    expect(heldCursor({ next, previous: null, waiting: [old], now: new Date('2024-05-20T00:00:00Z') })).toBe(
      '2024-05-13T23:59:59.000Z',
    );
    // Without an update time, the previous cursor's age decides.
    expect(holdsCursor({ updatedAt: null, previous: '2024-05-12T00:00:00.000Z', now })).toBe(false);
    expect(heldCursor({ next, previous: '2024-05-12T00:00:00.000Z', waiting: [null], now })).toBe(next);
  });

  it('waits for short stock and a concurrent change, not for an unreadable order or a missing location', () => {
    expect(isCurableRefusal('INSUFFICIENT_STOCK')).toBe(true);
    expect(isCurableRefusal('CONFLICT')).toBe(true);
    expect(isCurableRefusal('VALIDATION_FAILED')).toBe(false);
    expect(isCurableRefusal('UNKNOWN_LOCATION')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { rejectReason } from '../src/imports/reject-reason';

// Messages as the importer writes them (packages/domain/src/channels/import-formats.ts, imports.service.ts).
const KNOWN_REASONS: [message: string, reason: ReturnType<typeof rejectReason>][] = [
  ['unknown SKU NOPE-1', { key: 'imports.why.unknownSku' }],
  ['unknown location WH9', { key: 'imports.why.unknownLocation' }],
  ['title is required', { key: 'imports.why.required' }],
  ['quantity must be a whole number, got "1.5"', { key: 'imports.why.wholeNumber' }],
  ['quantity must be at least 1, got 0', { key: 'imports.why.atLeast', vars: { min: '1' } }],
  ['unit_price must be an amount like 12.50, got "x"', { key: 'imports.why.amount' }],
  ['ordered_at is not a calendar date: "2024-02-30"', { key: 'imports.why.date' }],
  ['sku is longer than 100 characters', { key: 'imports.why.tooLong', vars: { max: '100' } }],
  ['channel must be one of amazon, shopify, manual, other', { key: 'imports.why.channel' }],
  ['the header misses columns sku, title', { key: 'imports.why.header' }],
];

describe('import reject reasons', () => {
  it('recognises the importer’s common reasons, with their limits', () => {
    for (const [message, reason] of KNOWN_REASONS) {
      expect(rejectReason(message), message).toEqual(reason);
    }
  });

  it('leaves anything else to be shown as the server wrote it', () => {
    expect(rejectReason('Invalid Record Length: expect 5, got 3 on line 4')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { rejectReason } from '../src/imports/reject-reason';

// Messages as the importer writes them (packages/domain/src/channels/import-formats.ts, imports.service.ts).
describe('import reject reasons', () => {
  it('recognises the importer’s common reasons, with their limits', () => {
    expect(rejectReason('unknown SKU NOPE-1')).toEqual({ key: 'imports.why.unknownSku' });
    expect(rejectReason('unknown location WH9')).toEqual({ key: 'imports.why.unknownLocation' });
    expect(rejectReason('title is required')).toEqual({ key: 'imports.why.required' });
    expect(rejectReason('quantity must be a whole number, got "1.5"')).toEqual({
      key: 'imports.why.wholeNumber',
    });
    expect(rejectReason('quantity must be at least 1, got 0')).toEqual({
      key: 'imports.why.atLeast',
      vars: { min: '1' },
    });
    expect(rejectReason('unit_price must be an amount like 12.50, got "x"')).toEqual({
      key: 'imports.why.amount',
    });
    expect(rejectReason('ordered_at is not a calendar date: "2024-02-30"')).toEqual({
      key: 'imports.why.date',
    });
    expect(rejectReason('sku is longer than 100 characters')).toEqual({
      key: 'imports.why.tooLong',
      vars: { max: '100' },
    });
    expect(rejectReason('channel must be one of amazon, shopify, manual, other')).toEqual({
      key: 'imports.why.channel',
    });
    expect(rejectReason('the header misses columns sku, title')).toEqual({ key: 'imports.why.header' });
  });

  it('leaves anything else to be shown as the server wrote it', () => {
    expect(rejectReason('Invalid Record Length: expect 5, got 3 on line 4')).toBeNull();
  });
});

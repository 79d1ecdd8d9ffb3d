import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { checkDraftOpen, checkTransferDraft } from './transfer-draft';

const fieldOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.field ?? ''}`;
    throw error;
  }
  return undefined;
};

describe('transfer draft rules', () => {
  it('accepts a route between two locations with whole positive quantities, each SKU once', () => {
    expect(
      fieldOf(() => {
        checkTransferDraft({ fromLocation: 'WH1', toLocation: 'FBA', lines: [{ sku: 'A', quantity: 3 }] });
      }),
    ).toBeUndefined();
  });

  it('names the field at fault', () => {
    const line = { sku: 'A', quantity: 1 };
    expect(
      fieldOf(() => {
        checkTransferDraft({ fromLocation: 'WH1', toLocation: 'WH1', lines: [line] });
      }),
    ).toBe('VALIDATION_FAILED toLocation');
    expect(
      fieldOf(() => {
        checkTransferDraft({ fromLocation: 'WH1', toLocation: 'FBA', lines: [] });
      }),
    ).toBe('VALIDATION_FAILED lines');
    expect(
      fieldOf(() => {
        checkTransferDraft({
          fromLocation: 'WH1',
          toLocation: 'FBA',
          lines: [line, { sku: 'B', quantity: 1.5 }],
        });
      }),
    ).toBe('VALIDATION_FAILED lines.1.quantity');
    expect(
      fieldOf(() => {
        checkTransferDraft({ fromLocation: 'WH1', toLocation: 'FBA', lines: [line, line] });
      }),
    ).toBe('VALIDATION_FAILED lines.1.sku');
  });

  it('lets only a draft be deleted or sent', () => {
    expect(
      fieldOf(() => {
        checkDraftOpen({ id: 1, status: 'draft' });
      }),
    ).toBeUndefined();
    expect(
      fieldOf(() => {
        checkDraftOpen({ id: 1, status: 'sent' });
      }),
    ).toBe('CONFLICT status');
  });
});

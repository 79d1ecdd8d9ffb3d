import { describe, expect, it } from 'vitest';
import { marketplaceCurrency } from './marketplaces';

describe('a marketplace’s currency', () => {
  it('is Amazon’s for its code or id, GB being the UK store; none without a marketplace Amazon has', () => {
    expect(['DE', 'gb', 'UK', 'A1VC38T7YXB528', 'MX'].map(marketplaceCurrency)).toEqual([
      'EUR',
      'GBP',
      'GBP',
      'JPY',
      'MXN',
    ]);
    expect([null, '', 'XX'].map(marketplaceCurrency)).toEqual([null, null, null]);
  });
});

import { describe, expect, it } from 'vitest';
import { marketplaceCurrency, salesChannelMarketplace } from './marketplaces';

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

describe('the marketplace of an All Orders row’s sales-channel', () => {
  it('is the code of Amazon’s store, none off Amazon or when empty, any other store as written', () => {
    expect(
      ['Amazon.com', 'amazon.de', ' Amazon.co.uk ', 'Amazon.com.mx', 'Amazon.co.jp'].map(
        salesChannelMarketplace,
      ),
    ).toEqual(['US', 'DE', 'UK', 'MX', 'JP']);
    expect(['Non-Amazon', 'Non-Amazon US', '', null, undefined].map(salesChannelMarketplace)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(salesChannelMarketplace('Amazon.com.au')).toBe('Amazon.com.au');
  });
});

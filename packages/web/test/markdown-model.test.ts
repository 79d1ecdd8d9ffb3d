import { describe, expect, it } from 'vitest';
import {
  advisedPercentOff,
  impliedEndsOn,
  initialMarkdownForm,
  markdownEvent,
  plannedMarkdowns,
  priceAfter,
  sharedMarkdowns,
  type ForecastEvent,
} from '../src/health/clearance/markdown-model';

const event = (over: Partial<ForecastEvent>): ForecastEvent => ({
  id: 1,
  name: 'Clearance markdown',
  startsOn: '2026-12-10',
  endsOn: '2026-12-20',
  scope: 'skus',
  category: null,
  skus: ['MUG'],
  lift: null,
  priceFactor: 0.8,
  ...over,
});

describe('markdown model', () => {
  it('pre-fills the advised sale price as a percentage off the current price', () => {
    expect(advisedPercentOff({ price: 16, currentPrice: 20 })).toBe(20);
    expect(advisedPercentOff({ price: 14.99, currentPrice: 19.99 })).toBe(25);
    expect(advisedPercentOff({ price: 14.99, currentPrice: null })).toBeNull();
    expect(initialMarkdownForm({ price: 16, currentPrice: 20 }, '2026-12-06')).toEqual({
      startsOn: '2026-12-06',
      endsOn: '',
      percentOff: '20',
    });
    expect(priceAfter(20, 25)).toBe(15);
  });

  it('an empty last day is the advised duration counted from the first day (inclusive)', () => {
    expect(impliedEndsOn('2026-12-06', 28)).toBe('2027-01-02');
    expect(impliedEndsOn('2026-12-06', null)).toBeNull();
    expect(impliedEndsOn('', 28)).toBeNull();
  });

  it('builds the SKU’s price event, new price ÷ current price, or names the missing field', () => {
    const a = { sku: 'MUG', name: 'Clearance markdown', durationDays: 14 };
    expect(markdownEvent(a, { startsOn: '2026-12-06', endsOn: '', percentOff: '20' })).toEqual({
      input: {
        name: 'Clearance markdown',
        startsOn: '2026-12-06',
        endsOn: '2026-12-19',
        scope: 'skus',
        category: null,
        skus: ['MUG'],
        lift: null,
        priceFactor: 0.8,
      },
    });
    const given = markdownEvent(a, { startsOn: '2026-12-06', endsOn: '2026-12-31', percentOff: '12,5 %' });
    expect('input' in given && [given.input.endsOn, given.input.priceFactor]).toEqual(['2026-12-31', 0.875]);
    expect(markdownEvent(a, { startsOn: '', endsOn: '', percentOff: '20' })).toEqual({ field: 'startsOn' });
    expect(
      markdownEvent({ ...a, durationDays: null }, { startsOn: '2026-12-06', endsOn: '', percentOff: '20' }),
    ).toEqual({ field: 'endsOn' });
    expect(markdownEvent(a, { startsOn: '2026-12-06', endsOn: '', percentOff: 'abc' })).toEqual({
      field: 'priceFactor',
    });
  });

  it('lists the price events of this SKU alone, by first day', () => {
    const events = [
      event({ id: 3, startsOn: '2026-12-15' }),
      event({ id: 2, priceFactor: null }),
      event({ id: 4, skus: ['MUG', 'CUP'] }),
      event({ id: 5, scope: 'all', skus: [] }),
      event({ id: 6, skus: ['CUP'] }),
      event({ id: 7, startsOn: '2026-12-08' }),
    ];
    expect(plannedMarkdowns(events, 'MUG').map((e) => e.id)).toEqual([7, 3]);
  });

  it('lists the shared price events that apply to the SKU read-only, with what each covers', () => {
    const events = [
      event({ id: 3, startsOn: '2026-12-15' }),
      event({ id: 4, skus: ['MUG', 'CUP', 'BOWL'], startsOn: '2026-12-12' }),
      event({ id: 5, scope: 'all', skus: [], startsOn: '2026-12-01' }),
      event({ id: 8, scope: 'category', category: 'Kitchen', skus: [] }),
      event({ id: 9, scope: 'all', skus: [], priceFactor: null }),
    ];
    expect(sharedMarkdowns(events, 'MUG').map((s) => [s.event.id, s.covers])).toEqual([
      [5, { kind: 'all' }],
      [8, { kind: 'category', category: 'Kitchen' }],
      [4, { kind: 'skus', count: 3 }],
    ]);
    // Its own markdown is not shared: it stays removable in the list above.
    expect(plannedMarkdowns(events, 'MUG').map((e) => e.id)).toEqual([3]);
  });
});

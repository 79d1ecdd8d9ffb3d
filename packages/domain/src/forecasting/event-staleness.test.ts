import { describe, expect, it } from 'vitest';
import type { EventChange, ScopedSku } from './event-staleness';
import { eventsChangedFor, reflectsEventChanges, reflectsEvents } from './event-staleness';
import { inScope } from './event-scope';
import { catalogueEvent } from './events';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const lamp: ScopedSku = { sku: 'LAMP-1', category: 'Lighting' };
const bulb: ScopedSku = { sku: 'BULB-1', category: 'Lighting' };
const mug: ScopedSku = { sku: 'MUG-1', category: 'Kitchen' };
const loose: ScopedSku = { sku: 'LOOSE-1', category: null };
const catalogue = [lamp, bulb, mug, loose];

const change = (minute: number, scope: Partial<EventChange>): EventChange => ({
  changedAt: at(minute),
  scope: 'all',
  category: null,
  skus: [],
  ...scope,
});

/** The SKUs whose forecast stored at `storedMinute` is stale after `changes`. */
const stale = (changes: readonly EventChange[], storedMinute = 5) => {
  const reflects = reflectsEventChanges(changes);
  return catalogue.filter((s) => !reflects({ createdAt: at(storedMinute) }, s)).map((s) => s.sku);
};

describe('which stored forecasts reflect the seller events', () => {
  it('a category event leaves the forecasts of other categories (and of SKUs without one) current', () => {
    expect(stale([change(10, { scope: 'category', category: 'Lighting' })])).toEqual(['LAMP-1', 'BULB-1']);
  });

  it('a SKU-list event makes only the listed SKUs stale', () => {
    expect(stale([change(10, { scope: 'skus', skus: ['MUG-1', 'LAMP-1'] })])).toEqual(['LAMP-1', 'MUG-1']);
  });

  it('an all-SKUs event makes every forecast stale, the SKUs without a category too', () => {
    expect(stale([change(10, { scope: 'all' })])).toEqual(['LAMP-1', 'BULB-1', 'MUG-1', 'LOOSE-1']);
  });

  it('an edit that moves the scope makes the old scope and the new one stale, nothing else', () => {
    // An edit is noted as two changes: the scope the event had and the one it has now.
    const moved = [
      change(10, { scope: 'category', category: 'Kitchen' }),
      change(10, { scope: 'skus', skus: ['BULB-1'] }),
    ];
    expect(stale(moved)).toEqual(['BULB-1', 'MUG-1']);
  });

  it('a change after the forecast was stamped makes it stale; one before or at the stamp does not', () => {
    const changes = [change(10, { scope: 'skus', skus: ['LAMP-1'] })];
    expect(stale(changes, 9)).toEqual(['LAMP-1']);
    expect(stale(changes, 10)).toEqual([]);
    expect(stale(changes, 11)).toEqual([]);
    expect(reflectsEvents(at(5), null)).toBe(true);
    expect(reflectsEvents(at(5), at(6))).toBe(false);
  });

  it('each SKU takes the latest change that applies to it, whatever the order of the changes', () => {
    const changedFor = eventsChangedFor([
      change(30, { scope: 'skus', skus: ['MUG-1'] }),
      change(10, { scope: 'all' }),
      change(20, { scope: 'category', category: 'Lighting' }),
      change(15, { scope: 'category', category: 'Lighting' }),
    ]);
    expect(catalogue.map((s) => changedFor(s)?.getUTCMinutes())).toEqual([20, 20, 30, 10]);
    expect(eventsChangedFor([])(lamp)).toBeNull();
  });

  it('matches a SKU as the forecast applies an event (inScope)', () => {
    const scopes: Partial<EventChange>[] = [
      { scope: 'all' },
      { scope: 'category', category: 'Lighting' },
      { scope: 'category', category: 'Kitchen' },
      { scope: 'skus', skus: ['LOOSE-1', 'BULB-1'] },
    ];
    for (const scope of scopes) {
      const c = change(10, scope);
      const event = catalogueEvent(
        { name: 'e', startsOn: '2026-01-01', endsOn: '2026-01-02', lift: 2, priceFactor: null, ...c },
        0,
      );
      const inIt = catalogue.filter((s) => inScope(event, { sku: s.sku, category: s.category ?? '' }));
      expect(stale([c]), JSON.stringify(scope)).toEqual(inIt.map((s) => s.sku));
    }
  });
});

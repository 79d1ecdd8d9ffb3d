import { describe, expect, it } from 'vitest';
import type { EventScope } from './catalogue-factors';
import { inScope, scopeKeys, skuScopeKeys } from './event-scope';
import { eventsChangedFor } from './event-staleness';
import { eventAppliesTo } from './events';

const lamp = { sku: 'LAMP-1', category: 'Lighting' };
const loose = { sku: 'LOOSE-1', category: null };

describe('the scope rule of seller events (one indexed form)', () => {
  it('files an event under its scope and a SKU under every SKU, its category and itself', () => {
    expect(scopeKeys({ kind: 'skus', skus: ['A', 'B'] })).toHaveLength(2);
    expect(skuScopeKeys(lamp)).toHaveLength(3);
    // a SKU without a category has no category key: no category event reaches it
    expect(skuScopeKeys(loose)).toHaveLength(2);
  });

  it('keeps a category and a SKU of the same name apart', () => {
    const category: EventScope = { kind: 'category', category: 'LAMP-1' };
    const skus: EventScope = { kind: 'skus', skus: ['Lighting'] };
    expect(inScope({ scope: category }, lamp)).toBe(false);
    expect(inScope({ scope: skus }, lamp)).toBe(false);
    expect(inScope({ scope: { kind: 'category', category: 'Lighting' } }, lamp)).toBe(true);
    expect(inScope({ scope: { kind: 'skus', skus: ['X', 'LAMP-1'] } }, lamp)).toBe(true);
    expect(inScope({ scope: { kind: 'all' } }, loose)).toBe(true);
  });

  it('matches the same SKUs in the forecast, the events list and the staleness index', () => {
    const catalogue = [lamp, loose, { sku: 'MUG-1', category: 'Kitchen' }, { sku: 'Kitchen', category: 'X' }];
    const scopes = [
      { scope: 'all', category: null, skus: [] },
      { scope: 'category', category: 'Kitchen', skus: [] },
      { scope: 'skus', category: null, skus: ['LOOSE-1', 'Kitchen'] },
    ] as const;
    for (const s of scopes) {
      const changed = eventsChangedFor([{ changedAt: new Date(0), ...s }]);
      const stale = catalogue.filter((sku) => changed(sku) !== null).map((sku) => sku.sku);
      const applies = catalogue.filter((sku) => eventAppliesTo(s, sku)).map((sku) => sku.sku);
      expect(stale, s.scope).toEqual(applies);
    }
    expect(catalogue.filter((sku) => eventAppliesTo(scopes[2], sku)).map((s) => s.sku)).toEqual([
      'LOOSE-1',
      'Kitchen',
    ]);
  });
});

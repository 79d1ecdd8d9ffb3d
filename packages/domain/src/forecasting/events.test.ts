import { describe, expect, it } from 'vitest';
import { eventAppliesTo, type ForecastEventFields } from './events';

const scoped = (scope: ForecastEventFields['scope'], category: string | null, skus: string[]) => ({
  scope,
  category,
  skus,
});

describe('eventAppliesTo', () => {
  const mug = { sku: 'MUG-1', category: 'Kitchen' };
  it('takes in every SKU, the SKU’s category, or the SKU in a list', () => {
    expect(eventAppliesTo(scoped('all', null, []), mug)).toBe(true);
    expect(eventAppliesTo(scoped('category', 'Kitchen', []), mug)).toBe(true);
    expect(eventAppliesTo(scoped('skus', null, ['CUP-2', 'MUG-1']), mug)).toBe(true);
  });
  it('leaves out another category and a list without the SKU', () => {
    expect(eventAppliesTo(scoped('category', 'Garden', []), mug)).toBe(false);
    expect(eventAppliesTo(scoped('skus', null, ['CUP-2']), mug)).toBe(false);
  });
  it('puts a SKU without a category in no category’s scope', () => {
    expect(eventAppliesTo(scoped('category', 'Kitchen', []), { sku: 'MUG-1', category: null })).toBe(false);
    expect(eventAppliesTo(scoped('all', null, []), { sku: 'MUG-1', category: null })).toBe(true);
  });
});

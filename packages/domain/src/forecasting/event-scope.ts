import type { CatalogueEvent, CatalogueSeries } from './catalogue-factors';

/** Whether a seller event applies to a series: every SKU, its category, or its SKU in the list. */
export function inScope(
  event: Pick<CatalogueEvent, 'scope'>,
  series: Pick<CatalogueSeries, 'sku' | 'category'>,
): boolean {
  const { scope } = event;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'category') return scope.category === series.category;
  return scope.skus.includes(series.sku);
}

import type { IpiFactorName } from '../api/types';
import type { Formatters } from '../i18n/format';

export const FACTORS: IpiFactorName[] = ['excessPercent', 'sellThrough', 'strandedPercent', 'inStockRate'];

/** A factor's value as the seller reads it: sell-through as a ratio, the others as the percentages they are. */
export function showFactor(fmt: Formatters, name: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return name === 'sellThrough' ? fmt.num(value, 2) : fmt.pct(value / 100);
}

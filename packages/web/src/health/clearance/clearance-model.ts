import type { components } from '../../api/schema.gen';

export type Report = components['schemas']['Report'];

/** The clearance actions the server advises (docs/formulas.md Clearance advice). */
export const CLEARANCE_ACTIONS = [
  'keep',
  'promotion',
  'markdown',
  'liquidation',
  'removal',
  'disposal',
] as const;
export type ClearanceAction = (typeof CLEARANCE_ACTIONS)[number];

/** One excess row as the page shows it, read from the report's Amazon column names. */
export interface ExcessLine {
  sku: string;
  title: string;
  location: string;
  available: number;
  excess: number;
  action: ClearanceAction;
  price: number | null;
  /** The SKU's current price (the report's `your-price`), or null when the catalogue has none. */
  currentPrice: number | null;
  durationDays: number | null;
  removalQuantity: number;
  savings: number;
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isAction = (value: string): value is ClearanceAction =>
  (CLEARANCE_ACTIONS as readonly string[]).includes(value);

/** The report's rows with excess units, most money saved first; unknown actions read as `keep`. */
export function excessLines(report: Pick<Report, 'rows'>): ExcessLine[] {
  return report.rows
    .map((row) => {
      const action = text(row['recommended-action']);
      return {
        sku: text(row['sku']),
        title: text(row['product-name']),
        location: text(row['location']),
        available: num(row['available']) ?? 0,
        excess: num(row['estimated-excess-quantity']) ?? 0,
        action: isAction(action) ? action : 'keep',
        price: num(row['recommended-sales-price']),
        currentPrice: num(row['your-price']),
        durationDays: num(row['recommended-sale-duration-days']),
        removalQuantity: num(row['recommended-removal-quantity']) ?? 0,
        savings: num(row['estimated-cost-savings-of-recommended-actions']) ?? 0,
      };
    })
    .filter((line) => line.sku !== '' && line.excess > 0)
    .sort((a, b) => b.savings - a.savings || a.sku.localeCompare(b.sku));
}

export function excessTotals(lines: readonly ExcessLine[]) {
  let units = 0;
  let removal = 0;
  let savings = 0;
  for (const line of lines) {
    units += line.excess;
    removal += line.removalQuantity;
    savings += line.savings;
  }
  return { skus: lines.length, units, removal, savings };
}

/**
 * Alert titles in English from an alert's code (its kind) and parameters (docs/formulas.md Alerts).
 * The server stores this English title for e-mail and webhooks; the dashboard renders its own title in
 * the reader's language from the same code and parameters, so no server-made English reaches it.
 */

/** The numbers and names an alert's title needs, by name. */
export type AlertParams = Record<string, string | number | boolean | null>;

const text = (p: AlertParams, name: string): string => {
  const v = p[name];
  return v === null || v === undefined ? '' : String(v);
};

/** Days to one decimal, as the planning position states them. */
const days = (p: AlertParams, name: string): string => {
  const v = p[name];
  return typeof v === 'number' ? String(Math.round(v * 10) / 10) : text(p, name);
};

const TITLES: Record<string, (p: AlertParams) => string> = {
  stock_out: (p) => `${text(p, 'sku')} is out of stock at ${text(p, 'location')}`,
  reorder_now: (p) =>
    `Reorder ${text(p, 'sku')} for ${text(p, 'location')} now: ${days(p, 'daysOfSupply')} days of supply, lead time ${days(p, 'leadTimeDays')} days`,
  low_stock: (p) =>
    `${text(p, 'sku')} at ${text(p, 'location')}: ${days(p, 'daysOfSupply')} days of supply, below ${days(p, 'coverLowDays')}; out on ${text(p, 'stockOutDate')}`,
  excess: (p) =>
    `${text(p, 'sku')} at ${text(p, 'location')}: ${text(p, 'units')} units above ${days(p, 'coverHighDays')} days of supply`,
  stranded: (p) =>
    `${text(p, 'sku')}: ${text(p, 'units')} units stranded (listing ${text(p, 'listingStatus')})`,
  aging: (p) =>
    `${text(p, 'sku')} at ${text(p, 'location')}: ${text(p, 'units')} units reach ${text(p, 'threshold')} days on ${text(p, 'date')}`,
  capacity: (p) =>
    `${text(p, 'location')} ${text(p, 'storageType')}: ${p['inDays'] === 0 ? 'over' : `projected over in ${text(p, 'inDays')} days`} its ${text(p, 'limitCubicFeet')} cu ft limit`,
  supplier_bill_due: (p) =>
    `Purchase order ${text(p, 'purchaseOrder')}: bill ${p['overdue'] === true ? 'overdue since' : 'due'} ${text(p, 'due')}`,
  ipi_low: (p) => `IPI proxy ${text(p, 'score')} is below ${text(p, 'threshold')}: Amazon limits storage`,
};

/** The English title of an alert of `code` with `params` (the code itself for an unknown code). */
export function alertTitle(code: string, params: AlertParams): string {
  const render = TITLES[code];
  return render ? render(params) : code;
}

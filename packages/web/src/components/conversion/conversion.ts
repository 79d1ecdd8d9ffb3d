/**
 * The seller's conversion table, one for the pages that total money (profitability, storage,
 * reconciliation): the currency to total in, and a rate per other currency (units of `to` per unit of
 * it) as typed. The server converts and adds (docs/fees.md, "Money is per currency"); a page only says
 * what to use and shows what comes back.
 */
export interface ConversionChoice {
  to: string;
  rates: Record<string, number>;
}

/** Amazon's marketplaces' currencies, offered as targets beside the report's own. */
const MARKETPLACE_CURRENCIES = ['CAD', 'EUR', 'GBP', 'JPY', 'MXN', 'USD'] as const;

/** The currencies a total may be converted into: the report's and the marketplaces', in order. */
export function targetCurrencies(reportCurrencies: readonly string[]): string[] {
  return [...new Set([...reportCurrencies, ...MARKETPLACE_CURRENCIES])].sort();
}

/** The table as the reports take it: into `to` (`convertTo`), `rates` as "EUR:1.08,GBP:1.27". */
export interface ConversionQuery {
  to: string;
  rates: string;
}

const usableRate = (rate: number | undefined): rate is number =>
  rate !== undefined && Number.isFinite(rate) && rate > 0;

/**
 * The report's `convertTo` and `rates` for the choice: the rate of each of the report's other currencies
 * that has one above 0 (a blank one is left out, so the server names it missing). Null without a choice.
 */
export function conversionQuery(
  choice: ConversionChoice | null,
  reportCurrencies: readonly string[],
): ConversionQuery | null {
  if (choice === null) return null;
  const rates = reportCurrencies
    .filter((c) => c !== choice.to)
    .flatMap((c) => {
      const rate = choice.rates[c];
      return usableRate(rate) ? [`${c}:${String(rate)}`] : [];
    });
  return { to: choice.to, rates: rates.join(',') };
}

const CURRENCY = /^[A-Z]{3}$/;

/** A stored choice read back; anything not of its shape is no choice (never a half-read table). */
export function parseConversionChoice(raw: string | null): ConversionChoice | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { to, rates } = value as { to?: unknown; rates?: unknown };
    if (typeof to !== 'string' || !CURRENCY.test(to) || typeof rates !== 'object' || rates === null)
      return null;
    const kept: Record<string, number> = {};
    for (const [currency, rate] of Object.entries(rates as Record<string, unknown>))
      if (CURRENCY.test(currency) && typeof rate === 'number' && usableRate(rate)) kept[currency] = rate;
    return { to, rates: kept };
  } catch {
    return null;
  }
}

// The key predates the other pages' use of the table: kept, so a table already stored still applies.
const storageKey = (accountId: number) => `stockwise.profitConversion.${String(accountId)}`;

/** The table this account last used in this browser, on any of its pages (each account keeps its own). */
export function rememberedConversion(accountId: number): ConversionChoice | null {
  return parseConversionChoice(localStorage.getItem(storageKey(accountId)));
}

export function rememberConversion(accountId: number, choice: ConversionChoice | null): void {
  if (choice === null) localStorage.removeItem(storageKey(accountId));
  else localStorage.setItem(storageKey(accountId), JSON.stringify(choice));
}

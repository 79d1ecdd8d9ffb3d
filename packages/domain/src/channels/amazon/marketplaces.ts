/** An Amazon marketplace: its SP-API id, currency and region (docs/formulas.md, "Amazon marketplaces"). */
export interface AmazonMarketplace {
  code: string;
  marketplaceId: string;
  currency: string;
  region: 'na' | 'eu' | 'fe';
  /** Its store as Amazon's reports name it (the All Orders report's `sales-channel`). */
  site: string;
}

/** Amazon's published marketplace ids (SP-API "Marketplace IDs"). */
export const AMAZON_MARKETPLACES: readonly AmazonMarketplace[] = [
  { code: 'US', marketplaceId: 'ATVPDKIKX0DER', currency: 'USD', region: 'na', site: 'Amazon.com' },
  { code: 'CA', marketplaceId: 'A2EUQ1WTGCTBG2', currency: 'CAD', region: 'na', site: 'Amazon.ca' },
  { code: 'MX', marketplaceId: 'A1AM78C64UM0Y8', currency: 'MXN', region: 'na', site: 'Amazon.com.mx' },
  { code: 'UK', marketplaceId: 'A1F83G8C2ARO7P', currency: 'GBP', region: 'eu', site: 'Amazon.co.uk' },
  { code: 'DE', marketplaceId: 'A1PA6795UKMFR9', currency: 'EUR', region: 'eu', site: 'Amazon.de' },
  { code: 'FR', marketplaceId: 'A13V1IB3VIYZZH', currency: 'EUR', region: 'eu', site: 'Amazon.fr' },
  { code: 'IT', marketplaceId: 'APJ6JRA9NG5V4', currency: 'EUR', region: 'eu', site: 'Amazon.it' },
  { code: 'ES', marketplaceId: 'A1RKKUPIHCS9HS', currency: 'EUR', region: 'eu', site: 'Amazon.es' },
  { code: 'JP', marketplaceId: 'A1VC38T7YXB528', currency: 'JPY', region: 'fe', site: 'Amazon.co.jp' },
];

/** SP-API's endpoint per region. */
export const SP_API_ENDPOINTS: Readonly<Record<AmazonMarketplace['region'], string>> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

/** A marketplace by its code ('DE') or SP-API id ('A1PA6795UKMFR9'); undefined when Amazon has none such. */
export function amazonMarketplace(codeOrId: string | null | undefined): AmazonMarketplace | undefined {
  if (!codeOrId) return undefined;
  const key = codeOrId.trim().toUpperCase();
  return AMAZON_MARKETPLACES.find(
    (m) => m.code === (key === 'GB' ? 'UK' : key) || m.marketplaceId.toUpperCase() === key,
  );
}

/**
 * The marketplace an All Orders report row was sold in, from its `sales-channel` (docs/decisions.md 47):
 * the code of Amazon's store ('Amazon.de' → 'DE'); null when the row names none or was sold off Amazon
 * ('Non-Amazon': a multi-channel fulfilment order, which any Amazon location may ship); any other store
 * as written, which, like an SP-API marketplace id Stockwise does not list, matches only a location set
 * to it.
 * @example salesChannelMarketplace('Amazon.co.uk') // 'UK'; salesChannelMarketplace('Non-Amazon') // null
 */
export function salesChannelMarketplace(salesChannel: string | null | undefined): string | null {
  const value = salesChannel?.trim() ?? '';
  if (value === '' || /^non-amazon/i.test(value)) return null;
  return AMAZON_MARKETPLACES.find((m) => m.site.toLowerCase() === value.toLowerCase())?.code ?? value;
}

/**
 * The currency of a location's marketplace (docs/formulas.md, "Profit in several currencies"): Amazon's
 * for its code or id ('GB' is the UK store, GBP); null without a marketplace Amazon has.
 * @example marketplaceCurrency('GB') // 'GBP'; marketplaceCurrency(null) // null
 */
export const marketplaceCurrency = (marketplace: string | null | undefined): string | null =>
  amazonMarketplace(marketplace)?.currency ?? null;

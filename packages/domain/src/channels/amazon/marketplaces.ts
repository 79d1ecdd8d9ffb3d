/** An Amazon marketplace: its SP-API id, currency and region (docs/formulas.md, "Amazon marketplaces"). */
export interface AmazonMarketplace {
  code: string;
  marketplaceId: string;
  currency: string;
  region: 'na' | 'eu' | 'fe';
}

/** Amazon's published marketplace ids (SP-API "Marketplace IDs"). */
export const AMAZON_MARKETPLACES: readonly AmazonMarketplace[] = [
  { code: 'US', marketplaceId: 'ATVPDKIKX0DER', currency: 'USD', region: 'na' },
  { code: 'CA', marketplaceId: 'A2EUQ1WTGCTBG2', currency: 'CAD', region: 'na' },
  { code: 'MX', marketplaceId: 'A1AM78C64UM0Y8', currency: 'MXN', region: 'na' },
  { code: 'UK', marketplaceId: 'A1F83G8C2ARO7P', currency: 'GBP', region: 'eu' },
  { code: 'DE', marketplaceId: 'A1PA6795UKMFR9', currency: 'EUR', region: 'eu' },
  { code: 'FR', marketplaceId: 'A13V1IB3VIYZZH', currency: 'EUR', region: 'eu' },
  { code: 'IT', marketplaceId: 'APJ6JRA9NG5V4', currency: 'EUR', region: 'eu' },
  { code: 'ES', marketplaceId: 'A1RKKUPIHCS9HS', currency: 'EUR', region: 'eu' },
  { code: 'JP', marketplaceId: 'A1VC38T7YXB528', currency: 'JPY', region: 'fe' },
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
 * The currency of a location's marketplace (docs/formulas.md, "Profit in several currencies"): Amazon's
 * for its code or id ('GB' is the UK store, GBP); null without a marketplace Amazon has.
 * @example marketplaceCurrency('GB') // 'GBP'; marketplaceCurrency(null) // null
 */
export const marketplaceCurrency = (marketplace: string | null | undefined): string | null =>
  amazonMarketplace(marketplace)?.currency ?? null;

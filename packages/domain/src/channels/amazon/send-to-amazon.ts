/**
 * The Send to Amazon inbound shipment file (docs/formulas.md, "Send to Amazon file"): Seller Central's
 * "Send to Amazon file upload" template saved as a tab-delimited text file — the default prep and
 * labelling owners, a blank line, then one line per Merchant SKU with its quantity and owners.
 */
export type InboundOwner = 'Seller' | 'Amazon';

export interface InboundLine {
  sku: string;
  quantity: number;
  /** This SKU's owners; the file's defaults when absent. */
  prepOwner?: InboundOwner | undefined;
  labelingOwner?: InboundOwner | undefined;
}

export interface InboundDraft {
  /** The location the units leave (the seller's warehouse or 3PL). */
  from: string;
  /** The Amazon location they go to. */
  to: string;
  lines: readonly InboundLine[];
  /** @default 'Seller' */
  prepOwner?: InboundOwner | undefined;
  /** @default 'Seller' */
  labelingOwner?: InboundOwner | undefined;
}

/** The template's column headings, in order. */
export const SEND_TO_AMAZON_COLUMNS = ['Merchant SKU', 'Quantity', 'Prep owner', 'Labeling owner'] as const;

/**
 * A transfer draft's lines as the Send to Amazon file: the same SKU's lines summed into one (Amazon expects
 * each Merchant SKU once), lines of 0 units left out, SKUs in the draft's order; tab-separated, CRLF line
 * ends. Throws a RangeError for a quantity that is not a whole number ≥ 0, or a SKU with a tab or line
 * break (the file could not hold it).
 * @example sendToAmazonFile({ from: 'WH1', to: 'FBA-US', lines: [{ sku: 'MUG', quantity: 24 }] })
 * // 'Default prep owner\tSeller\r\nDefault labeling owner\tSeller\r\n\r\nMerchant SKU\tQuantity\tPrep owner\tLabeling owner\r\nMUG\t24\tSeller\tSeller\r\n'
 */
export function sendToAmazonFile(draft: InboundDraft): string {
  const prep = draft.prepOwner ?? 'Seller';
  const label = draft.labelingOwner ?? 'Seller';
  const bySku = new Map<string, { quantity: number; prep: InboundOwner; label: InboundOwner }>();
  for (const l of draft.lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 0)
      throw new RangeError(`quantity of ${l.sku} must be a whole number of units`);
    if (/[\t\r\n]/.test(l.sku))
      throw new RangeError(`SKU ${JSON.stringify(l.sku)} holds a tab or line break`);
    const seen = bySku.get(l.sku);
    if (seen) seen.quantity += l.quantity;
    else
      bySku.set(l.sku, { quantity: l.quantity, prep: l.prepOwner ?? prep, label: l.labelingOwner ?? label });
  }
  const rows = [
    ['Default prep owner', prep],
    ['Default labeling owner', label],
    [],
    [...SEND_TO_AMAZON_COLUMNS],
    ...[...bySku]
      .filter(([, v]) => v.quantity > 0)
      .map(([sku, v]) => [sku, String(v.quantity), v.prep, v.label]),
  ];
  return rows.map((r) => `${r.join('\t')}\r\n`).join('');
}

import type { Page } from 'playwright-core';

/**
 * Latin-script words a Chinese dictionary may contain: product codes and standards sellers use
 * as-is (SKU, ASIN, FNSKU, FBA, IPI, CSV, PDF, API, WAPE, 3PL) and the product's own name.
 */
export const CODE_WORDS = [
  'SKU',
  'ASIN',
  'FNSKU',
  'FBA',
  'IPI',
  'CSV',
  'PDF',
  'API',
  'WAPE',
  'PL',
  'Stockwise',
];

/**
 * Latin-script words a Chinese reader may legitimately see on screen: the code words, "SKUs", and "US"
 * from "US$", which is how Intl.NumberFormat writes US dollars in zh-CN and zh-TW. Seller data
 * (SKUs, titles, brands, locations) is excluded by its translate="no" marker instead.
 */
export const ALLOWED_WORDS = new Set([...CODE_WORDS, 'SKUs', 'US']);

/**
 * Words in Latin script on screen that are not seller data and not on the allow-list: visible text
 * nodes plus the placeholder, aria-label and title attributes of visible elements.
 */
export async function untranslatedWords(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const words: string[] = [];
    const isData = (el: Element | null) => Boolean(el?.closest('[translate="no"]'));
    const visible = (el: Element) =>
      (el as HTMLElement).checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        !parent ||
        ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) ||
        isData(parent) ||
        !visible(parent)
      )
        continue;
      words.push(...(node.textContent?.match(/[A-Za-z]{2,}/g) ?? []));
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (isData(el) || !visible(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title'])
        words.push(...(el.getAttribute(attr)?.match(/[A-Za-z]{2,}/g) ?? []));
    }
    return words;
  });
  return [...new Set(found)].filter((word) => !ALLOWED_WORDS.has(word));
}

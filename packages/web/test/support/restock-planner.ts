import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';

/** A restock line as the planner's tests read it from /api/v1/restock. */
export interface Item {
  sku: string;
  title: string;
  location: string;
  action: 'purchase' | 'transfer';
  source: string | null;
  supplier: string | null;
  recommendedQuantity: number;
  estimatedCost: number | null;
  alert: string | null;
  shipDate: string | null;
  reasoning: { heldBack: { reason: string } | null };
}

export const PLAN_TIMEOUT_MS = 120_000;

export const en = (n: number) => n.toLocaleString('en-US');

/** Rows of the plan as filtered (the table draws only those in view). */
export const shownRows = async (page: Page) =>
  Number(await page.getByTestId('restock-table').getAttribute('aria-rowcount')) - 1;

/** The lines of a downloaded CSV (without its byte-order mark). */
export async function downloaded(download: Promise<Download>): Promise<string[]> {
  const file = await (await download).path();
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

/** Opens the restock planner and waits (up to the plan's timeout) for its search box and a first line. */
export async function openRestock(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/restock`);
  await page.getByTestId('planner-search').waitFor({ timeout: PLAN_TIMEOUT_MS });
  await page.locator('tbody tr[data-sku]').first().waitFor({ timeout: PLAN_TIMEOUT_MS });
}

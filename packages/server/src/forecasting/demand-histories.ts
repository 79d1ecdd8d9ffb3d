import { dayOfWeek, isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { buildDailyDemand, sumHistories } from '@stockwise/domain/forecasting/daily-history';
import type { Sql } from '@stockwise/db/database';
import { demandRepository } from '@stockwise/db/forecasting/demand.repository';
import { timeSlices } from '../platform/event-loop';

/** Two years: enough for yearly seasonality where the data has it. */
export const HISTORY_DAYS = 728;

export interface HistoryWindow {
  /** First forecast day, 'YYYY-MM-DD'; the history ends the day before. */
  asOf: string;
  days: number;
  fromEpochDay: number;
}

export function historyWindow(asOf: string, days = HISTORY_DAYS): HistoryWindow {
  return { asOf, days, fromEpochDay: parseIsoDate(asOf) - days };
}

export function historyDates(window: HistoryWindow): string[] {
  return Array.from({ length: window.days }, (_, t) => isoDate(window.fromEpochDay + t));
}

export const weekdayOf = (iso: string) => dayOfWeek(parseIsoDate(iso));

export interface ItemHistories {
  /** Per `${productId}:${locationId}`. */
  byItem: Map<string, { productId: number; locationId: number; demand: Float64Array }>;
  /** Per product over all its locations. */
  byProduct: Map<number, Float64Array>;
}

/** Daily demand (NaN = censored) per SKU × location and per SKU, from the ledger; only `productIds` when given. */
export async function loadDemandHistories(
  sql: Sql,
  accountId: number,
  window: HistoryWindow,
  productIds?: readonly number[],
): Promise<ItemHistories> {
  const items = await demandRepository.ledgerDays(sql, accountId, {
    from: isoDate(window.fromEpochDay),
    to: window.asOf,
    productIds,
  });
  const byItem = new Map<string, { productId: number; locationId: number; demand: Float64Array }>();
  const perProduct = new Map<number, Float64Array[]>();
  // A history per SKU × location: 100,000 of them take seconds, and the embedded server answers in between.
  const slices = timeSlices();
  for (const item of items) {
    await slices.pause();
    const { demand } = buildDailyDemand(item.days, {
      days: window.days,
      openingOnHand: item.openingOnHand,
      recordedUntil: item.recordedUntil,
    });
    byItem.set(`${item.productId}:${item.locationId}`, {
      productId: item.productId,
      locationId: item.locationId,
      demand,
    });
    perProduct.set(item.productId, [...(perProduct.get(item.productId) ?? []), demand]);
  }
  const byProduct = new Map<number, Float64Array>();
  for (const [id, list] of perProduct) byProduct.set(id, sumHistories(list, window.days));
  return { byItem, byProduct };
}

/** One SKU's histories (its locations' and its total) out of all, grouped once. */
export function historiesOf(all: ItemHistories): (productId: number) => ItemHistories {
  type Items = ItemHistories['byItem'];
  const items = new Map<number, Items>();
  for (const [key, item] of all.byItem) {
    const own: Items = items.get(item.productId) ?? new Map<string, typeof item>();
    items.set(item.productId, own.set(key, item));
  }
  return (productId) => {
    const total = all.byProduct.get(productId);
    return {
      byItem: items.get(productId) ?? (new Map() as Items),
      byProduct: new Map<number, Float64Array>(total ? [[productId, total]] : []),
    };
  };
}

/**
 * Test-only helpers: FIFO age layers per docs/vocabulary.md (receipts open a layer, outbound consumes the
 * oldest first, a transfer keeps the original received date) and small aggregations over events.
 */
import { parseIsoDate } from '../dates/dates';
import type { DemoEvent } from './types';

interface Layer {
  day: number;
  quantity: number;
}

/** Age buckets of docs/vocabulary.md: 0–90, 91–180, 181–270, 271–365, 365+ days. */
export type AgeBuckets = [number, number, number, number, number];

function bucketOf(age: number): number {
  return age <= 90 ? 0 : age <= 180 ? 1 : age <= 270 ? 2 : age <= 365 ? 3 : 4;
}

export function ageBuckets(events: readonly DemoEvent[], asOf: string): Map<string, AgeBuckets> {
  const layers = new Map<string, Layer[]>();
  const put = (key: string, layer: Layer): void => {
    const list = layers.get(key) ?? [];
    // Transferred layers can be older than the newest layer already there: keep FIFO order.
    let at = list.length;
    while (at > 0 && list[at - 1]!.day > layer.day) at--;
    list.splice(at, 0, layer);
    layers.set(key, list);
  };
  const take = (key: string, quantity: number): Layer[] => {
    const list = layers.get(key) ?? [];
    const taken: Layer[] = [];
    let left = quantity;
    while (left > 0 && list.length > 0) {
      const oldest = list[0]!;
      const n = Math.min(left, oldest.quantity);
      oldest.quantity -= n;
      left -= n;
      taken.push({ day: oldest.day, quantity: n });
      if (oldest.quantity === 0) list.shift();
    }
    return taken;
  };
  for (const e of events) {
    const day = parseIsoDate(e.date);
    if (e.kind === 'transfer') {
      for (const layer of take(`${e.sku}@${e.from}`, e.quantity)) put(`${e.sku}@${e.to}`, layer);
      continue;
    }
    const key = `${e.sku}@${e.location}`;
    if (e.kind === 'sale') take(key, e.quantity);
    else if (e.kind === 'receipt' || (e.kind === 'return' && e.sellable))
      put(key, { day, quantity: e.quantity });
    else if (e.kind === 'adjustment') {
      if (e.quantity < 0) take(key, -e.quantity);
      else put(key, { day, quantity: e.quantity });
    }
  }
  const today = parseIsoDate(asOf);
  const byLocation = new Map<string, AgeBuckets>();
  for (const [key, list] of layers) {
    const location = key.slice(key.lastIndexOf('@') + 1);
    const buckets = byLocation.get(location) ?? [0, 0, 0, 0, 0];
    for (const layer of list) {
      const b = bucketOf(today - layer.day);
      buckets[b] = buckets[b]! + layer.quantity;
    }
    byLocation.set(location, buckets);
  }
  return byLocation;
}

/** Units sold per SKU with dates in [from, to] (ISO strings compare in date order). */
export function unitsSold(
  events: readonly DemoEvent[],
  range: { from: string; to: string },
): Map<string, number> {
  const sold = new Map<string, number>();
  for (const e of events) {
    if (e.kind === 'sale' && e.date >= range.from && e.date <= range.to)
      sold.set(e.sku, (sold.get(e.sku) ?? 0) + e.quantity);
  }
  return sold;
}

export function hasTwoDecimals(x: number): boolean {
  return Math.abs(Math.round(x * 100) / 100 - x) < 1e-9;
}

/**
 * WRMSSE, the M5 accuracy measure (Makridakis, Spiliotis & Assimakopoulos 2022, IJF 38(4), §2.3;
 * M5 Competitors' Guide): RMSSE of every series of the 12-level hierarchy, each scaled by the mean
 * squared one-step difference of its own history from its first non-zero value, weighted by dollar
 * sales (each level sums to 1) and averaged over the 12 levels.
 */

export interface Hierarchy {
  readonly item: readonly string[];
  readonly dept: readonly string[];
  readonly cat: readonly string[];
  readonly store: readonly string[];
  readonly state: readonly string[];
}

export const LEVELS: readonly { readonly name: string; readonly key: (h: Hierarchy, i: number) => string }[] =
  [
    { name: 'total', key: () => 'total' },
    { name: 'state', key: (h, i) => h.state[i]! },
    { name: 'store', key: (h, i) => h.store[i]! },
    { name: 'cat', key: (h, i) => h.cat[i]! },
    { name: 'dept', key: (h, i) => h.dept[i]! },
    { name: 'state_cat', key: (h, i) => `${h.state[i]!}|${h.cat[i]!}` },
    { name: 'state_dept', key: (h, i) => `${h.state[i]!}|${h.dept[i]!}` },
    { name: 'store_cat', key: (h, i) => `${h.store[i]!}|${h.cat[i]!}` },
    { name: 'store_dept', key: (h, i) => `${h.store[i]!}|${h.dept[i]!}` },
    { name: 'item', key: (h, i) => h.item[i]! },
    { name: 'item_state', key: (h, i) => `${h.item[i]!}|${h.state[i]!}` },
    { name: 'item_store', key: (h, i) => `${h.item[i]!}|${h.store[i]!}` },
  ];

export interface WrmsseInput {
  readonly hierarchy: Hierarchy;
  /** Bottom-level history up to the forecast origin. */
  readonly history: readonly Float64Array[];
  readonly actual: readonly Float64Array[];
  readonly forecast: readonly Float64Array[];
  /** Bottom-level dollar sales used as weights. */
  readonly dollars: Float64Array;
}

export interface WrmsseResult {
  readonly wrmsse: number;
  readonly levels: Record<string, number>;
}

/** Mean squared one-step difference from the first non-zero value (0 if fewer than 2 points). */
export function rmsseScale(y: Float64Array): number {
  let t0 = 0;
  while (t0 < y.length && y[t0] === 0) t0++;
  let sum = 0;
  for (let t = t0 + 1; t < y.length; t++) sum += (y[t]! - y[t - 1]!) ** 2;
  return y.length - t0 > 1 ? sum / (y.length - t0 - 1) : 0;
}

export function wrmsse(input: WrmsseInput): WrmsseResult {
  const n = input.history.length;
  const T = input.history[0]?.length ?? 0;
  const H = input.actual[0]?.length ?? 0;
  const levels: Record<string, number> = {};
  let total = 0;
  for (const level of LEVELS) {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = level.key(input.hierarchy, i);
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    }
    let dollarsAll = 0;
    for (let i = 0; i < n; i++) dollarsAll += input.dollars[i]!;
    let score = 0;
    const hist = new Float64Array(T);
    for (const members of groups.values()) {
      hist.fill(0);
      let dollars = 0;
      let se = 0;
      for (const i of members) {
        const h = input.history[i]!;
        for (let t = 0; t < T; t++) hist[t] = hist[t]! + h[t]!;
        dollars += input.dollars[i]!;
      }
      for (let t = 0; t < H; t++) {
        let a = 0;
        let f = 0;
        for (const i of members) {
          a += input.actual[i]![t]!;
          f += input.forecast[i]![t]!;
        }
        se += (a - f) ** 2;
      }
      const scale = rmsseScale(hist);
      // Series that never moved have no scale; M5 excludes them (they also carry no weight).
      if (scale > 0 && dollarsAll > 0) score += (dollars / dollarsAll) * Math.sqrt(se / H / scale);
    }
    levels[level.name] = score;
    total += score / LEVELS.length;
  }
  return { wrmsse: total, levels };
}

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

/** One level's series: its members (bottom-level indices), weight and scale; from the history alone. */
interface Group {
  readonly members: readonly number[];
  readonly weight: number;
  readonly scale: number;
}

/**
 * The part of WRMSSE that depends on the history and weights only (each level's groups, weights and
 * scales), computed once: the returned function scores any number of forecasts (the model's and
 * seasonal naive's) against the same actuals.
 */
export function wrmsseScorer(
  input: Omit<WrmsseInput, 'actual' | 'forecast'>,
): (actual: readonly Float64Array[], forecast: readonly Float64Array[]) => WrmsseResult {
  const n = input.history.length;
  const T = input.history[0]?.length ?? 0;
  let dollarsAll = 0;
  for (let i = 0; i < n; i++) dollarsAll += input.dollars[i]!;
  const hist = new Float64Array(T);
  const levels = LEVELS.map((level) => {
    const byKey = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = level.key(input.hierarchy, i);
      const g = byKey.get(k);
      if (g) g.push(i);
      else byKey.set(k, [i]);
    }
    const groups: Group[] = [...byKey.values()].map((members) => {
      hist.fill(0);
      let dollars = 0;
      for (const i of members) {
        const h = input.history[i]!;
        for (let t = 0; t < T; t++) hist[t] = hist[t]! + h[t]!;
        dollars += input.dollars[i]!;
      }
      return { members, weight: dollarsAll > 0 ? dollars / dollarsAll : 0, scale: rmsseScale(hist) };
    });
    return { name: level.name, groups };
  });
  return (actual, forecast) => {
    const H = actual[0]?.length ?? 0;
    const scores: Record<string, number> = {};
    let total = 0;
    for (const level of levels) {
      let score = 0;
      for (const { members, weight, scale } of level.groups) {
        let se = 0;
        for (let t = 0; t < H; t++) {
          let a = 0;
          let f = 0;
          for (const i of members) {
            a += actual[i]![t]!;
            f += forecast[i]![t]!;
          }
          se += (a - f) ** 2;
        }
        // Series that never moved have no scale; M5 excludes them (they also carry no weight).
        if (scale > 0 && dollarsAll > 0) score += weight * Math.sqrt(se / H / scale);
      }
      scores[level.name] = score;
      total += score / LEVELS.length;
    }
    return { wrmsse: total, levels: scores };
  };
}

export function wrmsse(input: WrmsseInput): WrmsseResult {
  return wrmsseScorer(input)(input.actual, input.forecast);
}

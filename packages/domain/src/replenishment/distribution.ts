/**
 * Distribution across fulfilment locations by where demand comes from: a quantity is split in
 * proportion to each location's forecast demand, in whole cases, by largest remainder.
 * @example splitByDemand(120, { casePack: 12, demand: { A: 3, B: 1 } }) // { A: 96, B: 24 }
 */
export function splitByDemand(
  quantity: number,
  options: { casePack: number; demand: Readonly<Record<string, number>> },
): Record<string, number> {
  const keys = Object.keys(options.demand);
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  if (keys.length === 0 || !(quantity > 0)) return out;
  const pack = Math.max(1, Math.floor(options.casePack));
  const cases = Math.floor(quantity / pack);
  const total = keys.reduce((s, k) => s + Math.max(0, options.demand[k] ?? 0), 0);
  const share = (k: string) => (total > 0 ? Math.max(0, options.demand[k] ?? 0) / total : 1 / keys.length);
  const exact = keys.map((k) => ({ k, x: cases * share(k) }));
  let given = 0;
  for (const e of exact) {
    out[e.k] = Math.floor(e.x) * pack;
    given += Math.floor(e.x);
  }
  for (const e of [...exact].sort(
    (a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)) || a.k.localeCompare(b.k),
  )) {
    if (given >= cases) break;
    out[e.k] = out[e.k]! + pack;
    given++;
  }
  // Loose units that do not fill a case go where most demand is.
  const rest = quantity - cases * pack;
  if (rest > 0) {
    const top = [...keys].sort((a, b) => share(b) - share(a) || a.localeCompare(b))[0]!;
    out[top] = out[top]! + rest;
  }
  return out;
}

/**
 * Order quantity rounding: up to whole cases, then at least the minimum order quantity (itself in
 * whole cases). Zero stays zero: nothing needed means nothing ordered, whatever the MOQ.
 * @example roundOrderQuantity(37, { casePack: 12, moq: 0 })  // 48
 * @example roundOrderQuantity(5, { casePack: 6, moq: 50 })   // 54 (MOQ 50 → 9 cases)
 */
export function roundOrderQuantity(
  need: number,
  options: { casePack: number; moq: number },
): { quantity: number; reason: 'none' | 'case_pack' | 'moq' } {
  if (!(need > 0) || !Number.isFinite(need)) return { quantity: 0, reason: 'none' };
  const pack = Math.max(1, Math.floor(options.casePack));
  const cased = Math.ceil(need / pack) * pack;
  const moq = Math.ceil(Math.max(0, options.moq) / pack) * pack;
  if (moq > cased) return { quantity: moq, reason: 'moq' };
  return { quantity: cased, reason: cased > need ? 'case_pack' : 'none' };
}

/** Unit cost for a quantity: the cheapest price break whose minimum the quantity reaches. */
export function unitCostFor(
  quantity: number,
  options: { unitCost: number | null; priceBreaks?: readonly { minQuantity: number; unitCost: number }[] },
): number | null {
  let best = options.unitCost;
  for (const b of options.priceBreaks ?? []) {
    if (quantity >= b.minQuantity && (best === null || b.unitCost < best)) best = b.unitCost;
  }
  return best;
}

export type DimensionUnit = 'in' | 'cm';
export type WeightUnit = 'lb' | 'oz' | 'kg' | 'g';
export type SizeTier = 'small_standard' | 'large_standard' | 'large_bulky' | 'extra_large';
export type StorageType = 'standard' | 'oversize';

const INCHES_PER: Record<DimensionUnit, number> = { in: 1, cm: 1 / 2.54 };
const POUNDS_PER: Record<WeightUnit, number> = { lb: 1, oz: 1 / 16, kg: 2.2046226218, g: 0.0022046226218 };

export interface PackageDimensions {
  length: number;
  width: number;
  height: number;
  unit: DimensionUnit;
}

/** Sides in inches, longest first. */
export function sortedSidesInches(dims: PackageDimensions): [number, number, number] {
  const f = INCHES_PER[dims.unit];
  const [a, b, c] = [dims.length * f, dims.width * f, dims.height * f].sort((x, y) => y - x);
  return [a ?? 0, b ?? 0, c ?? 0];
}

/**
 * Storage volume in cubic feet: longest × median × shortest side (inches) ÷ 1,728 (docs/formulas.md).
 * @example cubicFeet({ length: 12, width: 10, height: 8, unit: 'in' }) // 0.5556
 */
export function cubicFeet(dims: PackageDimensions): number {
  const [a, b, c] = sortedSidesInches(dims);
  return (a * b * c) / 1728;
}

export function toPounds(weight: number, unit: WeightUnit): number {
  return weight * POUNDS_PER[unit];
}

/**
 * Amazon US product size tier (2024 rules, unit weight only; dimensional weight is a fee concern).
 * small standard ≤ 15×12×0.75 in and ≤ 1 lb; large standard ≤ 18×14×8 in and ≤ 20 lb;
 * large bulky ≤ 59×33×33 in and ≤ 50 lb; otherwise extra-large.
 */
export function sizeTier(dims: PackageDimensions, weightLb: number): SizeTier {
  const [l, m, s] = sortedSidesInches(dims);
  if (l <= 15 && m <= 12 && s <= 0.75 && weightLb <= 1) return 'small_standard';
  if (l <= 18 && m <= 14 && s <= 8 && weightLb <= 20) return 'large_standard';
  if (l <= 59 && m <= 33 && s <= 33 && weightLb <= 50) return 'large_bulky';
  return 'extra_large';
}

/** Storage fees and capacity limits distinguish only standard-size from oversize stock. */
export function storageTypeOf(tier: SizeTier): StorageType {
  return tier === 'small_standard' || tier === 'large_standard' ? 'standard' : 'oversize';
}

/**
 * Category templates for demo products: plausible titles, sizes (inches, pounds) and landed unit
 * costs. A few items are deliberately oversize (Amazon: longest side > 18 in, median > 14 in,
 * shortest > 8 in or > 20 lb) so the oversize capacity pool is not empty.
 */

export interface ItemTemplate {
  noun: string;
  /** Longest, median, shortest side in inches. */
  dims: readonly [number, number, number];
  weightLb: number;
  cost: readonly [number, number];
}

export interface CategoryTemplate {
  category: string;
  prefix: string;
  brand: string;
  supplierCode: string;
  /** Relative share of the catalogue. */
  weight: number;
  /** Share of units sold that come back (docs/vocabulary.md: 2–5 %). */
  returnRate: number;
  /** Day of year of the seasonal peak and its width in days. */
  peakDay: number;
  peakWidth: number;
  variants: readonly string[];
  items: readonly ItemTemplate[];
}

const COLORS = ['Black', 'Charcoal', 'White', 'Navy', 'Sage Green', 'Sand', 'Blush Pink', 'Olive'];
const SIZES = ['Small', 'Medium', 'Large', 'X-Large'];
const Q4_PEAK = 340;

const TOY_VARIANTS = ['Classic', 'Rainbow', 'Pastel', 'Ocean', 'Jungle'];
const PET_VARIANTS = ['Gray', 'Brown', 'Blue', 'Pink', 'Green', 'Black'];
const OUT_VARIANTS = ['Forest Green', 'Slate', 'Orange', 'Navy', 'Desert Tan'];
const BTY_VARIANTS = ['Original', 'Travel Size', 'Unscented', 'Lavender', 'Rose'];
const ELC_VARIANTS = ['Black', 'White', 'Space Gray', 'Blue'];

/** The items of each category, by its SKU prefix. */
const ITEMS = {
  KIT: [
    { noun: 'Silicone Spatula Set (5 pcs)', dims: [12, 4, 2], weightLb: 0.6, cost: [3, 5] },
    { noun: 'Bamboo Cutting Board', dims: [17, 12, 1], weightLb: 3, cost: [6, 9] },
    { noun: 'Stainless Steel Mixing Bowls (3 pcs)', dims: [12, 12, 6], weightLb: 3.4, cost: [7, 11] },
    { noun: 'Glass Meal Prep Containers (10 pk)', dims: [14, 10, 6], weightLb: 5, cost: [8, 12] },
    { noun: 'Gooseneck Pour-Over Kettle', dims: [12, 7, 7], weightLb: 2, cost: [9, 14] },
    { noun: 'Knife Sharpener', dims: [8, 3, 3], weightLb: 0.5, cost: [2.5, 4] },
    { noun: 'Digital Kitchen Scale', dims: [9, 7, 2], weightLb: 1.2, cost: [4, 6] },
    { noun: 'Herb Keeper', dims: [9, 5, 5], weightLb: 0.6, cost: [3, 5] },
    { noun: 'Cast Iron Skillet 12 in', dims: [18, 13, 3], weightLb: 8, cost: [9, 13] },
  ],
  HOM: [
    { noun: 'Linen Throw Pillow Covers (2 pk)', dims: [14, 10, 2], weightLb: 0.8, cost: [3, 5] },
    { noun: 'Blackout Curtain Panels', dims: [14, 11, 3], weightLb: 2.5, cost: [7, 11] },
    { noun: 'Over-the-Toilet Shelf Organizer', dims: [17, 10, 5], weightLb: 4, cost: [8, 12] },
    { noun: 'Plug-in LED Night Light (2 pk)', dims: [5, 4, 3], weightLb: 0.3, cost: [2, 3.5] },
    { noun: 'Cotton Bath Towel Set', dims: [16, 12, 6], weightLb: 4, cost: [9, 14] },
    { noun: 'Fabric Storage Bins (3 pk)', dims: [15, 11, 4], weightLb: 2, cost: [5, 8] },
    { noun: 'Memory Foam Mattress Topper', dims: [38, 16, 16], weightLb: 18, cost: [22, 30] },
    { noun: 'Arc Floor Lamp', dims: [52, 10, 8], weightLb: 14, cost: [18, 26] },
  ],
  TOY: [
    { noun: 'Magnetic Building Tiles (60 pcs)', dims: [14, 10, 4], weightLb: 3, cost: [9, 13] },
    { noun: 'Wooden Jigsaw Puzzle Set', dims: [12, 9, 3], weightLb: 1.5, cost: [4, 6] },
    { noun: 'Plush Dinosaur', dims: [12, 8, 6], weightLb: 0.7, cost: [3, 5] },
    { noun: 'Automatic Bubble Machine', dims: [8, 7, 6], weightLb: 1.2, cost: [5, 8] },
    { noun: 'Family Card Game', dims: [5, 4, 2], weightLb: 0.4, cost: [1.5, 3] },
    { noun: 'Remote Control Stunt Car', dims: [14, 8, 6], weightLb: 2, cost: [8, 12] },
    { noun: 'Double-Sided Kids Art Easel', dims: [46, 24, 4], weightLb: 21, cost: [20, 28] },
  ],
  PET: [
    { noun: 'Dog Poop Bags (360 ct)', dims: [10, 5, 3], weightLb: 1.5, cost: [2.5, 4] },
    { noun: 'Cardboard Cat Scratcher', dims: [18, 10, 4], weightLb: 2.5, cost: [4, 6] },
    { noun: 'Deshedding Grooming Brush', dims: [8, 4, 2], weightLb: 0.4, cost: [2, 3.5] },
    { noun: 'Slow Feeder Dog Bowl', dims: [10, 10, 3], weightLb: 1, cost: [2.5, 4] },
    { noun: 'Dog Chew Toy Set (6 pcs)', dims: [10, 8, 4], weightLb: 1, cost: [3, 5] },
    { noun: 'Orthopedic Dog Bed XL', dims: [44, 32, 8], weightLb: 14, cost: [20, 28] },
    { noun: 'Cat Tree Tower', dims: [30, 20, 12], weightLb: 24, cost: [24, 32] },
  ],
  OUT: [
    { noun: 'Rechargeable Camping Lantern', dims: [8, 5, 5], weightLb: 1, cost: [5, 8] },
    { noun: 'Insulated Water Bottle 32 oz', dims: [11, 4, 4], weightLb: 0.9, cost: [4, 7] },
    { noun: 'Camping Hammock with Straps', dims: [12, 8, 5], weightLb: 2.5, cost: [7, 10] },
    { noun: 'Garden Kneeler Pad', dims: [17, 11, 2], weightLb: 0.8, cost: [3, 5] },
    { noun: 'Soft Cooler Bag 24 Can', dims: [14, 10, 8], weightLb: 2, cost: [8, 12] },
    { noun: 'Folding Camping Chair', dims: [37, 8, 8], weightLb: 9, cost: [12, 17] },
  ],
  BTY: [
    { noun: 'Vitamin C Face Serum 1 oz', dims: [5, 2, 2], weightLb: 0.2, cost: [2, 3.5] },
    { noun: 'Jade Face Roller & Gua Sha', dims: [7, 3, 2], weightLb: 0.4, cost: [2.5, 4] },
    { noun: 'Matte Hair Claw Clips (8 pk)', dims: [8, 5, 2], weightLb: 0.3, cost: [2, 3] },
    { noun: 'Makeup Brush Set (14 pcs)', dims: [9, 5, 2], weightLb: 0.5, cost: [3.5, 5.5] },
    { noun: 'Bath Bomb Gift Set (12 pk)', dims: [10, 8, 4], weightLb: 2, cost: [5, 8] },
  ],
  ELC: [
    { noun: 'Braided USB-C Cable 6 ft (2 pk)', dims: [7, 4, 1], weightLb: 0.25, cost: [1.8, 3] },
    { noun: 'Adjustable Phone Stand', dims: [6, 4, 2], weightLb: 0.4, cost: [2, 3.5] },
    { noun: '15W Wireless Charging Pad', dims: [6, 6, 2], weightLb: 0.4, cost: [3.5, 5.5] },
    { noun: 'Laptop Sleeve 15.6 in', dims: [17, 12, 2], weightLb: 1, cost: [4, 6.5] },
    { noun: 'Cable Management Box', dims: [13, 7, 5], weightLb: 1.5, cost: [4, 6] },
    { noun: 'Bluetooth Tracker Tags (4 pk)', dims: [6, 4, 2], weightLb: 0.3, cost: [6, 9] },
    { noun: 'Dual Monitor Riser Stand', dims: [22, 10, 4], weightLb: 6, cost: [11, 15] },
  ],
  APP: [
    { noun: 'Merino Wool Hiking Socks (3 pairs)', dims: [9, 5, 2], weightLb: 0.5, cost: [5, 7.5] },
    { noun: 'High-Waist Compression Leggings', dims: [11, 8, 1], weightLb: 0.5, cost: [5, 8] },
    { noun: 'Ribbed Fleece-Lined Beanie', dims: [9, 8, 1], weightLb: 0.2, cost: [2.5, 4] },
    { noun: 'Packable Rain Jacket', dims: [13, 10, 3], weightLb: 1.2, cost: [11, 16] },
    { noun: 'Heavyweight Cotton T-Shirt', dims: [11, 9, 1], weightLb: 0.4, cost: [4, 6] },
  ],
} satisfies Record<string, readonly ItemTemplate[]>;

/** One category a row: name, SKU prefix, brand, supplier, share of the catalogue, return rate, peak day and width, variants. */
type CategoryRow = readonly [
  category: string,
  prefix: keyof typeof ITEMS,
  brand: string,
  supplierCode: string,
  weight: number,
  returnRate: number,
  peakDay: number,
  peakWidth: number,
  variants: readonly string[],
];

const CATEGORY_ROWS: readonly CategoryRow[] = [
  ['Kitchen', 'KIT', 'Hearthly', 'SZ-HOME', 16, 0.03, Q4_PEAK, 30, COLORS],
  ['Home', 'HOM', 'Hearthly', 'SZ-HOME', 15, 0.04, Q4_PEAK, 35, COLORS],
  ['Toys & Games', 'TOY', 'Wigglebop', 'YW-TOYS', 12, 0.03, 345, 22, TOY_VARIANTS],
  ['Pet Supplies', 'PET', 'PawPantry', 'NB-PET', 13, 0.025, Q4_PEAK, 40, PET_VARIANTS],
  ['Sports & Outdoors', 'OUT', 'Trailmark', 'BR-WHOLESALE', 11, 0.035, 165, 45, OUT_VARIANTS],
  ['Beauty', 'BTY', 'Lumera', 'BR-WHOLESALE', 10, 0.02, 350, 25, BTY_VARIANTS],
  ['Electronics Accessories', 'ELC', 'Voltiq', 'DG-ELEC', 13, 0.045, 335, 25, ELC_VARIANTS],
  ['Apparel', 'APP', 'Northloop', 'LA-APPAREL', 10, 0.05, 330, 50, SIZES],
];

export const CATEGORIES: readonly CategoryTemplate[] = CATEGORY_ROWS.map(
  ([category, prefix, brand, supplierCode, weight, returnRate, peakDay, peakWidth, variants]) => ({
    category,
    prefix,
    brand,
    supplierCode,
    weight,
    returnRate,
    peakDay,
    peakWidth,
    variants,
    items: ITEMS[prefix],
  }),
);

/** Amazon US size tier; oversize items use a separate capacity pool. */
export function isOversize(dims: {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightLb: number;
}): boolean {
  const [longest, median, shortest] = [dims.lengthIn, dims.widthIn, dims.heightIn].sort((a, b) => b - a);
  return longest! > 18 || median! > 14 || shortest! > 8 || dims.weightLb > 20;
}

/** docs/formulas.md: longest × median × shortest ÷ 1,728. */
export function cubicFeet(dims: { lengthIn: number; widthIn: number; heightIn: number }): number {
  return (dims.lengthIn * dims.widthIn * dims.heightIn) / 1728;
}

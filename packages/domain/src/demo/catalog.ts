/**
 * Builds the product master: titles, identifiers, sizes, costs and prices from the category
 * templates. Demand pattern and listing state come from the role assigned to each SKU.
 */
import { CATEGORIES, cubicFeet, isOversize, type CategoryTemplate, type ItemTemplate } from './catalog-data';
import { makeGtin13 } from './gtin';
import type { Rng } from './prng';
import type { SkuRole } from './roles';
import type { DemoProduct } from './types';

export interface CatalogEntry {
  product: DemoProduct;
  template: CategoryTemplate;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CASE_SIZES = [1, 2, 4, 6, 8, 10, 12, 16, 20, 24, 30, 36, 48, 60];
const DOMESTIC = new Set(['LA-APPAREL', 'BR-WHOLESALE']);

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round1 = (x: number): number => Math.round(x * 10) / 10;

function randomCode(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALNUM.charAt(Math.floor(rng.uniform() * ALNUM.length));
  return s;
}

/** Unique within the seller; a collision is astronomically rare but must not break identity. */
function uniqueCode(rng: Rng, args: { prefix: string; length: number; used: Set<string> }): string {
  for (;;) {
    const code = args.prefix + randomCode(rng, args.length);
    if (!args.used.has(code)) {
      args.used.add(code);
      return code;
    }
  }
}

function pickCategory(rng: Rng): CategoryTemplate {
  const total = CATEGORIES.reduce((s, c) => s + c.weight, 0);
  let r = rng.uniform() * total;
  for (const c of CATEGORIES) {
    r -= c.weight;
    if (r < 0) return c;
  }
  return CATEGORIES[CATEGORIES.length - 1]!;
}

function templateOversize(item: ItemTemplate): boolean {
  return isOversize({
    lengthIn: item.dims[0],
    widthIn: item.dims[1],
    heightIn: item.dims[2],
    weightLb: item.weightLb,
  });
}

/** Oversize items are drawn a fifth as often: a real catalogue is mostly small parcels. */
function pickItem(rng: Rng, template: CategoryTemplate): ItemTemplate {
  const weightOf = (item: ItemTemplate): number => (templateOversize(item) ? 0.2 : 1);
  const total = template.items.reduce((s, it) => s + weightOf(it), 0);
  let r = rng.uniform() * total;
  for (const item of template.items) {
    r -= weightOf(item);
    if (r < 0) return item;
  }
  return template.items[0]!;
}

/** Retail price endings: $x.99 (or $x.49 under $10), from a 2.3–3.9× markup on landed cost. */
function retailPrice(rng: Rng, cost: number): number {
  const raw = cost * rng.float(2.3, 3.9);
  const step = raw < 10 ? 0.5 : 1;
  let price = Math.ceil(raw / step) * step - 0.01;
  // Rounding to a price ending must not leave the 2.2–4× band (the band is far wider than a step).
  while (price > cost * 4) price -= step;
  while (price < cost * 2.2) price += step;
  return round2(price);
}

/** Units per master carton of ~1.5 cu ft, snapped to a size factories actually use. */
function casePackFor(volumeCuFt: number, oversize: boolean): number {
  if (oversize) return 1;
  const raw = 1.5 / Math.max(volumeCuFt, 0.005);
  let best = 1;
  for (const size of CASE_SIZES) if (size <= raw) best = size;
  return best;
}

export function buildCatalog(args: { rng: Rng; roles: readonly SkuRole[] }): CatalogEntry[] {
  const { rng, roles } = args;
  const usedAsins = new Set<string>();
  const usedFnskus = new Set<string>();
  const titleCount = new Map<string, number>();
  // One GS1 company prefix per seller; the item reference is the SKU index. GS1 trades prefix length
  // for item references: a catalogue of more than 9,999 SKUs gets a shorter prefix and 5-digit items.
  const refDigits = roles.length > 9999 ? 5 : 4;
  const companyPrefix = String(rng.int(10000, 99999)).slice(0, 9 - refDigits);
  return roles.map((role, i) => {
    const template = pickCategory(rng);
    const item = pickItem(rng, template);
    const variant = rng.pick(template.variants);
    const jitter = (): number => rng.float(0.92, 1.08);
    const [l, w, h] = item.dims;
    // Jitter must not push a standard-size template over Amazon's size-tier limits.
    const big = templateOversize(item);
    const cap = (x: number, limit: number): number => (big ? x : Math.min(x, limit));
    const dims = {
      lengthIn: cap(round1(l * jitter()), 18),
      widthIn: cap(round1(w * jitter()), 14),
      heightIn: cap(round1(h * jitter()), 8),
    };
    const weightLb = cap(round2(item.weightLb * jitter()), 20);
    const oversize = isOversize({ ...dims, weightLb });
    const unitCost = round2(rng.float(item.cost[0], item.cost[1]));
    const casePack = casePackFor(cubicFeet(dims), oversize);
    const overseas = !DOMESTIC.has(template.supplierCode);
    // Factories want several cartons per SKU; slow movers are bought a carton at a time.
    const moq = role.pattern === 'intermittent' || !overseas ? casePack : casePack * rng.int(2, 5);
    const baseTitle = `${template.brand} ${item.noun}, ${variant}`;
    const seen = (titleCount.get(baseTitle) ?? 0) + 1;
    titleCount.set(baseTitle, seen);
    const variantCode = variant
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase();
    const product: DemoProduct = {
      sku: `${template.prefix}-${String(i + 1).padStart(4, '0')}-${variantCode}`,
      title: seen === 1 ? baseTitle : `${baseTitle} (Pack of ${seen})`,
      barcode: makeGtin13(`085${companyPrefix}${String(i + 1).padStart(refDigits, '0')}`),
      asin: uniqueCode(rng, { prefix: 'B0', length: 8, used: usedAsins }),
      fnsku: uniqueCode(rng, { prefix: 'X00', length: 7, used: usedFnskus }),
      category: template.category,
      brand: template.brand,
      unitCost,
      price: retailPrice(rng, unitCost),
      currency: 'USD',
      ...dims,
      weightLb,
      casePack,
      moq,
      replenishable: role.scenario !== 'discontinued',
      listingStatus:
        role.scenario === 'discontinued' ? 'inactive' : role.scenario === 'listingError' ? 'error' : 'active',
      supplierCode: template.supplierCode,
      demandPattern: role.pattern,
    };
    return { product, template };
  });
}

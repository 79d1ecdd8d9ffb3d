/**
 * Entry point: a complete, believable demo seller from a seed and an as-of date. Pure and
 * deterministic — same options, same seller — so demos, screenshots and tests are reproducible.
 */
import { buildCalendar } from './calendar';
import { buildCatalog } from './catalog';
import { parseIsoDate } from '../dates/dates';
import { demoLocations, demoSuppliers, FBA } from './network';
import { buildPlans } from './plans';
import { deriveSeed, Rng } from './prng';
import { assignRoles } from './roles';
import { simulate, type FinalStock } from './simulate';
import type { DemoSeller, DemoSellerOptions } from './types';

/** Planners look this far past the last simulated day (lead time + cover), so demand exists there. */
const LOOK_AHEAD_DAYS = 240;
const MIN_DAYS = 120;
/** A 5-digit GS1 item reference (catalog.ts) numbers up to 99,999 SKUs. */
const MAX_SKUS = 99_999;

const ACCOUNT_NAMES = [
  'Harbor & Pine Goods',
  'Northwind Home Co.',
  'Bright Meadow Brands',
  'Tall Oak Trading',
  'Blue Fern Supply',
];

export interface DemoSimulation {
  seller: DemoSeller;
  /** On-hand per SKU × location at the end of asOf, as the simulation tracked it. */
  finalStock: FinalStock[];
}

function checkOptions(options: Required<DemoSellerOptions>): void {
  const { seed, skuCount, days } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(skuCount) || skuCount < 1 || skuCount > MAX_SKUS) {
    throw new RangeError(`skuCount must be an integer in 1..${MAX_SKUS}, got ${skuCount}`);
  }
  // Shorter windows cannot hold a launch, a discontinuation and a missed reorder.
  if (!Number.isInteger(days) || days < MIN_DAYS)
    throw new RangeError(`days must be an integer ≥ ${MIN_DAYS}, got ${days}`);
}

export function simulateDemoSeller(options: DemoSellerOptions): DemoSimulation {
  const resolved = {
    seed: options.seed ?? 42,
    asOf: options.asOf,
    skuCount: options.skuCount ?? 300,
    days: options.days ?? 730,
  };
  checkOptions(resolved);
  const { seed, asOf, skuCount, days } = resolved;
  const start = parseIsoDate(asOf) - (days - 1);
  const calendar = buildCalendar(start, days + LOOK_AHEAD_DAYS);
  const catalogRng = new Rng(deriveSeed(seed, 1));
  const roles = assignRoles(catalogRng, skuCount);
  const entries = buildCatalog({ rng: catalogRng, roles });
  const suppliers = demoSuppliers();
  const plans = buildPlans({ seed, entries, roles, suppliers, calendar, days });
  const locations = demoLocations(skuCount);
  const fba = locations.find((l) => l.code === FBA)?.capacityCubicFeet;
  const fbaCapacity = { standard: fba?.standard ?? Infinity, oversize: fba?.oversize ?? Infinity };
  const result = simulate({
    plans,
    calendar,
    days,
    rng: new Rng(deriveSeed(seed, 2)),
    suppliers,
    fbaCapacity,
  });
  const seller: DemoSeller = {
    accountName: catalogRng.pick(ACCOUNT_NAMES),
    asOf,
    locations,
    suppliers,
    products: entries.map((e) => e.product),
    purchaseOrders: result.purchaseOrders,
    events: result.events,
  };
  return { seller, finalStock: result.finalStock };
}

export function generateDemoSeller(options: DemoSellerOptions): DemoSeller {
  return simulateDemoSeller(options).seller;
}

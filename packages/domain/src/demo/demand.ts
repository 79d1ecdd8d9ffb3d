/**
 * Expected daily demand per SKU: level × trend × weekday × yearly season × retail events × life cycle.
 * The "baseline" is what a planner could know in advance (it includes Prime Day and Q4 but not this
 * SKU's own promotions); promotions are a separate price cut with an uplift on the Amazon channel.
 */
import type { Calendar } from './calendar';
import { weekdayLift } from './calendar';
import type { CategoryTemplate } from './catalog-data';
import type { Rng } from './prng';
import type { SkuRole } from './roles';

export interface DemandProfile {
  /** Expected units per day, both channels, no promotions; covers the window plus a look-ahead. */
  baseline: Float64Array;
  /** prefix[i] = sum of baseline[0..i-1], so planners can sum any window in O(1). */
  prefix: Float64Array;
  /** Amazon price cut per simulated day (0 = none) and the matching demand multiplier. */
  promoDiscount: Float64Array;
  promoUplift: Float64Array;
  /** Negative-binomial size: variance = mean + mean²/size. */
  dispersion: number;
  amazonShare: number;
  /** First day with demand (0 unless launched inside the window). */
  launchDay: number;
  /** First day without demand because the line was discontinued (beyond the window otherwise). */
  stopDay: number;
}

interface PatternShape {
  level: (rng: Rng) => number;
  growth: (rng: Rng) => number;
  seasonAmp: (rng: Rng) => number;
  dispersion: number;
}

const SHAPES: Record<SkuRole['pattern'], PatternShape> = {
  smooth: {
    level: (r) => r.logNormal(1.4, 0.9),
    growth: (r) => r.float(-0.08, 0.12),
    seasonAmp: (r) => r.float(0.15, 0.45),
    dispersion: 10,
  },
  seasonal: {
    level: (r) => r.logNormal(1.1, 0.9),
    growth: (r) => r.float(-0.05, 0.1),
    seasonAmp: (r) => r.float(1.5, 3),
    dispersion: 6,
  },
  trending: {
    level: (r) => r.logNormal(1.4, 0.9),
    growth: (r) => (r.chance(0.5) ? r.float(0.35, 0.9) : r.float(-0.7, -0.3)),
    seasonAmp: (r) => r.float(0.2, 0.5),
    dispersion: 6,
  },
  intermittent: {
    level: (r) => r.float(0.03, 0.3),
    growth: () => 0,
    seasonAmp: (r) => r.float(0, 0.3),
    dispersion: 0.35,
  },
  new: {
    level: (r) => r.logNormal(1.8, 0.6),
    growth: () => 0,
    seasonAmp: (r) => r.float(0.2, 0.4),
    dispersion: 3,
  },
};

/** Gaussian bump around the category's peak day, on a circular year. */
function yearlyLift(args: { doy: number; template: CategoryTemplate; amp: number }): number {
  const raw = Math.abs(args.doy - args.template.peakDay);
  const dist = Math.min(raw, 365 - raw) / args.template.peakWidth;
  return 1 + args.amp * Math.exp(-0.5 * dist * dist);
}

function addPromotion(
  profile: DemandProfile,
  args: { from: number; to: number; discount: number; elasticity: number },
): void {
  for (let t = Math.max(0, args.from); t < Math.min(args.to, profile.promoDiscount.length); t++) {
    profile.promoDiscount[t] = args.discount;
    profile.promoUplift[t] = 1 + args.elasticity * args.discount;
  }
}

function addPromotions(args: { rng: Rng; profile: DemandProfile; calendar: Calendar; days: number }): void {
  const { rng, profile, calendar, days } = args;
  const elasticity = rng.float(2.5, 5);
  // Coupons and lightning deals a few times a year.
  const count = rng.poisson((days / 365) * 2.5);
  for (let k = 0; k < count; k++) {
    const from = rng.int(0, days - 7);
    addPromotion(profile, {
      from,
      to: from + rng.int(3, 7),
      discount: rng.pick([0.1, 0.15, 0.2, 0.25]),
      elasticity,
    });
  }
  // Event deals: each Prime Day / cyber week is a separate decision.
  const primeDeal = rng.chance(0.35);
  const cyberDeal = rng.chance(0.3);
  const discount = rng.pick([0.2, 0.25, 0.3]);
  for (let t = 0; t < days; t++) {
    if ((primeDeal && calendar.primeDay[t]) || (cyberDeal && calendar.cyberWeek[t])) {
      addPromotion(profile, { from: t, to: t + 1, discount, elasticity });
    }
  }
}

export function buildDemandProfile(args: {
  rng: Rng;
  role: SkuRole;
  template: CategoryTemplate;
  calendar: Calendar;
  days: number;
  /** Bulky items sell fewer units: a scale on the level and a ceiling. */
  level: { scale: number; max: number };
}): DemandProfile {
  const { rng, role, template, calendar, days } = args;
  const shape = SHAPES[role.pattern];
  const level = Math.min(args.level.max, Math.max(0.02, shape.level(rng) * args.level.scale));
  const growth = role.scenario === 'discontinued' ? rng.float(-0.6, -0.2) : shape.growth(rng);
  const amp = shape.seasonAmp(rng);
  // Normalise the yearly bump so `level` is the average rate over a year, not the off-season rate.
  const seasonNorm = 1 + (amp * template.peakWidth * Math.sqrt(2 * Math.PI)) / 365;
  const length = calendar.length;
  const profile: DemandProfile = {
    baseline: new Float64Array(length),
    prefix: new Float64Array(length + 1),
    promoDiscount: new Float64Array(days),
    promoUplift: new Float64Array(days).fill(1),
    dispersion: shape.dispersion,
    amazonShare: rng.chance(0.35) ? rng.float(0.7, 0.9) : 1,
    launchDay: role.scenario === 'new' ? Math.max(1, days - rng.int(15, 60)) : 0,
    stopDay: role.scenario === 'discontinued' ? Math.max(30, days - rng.int(120, 330)) : length,
  };
  for (let t = 0; t < length; t++) {
    let rate = 0;
    if (t >= profile.launchDay && t < profile.stopDay) {
      const trend = Math.exp((growth * (t - (days - 1))) / 365);
      const season = yearlyLift({ doy: calendar.dayOfYear[t]!, template, amp }) / seasonNorm;
      // Launches ramp up over a month as reviews and ranking build.
      const ramp = role.scenario === 'new' ? Math.min(1, 0.3 + (0.7 * (t - profile.launchDay)) / 30) : 1;
      rate = level * trend * season * weekdayLift(calendar.weekday[t]!) * calendar.eventLift[t]! * ramp;
    }
    profile.baseline[t] = rate;
    profile.prefix[t + 1] = profile.prefix[t]! + rate;
  }
  if (role.pattern !== 'intermittent' && role.scenario !== 'new')
    addPromotions({ rng, profile, calendar, days });
  return profile;
}

/** Expected baseline demand over days [from, from + length), clamped to the profile. */
export function expectedDemand(profile: DemandProfile, args: { from: number; length: number }): number {
  const last = profile.baseline.length;
  const a = Math.min(Math.max(args.from, 0), last);
  const b = Math.min(Math.max(args.from + args.length, 0), last);
  return profile.prefix[b]! - profile.prefix[a]!;
}

/** Rescales expected demand in place (promotions are relative, so they need no change). */
export function scaleDemand(profile: DemandProfile, factor: number): void {
  for (let t = 0; t < profile.baseline.length; t++) {
    profile.baseline[t] = profile.baseline[t]! * factor;
    profile.prefix[t + 1] = profile.prefix[t + 1]! * factor;
  }
}

/** bench:restock worker: weekly forecasts and the four policies for a batch of whole suppliers. */
import { parentPort } from 'node:worker_threads';
import { mulberry32 } from '../../packages/domain/src/demo/prng';
import { US_2024_FEES } from '../../packages/domain/src/fees/us-2024.fixture';
import type { FeeSchedule } from '../../packages/domain/src/fees/fee-schedule';
import type { CatalogueSpanCalibration } from '../../packages/domain/src/forecasting/span-calibration';
import type { DemandForecast } from '../../packages/domain/src/forecasting/types';
import type { WeeklyForecastInput } from './forecasts';
import { weeklyForecasts } from './forecasts';
import { reviewPeriods } from './policies';
import type { GroupInput, LineInput, Policy, Totals } from './simulate';
import { POLICIES, TRAILING_WINDOWS, emptyTotals, simulate } from './simulate';

export const VARIANTS = ['14', '10-30'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * The fee table of the replay: the US 2024 storage rates, aged surcharge and assessment day, without
 * referral, fulfilment or inbound fees (M5 prices are taken as net of selling fees, so a lost sale loses
 * 60% of the price as before).
 */
export const REPLAY_FEES: FeeSchedule = {
  ...US_2024_FEES,
  referralRate: 0,
  fulfilment: [],
  inboundPerCubicFoot: 0,
};

export interface RestockWorkerInput extends WeeklyForecastInput {
  half: number;
  epochDay0: number;
  /** count × days demand (0 when not on sale). */
  demand: Float64Array;
  /** count × days price, gaps filled. */
  price: Float64Array;
  /** The supplier (store × department) of each series, as a batch-local index. */
  groupOf: Int32Array;
  /** Seeds of each supplier's random lead times. */
  groupSeeds: Uint32Array;
  storageRate: Float64Array;
  cubicFeet: number;
  costShare: number;
  serviceLevel?: number | undefined;
  /** The batch's weekly forecasts (`forecastBatch`), made before the catalogue's calibrations were fitted. */
  forecasts?: DemandForecast[][] | undefined;
  /**
   * Per weekly origin k, the catalogue's span calibration fitted on every series' checks at that origin
   * (`catalogueSpanCalibration`, as the nightly forecast run stores it); null: the default.
   */
  calibrations?: readonly (CatalogueSpanCalibration | null)[] | undefined;
}

/** What a worker is asked: the batch's forecasts first, then, with the calibrations, the replay. */
export type RestockWorkerMessage =
  { phase: 'forecast'; input: RestockWorkerInput } | { phase: 'replay'; input: RestockWorkerInput };

export interface ForecastBatchOutput {
  forecasts: DemandForecast[][];
  forecastMs: number;
}

/** The batch's weekly forecasts: forecasts[i][k] made at origin start + 7k from the history before it. */
export function forecastBatch(input: RestockWorkerInput): ForecastBatchOutput {
  const t0 = performance.now();
  const forecasts = weeklyForecasts(input);
  return { forecasts, forecastMs: performance.now() - t0 };
}

/** Policy keys: the order-up-to baseline once per trailing window (one is chosen on the first half). */
export const POLICY_KEYS = POLICIES.flatMap((p) =>
  p === 'orderUpTo' ? TRAILING_WINDOWS.map((w) => `orderUpTo:${w}`) : [p],
);

export interface RestockWorkerOutput {
  /** First and second half totals per variant × policy key. */
  totals: Record<Variant, Record<string, [Totals, Totals]>>;
  /** CPU milliseconds per policy key (both variants), Stockwise without its forecasts. */
  ms: Record<string, number>;
  forecastMs: number;
}

const add = (a: Totals, b: Totals) => {
  for (const k of Object.keys(a) as (keyof Totals)[]) a[k] += b[k];
};

function groupLines(input: RestockWorkerInput): { lines: LineInput[]; forecastMs: number }[] {
  const groups = new Map<number, LineInput[]>();
  const made = input.forecasts ? { forecasts: input.forecasts, forecastMs: 0 } : forecastBatch(input);
  const { forecastMs } = made;
  // Each origin's forecasts carry the catalogue's calibration of that origin, as stored forecasts do.
  const calibrated = (f: DemandForecast, k: number): DemandForecast => {
    const c = input.calibrations?.[k];
    return c ? { ...f, spanCalibration: c } : f;
  };
  for (let i = 0; i < input.count; i++) {
    const block = (a: Float64Array) => a.subarray(i * input.days, (i + 1) * input.days);
    const forecasts = made.forecasts[i]!.map(calibrated);
    const g = input.groupOf[i]!;
    groups.set(g, [
      ...(groups.get(g) ?? []),
      { demand: block(input.demand), price: block(input.price), forecasts },
    ]);
  }
  return [...groups.entries()].map(([, lines], k) => ({ lines, forecastMs: k === 0 ? forecastMs : 0 }));
}

export function runBatch(input: RestockWorkerInput): RestockWorkerOutput {
  const totals = Object.fromEntries(
    VARIANTS.map((v) => [v, Object.fromEntries(POLICY_KEYS.map((k) => [k, [emptyTotals(), emptyTotals()]]))]),
  ) as Record<Variant, Record<string, [Totals, Totals]>>;
  const ms: Record<string, number> = Object.fromEntries(POLICY_KEYS.map((k) => [k, 0]));
  let forecastMs = 0;
  const groups = groupLines(input);
  groups.forEach(({ lines, forecastMs: f }, g) => {
    forecastMs += f;
    const r = mulberry32(input.groupSeeds[g]!);
    const randomLead = Int32Array.from({ length: input.days }, () => 10 + Math.floor(r() * 21));
    const base = {
      lines,
      start: input.start,
      half: input.half,
      epochDay0: input.epochDay0,
      cubicFeet: input.cubicFeet,
      storageRate: input.storageRate,
      costShare: input.costShare,
      schedule: REPLAY_FEES,
      serviceLevel: input.serviceLevel,
    };
    const variants: Record<Variant, Omit<GroupInput, 'reviewDays'>> = {
      '14': { ...base, leadTime: () => 14, leadTimeBelief: { meanDays: 14, sdDays: 0 } },
      // Discrete uniform 10…30 per purchase order: mean 20, sd √((21² − 1)/12) = 6.06.
      '10-30': {
        ...base,
        leadTime: (t) => randomLead[t]!,
        leadTimeBelief: { meanDays: 20, sdDays: Math.sqrt((21 * 21 - 1) / 12) },
      },
    };
    for (const v of VARIANTS) {
      const group: GroupInput = { ...variants[v], reviewDays: reviewPeriods(variants[v]) };
      for (const key of POLICY_KEYS) {
        const t1 = performance.now();
        const [policy, window] = key.split(':') as [Policy, string?];
        const [a, b] = simulate(group, policy, Number(window ?? 28));
        add(totals[v][key]![0], a);
        add(totals[v][key]![1], b);
        ms[key] = ms[key]! + performance.now() - t1;
      }
    }
  });
  return { totals, ms, forecastMs };
}

parentPort?.on('message', (m: RestockWorkerMessage) => {
  parentPort!.postMessage(m.phase === 'forecast' ? forecastBatch(m.input) : runBatch(m.input));
});

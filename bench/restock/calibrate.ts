/**
 * bench:restock:calibrate — are the planned quantiles of demand over planning spans calibrated?
 *
 * For the replay's series and weekly forecasts (./batches.ts, ./forecasts.ts: the same series, days and
 * forecasts as `npm run bench:restock`), the forecast's distribution of demand summed over spans of
 * 7–70 days from each origin (`leadTimeDemandVariance`, the count model restock plans on) against the
 * demand that came. Coverage of a level α is the share of spans whose demand stayed at or below the
 * planned α-quantile, each span weighted by its expected units (as fill rate and stock cost are); with
 * whole units a calibrated model covers at least α, so the fit scores the mid-coverage (half weight to
 * demand equal to the quantile).
 * The span calibration (κ, c of `SPAN_CALIBRATION`) is fitted on spans lying wholly in the FIRST
 * (tuning) half: the grid point with the least Σ (mid-coverage − α)² / (α(1 − α)) over LEVELS and spans
 * of 14 days or more (planning spans: lead times and lead time + review period). Coverage is then
 * reported on the second (held-out) half for the product's constant and for the earlier rule.
 * Flags: --series N, --forecast-cache DIR (as bench:restock). Prints tables, then one JSON line.
 */
import { availableParallelism } from 'node:os';
import type { SpanCalibration } from '../../packages/domain/src/forecasting/lead-time-demand';
import { SPAN_CALIBRATION } from '../../packages/domain/src/forecasting/lead-time-demand';
import { readSales } from '../m5/load';
import { askWorker, startTsxWorker } from '../tsx-worker';
import { arg, replayBatches } from './batches';
import type { SpanRecord } from './span-calibration';
import { EARLIER, LEVELS, MIN_FIT_DAYS, coverage, fitSpanCalibration } from './span-calibration';
import { SPAN_FIELDS } from './span-worker';

async function collect(): Promise<SpanRecord[]> {
  const { batches } = await replayBatches(await readSales());
  const url = new URL('./span-worker.ts', import.meta.url);
  const pool = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, () =>
    startTsxWorker(url),
  );
  const out: SpanRecord[] = [];
  let next = 0;
  await Promise.all(
    pool.map(async (w) => {
      while (next < batches.length) {
        const raw = await askWorker<Float64Array>(w, batches[next++]!);
        const k = SPAN_FIELDS.length;
        for (let i = 0; i + k <= raw.length; i += k) {
          const [half, days, mean, dispersion, levelVariance, actual] = raw.subarray(i, i + k);
          if (mean! > 0)
            out.push({
              half: half!,
              days: days!,
              mean: mean!,
              dispersion: dispersion!,
              levelVariance: levelVariance!,
              actual: actual!,
            });
        }
      }
    }),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  return out;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function table(title: string, rows: [string, SpanRecord[]][], calibration: SpanCalibration) {
  console.log(
    `\n${title}  (κ ${calibration.growth}, c ${calibration.levelScale}; % of spans at or below the quantile)`,
  );
  console.log(['spans', 'n', ...LEVELS.map(String)].map((c) => c.padStart(8)).join(''));
  const out: Record<string, number[]> = {};
  for (const [name, recs] of rows) {
    const c = coverage(recs, calibration);
    out[name] = c.covered.map(round4);
    console.log(
      [name.padStart(8), String(c.n).padStart(8), ...c.covered.map((x) => pct(x).padStart(8))].join(''),
    );
  }
  return out;
}

/** Rows of a report: all planning spans, each span, and by daily demand. */
function rows(records: readonly SpanRecord[]): [string, SpanRecord[]][] {
  const planning = records.filter((r) => r.days >= MIN_FIT_DAYS);
  const spans = [...new Set(records.map((r) => r.days))].sort((a, b) => a - b);
  const byRate = (lo: number, hi: number) =>
    planning.filter((r) => r.mean / r.days >= lo && r.mean / r.days < hi);
  return [
    ['≥14d', planning],
    ...spans.map((d): [string, SpanRecord[]] => [`${d}d`, records.filter((r) => r.days === d)]),
    ['<1/day', byRate(0, 1)],
    ['1-5/day', byRate(1, 5)],
    ['≥5/day', byRate(5, Infinity)],
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const records = await collect();
  const tuning = records.filter((r) => r.half === 0);
  const heldOut = records.filter((r) => r.half === 1);
  const fit = fitSpanCalibration(tuning.filter((r) => r.days >= MIN_FIT_DAYS));
  console.log(
    `fitted on the tuning half: κ ${fit.best.growth}, c ${fit.best.levelScale} (loss ${fit.loss.toFixed(4)})`,
  );
  const matches =
    fit.best.growth === SPAN_CALIBRATION.growth && fit.best.levelScale === SPAN_CALIBRATION.levelScale;
  if (!matches) console.log('the product constant SPAN_CALIBRATION differs from this fit');
  const report = {
    bench: 'restock-span-calibration',
    series: arg('series') ?? 'all',
    fitted: fit.best,
    product: SPAN_CALIBRATION,
    productMatchesFit: matches,
    levels: LEVELS,
    tuning: {
      earlier: table('TUNING half, earlier rule', rows(tuning), EARLIER),
      product: table('TUNING half, product rule', rows(tuning), SPAN_CALIBRATION),
    },
    heldOut: {
      earlier: table('HELD-OUT half, earlier rule', rows(heldOut), EARLIER),
      product: table('HELD-OUT half, product rule', rows(heldOut), SPAN_CALIBRATION),
    },
    wallMs: Math.round(performance.now() - started),
  };
  console.log(JSON.stringify(report));
}

await main();

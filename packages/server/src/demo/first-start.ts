import type { Stockwise } from '../stockwise';
import type { DemoLoadResult } from './load-demo';
import { loadDemoSeller } from './load-demo';

/** A step of the first start: what it does now, and how far the whole start is (0–1). */
export type StepReporter = (fraction: number, message: string) => void;

/**
 * `stockwise start` on an empty data folder, and `stockwise demo`: the demo seller, then its first
 * forecast run, so the dashboard opens on forecasts and a restock plan instead of waiting for the
 * worker's daily run (which then skips the day: the account has today's run).
 * The demo load is the first 80 % of the progress, the forecast the rest.
 */
export async function firstStart(
  sw: Stockwise,
  report: StepReporter,
  demoOptions: { seed?: number; skuCount?: number } = {},
): Promise<DemoLoadResult> {
  const demo = await loadDemoSeller(sw, {
    ...demoOptions,
    onProgress: (fraction, message) => {
      report(fraction * 0.8, `demo seller: ${message}`);
    },
  });
  const actor = await sw.auth.ownerOf(demo.accountName);
  report(0.8, 'first forecast run');
  await sw.forecasts.run(actor, {
    onProgress: (fraction, message) => {
      report(0.8 + fraction * 0.2, `first forecast run: ${message}`);
      return Promise.resolve();
    },
  });
  report(1, 'ready');
  return demo;
}

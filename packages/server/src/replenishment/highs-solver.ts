import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import highsLoader from 'highs';
import type { LpSolver } from '@stockwise/domain/replenishment/capacity';

let loading: Promise<LpSolver> | undefined;

/**
 * HiGHS (LP/MIP in WebAssembly), loaded once per process from the wasm file that ships in the
 * package — no network. Each solve is a fresh native instance; MIPs stop at a 0.1% gap or 5 s.
 */
export function loadLpSolver(): Promise<LpSolver> {
  loading ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('highs/runtime'));
    const highs = await highsLoader({ wasmBinary: wasm });
    return (lp: string) => {
      const s = highs.solve(lp, { output_flag: false, mip_rel_gap: 1e-3, time_limit: 5 });
      const columns: Record<string, number> = {};
      for (const [name, col] of Object.entries(s.Columns)) columns[name] = (col as { Primal: number }).Primal;
      return { status: s.Status, columns };
    };
  })();
  return loading;
}

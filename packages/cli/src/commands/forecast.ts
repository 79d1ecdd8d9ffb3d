import type { Command } from 'commander';
import { Option } from 'commander';
import { describeOverrides } from '@stockwise/domain/forecasting/overrides';
import type { AppliedOverride } from '@stockwise/domain/forecasting/types';
import type { StorageFlags } from '../options';
import { isoDateFlag, print, reporting, runAdminCommand, withStorage } from '../options';

interface ForecastFlags extends StorageFlags {
  sku?: string;
  location?: string;
  horizon: string;
  asOf?: string;
  account?: string;
}

interface ForecastOut {
  sku: string;
  model: string;
  demandClass: string;
  forecast: { date: string; mean: number; q50: number; q90: number; q95: number }[];
  overrides: AppliedOverride[];
}

export function registerForecastCommands(program: Command): void {
  withStorage(
    program.command('forecast').description('forecast demand: one SKU (--sku) or a run over every SKU'),
  )
    .addOption(new Option('--sku <sku>', 'show one SKU instead of running all'))
    .addOption(new Option('--location <code>', 'with --sku: one location'))
    .addOption(new Option('--horizon <days>', 'days ahead').default('90'))
    .addOption(
      new Option(
        '--as-of <date>',
        'first forecast day, YYYY-MM-DD (default today): forecast from the history before it',
      ),
    )
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(
      reporting(async (flags: ForecastFlags) => {
        const horizon = Number(flags.horizon);
        if (!Number.isInteger(horizon) || horizon < 1 || horizon > 365)
          throw new Error('--horizon must be a whole number of days from 1 to 365');
        const account = {
          ...(flags.account ? { account: flags.account } : {}),
          ...(flags.asOf ? { asOf: isoDateFlag(flags.asOf) } : {}),
        };
        if (flags.sku) {
          const f = (await runAdminCommand(flags, {
            command: 'forecast.get',
            sku: flags.sku,
            horizon,
            ...account,
            ...(flags.location ? { location: flags.location } : {}),
          })) as unknown as ForecastOut;
          const total = f.forecast.reduce((s, p) => s + p.mean, 0);
          const lines = f.forecast
            .slice(0, 14)
            .map(
              (p) =>
                `  ${p.date}  mean ${p.mean.toFixed(2).padStart(8)}  p50 ${String(p.q50).padStart(5)}  p90 ${String(p.q90).padStart(5)}  p95 ${String(p.q95).padStart(5)}`,
            );
          print(
            flags,
            f,
            [
              `${f.sku}: ${f.model} (${f.demandClass}), ${total.toFixed(1)} units expected over ${String(horizon)} days`,
              ...(f.overrides.length > 0 ? [`  ${describeOverrides(f.overrides)}`] : []),
              ...lines,
              f.forecast.length > 14 ? '  …' : '',
            ].join('\n'),
          );
        } else {
          const run = await runAdminCommand(flags, { command: 'forecast.run', horizon, ...account });
          print(
            flags,
            run,
            `forecast run ${String(run['runId'])}: ${String(run['series'])} series as of ${String(run['asOf'])}; models ${JSON.stringify(run['models'])}`,
          );
        }
      }),
    );
}

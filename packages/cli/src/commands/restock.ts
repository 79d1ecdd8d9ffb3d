import type { Command } from 'commander';
import { Option } from 'commander';
import type { StorageFlags } from '../options';
import { isoDateFlag, print, reporting, runAdminCommand, withStorage } from '../options';

interface RestockFlags extends StorageFlags {
  location?: string;
  supplier?: string;
  alert?: 'out_of_stock' | 'reorder_now' | 'reorder_soon' | 'any';
  mode?: 'direct' | 'via_warehouse' | 'bulk_warehouse';
  all?: boolean;
  asOf?: string;
  account?: string;
}

interface PlanOut {
  asOf: string;
  mode: string;
  items: {
    sku: string;
    location: string;
    action: string;
    source: string | null;
    recommendedQuantity: number;
    orderByDate: string | null;
    shipDate: string | null;
    alert: string | null;
    daysOfSupply: number | null;
    estimatedCost: number | null;
    reasoning: { summary: string };
  }[];
  capacity: { summary: string; binding: boolean }[];
  totals: { lines: number; units: number; estimatedCost: number; alerts: Record<string, number> };
}

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

export function registerRestockCommands(program: Command): void {
  withStorage(
    program
      .command('restock')
      .description('restock recommendations: what to order or ship, how much, by when'),
  )
    .addOption(new Option('--location <code>', 'one location').env('STOCKWISE_LOCATION'))
    .addOption(new Option('--supplier <code>', 'one supplier'))
    .addOption(
      new Option('--alert <alert>', 'only this alert').choices([
        'out_of_stock',
        'reorder_now',
        'reorder_soon',
        'any',
      ]),
    )
    .addOption(
      new Option('--mode <mode>', 'supply chain mode').choices(['direct', 'via_warehouse', 'bulk_warehouse']),
    )
    .addOption(new Option('--all', 'also SKUs with nothing to order'))
    .addOption(new Option('--as-of <date>', 'plan as of this day, YYYY-MM-DD (default today)'))
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(
      reporting(async (flags: RestockFlags) => {
        const plan = (await runAdminCommand(flags, {
          command: 'restock',
          ...(flags.account ? { account: flags.account } : {}),
          ...(flags.location ? { location: flags.location } : {}),
          ...(flags.supplier ? { supplier: flags.supplier } : {}),
          ...(flags.alert ? { alert: flags.alert } : {}),
          ...(flags.mode ? { mode: flags.mode } : {}),
          ...(flags.asOf ? { asOf: isoDateFlag(flags.asOf) } : {}),
          onlyOrders: !flags.all && !flags.alert,
        })) as unknown as PlanOut;
        const header = `${pad('SKU', 18)} ${pad('LOCATION', 10)} ${pad('ALERT', 13)} ${'QTY'.padStart(7)} ${pad('ORDER BY', 10)} ${pad('SHIP', 10)} ${'DAYS'.padStart(6)} ${pad('FROM', 12)}`;
        const rows = plan.items.map(
          (i) =>
            `${pad(i.sku, 18)} ${pad(i.location, 10)} ${pad(i.alert ?? '-', 13)} ${String(i.recommendedQuantity).padStart(7)} ${pad(i.orderByDate ?? '-', 10)} ${pad(i.shipDate ?? '-', 10)} ${(i.daysOfSupply === null ? '-' : i.daysOfSupply.toFixed(0)).padStart(6)} ${pad(`${i.action === 'transfer' ? '⇄ ' : ''}${i.source ?? '-'}`, 12)}`,
        );
        const alerts =
          Object.entries(plan.totals.alerts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'no alerts';
        const human = [
          `Restock plan as of ${plan.asOf} (${plan.mode}): ${plan.totals.lines} lines, ${plan.totals.units} units, est. $${plan.totals.estimatedCost.toFixed(2)}; ${alerts}`,
          header,
          ...rows,
          ...plan.capacity.filter((c) => c.binding).map((c) => `capacity: ${c.summary}`),
        ].join('\n');
        print(flags, plan, human);
      }),
    );
}

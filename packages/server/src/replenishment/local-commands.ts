import { z } from 'zod';
import type { Stockwise } from '../stockwise';
import { ownerCommand } from '../local-command';
import { RESTOCK_ALERTS, SUPPLY_MODES } from './restock.schema';

/** `stockwise restock` as a local command, so the CLI works while a server owns the data folder. */
export const RESTOCK_LOCAL_COMMAND = ownerCommand('restock', {
  location: z.string().max(32).optional(),
  supplier: z.string().max(32).optional(),
  alert: z.enum([...RESTOCK_ALERTS, 'any']).optional(),
  mode: z.enum(SUPPLY_MODES).optional(),
  onlyOrders: z.boolean().optional(),
  asOf: z.iso.date().optional(),
});
export type RestockLocalCommand = z.infer<typeof RESTOCK_LOCAL_COMMAND>;

export async function runRestockCommand(
  sw: Stockwise,
  command: RestockLocalCommand,
): Promise<Record<string, unknown>> {
  // The command's filters are the plan's query, by the same names.
  const { command: _command, account, ...query } = command;
  return sw.restock.plan(await sw.auth.ownerOf(account), query);
}

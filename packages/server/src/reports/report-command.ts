import { z } from 'zod';
import { REPORT_KINDS } from './reports.schema';
import type { Stockwise } from '../stockwise';
import { ownerCommand } from '../local-command';
import { reportBuffer } from './report-writers';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `stockwise report KIND`, run by the process that owns the data (the CLI, or the server for it). */
export const REPORT_LOCAL_COMMAND = ownerCommand('report', {
  kind: z.enum(REPORT_KINDS),
  format: z.enum(['json', 'csv', 'xlsx']),
  asOf: date.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  from: date.optional(),
  to: date.optional(),
});
export type ReportLocalCommand = z.infer<typeof REPORT_LOCAL_COMMAND>;

/** JSON: columns and every row; CSV/XLSX: the file as base64 (the CLI writes it out). */
export async function runReportCommand(
  sw: Stockwise,
  command: ReportLocalCommand,
): Promise<Record<string, unknown>> {
  const actor = await sw.auth.ownerOf(command.account);
  const params = sw.reports.params(command);
  const { columns, rows } = await sw.reports.stream(actor, command.kind, params);
  if (command.format === 'json') {
    const all = [];
    for await (const page of rows) all.push(...page);
    return { kind: command.kind, asOf: params.asOf, columns, rows: all };
  }
  const content = await reportBuffer(command.format, { sheet: command.kind, columns }, rows);
  return {
    kind: command.kind,
    asOf: params.asOf,
    format: command.format,
    filename: `stockwise-${command.kind}-${params.asOf}.${command.format}`,
    contentBase64: content.toString('base64'),
  };
}

import { writeFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { IMPORT_KINDS } from '@stockwise/domain/imports/import-formats';
import { parseSalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import { DomainError } from '@stockwise/domain/errors';
import { ChannelConnectSchema } from '../channels/channels.schema';
import type { Stockwise } from '../stockwise';
import { ownerCommand } from '../local-command';
import { EXPORT_KINDS, exportCsv } from './exports';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => isAbsolute(p), 'an absolute path');

/** CLI commands on orders, channels and imports that a running server runs for the CLI (local-control.ts). */
export const SALES_LOCAL_COMMANDS = [
  ownerCommand('import.start', {
    kind: z.enum(IMPORT_KINDS),
    path: absolutePath,
    skipInvalid: z.boolean().optional(),
    rejectsPath: absolutePath.optional(),
    location: z.string().max(32).optional(),
    readAt: z.iso.datetime({ offset: true }).optional(),
    mapping: z.string().max(4000).optional(),
  }),
  ownerCommand('job.get', { jobId: z.number().int().min(1) }),
  ownerCommand('export', {
    kind: z.enum(EXPORT_KINDS),
    out: absolutePath.optional(),
  }),
  ownerCommand('channel.add', {
    type: z.enum(['shopify', 'amazon', 'manual', 'other']),
    shopDomain: z.string().max(255).optional(),
    webhookSecret: z.string().max(500).optional(),
    accessToken: z.string().max(500).optional(),
    location: z.string().max(32).optional(),
    safetyBuffer: z.number().int().min(0).optional(),
    availabilityUrl: z.string().max(500).optional(),
    availabilitySecret: z.string().max(500).optional(),
    pushAvailability: z.boolean().optional(),
  }),
] as const;

const _salesCommandSchema = z.discriminatedUnion('command', [...SALES_LOCAL_COMMANDS]);
export type SalesLocalCommand = z.infer<typeof _salesCommandSchema>;

export async function collectExport(
  sw: Stockwise,
  actor: Parameters<typeof exportCsv>[1],
  kind: (typeof EXPORT_KINDS)[number],
): Promise<string> {
  let csv = '';
  for await (const chunk of exportCsv(sw.tx, actor, kind)) csv += chunk;
  return csv;
}

export async function runSalesCommand(
  sw: Stockwise,
  command: SalesLocalCommand,
): Promise<Record<string, unknown>> {
  const actor = await sw.auth.ownerOf(command.account);
  switch (command.command) {
    case 'import.start': {
      const job = await sw.jobs.enqueue(actor, 'import.file', {
        kind: command.kind,
        path: command.path,
        skipInvalid: command.skipInvalid ?? false,
        rejectsPath: command.rejectsPath,
        location: command.location,
        ...(command.readAt ? { readAt: command.readAt } : {}),
        ...(command.kind === 'sales-history' ? { mapping: parseSalesHistoryMapping(command.mapping) } : {}),
      });
      return { jobId: job.id };
    }
    case 'job.get':
      return sw.jobs.get(actor, command.jobId);
    case 'export': {
      const csv = await collectExport(sw, actor, command.kind);
      if (command.out) {
        await writeFile(command.out, csv);
        return { out: command.out, bytes: Buffer.byteLength(csv) };
      }
      return { csv };
    }
    case 'channel.add': {
      if ((command.availabilityUrl === undefined) !== (command.availabilitySecret === undefined))
        throw new DomainError(
          'VALIDATION_FAILED',
          'the availability webhook needs --availability-url and --availability-secret together',
          { field: 'availabilityUrl' },
        );
      let availabilityWebhook: { url: string; secret: string } | undefined;
      if (command.availabilityUrl && command.availabilitySecret) {
        const parsed = ChannelConnectSchema.safeParse({
          type: 'manual',
          availabilityWebhook: { url: command.availabilityUrl, secret: command.availabilitySecret },
        });
        if (!parsed.success)
          throw new DomainError(
            'VALIDATION_FAILED',
            `availability webhook: ${parsed.error.issues.map((i) => `${i.path.slice(1).join('.')} ${i.message}`).join('; ')}`,
            { field: 'availabilityUrl' },
          );
        availabilityWebhook = { url: command.availabilityUrl, secret: command.availabilitySecret };
      }
      const common = {
        ...(command.location ? { location: command.location } : {}),
        ...(command.safetyBuffer !== undefined ? { safetyBuffer: command.safetyBuffer } : {}),
        ...(availabilityWebhook ? { availabilityWebhook } : {}),
        ...(command.pushAvailability !== undefined ? { pushAvailability: command.pushAvailability } : {}),
      };
      if (command.type === 'shopify') {
        if (!command.shopDomain || !command.webhookSecret)
          throw new DomainError('VALIDATION_FAILED', 'shopify needs --shop-domain and --webhook-secret', {
            field: 'shopDomain',
          });
        return sw.channels.connect(actor, {
          type: 'shopify',
          shopDomain: command.shopDomain,
          webhookSecret: command.webhookSecret,
          ...(command.accessToken ? { accessToken: command.accessToken } : {}),
          ...common,
        });
      }
      if (command.type === 'amazon')
        return sw.channels.connect(actor, { type: 'amazon', marketplaceId: 'ATVPDKIKX0DER', ...common });
      return sw.channels.connect(actor, { type: command.type, ...common });
    }
  }
}

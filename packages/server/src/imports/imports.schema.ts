import { z } from '@hono/zod-openapi';
import { IMPORT_KINDS } from '@stockwise/domain/imports/import-formats';
import { IMPORT_PARAMETERS } from '@stockwise/domain/imports/import-parameters';
import { LocationCodeSchema, TextSchema } from '../http/common.schema';

export const ImportKindParam = z.object({
  kind: z.enum(IMPORT_KINDS).openapi({ param: { name: 'kind', in: 'path' }, example: 'orders' }),
});

export const ImportQuerySchema = z.object({
  skipInvalid: z.enum(['true', 'false']).default('false').openapi({
    description:
      'apply the rows that can be applied and report the rest with line and reason (default: any failing row refuses the file)',
  }),
  async: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: 'validate and stage now, apply in a background job (202 with the job)' }),
  location: LocationCodeSchema.optional().openapi({
    description:
      'amazon-inventory, amazon-inventory-age: the Amazon location to reconcile; amazon-returns: where the returns come back (default: the first amazon_fba location); returns: where a line that names no location comes back (default: where its order shipped from)',
  }),
  readAt: z.iso.datetime({ offset: true }).optional().openapi({
    description:
      "amazon-inventory: when the report was taken (ISO instant, default: now). It counts as a read of Amazon's figures at the location: an FBA order shipped before it is sales history only (docs/decisions.md 47, 53)",
    example: '2024-05-10T06:00:00Z',
  }),
  fileName: TextSchema(255).optional(),
  mapping: z.string().max(4000).optional().openapi({
    description:
      'sales-history: a JSON object naming the file\'s columns — {"orderId","date","sku","title","quantity","unitPrice","currency","customer","country","cancelPrefix","cancelColumn","createProducts":true}; date, sku and quantity are required',
    example:
      '{"orderId":"Invoice","date":"InvoiceDate","sku":"StockCode","quantity":"Quantity","unitPrice":"Price","cancelPrefix":"C","createProducts":true}',
  }),
});

const Reject = z.object({ line: z.number().int(), field: z.string(), message: z.string() });

export const ImportResultSchema = z
  .object({
    importId: z.number().int(),
    kind: z.enum(IMPORT_KINDS),
    status: z
      .enum(['applied', 'unchanged'])
      .openapi({ description: 'unchanged: this file was imported before; nothing changed' }),
    rows: z.number().int(),
    rejected: z.number().int(),
    rejects: z.array(Reject),
    applied: z.record(z.string(), z.unknown()),
  })
  .openapi('ImportResult');

export const ImportQueuedSchema = z
  .object({
    importId: z.number().int(),
    rows: z.number().int(),
    rejected: z.number().int(),
    rejects: z.array(Reject),
    jobId: z.number().int(),
  })
  .openapi('ImportQueued');

export const ImportSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    fileName: z.string().nullable(),
    status: z.string(),
    rowsTotal: z.number().int(),
    rowsRejected: z.number().int(),
    result: z.unknown(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Import');

export const ImportFormatSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    delimiter: z.enum([',', '\t']).openapi({ description: 'comma (CSV) or tab (Amazon flat files)' }),
    quoted: z.boolean().openapi({ description: 'fields may be quoted (RFC 4180)' }),
    required: z.array(z.string()),
    optional: z.array(z.string()),
    parameters: z
      .array(z.enum(IMPORT_PARAMETERS))
      .openapi({ description: 'query parameters this kind reads beyond the file (mapping, readAt)' }),
  })
  .openapi('ImportFormat');

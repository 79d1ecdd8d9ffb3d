import { z } from '@hono/zod-openapi';
import { DomainError } from '@stockwise/domain/errors';
import { IMPORT_FORMATS, IMPORT_KINDS } from '@stockwise/domain/imports/import-formats';
import { importParameters, importReads } from '@stockwise/domain/imports/import-parameters';
import { parseSalesHistoryMapping } from '@stockwise/domain/imports/sales-history';
import {
  ImportFormatSchema,
  ImportKindParam,
  ImportQuerySchema,
  ImportQueuedSchema,
  ImportResultSchema,
  ImportSchema,
} from './imports.schema';
import type { Stockwise } from '../stockwise';
import { IdempotencyHeaderSchema, itemsOf, jsonResponse, section, securedRoute } from '../http/router';

/** Imports stream their body (no 1 MiB JSON limit) up to this size. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

export function importsRoutes(sw: Stockwise) {
  const { app, op, serve } = section(['Imports']);

  app.openapi(
    securedRoute({
      method: 'post',
      path: '/{kind}',
      tags: ['Imports'],
      summary:
        'Import a file: orders, products, stock (counts) as CSV; amazon-orders (All Orders report), amazon-inventory (FBA Manage Inventory), amazon-inventory-age (FBA inventory planning / age report), amazon-returns (FBA customer returns report), amazon-settlement (V2 settlement report: fees, refunds and reimbursements per SKU, once per settlement id), amazon-shipments (Amazon Fulfilled Shipments report: FBA orders at their shipment date, synced orders re-dated; once per shipment item) as tab-separated flat files; returns (returns / credit notes) as CSV',
      description:
        'The body is the file itself, streamed. Every row is validated; by default one invalid row — or one that cannot be applied (unknown SKU or location, a count below what open orders reserve, an order that cannot be reserved, a barcode another product has) — refuses the whole file (400/404/409 naming the line) and nothing changes. With skipInvalid=true those rows are left out and listed in `rejects` (line, field, message) and the rest is applied. Sales histories, order files, stock counts and products apply in committed chunks that resume where they stopped after a crash or shutdown (each row once); the other kinds apply in one transaction. Re-importing the same file changes nothing (`status: unchanged`). Formats: README, "Imports".',
      request: {
        params: ImportKindParam,
        query: ImportQuerySchema,
        headers: IdempotencyHeaderSchema,
        body: {
          content: {
            'text/csv': { schema: z.string() },
            'text/tab-separated-values': { schema: z.string() },
          },
          required: true,
        },
      },
      responses: {
        201: jsonResponse('Applied (or unchanged)', ImportResultSchema),
        202: jsonResponse('Staged; a job applies it', ImportQueuedSchema),
      },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      const q = c.req.valid('query');
      const body = c.req.raw.body;
      if (!body)
        throw new DomainError('VALIDATION_FAILED', 'send the file as the request body', { field: '(body)' });
      const length = Number(c.req.header('Content-Length') ?? 0);
      if (length > MAX_IMPORT_BYTES)
        throw new DomainError('VALIDATION_FAILED', `files are limited to ${MAX_IMPORT_BYTES} bytes`, {
          field: '(body)',
        });
      const input = {
        kind,
        source: body as unknown as AsyncIterable<Uint8Array>,
        fileName: q.fileName ?? null,
        skipInvalid: q.skipInvalid === 'true',
        location: q.location,
        readAt: importReads(kind, 'readAt') ? q.readAt : undefined,
        totalBytes: length || undefined,
        mapping: importReads(kind, 'mapping') ? parseSalesHistoryMapping(q.mapping) : undefined,
      };
      const actor = c.get('actor');
      if (q.async === 'true') {
        const staged = await sw.imports.stage(actor, input);
        if (staged.status === 'unchanged') return c.json(staged, 201);
        const job = await sw.jobs.enqueue(actor, 'import.apply', {
          importId: staged.importId,
          ...(q.location ? { location: q.location } : {}),
          ...(input.readAt ? { readAt: input.readAt } : {}),
        });
        return c.json(
          {
            importId: staged.importId,
            rows: staged.rows,
            rejected: staged.rejected,
            rejects: staged.rejects,
            jobId: job.id,
          },
          202,
        );
      }
      return c.json(await sw.imports.run(actor, input), 201);
    },
  );

  serve(
    op.list(
      '/formats',
      'The import kinds and the columns each reads (header names; the rest of a row is ignored)',
      jsonResponse('The kinds, in the order to offer them', itemsOf(ImportFormatSchema)),
    ),
    () =>
      Promise.resolve({
        items: IMPORT_KINDS.map((kind) => {
          const { required, optional, ...format } = IMPORT_FORMATS[kind];
          return {
            kind,
            ...format,
            required: [...required],
            optional: [...optional],
            parameters: [...importParameters(kind)],
          };
        }),
      }),
  );
  serve(
    op.list('/', 'Recent imports', jsonResponse('Imports, newest first', itemsOf(ImportSchema))),
    async (actor) => ({ items: await sw.imports.list(actor) }),
  );
  return app;
}

import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import { CONTENT_TYPES } from './report-writers';

/** The `200` of a report operation: its JSON, or (`?format=csv|xlsx`) the whole report as a file. */
export function reportResponse<T extends z.ZodType>(description: string, schema: T) {
  return {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: { type: 'string' as const } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string' as const, format: 'binary' },
      },
    },
  };
}

/** Answers a report file as a download named `<name>.<format>`. */
export function reportDownload(
  c: Context,
  format: keyof typeof CONTENT_TYPES,
  name: string,
  body: ReadableStream<Uint8Array>,
): Response {
  return c.body(body, 200, {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${name}.${format}"`,
  });
}

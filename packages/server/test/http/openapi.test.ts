import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { BACKENDS, useStockwise } from '../support/backends';

// The document does not depend on the storage backend: the embedded one is enough.
describe('OpenAPI document', () => {
  const ctx = useStockwise(BACKENDS[0]!);

  it('is a valid OpenAPI 3.1 document (schema, references, unique operation ids, parameters)', async () => {
    const res = await ctx.app.request('/api/openapi.json');
    const doc = (await res.json()) as Record<string, unknown>;
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('documents security on every /api/v1 operation except sign-in, setup and the session probe', async () => {
    const doc = (await (await ctx.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (
        !path.startsWith('/api/v1/') ||
        path.startsWith('/api/v1/auth/login') ||
        path.startsWith('/api/v1/auth/setup') ||
        path === '/api/v1/auth/session' ||
        path.includes('/webhooks')
      )
        continue;
      for (const [method, op] of Object.entries(methods))
        expect(op.security, `${method} ${path}`).toBeDefined();
    }
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../src/http/api-types';
import { openApiJson } from '../../src/http/openapi-document';

describe('the web API types (packages/web/src/api/schema.gen.ts)', () => {
  it('match the OpenAPI document the routes publish (run `npm run gen:api` when this fails)', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes(await openApiJson());
    expect(committed, 'schema.gen.ts is stale: run `npm run gen:api`').toBe(fresh);
  }, 180_000);
});

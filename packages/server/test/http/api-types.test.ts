import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, formatOpenApiDocument } from '../../src/http/api-types';
import { openApiJson } from '../../src/http/openapi-document';

// The web's API types are generated from this committed document (scripts/gen-api-types.mjs), so a stale
// document means stale types: this is the check that the generated types follow the routes.
describe('the committed OpenAPI document (packages/web/src/api/openapi.json)', () => {
  it('matches the document the routes publish (run `npm run gen:api` when this fails)', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8');
    const fresh = await formatOpenApiDocument(await openApiJson());
    expect(committed, 'openapi.json is stale: run `npm run gen:api`').toBe(fresh);
  }, 180_000);
});

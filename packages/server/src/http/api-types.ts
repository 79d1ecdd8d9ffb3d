import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

/**
 * The committed OpenAPI document the web's API types are generated from (`scripts/gen-api-types.mjs` writes
 * `packages/web/src/api/schema.gen.ts` from it, a build output; docs/decisions.md §21). The web talks to the
 * server over HTTP only, so it gets types, not code.
 */
export const OPENAPI_FILE = fileURLToPath(new URL('../../../web/src/api/openapi.json', import.meta.url));

/** The OpenAPI document's JSON text as it is committed: Prettier-formatted, so that diffs are reviewable. */
export async function formatOpenApiDocument(openApiJson: string): Promise<string> {
  const options = await prettier.resolveConfig(OPENAPI_FILE);
  return prettier.format(openApiJson, { ...options, filepath: OPENAPI_FILE });
}

import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, formatOpenApiDocument } from './api-types';
import { openApiJson } from './openapi-document';

const GEN_TYPES = fileURLToPath(new URL('../../../../scripts/gen-api-types.mjs', import.meta.url));

// `npm run gen:api`: writes the OpenAPI document the routes publish (committed), then the web's API types from it.
await writeFile(OPENAPI_FILE, await formatOpenApiDocument(await openApiJson()));
console.log(`wrote ${OPENAPI_FILE}`);
const types = spawnSync(process.execPath, [GEN_TYPES, '--force'], { stdio: 'inherit' });
process.exit(types.status ?? 1);

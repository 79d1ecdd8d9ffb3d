import { writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, generateApiTypes } from './api-types';
import { openApiJson } from './openapi-document';

// `npm run gen:api`: regenerates the web's API types from the routes.
await writeFile(API_TYPES_FILE, await generateApiTypes(await openApiJson()));
console.log(`wrote ${API_TYPES_FILE}`);

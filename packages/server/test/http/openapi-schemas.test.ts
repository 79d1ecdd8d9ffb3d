import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiJson } from '../../src/http/openapi-document';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every schema object in the document, with where it sits (parameters, bodies, responses, components). */
function schemasIn(node: Json, where: string, found: { where: string; schema: JsonObject }[] = []) {
  if (Array.isArray(node)) node.forEach((child, i) => schemasIn(child, `${where}/${i}`, found));
  else if (isObject(node)) {
    if (
      typeof node['type'] === 'string' ||
      Array.isArray(node['type']) ||
      '$ref' in node ||
      'pattern' in node
    )
      found.push({ where, schema: node });
    for (const [key, child] of Object.entries(node)) schemasIn(child, `${where}/${key}`, found);
  }
  return found;
}

const examplesOf = (schema: JsonObject): Json[] => [
  ...('example' in schema ? [schema['example']!] : []),
  ...(Array.isArray(schema['examples']) ? schema['examples'] : []),
];

const COMPONENTS_ID = 'https://stockwise.dev/openapi.json';
const COMPONENT_REF = '#/components/schemas/';

/** Points `#/components/schemas/X` at X in the JSON Schema registered under COMPONENTS_ID. */
function absoluteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)
        ? `${COMPONENTS_ID}#/$defs/${value.slice(COMPONENT_REF.length)}`
        : absoluteRefs(value),
    ]),
  );
}

describe('OpenAPI document: patterns and examples', () => {
  let doc: JsonObject;
  let schemas: { where: string; schema: JsonObject }[];
  beforeAll(async () => {
    doc = JSON.parse(await openApiJson()) as JsonObject;
    schemas = schemasIn(doc, '#');
  });

  it('publishes every pattern as an ECMAScript regex without flags that accepts its own examples', () => {
    const patterned = schemas.filter(({ schema }) => typeof schema['pattern'] === 'string');
    expect(patterned.length).toBeGreaterThan(50);
    for (const { where, schema } of patterned) {
      const pattern = schema['pattern'] as string;
      // A regex literal's source with its flags (`^a$/u`) still compiles, so name that shape outright.
      expect(pattern, `${where}: a regex literal, not a pattern`).not.toMatch(/\/[dgimsuvy]+$/);
      for (const flags of ['', 'u']) {
        const regex = new RegExp(pattern, flags);
        for (const example of examplesOf(schema))
          if (typeof example === 'string')
            expect(regex.test(example), `${where}: /${pattern}/${flags} rejects its example ${example}`).toBe(
              true,
            );
      }
    }
  });

  it('has every example valid against its schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('binary', true); // OpenAPI's file upload marker, not a string constraint
    ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', 'param']);
    const components = isObject(doc['components']) ? doc['components']['schemas'] : undefined;
    ajv.addSchema({ $id: COMPONENTS_ID, $defs: absoluteRefs(components ?? {}) });

    const withExamples = schemas.filter(({ schema }) => examplesOf(schema).length > 0);
    expect(withExamples.length).toBeGreaterThan(20);
    for (const { where, schema } of withExamples) {
      const validate = ajv.compile(absoluteRefs(schema) as never);
      for (const example of examplesOf(schema))
        expect(
          validate(example),
          `${where}: ${JSON.stringify(example)} ${ajv.errorsText(validate.errors)}`,
        ).toBe(true);
    }
  });
});

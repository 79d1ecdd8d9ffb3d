import { beforeAll, describe, expect, it } from 'vitest';
import { openApiJson } from '../../src/http/openapi-document';
import { absoluteRefs, documentAjv, isObject, type Json, type JsonObject } from '../support/openapi-schemas';

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
    const ajv = documentAjv(doc);

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

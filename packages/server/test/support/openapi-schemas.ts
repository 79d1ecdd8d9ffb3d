import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const COMPONENTS_ID = 'https://stockwise.dev/openapi.json';
const COMPONENT_REF = '#/components/schemas/';

/** Points `#/components/schemas/X` at X in the JSON Schema registered under COMPONENTS_ID. */
export function absoluteRefs(node: Json): Json {
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

/** Every object schema that lists its properties admits no other: what a response carries is documented. */
function closed(node: Json): Json {
  if (Array.isArray(node)) return node.map(closed);
  if (!isObject(node)) return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  return isObject(node['properties']) && !('additionalProperties' in node)
    ? { ...out, additionalProperties: false }
    : out;
}

/**
 * A JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) that knows the document's component
 * schemas; `closed`: objects with listed properties refuse any other.
 */
export function documentAjv(doc: JsonObject, options: { closed?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true); // OpenAPI's file upload marker, not a string constraint
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', 'param']);
  const components = isObject(doc['components']) ? doc['components']['schemas'] : undefined;
  const defs = absoluteRefs(components ?? {});
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: options.closed ? closed(defs) : defs });
  return ajv;
}

/** The document's component schema `name` (with `path` below it, as JSON Pointer segments) as a validator. */
export function componentValidator(ajv: Ajv2020, name: string, ...path: string[]) {
  return ajv.compile({ $ref: `${COMPONENTS_ID}#/$defs/${[name, ...path].join('/')}` });
}

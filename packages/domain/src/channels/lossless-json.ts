/**
 * JSON.parse loses digits of integers beyond 2^53 (Shopify order and line ids reach 2^63). This
 * parses JSON text with every integer literal that is not a safe integer turned into a string, by
 * quoting it in the text first (a small tokenizer that skips string literals), then JSON.parse.
 * Malformed JSON still throws SyntaxError.
 */
export function parseJsonLossless(text: string): unknown {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      i += 1;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i += 2;
        else if (c === 34) break;
        else i += 1;
      }
      i += 1;
      continue;
    }
    if (ch === 45 /* - */ || (ch >= 48 && ch <= 57)) {
      const start = i;
      i += 1;
      while (i < n && isNumberChar(text.charCodeAt(i))) i += 1;
      const literal = text.slice(start, i);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(last, start)}"${literal}"`;
        last = i;
      }
      continue;
    }
    i += 1;
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last)) as unknown;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

/** An id as text, whether the JSON carried it as a number or (after parseJsonLossless) a string. */
export function idText(value: unknown): string | null {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

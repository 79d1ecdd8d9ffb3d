/**
 * Invisible Unicode format characters (category Cf): bidirectional overrides and isolates, zero-width
 * spaces and joiners, the soft hyphen, the byte-order mark. In a SKU or a code they make two identifiers
 * that look the same differ (`MUG-1` and `MUG-1` followed by a zero-width space), or make one display reversed (Trojan Source). SKUs
 * and codes refuse them (docs/vocabulary.md, "Identifiers"). No flags, so OpenAPI clients read it the same.
 */
export const FORMAT_CHARACTERS =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;

/** The same rule as a whole-string pattern (for schemas): no format character anywhere. */
export const NO_FORMAT_CHARACTERS =
  /^[^\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]*$/;

/**
 * Location and supplier codes: a letter or digit, then letters, digits, dots, dashes or underscores
 * (docs/vocabulary.md, "Identifiers"). ASCII only, so no format character either; the schemas state that
 * rule as well, so a code with one is refused with the same reason as a SKU.
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const CODE_MAX_LENGTH = 32;

/** Imported columns that hold identifiers matched exactly: SKUs and location codes. */
export const IDENTIFIER_COLUMNS: ReadonlySet<string> = new Set(['sku', 'location']);

/** Whether an identifier (SKU, code) holds an invisible format character. */
export function hasFormatCharacters(text: string): boolean {
  return FORMAT_CHARACTERS.test(text);
}

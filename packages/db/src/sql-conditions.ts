/**
 * The optional conditions of a list query, built next to its parameters: `add('p.sku = ?', sku)` appends
 * the value to `params` and writes that parameter's `$n` where the clause has `?`.
 */
export class Conditions {
  readonly clauses: string[] = [];

  constructor(private readonly params: unknown[]) {}

  add(clause: string, value: unknown): void {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('?', `$${this.params.length}`));
  }

  /** The clauses, each after an AND (` AND a AND b`); empty without any. */
  and(): string {
    return this.clauses.map((c) => ` AND ${c}`).join('');
  }
}

/** An ILIKE pattern matching values that contain `text` (its `\`, `%` and `_` taken literally). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

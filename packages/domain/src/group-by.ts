/** `rows` in lists by `key`, each row mapped by `map`; the lists keep the rows' order (a statement's ORDER BY). */
export function groupBy<R, K, T>(rows: readonly R[], key: (row: R) => K, map: (row: R) => T): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(map(row));
    else out.set(key(row), [map(row)]);
  }
  return out;
}

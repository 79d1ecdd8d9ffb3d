/**
 * One key hierarchy per resource (Medusa's queryKeysFactory): invalidating `keys.all` refreshes
 * every list and detail of that resource, `keys.lists()` only the lists.
 */
export function queryKeysFactory<const Scope extends string>(scope: Scope) {
  return {
    all: [scope] as const,
    lists: () => [scope, 'list'] as const,
    list: (query?: object) => [scope, 'list', query ?? {}] as const,
    details: () => [scope, 'detail'] as const,
    detail: (id: string | number, query?: object) => [scope, 'detail', id, query ?? {}] as const,
  };
}

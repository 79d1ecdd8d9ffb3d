import type { createApp } from '../../src/http/app';
import type { Stockwise } from '../../src/stockwise';
import type { Role } from '@stockwise/domain/accounts/roles';
import { useStockwiseWith, type Backend, type StockwiseContext } from './backends';
import { newAccount, type TestAccount } from './factories';
import { client } from './http-client';

export type Api = ReturnType<typeof client>;

export interface OwnerApi {
  readonly sw: Stockwise;
  readonly app: ReturnType<typeof createApp>;
  /** A new account's owner, made before the suite's own `beforeAll` hooks run. */
  readonly owner: TestAccount;
  /** The HTTP API as that owner calls it (bearer token, in-process). */
  readonly api: Api;
}

/**
 * A fresh Stockwise on `backend` (`useStockwise`) with one new account whose owner calls the API — the setup
 * most HTTP suites start from: `const t = useOwnerApi(backend); … await t.api.post(…)`.
 */
export function useOwnerApi(backend: Backend): OwnerApi {
  return useStockwiseWith(backend, ['owner', 'api'], newAccountApi);
}

/**
 * A new account with one user of `role` (owner by default) and the HTTP API as that user calls it — for a test
 * that wants an account of its own: `const { owner, api } = await newAccountApi(ctx);`.
 */
export async function newAccountApi(
  { sw, app }: StockwiseContext,
  role: Role = 'owner',
): Promise<{ owner: TestAccount; api: Api }> {
  const owner = await newAccount(sw, role);
  return { owner, api: client(app, owner.token) };
}

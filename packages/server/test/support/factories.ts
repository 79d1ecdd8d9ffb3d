import { randomBytes } from 'node:crypto';
import type { Role } from '@stockwise/domain/accounts/roles';
import { gtinCheckDigit } from '@stockwise/domain/catalog/barcode';
import type { Actor } from '../../src/accounts/actor';
import type { Stockwise } from '../../src/stockwise';
import type { ProductCreate, LocationCreate } from '../../src/catalog/catalog.schema';
import type { MovementCreate } from '../../src/ledger/ledger.schema';

export const uid = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

/** A random, valid EAN-13. */
export function newGtin13(): string {
  const body = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join('');
  return body + String(gtinCheckDigit(body));
}

export function productInput(overrides: Partial<ProductCreate> = {}): ProductCreate {
  return {
    sku: uid('SKU-'),
    title: 'Test mug',
    barcode: newGtin13(),
    unitCost: 2.5,
    price: 9.99,
    ...overrides,
  };
}

/** A SKU the planner can buy and price: a unit cost, a price and a case pack (the restock tests' usual SKU). */
export function plannedProduct(sku: string, overrides: Partial<ProductCreate> = {}): ProductCreate {
  return { sku, title: sku, unitCost: 4, price: 20, casePack: 1, ...overrides };
}

/** A 6 × 5 × 4 in, 1 lb mug bought in cases of 6, with a valid barcode. */
export function caseOfMugs(sku: string, overrides: Partial<ProductCreate> = {}): ProductCreate {
  return plannedProduct(sku, {
    title: `Mug ${sku}`,
    barcode: newGtin13(),
    casePack: 6,
    length: 6,
    width: 5,
    height: 4,
    weight: 1,
    ...overrides,
  });
}

/** A POST /movements body: a `type` movement of `quantity` units of `sku` at `location` (spread in any more fields). */
export function movementBody(
  type: MovementCreate['type'],
  sku: string,
  location: string,
  quantity: number,
): Record<string, unknown> {
  return { type, sku, location, quantity };
}

export function locationInput(overrides: Partial<LocationCreate> = {}): LocationCreate {
  return { code: uid('WH'), name: 'Test warehouse', type: 'warehouse', ...overrides };
}

export interface TestAccount {
  accountName: string;
  email: string;
  password: string;
  token: string;
  actor: Actor;
}

/** The member acting with `role`, and an API token for them. */
async function tokenFor(
  sw: Stockwise,
  member: { accountId: number; userId: number },
  role: Role,
): Promise<{ actor: Actor; token: string }> {
  const actor: Actor = {
    accountId: member.accountId,
    userId: member.userId,
    role,
    tokenId: null,
    sessionId: null,
  };
  const { token } = await sw.auth.createToken(actor, 'tests');
  return { actor, token };
}

/** A new account with one user of `role` and an API token for them. */
export async function newAccount(sw: Stockwise, role: Role = 'owner'): Promise<TestAccount> {
  const accountName = uid('Account ');
  const email = `${uid('user-')}@example.com`;
  const password = 'correct horse battery';
  const member = await sw.auth.createUser(accountName, { email, password, role });
  return { accountName, email, password, ...(await tokenFor(sw, member, role)) };
}

/** Adds another member with `role` to an existing account. */
export async function addMember(sw: Stockwise, account: TestAccount, role: Role): Promise<TestAccount> {
  const email = `${uid('user-')}@example.com`;
  const member = await sw.auth.createUser(account.accountName, { email, password: account.password, role });
  return { ...account, email, ...(await tokenFor(sw, member, role)) };
}

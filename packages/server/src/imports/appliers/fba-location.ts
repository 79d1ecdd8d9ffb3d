import { DomainError } from '@stockwise/domain/errors';
import type { Sql } from '@stockwise/db/database';
import { importsRepository } from '@stockwise/db/imports/imports.repository';

/**
 * The Amazon location an FBA report is about: the one named, else the account's first amazon_fba
 * location. UNKNOWN_LOCATION (with `whenNone` when there is none) otherwise.
 */
export async function fbaLocation(
  sql: Sql,
  accountId: number,
  q: { location: string | undefined; whenNone: string },
): Promise<{ code: string; id: number }> {
  const code = q.location ?? (await importsRepository.firstFbaLocation(sql, accountId));
  const id = code ? await importsRepository.locationId(sql, accountId, code) : undefined;
  if (!code || id === undefined)
    throw new DomainError('UNKNOWN_LOCATION', code ? `unknown location ${code}` : q.whenNone, {
      field: 'location',
    });
  return { code, id };
}

export const NO_FBA_LOCATION_TO_RECONCILE =
  'no amazon_fba location to reconcile: create one or pass a location';

import { DomainError } from '@stockwise/domain/errors';
import type { Page } from '@stockwise/db/pagination';
import type {
  LocationFields,
  LocationRecord,
  LocationListQuery,
} from '@stockwise/db/catalog/locations.repository';
import { locationsRepository } from '@stockwise/db/catalog/locations.repository';
import type { LocationCreate, LocationDto, LocationUpdate } from './catalog.schema';
import type { Actor } from '../accounts/actor';
import { auditedWrite, requirePermission } from '../accounts/actor';
import { stripUndefined } from './catalog.service';
import type { Transactor } from '../platform/transactor';
import { mapPage } from '../platform/page';
import { recordTimes } from '../platform/record-times';

export function mapLocationDto(l: LocationRecord): LocationDto {
  return {
    code: l.code,
    name: l.name,
    type: l.type,
    marketplace: l.marketplace,
    capacityCubicFeet: l.capacityCubicFeet,
    active: l.active,
    ...recordTimes(l),
  };
}

export class LocationsService {
  constructor(private readonly tx: Transactor) {}

  async createLocation(actor: Actor, input: LocationCreate): Promise<LocationDto> {
    requirePermission(actor, 'catalog:write');
    const fields: LocationFields = {
      marketplace: null,
      capacityCubicFeet: {},
      active: true,
      ...stripUndefined(input),
    };
    return auditedWrite(this.tx, actor, 'location.create', async (sql) => {
      const created = await locationsRepository.create(sql, actor.accountId, fields);
      if (!created)
        throw new DomainError('DUPLICATE', `location ${input.code} already exists`, { field: 'code' });
      return { entity: ['location', created.code], before: null, after: mapLocationDto(created) };
    });
  }

  async updateLocation(actor: Actor, code: string, patch: LocationUpdate): Promise<LocationDto> {
    requirePermission(actor, 'catalog:write');
    return auditedWrite(this.tx, actor, 'location.update', async (sql) => {
      const existing = await this.requireLocation(actor, code);
      const changed = { ...existing, ...stripUndefined(patch) };
      const updated = await locationsRepository.update(sql, actor.accountId, existing.id, changed);
      return {
        entity: ['location', code],
        before: mapLocationDto(existing),
        after: mapLocationDto(updated!),
      };
    });
  }

  async getLocation(actor: Actor, code: string): Promise<LocationDto> {
    return mapLocationDto(await this.requireLocation(actor, code));
  }

  async listLocations(actor: Actor, q: LocationListQuery): Promise<Page<LocationDto>> {
    const page = await locationsRepository.list(this.tx.sql, actor.accountId, q);
    return mapPage(page, mapLocationDto);
  }

  async requireLocation(actor: Actor, code: string, field = 'location'): Promise<LocationRecord> {
    const location = await locationsRepository.findByCode(this.tx.sql, actor.accountId, code);
    if (!location) throw new DomainError('UNKNOWN_LOCATION', `unknown location ${code}`, { field });
    return location;
  }
}

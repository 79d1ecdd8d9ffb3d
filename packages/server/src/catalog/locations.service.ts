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
import { auditTrail, requirePermission } from '../accounts/actor';
import { stripUndefined } from './catalog.service';
import type { Transactor } from '../platform/transactor';
import { mapPage } from '../platform/page';

export function mapLocationDto(l: LocationRecord): LocationDto {
  return {
    code: l.code,
    name: l.name,
    type: l.type,
    marketplace: l.marketplace,
    capacityCubicFeet: l.capacityCubicFeet,
    active: l.active,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
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
    return this.tx.run(async (sql) => {
      const created = await locationsRepository.create(sql, actor.accountId, fields);
      if (!created)
        throw new DomainError('DUPLICATE', `location ${input.code} already exists`, { field: 'code' });
      const dto = mapLocationDto(created);
      await auditTrail(sql, actor).record('location.create', ['location', created.code], null, dto);
      return dto;
    });
  }

  async updateLocation(actor: Actor, code: string, patch: LocationUpdate): Promise<LocationDto> {
    requirePermission(actor, 'catalog:write');
    return this.tx.run(async (sql) => {
      const existing = await this.requireLocation(actor, code);
      const updated = await locationsRepository.update(sql, actor.accountId, existing.id, {
        ...existing,
        ...stripUndefined(patch),
      });
      const dto = mapLocationDto(updated!);
      await auditTrail(sql, actor).record(
        'location.update',
        ['location', code],
        mapLocationDto(existing),
        dto,
      );
      return dto;
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

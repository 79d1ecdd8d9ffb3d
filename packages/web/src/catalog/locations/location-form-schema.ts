import type { LocationCreate, LocationType } from '../../api/types';
import type { MessageKey } from '../../i18n/translate';

/** Mirrors the server's LocationCreate schema so mistakes show before a round trip. */
export interface LocationForm {
  code: string;
  name: string;
  type: LocationType;
  marketplace: string;
  capacity: string;
}

export const LOCATION_TYPES: LocationType[] = ['warehouse', 'amazon_fba', '3pl'];
export const EMPTY_LOCATION: LocationForm = {
  code: '',
  name: '',
  type: 'warehouse',
  marketplace: '',
  capacity: '',
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function validateLocation(form: LocationForm): Partial<Record<keyof LocationForm, MessageKey>> {
  const errors: Partial<Record<keyof LocationForm, MessageKey>> = {};
  if (!CODE.test(form.code) || form.code.length > 32) errors.code = 'settings.codeRule';
  if (!form.name.trim()) errors.name = 'form.required';
  if (form.marketplace.length > 10) errors.marketplace = 'form.tooLong';
  if (form.capacity && !(Number(form.capacity) >= 0)) errors.capacity = 'form.notANumber';
  return errors;
}

export function toLocationCreate(form: LocationForm): LocationCreate {
  return {
    code: form.code,
    name: form.name.trim(),
    type: form.type,
    marketplace: form.marketplace.trim() || null,
    ...(form.capacity ? { capacityCubicFeet: { total: Number(form.capacity) } } : {}),
  };
}

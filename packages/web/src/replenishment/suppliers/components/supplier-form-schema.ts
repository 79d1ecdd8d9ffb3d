import type { Supplier, SupplierUpdate } from '../../suppliers.hooks';

/** The edit form's fields: strings for text inputs (empty = none), whole days for the stages. */
export interface SupplierForm {
  name: string;
  email: string;
  phone: string;
  paymentTermsDays: number;
  productionDays: number;
  transitDays: number;
  groundDays: number;
  checkInDays: number;
  notes: string;
  active: boolean;
}

export function supplierFormSchema(s: Supplier): SupplierForm {
  return {
    name: s.name,
    email: s.email ?? '',
    phone: s.phone ?? '',
    paymentTermsDays: s.paymentTermsDays,
    productionDays: s.leadTime.productionDays,
    transitDays: s.leadTime.transitDays,
    groundDays: s.leadTime.groundDays,
    checkInDays: s.leadTime.checkInDays,
    notes: s.notes ?? '',
    active: s.active,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function toSupplierPatch(form: SupplierForm): SupplierUpdate {
  return {
    name: form.name.trim(),
    email: orNull(form.email),
    phone: orNull(form.phone),
    paymentTermsDays: form.paymentTermsDays,
    leadTime: {
      productionDays: form.productionDays,
      transitDays: form.transitDays,
      groundDays: form.groundDays,
      checkInDays: form.checkInDays,
    },
    notes: orNull(form.notes),
    active: form.active,
  };
}

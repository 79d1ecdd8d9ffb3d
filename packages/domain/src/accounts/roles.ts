export const ROLES = ['owner', 'manager', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'read'
  | 'inventory:write' // movements, receiving, orders
  | 'catalog:write' // products, locations, suppliers, settings
  | 'users:manage'; // users, roles, other people's tokens

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'inventory:write', 'catalog:write', 'users:manage'],
  manager: ['read', 'inventory:write', 'catalog:write'],
  staff: ['read', 'inventory:write'],
  viewer: ['read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

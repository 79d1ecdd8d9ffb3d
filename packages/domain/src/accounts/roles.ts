export const ROLES = ['owner', 'manager', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read',
  'inventory:write', // movements, receiving, orders
  'catalog:write', // products, locations, suppliers, settings
  'users:manage', // users, roles, other people's tokens
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'inventory:write', 'catalog:write', 'users:manage'],
  manager: ['read', 'inventory:write', 'catalog:write'],
  staff: ['read', 'inventory:write'],
  viewer: ['read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Everything `role` may do: the server publishes it with the signed-in user so clients need no copy of this table. */
export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

import type { Role } from '../api/types';

/**
 * Mirrors the server's role grants so the UI hides what the server would refuse. The server
 * remains the authority; this only avoids showing buttons that can only fail.
 */
export type Permission = 'inventory:write' | 'catalog:write' | 'users:manage' | 'tokens:write';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['inventory:write', 'catalog:write', 'users:manage', 'tokens:write'],
  manager: ['inventory:write', 'catalog:write', 'tokens:write'],
  staff: ['inventory:write', 'tokens:write'],
  viewer: [],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

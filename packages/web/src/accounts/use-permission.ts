import type { Permission } from '../api/types';
import { useMe } from './auth.hooks';

/**
 * Whether the signed-in user's role may do `permission` here, as the server publishes it with the user (GET /auth/me):
 * the UI hides what the server would refuse. The server remains the authority.
 */
export function usePermission(permission: Permission): boolean {
  return useMe().data?.permissions.includes(permission) ?? false;
}

import { can, type Permission } from '../lib/permissions';
import { useMe } from './api/auth';

export function usePermission(permission: Permission): boolean {
  const me = useMe();
  return can(me.data?.account.role, permission);
}

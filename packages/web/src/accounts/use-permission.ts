import { can, type Permission } from './permissions';
import { useMe } from './auth.hooks';

export function usePermission(permission: Permission): boolean {
  const me = useMe();
  return can(me.data?.account.role, permission);
}

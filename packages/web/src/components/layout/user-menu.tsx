import { ActionIcon, Menu, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { useLogout } from '../../accounts/auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { IconUser } from '../common/icons';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="default"
          size="lg"
          radius="xl"
          aria-label={t('header.userMenu')}
          data-testid="user-menu"
        >
          <IconUser />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={500} c="var(--mantine-color-text)" translate="no">
            {me.user.name ?? me.user.email}
          </Text>
          <Text size="xs" translate="no">
            {me.user.email}
          </Text>
          <Text size="xs">{t(`role.${me.account.role}`)}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          onClick={() => {
            logout.mutate(undefined, { onSuccess: () => void navigate('/login') });
          }}
        >
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

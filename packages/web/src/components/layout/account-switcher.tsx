import { Button, Menu, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { useSwitchAccount } from '../../accounts/auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { IconChevronDown } from '../common/icons';

export function AccountSwitcher({ me }: { me: Me }) {
  const { t } = useI18n();
  const switchAccount = useSwitchAccount();
  const navigate = useNavigate();

  // With one account there is nothing to switch: show its name only.
  if (me.accounts.length < 2) {
    return (
      <Text size="sm" fw={500} truncate maw={260} translate="no" visibleFrom="sm" data-testid="account-name">
        {me.account.name}
      </Text>
    );
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-sm"
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('header.account')}
          maw={280}
        >
          <Text span size="sm" truncate translate="no">
            {me.account.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('header.switchAccount')}</Menu.Label>
        {me.accounts.map((account) => (
          <Menu.Item
            key={account.id}
            disabled={account.id === me.account.id || switchAccount.isPending}
            aria-current={account.id === me.account.id ? 'true' : undefined}
            onClick={() => {
              switchAccount.mutate(account.id, { onSuccess: () => void navigate('/') });
            }}
            rightSection={
              <Text size="xs" c="dimmed">
                {t(`role.${account.role}`)}
              </Text>
            }
          >
            <span translate="no">{account.name}</span>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

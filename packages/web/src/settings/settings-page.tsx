import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/common/page-header';
import { useI18n } from '../i18n/i18n-context';
import { FeesTab } from '../fees/fees-tab';
import { LocationsTab } from '../catalog/locations/locations-tab';
import { NotificationsTab } from '../alerts/notifications-tab';
import { TokensTab } from '../accounts/tokens-tab';
import { UsersTab } from '../accounts/users-tab';

const TABS = ['locations', 'fees', 'notifications', 'users', 'tokens'] as const;
type Tab = (typeof TABS)[number];

export default function SettingsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const tab: Tab = TABS.includes(params['tab'] as Tab) ? (params['tab'] as Tab) : 'locations';

  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(`/settings/${value ?? 'locations'}`)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="locations">{t('settings.locations')}</Tabs.Tab>
          <Tabs.Tab value="fees">{t('settings.fees')}</Tabs.Tab>
          <Tabs.Tab value="notifications">{t('settings.notifications')}</Tabs.Tab>
          <Tabs.Tab value="users">{t('settings.users')}</Tabs.Tab>
          <Tabs.Tab value="tokens">{t('settings.tokens')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="locations" pt="md">
          <LocationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="fees" pt="md">
          <FeesTab />
        </Tabs.Panel>
        <Tabs.Panel value="notifications" pt="md">
          <NotificationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

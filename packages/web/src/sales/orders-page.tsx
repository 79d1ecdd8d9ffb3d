import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/common/page-header';
import { useI18n } from '../i18n/i18n-context';
import { ChannelsTab } from '../channels/channels-tab';
import { ImportsTab } from '../imports/imports-tab';
import { OrdersTab } from './orders-tab';

const TABS = ['orders', 'channels', 'imports'] as const;
type Tab = (typeof TABS)[number];

/** Orders from every channel, the channels themselves, and file imports with their progress and rejects. */
export default function OrdersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const tab: Tab = TABS.includes(params['tab'] as Tab) ? (params['tab'] as Tab) : 'orders';
  return (
    <Stack gap="md">
      <PageHeader title={t('orders.title')} description={t('orders.subtitle')} />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(`/orders/${value ?? 'orders'}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`orders.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="orders" pt="md">
          <OrdersTab />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="md">
          <ChannelsTab />
        </Tabs.Panel>
        <Tabs.Panel value="imports" pt="md">
          <ImportsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

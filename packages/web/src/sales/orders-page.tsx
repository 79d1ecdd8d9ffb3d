import { TabbedPage } from '../components/common/tabbed-page';
import { useI18n } from '../i18n/i18n-context';
import { ChannelsTab } from '../channels/channels-tab';
import { ImportsTab } from '../imports/imports-tab';
import { OrdersTab } from './orders-tab';

/** Orders from every channel, the channels themselves, and file imports with their progress and rejects. */
export default function OrdersPage() {
  const { t } = useI18n();
  return (
    <TabbedPage
      title={t('orders.title')}
      description={t('orders.subtitle')}
      basePath="/orders"
      tabs={[
        { value: 'orders', label: t('orders.tab.orders'), panel: <OrdersTab /> },
        { value: 'channels', label: t('orders.tab.channels'), panel: <ChannelsTab /> },
        { value: 'imports', label: t('orders.tab.imports'), panel: <ImportsTab /> },
      ]}
    />
  );
}

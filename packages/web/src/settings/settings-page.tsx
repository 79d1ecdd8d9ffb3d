import { TabbedPage } from '../components/common/tabbed-page';
import { useI18n } from '../i18n/i18n-context';
import { FeesTab } from '../fees/fees-tab';
import { LocationsTab } from '../catalog/locations/locations-tab';
import { NotificationsTab } from '../alerts/notifications-tab';
import { ReportSchedulesTab } from './report-schedules-tab';
import { TokensTab } from '../accounts/tokens-tab';
import { UsersTab } from '../accounts/users-tab';

export default function SettingsPage() {
  const { t } = useI18n();
  return (
    <TabbedPage
      title={t('settings.title')}
      basePath="/settings"
      tabs={[
        { value: 'locations', label: t('settings.locations'), panel: <LocationsTab /> },
        { value: 'fees', label: t('settings.fees'), panel: <FeesTab /> },
        { value: 'notifications', label: t('settings.notifications'), panel: <NotificationsTab /> },
        { value: 'report-schedules', label: t('settings.reportSchedules'), panel: <ReportSchedulesTab /> },
        { value: 'users', label: t('settings.users'), panel: <UsersTab /> },
        { value: 'tokens', label: t('settings.tokens'), panel: <TokensTab /> },
      ]}
    />
  );
}

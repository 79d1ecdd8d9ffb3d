import { NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import {
  IconAlert,
  IconBarcode,
  IconBox,
  IconCart,
  IconChart,
  IconClipboard,
  IconCoins,
  IconFactory,
  IconJobs,
  IconOverview,
  IconSettings,
  IconTruck,
} from '../common/icons';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: ReactNode;
}

const ITEMS: NavItem[] = [
  { to: '/', label: 'nav.overview', icon: <IconOverview /> },
  { to: '/inventory', label: 'nav.inventory', icon: <IconBox /> },
  { to: '/restock', label: 'nav.restock', icon: <IconTruck /> },
  { to: '/forecasts/accuracy', label: 'nav.forecastAccuracy', icon: <IconChart /> },
  { to: '/purchase-orders', label: 'nav.purchaseOrders', icon: <IconClipboard /> },
  { to: '/suppliers', label: 'nav.suppliers', icon: <IconFactory /> },
  { to: '/orders', label: 'nav.orders', icon: <IconCart /> },
  { to: '/profit', label: 'nav.profit', icon: <IconCoins /> },
  { to: '/channels/amazon/reconciliation', label: 'nav.reconciliation', icon: <IconClipboard /> },
  { to: '/health', label: 'nav.health', icon: <IconChart /> },
  { to: '/clearance', label: 'nav.clearance', icon: <IconCoins /> },
  { to: '/storage', label: 'nav.storage', icon: <IconBox /> },
  { to: '/alerts', label: 'nav.alerts', icon: <IconAlert /> },
  { to: '/lookup', label: 'nav.lookup', icon: <IconBarcode /> },
  { to: '/jobs', label: 'nav.jobs', icon: <IconJobs /> },
  { to: '/settings', label: 'nav.settings', icon: <IconSettings /> },
];

function isActive(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  return (
    pathname === to ||
    pathname.startsWith(`${to}/`) ||
    (to === '/inventory' && pathname.startsWith('/products/'))
  );
}

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  return (
    <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {ITEMS.map((item) => {
        const active = isActive(pathname, item.to);
        return (
          <li key={item.to}>
            <NavLink
              component={Link}
              to={item.to}
              label={t(item.label)}
              leftSection={item.icon}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              variant="light"
            />
          </li>
        );
      })}
    </Stack>
  );
}

import { AppShell, Burger, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useSetupStatus } from '../../accounts/auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { PageLoader } from '../common/page-loader';
import { AccountSwitcher } from './account-switcher';
import { LanguageSwitcher } from './language-switcher';
import { useLocaleSync } from './locale-sync';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

/** The signed-in frame: header, left navigation (a burger drawer on phones), and the page. */
export function AppLayout() {
  const me = useMe();
  const signedOut = me.data === null;
  const setup = useSetupStatus(signedOut);
  const [navOpen, nav] = useDisclosure(false);
  const location = useLocation();
  const { t } = useI18n();
  useLocaleSync(me.data);

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (me.data === null) {
    if (setup.isPending) return <PageLoader />;
    if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const session = me.data;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(navOpen ? 'nav.close' : 'nav.open')}
              aria-expanded={navOpen}
              aria-controls="app-nav"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('app.home')}>
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" width={26} height={26} alt="" />
                <Text fw={700} size="lg" translate="no">
                  Stockwise
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <AccountSwitcher me={session} />
            <LanguageSwitcher signedIn />
            <UserMenu me={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="app-nav" aria-label={t('nav.label')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          <NavLinks onNavigate={nav.close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

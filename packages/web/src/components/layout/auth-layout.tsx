import { Box, Center, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../../accounts/auth.hooks';
import { PageLoader } from '../common/page-loader';
import { LanguageSwitcher } from './language-switcher';

/** Only same-origin paths: a crafted ?next=https://evil.example must not become an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function AuthLayout() {
  const me = useMe();
  const [params] = useSearchParams();
  const { pathname } = useLocation();

  if (me.isPending) return <PageLoader />;
  if (me.data && pathname !== '/setup') return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="sm">
        <LanguageSwitcher signedIn={false} />
      </Group>
      <Center component="main" px="md" pb="xl">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Center>
    </Box>
  );
}

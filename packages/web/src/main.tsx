import '@mantine/core/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './app/query-client';
import { router } from './app/router';
import { theme } from './app/theme';
import { I18nProvider } from './i18n/i18n-provider';

// A page chunk that fails to load usually means a new build replaced it: reload once to pick up
// the new index, but not in a loop if the server is really down.
window.addEventListener('vite:preloadError', () => {
  const last = Number(sessionStorage.getItem('stockwise.reloadedAt') ?? '0');
  if (Date.now() - last > 10_000) {
    sessionStorage.setItem('stockwise.reloadedAt', String(Date.now()));
    window.location.reload();
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

import { Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from './page-header';

export interface PageTab {
  value: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * A page of tabs whose tab is part of the address (`<basePath>/<tab>`), so a tab can be linked to and
 * the back button moves between tabs. An unknown or missing tab shows the first one.
 */
export function TabbedPage({
  title,
  description,
  basePath,
  tabs,
}: {
  title: ReactNode;
  description?: ReactNode;
  basePath: string;
  tabs: readonly PageTab[];
}) {
  const navigate = useNavigate();
  const params = useParams();
  const first = tabs[0]?.value ?? '';
  const tab = tabs.some((t) => t.value === params['tab']) ? (params['tab'] ?? first) : first;
  return (
    <Stack gap="md">
      <PageHeader title={title} description={description} />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(`${basePath}/${value ?? first}`)}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

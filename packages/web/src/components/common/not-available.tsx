import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { IconChart } from './icons';

/** What a page shows when its endpoint is not on this server yet (404): calm, not an error. */
export function NotAvailable({
  title,
  description,
  icon,
}: {
  title?: string;
  description?: string;
  icon?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <EmptyState
      py="lg"
      size="sm"
      icon={icon ?? <IconChart size={28} />}
      title={title ?? t('common.notAvailableTitle')}
      description={description ?? t('common.notAvailableBody')}
    />
  );
}

export function NothingHere({ title, description }: { title: string; description?: string }) {
  return <EmptyState py="lg" size="sm" title={title} description={description} />;
}

/** `NotAvailable` in a bordered panel, where it stands in for a page's main table or card. */
export function NotAvailablePanel({ description }: { description: string }) {
  return (
    <Paper withBorder radius="md">
      <NotAvailable description={description} />
    </Paper>
  );
}

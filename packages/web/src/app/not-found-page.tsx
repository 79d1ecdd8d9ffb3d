import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../components/common/page-header';
import { useI18n } from '../i18n/i18n-context';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

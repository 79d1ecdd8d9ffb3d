import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { NothingHere } from '../../../components/common/not-available';
import { useI18n } from '../../../i18n/i18n-context';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack align="center">
      <NothingHere title={t('notFound.title')} description={t('notFound.body')} />
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

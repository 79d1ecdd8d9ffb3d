import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessage } from './error-message';

/** Last line of defence for a crashed route: say so, offer a reload, keep the app usable. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} size="h3">
          {t('error.title')}
        </Title>
        <Text>{errorMessage(error, t)}</Text>
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('common.reload')}
        </Button>
      </Stack>
    </Center>
  );
}

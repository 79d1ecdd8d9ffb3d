import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode, SyntheticEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/** Each signed-out page's card size and place (setup asks more, so its card is wider and starts higher). */
const LAYOUT = {
  login: { maw: 400, mt: '10vh' },
  setup: { maw: 440, mt: '6vh' },
} as const;

/**
 * The card of a signed-out page (login, first-run setup): a form titled by the page's `<page>.title` and
 * `<page>.subtitle` messages, that names itself by its heading.
 */
export function AuthCard({
  page,
  onSubmit,
  children,
}: {
  page: keyof typeof LAYOUT;
  onSubmit: (event: SyntheticEvent) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const titleId = `${page}-title`;
  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" {...LAYOUT[page]}>
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <Stack>
          <Stack gap={4}>
            <Title order={1} size="h3" id={titleId}>
              {t(`${page}.title`)}
            </Title>
            <Text c="dimmed" size="sm">
              {t(`${page}.subtitle`)}
            </Text>
          </Stack>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}

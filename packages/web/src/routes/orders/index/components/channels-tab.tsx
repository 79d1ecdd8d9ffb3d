import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ErrorAlert } from '../../../../components/common/error-alert';
import { NothingHere } from '../../../../components/common/not-available';
import { PageLoader } from '../../../../components/common/page-loader';
import { channelState, useChannels, type ChannelState } from '../../../../hooks/api/channels';
import { usePermission } from '../../../../hooks/use-permission';
import { useI18n } from '../../../../i18n/i18n-context';
import { ConnectChannelModal } from './connect-channel-modal';
import { ChannelName } from './channel-name';

const STATE_COLORS: Record<ChannelState, string> = { live: 'teal', webhooks: 'blue', api: 'blue', manual: 'gray', incomplete: 'orange' };

export function ChannelsTab() {
  const { t, fmt } = useI18n();
  const channels = useChannels();
  const canConnect = usePermission('catalog:write');
  const [opened, modal] = useDisclosure(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('channels.explain')}</Text>
        {canConnect ? <Button onClick={modal.open} data-testid="connect-channel">{t('channels.connect')}</Button> : null}
      </Group>
      {channels.isPending ? <PageLoader /> : null}
      {channels.isError ? <ErrorAlert error={channels.error} /> : null}
      {channels.data && channels.data.length === 0 ? <NothingHere title={t('channels.empty')} /> : null}
      {channels.data && channels.data.length > 0 ? (
        <Paper withBorder radius="md">
          <Table.ScrollContainer type="native" minWidth={680} tabIndex={0}>
            <Table striped data-testid="channels-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.channel')}</Table.Th>
                  <Table.Th>{t('channels.account')}</Table.Th>
                  <Table.Th>{t('field.location')}</Table.Th>
                  <Table.Th className="num">{t('channels.safetyBuffer')}</Table.Th>
                  <Table.Th>{t('channels.lastSync')}</Table.Th>
                  <Table.Th>{t('settings.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {channels.data.map((c) => {
                  const state = channelState(c);
                  return (
                    <Table.Tr key={c.channel} data-testid={`channel-${c.channel}`}>
                      <Table.Td><ChannelName t={t} channel={c.channel} /></Table.Td>
                      <Table.Td translate="no">{c.shopDomain ?? c.name}</Table.Td>
                      <Table.Td translate="no">{c.location ?? '—'}</Table.Td>
                      <Table.Td className="num">{fmt.int(c.safetyBuffer)}</Table.Td>
                      <Table.Td>{c.pullCursor ? t('channels.synced') : t('channels.neverSynced')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATE_COLORS[state]} miw="max-content" data-testid="channel-state">{t(`channels.state.${state}`)}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {canConnect && opened ? <ConnectChannelModal onClose={modal.close} /> : null}
    </Stack>
  );
}

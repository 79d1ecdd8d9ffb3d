import { Badge, Stack, Table } from '@mantine/core';
import { NothingHere } from '../components/common/not-available';
import { channelState, useChannels, type ChannelState } from './channels.hooks';
import { useI18n } from '../i18n/i18n-context';
import { ConnectChannelModal } from './connect-channel-modal';
import { ChannelName } from './channel-name';
import { QueryTable } from '../components/common/query-table';
import { useDialogAction } from '../components/common/dialog-action';
import { ExplainBar } from '../components/common/explain-bar';

const STATE_COLORS: Record<ChannelState, string> = {
  live: 'teal',
  webhooks: 'blue',
  api: 'blue',
  manual: 'gray',
  incomplete: 'orange',
};

export function ChannelsTab() {
  const { t, fmt } = useI18n();
  const channels = useChannels();
  const connect = useDialogAction('catalog:write', t('channels.connect'), 'connect-channel');
  return (
    <Stack gap="sm">
      <ExplainBar action={connect.button}>{t('channels.explain')}</ExplainBar>
      <QueryTable
        query={channels}
        empty={<NothingHere title={t('channels.empty')} />}
        testId="channels-table"
        minWidth={680}
        columns={[
          t('orders.channel'),
          t('channels.account'),
          t('field.location'),
          { label: t('channels.safetyBuffer'), numeric: true },
          t('channels.lastSync'),
          t('settings.status'),
        ]}
        row={(c) => {
          const state = channelState(c);
          return (
            <Table.Tr key={c.channel} data-testid={`channel-${c.channel}`}>
              <Table.Td>
                <ChannelName t={t} channel={c.channel} />
              </Table.Td>
              <Table.Td translate="no">{c.shopDomain ?? c.name}</Table.Td>
              <Table.Td translate="no">{c.location ?? '—'}</Table.Td>
              <Table.Td className="num">{fmt.int(c.safetyBuffer)}</Table.Td>
              <Table.Td>{c.pullCursor ? t('channels.synced') : t('channels.neverSynced')}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={STATE_COLORS[state]}
                  miw="max-content"
                  data-testid="channel-state"
                >
                  {t(`channels.state.${state}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
      {connect.allowed && connect.opened ? <ConnectChannelModal onClose={connect.close} /> : null}
    </Stack>
  );
}

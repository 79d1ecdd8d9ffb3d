import { Button, Group, Modal, NumberInput, Select, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useConnectChannel, type ChannelConnect } from './channels.hooks';
import { useLocations } from '../catalog/locations.hooks';
import { ORDER_CHANNELS, type OrderChannel } from '../sales/orders.hooks';
import { OneOfSelect } from '../components/common/one-of-select';
import { useI18n } from '../i18n/i18n-context';
import { channelLabel } from './channel-name';
import { PasswordField } from '../components/common/password-field';
import { useFormFields } from '../components/common/use-form-fields';
import { MutationForm } from '../components/common/mutation-form';

interface Fields {
  shopDomain: string;
  webhookSecret: string;
  accessToken: string;
  sellerId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  location: string;
  safetyBuffer: number;
}

const EMPTY: Fields = {
  shopDomain: '',
  webhookSecret: '',
  accessToken: '',
  sellerId: '',
  clientId: '',
  clientSecret: '',
  refreshToken: '',
  location: '',
  safetyBuffer: 0,
};
const opt = (value: string) => (value.trim() ? value.trim() : undefined);

function toConnect(type: OrderChannel, f: Fields): ChannelConnect {
  const common = { location: opt(f.location), safetyBuffer: f.safetyBuffer };
  if (type === 'shopify')
    return {
      type,
      shopDomain: f.shopDomain.trim(),
      webhookSecret: f.webhookSecret,
      accessToken: opt(f.accessToken),
      ...common,
    };
  if (type === 'amazon')
    return {
      type,
      sellerId: opt(f.sellerId),
      clientId: opt(f.clientId),
      clientSecret: opt(f.clientSecret),
      refreshToken: opt(f.refreshToken),
      ...common,
    };
  return { type, ...common };
}

/** Connects a Shopify shop, Amazon SP-API or a manual channel; secrets go to the server once and are stored encrypted. */
export function ConnectChannelModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const connect = useConnectChannel();
  const locations = useLocations();
  const [type, setType] = useState<OrderChannel>('shopify');
  const { values: f, set, field } = useFormFields<Fields>(EMPTY);
  const ready = type !== 'shopify' || (f.shopDomain.trim() !== '' && f.webhookSecret !== '');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (ready) connect.mutate(toConnect(type, f), { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('channels.connect')}>
      <MutationForm onSubmit={submit} of={connect} testId="connect-form" gap="sm">
        <OneOfSelect
          label={t('orders.channel')}
          data={ORDER_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
          value={type}
          onChange={setType}
          testId="connect-type"
        />
        {type === 'shopify' ? (
          <>
            <TextInput
              label={t('channels.shopDomain')}
              description={t('channels.shopDomainHint')}
              required
              {...field('shopDomain')}
              data-testid="connect-shop"
            />
            <PasswordField
              label={t('channels.webhookSecret')}
              description={t('channels.webhookSecretHint')}
              required
              {...field('webhookSecret')}
              data-testid="connect-secret"
            />
            <PasswordField
              label={t('channels.accessToken')}
              description={t('channels.optional')}
              {...field('accessToken')}
            />
          </>
        ) : null}
        {type === 'amazon' ? (
          <>
            <TextInput label={t('channels.sellerId')} {...field('sellerId')} />
            <TextInput label={t('channels.clientId')} {...field('clientId')} />
            <PasswordField label={t('channels.clientSecret')} {...field('clientSecret')} />
            <PasswordField label={t('channels.refreshToken')} {...field('refreshToken')} />
          </>
        ) : null}
        <Select
          label={t('channels.location')}
          description={t('channels.locationHint')}
          data={(locations.data ?? []).map((l) => ({ value: l.code, label: l.code }))}
          value={f.location || null}
          onChange={(v) => {
            set('location', v ?? '');
          }}
          clearable
        />
        <NumberInput
          label={t('channels.safetyBuffer')}
          description={t('channels.safetyBufferHint')}
          min={0}
          allowDecimal={false}
          value={f.safetyBuffer}
          onChange={(v) => {
            set('safetyBuffer', Math.max(0, Math.round(Number(v) || 0)));
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={connect.isPending} disabled={!ready}>
            {t('channels.connectSubmit')}
          </Button>
        </Group>
      </MutationForm>
    </Modal>
  );
}

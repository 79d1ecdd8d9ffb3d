import type { OrderChannel } from '../sales/orders.hooks';
import type { Translate } from '../i18n/translate';

/** Shopify is a brand name in every language; the other channels have words in the dictionary. */
export function channelLabel(t: Translate, channel: OrderChannel): string {
  return channel === 'shopify' ? 'Shopify' : t(`channel.${channel}`);
}

export function ChannelName({ t, channel }: { t: Translate; channel: OrderChannel }) {
  return channel === 'shopify' ? <span translate="no">Shopify</span> : <>{t(`channel.${channel}`)}</>;
}

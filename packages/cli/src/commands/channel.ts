import type { Command } from 'commander';
import { Option } from 'commander';
import type { StorageFlags } from '../options';
import { print, reporting, runAdminCommand, withStorage } from '../options';

interface ChannelFlags extends StorageFlags {
  shopDomain?: string;
  webhookSecret?: string;
  accessToken?: string;
  location?: string;
  safetyBuffer?: string;
  availabilityUrl?: string;
  availabilitySecret?: string;
  pushAvailability?: boolean;
  account?: string;
}

export function registerChannelCommands(program: Command): void {
  const channel = program.command('channel').description('sales channels');
  withStorage(
    channel.command('add').description('connect a sales channel: shopify (webhooks), amazon, manual, other'),
  )
    .argument('<type>', 'shopify | amazon | manual | other')
    .addOption(new Option('--shop-domain <domain>', 'shopify: my-shop.myshopify.com'))
    .addOption(
      new Option('--webhook-secret <secret>', 'shopify: the secret Shopify signs webhooks with').env(
        'SHOPIFY_WEBHOOK_SECRET',
      ),
    )
    .addOption(
      new Option('--access-token <token>', 'shopify: Admin API access token').env('SHOPIFY_ACCESS_TOKEN'),
    )
    .addOption(new Option('--location <code>', "location this channel's orders reserve from first"))
    .addOption(new Option('--safety-buffer <units>', 'units per SKU held back from the channel'))
    .addOption(
      new Option(
        '--availability-url <url>',
        'POST changed available-to-sell here, signed (README "Availability webhook")',
      ),
    )
    .addOption(
      new Option(
        '--availability-secret <secret>',
        'HMAC-SHA256 key for X-Stockwise-Signature (16+ characters)',
      ).env('STOCKWISE_AVAILABILITY_SECRET'),
    )
    .addOption(new Option('--push-availability', "also push changed quantities through the channel's API"))
    .addOption(new Option('--account <name>', 'account (default: the first)').env('STOCKWISE_ACCOUNT'))
    .action(
      reporting(async (type: string, flags: ChannelFlags) => {
        if (!['shopify', 'amazon', 'manual', 'other'].includes(type))
          throw new Error('type must be shopify, amazon, manual or other');
        const buffer = flags.safetyBuffer === undefined ? undefined : Number(flags.safetyBuffer);
        if (buffer !== undefined && (!Number.isInteger(buffer) || buffer < 0))
          throw new Error('--safety-buffer must be a whole number ≥ 0');
        const result = await runAdminCommand(flags, {
          command: 'channel.add',
          type: type as 'shopify' | 'amazon' | 'manual' | 'other',
          ...(flags.shopDomain ? { shopDomain: flags.shopDomain } : {}),
          ...(flags.webhookSecret ? { webhookSecret: flags.webhookSecret } : {}),
          ...(flags.accessToken ? { accessToken: flags.accessToken } : {}),
          ...(flags.location ? { location: flags.location } : {}),
          ...(buffer !== undefined ? { safetyBuffer: buffer } : {}),
          ...(flags.availabilityUrl ? { availabilityUrl: flags.availabilityUrl } : {}),
          ...(flags.availabilitySecret ? { availabilitySecret: flags.availabilitySecret } : {}),
          ...(flags.pushAvailability ? { pushAvailability: true } : {}),
          ...(flags.account ? { account: flags.account } : {}),
        });
        const shop = typeof result['shopDomain'] === 'string' ? result['shopDomain'] : null;
        print(
          flags,
          result,
          shop
            ? `connected shopify (${shop}): point its webhooks at POST /api/v1/channels/shopify/webhooks`
            : `connected ${String(result['channel'])}`,
        );
      }),
    );
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi, type Api } from '../support/owner-api';

describeEachBackend(
  'Outbound URLs: internal targets refused at save time (400 naming the field)',
  (backend) => {
    const t = useOwnerApi(backend);
    const allowed = process.env['STOCKWISE_ALLOW_PRIVATE_URLS'];

    beforeAll(() => {
      // This suite plays an operator who has not allowed private targets (the test setup allows them).
      delete process.env['STOCKWISE_ALLOW_PRIVATE_URLS'];
    });
    afterAll(() => {
      process.env['STOCKWISE_ALLOW_PRIVATE_URLS'] = allowed;
    });

    const expectRefused = (res: Awaited<ReturnType<Api['post']>>, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    };

    it('refuses the availability webhook, Shopify apiBaseUrl and Amazon endpoint/tokenUrl on internal addresses', async () => {
      const secret = 'whsec_0123456789abcdef';
      expectRefused(
        await t.api.post('/api/v1/channels', {
          type: 'other',
          availabilityWebhook: { url: 'http://127.0.0.1:8080/hook', secret },
        }),
        'availabilityWebhook.url',
      );
      expectRefused(
        await t.api.post('/api/v1/channels', {
          type: 'shopify',
          shopDomain: 'guard-test.myshopify.com',
          webhookSecret: secret,
          apiBaseUrl: 'https://169.254.169.254/admin',
        }),
        'apiBaseUrl',
      );
      expectRefused(
        await t.api.post('/api/v1/channels', { type: 'amazon', endpoint: 'https://[fd00::1]/sp' }),
        'endpoint',
      );
      expectRefused(
        await t.api.post('/api/v1/channels', {
          type: 'amazon',
          tokenUrl: 'https://metadata.google.internal/t',
        }),
        'tokenUrl',
      );
      expect((await t.api.get('/api/v1/channels')).body.items).toEqual([]);
    });

    it('refuses the alerts webhook and the SMTP host on internal addresses, and saves nothing', async () => {
      const put = (body: unknown) => t.api.call('PUT', '/api/v1/alerts/settings', { body });
      expectRefused(await put({ webhook: { url: 'http://2130706433/hook' } }), 'webhook.url');
      expectRefused(await put({ webhook: { url: 'https://10.0.0.8/hook' } }), 'webhook.url');
      expectRefused(
        await put({ smtp: { host: '192.168.1.5', port: 25, from: 'a@shop.example' } }),
        'smtp.host',
      );
      expect((await t.api.get('/api/v1/alerts/settings')).body).toMatchObject({ smtp: null, webhook: null });
      // A public address passes (nothing connects to it at save time).
      expect((await put({ webhook: { url: 'https://93.184.216.34/hook' } })).status).toBe(200);
    });
  },
);

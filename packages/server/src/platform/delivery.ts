import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { guardedFetch, resolvePublicAddress } from './outbound-url';

import type { SmtpSettings } from '@stockwise/db/alerts/notifications.repository';

export type { SmtpSettings };

export const SIGNATURE_HEADER = 'X-Stockwise-Signature';
export const TIMESTAMP_HEADER = 'X-Stockwise-Timestamp';

/** Sends one e-mail through the seller's SMTP server (nodemailer), connecting only to a public address. */
export async function sendEmail(
  smtp: SmtpSettings,
  message: {
    to: readonly string[];
    subject: string;
    text: string;
    attachments?: { filename: string; content: Buffer; contentType: string }[];
  },
): Promise<void> {
  // Connect to the address checked here (no second lookup to rebind); TLS still verifies the name.
  const address = await resolvePublicAddress(smtp.host);
  const transport = nodemailer.createTransport({
    host: address,
    tls: { servername: smtp.host },
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: smtp.from,
      to: [...message.to],
      subject: message.subject,
      text: message.text,
      attachments: message.attachments ?? [],
    });
  } finally {
    transport.close();
  }
}

/**
 * The signature a webhook receiver checks: hex HMAC-SHA256, keyed with the shared secret, of
 * `<timestamp>.<raw body>`, sent as `X-Stockwise-Signature: sha256=<hex>` with `X-Stockwise-Timestamp`.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs JSON to the seller's webhook, signed; throws unless it answers 2xx within 10 s (redirects are not followed). */
export async function postWebhook(
  webhook: { url: string; secret: string },
  payload: unknown,
  now = new Date(),
): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const res = await guardedFetch(webhook.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Stockwise-Alerts/1',
      [SIGNATURE_HEADER]: webhookSignature(webhook.secret, timestamp, body),
      [TIMESTAMP_HEADER]: timestamp,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`webhook answered ${String(res.status)}`);
}

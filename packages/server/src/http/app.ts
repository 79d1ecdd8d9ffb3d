import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { isDomainError } from '@stockwise/domain/errors';
import { isConnectionLost } from '@stockwise/db/postgres-database';
import type { Stockwise } from '../stockwise';
import { localControlRoutes } from '../local-control';
import { authenticate } from './auth.middleware';
import { docsRoutes } from './docs';
import type { AppEnv } from './env';
import { idempotency } from './idempotency.middleware';
import { nodeJsonBody } from './node-body.middleware';
import { HTTP_STATUS, problem } from './problem';
import { importUpload, sameOriginWrites } from './same-origin.middleware';
import { auditRoutes, jobsRoutes, tokensRoutes, usersRoutes } from '../accounts/admin.routes';
import { authRoutes, publicAuthRoutes } from '../accounts/auth.routes';
import { inventoryRoutes, movementsRoutes } from '../ledger/inventory.routes';
import { locationsRoutes } from '../catalog/locations.routes';
import { productsRoutes } from '../catalog/products.routes';
import { forecastsRoutes } from '../forecasting/forecasts.routes';
import { eventsRoutes } from '../forecasting/events.routes';
import { overridesRoutes } from '../forecasting/overrides.routes';
import { suppliersRoutes } from '../replenishment/suppliers.routes';
import { restockRoutes } from '../replenishment/restock.routes';
import { purchaseOrdersRoutes } from '../replenishment/purchase-orders.routes';
import { transferDraftsRoutes } from '../replenishment/transfers/transfer-drafts.routes';
import { channelsRoutes, shopifyWebhookRoutes } from '../channels/channels.routes';
import { ordersRoutes } from '../sales/orders.routes';
import { salesHistoryRoutes } from '../sales/sales-history.routes';
import { importsRoutes } from '../imports/imports.routes';
import { healthRoutes } from '../health/health.routes';
import { reportsRoutes } from '../reports/reports.routes';
import { feesRoutes } from '../fees/fees.routes';
import { alertsRoutes, reportSchedulesRoutes } from '../alerts/alerts.routes';
import { MAX_IMPORT_BYTES } from '../imports/imports.routes';
import { STOCKWISE_VERSION } from '../platform/version';

export const MAX_BODY_BYTES = 1024 * 1024;
/** What a 503 for a lost database connection asks clients to wait before retrying. */
const RETRY_AFTER_SECONDS = 5;
/**
 * The dashboard's Content-Security-Policy: its own scripts only (and WebAssembly for the barcode
 * reader), inline styles (ECharts and the component library set them), no framing, no plugins.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The HTTP API (thin: validation, auth, mapping) over the services, plus the dashboard's static files. */
export function createApp(
  sw: Stockwise,
  options: { webDist?: string; localSecret?: string; maxImportBytes?: number } = {},
) {
  const app = new OpenAPIHono<AppEnv>();

  app.onError(errorResponse);
  app.notFound((c) =>
    problem(c, 404, { code: 'NOT_FOUND', detail: `no route ${c.req.method} ${c.req.path}` }),
  );

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
    }),
  );
  const jsonLimit: MiddlewareHandler<AppEnv> = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problem(c, 413, {
        code: 'PAYLOAD_TOO_LARGE',
        detail: `request bodies are limited to ${MAX_BODY_BYTES} bytes`,
      }),
  });
  // Imports stream their (large) files; they have their own limit. JSON under Node is read from the socket, limit included.
  app.use(
    '/api/*',
    except(
      (c) => c.req.method === 'POST' && c.req.path.startsWith('/api/v1/imports/'),
      nodeJsonBody(MAX_BODY_BYTES, jsonLimit),
    ),
  );
  app.use('/api/*', sameOriginWrites());

  // `worker`: whether this process's background work is idle (JobsService.workerState).
  app.get('/api/health', (c) =>
    c.json({ status: 'ok', version: STOCKWISE_VERSION, database: sw.db.kind, worker: sw.jobs.workerState() }),
  );
  app.route('/api/docs', docsRoutes());
  app.route('/api/v1/auth', publicAuthRoutes(sw));
  if (options.localSecret) app.route('/api/local', localControlRoutes(sw, options.localSecret));

  // Signed by Shopify (HMAC of the raw body), not by a Stockwise credential: mounted before authentication.
  app.route('/api/v1/channels/shopify/webhooks', shopifyWebhookRoutes(sw));

  app.use('/api/v1/*', authenticate(sw));
  // After authentication: an anonymous caller learns nothing about imports, not even their content types.
  app.use('/api/v1/imports/*', importUpload(options.maxImportBytes ?? MAX_IMPORT_BYTES));
  app.use('/api/v1/*', idempotency(sw));
  app.route('/api/v1/auth', authRoutes(sw));
  app.route('/api/v1/products', productsRoutes(sw));
  app.route('/api/v1/locations', locationsRoutes(sw));
  app.route('/api/v1/movements', movementsRoutes(sw));
  app.route('/api/v1/inventory', inventoryRoutes(sw));
  app.route('/api/v1/users', usersRoutes(sw));
  app.route('/api/v1/tokens', tokensRoutes(sw));
  app.route('/api/v1/jobs', jobsRoutes(sw));
  app.route('/api/v1/audit', auditRoutes(sw));
  app.route('/api/v1/forecasts', forecastsRoutes(sw));
  app.route('/api/v1/forecasts', overridesRoutes(sw));
  app.route('/api/v1/events', eventsRoutes(sw));
  app.route('/api/v1/suppliers', suppliersRoutes(sw));
  app.route('/api/v1/restock', restockRoutes(sw));
  app.route('/api/v1/purchase-orders', purchaseOrdersRoutes(sw));
  app.route('/api/v1/transfer-drafts', transferDraftsRoutes(sw));
  app.route('/api/v1/orders', ordersRoutes(sw));
  app.route('/api/v1/channels', channelsRoutes(sw));
  app.route('/api/v1/imports', importsRoutes(sw));
  app.route('/api/v1/sales', salesHistoryRoutes(sw));
  app.route('/api/v1/health', healthRoutes(sw));
  app.route('/api/v1/reports', reportsRoutes(sw));
  app.route('/api/v1/fees', feesRoutes(sw));
  app.route('/api/v1/alerts', alertsRoutes(sw));
  app.route('/api/v1/report-schedules', reportSchedulesRoutes(sw));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token from `stockwise token create` or Settings → Tokens',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'stockwise_session',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Stockwise API',
      version: STOCKWISE_VERSION,
      description:
        'Inventory planning for e-commerce sellers. Errors are application/problem+json with a stable `code` and the `field` at fault.',
    },
    servers: [{ url: '/' }],
  });

  serveWeb(app, options.webDist ?? process.env['STOCKWISE_WEB_DIST'] ?? defaultWebDist());
  return app;
}

/** Domain errors as their mapped status, lost connections as 503, everything else as a generic 500. */
function errorResponse(error: Error, c: Context<AppEnv>): Response {
  if (isDomainError(error)) {
    const retryAfter = error.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return problem(c, HTTP_STATUS[error.code], {
      code: error.code,
      detail: error.message,
      field: error.field,
      extra: error.details,
    });
  }
  if (error instanceof HTTPException) {
    const code =
      error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status === 400 ? 'MALFORMED_REQUEST' : 'HTTP_ERROR';
    return problem(c, error.status, {
      code,
      detail: error.message || 'bad request',
      field: error.status === 400 ? '(body)' : undefined,
    });
  }
  if (isConnectionLost(error)) {
    // The database went away mid-request (failover, restart, killed backend): nothing was committed.
    const res = problem(c, 503, {
      code: 'DATABASE_UNAVAILABLE',
      detail: 'the database connection was lost; nothing was changed — try again shortly',
    });
    res.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
    return res;
  }
  console.error(error);
  return problem(c, 500, {
    code: 'INTERNAL',
    detail: 'something went wrong on our side; nothing was changed',
  });
}

/** The dashboard's build, found through its package (the compiled CLI runs from another folder than this file). */
function defaultWebDist(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@stockwise/web/package.json')), 'dist/');
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ico': 'image/x-icon',
};

/** The decoded path, or undefined when it is not valid percent-encoding or holds a NUL (no file has one). */
function safeDecode(path: string): string | undefined {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/** The built dashboard; unknown paths fall back to index.html (client-side routing). */
function serveWeb(app: OpenAPIHono<AppEnv>, dist: string) {
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/'))
      return problem(c, 404, { code: 'NOT_FOUND', detail: `no route ${c.req.method} ${c.req.path}` });
    const index = join(dist, 'index.html');
    if (!existsSync(index)) {
      return c.html(
        '<!doctype html><title>Stockwise</title><h1>Stockwise API is running</h1><p>The dashboard is not built: run <code>npm run build:web</code>. API docs: <a href="/api/docs">/api/docs</a>.</p>',
      );
    }
    const decoded = safeDecode(c.req.path);
    if (decoded === undefined)
      return problem(c, 400, {
        code: 'MALFORMED_PATH',
        detail: 'the path is not valid percent-encoded UTF-8',
      });
    const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, relative);
    if (file.startsWith(dist) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
      const ext = file.slice(file.lastIndexOf('.'));
      const immutable = relative.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'Content-Type': MIME[ext] ?? 'application/octet-stream',
        ...(ext === '.html' ? { 'Content-Security-Policy': DASHBOARD_CSP } : {}),
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    return c.body(readFileSync(index), 200, {
      'Content-Type': MIME['.html']!,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': DASHBOARD_CSP,
    });
  });
}

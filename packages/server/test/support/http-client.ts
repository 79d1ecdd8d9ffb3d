import type { createApp } from '../../src/http/app';

type App = ReturnType<typeof createApp>;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
}

/** Calls the Hono app in-process (no sockets), as a client with a bearer token would. */
export function client(app: App, token?: string) {
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<JsonResponse> => {
    const headers: Record<string, string> = {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, headers: res.headers, body: parsed as JsonResponse['body'] };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call('POST', path, { body, ...(headers ? { headers } : {}) }),
    patch: (path: string, body?: unknown) => call('PATCH', path, { body }),
    delete: (path: string) => call('DELETE', path),
    call,
  };
}

/** One operation of the published OpenAPI document: its method, path template and whether it takes a body. */
export interface DocumentedOperation {
  method: string;
  path: string;
  hasBody: boolean;
}

/** Every operation the running app documents at /api/openapi.json. */
export async function documentedOperations(api: ReturnType<typeof client>): Promise<DocumentedOperation[]> {
  const doc = (await api.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
    })),
  );
}

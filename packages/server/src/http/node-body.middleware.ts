import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { problem } from './problem';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/**
 * Reads a JSON request body straight from Node's IncomingMessage when the app runs under
 * @hono/node-server, instead of through a WHATWG Request and its web stream (a large part of the
 * per-request CPU on the order hot path). The bytes are handed to node-server as `rawBody`, its
 * supported hook for pre-read bodies, so anything that still asks for `c.req.raw` sees the same
 * bytes; under `app.request` (tests) there is no IncomingMessage and nothing changes. Other bodies
 * go to `otherwise` (the generic body limit).
 */
export function nodeJsonBody(
  maxBytes: number,
  otherwise: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.env?.incoming;
    const method = c.req.method;
    if (incoming && (method === 'GET' || method === 'HEAD')) return next();
    if (!incoming || 'rawBody' in incoming || incoming.readableEnded) return otherwise(c, next);
    // Headers straight from Node: asking c.req for them would build the WHATWG Request this avoids.
    if (!JSON_TYPE.test(incoming.headers['content-type'] ?? '')) return otherwise(c, next);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes)
        return problem(c, 413, {
          code: 'PAYLOAD_TOO_LARGE',
          detail: `request bodies are limited to ${maxBytes} bytes`,
        });
      chunks.push(buffer);
    }
    const body = Buffer.concat(chunks, size);
    Object.assign(incoming, { rawBody: body });
    const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.length);
    // Hono keeps body reads as promises in bodyCache; c.req.json() parses the cached text. TextDecoder
    // drops a UTF-8 BOM as Request.text() does.
    Object.assign(c.req.bodyCache, {
      arrayBuffer: Promise.resolve(bytes),
      text: Promise.resolve(new TextDecoder().decode(body)),
    });
    return next();
  };
}

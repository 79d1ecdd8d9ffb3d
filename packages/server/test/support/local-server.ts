import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type LocalHandler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 (a free port) that hands each request, body read, to `handler`. */
export async function localServer(handler: LocalHandler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

// A real HTTPS server standing in for www.ehealth.fgov.be (Chromium maps the host here): real
// streaming, real request bodies and headers, and a count of what reached the server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOST = 'www.ehealth.fgov.be';
export const ORIGIN = `https://${HOST}`;
/** Planted in every answer where an app would show personal data; must never reach the bridge. */
export const CANARY = 'CANARY-7f3a9';

export interface Hit {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface TestServer {
  readonly port: number;
  readonly hits: Hit[];
  close(): Promise<void>;
}

export const MAILBOX = {
  currentSize: 2048,
  maxSize: 10_485_760,
  nbrMessagesInStandBy: 0,
  unreadMessagesCount: 3,
  boxId: { id: `${CANARY}-12345678`, type: 'NIHII', quality: 'DOCTOR' },
};

const LISTING = {
  messages: [
    { messageId: 'm1', publicationDate: '2026-01-02T10:00:00Z', size: 1200, isRead: false, subject: `${CANARY} subject`, sender: { name: `${CANARY} name` } },
    { messageId: 'm2', publicationDate: '2026-01-03T10:00:00Z', size: 800, isRead: true, subject: `${CANARY} other` },
  ],
};

const OUT_OF_OFFICES = [{ id: 'o1', startDate: '2026-07-01', endDate: '2026-07-10', substitutes: [{ name: `${CANARY} substitute` }] }];

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-server': 'sim' });
  res.end(text);
}

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'hook-e2e-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
  ], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function startServer(): Promise<TestServer> {
  const hits: Hit[] = [];
  let release: (() => void) | null = null;

  const server: Server = createServer(certificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const method = req.method ?? 'GET';
      const body = Buffer.concat(chunks).toString('utf8');
      if (path === '/favicon.ico') return void res.writeHead(404).end();
      hits.push({ method, path, headers: req.headers, body });
      route(method, path, body, res);
    });
  });

  function route(method: string, path: string, body: string, res: ServerResponse): void {
    const api = '/api/v2/mailboxes/ak1';
    if (path === '/app/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<!doctype html><html><head><title>app</title></head><body><p>eHealthBox</p></body></html>');
    }
    if (path === api || path === '/plain/mailbox') return json(res, 200, MAILBOX);
    if (path === `${api}/folders`) return json(res, 200, [{ name: 'INBOX' }, { name: 'SENTBOX' }]);
    if (path === `${api}/folders/inbox/messages`) return json(res, 200, LISTING);
    if (path === `${api}/folders/inbox/messages/m1`) return json(res, 200, { messageId: 'm1', body: `${CANARY} body` });
    if (path === `${api}/folders/inbox/messages/trash` || path === '/plain/echo') return json(res, 200, { received: body.length });
    if (path === `${api}/publications`) return json(res, 201, {});
    if (path === `${api}/outOfOffices`) return method === 'POST' ? json(res, 201, { id: 'o9' }) : json(res, 200, OUT_OF_OFFICES);
    if (path === '/api/v2/mailboxes/ak-broken' || path === '/plain/broken') return void res.socket?.destroy();
    if (path === '/plain/refusal') return json(res, 429, { error: 'busy' });
    if (path === '/plain/slow') return void setTimeout(() => json(res, 200, {}), 3000);
    if (path === '/plain/release') {
      release?.();
      release = null;
      return json(res, 200, {});
    }
    if (path === '/api/v2/mailboxes/ak-stream') {
      // First half now, the rest only once the page says it has read the first half.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"unreadMessagesCount": 4, "padding": "');
      release = () => res.end('x"}');
      return;
    }
    json(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A TLS server on 127.0.0.1 that Chromium's host resolver maps *.ehealth.fgov.be to. It exists for
// the two things context.route cannot do:
//  - Playwright never routes the request that follows a redirect (it continues it to the network),
//    so a redirect answered by the simulator lands here and is still served (and logged) by it;
//  - route.fulfill sends a body all at once, so streamed answers are passed on with route.continue()
//    and trickled from here.
// Nothing leaves the machine: every other host resolves to nothing (see chromiumArgs).
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Simulator } from './simulator';
import type { SimResponse } from './faults';

export const STREAM_TOKEN_HEADER = 'x-sim-stream-token';

interface Tls {
  cert: string;
  key: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, for --ignore-certificate-errors-spki-list. */
  spki: string;
}

let tlsCache: Tls | null | undefined;

/** A throwaway self-signed certificate, made once per machine with the openssl CLI; null when openssl is missing. */
function tls(): Tls | null {
  if (tlsCache !== undefined) return tlsCache;
  const dir = path.join(os.tmpdir(), 'ehb-e2e-tls');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  try {
    if (!existsSync(certFile) || !existsSync(keyFile)) {
      mkdirSync(dir, { recursive: true });
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyFile, '-out', certFile, '-days', '3650', '-subj', '/CN=www.ehealth.fgov.be',
        '-addext', 'subjectAltName=DNS:*.ehealth.fgov.be,DNS:ehealth.fgov.be',
      ], { stdio: 'ignore' });
    }
    const cert = readFileSync(certFile, 'utf8');
    const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    tlsCache = { cert, key: readFileSync(keyFile, 'utf8'), spki: createHash('sha256').update(der).digest('base64') };
  } catch {
    tlsCache = null;
  }
  return tlsCache;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Loopback {
  private readonly pending = new Map<string, SimResponse>();

  private constructor(private readonly server: Server, readonly port: number, readonly spki: string, private readonly sim: Simulator) {}

  /** Undefined when no certificate can be made: redirects then end in a network error and streams arrive whole. */
  static async start(sim: Simulator): Promise<Loopback | undefined> {
    const t = tls();
    if (!t) return undefined;
    let self: Loopback | undefined;
    const server = createServer({ cert: t.cert, key: t.key }, (req, res) => {
      if (self) void self.serve(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('loopback: no port');
    self = new Loopback(server, address.port, t.spki, sim);
    return self;
  }

  /** Parks an answer to be streamed; the routed request is continued with the returned token header. */
  park(response: SimResponse): string {
    const token = randomUUID();
    this.pending.set(token, response);
    return token;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    const tokenHeader = req.headers[STREAM_TOKEN_HEADER];
    const token = typeof tokenHeader === 'string' ? tokenHeader : undefined;
    const parked = token ? this.pending.get(token) : undefined;
    if (token) this.pending.delete(token);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const answer = parked ?? await this.sim.handle({
      method: req.method ?? 'GET',
      url: `https://${req.headers.host ?? 'www.ehealth.fgov.be'}${req.url ?? '/'}`,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? ''])),
      body: chunks.length ? Buffer.concat(chunks) : null,
      via: 'loopback',
    });
    if (answer.abort) {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string | number> = { ...answer.headers };
    delete headers['content-length'];
    if (!answer.stream) {
      // A whole answer declares its length, as Playwright's fulfil does; a streamed one is chunked.
      if (req.method !== 'HEAD' && answer.status !== 204 && answer.status !== 304) headers['content-length'] = answer.body.length;
      res.writeHead(answer.status, headers);
      res.end(answer.body);
      return;
    }
    res.writeHead(answer.status, headers);
    res.flushHeaders();
    const { chunkSize, chunkDelayMs } = answer.stream;
    for (let offset = 0; offset < answer.body.length && !res.destroyed; offset += chunkSize) {
      await sleep(chunkDelayMs);
      res.write(answer.body.subarray(offset, offset + chunkSize));
    }
    res.end();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

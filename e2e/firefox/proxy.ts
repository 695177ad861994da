// The production origin for Firefox: Firefox is given this proxy in its prefs, and the proxy tunnels
// `CONNECT *.ehealth.fgov.be:443` to the simulator's loopback HTTPS server (e2e/sim/loopback.ts).
// Every other host is refused and recorded (Firefox's own update and settings hosts ask): nothing
// leaves the machine. No port 443, no hosts file, no CA import (Firefox runs with
// acceptInsecureCerts for the throwaway certificate).
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { EHEALTH_HOST } from '../sim/playwright';

export class Proxy {
  /** Hosts refused (host:port of CONNECT, or the URL of a plain request). */
  readonly refused: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(targetPort: number): Promise<Proxy> {
    let self: Proxy | undefined;
    const server = createServer((req, res) => {
      // Plain http: never served (the web application and its API are https only).
      self?.refused.push(req.url ?? '');
      res.writeHead(403).end();
    });
    server.on('connect', (req, client: Socket) => {
      const [host = '', port = ''] = (req.url ?? '').split(':');
      client.on('error', () => undefined);
      if (!self || !EHEALTH_HOST.test(host) || port !== '443') {
        self?.refused.push(req.url ?? '');
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      for (const s of [client, upstream]) {
        self.sockets.add(s);
        s.on('close', () => self?.sockets.delete(s));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('proxy: no port');
    self = new Proxy(server, address.port);
    return self;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

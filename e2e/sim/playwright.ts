import type { BrowserContext, Request, Route } from '@playwright/test';
import type { Simulator } from './simulator';
import { STREAM_TOKEN_HEADER, type Loopback } from './loopback';

/** The real service lives on several hosts under ehealth.fgov.be; all of them are simulated (a trailing dot names the same host). */
export const EHEALTH_HOST = /(^|\.)ehealth\.fgov\.be\.?$/i;
export const APP_ORIGIN = 'https://www.ehealth.fgov.be';

/** True when the request was issued by an extension's service worker or one of its pages. */
export function isFromExtension(request: Request): boolean {
  const worker = request.serviceWorker();
  if (worker) return worker.url().startsWith('chrome-extension://');
  try {
    return request.frame().url().startsWith('chrome-extension://');
  } catch {
    // Requests of workers other than service workers have no frame either.
    return false;
  }
}

async function settle(action: Promise<void>): Promise<void> {
  try {
    await action;
  } catch (error) {
    // The page or context may be gone by the time a slow answer is ready; nobody is waiting then.
    if (!/closed|detached|Target|crash/i.test(String(error))) throw error;
  }
}

/**
 * Serves eHealth hosts from the simulator and aborts (and records) every other network request,
 * so tests see exactly what left the browser. Extension resources (chrome-extension://) pass.
 */
export async function routeSimulator(context: BrowserContext, sim: Simulator, loopback?: Loopback): Promise<void> {
  await context.route('**/*', async (route: Route, request: Request) => {
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return settle(route.continue());
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return settle(route.continue());
    if (EHEALTH_HOST.test(url.hostname)) {
      const headers = await request.allHeaders().catch(() => request.headers());
      const res = await sim.handle({ method: request.method(), url: request.url(), headers, body: request.postDataBuffer() });
      if (res.abort) return settle(route.abort(res.abort));
      // fulfill() can only send a whole body: a streamed answer goes to the loopback server instead.
      if (res.stream && loopback) return settle(route.continue({ headers: { ...headers, [STREAM_TOKEN_HEADER]: loopback.park(res) } }));
      return settle(route.fulfill({ status: res.status, headers: res.headers, body: res.body }));
    }
    sim.blocked.push({
      method: request.method(), url: request.url(), resourceType: request.resourceType(),
      fromExtension: isFromExtension(request), time: Date.now(),
    });
    return settle(route.abort('blockedbyclient'));
  });
  // WebSockets bypass context.route; refuse them too, on the record. Installing this reaches every
  // open page: a tab that closes meanwhile (the welcome tab, one restored after a crash) makes it
  // throw "closed" while the browser is fine; then it is installed again.
  for (let attempt = 1; ; attempt++) {
    try {
      await context.routeWebSocket(/.*/, (ws) => {
        sim.blocked.push({ method: 'GET', url: ws.url(), resourceType: 'websocket', fromExtension: false, time: Date.now() });
        void ws.close({ code: 1008, reason: 'blocked by test harness' });
      });
      return;
    } catch (error) {
      if (attempt >= 5 || context.browser()?.isConnected() === false) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

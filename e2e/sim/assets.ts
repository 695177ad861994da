import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Simulator } from './simulator';
import { errorResponse, type SimResponse } from './faults';
import type { RouteName } from './types';

const APP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app');
export const APP_PATH = '/ehealthbox/';

const html = (body: string, status = 200): SimResponse => ({
  status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from(body, 'utf8'),
});
const redirect = (location: string, status = 302): SimResponse => ({ status, headers: { location }, body: Buffer.alloc(0) });

const transpiled = new Map<string, { mtimeMs: number; code: string }>();

/** The app is written in TypeScript (type-checked with the project); the browser gets it transpiled on request. */
function appModule(name: string): string | undefined {
  const file = path.join(APP_DIR, `${name}.ts`);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = transpiled.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.code;
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    fileName: file,
  });
  transpiled.set(file, { mtimeMs, code: out.outputText });
  return out.outputText;
}

/** Boxes are embedded in the page, as a server-rendered app would, so no extra API route is needed. */
function indexHtml(sim: Simulator): string {
  const boxes = JSON.stringify(sim.boxChoices()).replace(/</g, '\\u003c');
  return readFileSync(path.join(APP_DIR, 'index.html'), 'utf8').replace('<!--BOXES-->', boxes);
}

const LOGIN_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>eHealth – Connexion</title></head>
<body style="font-family:system-ui,sans-serif;margin:3rem"><h1>Connexion requise</h1>
<p>Votre session a expiré. Identifiez-vous avec votre carte d’identité électronique ou itsme.</p></body></html>`;

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b4f8a"/><path d="M3 5h10v7H3z" fill="#fff"/><path d="M3 5l5 4 5-4" fill="none" stroke="#0b4f8a"/></svg>';

export function serveAsset(sim: Simulator, method: string, url: URL): { route: RouteName; response: SimResponse } {
  const p = url.pathname;
  if (p === '/idp/login') return { route: 'Login', response: html(LOGIN_PAGE) };
  if (method !== 'GET' && method !== 'HEAD') return { route: 'Unknown', response: errorResponse(404, `No route for ${method} ${p}`) };
  if (p === '/' || p === '/ehealthbox') return { route: 'AppAsset', response: redirect(`${APP_PATH}${url.search}`, 301) };
  if (p === APP_PATH || p === `${APP_PATH}index.html`) {
    const page = html(indexHtml(sim));
    if (sim.crossOriginIsolated) Object.assign(page.headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    return { route: 'AppAsset', response: page };
  }
  if (p === `${APP_PATH}app.css`) {
    return { route: 'AppAsset', response: { status: 200, headers: { 'content-type': 'text/css; charset=utf-8' }, body: readFileSync(path.join(APP_DIR, 'app.css')) } };
  }
  if (p === `${APP_PATH}favicon.svg`) {
    return { route: 'AppAsset', response: { status: 200, headers: { 'content-type': 'image/svg+xml' }, body: Buffer.from(FAVICON) } };
  }
  const js = /^\/ehealthbox\/([a-z-]+)\.js$/.exec(p);
  const code = js?.[1] ? appModule(js[1]) : undefined;
  if (code !== undefined) {
    return { route: 'AppAsset', response: { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from(code) } };
  }
  return { route: 'Unknown', response: errorResponse(404, `Not found: ${p}`) };
}

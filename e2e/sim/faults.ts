import type { RouteName } from './types';

/** A request as the simulator sees it, independent of Playwright. */
export interface SimRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** How it reached the simulator: Playwright routing, or the loopback server (redirect follow-ups). */
  via?: 'route' | 'loopback';
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Network-level failure instead of a response (Playwright abort error code). */
  abort?: string;
  /** Send headers at once, then the body in chunks (served through the loopback server, see loopback.ts). */
  stream?: { chunkSize: number; chunkDelayMs: number };
}

export type Fault =
  | { kind: 'status'; status: number; message?: string; retryAfter?: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'stream'; chunkSize: number; chunkDelayMs: number }
  | { kind: 'huge'; bytes: number; contentType?: string }
  | { kind: 'raw'; body: string | Buffer; status?: number; contentType?: string }
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'abort'; errorCode: string };

export interface FaultRule {
  route: RouteName | '*';
  fault: Fault;
  remaining: number;
  accessKey?: string;
}

export function takeFault(rules: FaultRule[], route: RouteName, accessKey: string | undefined): Fault | undefined {
  const rule = rules.find((r) => r.remaining > 0 && (r.route === '*' || r.route === route)
    && (r.accessKey === undefined || r.accessKey === accessKey));
  if (!rule) return undefined;
  rule.remaining -= 1;
  return rule.fault;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request', 401: 'Authentication required', 403: 'Forbidden', 404: 'Not found',
  409: 'Conflict', 413: 'Payload too large', 429: 'Too many requests: call limit exceeded',
  500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout',
};

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

export function errorResponse(status: number, message?: string, headers: Record<string, string> = {}): SimResponse {
  return jsonResponse(status, { status, code: `E${status}`, message: message ?? STATUS_TEXT[status] ?? `HTTP ${status}` }, headers);
}

/** Faults that replace the answer; the real handler is never run, so state is untouched. */
export function replacingResponse(fault: Fault): SimResponse | undefined {
  switch (fault.kind) {
    case 'status': {
      const extra: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      return errorResponse(fault.status, fault.message, extra);
    }
    case 'raw':
      return {
        status: fault.status ?? 200,
        headers: { 'content-type': fault.contentType ?? 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        body: Buffer.isBuffer(fault.body) ? fault.body : Buffer.from(fault.body, 'utf8'),
      };
    case 'redirect':
      return { status: fault.status, headers: { location: fault.location, 'cache-control': 'no-store' }, body: Buffer.alloc(0) };
    case 'abort':
      return { status: 0, headers: {}, body: Buffer.alloc(0), abort: fault.errorCode };
    default:
      return undefined;
  }
}

/** Faults that wrap the real answer (the handler runs, state changes as usual). */
export function wrapResponse(fault: Fault, real: SimResponse): SimResponse {
  if (fault.kind === 'stream') return { ...real, stream: { chunkSize: fault.chunkSize, chunkDelayMs: fault.chunkDelayMs } };
  // Sent in chunks like any big download (and far faster than one CDP fulfil of the whole body).
  if (fault.kind === 'huge') return { ...inflate(real, fault.bytes, fault.contentType), stream: { chunkSize: 1024 * 1024, chunkDelayMs: 0 } };
  return real;
}

/** Pads a JSON object answer with a filler field, so it stays valid JSON yet is `bytes` long. */
function inflate(real: SimResponse, bytes: number, contentType?: string): SimResponse {
  const type = contentType ?? real.headers['content-type'] ?? 'application/json';
  const text = real.body.toString('utf8');
  if (type.includes('json') && text.startsWith('{') && text.endsWith('}')) {
    const head = text === '{}' ? '{' : `${text.slice(0, -1)},`;
    const pad = Math.max(0, bytes - Buffer.byteLength(head) - '"padding":""}'.length);
    return { ...real, headers: { ...real.headers, 'content-type': type }, body: Buffer.from(`${head}"padding":"${'x'.repeat(pad)}"}`) };
  }
  return { ...real, headers: { ...real.headers, 'content-type': type }, body: Buffer.alloc(bytes, 0x41) };
}

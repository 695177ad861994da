// What a denied call answers: the in-memory copy, marked, or a synthetic 429 that explains the
// directive limit in a body the app (or its developer) can read.
import type { ApiCall } from '../directive/routes';
import { LOCAL_COPY_HEADER, type Notice } from '../shared/page-protocol';
import type { Tracked } from './calls';
import { getCopy, isRead, type Answer, type Copy } from './copies';
import { defineProperty, encoder, jsonStringify, NativeDate, NativeResponse } from './natives';

const iso = (ms: number): string => new NativeDate(ms).toISOString();

/** The copy when the call is a read that has one, else the 429. */
export function refusedAnswer(t: Tracked, notice: Notice | undefined): Answer {
  const copy = isRead(t.call.method) ? getCopy(t.key) : undefined;
  return copy ? copyAnswer(copy, notice) : refusalAnswer(t.call, notice);
}

/** The copy, marked with its time and, when known, the instant the call may go again. */
function copyAnswer(copy: Copy, notice: Notice | undefined): Answer {
  const next = notice?.retryAt != null ? `; next=${iso(notice.retryAt)}` : '';
  return { ...copy, headers: [...copy.headers, [LOCAL_COPY_HEADER, `local-copy; since=${iso(copy.time)}${next}`]] };
}

function refusalAnswer(call: ApiCall, notice: Notice | undefined): Answer {
  const retryAt = notice?.retryAt ?? null;
  const body = {
    error: 'directive-limit',
    method: notice?.method ?? call.method,
    section: notice?.section ?? null,
    scope: notice?.scope ?? null,
    limit: notice?.limit ?? null,
    used: notice?.used ?? null,
    retryAt: retryAt === null ? null : iso(retryAt),
    message: notice?.message ?? null,
  };
  const headers: Answer['headers'] = [['Content-Type', 'application/json']];
  if (retryAt !== null) headers.push(['Retry-After', String(Math.max(0, Math.ceil((retryAt - NativeDate.now()) / 1000)))]);
  return { status: 429, statusText: 'Too Many Requests', headers, body: encoder.encode(jsonStringify(body)) };
}

export function toResponse(answer: Answer, url: string): Response {
  const response = new NativeResponse(answer.body.slice(), {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
  // A constructed Response has an empty url; the app may compare it with what it asked for.
  defineProperty(response, 'url', { value: url, configurable: true });
  return response;
}

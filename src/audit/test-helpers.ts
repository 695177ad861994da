// Builders shared by the audit's tests: HAR entries and byte streams.
export interface EntryInput {
  at: number;
  method: string;
  url: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  response?: string;
}

export function harEntry(e: EntryInput): unknown {
  return {
    startedDateTime: new Date(e.at).toISOString(),
    time: 12,
    request: {
      method: e.method,
      url: e.url,
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(e.headers ?? {}).map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: e.body === undefined ? 0 : new TextEncoder().encode(e.body).byteLength,
      ...(e.body === undefined ? {} : { postData: { mimeType: e.headers?.['content-type'] ?? 'application/json', text: e.body } }),
    },
    response: {
      status: e.status ?? 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: e.response?.length ?? 0, mimeType: 'application/json', ...(e.response === undefined ? {} : { text: e.response }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2 },
  };
}

export const harText = (entries: unknown[]): string =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, pages: [], entries } }, null, 1);

/** The text as a stream of chunks of `size` bytes (the way a file is read). */
export async function* chunks(text: string | Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

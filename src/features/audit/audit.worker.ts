// Reads the chosen file in a Web Worker, so the options page stays responsive whatever its size.
// The file is read as a stream and never stored; only the report goes back to the page.
import { audit, type Report } from '../../audit/audit';
import { diagnosticText } from '../../audit/text';
import type { MailboxKind } from '../../directive/rules';

export interface AuditRequest {
  readonly file: File;
  /** The user's choice for a box the file does not describe; absent: the stricter limits. */
  readonly kind?: MailboxKind;
}

export type AuditReply =
  | { readonly type: 'progress'; readonly bytes: number }
  | { readonly type: 'done'; readonly report: Report; readonly diagnostic: string }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<AuditRequest>) => void) | null; postMessage(m: AuditReply): void };
const PROGRESS_BYTES = 4 * 1024 * 1024;

async function* read(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let bytes = 0;
  let told = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    bytes += value.byteLength;
    if (bytes - told >= PROGRESS_BYTES) {
      told = bytes;
      scope.postMessage({ type: 'progress', bytes });
    }
    yield value;
  }
}

scope.onmessage = (e) => {
  const { file, kind } = e.data;
  audit(read(file), kind === undefined ? { name: file.name } : { name: file.name, kind }).then(
    (report) => scope.postMessage({ type: 'done', report, diagnostic: diagnosticText(report) }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};

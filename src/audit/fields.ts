// Reading untrusted JSON values: each helper gives the value when it has the expected type and a
// sane size, else undefined. Shared by the HAR and the log readers.
import { readInstant } from '../directive/instants';
import { MAX_TEXT } from './types';

export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

export const text = (v: unknown, max = MAX_TEXT): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

export const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/** An HTTP method token (RFC 9110): letters only here, upper-cased. */
export const httpMethod = (v: unknown): string | undefined => {
  const s = text(v, 16);
  return s !== undefined && /^[A-Za-z]+$/.test(s) ? s.toUpperCase() : undefined;
};

export const url = (v: unknown): string | undefined => text(v, 8192);

export const instant = (v: unknown): number | null => (typeof v === 'string' && v.length > 40 ? null : readInstant(v));

/** The SOAP 1.2 operation travels in the content type's `action` parameter instead of SOAPAction. */
export function actionOf(contentType: string | undefined): string | undefined {
  const m = contentType === undefined ? null : /;\s*action\s*=\s*"?([^";]+)"?/i.exec(contentType);
  return m?.[1];
}

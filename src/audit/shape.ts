// The shape of a request a user may share: its HTTP method and its path with every segment that
// is not a known word of the API masked. Only words from the lists below, placeholders and the
// method ever come out: no id, access key, name, query value or host label of the user's.

/** Path words of the eHealthBox REST and SOAP endpoints and of common web APIs. */
const WORDS = new Set([
  'api', 'rest', 'ws', 'soap', 'services', 'service', 'ehealthbox', 'ehbox', 'ehealth', 'consultation', 'publication',
  'mailboxes', 'mailbox', 'folders', 'messages', 'message', 'attachments', 'publications', 'outofoffices', 'recover',
  'trash', 'inbox', 'sent', 'bin', 'binsent', 'sentbox', 'bininbox', 'binsentbox', 'history', 'acknowledgments',
  'acknowledgements', 'status', 'search', 'count', 'settings', 'notifications', 'preferences', 'profile', 'me', 'users',
  'user', 'login', 'logout', 'token', 'config', 'configuration', 'health', 'version', 'info', 'boxinfo', 'substitutes',
  'quota', 'standby', 'read', 'unread', 'move', 'delete', 'batch', 'export', 'content', 'download', 'upload', 'ack',
]);
/** Query keys that carry no user data themselves (their values are always masked). */
const QUERY_KEYS = new Set(['offset', 'limit', 'from', 'to', 'size', 'page', 'folder', 'lang', 'sort', 'order', 'type', 'filter', 'include']);
/** eHealth host labels of the production and acceptance environments. */
const HOST_LABELS = new Set(['www', 'services', 'services-acpt', 'services-int', 'api', 'api-acpt', 'api-int', 'wwwacc', 'acpt', 'int']);
/** SOAP operations known but not in the directive's table (read for information). */
const SOAP_WORDS = new Set(['getmessagehistory', 'gethistory', 'getallehboxesmessageslist', 'getmessageslist', 'getboxinfo']);

const VERSION = /^v\d{1,2}$/i;

function segment(s: string, previous: string | undefined): string {
  const lower = s.toLowerCase();
  if (previous === 'mailboxes') return '{key}';
  if (WORDS.has(lower) || VERSION.test(s)) return lower;
  return /^\d+$/.test(s) ? '{n}' : '{x}';
}

function host(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (!labels.join('.').endsWith('ehealth.fgov.be')) return '{host}';
  const sub = labels.slice(0, -3).join('.');
  return sub === '' ? 'ehealth.fgov.be' : HOST_LABELS.has(sub) ? `${sub}.ehealth.fgov.be` : '{x}.ehealth.fgov.be';
}

/** `GET www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/{key}/things/{n}?offset=…` */
export function shapeOf(httpMethod: string, address: string, soapOperation?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return `${safeMethod(httpMethod)} {unreadable address}`;
  }
  const parts = parsed.pathname.split('/').filter((s) => s !== '');
  const path = parts.map((s, i) => segment(s.split(';')[0] ?? '', parts[i - 1]?.toLowerCase())).join('/');
  const keys = [...new Set([...parsed.searchParams.keys()].map((k) => (QUERY_KEYS.has(k.toLowerCase()) ? k.toLowerCase() : '{k}')))];
  const query = keys.length > 0 ? `?${keys.map((k) => `${k}=…`).join('&')}` : '';
  const soap = soapOperation === undefined ? '' : ` SOAP ${SOAP_WORDS.has(soapOperation.toLowerCase()) ? soapOperation : '{operation}'}`;
  return `${safeMethod(httpMethod)} ${host(parsed.hostname)}/${path}${query}${soap}`;
}

/** `*`: the method is not known (a resource timing entry has none). */
const METHODS = new Set(['*', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const safeMethod = (m: string): string => (METHODS.has(m.toUpperCase()) ? m.toUpperCase() : '{method}');

// The simulated eHealthBox web application: state, actions and `window.ehbApp` for tests.
import { call, seg, type CallResult } from './api.js';
import { append, byId, formatSize, h, isRecord, replace } from './dom.js';
import { composeView, FOLDER_LABELS, listView, messageView, oooView, type MessageDetail } from './views.js';
import type {
  AppResult, BoxChoice, EhbAppApi, EhbWindow, FolderName, MailboxInfo, MessageSummary, OutOfOffice, OutOfOfficeInput,
  PublicationInput, RouteName, Transport,
} from '../types';

const params = new URLSearchParams(location.search);
const transport: Transport = params.get('transport') === 'xhr' ? 'xhr' : 'fetch';
const boxes = JSON.parse(byId('ehb-boxes').textContent ?? '[]') as BoxChoice[];
const accessKey = params.get('box') ?? boxes[0]?.accessKey ?? '';
const FOLDERS: FolderName[] = ['inbox', 'sent', 'bin', 'binsent'];

const state: {
  folder: FolderName;
  messages: MessageSummary[] | null;
  ooo: OutOfOffice[] | null;
  view: 'list' | 'message' | 'compose' | 'ooo';
  poll?: ReturnType<typeof setInterval>;
} = { folder: 'inbox', messages: null, ooo: null, view: 'list' };

const K = (): string => seg(accessKey);
const ok = (r: AppResult): boolean => r.status >= 200 && r.status < 300 && !r.error;
const messageOf = (body: unknown): string | undefined => (isRecord(body) && typeof body.message === 'string' ? body.message : undefined);

// ---- feedback: the app always shows what happened ----

function showStatus(text: string): void {
  byId('status').textContent = text;
  byId('alert').textContent = '';
  byId('alert').hidden = true;
}

function showError(label: string, r: AppResult): void {
  let text: string;
  if (r.redirectedTo?.includes('/idp/login')) text = `${label} failed: your session has expired, you were redirected to the login page.`;
  else if (r.status === 0) text = `${label} failed: ${r.error ?? 'network error'}.`;
  else if (r.status >= 200 && r.status < 300) text = `${label} failed: ${r.error ?? 'unexpected response'} (HTTP ${r.status}).`;
  else text = `${label} failed: HTTP ${r.status}${messageOf(r.body) ? ` – ${messageOf(r.body) ?? ''}` : ''}`;
  const alert = byId('alert');
  alert.hidden = false;
  alert.textContent = text;
  byId('status').textContent = '';
}

function logActivity(method: string, path: string, r: AppResult): void {
  const list = byId('activity');
  const time = new Date().toLocaleTimeString('en-GB');
  list.prepend(h('li', { class: ok(r) ? '' : 'bad' }, `${time} ${method} ${path.replace(`/mailboxes/${K()}`, '/mailboxes/…')} → ${r.status || 'network error'}`));
  while (list.children.length > 8) list.lastElementChild?.remove();
}

/** Every call goes through here: transport, activity log, then success rendering or the error banner. */
async function run(label: string, method: string, path: string, opts: Parameters<typeof call>[3], onOk?: (r: CallResult) => void): Promise<AppResult> {
  const r = await call(transport, method, path, opts);
  logActivity(method, path, r);
  if (ok(r)) {
    onOk?.(r);
    showStatus(`${label}: done (HTTP ${r.status}).`);
  } else {
    showError(label, r);
  }
  const { blob: _blob, ...result } = r;
  return result;
}

// ---- rendering ----

function renderBoxInfo(info: MailboxInfo): void {
  const pct = info.maxSize > 0 ? Math.min(100, (info.currentSize / info.maxSize) * 100) : 0;
  byId('current-size').textContent = formatSize(info.currentSize);
  byId('max-size').textContent = formatSize(info.maxSize);
  byId('unread-count').textContent = String(info.unreadMessagesCount);
  byId('standby-count').textContent = String(info.nbrMessagesInStandBy);
  const meter = byId('usage-meter');
  meter.setAttribute('aria-valuenow', String(Math.round(pct)));
  meter.setAttribute('aria-valuetext', `${pct.toFixed(0)}% used`);
  meter.className = `meter ${pct >= 95 ? 'full' : pct >= 80 ? 'high' : ''}`;
  byId('usage-fill').style.width = `${pct}%`;
  byId('usage-pct').textContent = `${pct.toFixed(0)}%`;
  byId('standby-note').hidden = info.nbrMessagesInStandBy === 0;
  const badge = byId('badge-inbox');
  badge.textContent = info.unreadMessagesCount > 0 ? String(info.unreadMessagesCount) : '';
}

function highlightFolder(): void {
  for (const f of FOLDERS) {
    const link = byId(`nav-${f}`);
    if (state.view !== 'ooo' && state.view !== 'compose' && f === state.folder) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const ooo = byId('nav-ooo');
  if (state.view === 'ooo') ooo.setAttribute('aria-current', 'page'); else ooo.removeAttribute('aria-current');
}

function show(view: typeof state.view, content: HTMLElement, hash: string): void {
  state.view = view;
  replace(byId('view'), content);
  if (location.hash !== hash) history.pushState(null, '', `${location.pathname}${location.search}${hash}`);
  highlightFolder();
}

function renderList(): void {
  show('list', listView(state.folder, state.messages, {
    open: (id) => void api.getMessage(state.folder, id),
    trash: (ids) => void api.trash(state.folder, ids),
    recover: (ids) => void api.recover(state.folder, ids),
    remove: (ids) => void api.deleteMessages(state.folder, ids),
    reload: () => void api.listMessages(state.folder),
  }), `#/${state.folder}`);
}

function dropFromList(ids: string[]): void {
  if (state.messages) state.messages = state.messages.filter((m) => !ids.includes(m.messageId));
  renderList();
}

function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function renderOoO(): void {
  show('ooo', oooView(state.ooo, {
    add: (input) => void api.insertOoO(input),
    remove: (id) => void api.deleteOoO(id),
  }), '#/ooo');
}

// ---- the API the UI and tests share ----

const idsOf = (body: unknown, key: string): string[] => (isRecord(body) && Array.isArray(body[key]) ? body[key].filter((x): x is string => typeof x === 'string') : []);

const api: EhbAppApi = {
  transport,
  box: accessKey,
  getMailbox: () => run('Mailbox info', 'GET', `/mailboxes/${K()}`, {}, (r) => renderBoxInfo(r.body as MailboxInfo)),
  listFolders: () => run('Folders', 'GET', `/mailboxes/${K()}/folders`, { kind: 'listing' }),
  listMessages: (folder = state.folder) => {
    const f = (FOLDERS.find((x) => x === folder.toLowerCase()) ?? folder) as FolderName;
    return run(`${FOLDER_LABELS[f] ?? folder} list`, 'GET', `/mailboxes/${K()}/folders/${seg(folder)}/messages`, { kind: 'listing' }, (r) => {
      state.folder = f;
      state.messages = isRecord(r.body) && Array.isArray(r.body.messages) ? (r.body.messages as MessageSummary[]) : [];
      renderList();
    });
  },
  getMessage: (folder, id) => run('Open message', 'GET', `/mailboxes/${K()}/folders/${seg(folder)}/messages/${seg(id)}`, {}, (r) => {
    const f = folder.toLowerCase() as FolderName;
    const m = r.body as MessageDetail;
    const summary = state.messages?.find((x) => x.messageId === id);
    // The platform marks a message read when it is fetched; mirror it without another GetMailbox.
    const badge = byId('badge-inbox');
    if (summary && !summary.isRead && f === 'inbox' && badge.textContent) {
      const unread = Math.max(0, Number(badge.textContent) - 1);
      badge.textContent = unread > 0 ? String(unread) : '';
      byId('unread-count').textContent = String(unread);
    }
    if (summary) summary.isRead = true;
    show('message', messageView(f, m, {
      back: renderList,
      download: (key, name) => void api.getAttachment(f, id, key).then((res) => res.status === 200 && showStatus(`Downloaded ${name}.`)),
      trash: () => void api.trash(f, [id]).then(renderListIfOk),
      recover: () => void api.recover(f, [id]).then(renderListIfOk),
      remove: () => void api.deleteMessages(f, [id]).then(renderListIfOk),
    }), `#/${f}/${encodeURIComponent(id)}`);
  }),
  getAttachment: (folder, id, key) => run('Download attachment', 'GET',
    `/mailboxes/${K()}/folders/${seg(folder)}/messages/${seg(id)}/attachments/${seg(key)}`, { kind: 'binary' }, (r) => {
      const name = /filename\*=UTF-8''([^;]+)/.exec(r.headers['content-disposition'] ?? '')?.[1];
      if (r.blob) downloadBlob(r.blob, name ? decodeURIComponent(name) : key);
    }),
  trash: (folder, ids) => run('Move to bin', 'POST', `/mailboxes/${K()}/folders/${seg(folder)}/messages/trash`, { body: { messageIds: ids } },
    (r) => dropFromList(idsOf(r.body, 'messageIds'))),
  recover: (folder, ids) => run('Restore', 'POST', `/mailboxes/${K()}/folders/${seg(folder)}/messages/recover`, { body: { messageIds: ids } },
    (r) => dropFromList(idsOf(r.body, 'messageIds'))),
  // One message: DELETE; several: the POST form with a body (DeleteMultipleMessages).
  deleteMessages: (folder, ids) => {
    const base = `/mailboxes/${K()}/folders/${seg(folder)}/messages/${seg(ids[0] ?? '')}`;
    const onOk = (r: CallResult): void => dropFromList(idsOf(r.body, 'deleted'));
    return ids.length === 1 ? run('Delete', 'DELETE', base, {}, onOk) : run('Delete', 'POST', base, { body: { messageIds: ids } }, onOk);
  },
  send: (p: PublicationInput) => run('Send message', 'POST', `/mailboxes/${K()}/publications`, { body: p }),
  recoverPublicationState: (id) => run('Publication state', 'GET', `/mailboxes/${K()}/publications/${seg(id)}`, {}),
  listOoO: () => run('Absences', 'GET', `/mailboxes/${K()}/outOfOffices`, { kind: 'listing' }, (r) => {
    state.ooo = isRecord(r.body) && Array.isArray(r.body.outOfOffices) ? (r.body.outOfOffices as OutOfOffice[]) : [];
    if (state.view === 'ooo') renderOoO();
  }),
  insertOoO: (input: OutOfOfficeInput) => run('Add absence', 'POST', `/mailboxes/${K()}/outOfOffices`, { body: input }, (r) => {
    const id = isRecord(r.body) && typeof r.body.id === 'string' ? r.body.id : '';
    state.ooo = [...(state.ooo ?? []), { id, startDate: input.startDate, endDate: input.endDate, substitutes: input.substitutes ?? [] }];
    if (state.view === 'ooo') renderOoO();
  }),
  deleteOoO: (id) => run('Delete absence', 'DELETE', `/mailboxes/${K()}/outOfOffices/${seg(id)}`, {}, () => {
    state.ooo = (state.ooo ?? []).filter((o) => o.id !== id);
    if (state.view === 'ooo') renderOoO();
  }),
  createMailbox: (boxId) => run('Create mailbox', 'POST', '/mailboxes', { body: { boxId } }),
  updateMailbox: (patch) => run('Update mailbox', 'PATCH', `/mailboxes/${K()}`, { body: patch }),
  request: (method, path, body) => run(`${method} ${path}`, method, path, body === undefined ? {} : { body }),
  burst: async (route, n, options = {}) => {
    const fn = burstTable[route];
    if (!fn) throw new Error(`burst: no app action for route ${route}`);
    const args = options.args ?? [];
    if (options.parallel) return Promise.all(Array.from({ length: n }, () => fn(args)));
    const out: AppResult[] = [];
    for (let i = 0; i < n; i++) out.push(await fn(args));
    return out;
  },
};

function renderListIfOk(r: AppResult): void {
  if (ok(r)) renderList();
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const firstId = (): string => state.messages?.[0]?.messageId ?? '';

const burstTable: Partial<Record<RouteName, (args: unknown[]) => Promise<AppResult>>> = {
  GetMailbox: () => api.getMailbox(),
  ListMailBoxFolder: () => api.listFolders(),
  ListMessages: (a) => api.listMessages(str(a[0], state.folder)),
  GetMessage: (a) => api.getMessage(str(a[0], state.folder), str(a[1], firstId())),
  GetAttachment: (a) => api.getAttachment(str(a[0], 'inbox'), str(a[1], firstId()), str(a[2], 'att1')),
  Trash: (a) => api.trash(str(a[0], state.folder), strs(a[1])),
  Recover: (a) => api.recover(str(a[0], 'bin'), strs(a[1])),
  DeleteOneMessage: (a) => api.deleteMessages(str(a[0], state.folder), [str(a[1], firstId())]),
  DeleteMultipleMessages: (a) => api.deleteMessages(str(a[0], state.folder), strs(a[1])),
  RecoverPublicationState: (a) => api.recoverPublicationState(str(a[0], '')),
  ListOutOfOffices: () => api.listOoO(),
  CreateOutOfOffice: (a) => api.insertOoO((a[0] as OutOfOfficeInput | undefined) ?? { startDate: '2026-12-01', endDate: '2026-12-05', substitutes: [] }),
  DeleteOutOfOffice: (a) => api.deleteOoO(str(a[0], '')),
  SendMessage: (a) => api.send(a[0] as PublicationInput),
  UpdateMailbox: (a) => api.updateMailbox(isRecord(a[0]) ? a[0] : {}),
  CreateMailboxIfNotExists: () => {
    const own = boxes.find((b) => b.accessKey === accessKey)?.identifier;
    return api.createMailbox({ id: own?.value ?? '', type: own?.type ?? 'NIHII', quality: own?.quality ?? 'DOCTOR' });
  },
};

(window as unknown as EhbWindow).ehbApp = api;

// ---- chrome: header, navigation, polling ----

function setupChrome(): void {
  const current = boxes.find((b) => b.accessKey === accessKey);
  byId('box-identity').textContent = current
    ? `${current.label} · ${current.identifier.type} ${current.identifier.value} · ${current.identifier.quality}`
    : 'Unknown mailbox';
  const sel = byId<HTMLSelectElement>('box-select');
  for (const b of boxes) append(sel, h('option', { value: b.accessKey, selected: b.accessKey === accessKey }, b.label));
  sel.addEventListener('change', () => {
    const next = new URLSearchParams(location.search);
    next.set('box', sel.value);
    location.search = next.toString();
  });
  byId('transport').textContent = transport === 'xhr' ? 'XHR' : 'fetch';
  for (const f of FOLDERS) byId(`nav-${f}`).addEventListener('click', (e) => { e.preventDefault(); void api.listMessages(f); });
  byId('nav-compose').addEventListener('click', () => show('compose', composeView((p) => void api.send(p).then((r) => {
    if (ok(r)) void api.listMessages('sent');
  })), '#/compose'));
  byId('nav-ooo').addEventListener('click', (e) => { e.preventDefault(); state.ooo = null; renderOoO(); void api.listOoO(); });
  byId('refresh-box').addEventListener('click', () => void api.getMailbox());
  const toggle = byId<HTMLInputElement>('autopoll');
  const interval = byId<HTMLInputElement>('autopoll-interval');
  const restart = (): void => {
    if (state.poll !== undefined) clearInterval(state.poll);
    state.poll = undefined;
    if (!toggle.checked) return;
    const seconds = Math.max(1, Number(interval.value) || 60);
    // Naive on purpose, like many clients: box info and the current list on every tick.
    state.poll = setInterval(() => void api.getMailbox().then(() => (state.view === 'list' ? api.listMessages(state.folder) : undefined)), seconds * 1000);
  };
  toggle.addEventListener('change', restart);
  interval.addEventListener('change', restart);
  const poll = Number(params.get('poll'));
  if (poll > 0) {
    interval.value = String(poll);
    toggle.checked = true;
    restart();
  }
  window.addEventListener('popstate', () => void routeFromHash());
}

async function routeFromHash(): Promise<void> {
  const [, first = 'inbox', second] = location.hash.split('/');
  if (first === 'ooo') { renderOoO(); await api.listOoO(); return; }
  if (first === 'compose') { byId('nav-compose').click(); return; }
  const folder = FOLDERS.find((f) => f === first) ?? 'inbox';
  if (second) await api.getMessage(folder, decodeURIComponent(second));
  else await api.listMessages(folder);
}

async function start(): Promise<void> {
  setupChrome();
  if (params.get('autoload') === '0') {
    renderList();
  } else {
    await api.getMailbox();
    await routeFromHash();
  }
  document.documentElement.dataset.appState = 'ready';
}

void start();

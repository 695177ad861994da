// Screens of the simulated eHealthBox web app. Pure rendering: every action is a callback.
import { formatDate, formatSize, h } from './dom.js';
import type { FolderName, IdentifierType, MessageSummary, OutOfOffice, OutOfOfficeInput, PublicationInput, Quality } from '../types';

export const FOLDER_LABELS: Record<FolderName, string> = { inbox: 'Inbox', sent: 'Sent', bin: 'Bin', binsent: 'Bin (sent)' };

export interface ListHandlers {
  open(id: string): void;
  trash(ids: string[]): void;
  recover(ids: string[]): void;
  remove(ids: string[]): void;
  reload(): void;
}

export function listView(folder: FolderName, messages: MessageSummary[] | null, on: ListHandlers): HTMLElement {
  const selected = new Set<string>();
  const inBin = folder === 'bin' || folder === 'binsent';
  const buttons: HTMLButtonElement[] = [];
  const act = (label: string, fn: (ids: string[]) => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'secondary', disabled: true, onclick: () => fn([...selected]) }, label);
    buttons.push(b);
    return b;
  };
  const refreshButtons = (): void => { for (const b of buttons) b.disabled = selected.size === 0; };
  const boxes: HTMLInputElement[] = [];
  const selectAll = h('input', {
    type: 'checkbox', 'aria-label': 'Select all messages', 'data-testid': 'select-all',
    onchange: () => {
      for (const cb of boxes) {
        cb.checked = selectAll.checked;
        const id = cb.dataset.messageId ?? '';
        if (selectAll.checked) selected.add(id); else selected.delete(id);
      }
      refreshButtons();
    },
  });

  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Message actions' },
    inBin ? act('Restore', on.recover) : act('Move to bin', on.trash),
    act('Delete', on.remove),
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', class: 'secondary', onclick: on.reload }, 'Reload list'));

  const heading = h('h1', {}, FOLDER_LABELS[folder]);
  if (messages === null) {
    return h('section', { 'data-testid': 'message-list', 'aria-labelledby': 'folder-title' }, heading, toolbar,
      h('p', { class: 'empty' }, 'The list has not been loaded yet. Use “Reload list”.'));
  }
  heading.id = 'folder-title';
  const rows = messages.map((m) => {
    const cb = h('input', {
      type: 'checkbox', 'aria-label': `Select “${m.subject}”`, 'data-message-id': m.messageId,
      onchange: () => { if (cb.checked) selected.add(m.messageId); else selected.delete(m.messageId); refreshButtons(); },
    });
    boxes.push(cb);
    return h('tr', { class: m.isRead ? 'read' : 'unread', 'data-testid': 'message-row', 'data-message-id': m.messageId },
      h('td', { class: 'sel' }, cb),
      h('td', {}, m.sender.name),
      h('td', {},
        h('button', { type: 'button', class: 'link', onclick: () => on.open(m.messageId) }, m.subject),
        m.ackType ? h('span', { class: 'tag' }, `ACK ${m.ackType}`) : null),
      h('td', { class: 'date' }, formatDate(m.publicationDate)),
      h('td', { class: 'num' }, formatSize(m.size)),
      h('td', { class: 'att' }, m.hasAttachments ? h('span', { class: 'clip', role: 'img', title: 'Has attachments', 'aria-label': 'Has attachments' }) : ''));
  });
  const table = messages.length === 0
    ? h('p', { class: 'empty' }, 'No messages in this folder.')
    : h('table', { class: 'messages' },
      h('thead', {}, h('tr', {},
        h('th', { class: 'sel', scope: 'col' }, selectAll), h('th', { scope: 'col' }, folder.includes('sent') ? 'To / From' : 'From'),
        h('th', { scope: 'col' }, 'Subject'), h('th', { scope: 'col', class: 'date' }, 'Date'), h('th', { scope: 'col', class: 'num' }, 'Size'),
        h('th', { scope: 'col', class: 'att' }, h('span', { class: 'sr-only' }, 'Attachments')))),
      h('tbody', {}, ...rows));
  return h('section', { 'data-testid': 'message-list', 'aria-labelledby': 'folder-title' }, heading, toolbar, table);
}

export interface MessageDetail extends MessageSummary {
  recipients: { name: string; identifier: { type: string; value: string } }[];
  patientId?: string;
  body: string;
  attachments: { key: string; name: string; size: number }[];
}

export function messageView(folder: FolderName, m: MessageDetail, on: {
  back(): void; download(key: string, name: string): void; trash(): void; recover(): void; remove(): void;
}): HTMLElement {
  const inBin = folder === 'bin' || folder === 'binsent';
  const row = (label: string, value: string | undefined): (HTMLElement | null)[] =>
    value ? [h('dt', {}, label), h('dd', {}, value)] : [null];
  return h('article', { 'data-testid': 'message-view', 'aria-labelledby': 'msg-subject' },
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Message actions' },
      h('button', { type: 'button', class: 'secondary', onclick: on.back }, `← Back to ${FOLDER_LABELS[folder]}`),
      h('span', { class: 'spacer' }),
      inBin ? h('button', { type: 'button', class: 'secondary', onclick: on.recover }, 'Restore')
        : h('button', { type: 'button', class: 'secondary', onclick: on.trash }, 'Move to bin'),
      h('button', { type: 'button', class: 'danger', onclick: on.remove }, 'Delete')),
    h('h1', { id: 'msg-subject' }, m.subject, m.ackType ? h('span', { class: 'tag' }, `ACK ${m.ackType}`) : null),
    h('dl', { class: 'meta' },
      ...row('From', `${m.sender.name} (${m.sender.identifier.type} ${m.sender.identifier.value})`),
      ...row('To', m.recipients.map((r) => `${r.name} (${r.identifier.type} ${r.identifier.value})`).join(', ')),
      ...row('Patient', m.patientId),
      ...row('Date', formatDate(m.publicationDate)),
      ...row('Size', formatSize(m.size))),
    h('pre', { class: 'body', 'data-testid': 'message-body' }, m.body),
    m.attachments.length === 0 ? null : h('section', { 'aria-label': 'Attachments', class: 'attachments' },
      h('h2', {}, 'Attachments'),
      h('ul', {}, ...m.attachments.map((a) => h('li', {},
        h('button', { type: 'button', class: 'link', 'data-testid': 'attachment', onclick: () => on.download(a.key, a.name) },
          `Download ${a.name}`), h('span', { class: 'muted' }, ` ${formatSize(a.size)}`))))));
}

const ID_TYPES: IdentifierType[] = ['NIHII', 'NISS', 'CBE', 'EHP'];
const QUALITIES: Quality[] = ['DOCTOR', 'NURSE', 'PHARMACIST', 'DENTIST', 'PHYSIOTHERAPIST', 'MIDWIFE', 'HOSPITAL', 'LABO', 'GROUP', 'INSTITUTION'];

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { class: 'muted' }, hint) : null);
}

const select = (id: string, options: string[]): HTMLSelectElement => h('select', { id }, ...options.map((o) => h('option', { value: o }, o)));

export function composeView(send: (p: PublicationInput) => void): HTMLElement {
  const rType = select('c-rtype', ID_TYPES);
  const rId = h('input', { id: 'c-rid', required: true, inputmode: 'numeric', autocomplete: 'off' });
  const rQuality = select('c-rquality', QUALITIES);
  const subject = h('input', { id: 'c-subject', required: true });
  const patient = h('input', { id: 'c-patient', inputmode: 'numeric', autocomplete: 'off' });
  const body = h('textarea', { id: 'c-body', rows: 8 });
  const attName = h('input', { id: 'c-attname', placeholder: 'report.pdf' });
  const attSize = h('input', { id: 'c-attsize', type: 'number', min: 0, step: 1, value: 0 });
  const ack = (id: string, label: string): [HTMLInputElement, HTMLElement] => {
    const cb = h('input', { type: 'checkbox', id });
    return [cb, h('label', { class: 'check', for: id }, cb, ` ${label}`)];
  };
  const [ackPub, ackPubL] = ack('c-ack-pub', 'Publication');
  const [ackRec, ackRecL] = ack('c-ack-rec', 'Reception');
  const [ackRead, ackReadL] = ack('c-ack-read', 'Reading');
  const form = h('form', { class: 'card form', 'aria-labelledby': 'compose-title', 'data-testid': 'compose-form' },
    h('h1', { id: 'compose-title' }, 'New message'),
    h('div', { class: 'row' }, field('Recipient type', rType), field('Recipient identifier', rId), field('Recipient quality', rQuality)),
    field('Subject', subject),
    field('Patient NISS', patient, 'Optional'),
    field('Message', body),
    h('div', { class: 'row' }, field('Attachment name', attName),
      field('Attachment size (KB)', attSize, 'Simulates a file of that size. Prefer links over large files (directive §3.1).')),
    h('fieldset', {}, h('legend', {}, 'Request acknowledgements'), ackPubL, ackRecL, ackReadL),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Send')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const kb = Number(attSize.value) || 0;
    send({
      recipients: [{ type: rType.value as IdentifierType, id: rId.value.trim(), quality: rQuality.value as Quality }],
      subject: subject.value,
      body: body.value,
      ...(patient.value.trim() ? { patientId: patient.value.trim() } : {}),
      attachments: attName.value.trim() || kb > 0 ? [{ name: attName.value.trim() || 'attachment.bin', size: Math.round(kb * 1024) }] : [],
      ackRequested: { published: ackPub.checked, received: ackRec.checked, read: ackRead.checked },
    });
  });
  return form;
}

export function oooView(list: OutOfOffice[] | null, on: { add(input: OutOfOfficeInput): void; remove(id: string): void }): HTMLElement {
  const start = h('input', { id: 'o-start', type: 'date', required: true });
  const end = h('input', { id: 'o-end', type: 'date', required: true });
  const subType = select('o-subtype', ID_TYPES);
  const subId = h('input', { id: 'o-subid', inputmode: 'numeric', autocomplete: 'off' });
  const form = h('form', { class: 'card form', 'aria-labelledby': 'ooo-add-title' },
    h('h2', { id: 'ooo-add-title' }, 'Plan an absence'),
    h('div', { class: 'row' }, field('Start date', start), field('End date', end)),
    h('div', { class: 'row' }, field('Substitute type', subType), field('Substitute identifier', subId, 'Optional')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add absence')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = subId.value.trim();
    on.add({ startDate: start.value, endDate: end.value, substitutes: id ? [{ type: subType.value as IdentifierType, id }] : [] });
  });
  const table = list === null ? h('p', { class: 'empty' }, 'Loading…')
    : list.length === 0 ? h('p', { class: 'empty' }, 'No absence planned.')
      : h('table', { class: 'messages', 'data-testid': 'ooo-list' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'From'), h('th', { scope: 'col' }, 'To'),
          h('th', { scope: 'col' }, 'Substitutes'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
        h('tbody', {}, ...list.map((o) => h('tr', { 'data-testid': 'ooo-row', 'data-ooo-id': o.id },
          h('td', {}, o.startDate), h('td', {}, o.endDate),
          h('td', {}, o.substitutes.map((s) => `${s.type} ${s.id}`).join(', ') || '—'),
          h('td', { class: 'num' }, h('button', {
            type: 'button', class: 'secondary', 'aria-label': `Delete absence ${o.startDate} – ${o.endDate}`, onclick: () => on.remove(o.id),
          }, 'Delete'))))));
  return h('section', { 'aria-labelledby': 'ooo-title', 'data-testid': 'ooo-view' },
    h('h1', { id: 'ooo-title' }, 'Out of office'),
    h('p', { class: 'muted' }, 'Plan your absences ahead and name a substitute; senders are told you are away.'),
    table, form);
}

import type { Simulator } from './simulator';
import { makeCbe, makeNiss } from './ids';
import type { Party } from './types';

export interface Scenario {
  /** Access key of the individual box (NIHII, DOCTOR). */
  individual: string;
  /** Access key of the organization box (CBE, HOSPITAL). */
  organization: string;
}

// Fictitious parties; identifiers are well-formed (checksums valid) but belong to nobody.
const LAB: Party = { name: 'Laboratoire Biologie Clinique Démo', identifier: { type: 'NIHII', value: '82000118998', quality: 'LABO' } };
const RADIO: Party = { name: 'Centre d’Imagerie Médicale Démo', identifier: { type: 'NIHII', value: '71000435001', quality: 'HOSPITAL' } };
const GP: Party = { name: 'Dr An Janssens', identifier: { type: 'NIHII', value: '19283746004', quality: 'DOCTOR' } };
const NURSE: Party = { name: 'Thuisverpleging Voorbeeld', identifier: { type: 'NIHII', value: '43021987402', quality: 'NURSE' } };

/** Offsets in hours before "now", so listings show a believable spread of dates. */
const ago = (sim: Simulator, hours: number): string => new Date(sim.now().getTime() - hours * 3_600_000).toISOString();

export function seedDefaultScenario(sim: Simulator): Scenario {
  const doctor = sim.addMailbox({
    name: 'Dr Marie Peeters',
    owner: { type: 'NIHII', value: '10734528004', quality: 'DOCTOR' },
  });
  const hospital = sim.addMailbox({
    name: 'Hôpital Sainte-Gudule (démo)',
    owner: { type: 'CBE', value: makeCbe('04123456'), quality: 'HOSPITAL' },
  });
  const patient = (n: number): string => makeNiss('751203', n);

  const d = doctor.accessKey;
  sim.deliver(d, 'inbox', {
    sender: LAB, subject: 'Résultats de biologie clinique', patientId: patient(101), publicationDate: ago(sim, 2),
    body: 'Chère Consœur,\n\nVeuillez trouver ci-joint les résultats demandés le 20/11.\nCRP : 4 mg/L. Hémogramme normal.\n\nBien confraternellement.',
    attachments: [{ name: 'resultats-labo.pdf', size: 182_344 }],
  });
  sim.deliver(d, 'inbox', {
    sender: RADIO, subject: 'Protocole RX thorax', patientId: patient(202), publicationDate: ago(sim, 27),
    body: 'Protocole : pas d’anomalie pleuro-parenchymateuse décelable.', attachments: [{ name: 'protocole-rx.pdf', size: 96_120 }],
  });
  sim.deliver(d, 'inbox', {
    sender: NURSE, subject: 'Verslag thuisverpleging', patientId: patient(303), publicationDate: ago(sim, 50), read: true,
    body: 'Wondzorg verloopt goed. Volgende controle over een week.',
  });
  sim.deliver(d, 'sent', {
    sender: { name: doctor.name, identifier: doctor.owner }, recipients: [GP], subject: 'Demande d’avis', publicationDate: ago(sim, 30),
    read: true, body: 'Cher Confrère, pourriez-vous revoir ce patient ?', patientId: patient(101),
  });
  sim.deliver(d, 'bin', { sender: LAB, subject: 'Ancien résultat', publicationDate: ago(sim, 240), read: true });

  const h = hospital.accessKey;
  sim.deliver(h, 'inbox', {
    sender: GP, subject: 'Lettre de référence – consultation cardiologie', patientId: patient(404), publicationDate: ago(sim, 1),
    body: 'Cher Collègue,\n\nJe vous adresse ce patient pour bilan de palpitations.\n\nBien à vous.',
    attachments: [{ name: 'ecg.pdf', size: 240_000 }, { name: 'medication.txt', size: 1_200, mimeType: 'text/plain' }],
  });
  sim.deliver(h, 'inbox', {
    sender: LAB, subject: 'Résultats urgents', patientId: patient(505), publicationDate: ago(sim, 5), body: 'Kaliémie : 5,9 mmol/L.',
  });
  sim.deliver(h, 'sent', {
    sender: { name: hospital.name, identifier: hospital.owner }, recipients: [GP], subject: 'Lettre de sortie', publicationDate: ago(sim, 20),
    read: true, body: 'Sortie le 21/11. Suivi par le médecin traitant.', attachments: [{ name: 'lettre-sortie.pdf', size: 310_512 }],
  });
  return { individual: d, organization: h };
}

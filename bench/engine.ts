// Decision time with an empty history versus after a year of organization-level traffic: the
// engine must stay flat (it keeps only what the longest window needs, plus one ladder entry per
// message). Pure Node, no browser.
import { type CallUnits, type Conditions, decide, record } from '../src/directive/engine';
import { type Ledger, emptyLedger, prune, pruneLadders } from '../src/directive/ledger';

const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
const HOUR = 3_600_000;
const START = Date.UTC(2025, 10, 23, 0, 0);
const FOLDERS = ['inbox', 'sent', 'bin', 'binsent'];

/** A year at the organization limits: per hour 60 GetMailbox, 240 ListMessages, 60 ListMailBoxFolder, 50 new messages read. */
export function yearOfTraffic(): { ledger: Ledger; now: number; calls: number } {
  const ledger = emptyLedger();
  let calls = 0;
  let message = 0;
  for (let h = 0; h < 365 * 24; h++) {
    const base = START + h * HOUR;
    for (let i = 0; i < 60; i++) {
      const at = base + i * 60_000;
      record({ method: 'GetMailbox', units: [] }, ledger, at);
      record({ method: 'ListMailBoxFolder', units: [] }, ledger, at + 1);
      for (const folder of FOLDERS) record({ method: 'ListMessages', folder, units: [] }, ledger, at + 2);
      calls += 6;
    }
    for (let i = 0; i < 50; i++) {
      record({ method: 'GetMessage', folder: 'inbox', units: [`m${message++}`] }, ledger, base + i * 70_000);
      calls += 1;
    }
    prune(ledger, base + HOUR);
    if (h % 24 === 0) pruneLadders(ledger, base);
  }
  return { ledger, now: START + 365 * 24 * HOUR, calls };
}

const PROBES: CallUnits[] = [
  { method: 'GetMailbox', units: [] },
  { method: 'ListMessages', folder: 'inbox', units: [] },
  { method: 'GetMessage', folder: 'inbox', units: ['m12345'] },
  { method: 'CreateOutOfOffice', units: [] },
];

/** Nanoseconds per decision, median of several rounds. */
function timeDecisions(ledger: Ledger, now: number, rounds = 15, perRound = 4000): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) decide(PROBES[i % PROBES.length] as CallUnits, ledger, ORG, now + i);
    samples.push(Number(process.hrtime.bigint() - t0) / perRound);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

export function runEngineBench() {
  const year = yearOfTraffic();
  const empty = emptyLedger();
  timeDecisions(empty, year.now, 3);
  const emptyNs = timeDecisions(empty, year.now);
  const yearNs = timeDecisions(year.ledger, year.now);
  return {
    callsSimulated: year.calls,
    ladderEntries: year.ledger.ladders.size,
    stampsKept: Object.values(year.ledger.windows).reduce((a, l) => a + (l?.length ?? 0), 0),
    emptyNs,
    yearNs,
    ratio: yearNs / emptyNs,
  };
}

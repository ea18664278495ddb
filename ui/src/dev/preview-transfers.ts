/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND. Transfers that identify people, for the preview's
 * vault (see ./preview-backend.ts): recipients, the check of each person's basis, the CSV "saved"
 * into the same ledger as the anonymised exports (./preview-reports.ts), and the Art. 19 notices
 * on their ten-working-day clocks (counted by ./preview-obligations.ts's calendar).
 *
 * Nothing here is a rule of the product: the core decides each basis (crates/core/src/reports/
 * identifying.rs). The preview imitates it well enough to show every state: a person's own
 * consents recorded in the preview count as the core counts them; the synthetic others are taken
 * to have a paper consent naming every recipient at home — except every sixth person (№ 5, 11,
 * 17…), whose consent names no recipient — that covers their name, birth date, sex, phone, place
 * and programme; employees rely on Art. 9(10). Abroad, only recorded consents to the country count.
 * The seed (`app`): four recipients, two identifying transfers, one notice overdue and two running.
 */
import type {
  Clock,
  Consent,
  FieldKey,
  IdentifyingDraft,
  PersonCheck,
  PersonLifecycle,
  RecipientDraft,
  RecipientKind,
  RecipientRecord,
  Transfer,
  TransferCheck,
  TransferNotice,
} from '../api';
import type { RegisterAccess } from './preview-register';

export const TRANSFERS_COMMANDS = new Set([
  'recipients_list',
  'recipient_add',
  'transfer_check',
  'transfer_identifying_save',
  'transfer_notices',
  'transfer_notified',
]);

export interface TransfersHost {
  fail: (code: string, message: string, params?: Record<string, unknown>) => never;
  journal: (action: string, details?: Record<string, unknown>, object?: string | null) => void;
  register: () => RegisterAccess;
  /** A person's consents as the preview recorded them (none for the synthetic people). */
  consents: (number: number) => Consent[];
  lifecycle: (number: number) => PersonLifecycle;
  /** The ledger of ./preview-reports.ts. */
  ledgerAdd: (entry: Omit<Transfer, 'number' | 'id' | 'at' | 'userName' | 'sha256' | 'size'> & { at?: string; userName?: string }, path: string | null) => Transfer;
  ledger: () => readonly Transfer[];
  fileTaken: (path: string) => boolean;
  organisationName: () => string;
  /** A term of `days` working days from `from`, as it stands today. */
  count: (from: string, days: number) => Clock;
  /** The day `n` working days before today. */
  workingDaysAgo: (n: number) => string;
}

const EXCEPTIONS = ['art16_3_2', 'art16_3_3', 'art16_3_4'];
const KINDS: RecipientKind[] = ['donor', 'partner', 'state_body', 'other'];
/** What a synthetic person's paper consent covers. */
const SYNTHETIC_FIELDS: FieldKey[] = ['surname', 'name', 'patronymic', 'birth_date', 'sex', 'phone', 'region', 'district', 'settlement', 'programme'];

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** Whether a consent's list ("A, B; C") names `name` (as the core's `names`). */
const names = (list: string | null, name: string) => {
  const n = plain(name);
  return (list ?? '')
    .split(/[,;\n]/)
    .map(plain)
    .filter((i) => i.length >= 3)
    .some((i) => i.includes(n) || n.includes(i));
};

export function createTransfers(host: TransfersHost, { seed }: { seed: boolean }) {
  const recipients: Omit<RecipientRecord, 'transfers'>[] = [];
  /** The people each identifying transfer carried who asked to be told. */
  const tasks: { transfer: number; recipient: string; number: number; from: string; notifiedOn: string | null }[] = [];
  const bad = (field: string, reason: string, message: string, params: Record<string, unknown> = {}): never =>
    host.fail('invalid_input', message, { field, reason, ...params });

  const out = (r: (typeof recipients)[number]): RecipientRecord => ({
    ...r,
    transfers: host.ledger().filter((x) => plain(x.recipient) === plain(r.name)).length,
  });
  const recipient = (n: number) => recipients.find((r) => r.number === n) ?? bad('recipient', 'recipient_not_found', `There is no recipient № ${n}.`, { number: n });

  const add = (d: RecipientDraft) => {
    const name = (d.name ?? '').trim();
    const country = (d.country ?? '').trim();
    if (!name) bad('name', 'transfer_recipient_missing', 'Say who receives the file: the law asks for a record of every transfer.');
    if (!country) bad('country', 'recipient_country_missing', "Give the recipient's country.");
    if (d.abroad && (d.protects === null || d.protects === undefined)) {
      bad('protects', 'recipient_protection_unknown', "Say whether the recipient's country ensures the protection of personal data (Art. 16(2)).");
    }
    if (recipients.some((r) => plain(r.name) === plain(name) && plain(r.country) === plain(country))) {
      bad('name', 'recipient_exists', 'A recipient with this name and country is already in the list.');
    }
    const number = recipients.length + 1;
    const r = { id: `rcp-${number}`, number, name, country, abroad: Boolean(d.abroad), kind: KINDS.includes(d.kind) ? d.kind : 'other', protects: d.abroad ? Boolean(d.protects) : null };
    recipients.push(r);
    return r;
  };

  const checkPerson = (to: (typeof recipients)[number], n: number, exception: string | null): PersonCheck & { fields: FieldKey[] } => {
    const c: PersonCheck & { fields: FieldKey[] } = { number: n, basis: null, lacking: null, notify: false, fields: [] };
    const p = host.register().get(n);
    if (!p) return { ...c, lacking: 'not_found' };
    const life = host.lifecycle(n);
    if (life.blockedReason) return { ...c, lacking: 'blocked' };
    const unprotected = to.abroad && to.protects !== true;
    const recorded = host.consents(n);
    const consent = recorded.find(
      (x) =>
        ['active', 'expiring'].includes(x.state) &&
        x.thirdParties &&
        names(x.thirdPartyRecipients, to.name) &&
        (!to.abroad || (x.crossBorder && names(x.crossBorderCountries, to.country))),
    );
    if (consent) return { ...c, basis: `consent:${consent.number}`, fields: consent.dataFields as FieldKey[], notify: consent.number % 2 === 0 };
    // Only the Art. 9 sub-paragraphs count (the preview's older grounds do not).
    const ground = life.legalGround?.startsWith('art9_') ? life.legalGround : p.kind === 'employee' ? 'art9_10' : null;
    const allowed = [...(host.register().inventory().purposes.flatMap((x) => x.fields[p.kind] ?? []) as FieldKey[])];
    if (ground && !unprotected) return { ...c, basis: ground, fields: allowed };
    if (unprotected && exception) return { ...c, basis: exception, fields: allowed };
    // The synthetic people's paper consents: at home only, every recipient but for every sixth.
    if (!recorded.length && !to.abroad && n % 6 !== 5) {
      return { ...c, basis: `consent:${((n * 7) % 9000) + 100}`, fields: SYNTHETIC_FIELDS, notify: n % 4 === 0 };
    }
    return { ...c, lacking: to.abroad ? 'no_cross_border_consent' : 'no_consent_to_recipient' };
  };

  const check = (d: IdentifyingDraft): TransferCheck & { covered: (PersonCheck & { fields: FieldKey[] })[] } => {
    const to = recipient(Number(d.recipient));
    if (d.exception && !EXCEPTIONS.includes(d.exception)) bad('exception', 'transfer_exception_unknown', `Choose the exception of Art. 16(3): ${EXCEPTIONS.join(', ')}.`, { allowed: EXCEPTIONS });
    if (!d.people?.length) bad('people', 'transfer_people_missing', 'Choose the people whose data is transferred.');
    if (!d.fields?.length) bad('fields', 'transfer_fields_missing', 'Choose the data to transfer.');
    const seen = new Set<number>();
    const people = d.people.filter((n) => !seen.has(n) && seen.add(n)).map((n) => checkPerson(to, n, d.exception ?? null));
    const withBasis = people.filter((p) => p.basis !== null);
    const asked = [...new Set(d.fields)];
    const fields = asked.filter((f) => withBasis.every((p) => p.fields.includes(f)));
    return {
      people: people.map(({ fields: _f, ...p }) => p),
      lacking: people.filter((p) => p.basis === null).map((p) => p.number),
      fields,
      leftOut: asked.filter((f) => !fields.includes(f)),
      covered: people,
    };
  };

  if (seed) {
    add({ name: 'Азаматтық бастамаларды қолдау орталығы', country: 'Қазақстан', abroad: false, kind: 'state_body', protects: null });
    add({ name: '«Шапағат» дағдарыс орталығы', country: 'Қазақстан', abroad: false, kind: 'partner', protects: null });
    add({ name: 'UNICEF Kazakhstan', country: 'Қазақстан', abroad: false, kind: 'donor', protects: null });
    add({ name: 'Stiftung Kinderhilfe e.V.', country: 'Германия', abroad: true, kind: 'donor', protects: true });
    const made = (days: number) => `${host.workingDaysAgo(days)}T10:20:00Z`;
    const t1 = host.ledgerAdd(
      {
        kind: 'identifying', format: 'csv', recipient: '«Шапағат» дағдарыс орталығы', purpose: 'Баспана беру үшін жолдама: үш әйел мен олардың балалары',
        parameters: { recipient: 2, fields: ['surname', 'name', 'birth_date', 'phone'], people: 3, exception: null }, outcome: { rows: 3, leftOut: [] }, at: made(12), userName: 'Айгерім Сейітқызы',
      },
      null,
    );
    const t2 = host.ledgerAdd(
      {
        kind: 'identifying', format: 'csv', recipient: 'Азаматтық бастамаларды қолдау орталығы', purpose: '№ 12 мемлекеттік грант бойынша есепке қатысушылар тізімі',
        parameters: { recipient: 1, fields: ['surname', 'name', 'patronymic', 'region'], people: 48, exception: null }, outcome: { rows: 48, leftOut: ['iin'] }, at: made(3), userName: 'Айгерім Сейітқызы',
      },
      null,
    );
    tasks.push({ transfer: t1.number, recipient: t1.recipient, number: 214, from: t1.at.slice(0, 10), notifiedOn: null });
    tasks.push({ transfer: t2.number, recipient: t2.recipient, number: 37, from: t2.at.slice(0, 10), notifiedOn: null });
    tasks.push({ transfer: t2.number, recipient: t2.recipient, number: 58, from: t2.at.slice(0, 10), notifiedOn: null });
  }

  const notices = (): TransferNotice[] =>
    tasks
      .filter((x) => !x.notifiedOn && host.register().get(x.number))
      .map((x) => ({ transfer: x.transfer, recipient: x.recipient, number: x.number, clock: host.count(x.from, 10) }))
      .sort((a, b) => (a.clock.due ?? '').localeCompare(b.clock.due ?? '') || a.number - b.number);

  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    recipients_list: () => recipients.map(out),
    recipient_add: (a) => {
      const r = add(a.draft as RecipientDraft);
      host.journal('recipient.added', { recipient: r.number, abroad: r.abroad }, r.id);
      return out(r);
    },
    transfer_check: (a) => {
      const { covered: _c, ...result } = check(a.draft as IdentifyingDraft);
      return result;
    },
    transfer_identifying_save: async (a) => {
      const d = a.draft as IdentifyingDraft;
      if (!(d.purpose ?? '').trim()) bad('purpose', 'transfer_purpose_missing', 'Say why the file is sent.');
      const c = check(d);
      if (c.lacking.length) {
        const people = c.lacking.map((n) => `№ ${n}`).join(', ');
        bad('people', 'transfer_basis_missing', `Nothing was transferred: these people have no basis for this transfer (a consent naming this recipient, or an Art. 9 ground): ${people}.`, { people });
      }
      if (!c.fields.length) bad('fields', 'transfer_fields_not_covered', "None of the chosen data is covered by every person's consent or ground: nothing to transfer.");
      const path = String(a.path ?? '').trim();
      if (!/\.csv$/i.test(path)) bad('path', 'transfer_extension', 'The file name must end in .csv for this format.', { ext: 'csv' });
      if (!path.startsWith('/') || path.includes('/missing/')) bad('path', 'folder_missing', 'The folder to save into does not exist.');
      if (host.fileTaken(path) && a.ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there; choose another name, or replace it.');
      if (!host.organisationName().trim()) bad('organisation', 'transfer_organisation_missing', "Fill in the organisation's name in Settings first: the file says who sends it.");
      await new Promise((r) => setTimeout(r, 400));
      const to = recipient(Number(d.recipient));
      const transfer = host.ledgerAdd(
        {
          kind: 'identifying',
          format: 'csv',
          recipient: to.name,
          purpose: d.purpose.trim(),
          parameters: { recipient: to.number, fields: c.fields, people: c.people.length, exception: d.exception ?? null },
          outcome: { rows: c.people.length, leftOut: c.leftOut },
        },
        path,
      );
      const today = transfer.at.slice(0, 10);
      for (const p of c.people) if (p.notify) tasks.push({ transfer: transfer.number, recipient: to.name, number: p.number, from: today, notifiedOn: null });
      host.journal('transfer.recorded', { number: transfer.number, kind: 'identifying', format: 'csv', sha256: transfer.sha256 }, transfer.id);
      return transfer;
    },
    transfer_notices: () => notices(),
    transfer_notified: (a) => {
      const task = tasks.find((x) => x.transfer === Number(a.transfer) && x.number === Number(a.number));
      if (!task) bad('transfer', 'transfer_notice_not_owed', `Person № ${a.number} is not owed a notice of this transfer.`, { number: a.number });
      task!.notifiedOn = String(a.on);
      host.journal('transfer.notice_given', { transfer: task!.transfer, number: task!.number }, null);
      return null;
    },
  };

  return { handlers, notices };
}

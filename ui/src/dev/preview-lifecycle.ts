/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND.
 *
 * The stand-in for consents, retention and the end of the data's life, used by
 * src/dev/preview-backend.ts so those screens can be looked at in a browser: a few consents on the
 * first records, one person blocked and one under legal hold, a due list, two acts. The checks
 * below only imitate the real ones in crates/core/src/lifecycle (consent/, retention.rs, end.rs) well
 * enough to show each state of the screens; they are not the product's rules.
 */
import type {
  Act,
  ActSummary,
  BasisDraft,
  Consent,
  ConsentDraft,
  ConsentState,
  Due,
  DueList,
  Evidence,
  FieldKey,
  FieldProblem,
  Kind,
  Lapse,
  LapseReason,
  LegalGround,
  LifecycleMeta,
  LifecycleOverview,
  PersonLifecycle,
  Rule,
  Scope,
  WithdrawalDraft,
} from '../api';
import type { RegisterAccess } from './preview-register';

export interface LifecycleHost {
  fail(code: string, message: string, params?: Record<string, unknown>): never;
  journal(action: string, details: Record<string, unknown>, object: string | null): void;
  userId(): string;
  userName(): string;
}

export const LIFECYCLE_COMMANDS = new Set([
  'lifecycle_meta', 'lifecycle_overview', 'consent_list', 'consent_check', 'consent_add', 'consent_withdraw',
  'choose_evidence_file', 'consent_attach', 'default_save_path', 'choose_save_path', 'consent_form_save', 'consent_form_draft_save',
  'subject_set_legal_ground', 'subject_set_end_date', 'subject_block', 'subject_unblock', 'subject_hold',
  'subject_release_hold', 'retention_rules_get', 'retention_rules_set', 'retention_due', 'lifecycle_end',
  'lifecycle_end_due', 'acts_list', 'act_get', 'act_save', 'lapsed_bases', 'subjects_set_basis',
]);

/** The Art. 9 sub-paragraphs an NGO may rely on (the core's ART9_GROUNDS). */
const LEGAL_GROUNDS = ['art9_4', 'art9_5', 'art9_6', 'art9_7', 'art9_8', 'art9_10'];
const REASON_CODES = ['subject_request', 'inaccurate_data', 'unlawful_processing', 'court_or_authority', 'litigation', 'audit', 'not_confirmed'];
const BASES = ['donor_requirement', 'financial_documents', 'pension_records', 'end_of_relationship', 'consent_term', 'organisation_policy'];
const ANCHORS = ['collection', 'last_service', 'programme_end', 'employment_end', 'consent_end'];
const GROUNDS = ['retention_ended', 'consent_withdrawn', 'request', 'court_decision', 'unlawful_processing'];
const FORMS = ['paper', 'electronic', 'egov', 'consent_service', 'other'];
const HOME = '/home/aigerim';

const DEFAULT_RULES: Rule[] = [
  { kind: 'beneficiary', purpose: null, mode: 'period', anchor: 'last_service', months: 36, basis: 'donor_requirement' },
  { kind: 'beneficiary', purpose: 'humanitarian_aid', mode: 'period', anchor: 'programme_end', months: 60, basis: 'donor_requirement' },
  { kind: 'beneficiary', purpose: 'legal_aid', mode: 'period', anchor: 'consent_end', months: 12, basis: 'consent_term' },
  { kind: 'employee', purpose: null, mode: 'period', anchor: 'employment_end', months: 120, basis: 'financial_documents' },
  { kind: 'employee', purpose: 'payroll', mode: 'for_life', anchor: null, months: null, basis: 'pension_records' },
  { kind: 'volunteer', purpose: null, mode: 'period', anchor: 'programme_end', months: 12, basis: 'end_of_relationship' },
];

interface Flags {
  legalGround: string | null;
  legalGroundLaw: string | null;
  groundPurposes: string[];
  endedOn: string | null;
  holdReason: string | null;
  blockedReason: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const today = () => iso(new Date());
const daysFromToday = (n: number) => iso(new Date(Date.now() + n * 86400_000));

function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

function randomHex(len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += '0123456789abcdef'[Math.floor(Math.random() * 16)];
  return s;
}

export function createLifecycle(host: LifecycleHost, reg: RegisterAccess, options: { dueCount?: number } = {}) {
  const flags = new Map<number, Flags>();
  const consents: Consent[] = [];
  const acts: Act[] = [];
  let removedCount = 0;
  let rules: Rule[] = DEFAULT_RULES.map((r) => ({ ...r }));
  const flagsOf = (n: number): Flags =>
    flags.get(n) ?? { legalGround: null, legalGroundLaw: null, groundPurposes: [], endedOn: null, holdReason: null, blockedReason: null };
  /** People processed without a basis: why and since when (the synthetic others are taken to
   * have their paper consents on file). */
  const lapses = new Map<number, { reason: LapseReason; since: string }>();
  const setFlags = (n: number, patch: Partial<Flags>) => flags.set(n, { ...flagsOf(n), ...patch });

  const bad = (field: string, reason: string): never => host.fail('invalid_input', reason, { field, reason });
  // Files "written" in this preview, so a second save under one name is refused as the backend does.
  const saved = new Set<string>();
  const keep = (path: string, ifExists: unknown) => {
    if (saved.has(path) && ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there; choose another name, or replace it.');
    saved.add(path);
  };

  const stateOf = (c: Consent, on = today()): ConsentState => {
    if (c.withdrawals.some((w) => w.scope === 'all' && !w.refused)) return 'withdrawn';
    if (c.validUntil && c.validUntil < on) return 'expired';
    if (c.validUntil && c.validUntil <= iso(new Date(Date.parse(on) + 30 * 86400_000))) return 'expiring';
    return 'active';
  };
  const fresh = (c: Consent): Consent => ({ ...c, state: stateOf(c) });
  const inForce = (c: Consent) => c.validFrom <= today() && ['active', 'expiring'].includes(stateOf(c));
  const ORDER: ConsentState[] = ['active', 'expiring', 'expired', 'withdrawn'];

  const lifecycleOf = (n: number): PersonLifecycle => {
    const own = consents.filter((c) => c.subjectNumber === n);
    const states = own.map((c) => stateOf(c)).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const f = flagsOf(n);
    return {
      consentState: states[0] ?? null,
      publicationConsent: own.some((c) => inForce(c) && c.publication),
      legalGround: f.legalGround,
      legalGroundLaw: f.legalGroundLaw,
      groundPurposes: f.groundPurposes,
      endedOn: f.endedOn,
      holdReason: f.holdReason,
      blockedReason: f.blockedReason,
    };
  };

  const ensureChangeable = (n: number) => {
    if (flagsOf(n).blockedReason) host.fail('blocked', `Record № ${n} is blocked, so it cannot be changed, exported, anonymised or destroyed; unblock it first.`, { number: n });
  };
  const ensurePublishable = (n: number) => {
    if (!lifecycleOf(n).publicationConsent) {
      host.fail('publication_consent_required', `Record № ${n} can be public only with an active consent to publication in public sources; record that consent first.`, { number: n });
    }
  };

  const purposesMeta = () =>
    reg.inventory().purposes.map((p) => ({
      key: p.key,
      names: p.names,
      kinds: (Object.keys(p.fields) as Kind[]).filter((k) => (p.fields[k]?.length ?? 0) > 0),
    }));

  const fullName = (v: Partial<Record<string, string>>) => [v.surname, v.name, v.patronymic].filter(Boolean).join(' ');

  const check = (id: string, draft: ConsentDraft) => {
    const p = reg.byId(id);
    ensureChangeable(p.number);
    if (!reg.organisation().name.trim()) bad('organisation', "Enter the organisation's name and BIN in Settings first: a consent must name the operator (Art. 8(4)).");
    const inv = reg.inventory();
    const purposes = [...new Set((draft.purposes ?? []).map((k) => k.trim()).filter(Boolean))];
    const fields = new Set<string>();
    for (const key of purposes) {
      const found = inv.purposes.find((x) => x.key === key);
      if (!found) bad('purposes', `"${key}" is not a purpose in the approved data inventory.`);
      const list = found!.fields[p.kind] ?? [];
      if (!list.length) bad('purposes', `The purpose "${key}" collects no data about a ${p.kind} in the approved inventory.`);
      list.forEach((f) => fields.add(f));
    }
    if (!purposes.length) bad('purposes', 'Choose at least one purpose of processing.');
    const date = (field: string, v: string | null | undefined, fallback: string) => {
      if (!v || !v.trim()) return fallback;
      return parseDate(v) ?? bad(field, 'Write the date as DD.MM.YYYY, for example 05.03.2024.');
    };
    const givenOn = date('given_on', draft.givenOn, today());
    if (givenOn > today()) bad('given_on', 'The day the consent was given cannot be in the future.');
    const birth = p.values.birth_date;
    if (birth && givenOn < birth) bad('given_on', "The consent cannot be dated before the person's birth.");
    const validFrom = date('valid_from', draft.validFrom, givenOn);
    if (validFrom < givenOn) bad('valid_from', 'A consent cannot be valid before the day it was given.');
    const validUntil = draft.validUntil && draft.validUntil.trim() ? date('valid_until', draft.validUntil, '') : null;
    if (validUntil && validUntil < validFrom) bad('valid_until', "The consent's end date is before its start.");
    if (!draft.form) bad('form', 'Choose how the consent was given.');
    const ref = draft.formReference?.trim() || null;
    if (!ref && (draft.form === 'egov' || draft.form === 'consent_service')) bad('form_reference', "Enter the consent's reference number on the service.");
    const r = draft.representative;
    let representative = null;
    if (r && (r.name.trim() || r.relation.trim() || r.document.trim())) {
      if (!r.name.trim()) bad('representative_name', "Enter the representative's full name.");
      if (!r.relation.trim()) bad('representative_relation', "Enter the representative's relation to the person.");
      if (!r.document.trim()) bad('representative_document', 'Enter the document that makes them the legal representative.');
      representative = { name: r.name.trim(), relation: r.relation.trim(), document: r.document.trim() };
    } else if (birth && ageOn(birth, givenOn) < 18) {
      host.fail('representative_required', 'The person was under 18 on the day of the consent, so a legal representative must give it: enter their name, relation and document.');
    }
    const scope = (field: string, v: string | null | undefined, what: string) => {
      if (v === null || v === undefined) return null;
      if (!v.trim()) bad(field, `Enter ${what}.`);
      return v.trim();
    };
    const thirdParties = scope('third_parties', draft.thirdParties, 'the third parties who may receive the data');
    const crossBorder = scope('cross_border', draft.crossBorder, 'the countries the data may be transferred to');
    const publication = scope('publication', draft.publication, 'where the data may be published');
    return { p, purposes, fields: [...fields], givenOn, validFrom, validUntil, thirdParties, crossBorder, publication, form: draft.form!, ref, representative };
  };

  const makeConsent = (v: ReturnType<typeof check>, createdAt = new Date().toISOString()): Consent => {
    const org = reg.organisation();
    const c: Consent = {
      id: `c-${consents.length + 1}-${randomHex(6)}`,
      number: consents.length + 1,
      subjectId: v.p.id,
      subjectNumber: v.p.number,
      operatorName: org.name,
      operatorBin: org.bin || '180240012345',
      subjectName: fullName(v.p.values),
      purposes: v.purposes,
      dataFields: v.fields,
      inventoryVersion: reg.inventory().version,
      givenOn: v.givenOn,
      validFrom: v.validFrom,
      validUntil: v.validUntil,
      thirdParties: v.thirdParties !== null,
      thirdPartyRecipients: v.thirdParties,
      crossBorder: v.crossBorder !== null,
      crossBorderCountries: v.crossBorder,
      publication: v.publication !== null,
      publicationWhere: v.publication,
      form: v.form,
      formReference: v.ref,
      takenBy: host.userId(),
      takenByName: host.userName(),
      representative: v.representative,
      state: 'active',
      withdrawnScopes: [],
      withdrawals: [],
      evidence: null,
      createdAt,
    };
    consents.push(c);
    return c;
  };

  const consentBy = (number: number): Consent => {
    const c = consents.find((x) => x.number === number);
    if (!c || !reg.get(c.subjectNumber)) host.fail('consent_not_found', 'There is no consent with this number.');
    return c!;
  };

  // ---------------------------------------------------------------- seed
  const seed = () => {
    const n = reg.count();
    if (n < 6) return;
    const seedConsent = (number: number, draft: ConsentDraft, daysAgo: number) => {
      try {
        const p = reg.get(number);
        if (!p) return null;
        const full = { ...draft, givenOn: draft.givenOn ?? daysFromToday(-daysAgo) };
        let v: ReturnType<typeof check>;
        try {
          v = check(p.id, { ...full, representative: null });
        } catch {
          v = check(p.id, full);
        }
        return makeConsent(v, new Date(Date.now() - daysAgo * 86400_000).toISOString());
      } catch {
        return null;
      }
    };
    const purposeFor = (number: number) => {
      const kind = reg.get(number)?.kind ?? 'beneficiary';
      return purposesMeta().find((p) => p.kinds.includes(kind))?.key ?? 'social_support';
    };
    const adult = { name: 'Сейітова Әсел Болатқызы', relation: 'анасы', document: 'Туу туралы куәлік № 0456712' };
    // № 1: an older consent, withdrawn, and the active one with a scan and a third party.
    const c2 = seedConsent(1, { purposes: [purposeFor(1)], validUntil: null, thirdParties: null, crossBorder: null, publication: 'Ұйымның сайты, жылдық есеп', form: 'electronic', representative: adult }, 500);
    if (c2) c2.withdrawals.push({ scope: 'all', requestedOn: daysFromToday(-120), channel: 'жазбаша', refused: false, refusalGround: null, refusalNote: null, recordedAt: new Date(Date.now() - 120 * 86400_000).toISOString() });
    const c1 = seedConsent(1, { purposes: [purposeFor(1)], validUntil: daysFromToday(400), thirdParties: '«Бірлік» донор ұйымы (гранттық шарт № 14/2024)', crossBorder: null, publication: null, form: 'paper', representative: adult }, 60);
    if (c1) c1.evidence = { mediaType: 'application/pdf', size: 482_113, sha256: randomHex(64) };
    // № 2: ends in twelve days.
    seedConsent(2, { purposes: [purposeFor(2)], validUntil: daysFromToday(12), thirdParties: null, crossBorder: 'Германия', publication: null, form: 'egov', formReference: 'EGOV-2024-118734', representative: adult }, 340);
    // № 3: blocked; № 4: legal hold; № 5: an Art. 9 ground.
    setFlags(3, { blockedReason: 'subject_request: мекенжайға дау айтады' });
    setFlags(4, { holdReason: 'litigation: сот ісі № 2-1187/2024' });
    setFlags(5, { legalGround: 'art9_10', legalGroundLaw: 'Еңбек кодексі, 23-бап' });
    seedConsent(6, { purposes: [purposeFor(6)], validUntil: daysFromToday(-30), thirdParties: null, crossBorder: null, publication: null, form: 'paper', representative: adult }, 800);
    // People without a basis, one of each reason: № 6's consent ended a month ago; № 7, 8 and 9
    // were entered before Derbes asked (one today, so its clock still runs); № 10 has a ground
    // migrated without its law, № 11 one only state bodies have.
    lapses.set(6, { reason: 'consent_expired', since: daysFromToday(-29) });
    lapses.set(7, { reason: 'no_basis', since: daysFromToday(-12) });
    lapses.set(8, { reason: 'no_basis', since: daysFromToday(-3) });
    lapses.set(9, { reason: 'no_basis', since: today() });
    setFlags(10, { legalGround: 'art9_10', legalGroundLaw: null });
    lapses.set(10, { reason: 'ground_incomplete', since: daysFromToday(-40) });
    setFlags(11, { legalGround: 'court_or_enforcement', legalGroundLaw: null });
    lapses.set(11, { reason: 'ground_not_for_ngo', since: daysFromToday(-40) });

    const org = reg.organisation();
    const when = (days: number) => new Date(Date.now() - days * 86400_000).toISOString();
    acts.push(
      { number: 1, id: 'act-1', action: 'destroy', ground: 'retention_ended', reference: null, subjects: [88_412, 88_419, 90_003], categories: ['identity', 'contact', 'id_number', 'social_status', 'services', 'consents'], performedAt: when(95), performedBy: host.userId(), performedByName: host.userName(), operatorName: org.name, operatorBin: org.bin || '180240012345',
        backups: [
          { id: 'b-old-1', madeAt: when(120), place: '/media/aigerim/USB/derbes-2024-10-01.derbes-backup', gone: true },
          { id: 'b-old-2', madeAt: when(100), place: '/media/aigerim/KINGSTON/derbes-2024-10-21.derbes-backup', gone: false },
        ] },
      { number: 2, id: 'act-2', action: 'anonymise', ground: 'request', reference: null, subjects: [41_207], categories: ['identity', 'contact', 'id_number', 'health', 'consents', 'attachments'], performedAt: when(21), performedBy: host.userId(), performedByName: host.userName(), operatorName: org.name, operatorBin: org.bin || '180240012345', backups: [] },
    );
  };
  seed();

  // The due list: people spread over the past two years and the next one; № 3 (blocked) among them.
  const dueCandidates = (): { number: number; since: string; rule: Rule }[] => {
    const total = options.dueCount ?? 40;
    const out: { number: number; since: string; rule: Rule }[] = [{ number: 3, since: daysFromToday(-210), rule: rules[0] ?? DEFAULT_RULES[0]! }];
    for (let i = 0; i < total && out.length < total + 1; i++) {
      const number = 17 + i * 37;
      if (number > reg.count()) break;
      const p = reg.get(number);
      if (!p) continue;
      const own = rules.filter((r) => r.kind === p.kind && r.mode === 'period');
      const rule = own[i % Math.max(1, own.length)] ?? rules[0] ?? DEFAULT_RULES[0]!;
      const span = options.dueCount ? 700 : 1060;
      out.push({ number, since: daysFromToday(-700 + Math.floor((i * span) / Math.max(1, total))), rule });
    }
    return out;
  };

  const due = (asOfRaw: unknown): DueList => {
    const asOf = typeof asOfRaw === 'string' && asOfRaw.trim() ? (parseDate(asOfRaw) ?? bad('as_of', 'Write the date as DD.MM.YYYY.')) : today();
    const people: Due[] = [];
    let held = 0;
    for (const c of dueCandidates()) {
      if (c.since > asOf) continue;
      const p = reg.get(c.number);
      if (!p) continue;
      const f = flagsOf(c.number);
      if (f.holdReason) {
        held++;
        continue;
      }
      people.push({ id: p.id, number: p.number, kind: p.kind, fullName: fullName(p.values), dueSince: c.since, rule: c.rule, blocked: Boolean(f.blockedReason) });
    }
    // № 4 is under legal hold and would be due.
    if (reg.get(4) && flagsOf(4).holdReason) held++;
    people.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.number - b.number);
    return { asOf, people, held };
  };

  const end = (ids: string[], action: 'anonymise' | 'destroy', ground: string, reference: string | null): Act => {
    if (!ids.length) bad('subjects', 'Choose at least one person.');
    const ref = reference?.trim() || null;
    if (ground === 'court_decision' && !ref) bad('reference', "Enter the court decision's number and date.");
    const people = ids.map((id) => reg.byId(id));
    for (const p of people) {
      const f = flagsOf(p.number);
      if (f.blockedReason) host.fail('blocked', `Record № ${p.number} is blocked, so it cannot be changed, exported, anonymised or destroyed; unblock it first.`, { number: p.number });
      if (f.holdReason) host.fail('on_hold', `Record № ${p.number} is under legal hold, so it cannot be anonymised or destroyed; release the hold first.`, { number: p.number });
    }
    const org = reg.organisation();
    const act: Act = {
      number: acts.length + 1,
      id: `act-${acts.length + 1}`,
      action,
      ground: ground as Act['ground'],
      reference: ref,
      subjects: people.map((p) => p.number).sort((a, b) => a - b),
      categories: ['identity', 'contact', 'id_number', 'social_status', 'services', ...(people.some((p) => consents.some((c) => c.subjectNumber === p.number)) ? ['consents'] : [])],
      performedAt: new Date().toISOString(),
      performedBy: host.userId(),
      performedByName: host.userName(),
      operatorName: org.name,
      operatorBin: org.bin || '180240012345',
      backups: [],
    };
    acts.push(act);
    for (const p of people) reg.remove(p.number);
    removedCount += people.length;
    host.journal(action === 'destroy' ? 'subjects.destroyed' : 'subjects.anonymised', { act: act.number, people: people.length, ground }, String(act.number));
    return act;
  };

  const reasonCode = (reason: string) => {
    const head = reason.split(':')[0]!.trim();
    return REASON_CODES.includes(head) ? head : 'other';
  };
  const needReason = (reason: unknown, what: string): string => {
    const r = typeof reason === 'string' ? reason.trim() : '';
    if (!r) bad('reason', `Enter ${what}.`);
    return r;
  };

  // ---------------------------------------------------------------- the basis for processing
  const fail = (field: string, reason: string, message: string, extra: Record<string, unknown> = {}): never =>
    host.fail('invalid_input', message, { field, reason, ...extra });
  const offeredKeys = (kind: Kind) => purposesMeta().filter((p) => p.kinds.includes(kind)).map((p) => p.key);
  const checkGround = (g: Partial<LegalGround> | null | undefined, kind: Kind): LegalGround => {
    const sub = String(g?.subparagraph ?? '');
    if (!LEGAL_GROUNDS.includes(sub)) fail('legal_ground', 'legal_ground_unknown', `The ground must be one of ${LEGAL_GROUNDS.join(', ')}.`, { allowed: LEGAL_GROUNDS });
    const offered = offeredKeys(kind);
    const purposes = (g?.purposes ?? []).filter(Boolean);
    for (const p of purposes) {
      if (!offered.includes(p)) fail('purposes', 'legal_ground_purpose_unknown', `"${p}" is not a purpose of the approved data inventory for this kind of person.`, { purpose: p, kind });
    }
    const law = typeof g?.law === 'string' ? g.law.trim() : '';
    if (!law) fail('law', 'legal_ground_law_required', 'Name the law relied on (for example "Labour Code, Art. 23").');
    return { subparagraph: sub, law, purposes };
  };
  /** The fields the purposes cover for a kind (none named: every purpose of the kind). */
  const coveredBy = (kind: Kind, purposes: string[]): Set<FieldKey> => {
    const keys = purposes.length ? purposes : offeredKeys(kind);
    return new Set(reg.inventory().purposes.filter((p) => keys.includes(p.key)).flatMap((p) => p.fields[kind] ?? []));
  };
  const outside = (kind: Kind, purposes: string[], fields: FieldKey[]): FieldProblem[] => {
    const covered = coveredBy(kind, purposes);
    return fields
      .filter((f) => !covered.has(f))
      .map((f) => ({
        field: f,
        code: 'outside_purposes',
        args: { purpose: reg.inventory().purposes.find((p) => (p.fields[kind] ?? []).includes(f))?.key ?? '' },
      }));
  };
  /** What a basis covers for a kind, checked as the core does before anyone is written. */
  const basisCovers = (kind: Kind, basis: BasisDraft | null | undefined): Set<FieldKey> => {
    if (!basis || (basis.type !== 'consent' && basis.type !== 'ground')) {
      fail('basis', 'basis_required', "Choose the basis for processing this person's data: their consent, or a ground of Art. 9 with the law relied on.");
    }
    if (basis!.type === 'ground') return coveredBy(kind, checkGround(basis as LegalGround, kind).purposes);
    const purposes = (basis as { consent: ConsentDraft }).consent?.purposes ?? [];
    if (!purposes.length) fail('purposes', 'consent_purposes_none', 'Choose at least one purpose of processing.');
    for (const p of purposes) {
      if (!offeredKeys(kind).includes(p)) fail('purposes', 'consent_purpose_no_data', `The purpose "${p}" collects no data about this kind of person.`, { purpose: p, kind });
    }
    return coveredBy(kind, purposes);
  };
  /** subject_create: the basis and the fields it covers (Art. 14), before the person is written. */
  const checkBasis = (kind: Kind, basis: BasisDraft | null | undefined, fields: FieldKey[]) => {
    basisCovers(kind, basis);
    const purposes = basis!.type === 'ground' ? ((basis as LegalGround).purposes ?? []) : ((basis as { consent: ConsentDraft }).consent.purposes ?? []);
    const problems = outside(kind, purposes, fields);
    if (problems.length) host.fail('invalid', `${problems[0]!.field}: outside_purposes`, { problems });
  };
  /** Give a person (just written, or without a basis) their basis: a consent, or a ground. */
  const applyBasis = (id: string, basis: BasisDraft, batch = false) => {
    const p = reg.byId(id);
    ensureChangeable(p.number);
    if (basis.type === 'ground') {
      const g = checkGround(basis, p.kind);
      setFlags(p.number, { legalGround: g.subparagraph, legalGroundLaw: g.law, groundPurposes: g.purposes });
      host.journal('subject.legal_ground_changed', { number: p.number, ground: g.subparagraph }, p.id);
    } else {
      const draft: ConsentDraft = batch ? { purposes: basis.consent.purposes, form: 'paper' } : { ...basis.consent, form: basis.consent.form ?? 'paper' };
      let v: ReturnType<typeof check>;
      try {
        v = check(id, draft);
      } catch (e) {
        // A batch's paper consents are recorded as the forms say, a minor's included (the core
        // does not ask for the representative there either).
        if (!batch) throw e;
        v = check(id, { ...draft, representative: { name: '—', relation: '—', document: '—' } });
      }
      const c = makeConsent(v);
      host.journal('consent.recorded', { number: p.number, consent: c.number, purposes: c.purposes, representative: Boolean(c.representative) }, p.id);
    }
    lapses.delete(p.number);
  };

  /** One working day from `since`, as the core's clock (weekends only: the preview has no holidays). */
  const clockFrom = (since: string): Lapse['clock'] => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const working = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
    const due = day(since);
    do due.setUTCDate(due.getUTCDate() + 1);
    while (!working(due));
    const dueIso = iso(due);
    const now = today();
    let left = 0;
    const step = dueIso >= now ? 1 : -1;
    for (const d = day(now); iso(d) !== dueIso; d.setUTCDate(d.getUTCDate() + step)) if (working(d)) left += step;
    return { from: since, workingDays: 1, due: dueIso, left, missingYear: null, state: now > dueIso ? 'overdue' : now === dueIso ? 'due_today' : 'running' };
  };
  const lapsed = (): Lapse[] =>
    [...lapses]
      .flatMap(([n, l]) => {
        const p = reg.get(n);
        if (!p || flagsOf(n).holdReason) return [];
        return [{ id: p.id, number: n, kind: p.kind, reason: l.reason, since: l.since, clock: clockFrom(l.since) }];
      })
      .sort((a, b) => a.since.localeCompare(b.since) || a.number - b.number);
  /** Lost its basis today unless another consent or a ground keeps it. */
  const maybeLapse = (n: number, reason: LapseReason) => {
    const f = flagsOf(n);
    const groundOk = f.legalGround && LEGAL_GROUNDS.includes(f.legalGround) && f.legalGroundLaw;
    const consentOk = consents.some((c) => c.subjectNumber === n && inForce(c));
    if (!groundOk && !consentOk && !lapses.has(n)) lapses.set(n, { reason, since: today() });
  };

  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    lifecycle_meta: (): LifecycleMeta => ({
      legalGrounds: LEGAL_GROUNDS,
      reasonCodes: REASON_CODES,
      bases: BASES,
      anchors: ANCHORS,
      grounds: GROUNDS,
      forms: FORMS,
      purposes: purposesMeta(),
    }),
    lifecycle_overview: (): LifecycleOverview => {
      const live = consents.filter((c) => reg.get(c.subjectNumber));
      const count = (s: ConsentState) => live.filter((c) => stateOf(c) === s).length;
      let blocked = 0;
      let held = 0;
      for (const [n, f] of flags) {
        if (!reg.get(n)) continue;
        if (f.blockedReason) blocked++;
        if (f.holdReason) held++;
      }
      return {
        consents: { active: count('active'), expiring: count('expiring'), expired: count('expired'), withdrawn: count('withdrawn'), withoutBasis: lapsed().length },
        due: due(null).people.length,
        blocked,
        held,
        acts: acts.length,
      };
    },
    consent_list: (a) => {
      const p = reg.byId(String(a.id));
      return consents.filter((c) => c.subjectNumber === p.number).map(fresh).sort((x, y) => y.number - x.number);
    },
    consent_check: (a) => {
      check(String(a.id), a.draft as ConsentDraft);
      return null;
    },
    consent_add: (a) => {
      const v = check(String(a.id), a.draft as ConsentDraft);
      const c = makeConsent(v);
      host.journal('consent.recorded', { number: v.p.number, consent: c.number, purposes: c.purposes, representative: Boolean(c.representative) }, v.p.id);
      return fresh(c);
    },
    consent_withdraw: (a) => {
      const c = consentBy(Number(a.number));
      const w = a.withdrawal as WithdrawalDraft;
      if (stateOf(c) === 'withdrawn') bad('scope', 'This consent has already been withdrawn as a whole.');
      if (c.withdrawnScopes.includes(w.scope)) bad('scope', 'This part of the consent has already been withdrawn.');
      const given = w.scope === 'all' || (w.scope === 'third_parties' ? c.thirdParties : w.scope === 'cross_border' ? c.crossBorder : c.publication);
      if (!given) bad('scope', 'The consent does not allow this, so there is nothing to withdraw.');
      const requestedOn = w.requestedOn && w.requestedOn.trim() ? (parseDate(w.requestedOn) ?? bad('requested_on', 'Write the date as DD.MM.YYYY.')) : today();
      if (requestedOn > today()) bad('requested_on', 'The day of the request cannot be in the future.');
      if (!w.channel.trim()) bad('channel', 'Enter how the request arrived (in writing, eGov, e-mail…).');
      if (w.refusal && !w.refusal.note.trim()) bad('refusal_note', 'Enter which law or unfulfilled obligation prevents the withdrawal.');
      c.withdrawals.push({
        scope: w.scope,
        requestedOn,
        channel: w.channel.trim(),
        refused: Boolean(w.refusal),
        refusalGround: w.refusal?.ground ?? null,
        refusalNote: w.refusal?.note.trim() ?? null,
        recordedAt: new Date().toISOString(),
      });
      if (!w.refusal && w.scope !== 'all') {
        c.withdrawnScopes.push(w.scope as Scope);
        if (w.scope === 'third_parties') c.thirdParties = false;
        if (w.scope === 'cross_border') c.crossBorder = false;
        if (w.scope === 'publication') c.publication = false;
      }
      host.journal('consent.withdrawn', { number: c.subjectNumber, consent: c.number, scope: w.scope, outcome: w.refusal ? 'refused' : 'accepted' }, c.subjectId);
      if (!w.refusal && w.scope === 'all') maybeLapse(c.subjectNumber, 'consent_withdrawn');
      const p = reg.get(c.subjectNumber);
      if (!w.refusal && (w.scope === 'all' || w.scope === 'publication') && p?.access === 'public' && !lifecycleOf(p.number).publicationConsent) {
        reg.setAccess(p.number, 'restricted');
        host.journal('subject.access_changed', { number: p.number, access: 'restricted', reason: 'consent_withdrawn' }, p.id);
      }
      return fresh(c);
    },
    choose_evidence_file: () => `${HOME}/Documents/Сканер/kelisim-qoltanba.pdf`,
    consent_attach: (a) => {
      const c = consentBy(Number(a.number));
      ensureChangeable(c.subjectNumber);
      const path = String(a.path ?? '');
      if (!/\.(pdf|jpe?g|png)$/i.test(path)) bad('evidence', 'Attach the scan as a PDF, JPEG or PNG file; this file is none of them.');
      const evidence: Evidence = { mediaType: /\.png$/i.test(path) ? 'image/png' : /\.jpe?g$/i.test(path) ? 'image/jpeg' : 'application/pdf', size: 200_000 + Math.floor(Math.random() * 900_000), sha256: randomHex(64) };
      c.evidence = evidence;
      host.journal('consent.evidence_attached', { number: c.subjectNumber, consent: c.number, type: evidence.mediaType, size: evidence.size }, c.subjectId);
      return evidence;
    },
    default_save_path: (a) => {
      // As the backend: never suggest a file already saved; "name (2).pdf" instead.
      const name = String(a.suggestedName ?? 'document.pdf');
      const dot = name.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      let path = `${HOME}/Documents/${name}`;
      for (let n = 2; saved.has(path); n++) path = `${HOME}/Documents/${stem} (${n})${ext}`;
      return path;
    },
    choose_save_path: (a) => `${HOME}/Documents/Derbes/${String(a.suggestedName ?? 'document.pdf')}`,
    consent_form_save: (a) => {
      const c = consentBy(Number(a.number));
      const path = String(a.path ?? '').trim();
      if (!path) bad('path', 'Choose where to save the file.');
      keep(path, a.ifExists);
      host.journal('consent.form_printed', { number: c.subjectNumber, consent: c.number, lang: a.lang }, c.subjectId);
      return path;
    },
    consent_form_draft_save: (a) => {
      const path = String(a.path ?? '').trim();
      if (!path) bad('path', 'Choose where to save the file.');
      keep(path, a.ifExists);
      host.journal('consent.form_printed', { consent: null, lang: a.lang }, String(a.id));
      return path;
    },
    subject_set_legal_ground: (a) => {
      const p = reg.byId(String(a.id));
      ensureChangeable(p.number);
      const g = a.ground === null || a.ground === undefined ? null : checkGround(a.ground as LegalGround, p.kind);
      setFlags(p.number, { legalGround: g?.subparagraph ?? null, legalGroundLaw: g?.law ?? null, groundPurposes: g?.purposes ?? [] });
      host.journal('subject.legal_ground_changed', { number: p.number, ground: g?.subparagraph ?? null }, p.id);
      if (g) lapses.delete(p.number);
      else maybeLapse(p.number, 'no_basis');
      return reg.toPerson(p.id);
    },
    lapsed_bases: () => lapsed(),
    subjects_set_basis: (a) => {
      const ids = (a.ids as string[]) ?? [];
      const basis = a.basis as BasisDraft;
      // All or nothing: check everyone first.
      for (const id of ids) {
        const p = reg.byId(id);
        ensureChangeable(p.number);
        basisCovers(p.kind, basis);
        if (basis.type === 'consent') check(id, { purposes: basis.consent.purposes, form: 'paper' });
      }
      for (const id of ids) applyBasis(id, basis, true);
      return ids.length;
    },
    subject_set_end_date: (a) => {
      const p = reg.byId(String(a.id));
      ensureChangeable(p.number);
      const raw = typeof a.date === 'string' ? a.date.trim() : '';
      const d = raw ? (parseDate(raw) ?? bad('ended_on', 'Write the date as DD.MM.YYYY, for example 05.03.2024.')) : null;
      if (d && d > today()) bad('ended_on', 'The end date cannot be in the future.');
      setFlags(p.number, { endedOn: d });
      host.journal('subject.end_date_changed', { number: p.number, set: d !== null }, p.id);
      return reg.toPerson(p.id);
    },
    subject_block: (a) => {
      const p = reg.byId(String(a.id));
      ensureChangeable(p.number);
      const reason = needReason(a.reason, 'why the data is blocked');
      setFlags(p.number, { blockedReason: reason });
      host.journal('subject.blocked', { number: p.number, reason: reasonCode(reason) }, p.id);
      return reg.toPerson(p.id);
    },
    subject_unblock: (a) => {
      const p = reg.byId(String(a.id));
      if (!flagsOf(p.number).blockedReason) bad('reason', `Record № ${p.number} is not blocked.`);
      const reason = needReason(a.reason, 'why the data is unblocked');
      setFlags(p.number, { blockedReason: null });
      host.journal('subject.unblocked', { number: p.number, reason: reasonCode(reason) }, p.id);
      return reg.toPerson(p.id);
    },
    subject_hold: (a) => {
      const p = reg.byId(String(a.id));
      ensureChangeable(p.number);
      const reason = needReason(a.reason, 'why the data must be kept');
      setFlags(p.number, { holdReason: reason });
      host.journal('subject.hold_placed', { number: p.number, reason: reasonCode(reason) }, p.id);
      return reg.toPerson(p.id);
    },
    subject_release_hold: (a) => {
      const p = reg.byId(String(a.id));
      ensureChangeable(p.number);
      if (!flagsOf(p.number).holdReason) bad('hold', `Record № ${p.number} is not under legal hold.`);
      setFlags(p.number, { holdReason: null });
      host.journal('subject.hold_released', { number: p.number, reason: 'released' }, p.id);
      return reg.toPerson(p.id);
    },
    retention_rules_get: () => rules.map((r) => ({ ...r })),
    retention_rules_set: (a) => {
      const next = (a.rules as Rule[]) ?? [];
      const purposes = reg.inventory().purposes.map((p) => p.key);
      next.forEach((r, i) => {
        const fail = (why: string) => host.fail('invalid_input', `Rule ${i + 1}: ${why}`, { field: 'retention_rules', reason: `Rule ${i + 1}: ${why}` });
        if (r.purpose && !purposes.includes(r.purpose)) fail('its purpose is not in the approved data inventory.');
        if (r.mode === 'period' && !r.anchor) fail('choose where the period starts.');
        if (r.mode === 'period' && !(r.months && r.months >= 1 && r.months <= 1200)) fail('the period must be 1 to 1200 months (100 years).');
        if (!BASES.includes(r.basis)) fail('choose why the data is kept this long.');
      });
      rules = next.map((r) => ({ ...r, anchor: r.mode === 'period' ? r.anchor : null, months: r.mode === 'period' ? r.months : null }));
      host.journal('retention.rules_changed', { rules: rules.length }, null);
      return rules.map((r) => ({ ...r }));
    },
    retention_due: (a) => due(a.asOf),
    lifecycle_end: async (a) => {
      await new Promise((r) => setTimeout(r, 900));
      return end((a.ids as string[]) ?? [], a.action === 'destroy' ? 'destroy' : 'anonymise', String(a.ground ?? ''), (a.reference as string | null) ?? null);
    },
    lifecycle_end_due: async (a) => {
      const list = due(a.asOf ?? null);
      const skipped = list.people.filter((p) => p.blocked).map((p) => p.number);
      const ids = list.people.filter((p) => !p.blocked).map((p) => p.id);
      if (!ids.length) bad('due', 'Nobody is due for the end of retention on this day.');
      await new Promise((r) => setTimeout(r, 1600));
      return { act: end(ids, a.action === 'destroy' ? 'destroy' : 'anonymise', 'retention_ended', null), skipped };
    },
    acts_list: (): ActSummary[] =>
      acts.map((x) => ({ number: x.number, action: x.action, ground: x.ground, people: x.subjects.length, performedAt: x.performedAt, performedByName: x.performedByName })),
    act_get: (a) => {
      const act = acts.find((x) => x.number === Number(a.number));
      if (!act) host.fail('act_not_found', 'There is no act with this number.');
      return act;
    },
    act_save: (a) => {
      const act = acts.find((x) => x.number === Number(a.number));
      if (!act) host.fail('act_not_found', 'There is no act with this number.');
      keep(String(a.path ?? ''), a.ifExists);
      host.journal('act.printed', { act: act!.number, lang: a.lang }, String(act!.number));
      return String(a.path ?? '');
    },
  };

  return { handlers, lifecycleOf, ensureChangeable, ensurePublishable, basisCovers, checkBasis, applyBasis };
}

/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND. The papers of the preview's vault (see
 * ./preview-backend.ts): the policy, the data inventory, the order, the retention schedule and an
 * undertaking per person who sees the data, with every state the Documents screen shows (never
 * made, up to date, out of date and why), a one-page SVG preview drawn here, and stand-ins for
 * saving a paper and the compliance pack. Nothing here is a rule of the product: the core lays
 * the papers out with Typst, numbers them and decides when they are out of date.
 *
 * A path containing "exists" is already taken.
 */
import type {
  Confidant,
  DocumentLanguage,
  OutdatedReason,
  PackEntry,
  PackMissing,
  PackSummary,
  PaperKind,
  PaperPreview,
  PaperRequest,
  PaperRow,
  Produced,
} from '../api';
import type { RegisterAccess } from './preview-register';

export const PAPERS_COMMANDS = new Set(['papers_list', 'paper_preview', 'paper_save', 'pack_file_name', 'pack_save', 'confidants_list']);

export interface PapersHost {
  fail: (code: string, message: string, params?: Record<string, unknown>) => never;
  journal: (action: string, details?: Record<string, unknown>, object?: string | null) => void;
  /** The vault's users who are not removed. */
  users: () => { id: string; name: string; role: string }[];
  register: () => RegisterAccess;
  /** How many acts of anonymisation or destruction the vault made. */
  acts: () => number[];
  journalOk: () => boolean;
}

const ORGANISATION_PAPERS: PaperKind[] = ['policy', 'inventory', 'order', 'retention'];
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

/** What a paper said, reduced to what the preview compares. */
interface Record_ {
  kind: PaperKind;
  number: number;
  about: string | null;
  lang: DocumentLanguage;
  producedAt: string;
  sha256: string;
  inventoryVersion: number;
  responsible: string;
  digest: string;
}

const TITLES: Record<PaperKind, Record<DocumentLanguage, string>> = {
  policy: { kk: 'Дербес деректерді өңдеу саясаты', ru: 'Политика обработки персональных данных' },
  inventory: { kk: 'Дербес деректер тізбесі', ru: 'Перечень персональных данных' },
  order: { kk: 'Жауапты адамды тағайындау туралы бұйрық', ru: 'Приказ о назначении ответственного лица' },
  retention: { kk: 'Сақтау мерзімдерінің кестесі', ru: 'График сроков хранения' },
  undertaking: { kk: 'Құпиялылық туралы міндеттеме', ru: 'Обязательство о неразглашении' },
};

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function hex(text: string): string {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
}

/** One A4 page, drawn plainly: the heading the real template prints, and grey lines for text. */
function page(title: string, org: string, number: number, date: string, lang: DocumentLanguage, index: number, person?: string): string {
  const lines: string[] = [];
  const top = index === 0 ? 300 : 80;
  for (let y = top, i = 0; y < 770; y += 17, i++) {
    const width = i % 7 === 6 ? 260 : 470 - ((i * 37) % 60);
    lines.push(`<rect x="62" y="${y}" width="${width}" height="6" rx="3" fill="#d9dfe0"/>`);
  }
  const head =
    index === 0
      ? `<text x="297.5" y="90" text-anchor="middle" font-size="11" fill="#444">${xml(org)}</text>
  <text x="533" y="130" text-anchor="end" font-size="10" fill="#444">${lang === 'kk' ? 'БЕКІТЕМІН' : 'УТВЕРЖДАЮ'}</text>
  <text x="297.5" y="190" text-anchor="middle" font-size="15" font-weight="bold">${xml(title)}</text>
  <text x="297.5" y="212" text-anchor="middle" font-size="11">№ ${number} · ${date}</text>
  ${person ? `<text x="297.5" y="240" text-anchor="middle" font-size="11">${xml(person)}</text>` : ''}`
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="595.28pt" height="841.89pt" viewBox="0 0 595.28 841.89">
  <rect width="595.28" height="841.89" fill="#ffffff"/>
  <g font-family="DejaVu Sans, sans-serif" fill="#111">${head}</g>
  ${lines.join('\n  ')}
  <text x="297.5" y="815" text-anchor="middle" font-size="9" fill="#777">${index + 1}</text>
</svg>`;
}

/** The preview's papers: `seed` gives the open vault a history with every state in it. */
export function createPapers(host: PapersHost, { seed }: { seed: boolean }) {
  const records: Record_[] = [];
  let packs = 0;

  const reg = {
    organisation: () => host.register().organisation(),
    inventory: () => host.register().inventory(),
    seeingData: () => host.register().seeingData(),
  };
  const responsibleOf = () => {
    const o = reg.organisation();
    return `${o.responsibleName}\n${o.responsibleContacts}`;
  };
  const confidants = (): Confidant[] => [
    ...host.users().map((u) => ({ id: u.id, name: u.name, source: 'user' as const, role: u.role, number: null })),
    ...reg.seeingData().map((p) => ({ id: p.id, name: p.name, source: 'register' as const, role: p.kind, number: p.number })),
  ];
  /** What the paper would say now, as one string: its details (not its number or date). */
  const digestOf = (kind: PaperKind, about: string | null) => {
    const o = reg.organisation();
    const person = about ? confidants().find((c) => c.id === about)?.name ?? '' : '';
    return hex(JSON.stringify([kind, o.name, o.bin, o.address, o.headName, o.headPosition, person]));
  };
  const next = (kind: PaperKind) => Math.max(0, ...records.filter((r) => r.kind === kind).map((r) => r.number)) + 1;
  const last = (kind: PaperKind, about: string | null) =>
    records.filter((r) => r.kind === kind && (about === null || r.about === about)).sort((a, b) => b.number - a.number)[0] ?? null;

  const record = (kind: PaperKind, about: string | null, lang: DocumentLanguage, at: string, over: Partial<Record_> = {}): Record_ => {
    const r: Record_ = {
      kind,
      number: next(kind),
      about,
      lang,
      producedAt: at,
      sha256: hex(`${kind}${about}${at}`),
      inventoryVersion: reg.inventory().version,
      responsible: responsibleOf(),
      digest: digestOf(kind, about),
      ...over,
    };
    records.push(r);
    return r;
  };

  if (seed) {
    const me = host.users()[0];
    record('policy', null, 'kk', daysAgo(40));
    record('policy', null, 'kk', daysAgo(12));
    // Approved under an earlier inventory.
    record('inventory', null, 'kk', daysAgo(60), { inventoryVersion: 0 });
    // Its details changed since (the head, say).
    record('retention', null, 'ru', daysAgo(30), { digest: 'old' });
    if (me) record('undertaking', me.id, 'kk', daysAgo(12));
  }

  const stateOf = (kind: PaperKind, person: Confidant | null): PaperRow => {
    const r = last(kind, person?.id ?? null);
    const nextNumber = next(kind);
    if (!r) return { paper: kind, person, last: null, outdated: [], status: 'never', nextNumber };
    const outdated: OutdatedReason[] = [];
    if ((kind === 'policy' || kind === 'inventory' || kind === 'retention') && r.inventoryVersion !== reg.inventory().version) outdated.push('inventory_changed');
    if (r.responsible !== responsibleOf()) outdated.push('responsible_changed');
    if (outdated.length === 0 && r.digest !== digestOf(kind, r.about)) outdated.push('details_changed');
    const produced: Produced = { paper: kind, number: r.number, lang: r.lang, producedAt: r.producedAt, sha256: r.sha256, pages: 0 };
    return { paper: kind, person, last: produced, outdated, status: outdated.length ? 'outdated' : 'current', nextNumber };
  };
  const rows = (): PaperRow[] => [...ORGANISATION_PAPERS.map((k) => stateOf(k, null)), ...confidants().map((c) => stateOf('undertaking', c))];

  const check = (req: PaperRequest): { person: Confidant | null } => {
    if (req.lang !== 'kk' && req.lang !== 'ru') host.fail('invalid_input', 'Documents are made in Kazakh (kk) or Russian (ru).', { field: 'lang', reason: 'doc_lang_unknown' });
    if (req.paper !== 'undertaking') return { person: null };
    if (!req.person) host.fail('invalid_input', 'Choose whose undertaking to make.', { field: 'person', reason: 'paper_person_needed' });
    const person = confidants().find((c) => c.id === req.person);
    if (!person) host.fail('invalid_input', 'This person is neither a user of the vault nor marked as seeing the data.', { field: 'person', reason: 'confidant_unknown' });
    return { person };
  };
  const today = () => {
    const d = new Date();
    return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  };
  const taken = (path: string, ifExists: unknown) => {
    if (/exists/i.test(path) && ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there.');
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    papers_list: () => rows(),
    confidants_list: () => confidants(),
    paper_preview: (a): PaperPreview => {
      const req = a.request as PaperRequest;
      const { person } = check(req);
      const number = next(req.paper);
      const count = req.paper === 'policy' ? 3 : 1;
      const pages = Array.from({ length: count }, (_, i) => page(TITLES[req.paper][req.lang], reg.organisation().name, number, today(), req.lang, i, person?.name));
      // Only an undertaking's preview is journaled: it names a person.
      if (req.paper === 'undertaking') host.journal('paper.previewed', { paper: req.paper, lang: req.lang }, req.person ?? null);
      return { number, pages };
    },
    paper_save: (a): Produced => {
      const req = a.request as PaperRequest;
      check(req);
      taken(String(a.path ?? ''), a.ifExists);
      const r = record(req.paper, req.person ?? null, req.lang, new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
      host.journal('paper.produced', { paper: req.paper, number: r.number, lang: req.lang, sha256: r.sha256 }, null);
      return { paper: req.paper, number: r.number, lang: r.lang, producedAt: r.producedAt, sha256: r.sha256, pages: req.paper === 'policy' ? 3 : 1 };
    },
    pack_file_name: () => {
      const safe = reg.organisation().name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(/\s+/).join('-');
      return `${safe || 'derbes-pack'}-${new Date().toISOString().slice(0, 10)}.zip`;
    },
    pack_save: (a): PackSummary => {
      const lang = a.lang as DocumentLanguage;
      if (lang !== 'kk' && lang !== 'ru') host.fail('invalid_input', 'Documents are made in Kazakh (kk) or Russian (ru).', { field: 'lang', reason: 'doc_lang_unknown' });
      taken(String(a.path ?? ''), a.ifExists);
      const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const entries: PackEntry[] = [];
      const policyNever = stateOf('policy', null).status === 'never';
      rows().forEach((row, i) => {
        const fresh = row.status !== 'current';
        const number = fresh ? record(row.paper, row.person?.id ?? null, lang, at).number : row.last!.number;
        entries.push({
          file: row.paper === 'undertaking' ? `undertakings/undertaking-${String(number).padStart(3, '0')}.pdf` : `${i + 1}-${row.paper}.pdf`,
          what: row.paper,
          article: { policy: '25(2)(1-1)', inventory: '25(2)(1)', order: '25(2)(10), 25(3)', retention: '12(2), 18, 25(2)(4)', undertaking: '11(2)' }[row.paper],
          state: fresh ? 'new' : 'current',
          number,
        });
      });
      for (const n of host.acts()) entries.push({ file: `acts/act-${String(n).padStart(3, '0')}.pdf`, what: 'act', article: '18', state: 'current', number: n });
      entries.push({ file: 'tables/consents.csv', what: 'consents', article: '8, 25(2)(5)', state: '1820', number: null });
      entries.push({ file: 'tables/transfers.csv', what: 'transfers', article: '22(1)(5)', state: '2', number: null });
      entries.push({ file: 'tables/journal.csv', what: 'journal', article: '22(1)(5)', state: '124', number: null });
      if (a.scans === true) entries.push({ file: 'scans/consent-0001.pdf', what: 'scan', article: '25(2)(5)', state: 'current', number: null });
      const o = reg.organisation();
      const missing: PackMissing[] = [];
      const fields: [string, PackMissing][] = [
        [o.name, 'org_name_missing'],
        [o.bin, 'org_bin_missing'],
        [o.address, 'org_address_missing'],
        [o.responsibleName, 'responsible_missing'],
        [o.responsibleContacts, 'responsible_contacts_missing'],
        [o.headName, 'head_missing'],
      ];
      for (const [value, key] of fields) if (!value.trim()) missing.push(key);
      if (policyNever) missing.push('policy_not_approved');
      if (host.acts().length === 0) missing.push('no_acts');
      // The preview's register of requests has one overdue, and a breach awaits its notice.
      missing.push('requests_overdue_missing', 'breach_notice_missing');
      packs++;
      const journalOk = host.journalOk();
      host.journal('pack.produced', { number: packs, lang, files: entries.length + 1, scans: a.scans === true, missing }, null);
      return { number: packs, producedAt: at, entries, missing, journalOk, sha256: hex(`pack${packs}${at}`), size: 1_240_000 + entries.length * 38_000 };
    },
  };
  return { handlers };
}

/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND.
 *
 * The register's stand-in for src/dev/preview-backend.ts: a lazily generated list of synthetic
 * people (100,000 by default, made one by one as the list asks for them), the data inventory, the
 * organisation and the import wizard (people, and the log of services they received). The checks below only imitate the real ones in
 * crates/core well enough to show each state of the screens; they are not the product's rules.
 */
import type {
  Access,
  BasisDraft,
  Category,
  FieldKey,
  FieldProblem,
  ImportPreview,
  ImportReport,
  Inventory,
  InventoryDocument,
  JournalEntry,
  Kind,
  Organisation,
  Person,
  PersonLifecycle,
  ProblemArgs,
  RegisterMeta,
  ServiceColumn,
  ServiceEntry,
  ServiceImportPreview,
  ServiceImportReport,
  ServiceTypeChoice,
  SubjectPage,
  SubjectQuery,
  SubjectRow,
} from '../api';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';

export interface RegisterHost {
  fail(code: string, message: string, params?: Record<string, unknown>): never;
  journal(action: string, details: Record<string, unknown>, object: string | null): void;
  journalFor(object: string): JournalEntry[];
  emit(event: string, payload: unknown): void;
  userId(): string;
  /** Set by the lifecycle stand-in: what a person's page shows about consents, hold and blocking. */
  lifecycleOf?(number: number): PersonLifecycle;
  /** Set by the lifecycle stand-in: refuses a change to a blocked record. */
  ensureChangeable?(number: number): void;
  /** Set by the lifecycle stand-in: refuses "public" without a consent to publication. */
  ensurePublishable?(number: number): void;
  /** Set by the lifecycle stand-in: refuses a person without a basis, or with fields outside the
   * purposes it covers (Art. 7(1), 9, 14). */
  checkBasis?(kind: Kind, basis: BasisDraft | null | undefined, fields: FieldKey[]): void;
  /** Set by the lifecycle stand-in: records the consent or the ground of a person just written. */
  applyBasis?(id: string, basis: BasisDraft, batch?: boolean): void;
  /** Set by the lifecycle stand-in: a batch's basis, checked once; the fields it covers. */
  basisCovers?(kind: Kind, basis: BasisDraft | null | undefined): Set<FieldKey>;
}

/** What the lifecycle stand-in may read and do in the register. */
export interface RegisterAccess {
  byId(id: string): { id: string; number: number; kind: Kind; values: Partial<Record<FieldKey, string>>; access: Access; createdAt: string };
  get(number: number): { id: string; number: number; kind: Kind; values: Partial<Record<FieldKey, string>>; access: Access } | null;
  toPerson(id: string): Person;
  /** Anonymise or destroy: the person leaves the register. */
  remove(number: number): void;
  setAccess(number: number, access: Access): void;
  inventory(): Inventory;
  organisation(): Organisation;
  count(): number;
  /** Employees and volunteers marked as seeing personal data at work (they sign undertakings). */
  seeingData(): { id: string; number: number; kind: Kind; name: string }[];
}

const FIELDS: FieldKey[] = [
  'surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex', 'phone', 'email', 'region', 'district',
  'settlement', 'address', 'id_document', 'programme', 'services', 'disability', 'household_size',
  'health_notes', 'notes',
];
const DEFAULT_CATEGORY: Record<FieldKey, Category> = {
  surname: 'identity', name: 'identity', patronymic: 'identity', birth_date: 'identity', sex: 'identity',
  phone: 'contact', email: 'contact', region: 'contact', district: 'contact', settlement: 'contact', address: 'contact',
  iin: 'id_number', id_document: 'id_number', disability: 'health', health_notes: 'health',
  programme: 'social_status', services: 'social_status', household_size: 'social_status', notes: 'other',
};
const SENSITIVE = new Set<Category>(['id_number', 'financial', 'health', 'biometric']);

const REGIONS = [
  ['astana', 'Астана', 'Астана', 'Astana', true],
  ['almaty_city', 'Алматы', 'Алматы', 'Almaty', true],
  ['shymkent', 'Шымкент', 'Шымкент', 'Shymkent', true],
  ['abai', 'Абай облысы', 'Абайская область', 'Abai Region', false],
  ['akmola', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region', false],
  ['aktobe', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region', false],
  ['almaty_region', 'Алматы облысы', 'Алматинская область', 'Almaty Region', false],
  ['atyrau', 'Атырау облысы', 'Атырауская область', 'Atyrau Region', false],
  ['east_kazakhstan', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region', false],
  ['zhambyl', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region', false],
  ['zhetisu', 'Жетісу облысы', 'Жетысуская область', 'Zhetisu Region', false],
  ['west_kazakhstan', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region', false],
  ['karaganda', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region', false],
  ['kostanay', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region', false],
  ['kyzylorda', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region', false],
  ['mangystau', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region', false],
  ['pavlodar', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region', false],
  ['north_kazakhstan', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region', false],
  ['turkistan', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region', false],
  ['ulytau', 'Ұлытау облысы', 'Улытауская область', 'Ulytau Region', false],
].map(([key, kk, ru, en, city]) => ({ key: key as string, kk: kk as string, ru: ru as string, en: en as string, city: city as boolean }));

const SERVICE_TYPES = [
  'legal_consultation', 'psychological_support', 'social_support', 'food_package', 'hygiene_kit',
  'cash_assistance', 'medical_referral', 'shelter', 'training', 'home_visit',
];
const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60+'];
const PROGRAMMES = ['Қамқор 2024', 'Зорлық-зомбылықсыз өмір', 'Жылы үй', 'Правовая помощь — Алматы', 'Food for families'];

// Names: [male, female] surname pairs, first names by sex, fathers' names.
const SURNAMES: [string, string][] = [
  ['Ахметов', 'Ахметова'], ['Сейітов', 'Сейітова'], ['Жұмабаев', 'Жұмабаева'], ['Нұрланов', 'Нұрланова'],
  ['Омаров', 'Омарова'], ['Қасымов', 'Қасымова'], ['Әбілов', 'Әбілова'], ['Төлеуов', 'Төлеуова'],
  ['Иванов', 'Иванова'], ['Ким', 'Ким'], ['Смагулов', 'Смагулова'], ['Бекмұхамбетов', 'Бекмұхамбетова'],
  ['Мұқанов', 'Мұқанова'], ['Петренко', 'Петренко'], ['Оспанов', 'Оспанова'], ['Ержанов', 'Ержанова'],
  ['Құдайбергенов', 'Құдайбергенова'], ['Садықов', 'Садықова'], ['Федоров', 'Федорова'], ['Байжанов', 'Байжанова'],
];
const MALE = ['Айдос', 'Ерлан', 'Нұрсұлтан', 'Әлихан', 'Дәурен', 'Бауыржан', 'Сергей', 'Арман', 'Ержан', 'Тимур', 'Дмитрий', 'Қанат'];
const FEMALE = ['Айгерім', 'Әсел', 'Гүлнара', 'Дана', 'Жанар', 'Мөлдір', 'Наталья', 'Сәуле', 'Ақбота', 'Ольга', 'Інжу', 'Динара'];
const FATHERS = ['Серік', 'Болат', 'Марат', 'Нұрлан', 'Қайрат', 'Ерік', 'Александр', 'Асқар', 'Талғат', 'Виктор'];
const DISTRICTS = ['Алмалы ауданы', 'Бостандық ауданы', 'Сарыарқа ауданы', 'Еңбекшіқазақ ауданы', 'Талғар ауданы', 'Целиноградский район'];
const SETTLEMENTS = ['Алматы', 'Есік', 'Талғар', 'Қосшы', 'Шымкент', 'Астана', 'Түркістан', 'Қаскелең'];
const STREETS = ['Абай даңғылы', 'Сейфуллин к-сі', 'ул. Толе би', 'Достық даңғылы', 'ул. Гагарина', 'Бейбітшілік к-сі'];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function iinCheck(d: number[]): number | null {
  const sum = (w: number[]) => d.slice(0, 11).reduce((s, x, i) => s + x * w[i]!, 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : c;
}

function makeIin(birth: string, sex: 'male' | 'female', serial: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const century = y >= 2000 ? (sex === 'male' ? 5 : 6) : sex === 'male' ? 3 : 4;
  for (let s = serial; ; s++) {
    const head = `${pad(y % 100)}${pad(m)}${pad(d)}${century}${pad(s % 10000, 4)}`;
    const c = iinCheck([...head].map(Number));
    if (c !== null) return head + c;
  }
}

interface PreviewPerson {
  id: string;
  number: number;
  kind: Kind;
  access: Access;
  status: string;
  values: Partial<Record<FieldKey, string>>;
  services: ServiceEntry[];
  createdAt: string;
  updatedAt: string;
  /** An employee or volunteer who sees personal data at work. */
  seesData?: boolean;
}

const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function synth(n: number): PreviewPerson {
  const r = rng(n * 2654435761);
  const roll = r();
  const kind: Kind = roll < 0.86 ? 'beneficiary' : roll < 0.95 ? 'volunteer' : 'employee';
  const sex = r() < 0.62 ? 'female' : 'male';
  const year = kind === 'beneficiary' ? 1935 + Math.floor(r() * 87) : 1965 + Math.floor(r() * 40);
  const birth = `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
  const pair = pick(r, SURNAMES);
  const father = pick(r, FATHERS);
  const kazakhFather = !/[аеиоуыэюя]$/i.test(father) || /[әғқңөұүһі]/.test(father);
  const patronymic = r() < 0.15 ? undefined : kazakhFather ? `${father}${sex === 'male' ? 'ұлы' : 'қызы'}` : `${father}${sex === 'male' ? 'ович' : 'овна'}`;
  const region = pick(r, REGIONS).key;
  const values: Partial<Record<FieldKey, string>> = {
    surname: sex === 'male' ? pair[0] : pair[1],
    name: pick(r, sex === 'male' ? MALE : FEMALE),
    iin: makeIin(birth, sex, n),
    birth_date: birth,
    sex,
    phone: `+77${pick(r, ['01', '02', '05', '07', '08', '47', '71', '75', '77'])}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`,
    region,
    settlement: pick(r, SETTLEMENTS),
  };
  if (patronymic) values.patronymic = patronymic;
  if (kind === 'beneficiary') {
    values.programme = pick(r, PROGRAMMES);
    values.district = pick(r, DISTRICTS);
    values.address = `${pick(r, STREETS)}, ${1 + Math.floor(r() * 200)}${r() < 0.5 ? `, ${1 + Math.floor(r() * 120)}-пәтер` : ''}`;
    values.household_size = String(1 + Math.floor(r() * 7));
    if (r() < 0.12) values.disability = pick(r, ['II топ', 'III топ', 'I группа', 'Мүгедек бала']);
    if (r() < 0.1) values.health_notes = 'Қант диабеті, тұрақты бақылауда.';
    if (r() < 0.2) values.notes = 'Ауылдан қалаға көшіп келген.';
  } else {
    values.email = `user${n}@example.kz`;
    if (kind === 'employee') values.id_document = String(40000000 + Math.floor(r() * 9999999));
  }
  const services: ServiceEntry[] = [];
  const count = kind === 'beneficiary' ? Math.floor(r() * 5) : 0;
  for (let i = 0; i < count; i++) {
    services.push({ date: `${2021 + Math.floor(r() * 4)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`, serviceType: pick(r, SERVICE_TYPES) });
  }
  const created = new Date(Date.UTC(2022, 0, 1) + n * 600_000).toISOString();
  return {
    id: idFor(n),
    number: n,
    kind,
    access: r() < 0.03 ? 'public' : 'restricted',
    status: 'active',
    values,
    services,
    createdAt: created,
    updatedAt: created,
  };
}

function defaultInventory(): InventoryDocument {
  const identity: FieldKey[] = ['surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex'];
  const place: FieldKey[] = ['region', 'district', 'settlement', 'address'];
  return {
    purposes: [
      { key: 'legal_aid', names: { kk: 'Құқықтық көмек', ru: 'Правовая помощь', en: 'Legal aid' }, fields: { beneficiary: [...identity, 'phone', 'email', ...place, 'id_document', 'programme', 'services', 'notes'] } },
      { key: 'humanitarian_aid', names: { kk: 'Гуманитарлық көмек', ru: 'Гуманитарная помощь', en: 'Humanitarian aid' }, fields: { beneficiary: [...identity, 'phone', ...place, 'programme', 'services', 'disability', 'household_size', 'notes'] } },
      {
        key: 'social_support',
        names: { kk: 'Әлеуметтік қолдау', ru: 'Социальная поддержка', en: 'Social support' },
        fields: {
          beneficiary: [...identity, 'phone', 'email', ...place, 'programme', 'services', 'disability', 'household_size', 'health_notes', 'notes'],
          volunteer: ['surname', 'name', 'patronymic', 'birth_date', 'sex', 'phone', 'email', 'region', 'settlement', 'programme', 'notes'],
        },
      },
      { key: 'payroll', names: { kk: 'Еңбекақы төлеу', ru: 'Начисление заработной платы', en: 'Payroll' }, fields: { employee: [...identity, 'phone', 'email', 'region', 'settlement', 'address', 'id_document', 'notes'] } },
      { key: 'donor_reporting', names: { kk: 'Донорларға есеп беру', ru: 'Отчётность перед донорами', en: 'Donor reporting' }, fields: { beneficiary: ['birth_date', 'sex', 'region', 'district', 'programme', 'services', 'disability', 'household_size'] } },
    ],
    categories: { ...DEFAULT_CATEGORY },
  };
}

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

const today = () => new Date().toISOString().slice(0, 10);
const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/[әғқңөұүһі]/g, (c) => ({ ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' })[c] ?? c);

function ageOf(birth: string | undefined): number | null {
  if (!birth) return null;
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const now = new Date();
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age--;
  return age;
}

function inBand(age: number | null, band: string): boolean {
  if (age === null) return false;
  const [lo, hi] = band === '60+' ? [60, 999] : band.split('-').map(Number);
  return age >= lo! && age <= hi!;
}

export const REGISTER_COMMANDS = new Set([
  'register_meta', 'subject_list', 'subject_get', 'subject_reveal', 'subject_create', 'subject_update',
  'subject_set_access', 'subject_history', 'org_get', 'org_set', 'inventory_get', 'inventory_approve',
  'choose_import_file', 'import_preview', 'import_run', 'person_sees_data',
  'service_import_preview', 'service_import_run',
]);

/** A standard service type a value names: its key or its name in Kazakh, Russian or English. */
function recogniseServiceType(value: string): string | null {
  const v = fold(value.trim());
  if (!v) return null;
  const names = [en, kk, ru].map((l) => l.serviceTypes as Record<string, string>);
  return SERVICE_TYPES.find((key) => fold(key) === v || names.some((n) => n[key] !== undefined && fold(n[key]) === v)) ?? null;
}

export function createRegister(host: RegisterHost, baseCount: number) {
  const overrides = new Map<number, PreviewPerson>();
  const removed = new Set<number>();
  let count = baseCount;
  let inventory: Inventory = { version: 1, approvedAt: new Date(Date.now() - 40 * 86400_000).toISOString(), approvedBy: host.userId(), ...defaultInventory() };
  let org: Organisation = {
    name: '«Қамқор» қоғамдық қоры',
    bin: '',
    address: 'Алматы қ., Абай даңғылы, 10',
    responsibleName: 'Айгерім Сейітқызы',
    responsibleContacts: '+7 701 234 56 78, info@kamkor.kz',
    headName: 'Ержан Тоқтаров',
    headPosition: 'Төраға',
  };
  const queryCache = new Map<string, number[]>();
  let iinIndex: Map<string, number> | null = null;

  const get = (n: number): PreviewPerson | null => (n < 1 || n > count || removed.has(n) ? null : (overrides.get(n) ?? synth(n)));
  const allowed = (kind: Kind): Set<FieldKey> => new Set(inventory.purposes.flatMap((p) => p.fields[kind] ?? []));
  const sensitive = (f: FieldKey) => SENSITIVE.has(inventory.categories[f] ?? DEFAULT_CATEGORY[f]);
  const mask = (f: FieldKey, v: string) => (f === 'iin' ? (v.length === 12 ? `${v.slice(0, 2)}••••••${v.slice(8)}` : '••••••••••••') : '•••••');

  // The first two employees or volunteers see the data at work (the Documents screen lists their
  // undertakings).
  for (let n = 1, marked = 0; n <= Math.min(count, 400) && marked < 2; n++) {
    const p = synth(n);
    if (p.kind !== 'beneficiary') {
      overrides.set(n, { ...p, seesData: true });
      marked++;
    }
  }

  const byId = (id: string): PreviewPerson => {
    const n = /^\d+$/.test(id) ? Number(id) : Number(id.split('-').pop());
    const p = get(n);
    if (!p || (!/^\d+$/.test(id) && p.id !== id)) host.fail('subject_not_found', 'There is no person with this number in the register.');
    return p;
  };

  const toPerson = (p: PreviewPerson, reveal: FieldKey[] = []): Person => ({
    id: p.id,
    number: p.number,
    kind: p.kind,
    access: p.access,
    status: p.status,
    values: Object.fromEntries(
      Object.entries(p.values).map(([k, v]) => {
        const f = k as FieldKey;
        const s = sensitive(f);
        const masked = s && !reveal.includes(f);
        return [f, { value: masked ? mask(f, v!) : v!, masked, sensitive: s }];
      }),
    ),
    services: [...p.services].sort((a, b) => a.date.localeCompare(b.date)),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    ...(host.lifecycleOf ? { lifecycle: host.lifecycleOf(p.number) } : {}),
    seesData: p.seesData === true,
  });

  const toRow = (p: PreviewPerson): SubjectRow => {
    const values: Partial<Record<FieldKey, string>> = {};
    for (const f of ['surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex', 'phone', 'region', 'programme'] as FieldKey[]) {
      const v = p.values[f];
      if (v !== undefined) values[f] = sensitive(f) ? mask(f, v) : v;
    }
    return { id: p.id, number: p.number, kind: p.kind, access: p.access, status: p.status, values };
  };

  const matches = (p: PreviewPerson, q: SubjectQuery): boolean => {
    if (q.kind && p.kind !== q.kind) return false;
    if (q.region && p.values.region !== q.region) return false;
    if (q.programme && p.values.programme !== q.programme) return false;
    if (q.access && p.access !== q.access) return false;
    if (q.ageBand && !inBand(ageOf(p.values.birth_date), q.ageBand)) return false;
    if (q.search) {
      const words = fold(q.search).split(/\s+/).filter(Boolean);
      const doc = fold(`${p.values.surname ?? ''} ${p.values.name ?? ''} ${p.values.patronymic ?? ''}`);
      const digits = `${p.values.iin ?? ''} ${(p.values.phone ?? '').replace(/\D/g, '')}`;
      for (const w of words) {
        const d = w.replace(/\D/g, '');
        if (d.length >= 3 && d.length * 2 >= w.length) {
          if (!digits.includes(d.length === 11 && d.startsWith('8') ? `7${d.slice(1)}` : d)) return false;
        } else if (!doc.split(' ').some((part) => part.startsWith(w)) && !(w.length >= 3 && doc.includes(w))) return false;
      }
    }
    return true;
  };

  const iinOwner = (iin: string): number | undefined => {
    if (!iinIndex) {
      iinIndex = new Map();
      for (let n = 1; n <= count; n++) {
        const v = get(n)?.values.iin;
        if (v) iinIndex.set(v, n);
      }
    }
    return iinIndex.get(iin);
  };

  /** An imitation of the core's checks, enough to show every state of the form. */
  const validate = (kind: Kind, raw: Partial<Record<FieldKey, string>>, services: ServiceEntry[], self?: number) => {
    const ok = allowed(kind);
    const problems: FieldProblem[] = [];
    const values: Partial<Record<FieldKey, string>> = {};
    const bad = (field: string, code: string, args: ProblemArgs = {}) => problems.push({ field, code, args });
    for (const [k, rawValue] of Object.entries(raw)) {
      const f = k as FieldKey;
      const v = (rawValue ?? '').trim();
      if (!v) continue;
      if (!ok.has(f)) {
        bad(f, 'not_in_inventory', { kind });
        continue;
      }
      switch (f) {
        case 'iin': {
          const d = v.replace(/\s/g, '');
          if (!/^\d{12}$/.test(d)) bad(f, 'iin_length');
          else if (!'123456'.includes(d[6]!)) bad(f, 'iin_century_sex');
          else if (iinCheck([...d].map(Number)) !== Number(d[11])) bad(f, 'iin_check_digit');
          else values.iin = d;
          break;
        }
        case 'birth_date': {
          const d = parseDate(v);
          if (!d) bad(f, 'date_format');
          else if (d > today()) bad(f, 'date_future');
          else if (d < '1900-01-01') bad(f, 'date_too_old');
          else values.birth_date = d;
          break;
        }
        case 'sex':
          if (v === 'male' || v === 'female') values.sex = v;
          else bad(f, 'sex_unknown');
          break;
        case 'phone': {
          let d = v.replace(/\D/g, '');
          if (d.length === 11 && d.startsWith('8')) d = `7${d.slice(1)}`;
          if (d.length === 10) d = `7${d}`;
          if (d.length !== 11) bad(f, 'phone_length');
          else if (!d.startsWith('7')) bad(f, 'phone_not_kazakhstan');
          else values.phone = `+${d}`;
          break;
        }
        case 'email':
          if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) values.email = v;
          else bad(f, 'email_invalid');
          break;
        case 'household_size':
          if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 50) values.household_size = String(Number(v));
          else bad(f, 'number_invalid');
          break;
        default:
          if (v.length > 300 && f !== 'notes' && f !== 'health_notes') bad(f, 'too_long', { max: 300 });
          else values[f] = v;
      }
    }
    if (values.iin) {
      const d = values.iin;
      const c = Number(d[6]);
      const birth = `${(c <= 2 ? 1800 : c <= 4 ? 1900 : 2000) + Number(d.slice(0, 2))}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
      const sex = c % 2 === 1 ? 'male' : 'female';
      if (values.birth_date && values.birth_date !== birth) bad('birth_date', 'iin_birth_date_mismatch');
      else if (!values.birth_date && ok.has('birth_date') && !problems.some((p) => p.field === 'birth_date')) values.birth_date = birth;
      if (values.sex && values.sex !== sex) bad('sex', 'iin_sex_mismatch');
      else if (!values.sex && ok.has('sex')) values.sex = sex;
    }
    for (const f of ['surname', 'name'] as FieldKey[]) {
      if (ok.has(f) && !values[f] && !problems.some((p) => p.field === f)) bad(f, 'required');
    }
    const checked: ServiceEntry[] = [];
    for (const s of services) {
      const d = parseDate(s.date);
      if (!d) bad('services', 'date_format');
      else if (d > today()) bad('services', 'date_future');
      else if (!s.serviceType.trim()) bad('services', 'service_type', { max: 100 });
      else checked.push({ date: d, serviceType: s.serviceType.trim() });
    }
    if (problems.length) {
      problems.sort((a, b) => FIELDS.indexOf(a.field as FieldKey) - FIELDS.indexOf(b.field as FieldKey));
      host.fail('invalid', `${problems[0]!.field}: ${problems[0]!.code}`, { problems });
    }
    if (values.iin) {
      const owner = iinOwner(values.iin);
      if (owner !== undefined && owner !== self) host.fail('duplicate_iin', `A person with this IIN is already in the register (record № ${owner}).`, { existing: owner });
    }
    return { values, services: checked };
  };

  // ---------------------------------------------------------------- import (a made-up file)
  const IMPORT_HEADERS = ['Т.А.Ә.', 'ЖСН', 'Туған күні', 'Телефон', 'Облыс', 'Бағдарлама', 'Ескерту', 'Тіркелген күні'];
  const importRows = (path: string): string[][] => {
    const rows: string[][] = [];
    const total = /big/.test(path) ? 2500 : 48;
    for (let i = 0; i < total; i++) {
      const p = synth(500_000 + i);
      const v = p.values;
      const [y, m, d] = (v.birth_date ?? '2000-01-01').split('-');
      rows.push([
        `${v.surname} ${v.name} ${v.patronymic ?? ''}`.trim(),
        makeIin(v.birth_date!, v.sex as 'male' | 'female', 7000 + i),
        `${d}.${m}.${y}`,
        `8 ${v.phone!.slice(2, 5)} ${v.phone!.slice(5, 8)} ${v.phone!.slice(8)}`,
        REGIONS.find((r) => r.key === v.region)!.ru,
        v.programme ?? '',
        i % 7 === 0 ? 'Көпбалалы отбасы' : '',
        `${pad(1 + (i % 28))}.${pad(1 + (i % 12))}.${2019 + (i % 6)}`,
      ]);
    }
    if (/bad|қате|errors/i.test(path)) {
      rows[3]![1] = rows[3]![1]!.slice(0, 11) + ((Number(rows[3]![1]!.slice(11)) + 1) % 10);
      rows[11]![2] = '31.02.1988';
      rows[20]![1] = rows[5]![1]!;
    }
    return rows;
  };

  // ---------------------------------------------------------------- the service log (made up)
  const SERVICE_HEADERS = ['Күні', 'ЖСН', 'Derbes №', 'Тегі', 'Аты', 'Туған күні', 'Қызмет түрі', 'Бағдарлама'];
  const SERVICE_GUESS: (ServiceColumn | null)[] = ['date', 'iin', 'number', 'surname', 'name', 'birth_date', 'service_type', 'programme'];
  /** As an NGO writes them: two the core knows by name, four it does not. */
  const LOG_TYPES = ['Заң кеңесі', 'Юрконсультация', 'Психологиялық қолдау', 'Азық-түлік себеті', 'Продуктовый набор', 'Ыстық тамақ'];
  const serviceRows = (path: string): string[][] => {
    const people: PreviewPerson[] = [];
    for (let n = 1; n <= count && people.length < 18; n++) {
      const p = get(n);
      if (p?.kind === 'beneficiary' && p.values.iin && p.values.birth_date) people.push(p);
    }
    const rows: string[][] = [];
    const total = /big/.test(path) ? 3000 : 46;
    const start = Date.UTC(2024, 1, 15);
    const span = Date.UTC(2025, 10, 30) - start;
    for (let i = 0; i < total && people.length; i++) {
      const p = people[(i * 7) % people.length]!;
      const day = new Date(start + Math.floor((span * i) / Math.max(1, total - 1) / 86400_000) * 86400_000);
      const date = `${pad(day.getUTCDate())}.${pad(day.getUTCMonth() + 1)}.${day.getUTCFullYear()}`;
      const [y, m, d] = p.values.birth_date!.split('-');
      const key = i % 3;
      rows.push([
        date,
        key === 0 ? p.values.iin! : '',
        key === 1 ? String(p.number) : '',
        key === 2 ? p.values.surname! : '',
        key === 2 ? p.values.name! : '',
        key === 2 ? `${d}.${m}.${y}` : '',
        LOG_TYPES[(i * 5) % LOG_TYPES.length]!,
        p.values.programme ?? '',
      ]);
    }
    if (/bad|қате|errors/i.test(path) && rows.length > 20) {
      rows[3]![1] = '900101400011';
      rows[3]![2] = '';
      rows[9]![1] = rows[9]![2] = rows[9]![3] = rows[9]![4] = '';
      rows[14]![0] = '01.01.2099';
    }
    return rows;
  };
  let nameIndex: Map<string, number[]> | null = null;
  let nameIndexFor = -1;
  const byName = (surname: string, name: string, birth: string): number[] => {
    if (!nameIndex || nameIndexFor !== count) {
      nameIndex = new Map();
      nameIndexFor = count;
      for (let n = 1; n <= count; n++) {
        const p = get(n);
        if (!p?.values.surname || !p.values.name || !p.values.birth_date) continue;
        const k = `${fold(p.values.surname)}|${fold(p.values.name)}|${p.values.birth_date}`;
        nameIndex.set(k, [...(nameIndex.get(k) ?? []), n]);
      }
    }
    return nameIndex.get(`${fold(surname.trim())}|${fold(name.trim())}|${birth}`) ?? [];
  };

  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    register_meta: (): RegisterMeta => {
      const kinds: Kind[] = ['beneficiary', 'employee', 'volunteer'];
      return {
        fields: FIELDS.map((key) => ({ key, category: inventory.categories[key] ?? DEFAULT_CATEGORY[key], sensitive: sensitive(key) })),
        kinds,
        regions: REGIONS,
        serviceTypes: SERVICE_TYPES,
        ageBands: AGE_BANDS,
        allowed: Object.fromEntries(kinds.map((k) => [k, FIELDS.filter((f) => allowed(k).has(f))])) as Record<Kind, FieldKey[]>,
        programmes: count > 0 ? PROGRAMMES : [],
      };
    },
    subject_list: (a): SubjectPage => {
      const q = (a.query ?? { offset: 0 }) as SubjectQuery;
      const offset = Number(q.offset ?? 0);
      const limit = q.limit ?? count;
      const filtered = q.search || q.kind || q.region || q.programme || q.access || q.ageBand;
      if (!filtered) {
        const rows: SubjectRow[] = [];
        for (let n = offset + 1; n <= Math.min(count, offset + limit); n++) {
          const p = get(n);
          if (p) rows.push(toRow(p));
        }
        return { total: count - removed.size, rows };
      }
      const key = JSON.stringify({ ...q, offset: 0, limit: 0, count });
      let hits = queryCache.get(key);
      if (!hits) {
        hits = [];
        for (let n = 1; n <= count; n++) {
          const p = get(n);
          if (p && matches(p, q)) hits.push(n);
        }
        if (queryCache.size > 20) queryCache.clear();
        queryCache.set(key, hits);
      }
      return { total: hits.length, rows: hits.slice(offset, offset + limit).flatMap((n) => { const p = get(n); return p ? [toRow(p)] : []; }) };
    },
    subject_get: (a) => {
      const p = byId(String(a.id));
      host.journal('subject.viewed', { number: p.number }, p.id);
      return toPerson(p);
    },
    subject_reveal: (a) => {
      const p = byId(String(a.id));
      const fields = ((a.fields as FieldKey[]) ?? []).filter((f) => p.values[f] !== undefined && sensitive(f));
      host.journal('subject.revealed', { number: p.number, fields }, p.id);
      return toPerson(p, fields);
    },
    subject_create: (a) => {
      const draft = a.draft as { kind?: Kind; values: Partial<Record<FieldKey, string>>; services: ServiceEntry[] };
      if (!draft.kind) host.fail('invalid', 'kind: Choose a kind.', { problems: [{ field: 'kind', code: 'required', args: {} }] });
      const basis = a.basis as BasisDraft | undefined;
      // As the core: a ground is checked first, then the fields (and those outside the purposes
      // the basis covers), then the consent with the person written (all in one transaction).
      const fields = Object.entries(draft.values ?? {}).filter(([, v]) => (v ?? '').trim() !== '').map(([k]) => k as FieldKey);
      if ((draft.services ?? []).length) fields.push('services');
      host.checkBasis?.(draft.kind, basis, []);
      const { values, services } = validate(draft.kind, draft.values ?? {}, draft.services ?? []);
      host.checkBasis?.(draft.kind, basis, fields);
      const n = ++count;
      const now = new Date().toISOString();
      const p: PreviewPerson = { id: idFor(n), number: n, kind: draft.kind, access: 'restricted', status: 'active', values, services, createdAt: now, updatedAt: now };
      overrides.set(n, p);
      try {
        if (basis) host.applyBasis?.(p.id, basis);
      } catch (e) {
        overrides.delete(n);
        count--;
        throw e;
      }
      queryCache.clear();
      if (values.iin) iinIndex?.set(values.iin, n);
      host.journal('subject.created', { number: n, kind: draft.kind, inventory: inventory.version }, p.id);
      return toPerson(p);
    },
    subject_update: (a) => {
      const p = byId(String(a.id));
      host.ensureChangeable?.(p.number);
      const draft = a.draft as { kind?: Kind; values: Partial<Record<FieldKey, string>>; services: ServiceEntry[] };
      const kind = draft.kind ?? p.kind;
      const merged = { ...p.values, ...draft.values };
      const changed = Object.keys(draft.values ?? {}).filter((k) => (p.values[k as FieldKey] ?? '') !== (draft.values[k as FieldKey] ?? '').trim());
      const { values, services } = validate(kind, merged, draft.services ?? [], p.number);
      if (services.length) changed.push('services');
      const next: PreviewPerson = { ...p, kind, values, services: [...p.services, ...services], updatedAt: new Date().toISOString() };
      overrides.set(p.number, next);
      queryCache.clear();
      host.journal('subject.updated', { number: p.number, fields: changed }, p.id);
      return toPerson(next);
    },
    subject_set_access: (a) => {
      const p = byId(String(a.id));
      const access = a.access === 'public' ? 'public' : 'restricted';
      host.ensureChangeable?.(p.number);
      if (access === 'public') host.ensurePublishable?.(p.number);
      overrides.set(p.number, { ...p, access, updatedAt: new Date().toISOString() });
      queryCache.clear();
      host.journal('subject.access_changed', { number: p.number, access }, p.id);
    },
    subject_history: (a) => {
      const p = byId(String(a.id));
      const own = host.journalFor(p.id);
      if (own.some((e) => e.action === 'subject.created')) return own;
      // A synthetic person's past, so the tab has something to show.
      const made: JournalEntry = { seq: -2, at: p.createdAt, userId: host.userId(), userName: 'Айгерім Сейітқызы', action: 'subject.created', object: p.id, details: { number: p.number, kind: p.kind } };
      const edit: JournalEntry = { ...made, seq: -1, at: new Date(Date.parse(p.createdAt) + 86400_000 * 30).toISOString(), action: 'subject.updated', details: { number: p.number, fields: ['phone', 'address'] } };
      return [...own, edit, made];
    },
    person_sees_data: (a) => {
      const p = byId(String(a.id));
      if (p.kind === 'beneficiary') host.fail('invalid_input', 'Undertakings are for employees and volunteers, not beneficiaries.', { field: 'sees_data', reason: 'sees_data_beneficiary' });
      const yes = a.yes === true;
      if ((p.seesData === true) !== yes) {
        overrides.set(p.number, { ...p, seesData: yes, updatedAt: new Date().toISOString() });
        host.journal('subject.sees_data_changed', { number: p.number, sees_data: yes }, p.id);
      }
      return null;
    },
    org_get: () => org,
    org_set: (a) => {
      const o = a.org as Organisation;
      if (!o.name.trim()) host.fail('invalid_input', "Enter the organisation's name.", { field: 'name', reason: "Enter the organisation's name." });
      const bin = o.bin.replace(/\s/g, '');
      if (bin && (!/^\d{12}$/.test(bin) || iinCheck([...bin].map(Number)) !== Number(bin[11]))) {
        host.fail('invalid_input', 'The BIN has 12 digits and a check digit; check it.', { field: 'bin', reason: 'The BIN has 12 digits and a check digit; check it.' });
      }
      org = { ...o, bin, name: o.name.trim() };
      host.journal('settings.changed', { key: 'organisation.name' }, null);
      return org;
    },
    inventory_get: () => inventory,
    inventory_approve: (a) => {
      const doc = a.document as InventoryDocument;
      for (const [f, c] of Object.entries(doc.categories)) {
        if (SENSITIVE.has(DEFAULT_CATEGORY[f as FieldKey]) && !SENSITIVE.has(c)) {
          host.fail('invalid_input', `The field "${f}" must keep a sensitive category.`, { field: 'inventory', reason: `The field "${f}" must keep a sensitive category.` });
        }
      }
      inventory = { version: inventory.version + 1, approvedAt: new Date().toISOString(), approvedBy: host.userId(), purposes: doc.purposes, categories: doc.categories };
      host.journal('inventory.approved', { version: inventory.version, purposes: doc.purposes.length }, String(inventory.version));
      return inventory;
    },
    choose_import_file: () => '/home/aigerim/Documents/Бенефициарлар 2024 (қате).csv',
    import_preview: (a) => {
      const path = String(a.path ?? '');
      if (!/\.(csv|xlsx)$/i.test(path)) host.fail('io', 'The file cannot be read.', { detail: 'not a CSV or XLSX file' });
      const rows = importRows(path);
      const xlsx = /\.xlsx$/i.test(path);
      const preview: ImportPreview = {
        headers: IMPORT_HEADERS,
        rows: rows.slice(0, 20),
        rowCount: rows.length,
        format: xlsx ? 'xlsx' : 'csv',
        encoding: xlsx ? null : 'windows-1251',
        delimiter: xlsx ? null : ';',
        sheet: xlsx ? 'Тізім' : null,
        mapping: [null, 'iin', 'birth_date', 'phone', 'region', 'programme', 'notes', null],
        fullNameColumn: 0,
        registeredOnColumn: 7,
      };
      return preview;
    },
    import_run: async (a) => {
      const path = String(a.path ?? '');
      const kind = a.kind as Kind;
      const mapping = (a.mapping as (FieldKey | null)[]) ?? [];
      // One basis for the whole batch, checked once; a field outside what it covers rejects its rows.
      const covers = host.basisCovers?.(kind, a.basis as BasisDraft | undefined) ?? null;
      const rows = importRows(path);
      const ok = allowed(kind);
      const rejected: ImportReport['rejected'] = [];
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        const line = i + 2;
        mapping.forEach((f, c) => {
          if (!f || !row[c]) return;
          if (!ok.has(f)) rejected.push({ row: line, field: f, code: 'not_in_inventory', args: { kind } });
          else if (covers && !covers.has(f)) {
            const purpose = inventory.purposes.find((p) => (p.fields[kind] ?? []).includes(f))?.key ?? '';
            rejected.push({ row: line, field: f, code: 'outside_purposes', args: { purpose } });
          } else if (f === 'iin') {
            const d = row[c]!;
            if (iinCheck([...d].map(Number)) !== Number(d[11])) rejected.push({ row: line, field: f, code: 'iin_check_digit', args: {} });
            else if (seen.has(d)) rejected.push({ row: line, field: f, code: 'duplicate_iin_in_file', args: { row: seen.get(d)! } });
            else seen.set(d, line);
          } else if (f === 'birth_date' && !parseDate(row[c]!)) rejected.push({ row: line, field: f, code: 'date_format', args: {} });
        });
      });
      const bad = new Set(rejected.map((r) => r.row)).size;
      if (a.dryRun || rejected.length) return { rows: rows.length, accepted: rows.length - bad, rejected, imported: false } satisfies ImportReport;
      for (let done = 0; done <= rows.length; done += Math.max(1, Math.ceil(rows.length / 25))) {
        host.emit('import-progress', { done, total: rows.length });
        await new Promise((r) => setTimeout(r, 80));
      }
      host.emit('import-progress', { done: rows.length, total: rows.length });
      const first = count + 1;
      rows.forEach((_, i) => overrides.set(count + 1 + i, { ...synth(500_000 + i), id: idFor(first + i), number: first + i, kind }));
      count += rows.length;
      rows.forEach((_, i) => host.applyBasis?.(idFor(first + i), a.basis as BasisDraft, true));
      queryCache.clear();
      host.journal('subjects.imported', { rows: rows.length }, null);
      return { rows: rows.length, accepted: rows.length, rejected: [], imported: true } satisfies ImportReport;
    },
    service_import_preview: (a): ServiceImportPreview => {
      const path = String(a.path ?? '');
      if (!/\.(csv|xlsx)$/i.test(path)) host.fail('io', 'The file cannot be read.', { detail: 'not a CSV or XLSX file' });
      const rows = serviceRows(path);
      const xlsx = /\.xlsx$/i.test(path);
      return {
        headers: SERVICE_HEADERS,
        rows: rows.slice(0, 20),
        rowCount: rows.length,
        format: xlsx ? 'xlsx' : 'csv',
        encoding: xlsx ? null : 'utf-8',
        delimiter: xlsx ? null : ';',
        sheet: xlsx ? 'Қызметтер' : null,
        mapping: SERVICE_GUESS,
      };
    },
    service_import_run: async (a): Promise<ServiceImportReport> => {
      const rows = serviceRows(String(a.path ?? ''));
      const mapping = (a.mapping as (ServiceColumn | null)[]) ?? [];
      const choices = new Map(Object.entries((a.choices ?? {}) as Record<string, ServiceTypeChoice>).map(([k, v]) => [fold(k.trim()), v]));
      const cell = (row: string[], role: ServiceColumn) => {
        for (let c = 0; c < mapping.length; c++) if (mapping[c] === role && (row[c] ?? '').trim()) return row[c]!.trim();
        return '';
      };
      const types: ServiceImportReport['types'] = [];
      const rejected: ServiceImportReport['rejected'] = [];
      const matchedBy = { iin: 0, number: 0, nameAndBirthDate: 0 };
      const accepted: { n: number; date: string; serviceType: string }[] = [];
      rows.forEach((row, i) => {
        const line = i + 2;
        const problems: { field: string; code: string; args: ProblemArgs }[] = [];
        let found: number | null = null;
        let how: keyof typeof matchedBy | null = null;
        const iin = cell(row, 'iin').replace(/\s/g, '');
        const number = cell(row, 'number').replace(/^№/, '').trim();
        let [surname, name] = [cell(row, 'surname'), cell(row, 'name')];
        const full = cell(row, 'full_name').split(/\s+/);
        if (!surname && !name && full.length >= 2) [surname, name] = [full[0]!, full[1]!];
        const birthText = cell(row, 'birth_date');
        if (iin) {
          found = iinOwner(iin) ?? null;
          how = 'iin';
          if (found === null) problems.push({ field: 'iin', code: 'service_person_not_found', args: { by: 'iin' } });
        } else if (number) {
          found = /^\d+$/.test(number) && get(Number(number)) ? Number(number) : null;
          how = 'number';
          if (found === null) problems.push({ field: 'number', code: 'service_person_not_found', args: { by: 'number' } });
        } else if (!surname || !name || !birthText) {
          problems.push({ field: 'person', code: 'service_person_missing', args: {} });
        } else {
          const birth = parseDate(birthText);
          if (!birth) problems.push({ field: 'birth_date', code: 'date_format', args: {} });
          else {
            const hits = byName(surname, name, birth);
            how = 'nameAndBirthDate';
            if (hits.length === 1) found = hits[0]!;
            else if (hits.length === 0) problems.push({ field: 'surname', code: 'service_person_not_found', args: { by: 'name' } });
            else problems.push({ field: 'surname', code: 'service_person_ambiguous', args: { count: hits.length } });
          }
        }
        const person = found !== null ? get(found) : null;
        if (person && host.lifecycleOf?.(person.number).blockedReason) {
          problems.push({ field: 'person', code: 'service_person_blocked', args: { number: person.number } });
        }
        const date = parseDate(cell(row, 'date'));
        if (!date) problems.push({ field: 'date', code: 'date_format', args: {} });
        else if (date > today()) problems.push({ field: 'date', code: 'date_future', args: {} });
        else if (person?.values.birth_date && date < person.values.birth_date) problems.push({ field: 'date', code: 'before_birth', args: {} });
        const written = cell(row, 'service_type');
        let serviceType: string | null = null;
        if (!written) problems.push({ field: 'service_type', code: 'service_type', args: { max: 100 } });
        else {
          let type = types.find((t) => fold(t.value) === fold(written));
          if (!type) {
            const recognised = recogniseServiceType(written);
            const chosen = choices.get(fold(written)) ?? (recognised ? { as: 'standard' as const, key: recognised } : null);
            type = { value: written, rows: 0, recognised, chosen };
            types.push(type);
          }
          type.rows++;
          if (type.chosen?.as === 'standard' && SERVICE_TYPES.includes(type.chosen.key)) serviceType = type.chosen.key;
          else if (type.chosen?.as === 'asWritten') serviceType = written;
          else problems.push({ field: 'service_type', code: 'service_type_unconfirmed', args: {} });
        }
        if (person && !problems.length && !allowed(person.kind).has('services')) {
          problems.push({ field: 'services', code: 'not_in_inventory', args: { kind: person.kind } });
        }
        if (person && date && serviceType && how && !problems.length) {
          matchedBy[how]++;
          accepted.push({ n: person.number, date, serviceType });
        } else rejected.push(...problems.map((p) => ({ row: line, ...p })));
      });
      // Rows identical to a service already on file are skipped.
      let alreadyRecorded = 0;
      const fresh = accepted.filter((x) => {
        const on = get(x.n)!.services.some((s) => s.date === x.date && s.serviceType === x.serviceType);
        if (on) alreadyRecorded++;
        return !on;
      });
      const days = fresh.map((x) => x.date).sort();
      const report: ServiceImportReport = {
        rows: rows.length,
        accepted: fresh.length,
        alreadyRecorded,
        people: new Set(fresh.map((x) => x.n)).size,
        matchedBy,
        firstDay: days[0] ?? null,
        lastDay: days[days.length - 1] ?? null,
        types,
        rejected,
        imported: false,
      };
      await new Promise((r) => setTimeout(r, a.dryRun ? 250 : 700));
      if (a.dryRun || rejected.length) return report;
      for (const x of fresh) {
        const p = get(x.n)!;
        overrides.set(x.n, { ...p, services: [...p.services, { date: x.date, serviceType: x.serviceType }], updatedAt: new Date().toISOString() });
      }
      host.journal('services.imported', { rows: report.accepted, alreadyRecorded, people: report.people }, null);
      return { ...report, imported: true };
    },
  };
  const access: RegisterAccess = {
    byId,
    get,
    toPerson: (id) => toPerson(byId(id)),
    remove: (n) => {
      removed.add(n);
      queryCache.clear();
    },
    setAccess: (n, acc) => {
      const p = get(n);
      if (p) overrides.set(n, { ...p, access: acc, updatedAt: new Date().toISOString() });
      queryCache.clear();
    },
    inventory: () => inventory,
    organisation: () => org,
    count: () => count,
    seeingData: () =>
      [...overrides.values()]
        .filter((p) => p.seesData && !removed.has(p.number))
        .sort((a, b) => a.number - b.number)
        .map((p) => ({ id: p.id, number: p.number, kind: p.kind, name: [p.values.surname, p.values.name, p.values.patronymic].filter(Boolean).join(' ') })),
  };
  return { handlers, access };
}

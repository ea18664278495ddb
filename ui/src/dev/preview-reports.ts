/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND.
 *
 * The stand-in for reports, row-level releases and the transfer ledger, used by
 * src/dev/preview-backend.ts so the Reports screen can be looked at in a browser. Counts are made
 * up from a hash of the categories; the "suppression" below only imitates crates/core's
 * (suppression.rs, release.rs) well enough to show "<5" and "x" cells — it is not the product's
 * rule and protects nothing.
 */
import type {
  Attribute,
  CellMark,
  ColumnLevel,
  Dimension,
  ExportFormat,
  Kind,
  Measure,
  PanelRow,
  Release,
  ReleaseSpec,
  Report,
  ReportAxis,
  ReportCell,
  ReportPanel,
  ReportSpec,
  ReportsMeta,
  Transfer,
} from '../api';

export interface ReportsHost {
  fail(code: string, message: string, params?: Record<string, unknown>): never;
  journal(action: string, details: Record<string, unknown>, object: string | null): void;
  userName(): string;
  /** The organisation's name ('' when not filled in). */
  organisationName(): string;
}

export const REPORTS_COMMANDS = new Set([
  'reports_meta',
  'report_build',
  'release_build',
  'report_export',
  'release_export',
  'transfers_list',
  'transfer_verify',
  'choose_export_path',
  'choose_file_to_verify',
]);

type Lang = 'kk' | 'ru' | 'en';
type Names = [string, string, string];
const pick = (lang: Lang, [kk, ru, en]: Names) => (lang === 'kk' ? kk : lang === 'ru' ? ru : en);

const HOME = '/home/aigerim';
const DIMENSIONS: Dimension[] = ['region', 'district', 'sex', 'age_band', 'kind', 'programme', 'service_type', 'disability', 'quarter', 'month'];
const ATTRIBUTES: Attribute[] = ['age', 'sex', 'place', 'disability', 'household_size', 'kind', 'programme', 'service_month'];
const DEFAULT_ATTRIBUTES: Attribute[] = ['age', 'sex', 'place', 'disability', 'household_size'];
const PROGRAMMES = ['Қамқор 2024', 'Зорлық-зомбылықсыз өмір', 'Жылы үй', 'Правовая помощь — Алматы', 'Food for families'];

const DIMENSION_NAMES: Record<Dimension, Names> = {
  region: ['Өңір', 'Регион', 'Region'],
  district: ['Аудан', 'Район', 'District'],
  sex: ['Жынысы', 'Пол', 'Sex'],
  age_band: ['Жас тобы', 'Возрастная группа', 'Age band'],
  kind: ['Санаты', 'Категория', 'Category'],
  programme: ['Бағдарлама', 'Программа', 'Programme'],
  service_type: ['Қызмет түрі', 'Вид услуги', 'Service type'],
  disability: ['Мүгедектігі', 'Инвалидность', 'Disability'],
  quarter: ['Тоқсан', 'Квартал', 'Quarter'],
  month: ['Ай', 'Месяц', 'Month'],
};
const MEASURE_NAMES: Record<Measure, Names> = {
  people: ['Қызмет алған адамдар', 'Получившие услуги', 'People served'],
  services: ['Көрсетілген қызметтер', 'Оказанные услуги', 'Services delivered'],
  new_people: ['Жаңа адамдар', 'Новые люди', 'New people'],
};
const ATTRIBUTE_NAMES: Record<Attribute, Names> = {
  age: ['Жасы', 'Возраст', 'Age'],
  sex: ['Жынысы', 'Пол', 'Sex'],
  place: ['Мекені', 'Место', 'Place'],
  disability: ['Мүгедектігі', 'Инвалидность', 'Disability'],
  household_size: ['Отбасы саны', 'Размер семьи', 'Household size'],
  kind: ['Санаты', 'Категория', 'Category'],
  programme: ['Бағдарлама', 'Программа', 'Programme'],
  service_month: ['Алғашқы қызмет айы', 'Месяц первой услуги', 'Month of first service'],
};
const HIDDEN: Names = ['жасырылған (*)', 'скрыто (*)', 'hidden (*)'];
const EXACT: Names = ['дәл мәні', 'точное значение', 'exact value'];
const LEVELS: Record<Attribute, Names[]> = {
  age: [['толық жыл', 'полных лет', 'years'], ['5 жылдық топ', 'группы по 5 лет', '5-year bands'], ['10 жылдық топ', 'группы по 10 лет', '10-year bands'], ['20 жылдық топ', 'группы по 20 лет', '20-year bands'], HIDDEN],
  place: [['аудан', 'район', 'district'], ['өңір', 'регион', 'region'], ['макроөңір', 'макрорегион', 'macro-region'], HIDDEN],
  household_size: [EXACT, ['1, 2, 3–4, 5–6, 7+', '1, 2, 3–4, 5–6, 7+', '1, 2, 3–4, 5–6, 7+'], ['1–2, 3–6, 7+', '1–2, 3–6, 7+', '1–2, 3–6, 7+'], HIDDEN],
  service_month: [['ай', 'месяц', 'month'], ['тоқсан', 'квартал', 'quarter'], ['жыл', 'год', 'year'], HIDDEN],
  sex: [EXACT, HIDDEN],
  disability: [EXACT, HIDDEN],
  kind: [EXACT, HIDDEN],
  programme: [EXACT, HIDDEN],
};
/** The level the preview "chooses" for each column. */
const CHOSEN_LEVEL: Record<Attribute, number> = { age: 2, place: 1, household_size: 2, service_month: 1, sex: 0, disability: 0, kind: 0, programme: 1 };

const CATEGORIES: Partial<Record<Dimension, [string, Names][]>> = {
  region: [
    ['almaty_city', ['Алматы', 'Алматы', 'Almaty']],
    ['astana', ['Астана', 'Астана', 'Astana']],
    ['shymkent', ['Шымкент', 'Шымкент', 'Shymkent']],
    ['almaty', ['Алматы облысы', 'Алматинская область', 'Almaty Region']],
    ['zhetysu', ['Жетісу облысы', 'Область Жетісу', 'Zhetysu Region']],
    ['turkistan', ['Түркістан облысы', 'Туркестанская область', 'Turkistan Region']],
    ['karaganda', ['Қарағанды облысы', 'Карагандинская область', 'Karaganda Region']],
    ['abai', ['Абай облысы', 'Абайская область', 'Abai Region']],
    ['', ['Көрсетілмеген', 'Не указано', 'Not stated']],
  ],
  district: [
    ['almaly', ['Алмалы ауданы', 'Алмалинский район', 'Almaly District']],
    ['bostandyk', ['Бостандық ауданы', 'Бостандыкский район', 'Bostandyk District']],
    ['saryarka', ['Сарыарқа ауданы', 'Район Сарыарка', 'Saryarka District']],
    ['talgar', ['Талғар ауданы', 'Талгарский район', 'Talgar District']],
    ['', ['Көрсетілмеген', 'Не указано', 'Not stated']],
  ],
  sex: [
    ['female', ['Әйел', 'Женский', 'Female']],
    ['male', ['Ер', 'Мужской', 'Male']],
  ],
  kind: [
    ['beneficiary', ['Бенефициар', 'Благополучатель', 'Beneficiary']],
    ['employee', ['Қызметкер', 'Сотрудник', 'Employee']],
    ['volunteer', ['Ерікті', 'Волонтёр', 'Volunteer']],
  ],
  service_type: [
    ['legal_consultation', ['Заң кеңесі', 'Юридическая консультация', 'Legal consultation']],
    ['psychological_support', ['Психологиялық көмек', 'Психологическая помощь', 'Psychological support']],
    ['social_support', ['Әлеуметтік сүйемелдеу', 'Социальное сопровождение', 'Social support']],
    ['food_package', ['Азық-түлік себеті', 'Продуктовый набор', 'Food package']],
    ['hygiene_kit', ['Гигиеналық жиынтық', 'Гигиенический набор', 'Hygiene kit']],
    ['cash_assistance', ['Ақшалай көмек', 'Денежная помощь', 'Cash assistance']],
    ['medical_referral', ['Дәрігерге жолдама', 'Направление к врачу', 'Medical referral']],
    ['shelter', ['Баспана', 'Приют', 'Shelter']],
  ],
  disability: [
    ['yes', ['Бар', 'Есть', 'Recorded']],
    ['no', ['Жоқ', 'Нет', 'None recorded']],
  ],
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

function parseMonth(s: string, field: string, fail: ReportsHost['fail']): [number, number] {
  const m = /^(\d{4})-(\d{1,2})$/.exec(s.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    const reason = 'Write the month as YYYY-MM, for example 2026-01.';
    fail('invalid_input', reason, { field, reason });
  }
  return [Number(m![1]), Number(m![2])];
}

function months(from: [number, number], to: [number, number]): string[] {
  const out: string[] = [];
  for (let y = from[0], m = from[1]; y < to[0] || (y === to[0] && m <= to[1]); m === 12 ? ((m = 1), y++) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const thisYear = () => new Date().getFullYear();

export function createReports(host: ReportsHost, options: { seedTransfers: boolean }) {
  const transfers: Transfer[] = [];
  const files = new Map<string, number>();
  const bad = (field: string, reason: string): never => host.fail('invalid_input', reason, { field, reason });

  const sha = () => Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

  if (options.seedTransfers) {
    const y = thisYear();
    transfers.push(
      {
        number: 1, id: 't-1', at: `${y}-02-14T09:12:00Z`, userName: 'Айгерім Сейітқызы', kind: 'report', format: 'pdf',
        recipient: 'Азаматтық бастамаларды қолдау орталығы', purpose: 'Жылдық есеп, № 12 грант', parameters: {}, outcome: {}, sha256: sha(), size: 48_213,
      },
      {
        number: 2, id: 't-2', at: `${y}-06-30T15:40:00Z`, userName: 'Айгерім Сейітқызы', kind: 'release', format: 'xlsx',
        recipient: 'UNICEF Kazakhstan', purpose: 'Mid-term monitoring of the child protection programme', parameters: {}, outcome: {}, sha256: sha(), size: 22_904,
      },
    );
    files.set(`${HOME}/Documents/derbes-report-${y}-01-${y}-12.pdf`, 1);
  }

  const categoriesOf = (d: Dimension, spec: ReportSpec, lang: Lang, period: string[]): ReportAxis => {
    let cats: { key: string; label: string }[];
    if (d === 'age_band') {
      const b = spec.ageBands;
      cats = b.map((x, i) => {
        const label = i + 1 < b.length ? `${x}–${b[i + 1]! - 1}` : `${x}+`;
        return { key: label, label };
      });
    } else if (d === 'programme') {
      cats = PROGRAMMES.map((p) => ({ key: p, label: p }));
    } else if (d === 'month') {
      cats = period.map((m) => ({ key: m, label: `${m.slice(5)}.${m.slice(0, 4)}` }));
    } else if (d === 'quarter') {
      const qs = [...new Set(period.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5)) / 3)}`))];
      cats = qs.map((q) => ({ key: q, label: `${q.slice(6)}-${pick(lang, ['тоқсан', 'квартал', 'quarter'])} ${q.slice(0, 4)}` }));
    } else {
      cats = (CATEGORIES[d] ?? []).map(([key, names]) => ({ key, label: pick(lang, names) }));
    }
    return { dimension: d, label: pick(lang, DIMENSION_NAMES[d]), categories: cats };
  };

  const buildReport = (spec: ReportSpec, lang: Lang): Report => {
    const from = parseMonth(spec.from, 'from', host.fail);
    const to = parseMonth(spec.to, 'to', host.fail);
    if (to[0] * 12 + to[1] < from[0] * 12 + from[1]) bad('to', 'The period ends before it starts.');
    if (spec.by.length > 3) bad('by', 'Break a report down by at most three things.');
    if (new Set(spec.by).size !== spec.by.length) bad('by', 'Each breakdown can be chosen once.');
    if (spec.by.includes('service_type') && spec.measure !== 'services') {
      bad('by', 'Only services can be broken down by service type: one person can receive several.');
    }
    const b = spec.ageBands;
    if (b[0] !== 0 || b.some((x, i) => i > 0 && x <= b[i - 1]!) || b.some((x) => x >= 120) || b.length > 12) {
      bad('age_bands', 'Age bands start at 0 and go up, for example 0, 18, 30, 45, 60.');
    }
    if (!(spec.threshold >= 3 && spec.threshold <= 100)) bad('threshold', 'The small-cell threshold is between 3 and 100.');
    if (spec.by.length === 3 && spec.by.includes('district') && spec.by.includes('month')) {
      bad('by', 'Too few people for this table to be published safely: choose fewer breakdowns, wider age bands or a longer period.');
    }
    const period = months(from, to);
    const axes = spec.by.map((d) => categoriesOf(d, spec, lang, period));
    const n = axes.map((a) => a.categories.length);
    const scale = spec.measure === 'services' ? 160 : spec.measure === 'new_people' ? 40 : 90;
    const periodScale = Math.min(1, period.length / 12);
    const t = spec.threshold;

    // Counts of the innermost cells, made up from a hash of their keys.
    const dims = n.length;
    const at = (pos: number[]) => {
      const key = spec.measure + pos.map((p, i) => axes[i]!.categories[p]!.key).join('|') + spec.kinds.join(',') + spec.programmes.join(',');
      const r = hash(key);
      const emptyish = pos.some((p, i) => axes[i]!.categories[p]!.key === '') ? 0.15 : 1;
      return Math.floor(r * r * r * scale * periodScale * emptyish * (dims >= 2 ? 0.6 : 2));
    };
    // Primary marks on inner cells; then one partner per row and column that has a single one.
    const counts = new Map<string, number>();
    const marks = new Map<string, CellMark>();
    const key = (pos: number[]) => pos.join(',');
    const total = (pos: number[]): number => {
      // pos[i] === n[i] means "total over dimension i".
      const free = pos.findIndex((p, i) => p === n[i]);
      if (free < 0) return at(pos);
      let s = 0;
      for (let c = 0; c < n[free]!; c++) s += total(pos.map((p, i) => (i === free ? c : p)));
      return s;
    };
    const all: number[][] = [];
    const walk = (prefix: number[]) => {
      if (prefix.length === dims) return void all.push(prefix);
      for (let c = 0; c <= n[prefix.length]!; c++) walk([...prefix, c]);
    };
    walk([]);
    for (const pos of all) {
      const c = total(pos);
      counts.set(key(pos), c);
      marks.set(key(pos), c > 0 && c < t ? 'primary' : 'shown');
    }
    if (dims >= 2) {
      // Look along every line of the first two dimensions: a line with one hidden cell gets a partner.
      for (const pos of all) {
        for (const axis of [0, 1]) {
          if (pos[axis] !== 0) continue;
          const line = Array.from({ length: n[axis]! }, (_, c) => pos.map((p, i) => (i === axis ? c : p)));
          const hidden = line.filter((p) => marks.get(key(p)) !== 'shown');
          if (hidden.length !== 1) continue;
          const partner = line
            .filter((p) => marks.get(key(p)) === 'shown' && (counts.get(key(p)) ?? 0) > 0)
            .sort((a, b2) => (counts.get(key(a)) ?? 0) - (counts.get(key(b2)) ?? 0))[0];
          if (partner) marks.set(key(partner), 'secondary');
        }
      }
    }
    const cell = (pos: number[]): ReportCell => {
      const c = counts.get(key(pos)) ?? 0;
      const mark = marks.get(key(pos)) ?? 'shown';
      return mark === 'shown' ? { count: c, mark, text: String(c) } : { count: null, mark, text: mark === 'primary' ? `<${t}` : 'x' };
    };

    const totalWord = pick(lang, ['Барлығы', 'Всего', 'Total']);
    const measureLabel = pick(lang, MEASURE_NAMES[spec.measure]);
    const rowsOf = (r: number, cellsOf: (row: number) => ReportCell[]): PanelRow[] =>
      Array.from({ length: n[r]! + 1 }, (_, i) => ({
        label: i === n[r] ? totalWord : axes[r]!.categories[i]!.label,
        total: i === n[r],
        cells: cellsOf(i),
      }));
    const chartOf = (rows: PanelRow[]): [string, number | null][] =>
      rows.filter((r) => !r.total).map((r) => [r.label, r.cells[r.cells.length - 1]!.count]);
    let panels: ReportPanel[];
    if (dims === 0) {
      panels = [{ title: null, rowHeader: measureLabel, columns: [measureLabel], rows: [{ label: totalWord, total: true, cells: [cell([])] }], chart: [] }];
    } else if (dims === 1) {
      const rows = rowsOf(0, (i) => [cell([i])]);
      panels = [{ title: null, rowHeader: axes[0]!.label, columns: [measureLabel], rows, chart: chartOf(rows) }];
    } else {
      const layers = dims === 3 ? Array.from({ length: n[2]! + 1 }, (_, l) => l) : [null];
      panels = layers.map((l) => {
        const rows = rowsOf(0, (i) => Array.from({ length: n[1]! + 1 }, (_, c) => cell(l === null ? [i, c] : [i, c, l])));
        return {
          title: l === null ? null : `${axes[2]!.label}: ${l === n[2] ? totalWord : axes[2]!.categories[l]!.label}`,
          rowHeader: axes[0]!.label,
          columns: [...axes[1]!.categories.map((c) => c.label), totalWord],
          rows,
          chart: chartOf(rows),
        };
      });
    }
    const markList = [...marks.values()];
    const primary = markList.filter((m) => m === 'primary').length;
    const secondary = markList.filter((m) => m === 'secondary').length;
    const grand = cell(n.slice());
    const anonymous = spec.kinds.length === 0 || spec.kinds.includes('beneficiary') ? 37 : 0;
    const method = [
      pick(lang, [
        `Шегі ${t}: одан кіші сандар «<${t}» деп көрсетілген (бастапқы жасыру): ${primary} ұяшық.`,
        `Значения меньше ${t} показаны как «<${t}» (первичное скрытие): ячеек — ${primary}.`,
        `Counts below ${t} are shown as "<${t}" (primary suppression): ${primary} cells.`,
      ]),
      pick(lang, [
        `Жасырылған сандарды жиындардан шығарып алуға болмас үшін тағы ${secondary} ұяшық «x» деп жасырылды (қосымша жасыру); бұл сызықтық бағдарламалау арқылы тексерілді.`,
        `Чтобы скрытые значения нельзя было вычислить из итогов, ещё ${secondary} ячеек скрыты как «x» (вторичное скрытие); это проверено методом линейного программирования.`,
        `So that no hidden count can be worked out from the totals, ${secondary} more cells are hidden as "x" (secondary suppression); this was checked by linear programming.`,
      ]),
      pick(lang, [
        'Кестеде ешкімнің аты-жөні, ЖСН-і, байланыс деректері немесе мекенжайы жоқ (94-V Заңның 17-бабы).',
        'Таблица не содержит ФИО, ИИН, контактов или адресов (статья 17 Закона № 94-V).',
        'The table holds no names, IINs, contacts or addresses (Article 17 of Law No. 94-V).',
      ]),
    ];
    if (anonymous) method.push(pick(lang, [`Иесіздендірілген жазбалар да есептелді: ${anonymous}.`, `Учтены и обезличенные записи: ${anonymous}.`, `Anonymised records are counted too: ${anonymous}.`]));
    method.push(pick(lang, ['Бұғатталған деректер есептелмеді: 1.', 'Заблокированные данные не учитывались: 1.', 'Blocked records were left out: 1.']));
    host.journal('report.built', { measure: spec.measure, by: spec.by, from: spec.from, to: spec.to, threshold: spec.threshold }, null);
    return {
      spec,
      lang,
      title: `${measureLabel}, ${pad(from[1])}.${from[0]}–${pad(to[1])}.${to[0]}`,
      measureLabel,
      axes,
      panels,
      primary,
      secondary,
      fromAnonymousRecords: anonymous,
      blockedLeftOut: 1,
      grandTotal: grand.count,
      method,
    };
  };

  const buildRelease = (spec: ReleaseSpec, lang: Lang): Release => {
    const from = parseMonth(spec.from, 'from', host.fail);
    const to = parseMonth(spec.to, 'to', host.fail);
    if (to[0] * 12 + to[1] < from[0] * 12 + from[1]) bad('to', 'The period ends before it starts.');
    if (spec.columns.length === 0) bad('columns', 'Choose at least one column to release.');
    if (!(spec.k >= 2 && spec.k <= 100)) bad('k', 'k is between 2 and 100.');
    if (spec.l !== null && !spec.sensitive) bad('l', 'l-diversity needs a sensitive column, such as the main service type.');
    if (spec.l !== null && !(spec.l >= 2 && spec.l <= 10)) bad('l', 'l is between 2 and 10.');
    if (!(spec.maxSuppressedPercent >= 0 && spec.maxSuppressedPercent <= 20)) bad('max_suppressed_percent', 'At most 20 % of rows may be left out.');
    const people = Math.round(1312 * Math.min(1, months(from, to).length / 12));
    if (spec.k > 25 || (spec.l ?? 0) > 6) {
      bad('k', `No release of these ${people} people meets k = ${spec.k}${spec.l ? ` and l = ${spec.l}` : ''} with at most ${spec.maxSuppressedPercent} % of rows left out: release fewer columns, lower k or l, or choose a longer period.`);
    }
    const transformation: ColumnLevel[] = spec.columns.map((a) => {
      const levels = LEVELS[a];
      const level = Math.min(levels.length - 2, CHOSEN_LEVEL[a] + (spec.k > 10 ? 1 : 0));
      return { attribute: a, label: pick(lang, ATTRIBUTE_NAMES[a]), level, levelLabel: pick(lang, levels[level]!), levels: levels.length };
    });
    const suppressed = Math.min(Math.floor((people * spec.maxSuppressedPercent) / 100), 17 + spec.k);
    const rowCount = people - suppressed;
    const headers = spec.columns.map((a) => pick(lang, ATTRIBUTE_NAMES[a]));
    if (spec.sensitive) headers.push(pick(lang, ['Негізгі қызмет түрі', 'Основной вид услуги', 'Main service type']));
    const valueOf = (a: Attribute, i: number): string => {
      const r = hash(`${a}${i}`);
      const level = transformation.find((x) => x.attribute === a)!.level;
      switch (a) {
        case 'age': {
          const band = level >= 3 ? 20 : level >= 2 ? 10 : 5;
          const lo = Math.floor((r * 80) / band) * band;
          return `${lo}–${lo + band - 1}`;
        }
        case 'sex':
          return pick(lang, r < 0.58 ? ['Әйел', 'Женский', 'Female'] : ['Ер', 'Мужской', 'Male']);
        case 'place':
          return pick(lang, CATEGORIES.region![Math.floor(r * 8)]![1]);
        case 'disability':
          return pick(lang, r < 0.2 ? ['Бар', 'Есть', 'Yes'] : ['Жоқ', 'Нет', 'No']);
        case 'household_size':
          return r < 0.3 ? '1–2' : r < 0.85 ? '3–6' : '7+';
        case 'kind':
          return pick(lang, ['Бенефициар', 'Благополучатель', 'Beneficiary']);
        case 'programme':
          return level >= 1 ? '*' : PROGRAMMES[Math.floor(r * PROGRAMMES.length)]!;
        case 'service_month':
          return `${from[0]}-Q${1 + Math.floor(r * 4)}`;
      }
    };
    const rows = Array.from({ length: Math.min(200, rowCount) }, (_, i) => {
      const row = spec.columns.map((a) => valueOf(a, Math.floor(i / spec.k)));
      if (spec.sensitive) row.push(pick(lang, CATEGORIES.service_type![Math.floor(hash(`s${i}`) * 8)]![1]));
      return row;
    }).sort((a, b2) => a.join('|').localeCompare(b2.join('|')));
    const kAchieved = spec.k + 2;
    const lAchieved = spec.sensitive ? Math.max(spec.l ?? 1, 3) : null;
    const loss = Math.round((12 + spec.k * 0.9 + spec.columns.length * 1.7) * 10) / 10;
    const nodesTotal = transformation.reduce((p, c) => p * c.levels, 1);
    const method = [
      pick(lang, [
        `Әр жол кемінде тағы ${kAchieved - 1} жолмен барлық бағандар бойынша бірдей (k = ${kAchieved}, талап етілгені ${spec.k}).`,
        `Каждая строка совпадает по всем столбцам ещё как минимум с ${kAchieved - 1} строками (k = ${kAchieved}, требовалось ${spec.k}).`,
        `Every row matches at least ${kAchieved - 1} others on every column (k = ${kAchieved}; ${spec.k} was required).`,
      ]),
      pick(lang, [
        `Кезеңде қызмет алған ${people} адамның ${rowCount} жолы берілді; ${suppressed} жол тым шағын топта болғандықтан алынып тасталды.`,
        `Из ${people} человек, получивших услуги за период, выгружено строк: ${rowCount}; исключено строк из слишком малых групп: ${suppressed}.`,
        `Of ${people} people served in the period, ${rowCount} rows are released; ${suppressed} rows in groups that were too small were left out.`,
      ]),
      pick(lang, [
        `Ең аз ақпарат жоғалтатын түрлендіру барлық ${nodesTotal} нұсқаның ішінен таңдалды (ARX әдісі, толық домендік жалпылау); ақпарат жоғалту: ${loss} %.`,
        `Из всех ${nodesTotal} вариантов обобщения выбран теряющий меньше всего информации (метод ARX, полнодоменное обобщение); потеря информации: ${loss} %.`,
        `Of all ${nodesTotal} possible generalisations, the one losing the least information was chosen (ARX's globally optimal full-domain generalisation); information loss: ${loss} %.`,
      ]),
      pick(lang, [
        'Аты-жөні, ЖСН, телефон, электрондық пошта, мекенжай, құжат нөмірі және ескертпелер ешқашан берілмейді (94-V Заңның 17-бабы).',
        'ФИО, ИИН, телефон, электронная почта, адрес, номер документа и примечания никогда не выгружаются (статья 17 Закона № 94-V).',
        'Names, IIN, phone, e-mail, address, document number and notes never leave the register (Article 17 of Law No. 94-V).',
      ]),
    ];
    if (lAchieved !== null) {
      method.push(pick(lang, [
        `Әр топта негізгі қызмет түрінің кемінде ${lAchieved} түрлі мәні бар (l-әртүрлілік).`,
        `В каждой группе не менее ${lAchieved} различных значений основного вида услуги (l-разнообразие).`,
        `Every group holds at least ${lAchieved} different main service types (l-diversity).`,
      ]));
    }
    host.journal('release.built', { k: spec.k, l: spec.l, columns: spec.columns, from: spec.from, to: spec.to, rows: rowCount, suppressed }, null);
    return {
      spec,
      lang,
      headers,
      rows,
      rowCount,
      people,
      suppressed,
      classes: Math.round(rowCount / (spec.k * 2.4)),
      kAchieved,
      lAchieved,
      transformation,
      informationLossPercent: loss,
      nodesEvaluated: Math.round(nodesTotal * 0.27),
      nodesTotal,
      method,
    };
  };

  const record = (kind: 'report' | 'release', a: Record<string, unknown>, outcome: Record<string, unknown>): Transfer => {
    const to = (a.to ?? {}) as { recipient?: string; purpose?: string };
    const recipient = String(to.recipient ?? '').trim();
    const purpose = String(to.purpose ?? '').trim();
    if (!recipient) bad('recipient', 'Say who receives the file: the law asks for a record of every transfer.');
    if (!purpose) bad('purpose', 'Say why the file is sent.');
    const format = String(a.format ?? '') as ExportFormat;
    if (!['csv', 'xlsx', 'pdf'].includes(format)) bad('format', 'Reports are saved as CSV, XLSX or PDF.');
    if (!host.organisationName().trim()) bad('organisation', "Fill in the organisation's name in Settings first: the file says who sends it.");
    const path = String(a.path ?? '').trim();
    if (!path.startsWith('/') || path.includes('/missing/')) bad('path', 'The folder to save into does not exist.');
    if (files.has(path) && a.ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there; choose another name, or replace it.');
    const number = (transfers.reduce((m, x) => Math.max(m, x.number), 0) || 0) + 1;
    const transfer: Transfer = {
      number,
      id: `t-${number}`,
      at: new Date().toISOString(),
      userName: host.userName(),
      kind,
      format,
      recipient,
      purpose,
      parameters: { spec: a.spec, lang: a.lang },
      outcome,
      sha256: sha(),
      size: 10_000 + Math.floor(Math.random() * 40_000),
    };
    transfers.push(transfer);
    files.set(path, number);
    host.journal('transfer.recorded', { number, kind, format, sha256: transfer.sha256 }, transfer.id);
    return transfer;
  };

  /**
   * Record a transfer made elsewhere (an identifying one, ./preview-transfers.ts) in the same
   * ledger: its number, id, time, fingerprint and file. `at` only for seeds.
   */
  const ledgerAdd = (entry: Omit<Transfer, 'number' | 'id' | 'at' | 'userName' | 'sha256' | 'size'> & { at?: string; userName?: string }, path: string | null): Transfer => {
    const number = (transfers.reduce((m, x) => Math.max(m, x.number), 0) || 0) + 1;
    const transfer: Transfer = {
      ...entry,
      number,
      id: `t-${number}`,
      at: entry.at ?? new Date().toISOString(),
      userName: entry.userName ?? host.userName(),
      sha256: sha(),
      size: 2_000 + Math.floor(Math.random() * 8_000),
    };
    transfers.push(transfer);
    if (path) files.set(path, number);
    return transfer;
  };

  let verifyTurn = 0;
  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    reports_meta: (): ReportsMeta => {
      const y = thisYear();
      const now = `${y}-${pad(new Date().getMonth() + 1)}`;
      return {
        measures: ['people', 'services', 'new_people'],
        dimensions: DIMENSIONS,
        attributes: ATTRIBUTES,
        defaultAttributes: DEFAULT_ATTRIBUTES,
        programmes: PROGRAMMES,
        report: { from: `${y}-01`, to: now, measure: 'people', by: ['region', 'sex'], kinds: ['beneficiary'] as Kind[], programmes: [], ageBands: [0, 18, 30, 45, 60], threshold: 5 },
        release: { from: `${y}-01`, to: now, kinds: ['beneficiary'] as Kind[], programmes: [], columns: DEFAULT_ATTRIBUTES, k: 5, sensitive: null, l: null, maxSuppressedPercent: 5 },
        minThreshold: 3,
      };
    },
    report_build: async (a) => {
      await new Promise((r) => setTimeout(r, 350));
      return buildReport(a.spec as ReportSpec, (a.lang as Lang) ?? 'en');
    },
    release_build: async (a) => {
      await new Promise((r) => setTimeout(r, 700));
      return buildRelease(a.spec as ReleaseSpec, (a.lang as Lang) ?? 'en');
    },
    report_export: async (a) => {
      const report = buildReport(a.spec as ReportSpec, (a.lang as Lang) ?? 'en');
      await new Promise((r) => setTimeout(r, 400));
      return record('report', a, { primary: report.primary, secondary: report.secondary, grandTotal: report.grandTotal });
    },
    release_export: async (a) => {
      const release = buildRelease(a.spec as ReleaseSpec, (a.lang as Lang) ?? 'en');
      await new Promise((r) => setTimeout(r, 600));
      return record('release', a, { rows: release.rowCount, suppressed: release.suppressed, kAchieved: release.kAchieved, lAchieved: release.lAchieved });
    },
    transfers_list: () => [...transfers].sort((a, b) => b.number - a.number),
    transfer_verify: (a) => {
      const n = files.get(String(a.path ?? ''));
      return n ? (transfers.find((x) => x.number === n) ?? null) : null;
    },
    choose_export_path: (a) => `${HOME}/Documents/Derbes/${String(a.suggestedName ?? 'report.xlsx')}`,
    // Alternates between a file in the ledger and one that is not, to show both answers.
    choose_file_to_verify: () => {
      const known = [...files.keys()];
      verifyTurn++;
      return verifyTurn % 2 === 1 && known.length ? known[known.length - 1]! : `${HOME}/Downloads/report-edited.xlsx`;
    },
  };

  return { handlers, ledgerAdd, ledger: () => transfers as readonly Transfer[], taken: (path: string) => files.has(path) };
}

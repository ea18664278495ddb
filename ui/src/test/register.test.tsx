import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldKey, Kind, LifecycleMeta, RegisterMeta, SubjectQuery, SubjectRow } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { ImportWizard } from '../screens/people/ImportWizard';
import { PersonForm } from '../screens/people/PersonForm';
import { PAGE_SIZE, RegisterList } from '../screens/people/RegisterList';
import { coreFieldName, coreText } from '../lib/words';

// The real Tauri transport, mocked: these tests check the UI's side of the IPC contract.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: async () => () => {} }));

const ALL: FieldKey[] = [
  'surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex', 'phone', 'email', 'region', 'district',
  'settlement', 'address', 'id_document', 'programme', 'services', 'disability', 'household_size',
  'health_notes', 'notes',
];

const meta: RegisterMeta = {
  fields: ALL.map((key) => ({
    key,
    category: key === 'iin' || key === 'id_document' ? 'id_number' : key === 'health_notes' || key === 'disability' ? 'health' : 'identity',
    sensitive: ['iin', 'id_document', 'health_notes', 'disability'].includes(key),
  })),
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [
    { key: 'astana', kk: 'Астана', ru: 'Астана', en: 'Astana', city: true },
    { key: 'east_kazakhstan', kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region', city: false },
  ],
  serviceTypes: ['legal_consultation', 'food_package'],
  ageBands: ['0-17', '18-29', '30-44', '45-59', '60+'],
  allowed: {
    beneficiary: ['surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex', 'phone', 'region', 'programme', 'services', 'health_notes'],
    employee: ['surname', 'name', 'iin', 'id_document', 'email'],
    volunteer: ['surname', 'name', 'phone'],
  } satisfies Record<Kind, FieldKey[]>,
  programmes: ['Қамқор 2024'],
};

/** What the basis section needs: the purposes of the inventory and the Art. 9 grounds. */
const lifecycleMeta: LifecycleMeta = {
  legalGrounds: ['art9_4', 'art9_5', 'art9_6', 'art9_7', 'art9_8', 'art9_10'],
  reasonCodes: [],
  bases: [],
  anchors: [],
  grounds: [],
  forms: ['paper', 'electronic', 'egov', 'consent_service', 'other'],
  purposes: [
    { key: 'legal_aid', names: { kk: 'Құқықтық көмек', ru: 'Правовая помощь', en: 'Legal aid' }, kinds: ['beneficiary'] },
    { key: 'humanitarian_aid', names: { kk: 'Гуманитарлық көмек', ru: 'Гуманитарная помощь', en: 'Humanitarian aid' }, kinds: ['beneficiary'] },
    { key: 'payroll', names: { kk: 'Еңбекақы төлеу', ru: 'Начисление заработной платы', en: 'Payroll' }, kinds: ['employee'] },
  ],
};

beforeAll(() => {
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
});
afterAll(() => {
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
});
beforeEach(async () => {
  invoke.mockReset();
  localStorage.clear();
  await act(() => i18n.changeLanguage('en'));
});

const shownFields = () =>
  ALL.filter((f) => screen.queryByTestId(`field-${f}`) !== null);

describe('person form', () => {
  it('offers only the fields the inventory allows for the chosen kind', async () => {
    const user = userEvent.setup();
    render(<PersonForm meta={meta} />);
    expect(screen.getByTestId('person-kind')).toHaveValue('beneficiary');
    // services has its own section, not a field-<key> input
    expect(shownFields()).toEqual(meta.allowed.beneficiary.filter((f) => f !== 'services'));
    expect(screen.getByTestId('service-add')).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('person-kind'), 'volunteer');
    expect(shownFields()).toEqual(['surname', 'name', 'phone']);
    expect(screen.queryByTestId('service-add')).not.toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('person-kind'), 'employee');
    expect(shownFields()).toEqual(['surname', 'name', 'iin', 'email', 'id_document']);
    // Sensitive fields carry the lock mark.
    expect(screen.getByLabelText(/IIN/)).toBeInTheDocument();
    expect(screen.getAllByText(en.person.sensitive)).toHaveLength(2);
  });

  it('shows the backend problems under their fields in Kazakh and focuses the first one', async () => {
    await act(() => i18n.changeLanguage('kk'));
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'lifecycle_meta') return lifecycleMeta;
      if (cmd === 'subject_create') {
        throw {
          code: 'invalid',
          message: 'iin: The check digit does not match.',
          params: {
            problems: [
              { field: 'iin', code: 'iin_check_digit', args: {} },
              { field: 'birth_date', code: 'date_future', args: {} },
              { field: 'phone', code: 'brand_new_code', args: {} },
            ],
          },
        };
      }
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <PersonForm meta={meta} />
      </ToastProvider>,
    );
    await user.type(screen.getByTestId('field-surname'), 'Сейітова');
    await user.type(screen.getByTestId('field-name'), 'Айгерім');
    await user.type(screen.getByTestId('field-iin'), '900101400011');
    await user.type(screen.getByTestId('field-birth_date'), '01.01.2090');
    await user.type(screen.getByTestId('field-phone'), '123');
    await user.click(await screen.findByTestId('basis-purpose-legal_aid'));
    await user.click(screen.getByTestId('person-save'));

    expect(await screen.findByTestId('field-error-iin')).toHaveTextContent(coreText('problem-iin_check_digit', {}, 'kk'));
    expect(screen.getByTestId('field-error-birth_date')).toHaveTextContent(coreText('problem-date_future', {}, 'kk'));
    // A code this build does not know still points at its field.
    expect(screen.getByTestId('field-error-phone')).toHaveTextContent(coreText('error-invalid_input', { field: coreFieldName('phone', 'kk') }, 'kk'));
    expect(screen.queryByTestId('field-error-surname')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-iin')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByTestId('field-iin')).toHaveFocus());

    // The draft went as typed: the backend parses dd.mm.yyyy itself; with it, the basis.
    expect(invoke).toHaveBeenCalledWith('subject_create', {
      draft: {
        kind: 'beneficiary',
        values: { surname: 'Сейітова', name: 'Айгерім', iin: '900101400011', birth_date: '01.01.2090', phone: '123' },
        services: [],
      },
      basis: expect.objectContaining({ type: 'consent', consent: expect.objectContaining({ purposes: ['legal_aid'], form: 'paper' }) }),
    });

    // Fixing a field clears its message, and only its message.
    await user.type(screen.getByTestId('field-iin'), '2');
    expect(screen.queryByTestId('field-error-iin')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-error-birth_date')).toBeInTheDocument();
  });

  it('points to the existing record when the IIN is taken', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'lifecycle_meta') return lifecycleMeta;
      throw { code: 'duplicate_iin', message: 'duplicate', params: { existing: 42 } };
    });
    const user = userEvent.setup();
    render(<PersonForm meta={meta} />);
    await user.type(screen.getByTestId('field-surname'), 'A');
    await user.type(screen.getByTestId('field-name'), 'B');
    await user.type(screen.getByTestId('field-iin'), '900101400011');
    await user.click(await screen.findByTestId('basis-purpose-legal_aid'));
    await user.click(screen.getByTestId('person-save'));
    const error = await screen.findByTestId('field-error-iin');
    expect(error).toHaveTextContent(coreText('problem-duplicate_iin', { number: 42 }, 'en'));
    expect(within(error).getByRole('link', { name: 'Open № 42' })).toHaveAttribute('href', '#/people/42');
  });
});

describe('import wizard', () => {
  it('lists every rejected row of the dry run and offers no import', async () => {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      switch (cmd) {
        case 'lifecycle_meta':
          return lifecycleMeta;
        case 'import_preview':
          return {
            headers: ['ФИО', 'ИИН', 'Дата рождения'],
            rows: [
              ['Ахметова Дана Серікқызы', '900101400011', '01.01.1990'],
              ['Ким Ольга', '900101400012', '31.02.1988'],
            ],
            rowCount: 2,
            format: 'csv',
            encoding: 'windows-1251',
            delimiter: ';',
            sheet: null,
            mapping: [null, 'iin', 'birth_date'],
            fullNameColumn: 0,
          };
        case 'import_run':
          expect(args).toMatchObject({
            path: '/tmp/people.csv',
            kind: 'beneficiary',
            mapping: [null, 'iin', 'birth_date'],
            fullNameColumn: 0,
            dryRun: true,
            basis: { type: 'consent', consent: expect.objectContaining({ purposes: ['humanitarian_aid'], form: 'paper' }) },
          });
          return {
            rows: 3,
            accepted: 1,
            rejected: [
              { row: 3, field: 'birth_date', code: 'date_format', args: {} },
              { row: 4, field: 'iin', code: 'duplicate_iin_in_file', args: { row: 2 } },
            ],
            imported: false,
          };
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    const user = userEvent.setup();
    render(<ImportWizard meta={meta} />);
    // The first step asks what the file holds; people are the default.
    await user.click(screen.getByTestId('import-what-next'));
    await user.type(screen.getByTestId('import-path'), '/tmp/people.csv');
    await user.click(screen.getByTestId('import-next'));
    expect(await screen.findByTestId('import-map-0')).toHaveValue('__full_name__');
    expect(screen.getByText(en.import.columns.fullName, { selector: '.import-preview__field' })).toBeInTheDocument();
    await user.click(screen.getByTestId('import-to-basis'));
    await user.click(await screen.findByTestId('basis-purpose-humanitarian_aid'));
    await user.click(screen.getByTestId('import-dry-run'));

    const report = await screen.findByTestId('import-report');
    const rows = within(report).getAllByTestId('import-rejected-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('3');
    expect(rows[0]).toHaveTextContent(en.fields.birth_date);
    expect(rows[0]).toHaveTextContent(coreText('problem-date_format', {}, 'en'));
    expect(rows[1]).toHaveTextContent('The same IIN is also in row 2 of the file.');
    expect(within(report).getByText(en.import.report.nothingTitle)).toBeInTheDocument();
    expect(screen.queryByTestId('import-run')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-choose-another')).toBeInTheDocument();
  });
});

describe('register list', () => {
  const TOTAL = 100_000;
  const requests: SubjectQuery[] = [];
  const row = (n: number): SubjectRow => ({
    id: `id-${n}`,
    number: n,
    kind: 'beneficiary',
    access: n % 10 === 0 ? 'public' : 'restricted',
    status: 'active',
    values: { surname: 'Ахметова', name: `Дана ${n}`, iin: '90••••••0011', birth_date: '1990-01-01', region: 'astana' },
  });

  beforeAll(() => {
    // jsdom has no layout: give the scrolling area a height so the virtualiser has a window.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('table-scroll') ? 600 : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('table-scroll') ? 1000 : 0;
      },
    });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight;
    delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientWidth;
  });

  it('renders a window of the 100,000 rows and fetches pages by offset as it scrolls', async () => {
    requests.length = 0;
    invoke.mockImplementation(async (cmd: string, args: { query: SubjectQuery }) => {
      if (cmd !== 'subject_list') throw { code: 'internal', message: cmd, params: {} };
      requests.push(args.query);
      const { offset, limit = TOTAL } = args.query;
      const rows = [];
      for (let n = offset + 1; n <= Math.min(TOTAL, offset + limit); n++) rows.push(row(n));
      return { total: TOTAL, rows };
    });
    render(<RegisterList meta={meta} state={{ search: '', filters: {}, scrollTop: 0 }} />);

    await waitFor(() => expect(screen.getAllByTestId('people-row').length).toBeGreaterThan(0));
    const rows = screen.getAllByTestId('people-row');
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('data-number', '1');
    expect(screen.getByTestId('people-total')).toHaveTextContent('100,000 people');
    expect(requests[0]).toEqual({ limit: PAGE_SIZE, offset: 0 });
    // The table is as tall as all the rows, so the scrollbar means the whole register.
    expect(screen.getByTestId('people-table').getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));

    const scroller = screen.getByTestId('people-table').parentElement!;
    await act(async () => {
      scroller.scrollTop = 44 * 50_000;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(requests.some((q) => q.offset === 50_000)).toBe(true), { timeout: 2000 });
    // Rows around 50,000 (a few above it are kept for smooth scrolling back).
    await waitFor(() => {
      const first = Number(screen.getAllByTestId('people-row')[0]!.getAttribute('data-number'));
      expect(first).toBeGreaterThan(49_980);
      expect(first).toBeLessThanOrEqual(50_001);
    });
    expect(screen.getAllByTestId('people-row').length).toBeLessThan(60);
    expect(requests.every((q) => q.limit === PAGE_SIZE)).toBe(true);
  });

  it('searches as the user types, after a short pause, and says when nobody matches', async () => {
    requests.length = 0;
    invoke.mockImplementation(async (_cmd: string, args: { query: SubjectQuery }) => {
      requests.push(args.query);
      return args.query.search ? { total: 0, rows: [] } : { total: 3, rows: [row(1), row(2), row(3)] };
    });
    const user = userEvent.setup();
    render(<RegisterList meta={meta} state={{ search: '', filters: {}, scrollTop: 0 }} />);
    await screen.findAllByTestId('people-row');
    await user.keyboard('{Control>}f{/Control}');
    expect(screen.getByTestId('people-search')).toHaveFocus();
    await user.keyboard('Zzz');
    expect(await screen.findByTestId('people-no-match')).toBeInTheDocument();
    // One request for the whole word, not one per letter.
    expect(requests.filter((q) => q.search).map((q) => q.search)).toEqual(['Zzz']);
  });
});

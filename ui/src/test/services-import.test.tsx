import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry, RegisterMeta, ServiceImportReport, ServiceTypeChoices } from '../api';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { coreText } from '../lib/words';
import { detailsText } from '../screens/journal/JournalScreen';
import { ImportWizard } from '../screens/people/ImportWizard';

// The real Tauri transport, mocked: these tests check the UI's side of the IPC contract.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: async () => () => {} }));

const meta: RegisterMeta = {
  fields: [],
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [],
  serviceTypes: ['legal_consultation', 'psychological_support', 'food_package'],
  ageBands: [],
  allowed: { beneficiary: ['surname', 'name', 'iin', 'birth_date', 'services'], employee: ['surname', 'name'], volunteer: ['surname', 'name'] },
  programmes: [],
};

const PREVIEW = {
  headers: ['Күні', 'ЖСН', '№', 'Тегі', 'Аты', 'Туған күні', 'Қызмет түрі'],
  rows: [
    ['15.02.2024', '900308400123', '', '', '', '', 'Заң кеңесі'],
    ['03.03.2024', '', '2', '', '', '', 'Ыстық тамақ'],
    ['30.11.2025', '', '', 'Нұрланов', 'Ерасыл', '12.05.1988', 'Заң кеңесі'],
  ],
  rowCount: 3,
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  sheet: null,
  mapping: ['date', 'iin', 'number', 'surname', 'name', 'birth_date', 'service_type'],
};

/** A dry run as the core answers it: "Ыстық тамақ" is unknown until the user says what it is. */
function answer(choices: ServiceTypeChoices, extra: Partial<ServiceImportReport> = {}): ServiceImportReport {
  const hot = choices['Ыстық тамақ'] ?? null;
  return {
    rows: 3,
    accepted: hot ? 3 : 2,
    alreadyRecorded: 1,
    people: 3,
    matchedBy: { iin: 1, number: hot ? 1 : 0, nameAndBirthDate: 1 },
    firstDay: '2024-02-15',
    lastDay: '2025-11-30',
    types: [
      { value: 'Заң кеңесі', rows: 2, recognised: 'legal_consultation', chosen: { as: 'standard', key: 'legal_consultation' } },
      { value: 'Ыстық тамақ', rows: 1, recognised: null, chosen: hot },
    ],
    rejected: hot ? [] : [{ row: 3, field: 'service_type', code: 'service_type_unconfirmed', args: {} }],
    imported: false,
    ...extra,
  };
}

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

/** From the first step to the service types, through the file and its columns. */
async function toTypes(user: ReturnType<typeof userEvent.setup>) {
  render(<ImportWizard meta={meta} />);
  await user.click(screen.getByTestId('import-what-services'));
  await user.click(screen.getByTestId('import-what-next'));
  await user.type(await screen.findByTestId('service-import-path'), '/tmp/services.csv');
  await user.click(screen.getByTestId('service-import-next'));
  await user.click(await screen.findByTestId('service-import-check'));
  return screen.findByTestId('service-import-types');
}

const runs = () => invoke.mock.calls.filter(([cmd]) => cmd === 'service_import_run').map(([, args]) => args as Record<string, unknown>);

describe('the import wizard asks what the file holds', () => {
  it('starts with people or services received; people keeps the people wizard', async () => {
    const user = userEvent.setup();
    render(<ImportWizard meta={meta} />);
    expect(screen.getByText(en.import.what.question)).toBeInTheDocument();
    expect(screen.getByTestId('import-what-people')).toBeChecked();
    expect(screen.getByText(en.import.what.servicesHint)).toBeInTheDocument();
    // The steps follow the choice: people have a basis, a service log has its types.
    expect(screen.getByText(en.import.steps.basis)).toBeInTheDocument();
    await user.click(screen.getByTestId('import-what-services'));
    expect(screen.getByText(en.serviceImport.steps.types)).toBeInTheDocument();
    expect(screen.queryByText(en.import.steps.basis)).not.toBeInTheDocument();

    await user.click(screen.getByTestId('import-what-people'));
    await user.click(screen.getByTestId('import-what-next'));
    expect(screen.getByTestId('import-path')).toBeInTheDocument();
    expect(screen.getByTestId('import-kind')).toBeInTheDocument();
    // Back to the question.
    await user.click(screen.getByTestId('import-back-to-what'));
    expect(screen.getByTestId('import-what-next')).toBeInTheDocument();
  });

  it('names the people file’s “registered on” column while no field takes it', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'import_preview') {
        return {
          headers: ['Тегі', 'Аты', 'Тіркелген күні'],
          rows: [['Сейітова', 'Айжан', '12.03.2021']],
          rowCount: 1,
          format: 'csv',
          encoding: 'utf-8',
          delimiter: ';',
          sheet: null,
          mapping: ['surname', 'name', null],
          fullNameColumn: null,
          registeredOnColumn: 2,
        };
      }
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    render(<ImportWizard meta={meta} />);
    await user.click(screen.getByTestId('import-what-next'));
    await user.type(screen.getByTestId('import-path'), '/tmp/people.csv');
    await user.click(screen.getByTestId('import-next'));
    const select = await screen.findByTestId('import-map-2');
    expect(select).toHaveValue('');
    expect(within(select).getByRole('option', { name: en.import.columns.registeredOn })).toBeInTheDocument();
    expect(screen.getByTestId('import-registered-on')).toHaveTextContent(en.import.columns.registeredOnHint);
    expect(screen.getByText(en.import.columns.registeredOnShort, { selector: '.import-preview__field' })).toBeInTheDocument();
    // Another column offers to be ignored, as before.
    expect(within(screen.getByTestId('import-map-0')).getByRole('option', { name: en.import.columns.ignore })).toBeInTheDocument();
    // Taken by a field, the column is that field's.
    await user.selectOptions(select, 'iin');
    expect(screen.queryByTestId('import-registered-on')).not.toBeInTheDocument();
    // Services come in as a log of their own: a people file does not offer them.
    expect(within(select).queryByRole('option', { name: en.fields.services })).not.toBeInTheDocument();
  });
});

describe('importing services received', () => {
  it('the columns step needs the person, the day and the service before checking', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'service_import_preview') return PREVIEW;
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    render(<ImportWizard meta={meta} />);
    await user.click(screen.getByTestId('import-what-services'));
    await user.click(screen.getByTestId('import-what-next'));
    await user.type(screen.getByTestId('service-import-path'), '/tmp/services.csv');
    await user.click(screen.getByTestId('service-import-next'));
    expect(await screen.findByTestId('service-import-map-0')).toHaveValue('date');
    expect(screen.getByTestId('service-import-map-2')).toHaveValue('number');
    expect(screen.getByText(en.serviceImport.columns.findTitle)).toBeInTheDocument();
    expect(screen.getByTestId('service-import-check')).toBeEnabled();

    await user.selectOptions(screen.getByTestId('service-import-map-0'), '');
    expect(screen.getByTestId('service-import-check')).toBeDisabled();
    expect(screen.getByText(en.serviceImport.columns.needMissing)).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('service-import-map-0'), 'date');
    // Without IIN and number, surname + name alone do not say who it is; with the birth date they do.
    for (const i of [1, 2, 5]) await user.selectOptions(screen.getByTestId(`service-import-map-${i}`), '');
    expect(screen.getByTestId('service-import-check')).toBeDisabled();
    await user.selectOptions(screen.getByTestId('service-import-map-5'), 'birth_date');
    expect(screen.getByTestId('service-import-check')).toBeEnabled();
  });

  it('shows each service type: a recognised one needs no choice, an unrecognised one blocks the import until chosen', async () => {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      if (cmd === 'service_import_preview') return PREVIEW;
      if (cmd === 'service_import_run') {
        const report = answer(args.choices as ServiceTypeChoices);
        return args.dryRun ? report : { ...report, imported: true };
      }
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    const types = await toTypes(user);
    expect(runs()[0]).toEqual({ path: '/tmp/services.csv', mapping: PREVIEW.mapping, choices: {}, dryRun: true });

    const rows = within(types).getAllByTestId('service-type-row');
    expect(rows).toHaveLength(2);
    // Recognised: pre-set, marked, nothing to do.
    expect(rows[0]).toHaveTextContent('Заң кеңесі');
    expect(within(rows[0]!).getByTestId('service-type-recognised')).toHaveTextContent(en.serviceImport.types.recognised);
    expect(within(rows[0]!).getByRole('combobox')).toHaveValue('standard:legal_consultation');
    expect(within(rows[0]!).queryByTestId('service-type-undecided')).not.toBeInTheDocument();
    // Unrecognised: waits for a choice, and the way on is closed until then.
    expect(rows[1]).toHaveTextContent('Ыстық тамақ');
    expect(within(rows[1]!).getByTestId('service-type-undecided')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('combobox')).toHaveValue('');
    expect(within(rows[1]!).getByRole('option', { name: en.serviceTypes.food_package })).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('option', { name: en.serviceImport.types.asWritten })).toBeInTheDocument();
    expect(screen.getByTestId('service-types-status')).toHaveTextContent('1 service still needs a choice.');
    expect(screen.getByTestId('service-import-to-report')).toBeDisabled();
    expect(screen.queryByTestId('service-import-run')).not.toBeInTheDocument();

    // Chosen: the check runs again with the choice, keyed by the value as written.
    await user.selectOptions(within(rows[1]!).getByRole('combobox'), 'asWritten');
    await waitFor(() => expect(runs()).toHaveLength(2));
    expect(runs()[1]).toEqual({ path: '/tmp/services.csv', mapping: PREVIEW.mapping, choices: { 'Ыстық тамақ': { as: 'asWritten' } }, dryRun: true });
    await waitFor(() => expect(screen.getByTestId('service-types-status')).toHaveTextContent(en.serviceImport.types.allSet));
    expect(screen.queryByTestId('service-type-undecided')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('service-type-chosen')).toHaveTextContent(en.serviceImport.types.yourChoice);
    await user.click(screen.getByTestId('service-import-to-report'));

    const report = await screen.findByTestId('service-import-report');
    expect(within(report).getByTestId('service-import-summary')).toHaveTextContent('3 services for 3 people, 15.02.2024–30.11.2025');
    expect(within(report).getByTestId('service-import-summary')).toHaveTextContent('1 row is already on file and will be skipped.');
    expect(within(report).getByTestId('service-import-already')).toHaveTextContent('1');
    expect(within(report).queryAllByTestId('service-import-rejected-row')).toHaveLength(0);

    // The import sends the same choices; the wizard says what was added.
    await user.click(screen.getByTestId('service-import-run'));
    const done = await screen.findByTestId('service-import-done');
    expect(runs()[2]).toEqual({ path: '/tmp/services.csv', mapping: PREVIEW.mapping, choices: { 'Ыстық тамақ': { as: 'asWritten' } }, dryRun: false });
    expect(within(done).getByTestId('service-import-done-summary')).toHaveTextContent('3 services for 3 people, 15.02.2024–30.11.2025');
  });

  it('a standard type can be chosen for an unknown value', async () => {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      if (cmd === 'service_import_preview') return PREVIEW;
      if (cmd === 'service_import_run') return answer(args.choices as ServiceTypeChoices);
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    const types = await toTypes(user);
    const row = within(types).getAllByTestId('service-type-row')[1]!;
    await user.selectOptions(within(row).getByRole('combobox'), 'standard:food_package');
    await waitFor(() => expect(runs().at(-1)?.choices).toEqual({ 'Ыстық тамақ': { as: 'standard', key: 'food_package' } }));
    await waitFor(() => expect(screen.getByTestId('service-import-to-report')).toBeEnabled());
  });

  it('lists every refused row with its field and sentence, and offers no import', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'service_import_preview') return PREVIEW;
      if (cmd === 'service_import_run') {
        return answer({ 'Ыстық тамақ': { as: 'asWritten' } }, {
          accepted: 1,
          alreadyRecorded: 0,
          people: 1,
          rejected: [
            { row: 2, field: 'iin', code: 'service_person_not_found', args: { by: 'iin' } },
            { row: 3, field: 'person', code: 'service_person_missing', args: {} },
            { row: 4, field: 'surname', code: 'service_person_ambiguous', args: { count: 2 } },
            { row: 4, field: 'date', code: 'date_future', args: {} },
            { row: 5, field: 'person', code: 'service_person_blocked', args: { number: 12 } },
          ],
        });
      }
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    await toTypes(user);
    expect(screen.getByTestId('service-import-to-report')).toBeEnabled();
    await user.click(screen.getByTestId('service-import-to-report'));
    const report = await screen.findByTestId('service-import-report');
    const rows = within(report).getAllByTestId('service-import-rejected-row');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent(en.fields.iin);
    expect(rows[0]).toHaveTextContent(coreText('problem-service_person_not_found', { by: 'iin' }, 'en'));
    expect(rows[1]).toHaveTextContent(en.fields.subject);
    expect(rows[1]).toHaveTextContent(coreText('problem-service_person_missing', {}, 'en'));
    expect(rows[2]).toHaveTextContent(coreText('problem-service_person_ambiguous', { count: 2 }, 'en'));
    expect(rows[3]).toHaveTextContent(en.serviceImport.columns.roles.date);
    expect(rows[4]).toHaveTextContent('№ 12');
    // Four rows with problems, whatever the number of problems.
    expect(within(report).getByTestId('service-import-rejected')).toHaveTextContent('4');
    expect(within(report).getByText(en.import.report.nothingTitle)).toBeInTheDocument();
    expect(screen.queryByTestId('service-import-run')).not.toBeInTheDocument();
    expect(screen.getByTestId('service-import-choose-another')).toBeInTheDocument();
  });

  it('speaks Kazakh: the types step and the summary', async () => {
    await act(() => i18n.changeLanguage('kk'));
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      if (cmd === 'service_import_preview') return PREVIEW;
      if (cmd === 'service_import_run') return answer(args.choices as ServiceTypeChoices);
      throw { code: 'internal', message: cmd, params: {} };
    });
    const user = userEvent.setup();
    const types = await toTypes(user);
    expect(types).toHaveTextContent('Бұл қандай қызметтер?');
    expect(screen.getByTestId('service-types-status')).toHaveTextContent('Тағы 1 қызметтің түрін таңдау керек.');
    const row = within(types).getAllByTestId('service-type-row')[1]!;
    await user.selectOptions(within(row).getByRole('combobox'), 'asWritten');
    await waitFor(() => expect(screen.getByTestId('service-import-to-report')).toBeEnabled());
    await user.click(screen.getByTestId('service-import-to-report'));
    expect(await screen.findByTestId('service-import-summary')).toHaveTextContent('3 тұлғаның 3 қызметі, 15.02.2024–30.11.2025');
  });
});

describe('the journal', () => {
  it('says what a service import added', () => {
    const t = i18n.t.bind(i18n);
    const entry: JournalEntry = {
      seq: 1,
      at: '2026-03-24T10:00:00Z',
      userId: 'u1',
      userName: 'Aigerim',
      action: 'services.imported',
      object: null,
      details: { rows: 412, alreadyRecorded: 3, people: 180 },
    };
    expect(i18n.exists('journal.actions.services.imported')).toBe(true);
    expect(detailsText(t, entry, (k) => i18n.exists(k))).toBe('412 services · 180 people · 3 already on file');
    expect(detailsText(t, { ...entry, details: { rows: 1, alreadyRecorded: 0, people: 1 } }, (k) => i18n.exists(k))).toBe('1 service · 1 person');
  });
});

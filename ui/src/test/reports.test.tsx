import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Release, Report, ReportsMeta, Transfer } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { ageBandsText, parseAgeBands, suggestedFileName, withExtension } from '../lib/reports';
import { actionText, detailsText } from '../screens/journal/JournalScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { coreText } from '../lib/words';
import type { UserRef } from '../api';
import { STAFF, WithApp } from './app';

// The real Tauri transport, mocked: these tests check the UI's side of the IPC contract.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: async () => () => {} }));

beforeAll(() => {
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
});
afterAll(() => {
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
});
beforeEach(async () => {
  invoke.mockReset();
  localStorage.clear();
  window.location.hash = '#/reports';
  await act(() => i18n.changeLanguage('en'));
});

const meta: ReportsMeta = {
  measures: ['people', 'services', 'new_people'],
  dimensions: ['region', 'district', 'sex', 'age_band', 'kind', 'programme', 'service_type', 'disability', 'quarter', 'month'],
  attributes: ['age', 'sex', 'place', 'disability', 'household_size', 'kind', 'programme', 'service_month'],
  defaultAttributes: ['age', 'sex', 'place', 'disability', 'household_size'],
  programmes: ['Жылы үй', 'Legal aid'],
  report: { from: '2026-01', to: '2026-11', measure: 'people', by: ['region', 'sex'], kinds: ['beneficiary'], programmes: [], ageBands: [0, 18, 30, 45, 60], threshold: 5 },
  release: { from: '2026-01', to: '2026-11', kinds: ['beneficiary'], programmes: [], columns: ['age', 'sex', 'place', 'disability', 'household_size'], k: 5, sensitive: null, l: null, maxSuppressedPercent: 5 },
  minThreshold: 3,
};

const shown = (n: number) => ({ count: n, mark: 'shown' as const, text: String(n) });
const primary = { count: null, mark: 'primary' as const, text: '<5' };
const secondary = { count: null, mark: 'secondary' as const, text: 'x' };

function report(spec = meta.report): Report {
  return {
    spec,
    lang: 'en',
    title: 'People served, 01.2026–11.2026',
    measureLabel: 'People served',
    axes: [
      { dimension: 'region', label: 'Region', categories: [{ key: 'almaty_city', label: 'Almaty' }, { key: 'astana', label: 'Astana' }, { key: 'abai', label: 'Abai Region' }] },
      { dimension: 'sex', label: 'Sex', categories: [{ key: 'female', label: 'Female' }, { key: 'male', label: 'Male' }] },
    ],
    panels: [
      {
        title: null,
        rowHeader: 'Region',
        columns: ['Female', 'Male', 'Total'],
        rows: [
          { label: 'Almaty', total: false, cells: [shown(31), shown(22), shown(53)] },
          { label: 'Astana', total: false, cells: [primary, secondary, shown(12)] },
          { label: 'Abai Region', total: false, cells: [secondary, primary, primary] },
          { label: 'Total', total: true, cells: [shown(40), shown(28), shown(68)] },
        ],
        chart: [
          ['Almaty', 53],
          ['Astana', 12],
          ['Abai Region', null],
        ],
      },
    ],
    primary: 3,
    secondary: 2,
    fromAnonymousRecords: 4,
    blockedLeftOut: 1,
    grandTotal: 68,
    method: ['Counts below 5 are shown as "<5" (primary suppression): 3 cells.', 'So that no hidden count can be worked out from the totals, 2 more cells are hidden as "x".'],
  };
}

const release: Release = {
  spec: meta.release,
  lang: 'en',
  headers: ['Age', 'Sex', 'Place', 'Disability', 'Household size'],
  rows: [
    ['20–29', 'Female', 'Almaty', 'No', '3–6'],
    ['20–29', 'Female', 'Almaty', 'No', '3–6'],
  ],
  rowCount: 412,
  people: 430,
  suppressed: 18,
  classes: 37,
  kAchieved: 6,
  lAchieved: null,
  transformation: [
    { attribute: 'age', label: 'Age', level: 2, levelLabel: '10-year bands', levels: 5 },
    { attribute: 'place', label: 'Place', level: 1, levelLabel: 'region', levels: 4 },
  ],
  informationLossPercent: 23.4,
  nodesEvaluated: 41,
  nodesTotal: 160,
  method: ['Every row matches at least 5 others on every column (k = 6; 5 was required).'],
};

const transfers: Transfer[] = [
  {
    number: 2, id: 't2', at: '2026-03-05T12:00:00Z', userName: 'Aigerim', kind: 'release', format: 'csv', recipient: 'UNICEF Kazakhstan',
    purpose: 'Monitoring', parameters: {}, outcome: {}, sha256: 'abcdef0123456789'.repeat(4), size: 1000,
  },
  {
    number: 1, id: 't1', at: '2026-02-14T12:00:00Z', userName: 'Aigerim', kind: 'report', format: 'pdf', recipient: 'Soros Foundation',
    purpose: 'Annual report on grant № 12', parameters: {}, outcome: {}, sha256: '0123456789abcdef'.repeat(4), size: 2000,
  },
];

/** A backend answering the report commands; `over` replaces single answers. */
function backend(over: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    if (over[cmd]) return over[cmd]!(args);
    switch (cmd) {
      case 'reports_meta':
        return meta;
      case 'report_build':
        return report(args.spec as Report['spec']);
      case 'release_build':
        return { ...release, spec: args.spec };
      case 'transfers_list':
        return transfers;
      case 'default_save_path':
        return `/home/aigerim/Documents/${String(args.suggestedName)}`;
      default:
        throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    }
  });
}

const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

/** Open the export dialog (building the table first unless it is built) and say who gets it and why. */
async function openExport(user: ReturnType<typeof userEvent.setup>, build = true) {
  if (build) await user.click(await screen.findByTestId('report-build'));
  await user.click(await screen.findByTestId('report-export'));
  await screen.findByTestId('export-dialog');
  await user.type(screen.getByTestId('export-recipient'), 'UNICEF');
  await user.type(screen.getByTestId('export-purpose'), 'Monitoring');
}

function renderScreen(user?: UserRef) {
  return render(
    <ToastProvider>
      <WithApp user={user}>
        <ReportsScreen />
      </WithApp>
    </ToastProvider>,
  );
}

describe('aggregate report', () => {
  it('builds only when asked, and shows each panel with hidden cells and a chart', async () => {
    backend();
    const user = userEvent.setup();
    renderScreen();
    await screen.findByTestId('report-build');
    expect(calls('report_build')).toHaveLength(0);
    expect(screen.getByTestId('report-by-0')).toHaveValue('region');
    expect(screen.getByTestId('report-by-1')).toHaveValue('sex');
    expect(screen.getByTestId('report-by-2')).toHaveValue('');

    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-12' } });
    await user.click(screen.getByTestId('report-build'));
    const result = await screen.findByTestId('report-result');
    expect(calls('report_build')).toEqual([
      {
        spec: { from: '2026-01', to: '2026-12', measure: 'people', by: ['region', 'sex'], kinds: ['beneficiary'], programmes: [], ageBands: [0, 18, 30, 45, 60], threshold: 5 },
        lang: 'en',
      },
    ]);

    expect(within(result).getByTestId('report-title')).toHaveTextContent('People served, 01.2026–11.2026');
    const panel = within(result).getByTestId('report-panel-0');
    const table = within(panel).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Region / Sex', 'Female', 'Male', 'Total']);
    const astana = within(table).getByRole('row', { name: /Astana/ });
    const [f, m] = within(astana).getAllByRole('cell');
    expect(f).toHaveTextContent('<5');
    expect(f).toHaveAttribute('data-mark', 'primary');
    expect(f!.querySelector('abbr')).toHaveAttribute('title', 'fewer than 5 people: hidden');
    expect(m).toHaveTextContent('x');
    expect(m).toHaveAttribute('data-mark', 'secondary');
    // The totals row is marked as such.
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveClass('report-table__total-row');

    const chart = within(result).getByTestId('report-chart-0');
    const bars = chart.querySelectorAll('.chart__row');
    expect(bars).toHaveLength(3);
    expect(bars[0]).toHaveTextContent('Almaty53');
    // A hidden total is a hatched bar with its printed text.
    expect(bars[2]).toHaveClass('chart__row--hidden');
    expect(bars[2]!.querySelector('.chart__bar--hidden')).not.toBeNull();
    expect(bars[2]).toHaveTextContent('<5');

    expect(within(result).getByTestId('report-grand-total')).toHaveTextContent('68');
    expect(within(result).getByTestId('report-hidden-cells')).toHaveTextContent('5');
    expect(within(result).getByTestId('report-legend')).toHaveTextContent('hidden so that the small cells cannot be worked out from the totals');
    expect(within(result).getByTestId('report-method')).toHaveTextContent('primary suppression');

    // Changing a setting after a build says the table shown is the old one; nothing is rebuilt.
    expect(screen.queryByTestId('report-stale')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('report-threshold'), { target: { value: '10' } });
    expect(screen.getByTestId('report-stale')).toBeInTheDocument();
    expect(calls('report_build')).toHaveLength(1);
  });

  it('does not offer service type for people, drops it when the measure changes, and shows the core refusal', async () => {
    backend({
      report_build: () => {
        throw {
          code: 'invalid_input',
          message: 'Too few people for this table to be published safely: choose fewer breakdowns, wider age bands or a longer period.',
          params: { field: 'by', reason: 'report_too_few_people' },
        };
      },
    });
    const user = userEvent.setup();
    renderScreen();
    const third = await screen.findByTestId('report-by-2');
    const option = (select: HTMLElement, value: string) => within(select).getByRole('option', { name: new RegExp(value) }) as HTMLOptionElement;
    expect(option(third, 'Service type').disabled).toBe(true);
    // A dimension already chosen cannot be chosen twice.
    expect(option(third, '^Region').disabled).toBe(true);

    await user.click(screen.getByTestId('report-measure-services'));
    expect(option(third, 'Service type').disabled).toBe(false);
    await user.selectOptions(third, 'service_type');
    expect(third).toHaveValue('service_type');

    await user.click(screen.getByTestId('report-measure-people'));
    expect(screen.getByTestId('report-by-2')).toHaveValue('');

    // Clearing the rows moves the columns up.
    await user.selectOptions(screen.getByTestId('report-by-0'), '');
    expect(screen.getByTestId('report-by-0')).toHaveValue('sex');
    expect(screen.getByTestId('report-by-1')).toHaveValue('');

    await user.click(screen.getByTestId('report-build'));
    expect(await screen.findByTestId('report-by-error')).toHaveTextContent('Too few people for this table to be published safely');
    expect(screen.queryByTestId('report-result')).not.toBeInTheDocument();
  });

  it('says the core refusal in Russian too', async () => {
    await act(() => i18n.changeLanguage('ru'));
    const reason = 'Only services can be broken down by service type: one person can receive several.';
    backend({
      report_build: () => {
        throw { code: 'invalid_input', message: reason, params: { field: 'by', reason: 'report_by_service_type' } };
      },
    });
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByTestId('report-build'));
    expect(await screen.findByTestId('report-by-error')).toHaveTextContent(coreText('reason-report_by_service_type', {}, 'ru'));
    expect(calls('report_build')[0]!.lang).toBe('ru');
  });

  it('exports only with a recipient and a purpose, in the format chosen, to a path with its extension', async () => {
    const exported: Transfer = { ...transfers[1]!, number: 3, kind: 'report', format: 'pdf' };
    let ledger = transfers;
    backend({
      report_export: () => {
        ledger = [exported, ...transfers];
        return exported;
      },
      transfers_list: () => ledger,
    });
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByTestId('report-build'));
    await user.click(await screen.findByTestId('report-export'));
    const dialog = await screen.findByTestId('export-dialog');
    expect(dialog).toHaveTextContent(en.reports.export.anonymised);
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/derbes-report-2026-01-2026-11.xlsx'));
    expect(screen.getByTestId('export-format-xlsx')).toBeChecked();
    expect(screen.getByTestId('export-lang-en')).toBeChecked();

    await user.click(screen.getByTestId('export-format-pdf'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/derbes-report-2026-01-2026-11.pdf'));
    expect(calls('default_save_path').map((a) => a.suggestedName)).toEqual(['derbes-report-2026-01-2026-11.xlsx', 'derbes-report-2026-01-2026-11.pdf']);

    // Nothing is sent without a recipient and a purpose.
    await user.click(screen.getByTestId('export-save'));
    expect(screen.getByTestId('export-recipient-required')).toBeInTheDocument();
    expect(screen.getByTestId('export-purpose-required')).toBeInTheDocument();
    expect(calls('report_export')).toHaveLength(0);

    await user.type(screen.getByTestId('export-recipient'), 'Soros Foundation');
    await user.type(screen.getByTestId('export-purpose'), 'Annual report');
    await user.click(screen.getByTestId('export-lang-kk'));
    // A path typed by hand gets the format's extension.
    await user.clear(screen.getByTestId('export-path'));
    await user.type(screen.getByTestId('export-path'), '/tmp/for-donor');
    await user.click(screen.getByTestId('export-save'));

    await waitFor(() => expect(calls('report_export')).toHaveLength(1));
    expect(calls('report_export')[0]).toEqual({
      spec: meta.report,
      lang: 'kk',
      format: 'pdf',
      to: { recipient: 'Soros Foundation', purpose: 'Annual report' },
      path: '/tmp/for-donor.pdf',
      ifExists: 'refuse',
    });
    expect(await screen.findByText('Saved. Recorded in the transfer ledger as № 3.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).not.toBeInTheDocument());

    // The ledger shows the new entry.
    await user.click(screen.getByTestId('reports-tab-ledger'));
    expect(await screen.findByTestId('ledger-row-3')).toBeInTheDocument();
  });

  it('shows an export refusal next to its field', async () => {
    backend({
      report_export: () => {
        throw { code: 'invalid_input', message: 'The folder to save into does not exist.', params: { field: 'path', reason: 'save_folder_missing' } };
      },
    });
    const user = userEvent.setup();
    renderScreen();
    await openExport(user);
    await waitFor(() => expect(screen.getByTestId('export-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('export-save'));
    expect(await screen.findByText('The folder to save into does not exist.')).toBeInTheDocument();
    expect(screen.getByTestId('export-path')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('export-dialog')).toBeInTheDocument();
  });

  it('replaces a file already there only when the user says so', async () => {
    backend({
      report_export: (a) => {
        if (a.ifExists !== 'replace') throw { code: 'file_exists', message: 'A file with this name is already there; choose another name, or replace it.', params: {} };
        return { ...transfers[1]!, number: 3, kind: 'report' };
      },
    });
    const user = userEvent.setup();
    renderScreen();
    await openExport(user);
    await waitFor(() => expect(screen.getByTestId('export-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('export-save'));
    expect(await screen.findByTestId('export-path-error')).toHaveTextContent(coreText('error-file_exists', {}, 'en'));
    expect(screen.getByTestId('export-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('export-replace'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).not.toBeInTheDocument());
    expect(calls('report_export').map((a) => a.ifExists)).toEqual(['refuse', 'replace']);
  });

  it('lets the system dialog confirm a replacement, but not a path typed afterwards', async () => {
    backend({
      report_export: () => ({ ...transfers[1]!, number: 3, kind: 'report' }),
      choose_export_path: (a) => `/home/aigerim/Documents/Derbes/${String(a.suggestedName)}`,
    });
    const user = userEvent.setup();
    renderScreen();
    await openExport(user);
    await user.click(screen.getByTestId('export-choose'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/Derbes/derbes-report-2026-01-2026-11.xlsx'));
    await user.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(calls('report_export')).toHaveLength(1));
    expect(calls('report_export')[0]!.ifExists).toBe('replace');
    // A path typed after the choice is the user's own, not confirmed by any dialog.
    await openExport(user, false);
    await user.click(screen.getByTestId('export-choose'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/Derbes/derbes-report-2026-01-2026-11.xlsx'));
    await user.type(screen.getByTestId('export-path'), '-v2');
    await user.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(calls('report_export')).toHaveLength(2));
    expect(calls('report_export')[1]!).toMatchObject({ path: '/home/aigerim/Documents/Derbes/derbes-report-2026-01-2026-11.xlsx-v2.xlsx', ifExists: 'refuse' });
  });

  it('does not count a chosen name as confirmed once the format changes it, or when the dialog gave no extension', async () => {
    let chosen = (name: string) => `/home/aigerim/Documents/Derbes/${name}`;
    backend({
      report_export: () => ({ ...transfers[1]!, number: 3, kind: 'report' }),
      choose_export_path: (a) => chosen(String(a.suggestedName)),
    });
    const user = userEvent.setup();
    renderScreen();
    await openExport(user);
    await user.click(screen.getByTestId('export-choose'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/Derbes/derbes-report-2026-01-2026-11.xlsx'));
    await user.click(screen.getByTestId('export-format-pdf'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Documents/Derbes/derbes-report-2026-01-2026-11.pdf'));
    await user.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(calls('report_export')).toHaveLength(1));
    expect(calls('report_export')[0]!).toMatchObject({ format: 'pdf', ifExists: 'refuse' });

    // A name typed in the system dialog without the extension is not the file Derbes writes.
    chosen = () => '/home/aigerim/Desktop/for-donor';
    await openExport(user, false);
    await user.click(screen.getByTestId('export-choose'));
    await waitFor(() => expect(screen.getByTestId('export-path')).toHaveValue('/home/aigerim/Desktop/for-donor.xlsx'));
    await user.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(calls('report_export')).toHaveLength(2));
    expect(calls('report_export')[1]!).toMatchObject({ path: '/home/aigerim/Desktop/for-donor.xlsx', ifExists: 'refuse' });
  });
});

describe('row-level release', () => {
  it('computes with the settings and shows k achieved and the transformation', async () => {
    backend();
    const user = userEvent.setup();
    window.location.hash = '#/reports/release';
    renderScreen();
    await screen.findByTestId('release-build');
    expect(screen.getByTestId('release-col-age')).toBeChecked();
    expect(screen.getByTestId('release-col-programme')).not.toBeChecked();
    expect(screen.queryByTestId('release-l')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('release-col-programme'));
    await user.selectOptions(screen.getByTestId('release-sensitive'), 'service_type');
    fireEvent.change(screen.getByTestId('release-l'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('release-k'), { target: { value: '7' } });
    await user.click(screen.getByTestId('release-build'));

    const result = await screen.findByTestId('release-result');
    expect(calls('release_build')[0]).toEqual({
      spec: {
        from: '2026-01',
        to: '2026-11',
        kinds: ['beneficiary'],
        programmes: [],
        columns: ['age', 'sex', 'place', 'disability', 'household_size', 'programme'],
        k: 7,
        sensitive: 'service_type',
        l: 3,
        maxSuppressedPercent: 5,
      },
      lang: 'en',
    });
    expect(within(result).getByTestId('release-k-achieved')).toHaveTextContent('6');
    expect(within(result).getByTestId('release-level-age')).toHaveTextContent('Age10-year bands');
    expect(within(result).getByTestId('release-level-place')).toHaveTextContent('Placeregion');
    expect(within(result).getByTestId('release-nodes')).toHaveTextContent('Examined 41 of 160 generalisations');
    expect(within(result).getByTestId('release-showing')).toHaveTextContent('Showing 2 of 412 rows');
    expect(within(result).getByTestId('release-preview')).toHaveTextContent('Household size');
  });

  it('is not offered to staff, who keep the aggregate report and the ledger', async () => {
    backend();
    window.location.hash = '#/reports/release';
    renderScreen(STAFF);
    await screen.findByTestId('report-build');
    expect(screen.queryByTestId('reports-tab-release')).not.toBeInTheDocument();
    expect(screen.queryByTestId('release-build')).not.toBeInTheDocument();
    expect(screen.getByTestId('reports-tab-table')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('reports-tab-ledger')).toBeInTheDocument();
  });

  it('shows the core refusal for k next to the protection settings', async () => {
    const reason = 'No release of these 40 people meets k = 30 with at most 5 % of rows left out: release fewer columns, lower k or l, or choose a longer period.';
    backend({
      release_build: () => {
        throw { code: 'invalid_input', message: reason, params: { field: 'k', reason: 'release_impossible', people: 40, k: 30, percent: 5 } };
      },
    });
    await act(() => i18n.changeLanguage('ru'));
    const user = userEvent.setup();
    window.location.hash = '#/reports/release';
    renderScreen();
    await user.click(await screen.findByTestId('release-build'));
    const error = await screen.findByTestId('release-settings-error');
    expect(error).toHaveTextContent('Ни один вариант выгрузки этих 40 человек не даёт k = 30');
  });
});

describe('transfer ledger', () => {
  it('lists the transfers and checks a file', async () => {
    let verify: Transfer | null = transfers[0]!;
    backend({
      choose_file_to_verify: () => '/home/aigerim/Downloads/release.csv',
      transfer_verify: () => verify,
    });
    const user = userEvent.setup();
    window.location.hash = '#/reports/ledger';
    renderScreen();
    const table = await screen.findByTestId('ledger-table');
    const row = within(table).getByTestId('ledger-row-2');
    expect(row).toHaveTextContent('05.03.2026');
    expect(row).toHaveTextContent('Release');
    expect(row).toHaveTextContent('CSV');
    expect(row).toHaveTextContent('UNICEF Kazakhstan');
    expect(within(row).getByTitle(transfers[0]!.sha256)).toHaveTextContent(/^abcdef012345$/);
    expect(within(table).getByTestId('ledger-row-1')).toHaveTextContent('Annual report on grant № 12');

    await user.click(screen.getByTestId('ledger-verify'));
    expect(await screen.findByTestId('ledger-verify-result')).toHaveTextContent('This file is transfer № 2 to UNICEF Kazakhstan on 05.03.2026.');
    expect(calls('transfer_verify')).toEqual([{ path: '/home/aigerim/Downloads/release.csv' }]);

    verify = null;
    await user.click(screen.getByTestId('ledger-verify'));
    await waitFor(() => expect(screen.getByTestId('ledger-verify-result')).toHaveTextContent('This file is not in the ledger, or it was changed after it was saved.'));
  });

  it('says what to do when nothing has been sent', async () => {
    backend({ transfers_list: () => [] });
    window.location.hash = '#/reports/ledger';
    renderScreen();
    expect(await screen.findByTestId('ledger-empty')).toHaveTextContent(en.reports.ledger.emptyTitle);
  });
});

describe('report helpers', () => {
  it('formats age bands, file names and extensions', () => {
    expect(ageBandsText([0, 18, 30, 45, 60])).toBe('0–17, 18–29, 30–44, 45–59, 60+');
    expect(parseAgeBands('0, 18 30;45')).toEqual([0, 18, 30, 45]);
    expect(parseAgeBands('0, eighteen')).toBeNull();
    expect(suggestedFileName('report', { from: '2026-01', to: '2026-12' }, 'xlsx')).toBe('derbes-report-2026-01-2026-12.xlsx');
    expect(withExtension('/tmp/a.xlsx', 'csv')).toBe('/tmp/a.csv');
    expect(withExtension('/tmp/a.PDF', 'xlsx')).toBe('/tmp/a.xlsx');
    expect(withExtension('/tmp/a', 'pdf')).toBe('/tmp/a.pdf');
    expect(withExtension('/tmp/a.b', 'csv')).toBe('/tmp/a.b.csv');
  });
});

describe('journal', () => {
  it('names the new actions and their details in every language', async () => {
    const entry = (action: string, details: Record<string, unknown>) => ({ seq: 1, at: '2026-03-05T12:00:00Z', userId: 'u', userName: 'A', action, object: null, details });
    const exists = (k: string) => i18n.exists(k);
    expect(actionText(i18n.t, 'report.built', exists)).toBe('Report table built');
    expect(detailsText(i18n.t, entry('report.built', { measure: 'people', by: ['region', 'sex'], from: '2026-01', to: '2026-12', threshold: 5 }), exists)).toBe(
      'People served · Region × Sex · 01.2026–12.2026',
    );
    expect(detailsText(i18n.t, entry('release.built', { k: 5, l: null, rows: 721, from: '2026-01', to: '2026-12' }), exists)).toBe('k = 5 · 721 rows · 01.2026–12.2026');
    expect(detailsText(i18n.t, entry('transfer.recorded', { number: 2, kind: 'release', format: 'csv' }), exists)).toBe('transfer № 2 · Release · CSV');
    expect(detailsText(i18n.t, entry('transfer.recorded', { number: 3, kind: 'identifying', format: 'csv' }), exists)).toBe('transfer № 3 · With personal data · CSV');
    expect(detailsText(i18n.t, entry('transfer.notice_given', { transfer: 3, number: 12 }), exists)).toBe('transfer № 3 · № 12');
    await act(() => i18n.changeLanguage('kk'));
    expect(actionText(i18n.t, 'transfer.recorded', exists)).toBe('Файл алушыға сақталды (деректерді беру тізілімі)');
    expect(actionText(i18n.t, 'transfer.notice_given', exists)).toBe('Тұлғаға деректерінің берілгені туралы хабарланды (19-бап)');
    await act(() => i18n.changeLanguage('ru'));
    expect(actionText(i18n.t, 'release.built', exists)).toBe('Рассчитана построчная выгрузка');
  });
});

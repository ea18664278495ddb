import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent, FieldKey, Kind, Lapse, LifecycleMeta, Person, RegisterMeta } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import { basisDraft, checkBasis, defaultBasisType, initialBasis, lapseClockText } from '../lib/basis';
import { coreText } from '../lib/words';
import { ConsentCard } from '../screens/consents/ConsentsTab';
import { LapsedScreen } from '../screens/lapsed/LapsedScreen';
import { LifecyclePanel } from '../screens/lifecycle/LifecyclePanel';
import { ImportWizard } from '../screens/people/ImportWizard';
import { PersonForm } from '../screens/people/PersonForm';
import { SCREENS } from '../shell/screens';
import { WithApp } from './app';

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
  window.location.hash = '';
  await act(() => i18n.changeLanguage('en'));
});

const lifecycleMeta: LifecycleMeta = {
  legalGrounds: ['art9_4', 'art9_5', 'art9_6', 'art9_7', 'art9_8', 'art9_10'],
  reasonCodes: [],
  bases: [],
  anchors: [],
  grounds: ['retention_ended', 'consent_withdrawn', 'request', 'court_decision', 'unlawful_processing'],
  forms: ['paper', 'electronic', 'egov', 'consent_service', 'other'],
  purposes: [
    { key: 'legal_aid', names: { kk: 'Құқықтық көмек', ru: 'Правовая помощь', en: 'Legal aid' }, kinds: ['beneficiary'] },
    { key: 'humanitarian_aid', names: { kk: 'Гуманитарлық көмек', ru: 'Гуманитарная помощь', en: 'Humanitarian aid' }, kinds: ['beneficiary'] },
    { key: 'social_support', names: { kk: 'Әлеуметтік қолдау', ru: 'Социальная поддержка', en: 'Social support' }, kinds: ['beneficiary', 'volunteer'] },
    { key: 'payroll', names: { kk: 'Еңбекақы төлеу', ru: 'Начисление заработной платы', en: 'Payroll' }, kinds: ['employee'] },
  ],
};

const registerMeta: RegisterMeta = {
  fields: (['surname', 'name', 'email', 'phone'] as FieldKey[]).map((key) => ({ key, category: 'identity', sensitive: false })),
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [],
  serviceTypes: [],
  ageBands: [],
  allowed: {
    beneficiary: ['surname', 'name', 'phone', 'email'],
    employee: ['surname', 'name', 'email'],
    volunteer: ['surname', 'name', 'phone'],
  } satisfies Record<Kind, FieldKey[]>,
  programmes: [],
};

const inventory = {
  version: 1,
  approvedAt: '2025-01-01T00:00:00Z',
  approvedBy: 'u1',
  purposes: [
    { key: 'legal_aid', names: lifecycleMeta.purposes[0]!.names, fields: { beneficiary: ['surname', 'name', 'phone', 'email'] } },
    { key: 'humanitarian_aid', names: lifecycleMeta.purposes[1]!.names, fields: { beneficiary: ['surname', 'name', 'phone'] } },
    { key: 'payroll', names: lifecycleMeta.purposes[3]!.names, fields: { employee: ['surname', 'name', 'email'] } },
  ],
  categories: { surname: 'identity', name: 'identity', phone: 'contact', email: 'contact' },
};

function created(kind: Kind): Person {
  return {
    id: 'p-77',
    number: 77,
    kind,
    access: 'restricted',
    status: 'active',
    values: {},
    services: [],
    createdAt: '2025-01-10T08:00:00Z',
    updatedAt: '2025-01-10T08:00:00Z',
  };
}

/** A backend for the form: the metadata, and subject_create answered by `create`. */
function formBackend(create: (args: Record<string, unknown>) => unknown) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    switch (cmd) {
      case 'lifecycle_meta':
        return lifecycleMeta;
      case 'inventory_get':
        return inventory;
      case 'subject_create':
        return create(args);
      default:
        throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    }
  });
}

function renderForm() {
  return render(
    <ToastProvider>
      <PersonForm meta={registerMeta} />
    </ToastProvider>,
  );
}

const creates = () => invoke.mock.calls.filter(([cmd]) => cmd === 'subject_create');

describe('the basis, as the screens hold it', () => {
  it('defaults employees to an Art. 9(10) ground and the others to their consent, the scan due in five days', () => {
    expect(defaultBasisType('employee')).toBe('ground');
    expect(defaultBasisType('beneficiary')).toBe('consent');
    expect(defaultBasisType('volunteer')).toBe('consent');
    const b = initialBasis('employee', new Date(2026, 11, 7));
    expect(b.ground.subparagraph).toBe('art9_10');
    expect(b.consent.scanDue).toBe('12.12.2026');
    expect(b.consent.givenOn).toBe('07.12.2026');
  });

  it('names what is plainly missing in the core sentences: a law for a ground, a purpose for a consent', () => {
    const ground = initialBasis('employee');
    expect(checkBasis(ground)).toEqual([{ field: 'law', text: coreText('reason-legal_ground_law_required') }]);
    expect(checkBasis({ ...ground, ground: { ...ground.ground, law: '   ' } })[0]!.field).toBe('law');
    expect(checkBasis({ ...ground, ground: { ...ground.ground, law: 'Еңбек кодексі, 23-бап' } })).toEqual([]);
    const consent = initialBasis('beneficiary');
    expect(checkBasis(consent)).toEqual([{ field: 'purposes', text: coreText('reason-consent_purposes_none') }]);
    expect(checkBasis({ ...consent, type: null })[0]!.field).toBe('basis');
  });

  it('sends a batch consent as "paper consents on file": purposes and the scan day only', () => {
    const b = initialBasis('beneficiary');
    const draft = basisDraft({ ...b, consent: { ...b.consent, purposes: ['legal_aid'], byRep: true, untilPurpose: false, validUntil: '01.01.2030', scanDue: '15.12.2026' } }, 'batch');
    expect(draft).toEqual({
      type: 'consent',
      consent: { purposes: ['legal_aid'], givenOn: null, validFrom: null, validUntil: null, thirdParties: null, crossBorder: null, publication: null, form: 'paper', formReference: null, representative: null },
      scanDue: '15.12.2026',
    });
    // Only a paper form has a scan to come.
    const egov = basisDraft({ ...b, consent: { ...b.consent, purposes: ['legal_aid'], form: 'egov', formReference: 'EGOV-1' } }, 'person');
    expect(egov).toMatchObject({ type: 'consent', scanDue: null, consent: { form: 'egov', formReference: 'EGOV-1' } });
  });

  it('says a lapse clock in words, overdue in red', () => {
    const t = i18n.getFixedT('en');
    expect(lapseClockText(t, { from: '2026-12-01', workingDays: 1, due: '2026-12-02', left: -3, missingYear: null, state: 'overdue' })).toEqual({
      tone: 'danger',
      text: 'Overdue by 3 working days (due 02.12.2026)',
    });
    expect(lapseClockText(t, { from: '2026-12-07', workingDays: 1, due: '2026-12-08', left: 1, missingYear: null, state: 'running' }).tone).toBe('warning');
    expect(lapseClockText(t, { from: '2027-12-31', workingDays: 1, due: null, left: null, missingYear: 2028, state: 'unknown' }).text).toContain('2028');
  });
});

describe('adding a person needs a basis', () => {
  it('offers consent to a beneficiary and an Art. 9(10) ground to an employee, with the six sub-paragraphs by their full names', async () => {
    formBackend(() => created('beneficiary'));
    const user = userEvent.setup();
    renderForm();
    expect(await screen.findByTestId('basis-consent')).toBeChecked();
    // Only the purposes with data about a beneficiary.
    expect(screen.getByTestId('basis-purpose-legal_aid')).toBeInTheDocument();
    expect(screen.queryByTestId('basis-purpose-payroll')).not.toBeInTheDocument();
    expect(screen.getByTestId('basis-scan-due')).toHaveValue(initialBasis('beneficiary').consent.scanDue);

    await user.selectOptions(screen.getByTestId('person-kind'), 'employee');
    expect(screen.getByTestId('basis-ground')).toBeChecked();
    const select = screen.getByTestId('basis-subparagraph');
    expect(select).toHaveValue('art9_10');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(
      lifecycleMeta.legalGrounds.map((g) => (en.lifecycle.legalGrounds as Record<string, string>)[g]),
    );
    expect(screen.getByTestId('basis-law')).toHaveAttribute('placeholder', en.basis.ground.lawPlaceholder);
    expect(screen.getByTestId('basis-covers-payroll')).toBeInTheDocument();
  });

  it('refuses to send a ground without the law relied on, then sends sub-paragraph, law and purposes', async () => {
    formBackend(() => created('employee'));
    const user = userEvent.setup();
    renderForm();
    await user.selectOptions(await screen.findByTestId('person-kind'), 'employee');
    await user.type(screen.getByTestId('field-surname'), 'Ахметов');
    await user.type(screen.getByTestId('field-name'), 'Руслан');
    await user.click(screen.getByTestId('person-save'));

    expect(await screen.findByTestId('basis-error-law')).toHaveTextContent(coreText('reason-legal_ground_law_required', {}, 'en'));
    expect(screen.getByTestId('basis-law')).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(screen.getByTestId('basis-law')).toHaveFocus());
    expect(creates()).toHaveLength(0);

    await user.type(screen.getByTestId('basis-law'), 'Еңбек кодексі, 23-бап');
    expect(screen.queryByTestId('basis-error-law')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(creates()[0]![1]).toEqual({
      draft: { kind: 'employee', values: { surname: 'Ахметов', name: 'Руслан' }, services: [] },
      basis: { type: 'ground', subparagraph: 'art9_10', law: 'Еңбек кодексі, 23-бап', purposes: [] },
    });
  });

  it('refuses a consent without a purpose in the language of the app', async () => {
    await act(() => i18n.changeLanguage('kk'));
    formBackend(() => created('beneficiary'));
    const user = userEvent.setup();
    renderForm();
    await user.type(await screen.findByTestId('field-surname'), 'Сейітова');
    await user.click(screen.getByTestId('person-save'));
    expect(await screen.findByTestId('basis-error-purposes')).toHaveTextContent(coreText('reason-consent_purposes_none', {}, 'kk'));
    expect(creates()).toHaveLength(0);
    // The section names itself in Kazakh.
    expect(screen.getByTestId('person-basis')).toHaveTextContent(kk.basis.title);
  });

  it("sends the person's consent with its term, representative and scan day", async () => {
    formBackend(() => created('beneficiary'));
    const user = userEvent.setup();
    renderForm();
    await user.type(await screen.findByTestId('field-surname'), 'Омарова');
    await user.click(screen.getByTestId('basis-purpose-legal_aid'));
    await user.click(screen.getByTestId('basis-until-date'));
    await user.type(screen.getByTestId('basis-valid-until'), '31.12.2027');
    await user.click(screen.getByTestId('basis-by-representative'));
    await user.type(screen.getByTestId('basis-rep-name'), 'Омарова Айгүл');
    await user.type(screen.getByTestId('basis-rep-relation'), 'анасы');
    await user.type(screen.getByTestId('basis-rep-document'), 'Туу туралы куәлік № 1');
    await user.clear(screen.getByTestId('basis-scan-due'));
    await user.type(screen.getByTestId('basis-scan-due'), '15.12.2026');
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(creates()[0]![1]).toMatchObject({
      basis: {
        type: 'consent',
        scanDue: '15.12.2026',
        consent: {
          purposes: ['legal_aid'],
          validUntil: '31.12.2027',
          form: 'paper',
          thirdParties: null,
          crossBorder: null,
          publication: null,
          representative: { name: 'Омарова Айгүл', relation: 'анасы', document: 'Туу туралы куәлік № 1' },
        },
      },
    });
  });

  it('marks the fields the chosen purposes do not cover, and shows the core sentence for one sent anyway (Art. 14)', async () => {
    formBackend(() => {
      throw { code: 'invalid', message: 'email: outside', params: { problems: [{ field: 'email', code: 'outside_purposes', args: { purpose: 'legal_aid' } }] } };
    });
    const user = userEvent.setup();
    renderForm();
    await user.click(await screen.findByTestId('basis-purpose-humanitarian_aid'));
    // E-mail belongs to legal aid, not to humanitarian aid.
    expect(await screen.findByTestId('field-uncovered-email')).toHaveTextContent(en.basis.fieldNotCovered);
    expect(screen.queryByTestId('field-uncovered-phone')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('field-surname'), 'Ким');
    await user.type(screen.getByTestId('field-email'), 'kim@example.kz');
    await user.click(screen.getByTestId('person-save'));
    const error = await screen.findByTestId('field-error-email');
    // The purpose by its name, not its key.
    expect(error).toHaveTextContent(coreText('problem-outside_purposes', { purpose: 'Legal aid' }, 'en'));
    expect(screen.getByTestId('basis-outside-note')).toHaveTextContent(en.basis.outsideNote);
  });

  it("puts the core's refusal of the basis in the basis section and opens the representative's lines for a minor", async () => {
    let call = 0;
    formBackend(() => {
      call++;
      if (call === 1) throw { code: 'representative_required', message: 'minor', params: {} };
      throw { code: 'invalid_input', message: 'as_of', params: { field: 'as_of', reason: 'lifecycle_date_format', problem: 'date_format' } };
    });
    const user = userEvent.setup();
    renderForm();
    await user.click(await screen.findByTestId('basis-purpose-legal_aid'));
    await user.click(screen.getByTestId('person-save'));
    expect(await screen.findByTestId('basis-rep-required')).toHaveTextContent(coreText('error-representative_required', {}, 'en'));
    expect(screen.getByTestId('basis-by-representative')).toBeChecked();
    expect(screen.getByTestId('basis-rep-name')).toBeInTheDocument();

    await user.click(screen.getByTestId('person-save'));
    // An unreadable scan day comes back as the core's date field: shown under the scan day.
    expect(await screen.findByTestId('basis-error-scan_due')).toBeInTheDocument();
    expect(screen.getByTestId('basis-scan-due')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('import asks once for the batch', () => {
  it('sends the same basis with the dry run and the import, and shows it above the report', async () => {
    const runs: Record<string, unknown>[] = [];
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      switch (cmd) {
        case 'lifecycle_meta':
          return lifecycleMeta;
        case 'import_preview':
          return { headers: ['ФИО', 'E-mail'], rows: [['Ахметов Руслан', 'r@kamkor.kz']], rowCount: 1, format: 'csv', encoding: 'utf-8', delimiter: ';', sheet: null, mapping: [null, 'email'], fullNameColumn: 0 };
        case 'import_run':
          runs.push(args);
          return { rows: 1, accepted: 1, rejected: [], imported: !args.dryRun };
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <ImportWizard meta={registerMeta} />
      </ToastProvider>,
    );
    await user.click(screen.getByTestId('import-what-next'));
    await user.selectOptions(screen.getByTestId('import-kind'), 'employee');
    await user.type(screen.getByTestId('import-path'), '/tmp/staff.csv');
    await user.click(screen.getByTestId('import-next'));
    await user.click(await screen.findByTestId('import-to-basis'));
    // Employees: the Labour Code's ground by default; the law is asked for.
    expect(await screen.findByTestId('basis-ground')).toBeChecked();
    await user.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findByTestId('basis-error-law')).toHaveTextContent(coreText('reason-legal_ground_law_required', {}, 'en'));
    expect(runs).toHaveLength(0);

    await user.type(screen.getByTestId('basis-law'), 'Labour Code, Art. 23');
    await user.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findByTestId('import-basis-summary')).toHaveTextContent('Labour Code, Art. 23');
    await user.click(screen.getByTestId('import-run'));
    await waitFor(() => expect(runs).toHaveLength(2));
    const basis = { type: 'ground', subparagraph: 'art9_10', law: 'Labour Code, Art. 23', purposes: [] };
    expect(runs[0]).toMatchObject({ kind: 'employee', dryRun: true, basis });
    expect(runs[1]).toMatchObject({ kind: 'employee', dryRun: false, basis });
  });

  it('shows a refusal of the batch basis on the basis step', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      switch (cmd) {
        case 'lifecycle_meta':
          return lifecycleMeta;
        case 'import_preview':
          return { headers: ['ФИО'], rows: [['Ким Ольга']], rowCount: 1, format: 'csv', encoding: 'utf-8', delimiter: ';', sheet: null, mapping: [null], fullNameColumn: 0 };
        case 'import_run':
          throw { code: 'invalid_input', message: 'x', params: { field: 'purposes', reason: 'consent_purpose_no_data', purpose: 'legal_aid', kind: 'beneficiary' } };
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    const user = userEvent.setup();
    render(<ImportWizard meta={registerMeta} />);
    await user.click(screen.getByTestId('import-what-next'));
    await user.type(screen.getByTestId('import-path'), '/tmp/people.csv');
    await user.click(screen.getByTestId('import-next'));
    await user.click(await screen.findByTestId('import-to-basis'));
    await user.click(await screen.findByTestId('basis-purpose-legal_aid'));
    await user.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findByTestId('basis-error-purposes')).toBeInTheDocument();
    expect(screen.getByTestId('import-basis')).toBeInTheDocument();
  });
});

const lapses: Lapse[] = [
  { id: 'p-7', number: 7, kind: 'beneficiary', reason: 'no_basis', since: '2026-11-25', clock: { from: '2026-11-25', workingDays: 1, due: '2026-11-26', left: -7, missingYear: null, state: 'overdue' } },
  { id: 'p-9', number: 9, kind: 'beneficiary', reason: 'consent_withdrawn', since: '2026-12-07', clock: { from: '2026-12-07', workingDays: 1, due: '2026-12-08', left: 1, missingYear: null, state: 'running' } },
];

describe('people without a basis', () => {
  it('is a screen of its own, reached as #/lapsed and kept out of the sidebar', () => {
    const s = SCREENS.find((x) => x.id === 'lapsed');
    expect(s?.parent).toBe('people');
  });

  it('lists each person with the reason, the day and the clock (overdue in red), and gives the ticked ones paper consents on file', async () => {
    let list = lapses;
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      switch (cmd) {
        case 'lifecycle_meta':
          return lifecycleMeta;
        case 'lapsed_bases':
          return list;
        case 'subjects_set_basis':
          list = list.filter((l) => !(args.ids as string[]).includes(l.id));
          return (args.ids as string[]).length;
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    const user = userEvent.setup();
    render(
      <WithApp>
        <ToastProvider>
          <LapsedScreen />
        </ToastProvider>
      </WithApp>,
    );
    const rows = await screen.findAllByTestId('lapsed-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId('lapsed-total')).toHaveAttribute('data-overdue', '1');
    expect(rows[0]).toHaveTextContent(en.basis.lapsed.reasons.no_basis);
    expect(rows[0]).toHaveTextContent('25.11.2026');
    expect(screen.getByTestId('lapsed-clock-7')).toHaveClass('clock-text--danger');
    expect(screen.getByTestId('lapsed-clock-7')).toHaveTextContent('Overdue by 7 working days (due 26.11.2026)');
    expect(screen.getByTestId('lapsed-clock-9')).toHaveClass('clock-text--warning');
    expect(screen.getByTestId('lapsed-open-9')).toHaveAttribute('href', '#/people/p-9');

    expect(screen.getByTestId('lapsed-give-basis')).toBeDisabled();
    await user.click(screen.getByTestId('lapsed-check-7'));
    await user.click(screen.getByTestId('lapsed-give-basis'));
    const dialog = await screen.findByTestId('give-basis');
    expect(within(dialog).getByText(en.basis.consent.batchTitle)).toBeInTheDocument();
    await user.click(within(dialog).getByTestId('give-basis-save'));
    expect(await within(dialog).findByTestId('basis-error-purposes')).toBeInTheDocument();
    await user.click(within(dialog).getByTestId('basis-purpose-legal_aid'));
    await user.click(within(dialog).getByTestId('give-basis-save'));

    await waitFor(() => expect(screen.queryByTestId('give-basis')).not.toBeInTheDocument());
    const call = invoke.mock.calls.find(([cmd]) => cmd === 'subjects_set_basis')!;
    expect(call[1]).toEqual({
      ids: ['p-7'],
      basis: { type: 'consent', scanDue: initialBasis('beneficiary').consent.scanDue, consent: expect.objectContaining({ purposes: ['legal_aid'], form: 'paper', representative: null }) },
    });
    await waitFor(() => expect(screen.getAllByTestId('lapsed-row')).toHaveLength(1));
    expect(await screen.findByText('1 person has a basis now.')).toBeInTheDocument();
  });

  it('says so when everyone has a basis', async () => {
    invoke.mockImplementation(async (cmd: string) => (cmd === 'lapsed_bases' ? [] : cmd === 'lifecycle_meta' ? lifecycleMeta : null));
    render(
      <WithApp>
        <LapsedScreen />
      </WithApp>,
    );
    expect(await screen.findByTestId('lapsed-empty')).toHaveTextContent(en.basis.lapsed.emptyTitle);
  });
});

function person(lifecycle: Partial<NonNullable<Person['lifecycle']>> = {}): Person {
  return {
    ...created('employee'),
    values: { surname: { value: 'Ахметов', masked: false, sensitive: false } },
    lifecycle: { consentState: null, publicationConsent: false, legalGround: null, legalGroundLaw: null, groundPurposes: [], endedOn: null, holdReason: null, blockedReason: null, ...lifecycle },
  };
}

describe("the person's Art. 9 ground", () => {
  it('shows the ground with its law and what it covers, and saves sub-paragraph, law and purposes', async () => {
    const saved = person({ legalGround: 'art9_10', legalGroundLaw: 'Еңбек кодексі, 23-бап', groundPurposes: ['payroll'] });
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'subject_set_legal_ground') return saved;
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const onPerson = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <WithApp>
        <ToastProvider>
          <LifecyclePanel person={person()} meta={lifecycleMeta} onPerson={onPerson} onOpenConsents={() => {}} onReason={() => {}} onEnd={() => {}} />
        </ToastProvider>
      </WithApp>,
    );
    expect(screen.getByTestId('lifecycle-ground-current')).toHaveTextContent(en.lifecycle.noGround);
    await user.click(screen.getByTestId('legal-ground-edit'));
    const dialog = await screen.findByTestId('ground-dialog');
    expect(within(dialog).getByTestId('legal-ground-subparagraph')).toHaveValue('art9_10');
    await user.click(within(dialog).getByTestId('legal-ground-save'));
    expect(await within(dialog).findByTestId('legal-ground-error-law')).toHaveTextContent(coreText('reason-legal_ground_law_required', {}, 'en'));
    expect(invoke).not.toHaveBeenCalled();

    await user.type(within(dialog).getByTestId('legal-ground-law'), 'Еңбек кодексі, 23-бап');
    await user.click(within(dialog).getByTestId('legal-ground-covers-payroll'));
    await user.click(within(dialog).getByTestId('legal-ground-save'));
    await waitFor(() => expect(onPerson).toHaveBeenCalledWith(saved));
    expect(invoke).toHaveBeenCalledWith('subject_set_legal_ground', {
      id: 'p-77',
      ground: { subparagraph: 'art9_10', law: 'Еңбек кодексі, 23-бап', purposes: ['payroll'] },
    });

    rerender(
      <WithApp>
        <ToastProvider>
          <LifecyclePanel person={saved} meta={lifecycleMeta} onPerson={onPerson} onOpenConsents={() => {}} onReason={() => {}} onEnd={() => {}} />
        </ToastProvider>
      </WithApp>,
    );
    const current = screen.getByTestId('lifecycle-ground-current');
    expect(current).toHaveTextContent(en.lifecycle.legalGrounds.art9_10);
    expect(current).toHaveTextContent('Еңбек кодексі, 23-бап');
    expect(current).toHaveTextContent('Payroll');
  });

  it('says when a ground has no law', () => {
    render(
      <WithApp>
        <ToastProvider>
          <LifecyclePanel person={person({ legalGround: 'art9_10', legalGroundLaw: null })} meta={lifecycleMeta} onPerson={() => {}} onOpenConsents={() => {}} onReason={() => {}} onEnd={() => {}} />
        </ToastProvider>
      </WithApp>,
    );
    expect(screen.getByTestId('lifecycle-ground-no-law')).toHaveTextContent(en.lifecycle.groundNoLaw);
  });
});

const consent: Consent = {
  id: 'c1', number: 1, subjectId: 'p-77', subjectNumber: 77, operatorName: 'Kamkor', operatorBin: '180240012345', subjectName: 'Омарова Дана',
  purposes: ['legal_aid'], dataFields: ['surname'], inventoryVersion: 1, givenOn: '2026-12-01', validFrom: '2026-12-01', validUntil: null,
  thirdParties: false, thirdPartyRecipients: null, crossBorder: false, crossBorderCountries: null, publication: false, publicationWhere: null, form: 'paper', formReference: null,
  takenBy: 'u1', takenByName: 'Aigerim', representative: null, state: 'active', withdrawnScopes: [], withdrawals: [], evidence: null, createdAt: '2026-12-01T10:00:00Z',
};

describe('a scan kept as evidence', () => {
  it('is stored only after the user says it is the signed consent form, with the warning about identity documents', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      switch (cmd) {
        case 'choose_evidence_file':
          return '/home/a/scan.jpg';
        case 'consent_attach':
          return { mediaType: 'image/jpeg', size: 1000, sha256: 'ab' };
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    const onEvidence = vi.fn();
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <ConsentCard consent={consent} meta={lifecycleMeta} blocked={false} onPrint={() => {}} onWithdraw={() => {}} onEvidence={onEvidence} />
      </ToastProvider>,
    );
    // No: nothing is stored.
    await user.click(screen.getByTestId('consent-attach-1'));
    const ask = await screen.findByTestId('evidence-confirm');
    expect(ask).toHaveTextContent(en.consent.evidence.confirm.title);
    expect(within(ask).getByTestId('evidence-confirm-warning')).toHaveTextContent(en.consent.evidence.confirm.idText);
    await user.click(within(ask).getByTestId('evidence-confirm-no'));
    await waitFor(() => expect(screen.queryByTestId('evidence-confirm')).not.toBeInTheDocument());
    expect(invoke.mock.calls.some(([cmd]) => cmd === 'consent_attach')).toBe(false);

    // Yes, once it is ticked as the signed form.
    await user.click(screen.getByTestId('consent-attach-1'));
    const again = await screen.findByTestId('evidence-confirm');
    expect(within(again).getByTestId('evidence-confirm-yes')).toBeDisabled();
    await user.click(within(again).getByTestId('evidence-confirm-check'));
    await user.click(within(again).getByTestId('evidence-confirm-yes'));
    await waitFor(() => expect(onEvidence).toHaveBeenCalledWith({ mediaType: 'image/jpeg', size: 1000, sha256: 'ab' }));
    expect(invoke).toHaveBeenCalledWith('consent_attach', { number: 1, path: '/home/a/scan.jpg' });
  });
});

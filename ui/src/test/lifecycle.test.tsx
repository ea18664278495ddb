import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Act, Due, LifecycleMeta, LifecycleOverview, Person, RegisterMeta } from '../api';
import { AppContext, type AppContextValue } from '../app-context';
import { RESPONSIBLE, WithApp } from './app';
import { ToastProvider } from '../components/Toast';
import i18n, { type Language } from '../i18n';
import { coreText, hasCoreText } from '../lib/words';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';
import { Dashboard } from '../screens/dashboard/Dashboard';
import { ConsentWizard } from '../screens/consents/ConsentWizard';
import { EndDialog } from '../screens/lifecycle/EndDialog';
import { PersonPage } from '../screens/people/PersonPage';
import { DueList } from '../screens/retention/DueList';

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

const meta: LifecycleMeta = {
  legalGrounds: ['art9_4', 'art9_5', 'art9_6', 'art9_7', 'art9_8', 'art9_10'],
  reasonCodes: ['subject_request', 'inaccurate_data', 'unlawful_processing', 'court_or_authority', 'litigation', 'audit', 'not_confirmed'],
  bases: ['donor_requirement', 'financial_documents', 'pension_records', 'end_of_relationship', 'consent_term', 'organisation_policy'],
  anchors: ['collection', 'last_service', 'programme_end', 'employment_end', 'consent_end'],
  grounds: ['retention_ended', 'consent_withdrawn', 'request', 'court_decision', 'unlawful_processing'],
  forms: ['paper', 'electronic', 'egov', 'consent_service', 'other'],
  purposes: [
    { key: 'humanitarian_aid', names: { kk: 'Гуманитарлық көмек', ru: 'Гуманитарная помощь', en: 'Humanitarian aid' }, kinds: ['beneficiary'] },
    { key: 'payroll', names: { kk: 'Еңбекақы төлеу', ru: 'Начисление заработной платы', en: 'Payroll' }, kinds: ['employee'] },
  ],
};

const registerMeta: RegisterMeta = {
  fields: [
    { key: 'surname', category: 'identity', sensitive: false },
    { key: 'name', category: 'identity', sensitive: false },
    { key: 'birth_date', category: 'identity', sensitive: false },
  ],
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [],
  serviceTypes: [],
  ageBands: [],
  allowed: { beneficiary: ['surname', 'name', 'birth_date'], employee: ['surname', 'name'], volunteer: ['surname', 'name'] },
  programmes: [],
};

function person(over: Partial<Person> = {}, lifecycle: Partial<NonNullable<Person['lifecycle']>> = {}): Person {
  return {
    id: 'p-12',
    number: 12,
    kind: 'beneficiary',
    access: 'restricted',
    status: 'active',
    values: {
      surname: { value: 'Омарова', masked: false, sensitive: false },
      name: { value: 'Дана', masked: false, sensitive: false },
      birth_date: { value: '2012-04-03', masked: false, sensitive: false },
    },
    services: [],
    createdAt: '2025-01-10T08:00:00Z',
    updatedAt: '2025-01-10T08:00:00Z',
    lifecycle: { consentState: null, publicationConsent: false, legalGround: null, endedOn: null, holdReason: null, blockedReason: null, ...lifecycle },
    ...over,
  };
}

const representativeRequired = {
  code: 'representative_required',
  message: 'The person was under 18 on the day of the consent, so a legal representative must give it.',
  params: {},
};

function wizardBackend(checks: unknown[]) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    switch (cmd) {
      case 'org_get':
        return { name: 'Kamkor', bin: '180240012345', address: '', responsibleName: '', responsibleContacts: '' };
      case 'inventory_get':
        return { version: 3, approvedAt: '2025-01-01T00:00:00Z', approvedBy: 'u1', purposes: [{ key: 'humanitarian_aid', names: meta.purposes[0]!.names, fields: { beneficiary: ['surname', 'name', 'birth_date'] } }], categories: { surname: 'identity', name: 'identity', birth_date: 'identity' } };
      case 'consent_check': {
        const next = checks.shift();
        if (next) throw next;
        return null;
      }
      case 'consent_add':
        return {
          id: 'c7', number: 7, subjectId: 'p-12', subjectNumber: 12, operatorName: 'Kamkor', operatorBin: '180240012345', subjectName: 'Омарова Дана',
          purposes: ['humanitarian_aid'], dataFields: ['surname', 'name', 'birth_date'], inventoryVersion: 3, givenOn: '2025-03-01', validFrom: '2025-03-01', validUntil: null,
          thirdParties: false, thirdPartyRecipients: null, crossBorder: false, crossBorderCountries: null, publication: false, publicationWhere: null, form: 'paper', formReference: null,
          takenBy: 'u1', takenByName: 'Aigerim', representative: (args.draft as { representative: unknown }).representative, state: 'active', withdrawnScopes: [], withdrawals: [], evidence: null, createdAt: '2025-03-01T10:00:00Z',
        };
      default:
        throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    }
  });
}

describe('consent wizard', () => {
  it('asks for a legal representative when the backend says one is required, and sends one', async () => {
    // The first check (leaving step 1) already hears that a representative is needed: the person
    // was a minor on that day. That belongs to step 3, so step 2 still opens.
    wizardBackend([representativeRequired, representativeRequired]);
    const recorded = vi.fn();
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <ConsentWizard person={person()} meta={meta} onClose={() => {}} onRecorded={recorded} />
      </ToastProvider>,
    );
    const wizard = screen.getByTestId('consent-wizard');
    // Only the purposes whose kinds include the person's kind are offered.
    expect(within(wizard).getByTestId('consent-purpose-humanitarian_aid')).toBeInTheDocument();
    expect(within(wizard).queryByTestId('consent-purpose-payroll')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('consent-purpose-humanitarian_aid'));
    await user.click(screen.getByTestId('consent-next'));
    expect(await screen.findByTestId('consent-scope-third_parties')).toBeInTheDocument();
    expect(screen.queryByTestId('consent-scope-third_parties-text')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('consent-next'));
    // Step 3 opens in representative mode, with the reason, and the three fields.
    const notice = await screen.findByTestId('consent-rep-required');
    expect(notice).toHaveTextContent(coreText('error-representative_required', {}, 'en'));
    expect(screen.getByTestId('consent-by-representative')).toBeChecked();
    expect(screen.getByTestId('consent-rep-name')).toBeInTheDocument();
    expect(screen.getByTestId('consent-rep-relation')).toBeInTheDocument();
    expect(screen.getByTestId('consent-rep-document')).toBeInTheDocument();

    await user.type(screen.getByTestId('consent-rep-name'), 'Омарова Айгүл');
    await user.type(screen.getByTestId('consent-rep-relation'), 'mother');
    await user.type(screen.getByTestId('consent-rep-document'), 'Birth certificate № 0456712');
    await user.click(screen.getByTestId('consent-next'));
    // Review: every Art. 8(4) item, then record.
    const review = await screen.findByTestId('consent-review');
    expect(within(review).getAllByRole('listitem')).toHaveLength(8);
    expect(review).toHaveTextContent('Kamkor');
    expect(review).toHaveTextContent('Humanitarian aid');
    await user.click(screen.getByTestId('consent-save'));

    expect(await screen.findByTestId('consent-done')).toHaveAttribute('data-number', '7');
    expect(screen.getByTestId('consent-done-print')).toBeInTheDocument();
    expect(screen.getByTestId('consent-done-attach')).toBeInTheDocument();
    const add = invoke.mock.calls.find(([cmd]) => cmd === 'consent_add')!;
    expect(add[1]).toEqual({
      id: 'p-12',
      draft: expect.objectContaining({
        purposes: ['humanitarian_aid'],
        validUntil: null,
        thirdParties: null,
        crossBorder: null,
        publication: null,
        form: 'paper',
        representative: { name: 'Омарова Айгүл', relation: 'mother', document: 'Birth certificate № 0456712' },
      }),
    });
    expect(recorded).toHaveBeenCalledTimes(1);
    // consent_check was asked before leaving every step.
    expect(invoke.mock.calls.filter(([cmd]) => cmd === 'consent_check')).toHaveLength(3);
  });

  it('shows a scope error from the backend next to its text field, in Kazakh', async () => {
    await act(() => i18n.changeLanguage('kk'));
    wizardBackend([null, { code: 'invalid_input', message: 'Enter the third parties who may receive the data.', params: { field: 'third_parties', reason: 'third_parties_missing' } }]);
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <ConsentWizard person={person({}, {})} meta={meta} onClose={() => {}} onRecorded={() => {}} />
      </ToastProvider>,
    );
    await user.click(screen.getByTestId('consent-purpose-humanitarian_aid'));
    await user.click(screen.getByTestId('consent-next'));
    await user.click(await screen.findByTestId('consent-scope-third_parties'));
    expect(screen.getByTestId('consent-scope-third_parties-text')).toBeInTheDocument();
    await user.click(screen.getByTestId('consent-next'));
    expect(await screen.findByTestId('consent-error-third_parties')).toHaveTextContent(coreText('reason-third_parties_missing', {}, 'kk'));
    expect(screen.getByTestId('consent-scope-third_parties-text')).toHaveAttribute('aria-invalid', 'true');
    // Still on step 2.
    expect(screen.queryByTestId('consent-by-representative')).not.toBeInTheDocument();
  });
});

describe('end-of-life dialog', () => {
  const act3: Act = {
    number: 3, id: 'a3', action: 'destroy', ground: 'court_decision', reference: '№ 2-1187/2024', subjects: [12], categories: ['identity', 'consents'],
    performedAt: '2025-03-01T10:00:00Z', performedBy: 'u1', performedByName: 'Aigerim', operatorName: 'Kamkor', operatorBin: '180240012345', backups: [],
  };

  it('keeps Destroy disabled until the confirmation word is typed, then shows the act', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'lifecycle_end') return act3;
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const done = vi.fn();
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <EndDialog action="destroy" target={{ kind: 'people', ids: ['p-12'], numbers: [12] }} meta={meta} onClose={() => {}} onDone={done} />
      </ToastProvider>,
    );
    const submit = screen.getByTestId('end-submit');
    expect(submit).toBeDisabled();
    expect(screen.getByTestId('end-confirm-word')).toHaveTextContent('DESTROY');

    await user.selectOptions(screen.getByTestId('end-ground'), 'court_decision');
    expect(screen.getByTestId('end-reference')).toBeInTheDocument();
    await user.type(screen.getByTestId('end-reference'), '№ 2-1187/2024');
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('end-confirm-input'), 'DESTRO');
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('end-confirm-input'), 'Y');
    expect(submit).toBeEnabled();
    await user.click(submit);

    const view = await screen.findByTestId('act-view');
    expect(view).toHaveAttribute('data-number', '3');
    expect(screen.getByTestId('act-people')).toHaveTextContent('№ 12');
    expect(screen.getByTestId('act-ground')).toHaveTextContent(en.lifecycle.grounds.court_decision);
    expect(screen.getByTestId('act-save')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('lifecycle_end', { ids: ['p-12'], action: 'destroy', ground: 'court_decision', reference: '№ 2-1187/2024' });

    await user.click(screen.getByTestId('act-close'));
    expect(done).toHaveBeenCalledWith(act3);
  });

  it('asks for the word in the UI language and shows a refusal from the backend', async () => {
    await act(() => i18n.changeLanguage('kk'));
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'lifecycle_end') throw { code: 'on_hold', message: 'Record № 12 is under legal hold…', params: { number: 12 } };
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <EndDialog action="anonymise" target={{ kind: 'people', ids: ['p-12'], numbers: [12] }} meta={meta} presetGround="request" onClose={() => {}} onDone={() => {}} />
      </ToastProvider>,
    );
    expect(screen.getByTestId('end-confirm-word')).toHaveTextContent('ИЕСІЗДЕНДІРУ');
    await user.type(screen.getByTestId('end-confirm-input'), 'ANONYMISE');
    expect(screen.getByTestId('end-submit')).toBeDisabled();
    await user.clear(screen.getByTestId('end-confirm-input'));
    await user.type(screen.getByTestId('end-confirm-input'), 'иесіздендіру');
    expect(screen.getByTestId('end-submit')).toBeEnabled();
    await user.click(screen.getByTestId('end-submit'));
    expect(await screen.findByTestId('end-error')).toHaveTextContent(coreText('error-on_hold', { number: 12 }, 'kk'));
    expect(screen.queryByTestId('act-view')).not.toBeInTheDocument();
  });
});

describe('due list', () => {
  const rule = { kind: 'beneficiary' as const, purpose: 'humanitarian_aid', mode: 'period' as const, anchor: 'programme_end' as const, months: 60, basis: 'donor_requirement' };
  const people: Due[] = [
    { id: 'p-17', number: 17, kind: 'beneficiary', fullName: 'Оспанова Сәуле', dueSince: '2024-12-22', rule, blocked: false },
    { id: 'p-3', number: 3, kind: 'beneficiary', fullName: 'Ахметова Ақбота', dueSince: '2025-01-02', rule, blocked: true },
    { id: 'p-54', number: 54, kind: 'volunteer', fullName: 'Жұмабаева Мөлдір', dueSince: '2025-01-17', rule: { ...rule, kind: 'volunteer', purpose: null, anchor: 'last_service', months: 18, basis: 'end_of_relationship' }, blocked: false },
  ];

  it('lists the people due with the rule in words and marks the blocked one', async () => {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      if (cmd === 'retention_due') return { asOf: '2025-03-01', people: args.asOf === '01.01.2020' ? [] : people, held: 2 };
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <WithApp>
          <DueList meta={meta} />
        </WithApp>
      </ToastProvider>,
    );
    const rows = await screen.findAllByTestId('due-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Beneficiary · Humanitarian aid · 5 years after the programme ended (donor requirement)');
    expect(rows[2]).toHaveTextContent('Volunteer · any purpose · 1 year 6 months after the last service (end of the relationship)');
    const blocked = screen.getAllByTestId('due-blocked');
    expect(blocked).toHaveLength(1);
    expect(rows[1]).toContainElement(blocked[0]!);
    expect(screen.getByTestId('due-check-3')).toBeDisabled();
    expect(screen.getByTestId('due-held')).toHaveTextContent('2 more people are due but under legal hold');
    expect(screen.getByTestId('due-total')).toHaveTextContent('3 people due on 01.03.2025');

    // "Select all" takes everyone who can be selected: not the blocked person.
    expect(screen.getByTestId('due-anonymise')).toBeDisabled();
    await user.click(screen.getByTestId('due-select-all'));
    expect(screen.getByTestId('due-selected')).toHaveAttribute('data-count', '2');
    expect(screen.getByTestId('due-check-3')).not.toBeChecked();
    await user.click(screen.getByTestId('due-destroy'));
    expect(screen.getByTestId('end-dialog')).toBeInTheDocument();
    expect(screen.getByTestId('end-ground')).toHaveValue('retention_ended');
    await user.click(within(screen.getByTestId('end-dialog')).getByRole('button', { name: en.common.cancel }));

    // Another day: nobody.
    await user.clear(screen.getByTestId('due-as-of'));
    await user.type(screen.getByTestId('due-as-of'), '01.01.2020');
    await user.click(screen.getByTestId('due-show'));
    expect(await screen.findByTestId('due-empty')).toHaveTextContent(en.retention.due.emptyTitle);
    expect(invoke).toHaveBeenLastCalledWith('retention_due', { asOf: '01.01.2020' });
  });
});

describe('person page lifecycle', () => {
  function personBackend(p: Person, extra: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
    invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
      const answer = extra(cmd, args);
      if (answer !== undefined) return answer;
      switch (cmd) {
        case 'subject_get':
          return p;
        case 'lifecycle_meta':
          return meta;
        case 'consent_list':
          return [];
        case 'org_get':
          return { name: 'Kamkor', bin: '180240012345', address: '', responsibleName: '', responsibleContacts: '' };
        case 'inventory_get':
          return { version: 1, approvedAt: '2025-01-01T00:00:00Z', approvedBy: 'u1', purposes: [], categories: {} };
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
  }

  it('shows the blocked banner with its reason and disables editing', async () => {
    personBackend(person({}, { blockedReason: 'subject_request: disputes the address', consentState: 'expiring' }));
    render(
      <ToastProvider>
        <WithApp>
          <PersonPage meta={registerMeta} id="p-12" />
        </WithApp>
      </ToastProvider>,
    );
    const banner = await screen.findByTestId('person-blocked-banner');
    expect(banner).toHaveTextContent(`${en.lifecycle.reasons.subject_request}: disputes the address`);
    expect(screen.getByTestId('person-edit')).toBeDisabled();
    expect(screen.getByTestId('person-make-public')).toBeDisabled();
    expect(screen.getByTestId('person-unblock')).toBeInTheDocument();
    expect(screen.queryByTestId('person-block')).not.toBeInTheDocument();
    expect(screen.getByTestId('lifecycle-consent-state')).toHaveAttribute('data-state', 'expiring');
    expect(screen.queryByTestId('person-hold-banner')).not.toBeInTheDocument();
  });

  it('blocks with a reason code and a note, as "<code>: <note>"', async () => {
    const p = person();
    personBackend(p, (cmd) => (cmd === 'subject_block' ? person({}, { blockedReason: 'inaccurate_data: wrong phone' }) : undefined));
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <WithApp>
          <PersonPage meta={registerMeta} id="p-12" />
        </WithApp>
      </ToastProvider>,
    );
    await user.click(await screen.findByTestId('person-block'));
    await user.selectOptions(screen.getByTestId('reason-code'), 'inaccurate_data');
    await user.type(screen.getByTestId('reason-note'), 'wrong phone');
    await user.click(screen.getByTestId('reason-submit'));
    expect(await screen.findByTestId('person-blocked-banner')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('subject_block', { id: 'p-12', reason: 'inaccurate_data: wrong phone' });
  });

  it('offers the consent wizard when making public needs a consent to publication', async () => {
    personBackend(person(), (cmd) => {
      if (cmd === 'subject_set_access') {
        throw { code: 'publication_consent_required', message: 'x', params: { number: 12 } };
      }
      return undefined;
    });
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <WithApp>
          <PersonPage meta={registerMeta} id="p-12" />
        </WithApp>
      </ToastProvider>,
    );
    await user.click(await screen.findByTestId('person-make-public'));
    await user.click(screen.getByTestId('public-confirm'));
    expect(await screen.findByTestId('public-error')).toHaveTextContent(coreText('error-publication_consent_required', { number: 12 }, 'en'));
    await user.click(screen.getByTestId('public-open-wizard'));
    expect(await screen.findByTestId('consent-wizard')).toBeInTheDocument();
  });

  it('destroys the record, shows the act and goes back to the list', async () => {
    personBackend(person(), (cmd) =>
      cmd === 'lifecycle_end'
        ? { number: 4, id: 'a4', action: 'destroy', ground: 'request', reference: null, subjects: [12], categories: ['identity'], performedAt: '2025-03-01T10:00:00Z', performedBy: 'u1', performedByName: 'Aigerim', operatorName: 'Kamkor', operatorBin: '180240012345' }
        : undefined,
    );
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <WithApp>
          <PersonPage meta={registerMeta} id="p-12" />
        </WithApp>
      </ToastProvider>,
    );
    await user.click(await screen.findByTestId('person-destroy'));
    await user.selectOptions(screen.getByTestId('end-ground'), 'request');
    await user.type(screen.getByTestId('end-confirm-input'), 'DESTROY');
    await user.click(screen.getByTestId('end-submit'));
    expect(await screen.findByTestId('act-view')).toHaveAttribute('data-number', '4');
    await user.click(screen.getByTestId('act-close'));
    await waitFor(() => expect(window.location.hash).toBe('#/people'));
  });
});

describe('dashboard tiles', () => {
  it('turns amber where a deadline is close and links to retention', async () => {
    const overview: LifecycleOverview = { consents: { active: 10, expiring: 2, expired: 1, withdrawn: 0, withoutBasis: 5 }, due: 0, blocked: 1, held: 1, acts: 2 };
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'lifecycle_overview') return overview;
      if (cmd === 'journal_list') return { total: 0, entries: [] };
      if (cmd === 'journal_verify') return { ok: true, entries: 0, problem: null };
      if (cmd === 'backup_status') return { last: null, reminderDays: 7, retentionDays: 90, reminderRange: [1, 90], retentionRange: [7, 3650], overdue: false, holdingEnded: [], expired: [] };
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    const app: AppContextValue = {
      status: { state: 'unlocked', vault: { path: '/v', name: 'Office', isDemo: false }, user: RESPONSIBLE, recentVaults: [], autoLockMinutes: 5, recoveryKeyPending: false },
      route: { name: 'app' },
      setRoute: () => {},
      refresh: async () => app.status!,
      enterApp: async () => {},
      lock: async () => {},
      openFolder: async () => {},
      startDemo: async () => {},
    };
    render(
      <AppContext.Provider value={app}>
        <ToastProvider>
          <Dashboard />
        </ToastProvider>
      </AppContext.Provider>,
    );
    await waitFor(() => expect(screen.getByTestId('tile-expiring')).toHaveAttribute('data-value', '2'));
    expect(screen.getByTestId('tile-expiring')).toHaveClass('tile--warning');
    expect(screen.getByTestId('tile-due')).not.toHaveClass('tile--warning');
    expect(screen.getByTestId('tile-without-basis')).toHaveAttribute('data-value', '5');
    expect(screen.getByTestId('tile-blocked')).toHaveTextContent('1');
    expect(within(screen.getByTestId('tile-due')).getByRole('link')).toHaveAttribute('href', '#/retention');
  });
});

describe('lifecycle translations', () => {
  const get = (tree: unknown, path: string): unknown =>
    path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), tree);
  const codes = ['blocked', 'on_hold', 'publication_consent_required', 'representative_required', 'consent_not_found', 'act_not_found'];
  const actions = [
    'consent.recorded', 'consent.withdrawn', 'consent.evidence_attached', 'consent.form_printed', 'subject.legal_ground_changed',
    'subject.end_date_changed', 'subject.blocked', 'subject.unblocked', 'subject.hold_placed', 'subject.hold_released',
    'retention.rules_changed', 'subjects.anonymised', 'subjects.destroyed', 'act.printed',
  ];
  for (const [lang, tree] of Object.entries({ en, kk, ru })) {
    it(`${lang}: every new error code, journal action and meta key has a sentence`, () => {
      for (const c of codes) expect(hasCoreText(`error-${c}`, lang as Language), c).toBe(true);
      for (const a of actions) expect(get(tree, `journal.actions.${a}`), a).toEqual(expect.any(String));
      for (const g of meta.legalGrounds) expect(get(tree, `lifecycle.legalGrounds.${g}`), g).toEqual(expect.any(String));
      for (const r of meta.reasonCodes) expect(get(tree, `lifecycle.reasons.${r}`), r).toEqual(expect.any(String));
      for (const b of meta.bases) expect(get(tree, `retention.bases.${b}`), b).toEqual(expect.any(String));
      for (const a of meta.anchors) expect(get(tree, `retention.anchors.${a}`), a).toEqual(expect.any(String));
      for (const g of meta.grounds) expect(get(tree, `lifecycle.grounds.${g}`), g).toEqual(expect.any(String));
      for (const f of meta.forms) expect(get(tree, `consent.forms.${f}`), f).toEqual(expect.any(String));
    });
  }
  it('uses the agreed words for the confirmation', () => {
    expect(kk.lifecycle.end.word).toEqual({ anonymise: 'ИЕСІЗДЕНДІРУ', destroy: 'ЖОЮ' });
    expect(ru.lifecycle.end.word).toEqual({ anonymise: 'ОБЕЗЛИЧИТЬ', destroy: 'УНИЧТОЖИТЬ' });
    expect(en.lifecycle.end.word).toEqual({ anonymise: 'ANONYMISE', destroy: 'DESTROY' });
  });
});

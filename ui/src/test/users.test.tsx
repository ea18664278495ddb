import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LifecycleMeta, Person, RegisterMeta, UserRef, UserSummary } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { errorText } from '../lib/errors';
import { coreText } from '../lib/words';
import { PersonPage } from '../screens/people/PersonPage';
import { DueList } from '../screens/retention/DueList';
import { RulesEditor } from '../screens/retention/RulesEditor';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { RESPONSIBLE, STAFF, WithApp } from './app';

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

const STRONG = 'жаңбыр жауып тұр кеше де бүгін де';
const acceptable = { score: 4, acceptable: true, problems: [], suggestions: [] };

const aigerim: UserSummary = { id: 'u1', name: 'Aigerim', role: 'responsible', mayReveal: true, createdAt: '2025-01-10T08:00:00Z', hasPassword: true, isYou: true };
const dana: UserSummary = { id: 'u2', name: 'Дана', role: 'staff', mayReveal: false, createdAt: '2025-02-03T08:00:00Z', hasPassword: true, isYou: false };

const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

/** A backend for the Users screen: the list, and whatever `over` answers. */
function usersBackend(list: UserSummary[], over: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    if (over[cmd]) return over[cmd]!(args);
    switch (cmd) {
      case 'users_list':
        return list;
      case 'assess_password':
        return acceptable;
      default:
        throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    }
  });
}

function renderAs(user: UserRef, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

const rowOf = (name: string) => screen.getAllByTestId('users-row').find((r) => r.getAttribute('data-name') === name)!;

describe('users screen', () => {
  it('lists the users with their roles, "you" and what a staff member may reveal', async () => {
    usersBackend([aigerim, dana]);
    renderAs(RESPONSIBLE, <UsersScreen />);
    const rows = await screen.findAllByTestId('users-row');
    expect(rows.map((r) => r.getAttribute('data-name'))).toEqual(['Aigerim', 'Дана']);
    expect(within(rows[0]!).getByTestId('users-you')).toHaveTextContent(en.users.you);
    expect(within(rows[1]!).queryByTestId('users-you')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('user-role')).toHaveValue('responsible');
    expect(within(rows[1]!).getByTestId('user-role')).toHaveValue('staff');
    // The responsible person always may; for staff it is a checkbox.
    expect(within(rows[0]!).queryByTestId('user-may-reveal')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByTestId('users-reveal')).toHaveTextContent(en.users.reveal.always);
    expect(within(rows[1]!).getByTestId('user-may-reveal')).not.toBeChecked();
    // Nobody removes themselves or sets their own password here.
    expect(within(rows[0]!).queryByTestId('user-remove')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('user-remove')).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('user-set-password')).toBeInTheDocument();
    expect(screen.getByTestId('users-add')).toBeInTheDocument();
    expect(screen.queryByTestId('users-readonly')).not.toBeInTheDocument();
  });

  it('adds a staff member allowed to reveal, through the dialog, and lists them', async () => {
    let list = [aigerim, dana];
    const erlan: UserSummary = { id: 'u3', name: 'Ерлан', role: 'staff', mayReveal: true, createdAt: '2025-03-01T08:00:00Z', hasPassword: true, isYou: false };
    usersBackend(list, {
      users_list: () => list,
      user_add: () => {
        list = [...list, erlan];
        return erlan;
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await user.click(await screen.findByTestId('users-add'));
    const dialog = screen.getByTestId('user-add-dialog');
    const submit = within(dialog).getByTestId('user-add-submit');
    expect(submit).toBeDisabled();
    expect(screen.getByTestId('user-add-role')).toHaveValue('staff');

    await user.type(screen.getByTestId('user-add-name'), '  Ерлан ');
    await user.click(screen.getByTestId('user-add-may-reveal'));
    await user.type(screen.getByTestId('user-add-password'), STRONG);
    await user.type(screen.getByTestId('user-add-password-confirm'), STRONG);
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    await waitFor(() => expect(screen.queryByTestId('user-add-dialog')).not.toBeInTheDocument());
    expect(calls('user_add')).toEqual([{ name: 'Ерлан', roleCode: 'staff', mayReveal: true, password: STRONG, passwordConfirm: STRONG }]);
    await waitFor(() => expect(screen.getAllByTestId('users-row')).toHaveLength(3));
    expect(screen.getByTestId('toast')).toHaveTextContent('Ерлан was added.');
  });

  it('adds a responsible person without the reveal allowance, and shows a refusal about the name under it', async () => {
    usersBackend([aigerim, dana], {
      user_add: () => {
        throw { code: 'user_exists', message: 'exists', params: {} };
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await user.click(await screen.findByTestId('users-add'));
    await user.type(screen.getByTestId('user-add-name'), 'дана');
    await user.click(screen.getByTestId('user-add-may-reveal'));
    await user.selectOptions(screen.getByTestId('user-add-role'), 'responsible');
    // The allowance is only a staff member's question.
    expect(screen.queryByTestId('user-add-may-reveal')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('user-add-password'), STRONG);
    await user.type(screen.getByTestId('user-add-password-confirm'), STRONG);
    await waitFor(() => expect(screen.getByTestId('user-add-submit')).toBeEnabled());
    await user.click(screen.getByTestId('user-add-submit'));

    expect(await screen.findByTestId('user-add-name-error')).toHaveTextContent(coreText('error-user_exists', {}, 'en'));
    expect(screen.getByTestId('user-add-name')).toHaveAttribute('aria-invalid', 'true');
    expect(calls('user_add')[0]).toMatchObject({ name: 'дана', roleCode: 'responsible', mayReveal: false });
    expect(screen.getByTestId('user-add-dialog')).toBeInTheDocument();
  });

  it('changes a role and the reveal allowance, and shows the core refusal for the last responsible person', async () => {
    usersBackend([aigerim, dana], {
      user_set_role: (args) => {
        if (args.id === 'u1') throw { code: 'last_responsible', message: 'x', params: {} };
        return null;
      },
      user_set_may_reveal: () => null,
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await screen.findAllByTestId('users-row');
    await user.click(within(rowOf('Дана')).getByTestId('user-may-reveal'));
    await waitFor(() => expect(calls('user_set_may_reveal')).toEqual([{ id: 'u2', mayReveal: true }]));
    await user.selectOptions(within(rowOf('Дана')).getByTestId('user-role'), 'responsible');
    await waitFor(() => expect(calls('user_set_role')).toEqual([{ id: 'u2', roleCode: 'responsible' }]));

    await user.selectOptions(within(rowOf('Aigerim')).getByTestId('user-role'), 'staff');
    await waitFor(() =>
      expect(screen.getAllByTestId('toast').some((el) => el.textContent?.includes(coreText('error-last_responsible', {}, 'en')))).toBe(true),
    );
  });

  it('sets a new password for someone who forgot theirs', async () => {
    usersBackend([aigerim, dana], { user_set_password: () => null });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await screen.findAllByTestId('users-row');
    await user.click(within(rowOf('Дана')).getByTestId('user-set-password'));
    const dialog = screen.getByTestId('user-password-dialog');
    expect(dialog).toHaveTextContent('Дана');
    await user.type(screen.getByTestId('user-new-password'), STRONG);
    await user.type(screen.getByTestId('user-new-password-confirm'), STRONG);
    await waitFor(() => expect(screen.getByTestId('user-new-password-submit')).toBeEnabled());
    await user.click(screen.getByTestId('user-new-password-submit'));
    await waitFor(() => expect(calls('user_set_password')).toEqual([{ id: 'u2', password: STRONG, passwordConfirm: STRONG }]));
  });

  it('removes a user only after their name is typed, saying what it means', async () => {
    let list = [aigerim, dana];
    usersBackend(list, {
      users_list: () => list,
      user_remove: () => {
        list = [aigerim];
        return { rekeyed: true };
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await screen.findAllByTestId('users-row');
    await user.click(within(rowOf('Дана')).getByTestId('user-remove'));
    const dialog = screen.getByTestId('user-remove-dialog');
    expect(dialog).toHaveTextContent(en.users.removeLead.replace('{{name}}', 'Дана'));
    expect(dialog).toHaveTextContent(en.users.removeJournal);
    const confirm = screen.getByTestId('user-remove-confirm');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId('user-remove-name'), 'Дан');
    expect(confirm).toBeDisabled();
    await user.type(screen.getByTestId('user-remove-name'), 'а');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(screen.getAllByTestId('users-row')).toHaveLength(1));
    expect(calls('user_remove')).toEqual([{ id: 'u2', rekey: true }]);
  });

  it('shows staff the list read-only: no add, remove, password or role controls', async () => {
    usersBackend([{ ...aigerim, isYou: false }, { ...dana, isYou: true }]);
    renderAs(STAFF, <UsersScreen />);
    const rows = await screen.findAllByTestId('users-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId('users-readonly')).toHaveTextContent(en.onlyResponsible.users);
    expect(screen.queryByTestId('users-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-remove')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-set-password')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-role')).not.toBeInTheDocument();
    expect(screen.queryByTestId('user-may-reveal')).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent(en.roles.staff);
    expect(rows[1]).toHaveTextContent(en.users.reveal.notAllowed);
  });
});

describe('refusals', () => {
  it('names the permission and the role in words, as the core does', () => {
    const text = errorText(i18n.t, { code: 'not_permitted', message: 'x', params: { permission: 'end_life', role: 'responsible' } });
    expect(text).toBe(
      coreText('error-not_permitted', { permission: coreText('permission-end_life', {}, 'en'), role: coreText('role-responsible', {}, 'en') }, 'en'),
    );
    expect(text).not.toContain('end_life');
  });
});

// ---------------------------------------------------------------- what a role cannot do is not offered

const lifecycleMeta: LifecycleMeta = {
  legalGrounds: ['legal_duty'],
  reasonCodes: ['subject_request', 'litigation'],
  bases: ['organisation_policy'],
  anchors: ['collection', 'last_service'],
  grounds: ['retention_ended', 'request'],
  forms: ['paper'],
  purposes: [{ key: 'humanitarian_aid', names: { kk: 'Гуманитарлық көмек', ru: 'Гуманитарная помощь', en: 'Humanitarian aid' }, kinds: ['beneficiary'] }],
};

const registerMeta: RegisterMeta = {
  fields: [
    { key: 'surname', category: 'identity', sensitive: false },
    { key: 'name', category: 'identity', sensitive: false },
    { key: 'iin', category: 'id_number', sensitive: true },
  ],
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [],
  serviceTypes: [],
  ageBands: [],
  allowed: { beneficiary: ['surname', 'name', 'iin'], employee: ['surname', 'name'], volunteer: ['surname', 'name'] },
  programmes: [],
};

function person(lifecycle: Partial<NonNullable<Person['lifecycle']>> = {}): Person {
  return {
    id: 'p-1',
    number: 1,
    kind: 'beneficiary',
    access: 'restricted',
    status: 'active',
    values: {
      surname: { value: 'Ахметова', masked: false, sensitive: false },
      name: { value: 'Гүлнар', masked: false, sensitive: false },
      iin: { value: '90••••••1234', masked: true, sensitive: true },
    },
    services: [],
    createdAt: '2025-01-10T08:00:00Z',
    updatedAt: '2025-01-10T08:00:00Z',
    lifecycle: { consentState: null, publicationConsent: false, legalGround: null, endedOn: null, holdReason: null, blockedReason: null, ...lifecycle },
  };
}

function personBackend(p: Person) {
  invoke.mockImplementation(async (cmd: string) => {
    switch (cmd) {
      case 'subject_get':
        return p;
      case 'lifecycle_meta':
        return lifecycleMeta;
      default:
        throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    }
  });
}

describe('person page by role', () => {
  it('offers the responsible person every action and the reveal button', async () => {
    personBackend(person());
    renderAs(RESPONSIBLE, <PersonPage meta={registerMeta} id="p-1" />);
    await screen.findByTestId('person-page');
    expect(screen.getByTestId('person-destroy')).toBeInTheDocument();
    expect(screen.getByTestId('person-anonymise')).toBeInTheDocument();
    expect(screen.getByTestId('person-hold')).toBeInTheDocument();
    expect(screen.getByTestId('reveal-iin')).toBeInTheDocument();
    expect(screen.queryByTestId('lifecycle-only-responsible')).not.toBeInTheDocument();
  });

  it('shows a staff member no Destroy, Anonymise, hold or reveal, but still lets them block', async () => {
    personBackend(person());
    renderAs(STAFF, <PersonPage meta={registerMeta} id="p-1" />);
    await screen.findByTestId('person-page');
    expect(screen.queryByTestId('person-destroy')).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-anonymise')).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-hold')).not.toBeInTheDocument();
    expect(screen.getByTestId('person-block')).toBeInTheDocument();
    expect(screen.getByTestId('lifecycle-only-responsible')).toHaveTextContent(en.onlyResponsible.lifecycle);
    expect(screen.getByTestId('value-iin')).toHaveAttribute('data-masked', 'true');
    expect(screen.queryByTestId('reveal-iin')).not.toBeInTheDocument();
    expect(screen.getByTestId('masked-note')).toHaveTextContent(en.onlyResponsible.reveal);
  });

  it('does not offer a staff member Unblock or releasing a hold', async () => {
    personBackend(person({ blockedReason: 'subject_request', holdReason: 'litigation' }));
    renderAs(STAFF, <PersonPage meta={registerMeta} id="p-1" />);
    await screen.findByTestId('person-blocked-banner');
    expect(screen.queryByTestId('person-unblock')).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-release-hold')).not.toBeInTheDocument();
  });

  it('lets a staff member the responsible person allowed reveal masked values', async () => {
    personBackend(person());
    renderAs({ ...STAFF, permissions: ['reveal_sensitive'] }, <PersonPage meta={registerMeta} id="p-1" />);
    expect(await screen.findByTestId('reveal-iin')).toBeInTheDocument();
    expect(screen.queryByTestId('person-destroy')).not.toBeInTheDocument();
  });
});

describe('retention and settings by role', () => {
  const rule = { kind: 'beneficiary' as const, purpose: null, mode: 'period' as const, anchor: 'last_service' as const, months: 60, basis: 'organisation_policy' };

  it('shows staff the due list without ticks or end actions', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'retention_due') return { asOf: '2025-03-01', people: [{ id: 'p-1', number: 1, kind: 'beneficiary', fullName: 'Ахметова Гүлнар', dueSince: '2025-01-01', rule, blocked: false }], held: 0 };
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    renderAs(STAFF, <DueList meta={lifecycleMeta} />);
    expect(await screen.findAllByTestId('due-row')).toHaveLength(1);
    expect(screen.queryByTestId('due-destroy')).not.toBeInTheDocument();
    expect(screen.queryByTestId('due-anonymise-all')).not.toBeInTheDocument();
    expect(screen.queryByTestId('due-check-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('due-only-responsible')).toHaveTextContent(en.onlyResponsible.end);
  });

  it('shows staff the retention rules read-only', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'retention_rules_get') return [rule];
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    });
    renderAs(STAFF, <RulesEditor meta={lifecycleMeta} />);
    expect(await screen.findByTestId('rules-readonly')).toHaveTextContent(en.onlyResponsible.rules);
    expect(screen.getByTestId('rule-kind-0')).toBeDisabled();
    expect(screen.queryByTestId('rules-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rules-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rule-remove-0')).not.toBeInTheDocument();
  });

  it('shows staff the settings read-only, but lets them change their own password', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      switch (cmd) {
        case 'org_get':
          return { name: 'Kamkor', bin: '180240012345', address: '', responsibleName: '', responsibleContacts: '' };
        case 'inventory_get':
          return { version: 1, approvedAt: '2025-01-01T00:00:00Z', approvedBy: 'u1', purposes: [{ key: 'humanitarian_aid', names: lifecycleMeta.purposes[0]!.names, fields: { beneficiary: ['surname', 'name'] } }], categories: { surname: 'identity', name: 'identity', iin: 'id_number' } };
        case 'register_meta':
          return registerMeta;
        default:
          throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
      }
    });
    renderAs(STAFF, <SettingsScreen />);
    expect(screen.getByTestId('settings-auto-lock')).toBeDisabled();
    expect(screen.getByTestId('settings-auto-lock-readonly')).toHaveTextContent(en.onlyResponsible.settings);
    expect(await screen.findByTestId('settings-org-name')).toHaveAttribute('readonly');
    expect(screen.queryByTestId('settings-org-save')).not.toBeInTheDocument();
    expect(await screen.findByTestId('settings-inventory-readonly')).toBeInTheDocument();
    expect(screen.getByTestId('inv-humanitarian_aid-beneficiary-surname')).toBeDisabled();
    expect(screen.queryByTestId('inventory-approve')).not.toBeInTheDocument();
    expect(screen.getByTestId('settings-change-password')).toBeEnabled();
  });
});

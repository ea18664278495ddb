import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock, FieldKey, Kind, RecipientRecord, RegisterMeta, Transfer, TransferCheck, TransferNotice } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import { todayIso } from '../lib/obligations';
import { basisText, lackingText, transferableFields, unprotectedAbroad, withCsv } from '../lib/transfers';
import { coreText } from '../lib/words';
import { Ledger } from '../screens/reports/Ledger';
import { NoticesList } from '../screens/transfers/NoticesList';
import { RecipientDialog } from '../screens/transfers/RecipientDialog';
import { TransferWizard } from '../screens/transfers/TransferWizard';
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
  window.location.hash = '#/transfers';
  await act(() => i18n.changeLanguage('en'));
});

type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;
function backend(handlers: Handlers) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    return h(args ?? {});
  });
}
const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

function renderAs(user: typeof RESPONSIBLE, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

const recipient = (over: Partial<RecipientRecord>): RecipientRecord => ({
  id: 'r-1',
  number: 1,
  name: 'Shelter',
  country: 'Kazakhstan',
  abroad: false,
  kind: 'partner',
  protects: null,
  transfers: 0,
  ...over,
});
const RECIPIENTS = [
  recipient({}),
  recipient({ id: 'r-2', number: 2, name: 'Kinderhilfe', country: 'Germany', abroad: true, protects: true, kind: 'donor' }),
  recipient({ id: 'r-3', number: 3, name: 'Open Hands', country: 'Atlantis', abroad: true, protects: false }),
];

const registerMeta: RegisterMeta = {
  fields: (['surname', 'name', 'patronymic', 'iin', 'phone', 'services'] as FieldKey[]).map((key) => ({ key, category: 'identity', sensitive: key === 'iin' })),
  kinds: ['beneficiary', 'employee', 'volunteer'],
  regions: [],
  serviceTypes: [],
  ageBands: [],
  allowed: {
    beneficiary: ['surname', 'name', 'patronymic', 'iin', 'phone', 'services'],
    employee: ['surname', 'name'],
    volunteer: ['surname', 'name', 'phone'],
  } satisfies Record<Kind, FieldKey[]>,
  programmes: [],
};

const clock = (over: Partial<Clock> = {}): Clock => ({ from: '2026-03-12', workingDays: 10, due: '2026-03-26', left: 7, missingYear: null, state: 'running', ...over });

const ledgerEntry = (over: Partial<Transfer> = {}): Transfer => ({
  number: 7,
  id: 't-7',
  at: '2026-03-24T10:00:00Z',
  userName: 'Aigerim',
  kind: 'identifying',
  format: 'csv',
  recipient: 'Shelter',
  purpose: 'Referral',
  parameters: { recipient: 1, fields: ['surname', 'name', 'phone'], people: 2, exception: null },
  outcome: { rows: 2, leftOut: ['iin'] },
  sha256: 'ab'.repeat(32),
  size: 120,
  ...over,
});

describe('words of a transfer', () => {
  const t = i18n.t.bind(i18n);
  it("say each person's basis as the check names it", () => {
    expect(basisText(t, 'consent:12')).toBe('Consent № 12');
    expect(basisText(t, 'art9_10')).toBe('Ground of Art. 9(10)');
    expect(basisText(t, 'art16_3_4')).toBe('Exception of Art. 16(3)(4)');
    expect(lackingText(t, 'no_consent_to_recipient', RECIPIENTS[0]!)).toBe('No consent in force allows transfer to Shelter, and there is no Art. 9 ground');
    expect(lackingText(t, 'no_cross_border_consent', RECIPIENTS[2]!)).toBe('No consent in force allows transfer to Open Hands in Atlantis');
  });

  it('need an exception only abroad without protection', () => {
    expect(RECIPIENTS.map(unprotectedAbroad)).toEqual([false, false, true]);
    expect(unprotectedAbroad({ abroad: true, protects: null })).toBe(true);
  });

  it('offer the inventory’s fields, never services (the file has no column for a list)', () => {
    expect(transferableFields(registerMeta)).toEqual(['surname', 'name', 'patronymic', 'iin', 'phone']);
    expect(withCsv('/home/a/list.xlsx')).toBe('/home/a/list.csv');
    expect(withCsv('/home/a/list')).toBe('/home/a/list.csv');
  });
});

describe('the transfer wizard', () => {
  const CHECK_WITH_LACKING: TransferCheck = {
    people: [
      { number: 3, basis: 'consent:12', lacking: null, notify: true },
      { number: 5, basis: null, lacking: 'no_consent_to_recipient', notify: false },
      { number: 8, basis: 'art9_10', lacking: null, notify: false },
    ],
    lacking: [5],
    fields: ['surname', 'name'],
    leftOut: ['phone'],
  };
  const CHECK_OK: TransferCheck = {
    people: [
      { number: 3, basis: 'consent:12', lacking: null, notify: true },
      { number: 8, basis: 'art9_10', lacking: null, notify: false },
    ],
    lacking: [],
    fields: ['surname', 'name'],
    leftOut: ['phone'],
  };

  function setUp(over: Handlers = {}) {
    backend({
      recipients_list: () => RECIPIENTS,
      register_meta: () => registerMeta,
      transfer_check: (a) => ((a.draft as { people: number[] }).people.includes(5) ? CHECK_WITH_LACKING : CHECK_OK),
      default_save_path: (a) => `/home/a/Documents/${String(a.suggestedName)}`,
      transfer_identifying_save: () => ledgerEntry(),
      ...over,
    });
  }

  /** Recipient № `n`, a purpose, the default fields and phone, people 3, 5, 8: the check step. */
  async function toCheck(user: ReturnType<typeof userEvent.setup>, n = 1) {
    renderAs(RESPONSIBLE, <TransferWizard recipient={null} />);
    await user.click(await screen.findByText(RECIPIENTS[n - 1]!.name));
    await user.type(screen.getByTestId('transfer-purpose'), 'Referral');
    await user.click(screen.getByTestId('transfer-next'));
    await user.click(await screen.findByTestId('transfer-field-phone'));
    await user.click(screen.getByTestId('transfer-next'));
    await user.type(screen.getByTestId('transfer-numbers'), '3, 5, 8');
    await user.click(screen.getByTestId('transfer-numbers-add'));
    expect(screen.getAllByTestId('transfer-listed')).toHaveLength(3);
    await user.click(screen.getByTestId('transfer-next'));
    return screen.findByTestId('transfer-check');
  }

  it('asks for the Art. 16(3) exception only for a recipient abroad whose country does not ensure protection', async () => {
    setUp();
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <TransferWizard recipient={null} />);
    await user.click(await screen.findByText('Shelter'));
    expect(screen.queryByTestId('transfer-exception')).toBeNull();
    await user.click(screen.getByText('Kinderhilfe'));
    expect(screen.queryByTestId('transfer-exception')).toBeNull();
    expect(screen.getByTestId('transfer-abroad-note')).toHaveTextContent('which ensures the protection of personal data');
    await user.click(screen.getByText('Open Hands'));
    const select = screen.getByTestId('transfer-exception');
    expect(within(select).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'art16_3_2', 'art16_3_3', 'art16_3_4']);
    expect(select).toHaveValue('');
    expect(screen.getByTestId('transfer-abroad-note')).toHaveTextContent('does not ensure the protection of personal data');
  });

  it('sends the chosen exception with the draft, and only for such a recipient', async () => {
    setUp();
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <TransferWizard recipient={3} />);
    await user.selectOptions(await screen.findByTestId('transfer-exception'), 'art16_3_4');
    await user.type(screen.getByTestId('transfer-purpose'), 'Protection of a child');
    await user.click(screen.getByTestId('transfer-next'));
    await user.click(await screen.findByTestId('transfer-next'));
    await user.type(screen.getByTestId('transfer-numbers'), '3');
    await user.click(screen.getByTestId('transfer-numbers-add'));
    await user.click(screen.getByTestId('transfer-next'));
    await screen.findByTestId('transfer-check');
    expect(calls('transfer_check')[0]!.draft).toEqual({ recipient: 3, purpose: 'Protection of a child', fields: ['surname', 'name', 'patronymic'], people: [3], exception: 'art16_3_4' });
  });

  it('says nothing is chosen before going on', async () => {
    setUp();
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <TransferWizard recipient={null} />);
    await screen.findByText('Shelter');
    await user.click(screen.getByTestId('transfer-next'));
    expect(screen.getByTestId('transfer-gap')).toHaveTextContent('Choose the recipient.');
    await user.click(screen.getByText('Shelter'));
    await user.click(screen.getByTestId('transfer-next'));
    expect(screen.getByTestId('transfer-gap')).toHaveTextContent(coreText('reason-transfer_purpose_missing'));
  });

  it('shows each person’s basis in green or the reason in red, and the fields left out', async () => {
    setUp();
    const user = userEvent.setup();
    const check = await toCheck(user);
    const rows = within(check).getAllByTestId('check-row');
    // Those without a basis first.
    expect(rows.map((r) => r.getAttribute('data-number'))).toEqual(['5', '3', '8']);
    expect(within(rows[0]!).getByTestId('check-lacking')).toHaveTextContent('No consent in force allows transfer to Shelter, and there is no Art. 9 ground');
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '#/people/5');
    expect(within(rows[1]!).getByTestId('check-basis')).toHaveTextContent('Consent № 12');
    expect(within(rows[1]!).getByTestId('check-notify')).toHaveTextContent('To be told of the transfer within 10 working days (Art. 19)');
    expect(within(rows[2]!).getByTestId('check-basis')).toHaveTextContent('Ground of Art. 9(10)');
    expect(within(rows[2]!).queryByTestId('check-notify')).toBeNull();
    expect(screen.getByTestId('transfer-fields')).toHaveTextContent('Surname, Name');
    expect(screen.getByTestId('transfer-left-out')).toHaveTextContent('Phone');
    expect(screen.getByTestId('transfer-lacking')).toHaveTextContent('1 of 3 people has no basis for this transfer, so the file cannot be saved.');
    // The draft as the core reads it: the fields in form order.
    expect(calls('transfer_check')[0]!.draft).toEqual({ recipient: 1, purpose: 'Referral', fields: ['surname', 'name', 'patronymic', 'phone'], people: [3, 5, 8], exception: null });
  });

  it('keeps saving disabled while anyone lacks a basis, with a sentence saying why; taking them off lets it save', async () => {
    setUp();
    const user = userEvent.setup();
    await toCheck(user);
    const save = screen.getByTestId('transfer-save-button');
    expect(save).toBeDisabled();
    expect(screen.getByTestId('transfer-save-why')).toHaveTextContent('It cannot be saved while 1 person on the list has no basis.');
    expect(save).toHaveAccessibleDescription('It cannot be saved while 1 person on the list has no basis.');
    expect(screen.getByTestId('transfer-warning')).toHaveTextContent('never by a messenger or a personal e-mail');

    await user.click(screen.getByTestId('transfer-remove-lacking'));
    await screen.findByTestId('transfer-all-covered');
    expect(calls('transfer_check').at(-1)!.draft).toMatchObject({ people: [3, 8] });
    expect(screen.queryByTestId('transfer-save-why')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('transfer-path')).toHaveValue(`/home/a/Documents/derbes-transfer-${todayIso()}.csv`));
    expect(screen.getByTestId('transfer-save-button')).toBeEnabled();
    expect(screen.getByTestId('transfer-notify-count')).toHaveTextContent('1 person is to be told of this transfer within 10 working days (Art. 19).');

    await user.click(screen.getByTestId('transfer-save-button'));
    const done = await screen.findByTestId('transfer-done');
    expect(calls('transfer_identifying_save')[0]).toEqual({
      draft: { recipient: 1, purpose: 'Referral', fields: ['surname', 'name', 'patronymic', 'phone'], people: [3, 8], exception: null },
      path: `/home/a/Documents/derbes-transfer-${todayIso()}.csv`,
      ifExists: 'refuse',
    });
    expect(done).toHaveTextContent('Transfer № 7 is recorded');
    expect(screen.getByTestId('transfer-done-warning')).toHaveTextContent('This file holds personal data in clear');
    expect(screen.getByTestId('transfer-done-people')).toHaveTextContent('2 people');
    expect(screen.getByTestId('transfer-done-notify')).toHaveTextContent('1 person asked to be told of each transfer');
  });

  it('takes one person off the list from the check', async () => {
    setUp();
    const user = userEvent.setup();
    await toCheck(user);
    const row = screen.getAllByTestId('check-row').find((r) => r.getAttribute('data-number') === '8')!;
    await user.click(within(row).getByTestId('check-remove'));
    await waitFor(() => expect(calls('transfer_check').at(-1)!.draft).toMatchObject({ people: [3, 5] }));
  });

  it('shows the core’s refusal naming the people when the basis went missing meanwhile, and checks again', async () => {
    setUp({
      transfer_check: () => CHECK_OK,
      transfer_identifying_save: () => {
        throw { code: 'invalid_input', message: 'English', params: { field: 'people', reason: 'transfer_basis_missing', people: '№ 8' } };
      },
    });
    const user = userEvent.setup();
    await toCheck(user);
    await waitFor(() => expect(screen.getByTestId('transfer-save-button')).toBeEnabled());
    const before = calls('transfer_check').length;
    await user.click(screen.getByTestId('transfer-save-button'));
    const error = await screen.findByTestId('transfer-save-error');
    expect(error).toHaveTextContent(coreText('reason-transfer_basis_missing', { people: '№ 8' }));
    expect(error).toHaveTextContent('№ 8');
    await waitFor(() => expect(calls('transfer_check').length).toBe(before + 1));
    expect(screen.queryByTestId('transfer-done')).toBeNull();
  });

  it('is not offered to a role that may not export rows', async () => {
    setUp();
    renderAs(STAFF, <TransferWizard recipient={null} />);
    expect(await screen.findByTestId('only-responsible')).toHaveTextContent('Only a user allowed to export data row by row');
    expect(screen.queryByTestId('transfer-next')).toBeNull();
  });
});

describe('a recipient', () => {
  it('at home is sent without a protection answer; abroad the core asks for one', async () => {
    const added: unknown[] = [];
    backend({
      recipient_add: (a) => {
        added.push(a.draft);
        const d = a.draft as { abroad: boolean; protects: boolean | null };
        if (d.abroad && d.protects === null) {
          throw { code: 'invalid_input', message: 'English', params: { field: 'protects', reason: 'recipient_protection_unknown' } };
        }
        return recipient({ name: 'Open Hands' });
      },
    });
    const user = userEvent.setup();
    const onAdded = vi.fn();
    renderAs(RESPONSIBLE, <RecipientDialog onClose={() => {}} onAdded={onAdded} />);
    await user.type(screen.getByTestId('recipient-name'), 'Open Hands');
    expect(screen.getByTestId('recipient-country')).toHaveValue('Kazakhstan');
    expect(screen.queryByTestId('recipient-protects')).toBeNull();
    await user.click(screen.getByTestId('recipient-abroad-choice'));
    expect(screen.getByTestId('recipient-country')).toHaveValue('');
    await user.type(screen.getByTestId('recipient-country'), 'Atlantis');
    await user.click(screen.getByTestId('recipient-save'));
    expect(await screen.findByTestId('recipient-protects-error')).toHaveTextContent(coreText('reason-recipient_protection_unknown'));
    await user.click(screen.getByTestId('recipient-protects-no'));
    await user.click(screen.getByTestId('recipient-save'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(added.at(-1)).toEqual({ name: 'Open Hands', country: 'Atlantis', abroad: true, kind: 'donor', protects: false });
  });
});

describe('the notices owed (Art. 19)', () => {
  const NOTICES: TransferNotice[] = [
    { transfer: 3, recipient: 'Shelter', number: 214, clock: clock({ due: '2026-03-20', left: -2, state: 'overdue' }) },
    { transfer: 4, recipient: 'Grant operator', number: 37, clock: clock() },
    { transfer: 4, recipient: 'Grant operator', number: 58, clock: clock({ due: null, left: null, missingYear: 2027, state: 'unknown' }) },
  ];

  it('show each clock in words, overdue in red', async () => {
    backend({ transfer_notices: () => NOTICES });
    renderAs(RESPONSIBLE, <NoticesList />);
    const rows = await screen.findAllByTestId('notice-row');
    const clocks = rows.map((r) => within(r).getByTestId('notice-clock'));
    expect(clocks[0]).toHaveTextContent('Overdue by 2 working days · was due 20.03.2026');
    expect(clocks[0]).toHaveAttribute('data-tone', 'danger');
    expect(clocks[1]).toHaveTextContent('Due 26.03.2026 · 7 working days left');
    expect(clocks[1]).toHaveAttribute('data-tone', 'calm');
    expect(clocks[2]).toHaveTextContent('The calendar has no data for 2027 — add it in Settings → Calendar');
    expect(rows[0]).toHaveTextContent('Transfer № 3');
    expect(rows[0]).toHaveTextContent('Shelter');
    expect(within(rows[0]!).getByRole('link', { name: '№ 214' })).toHaveAttribute('href', '#/people/214');
  });

  it('record the day the person was told, then ask for the list again', async () => {
    const told: Record<string, unknown>[] = [];
    backend({
      transfer_notices: () => (told.length ? NOTICES.slice(1) : NOTICES),
      transfer_notified: (a) => {
        told.push(a);
        return null;
      },
    });
    const user = userEvent.setup();
    const onChanged = vi.fn();
    renderAs(RESPONSIBLE, <NoticesList onChanged={onChanged} />);
    const row = (await screen.findAllByTestId('notice-row'))[0]!;
    const day = within(row).getByTestId('notice-told-on');
    await user.clear(day);
    await user.type(day, '25.03.2026');
    await user.click(within(row).getByTestId('notice-told'));
    await waitFor(() => expect(told).toEqual([{ transfer: 3, number: 214, on: '2026-03-25' }]));
    await waitFor(() => expect(screen.getAllByTestId('notice-row')).toHaveLength(2));
    expect(onChanged).toHaveBeenCalled();
  });

  it('say when no one is waiting', async () => {
    backend({ transfer_notices: () => [] });
    renderAs(RESPONSIBLE, <NoticesList />);
    expect(await screen.findByTestId('notices-empty')).toHaveTextContent('No one is waiting to be told');
  });
});

describe('the ledger', () => {
  it('marks a transfer that identifies people, with the people and data it carried', async () => {
    backend({
      transfers_list: () => [
        ledgerEntry(),
        ledgerEntry({ number: 6, kind: 'report', format: 'pdf', parameters: {}, outcome: {} }),
      ],
    });
    renderAs(RESPONSIBLE, <Ledger version={0} active />);
    const row = await screen.findByTestId('ledger-row-7');
    expect(row).toHaveAttribute('data-kind', 'identifying');
    expect(row).toHaveClass('ledger-row--identifying');
    expect(row).toHaveTextContent('With personal data');
    expect(within(row).getByTestId('ledger-identifying')).toHaveTextContent('2 people · Surname, Name, Phone');
    const report = screen.getByTestId('ledger-row-6');
    expect(report).not.toHaveClass('ledger-row--identifying');
    expect(within(report).queryByTestId('ledger-identifying')).toBeNull();
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Breach, Clock, ClockTile, JournalEntry, SpecialDay, StoredYear, SubjectRequest, UserRef } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { breachDescription, clockText, isoFromTyped, stoppedText, tileTone } from '../lib/obligations';
import { coreText } from '../lib/words';
import { parseNumbers } from '../screens/breaches/BreachForm';
import { BreachPage } from '../screens/breaches/BreachPage';
import { ClockTiles } from '../screens/dashboard/ClockTiles';
import { detailsText } from '../screens/journal/JournalScreen';
import { RequestForm } from '../screens/requests/RequestForm';
import { RequestPage } from '../screens/requests/RequestPage';
import { CalendarSettings } from '../screens/settings/CalendarSettings';
import { DeadlineSettings } from '../screens/settings/DeadlineSettings';
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
  window.location.hash = '#/';
  await act(() => i18n.changeLanguage('en'));
});

type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;
/** A backend answering `handlers`; anything else is a failure the test did not expect. */
function backend(handlers: Handlers) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    return h(args ?? {});
  });
}
const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);
const refusal = (field: string, reason: string, params: Record<string, unknown> = {}) => ({
  code: 'invalid_input',
  message: 'English text the UI must not show as is',
  params: { field, reason, ...params },
});

function renderAs(user: UserRef, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

const clock = (over: Partial<Clock> = {}): Clock => ({ from: '2026-03-24', workingDays: 1, due: '2026-03-26', left: 1, missingYear: null, state: 'running', ...over });

const request = (over: Partial<SubjectRequest> = {}): SubjectRequest => ({
  id: 'r-1',
  number: 4,
  subjectId: 'p-12',
  subjectNumber: 12,
  subjectPresent: true,
  kind: 'correction',
  receivedOn: '2026-03-24',
  channel: 'in_person',
  representative: null,
  identityCheck: 'id_document',
  note: 'The address changed',
  termDays: 1,
  termSource: 'art_25_2_8',
  clock: clock(),
  takenBy: 'Aigerim',
  answerNumber: null,
  closure: null,
  ...over,
});

const breach = (over: Partial<Breach> = {}): Breach => ({
  id: 'b-1',
  number: 2,
  detectedAt: '2026-03-24T16:40',
  kind: 'wrong_recipient',
  description: 'A list sent to another organisation',
  categories: ['identity', 'contact'],
  wholeRegister: false,
  affected: 3,
  people: [4, 7, 11],
  containment: null,
  subjectsTold: 'not_yet',
  status: 'open',
  proposedBy: null,
  notifiedOn: null,
  noticeNumber: null,
  clock: clock({ from: '2026-03-24', due: '2026-03-25', left: -1, state: 'overdue' }),
  recordedBy: 'Aigerim',
  closedOn: null,
  dismissReason: null,
  ...over,
});

const person = (id: string, number: number, surname: string, name: string) => ({
  id,
  number,
  kind: 'beneficiary',
  access: 'restricted',
  status: 'active',
  values: { surname: { value: surname, masked: false, sensitive: false }, name: { value: name, masked: false, sensitive: false } },
  services: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('clock texts', () => {
  const t = i18n.t.bind(i18n);
  it('say the due day and the working days left, or by how many the clock is overdue', () => {
    expect(clockText(t, clock())).toEqual({ tone: 'warning', text: 'Due 26.03.2026 · 1 working day left' });
    expect(clockText(t, clock({ left: 4 }))).toEqual({ tone: 'calm', text: 'Due 26.03.2026 · 4 working days left' });
    expect(clockText(t, clock({ left: 0, state: 'due_today' }))).toEqual({ tone: 'warning', text: 'Due today, 26.03.2026' });
    expect(clockText(t, clock({ left: -2, state: 'overdue' }))).toEqual({ tone: 'danger', text: 'Overdue by 2 working days · was due 26.03.2026' });
    // Overdue on a weekend after the due day: no working day has passed yet, still overdue.
    expect(clockText(t, clock({ left: 0, state: 'overdue' })).text).toBe('Overdue · was due 26.03.2026');
  });

  it('never guess a date when a year has no calendar data', () => {
    const unknown = clockText(t, clock({ due: null, left: null, missingYear: 2028, state: 'unknown' }));
    expect(unknown.text).toBe('The calendar has no data for 2028 — add it in Settings → Calendar');
    expect(unknown.text).not.toMatch(/\d\d\.\d\d\.\d{4}/);
  });

  it('say whether a stopped clock was in time', () => {
    expect(stoppedText(t, clock({ left: 1 })).text).toBe('In time · was due 26.03.2026');
    expect(stoppedText(t, clock({ left: -3, state: 'overdue' }))).toEqual({ tone: 'danger', text: 'Late by 3 working days · was due 26.03.2026' });
  });

  it('take the plural forms of Russian and Kazakh', async () => {
    await act(() => i18n.changeLanguage('ru'));
    expect(clockText(t, clock({ left: 2 })).text).toBe('Срок: 26.03.2026 · осталось 2 рабочих дня');
    expect(clockText(t, clock({ left: -5, state: 'overdue' })).text).toBe('Просрочено на 5 рабочих дней · срок был 26.03.2026');
    expect(clockText(t, clock({ left: 1 })).text).toBe('Срок: 26.03.2026 · остался 1 рабочий день');
    await act(() => i18n.changeLanguage('kk'));
    expect(clockText(t, clock({ left: 2 })).text).toBe('Мерзімі: 26.03.2026 · 2 жұмыс күні қалды');
    expect(clockText(t, clock({ missingYear: 2028, state: 'unknown', due: null, left: null })).text).toContain('Баптаулар → Күнтізбе');
  });

  it('read dates as dd.mm.yyyy, as every date in Derbes is shown', () => {
    expect(isoFromTyped('26.03.2026')).toBe('2026-03-26');
    expect(isoFromTyped('5.3.2026')).toBe('2026-03-05');
    expect(isoFromTyped('2026-03-26')).toBe('2026-03-26');
    expect(isoFromTyped('31.02.2026')).toBeNull();
    expect(isoFromTyped('26/3')).toBeNull();
  });
});

describe("the dashboard's clocks", () => {
  // The core's order: overdue first, then those with something running, then the quiet ones.
  const TILES: ClockTile[] = [
    { key: 'breaches', count: 1, overdue: 1, nextDue: null, missingYear: null },
    { key: 'without_basis', count: 5, overdue: 5, nextDue: null, missingYear: null },
    { key: 'requests', count: 2, overdue: 0, nextDue: '2026-03-26', missingYear: null },
    { key: 'expiring_consents', count: 3, overdue: 0, nextDue: null, missingYear: null },
    { key: 'backup', count: 4, overdue: 0, nextDue: null, missingYear: null },
    { key: 'retention_due', count: 0, overdue: 0, nextDue: null, missingYear: null },
  ];
  const requests = [request({ number: 1, kind: 'access', clock: clock({ due: '2026-03-26', left: 1 }) }), request({ number: 2, clock: clock({ due: '2026-03-30', left: 3 }) })];

  it('keeps the core order, red for overdue, amber for close, calm for quiet, and each tile opens its list', async () => {
    backend({ clocks: () => ({ tiles: TILES, proposedNow: 0 }), requests_list: () => requests, breaches_list: () => [breach()] });
    renderAs(RESPONSIBLE, <ClockTiles />);
    await screen.findByTestId('clock-tiles');
    const tiles = screen.getAllByRole('link').filter((a) => a.getAttribute('data-testid')?.startsWith('clock-tile-'));
    expect(tiles.map((a) => a.getAttribute('data-testid'))).toEqual([
      'clock-tile-breaches',
      'clock-tile-without_basis',
      'clock-tile-requests',
      'clock-tile-expiring_consents',
      'clock-tile-backup',
      'clock-tile-retention_due',
    ]);
    const tone = (key: string) => screen.getByTestId(`clock-tile-${key}`).getAttribute('data-tone');
    expect([tone('breaches'), tone('without_basis'), tone('requests'), tone('expiring_consents'), tone('backup'), tone('retention_due')]).toEqual([
      'danger',
      'danger',
      'warning',
      'warning',
      'calm',
      'calm',
    ]);
    expect(screen.getByTestId('clock-tile-breaches')).toHaveClass('clock-tile--danger');
    expect(screen.getByTestId('clock-tile-breaches')).toHaveAttribute('href', '#/breaches');
    expect(screen.getByTestId('clock-tile-requests')).toHaveAttribute('href', '#/requests');
    expect(screen.getByTestId('clock-tile-retention_due')).toHaveAttribute('href', '#/retention');
    expect(screen.getByTestId('clock-tile-backup')).toHaveAttribute('href', '#/backups');

    // The nearest due day and the working days left to it, from that request's clock.
    expect(within(screen.getByTestId('clock-tile-requests')).getByTestId('clock-tile-next')).toHaveTextContent('Due 26.03.2026 · 1 working day left');
    expect(screen.getByTestId('clock-tile-requests')).toHaveTextContent('open requests from people');
    expect(within(screen.getByTestId('clock-tile-breaches')).getByTestId('clock-tile-overdue')).toHaveTextContent('1 overdue');
    expect(screen.getByTestId('clock-tile-breaches')).toHaveTextContent('breach awaiting notice to the authorised body');
    expect(screen.getByTestId('clock-tile-backup')).toHaveTextContent('days since the last backup');
    expect(within(screen.getByTestId('clock-tile-retention_due')).getByTestId('clock-tile-quiet')).toHaveTextContent(en.dashboard.clocks.nothing);
    // No proposal, no banner.
    expect(screen.queryByTestId('breach-proposed-banner')).not.toBeInTheDocument();
  });

  it('says a year the calendar lacks instead of a date, and shows no backup as a dash', async () => {
    backend({
      clocks: () => ({
        tiles: [
          { key: 'requests', count: 1, overdue: 0, nextDue: null, missingYear: 2028 },
          { key: 'backup', count: null, overdue: 1, nextDue: null, missingYear: null },
        ],
        proposedNow: 0,
      }),
      requests_list: () => [],
      breaches_list: () => [],
    });
    renderAs(RESPONSIBLE, <ClockTiles />);
    const tile = await screen.findByTestId('clock-tile-requests');
    expect(tile).toHaveAttribute('data-tone', 'warning');
    expect(within(tile).getByTestId('clock-tile-missing')).toHaveTextContent('The calendar has no data for 2028 — add it in Settings → Calendar');
    const backup = screen.getByTestId('clock-tile-backup');
    expect(backup).toHaveAttribute('data-tone', 'danger');
    expect(backup).toHaveTextContent('—');
    expect(backup).toHaveTextContent(en.dashboard.clocks.labels.backupNone);
  });

  it('shows a banner when Derbes proposed a breach, now or earlier, linking to Breaches', async () => {
    backend({
      clocks: () => ({ tiles: TILES, proposedNow: 0 }),
      requests_list: () => [],
      breaches_list: () => [breach({ status: 'proposed', kind: 'unlock_attempts', proposedBy: 'failed_unlocks', description: '{"seq":9,"count":12}' })],
    });
    renderAs(RESPONSIBLE, <ClockTiles />);
    const banner = await screen.findByTestId('breach-proposed-banner');
    expect(banner).toHaveTextContent('Derbes may have seen a breach — check it');
    expect(within(banner).getByRole('link')).toHaveAttribute('href', '#/breaches');
  });

  it('shows a kind of clock it does not know as a plain deadline, and the Art. 19 notices in words', async () => {
    backend({
      clocks: () => ({
        tiles: [
          { key: 'transfer_notices', count: 2, overdue: 0, nextDue: '2026-03-30', missingYear: null },
          { key: 'something_new', count: 3, overdue: 1, nextDue: null, missingYear: null },
        ],
        proposedNow: 0,
      }),
      requests_list: () => [],
      breaches_list: () => [],
      // Asked for only because the tile counts some: their clocks say how close the nearest is.
      transfer_notices: () => [
        { transfer: 3, recipient: 'Shelter', number: 12, clock: clock({ workingDays: 10, due: '2026-03-30', left: 4 }) },
        { transfer: 3, recipient: 'Shelter', number: 15, clock: clock({ workingDays: 10, due: '2026-04-02', left: 7 }) },
      ],
    });
    renderAs(RESPONSIBLE, <ClockTiles />);
    const notices = await screen.findByTestId('clock-tile-transfer_notices');
    expect(notices).toHaveTextContent('people to be told of a transfer of their data (Art. 19)');
    expect(notices).toHaveTextContent('Due 30.03.2026 · 4 working days left');
    expect(notices).toHaveAttribute('data-tone', 'warning');
    expect(notices).toHaveAttribute('href', '#/transfers/notices');
    const unknown = screen.getByTestId('clock-tile-something_new');
    expect(unknown).toHaveTextContent('3deadlines');
    expect(unknown).toHaveAttribute('data-tone', 'danger');
    expect(unknown).toHaveAttribute('href', '#/dashboard');
  });

  it('turns amber only where a deadline is close', () => {
    expect(tileTone({ key: 'requests', count: 2, overdue: 0, nextDue: '2026-03-30', missingYear: null }, 3)).toBe('calm');
    expect(tileTone({ key: 'requests', count: 2, overdue: 0, nextDue: '2026-03-30', missingYear: null }, 1)).toBe('warning');
    expect(tileTone({ key: 'breaches', count: 1, overdue: 0, nextDue: '2026-03-30', missingYear: null })).toBe('warning');
    expect(tileTone({ key: 'requests', count: 0, overdue: 0, nextDue: null, missingYear: null })).toBe('calm');
  });
});

describe('registering a request', () => {
  const nurlan = person('p-12', 12, 'Ахметов', 'Нұрлан');

  it('finds the person by number, sends the date as the core reads it, and shows a refusal under its field', async () => {
    backend({
      clock_settings: () => ({
        answerDays: 5,
        unlockThreshold: 10,
        requestTerms: [
          { kind: 'access', workingDays: 5, source: 'own_target' },
          { kind: 'correction', workingDays: 1, source: 'art_25_2_8' },
        ],
      }),
      subject_get: (a) => (a.id === '12' ? nurlan : Promise.reject({ code: 'subject_not_found', message: '', params: {} })),
      subject_list: () => ({ total: 0, rows: [] }),
      request_add: () => {
        throw refusal('representative', 'request_text_required');
      },
    });
    const user = userEvent.setup();
    renderAs(STAFF, <RequestForm personId={null} />);
    await user.type(screen.getByTestId('request-person-search'), '№ 12');
    await user.click(await screen.findByTestId('request-person-number'));
    expect(await screen.findByTestId('request-person-chosen')).toHaveTextContent('Ахметов Нұрлан');

    // The term is the core's (request_terms): an access request's is the organisation's own target.
    await waitFor(() => expect(screen.getByTestId('request-kind-term')).toHaveTextContent("Term: the organisation's own target, 5 working days"));
    await user.selectOptions(screen.getByTestId('request-kind'), 'correction');
    expect(screen.getByTestId('request-kind-term')).toHaveTextContent('Art. 25(2)(8): 1 working day');

    // A date typed wrong is said at once, and nothing is sent.
    await user.clear(screen.getByTestId('request-received'));
    await user.type(screen.getByTestId('request-received'), '31.02.2026');
    expect(screen.getByTestId('request-received-format')).toHaveTextContent(coreText('problem-date_format'));
    expect(screen.getByTestId('request-submit')).toBeDisabled();
    await user.clear(screen.getByTestId('request-received'));
    await user.type(screen.getByTestId('request-received'), '24.03.2026');

    // A representative must name themselves: the core says so, under the field.
    await user.click(screen.getByTestId('request-identity-representative_authority'));
    await user.click(screen.getByTestId('request-submit'));
    const error = await screen.findByTestId('request-representative-error');
    expect(error).toHaveTextContent(coreText('reason-request_text_required'));
    expect(error).not.toHaveTextContent('English text');
    expect(screen.getByTestId('request-representative')).toHaveAttribute('aria-invalid', 'true');
    expect(calls('request_add')[0]!.draft).toEqual({
      subject: 'p-12',
      kind: 'correction',
      receivedOn: '2026-03-24',
      channel: 'in_person',
      identityCheck: 'representative_authority',
      representative: '',
      note: null,
    });
  });

  it('opens the request it registered', async () => {
    backend({
      clock_settings: () => ({ answerDays: 3, unlockThreshold: 10 }),
      subject_get: () => nurlan,
      request_add: () => request({ number: 7, kind: 'access', clock: clock({ due: '2026-03-27', left: 3 }) }),
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <RequestForm personId="p-12" />);
    expect(await screen.findByTestId('request-person-chosen')).toHaveAttribute('data-number', '12');
    await user.click(screen.getByTestId('request-submit'));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/7'));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Request № 7 registered: due 27.03.2026.');
  });
});

describe('a request page', () => {
  const nurlan = person('p-12', 12, 'Ахметов', 'Нұрлан');

  it('says what closes it; a close without evidence shows the core sentence; a refusal keeps its reasons', async () => {
    let current = request();
    backend({
      requests_list: () => [current],
      subject_get: () => nurlan,
      request_close: (a) => {
        const closing = a.closing as { outcome: string; reason?: string };
        if (closing.outcome === 'done') throw refusal('request', 'request_evidence_missing', { kind: 'correction' });
        current = request({ closure: { closedOn: '2026-03-25', outcome: 'refused', evidence: null, refusalReason: closing.reason!, closedBy: 'Aigerim' } });
        return current;
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <RequestPage number={4} />);
    await screen.findByTestId('request-page');
    expect(screen.getByTestId('request-page-clock')).toHaveTextContent('Due 26.03.2026 · 1 working day left');
    expect(screen.getByTestId('request-term')).toHaveTextContent('Art. 25(2)(8): 1 working day; received 24.03.2026.');
    await waitFor(() => expect(screen.getByTestId('request-person-link')).toHaveTextContent('Ахметов Нұрлан · № 12'));
    expect(screen.getByTestId('request-todo-link')).toHaveAttribute('href', '#/people/p-12/edit');
    // Only an access request is answered with a document.
    expect(screen.queryByTestId('request-answer-prepare')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('request-close-done'));
    const error = await screen.findByTestId('request-close-error');
    expect(error).toHaveTextContent(coreText('reason-request_evidence_missing', { kind: 'correction' }));
    expect(error).toHaveTextContent('No correction of this person');

    await user.click(screen.getByTestId('request-refuse'));
    await user.type(screen.getByTestId('request-refuse-reason'), 'The identity could not be confirmed.');
    await user.click(screen.getByTestId('request-refuse-submit'));
    const closure = await screen.findByTestId('request-closure');
    expect(closure).toHaveAttribute('data-outcome', 'refused');
    expect(screen.getByTestId('request-refusal')).toHaveTextContent('Reasons: The identity could not be confirmed.');
    expect(calls('request_close')[1]).toEqual({ number: 4, closing: { outcome: 'refused', reason: 'The identity could not be confirmed.' } });
  });

  it('shows the evidence Derbes found for a request closed as done', async () => {
    backend({
      requests_list: () => [
        request({ closure: { closedOn: '2026-03-25', outcome: 'done', evidence: { journal: 57, action: 'subject.updated' }, refusalReason: null, closedBy: 'Aigerim' } }),
        request({ number: 5, kind: 'destruction', subjectPresent: false, closure: { closedOn: '2026-03-25', outcome: 'done', evidence: { act: 3 }, refusalReason: null, closedBy: 'Aigerim' } }),
      ],
      subject_get: () => nurlan,
    });
    const { unmount } = renderAs(RESPONSIBLE, <RequestPage number={4} />);
    expect(await screen.findByTestId('request-evidence')).toHaveTextContent('Evidence Derbes found: journal entry № 57 — Record changed.');
    expect(screen.getByTestId('request-page-clock')).toHaveTextContent('In time · was due 26.03.2026');
    unmount();
    renderAs(RESPONSIBLE, <RequestPage number={5} />);
    expect(await screen.findByTestId('request-evidence')).toHaveTextContent('act № 3');
    expect(screen.getByTestId('request-page')).toHaveTextContent('№ 12 (no longer in the register)');
  });

  it('prepares the answer to an access request in Kazakh or Russian and saves it as PDF', async () => {
    let current = request({ kind: 'access', termSource: 'own_target', termDays: 3 });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 595 842"><text>Жауап</text></svg>';
    backend({
      requests_list: () => [current],
      subject_get: () => nurlan,
      request_answer_preview: () => [svg, svg],
      default_save_path: (a) => `/home/a/Documents/${String(a.suggestedName)}`,
      request_answer_save: (a) => {
        current = { ...current, answerNumber: 1 };
        return { number: 1, request: 4, sha256: 'ab'.repeat(32), pages: 2, lang: a.lang };
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <RequestPage number={4} />);
    await user.click(await screen.findByTestId('request-answer-prepare'));
    await waitFor(() => expect(screen.getAllByTestId('answer-preview-page')).toHaveLength(2));
    expect(calls('request_answer_preview')[0]).toEqual({ number: 4, lang: 'kk' });
    await user.click(screen.getByTestId('answer-preview-lang-ru'));
    await waitFor(() => expect(calls('request_answer_preview')).toHaveLength(2));
    expect(calls('request_answer_preview')[1]).toEqual({ number: 4, lang: 'ru' });
    await user.click(screen.getByTestId('answer-preview-save'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/a/Documents/Ответ-на-обращение-№4.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    await waitFor(() => expect(calls('request_answer_save')).toHaveLength(1));
    expect(calls('request_answer_save')[0]).toMatchObject({ number: 4, lang: 'ru', path: '/home/a/Documents/Ответ-на-обращение-№4.pdf', ifExists: 'refuse' });
    expect(await screen.findByTestId('request-answer-number')).toHaveTextContent('answer № 1');
  });

  it('does not offer the answer to staff who may not reveal sensitive data', async () => {
    backend({ requests_list: () => [request({ kind: 'access', termSource: 'own_target', termDays: 3 })], subject_get: () => nurlan });
    renderAs(STAFF, <RequestPage number={4} />);
    await screen.findByTestId('request-actions');
    expect(screen.queryByTestId('request-answer-prepare')).not.toBeInTheDocument();
    expect(screen.getByTestId('request-actions')).toHaveTextContent(en.requests.answer.onlyRevealers);
  });
});

describe('breaches', () => {
  it("say Derbes's own proposals as sentences in each language, never as JSON", async () => {
    const t = i18n.t.bind(i18n);
    const unlocks = { kind: 'unlock_attempts' as const, proposedBy: 'failed_unlocks', description: '{"seq":118,"count":12}' };
    const journal = { kind: 'journal_broken' as const, proposedBy: 'journal_chain', description: '{"seq":57}' };
    expect(breachDescription(t, unlocks)).toBe('Derbes saw 12 wrong passwords in a row.');
    expect(breachDescription(t, journal)).toBe("The journal's chain no longer verifies at entry № 57: an entry was changed, removed or cut off.");
    expect(breachDescription(t, { ...unlocks, description: 'not json' })).toBe('Derbes saw many wrong passwords in a row.');
    // A person's own words are shown as they are.
    expect(breachDescription(t, { kind: 'other', proposedBy: null, description: '{"looks":"like json"}' })).toBe('{"looks":"like json"}');
    await act(() => i18n.changeLanguage('ru'));
    expect(breachDescription(t, unlocks)).toBe('Derbes заметил 12 неверных паролей подряд.');
    await act(() => i18n.changeLanguage('kk'));
    expect(breachDescription(t, unlocks)).toBe('Derbes қатарынан 12 қате құпиясөз енгізілгенін байқады.');
  });

  it('read record numbers typed with commas or spaces', () => {
    expect(parseNumbers('12, 15 40')).toEqual([12, 15, 40]);
    expect(parseNumbers('№12;№7')).toEqual([12, 7]);
    expect(parseNumbers('12, Ахметов')).toBeNull();
  });

  it('a proposal is confirmed or dismissed with a reason', async () => {
    let current = breach({ number: 3, status: 'proposed', kind: 'unlock_attempts', proposedBy: 'failed_unlocks', description: '{"seq":118,"count":12}', categories: [], wholeRegister: true, affected: 120, people: [] });
    backend({
      breaches_list: () => [current],
      breach_dismiss: (a) => {
        if (!String(a.reason).trim()) throw refusal('reason', 'breach_text_required');
        current = { ...current, status: 'dismissed', dismissReason: String(a.reason), closedOn: '2026-03-25' };
        return current;
      },
    });
    const user = userEvent.setup();
    renderAs(STAFF, <BreachPage number={3} />);
    expect(await screen.findByTestId('breach-proposal-text')).toHaveTextContent('Derbes saw 12 wrong passwords in a row.');
    expect(screen.getByTestId('breach-description')).not.toHaveTextContent('{');
    expect(screen.getByTestId('breach-affected')).toHaveTextContent('Everyone in the register (120 people)');
    await user.click(screen.getByTestId('breach-dismiss'));
    await user.click(screen.getByTestId('breach-dismiss-dialog-submit'));
    expect(await screen.findByTestId('breach-dismiss-dialog-error')).toHaveTextContent(coreText('reason-breach_text_required'));
    await user.type(screen.getByTestId('breach-dismiss-dialog-reason'), 'The director forgot her password.');
    await user.click(screen.getByTestId('breach-dismiss-dialog-submit'));
    expect(await screen.findByTestId('breach-dismiss-reason')).toHaveTextContent('The director forgot her password.');
    expect(screen.getByTestId('breach-status')).toHaveAttribute('data-status', 'dismissed');
    expect(screen.queryByTestId('breach-notice-prepare')).not.toBeInTheDocument();
  });

  it('a breach awaiting its notice shows its red clock; recording the day sent stops it, then it can be closed', async () => {
    let current = breach();
    backend({
      breaches_list: () => [current],
      breach_notified: (a) => {
        current = { ...current, notifiedOn: String(a.on), clock: clock({ due: '2026-03-25', left: -1, state: 'overdue' }) };
        return current;
      },
      breach_close: () => {
        current = { ...current, status: 'closed', closedOn: '2026-03-27' };
        return current;
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <BreachPage number={2} />);
    const red = await screen.findByTestId('breach-page-clock');
    expect(red).toHaveAttribute('data-tone', 'danger');
    expect(red).toHaveTextContent('Overdue by 1 working day · was due 25.03.2026');
    expect(screen.getByTestId('breach-affected')).toHaveTextContent('3 people');
    expect(screen.getByTestId('breach-affected')).toHaveTextContent('№ 4, № 7, № 11');
    expect(screen.queryByTestId('breach-close')).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('breach-sent-on'));
    await user.type(screen.getByTestId('breach-sent-on'), '26.03.2026');
    await user.click(screen.getByTestId('breach-notified-submit'));
    expect(await screen.findByTestId('breach-notified')).toHaveTextContent('Notified on 26.03.2026');
    expect(calls('breach_notified')[0]).toEqual({ number: 2, on: '2026-03-26' });
    expect(screen.getByTestId('breach-page-clock')).toHaveTextContent('Late by 1 working day · was due 25.03.2026');
    await user.click(screen.getByTestId('breach-close'));
    await waitFor(() => expect(screen.getByTestId('breach-status')).toHaveAttribute('data-status', 'closed'));
  });
});

describe('the calendar in Settings', () => {
  const YEARS: StoredYear[] = [
    { year: 2025, kurbanAit: '2025-06-06', kurbanAitEstimated: false, daysOff: [{ date: '2025-01-03', note: 'G24G0000436' }], workingDays: [{ date: '2025-01-05', note: 'G24G0000436' }], edited: false },
    { year: 2026, kurbanAit: '2026-05-27', kurbanAitEstimated: false, daysOff: [], workingDays: [{ date: '2026-08-31', note: 'constitution_2026' }], edited: true },
  ];
  const SPECIAL_2026: SpecialDay[] = [
    { date: '2026-01-01', kind: 'holiday', holiday: 'new_year', moved: false },
    { date: '2026-03-23', kind: 'holiday', holiday: 'nauryz', moved: false },
    { date: '2026-03-24', kind: 'holiday', holiday: 'nauryz', moved: true },
    { date: '2026-08-31', kind: 'working', transferred: true },
  ];

  it('lists the years, marks those changed here, translates notes and names the holidays', async () => {
    backend({ calendar_years: () => YEARS, calendar_special_days: () => SPECIAL_2026 });
    renderAs(RESPONSIBLE, <CalendarSettings />);
    expect(await screen.findByTestId('calendar-year-2026')).toHaveTextContent('2026changed here');
    expect(screen.getByTestId('calendar-year-2026')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('calendar-year-2025')).not.toHaveTextContent('changed here');
    const editor = screen.getByTestId('calendar-editor');
    expect(editor).toHaveAttribute('data-year', '2026');
    expect(screen.getByTestId('calendar-kurban')).toHaveValue('27.05.2026');
    // A shipped note is a code: shown in words, never as the code.
    expect(screen.getByTestId('calendar-working-days-note')).toHaveValue(coreText('calendar-note-constitution_2026'));
    expect(editor).not.toHaveTextContent('constitution_2026');

    const special = await screen.findAllByTestId('calendar-special-day');
    expect(special.map((r) => r.getAttribute('data-date'))).toEqual(['2026-01-01', '2026-03-23', '2026-03-24', '2026-08-31']);
    expect(special[1]).toHaveTextContent('23.03.2026 Monday');
    expect(special[1]).toHaveTextContent('Nauryz');
    expect(special[2]).toHaveTextContent('Nauryz: day off moved from the weekend');
    expect(special[3]).toHaveTextContent('Working day (transferred)');
    expect(special[3]).toHaveTextContent('The 2026 Constitution');
    expect(screen.getByTestId('calendar-reset')).toBeInTheDocument();
  });

  it('saves a year as the core reads it: ISO dates, notes kept as codes unless retyped', async () => {
    backend({ calendar_years: () => YEARS, calendar_special_days: () => SPECIAL_2026, calendar_set_year: () => null });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <CalendarSettings />);
    await screen.findByTestId('calendar-editor');
    expect(screen.getByTestId('calendar-save')).toBeDisabled();
    await user.clear(screen.getByTestId('calendar-kurban'));
    await user.type(screen.getByTestId('calendar-kurban'), '28.05.2026');
    await user.click(screen.getByTestId('calendar-days-off-add'));
    await user.type(screen.getByTestId('calendar-days-off-date'), '32.12.2026');
    expect(screen.getByTestId('calendar-save')).toBeDisabled();
    await user.clear(screen.getByTestId('calendar-days-off-date'));
    await user.type(screen.getByTestId('calendar-days-off-date'), '31.12.2026');
    await user.type(screen.getByTestId('calendar-days-off-note'), 'Постановление № 900');
    await user.click(screen.getByTestId('calendar-save'));
    await waitFor(() => expect(calls('calendar_set_year')).toHaveLength(1));
    expect(calls('calendar_set_year')[0]!.year).toEqual({
      year: 2026,
      kurbanAit: '2026-05-28',
      kurbanAitEstimated: false,
      daysOff: [{ date: '2026-12-31', note: 'Постановление № 900' }],
      workingDays: [{ date: '2026-08-31', note: 'constitution_2026' }],
    });
  });

  it('adds a year the calendar lacks', async () => {
    backend({ calendar_years: () => YEARS, calendar_special_days: () => SPECIAL_2026, calendar_set_year: () => null });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <CalendarSettings />);
    await user.click(await screen.findByTestId('calendar-add-year'));
    await user.type(screen.getByTestId('calendar-new-year'), '2028');
    await user.click(screen.getByTestId('calendar-new-year-add'));
    expect(screen.getByTestId('calendar-editor')).toHaveAttribute('data-year', '2028');
    expect(screen.getByTestId('calendar-estimated')).toBeChecked();
    await user.type(screen.getByTestId('calendar-kurban'), '05.05.2028');
    await user.click(screen.getByTestId('calendar-save'));
    await waitFor(() => expect(calls('calendar_set_year')).toHaveLength(1));
    expect(calls('calendar_set_year')[0]!.year).toMatchObject({ year: 2028, kurbanAit: '2028-05-05', kurbanAitEstimated: true, daysOff: [], workingDays: [] });
  });

  it('is read-only for staff', async () => {
    backend({ calendar_years: () => YEARS, calendar_special_days: () => SPECIAL_2026 });
    renderAs(STAFF, <CalendarSettings />);
    await screen.findByTestId('calendar-editor');
    expect(screen.getByTestId('settings-calendar-readonly')).toHaveTextContent(en.onlyResponsible.calendar);
    expect(screen.getByTestId('calendar-kurban')).toHaveAttribute('readonly');
    expect(screen.queryByTestId('calendar-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('calendar-add-year')).not.toBeInTheDocument();
    expect(screen.queryByTestId('calendar-days-off-add')).not.toBeInTheDocument();
  });

  it('deadlines: saved as numbers by the responsible person, read-only for staff', async () => {
    backend({ clock_settings: () => ({ answerDays: 3, unlockThreshold: 10 }), clock_settings_set: () => null });
    const user = userEvent.setup();
    const { unmount } = renderAs(RESPONSIBLE, <DeadlineSettings />);
    await waitFor(() => expect(screen.getByTestId('settings-deadlines-answer')).toHaveValue(3));
    await user.clear(screen.getByTestId('settings-deadlines-answer'));
    await user.type(screen.getByTestId('settings-deadlines-answer'), '5');
    await user.click(screen.getByTestId('settings-deadlines-save'));
    await waitFor(() => expect(calls('clock_settings_set')).toEqual([{ answerDays: 5, unlockThreshold: 10 }]));
    unmount();
    renderAs(STAFF, <DeadlineSettings />);
    await waitFor(() => expect(screen.getByTestId('settings-deadlines-answer')).toHaveValue(3));
    expect(screen.getByTestId('settings-deadlines-answer')).toHaveAttribute('readonly');
    expect(screen.queryByTestId('settings-deadlines-save')).not.toBeInTheDocument();
  });
});

describe('the journal', () => {
  const t = i18n.t.bind(i18n);
  const entry = (action: string, details: Record<string, unknown>): JournalEntry => ({ seq: 1, at: '2026-03-24T10:00:00Z', userId: 'u1', userName: 'Aigerim', action, object: 'x', details });
  const exists = (key: string) => i18n.exists(key);

  it('names the new actions and says their details in words, numbers and codes only', () => {
    for (const action of ['calendar.changed', 'request.registered', 'request.answered', 'request.closed', 'breach.recorded', 'breach.updated', 'breach.notice_produced']) {
      expect(exists(`journal.actions.${action}`), action).toBe(true);
    }
    expect(detailsText(t, entry('calendar.changed', { year: 2027, daysOff: 1, workingDays: 2 }), exists)).toBe('2027 · 1 day off · 2 working days');
    expect(detailsText(t, entry('calendar.changed', { year: 2027, reset: true }), exists)).toBe("2027: back to Derbes's data");
    expect(detailsText(t, entry('request.registered', { request: 3, kind: 'access', number: 12, term: 3 }), exists)).toBe(
      'request № 3 · Access: what data is held · term 3 working days',
    );
    expect(detailsText(t, entry('request.answered', { request: 3, answer: 1, lang: 'kk', number: 12, sha256: 'ab' }), exists)).toBe('request № 3 · answer № 1 · in Kazakh');
    expect(detailsText(t, entry('request.closed', { request: 4, kind: 'correction', outcome: 'refused', number: 12 }), exists)).toBe(
      'request № 4 · Correction of the data · Refused',
    );
    expect(detailsText(t, entry('breach.recorded', { breach: 3, kind: 'unlock_attempts', affected: 120, proposedBy: 'failed_unlocks' }), exists)).toBe(
      'breach № 3 · Many wrong passwords in a row · 120 people · proposed by Derbes',
    );
    expect(detailsText(t, entry('breach.updated', { breach: 2, what: 'follow_up', subjectsTold: 'yes' }), exists)).toBe('breach № 2 · follow-up · Yes, they were told');
    expect(detailsText(t, entry('breach.notice_produced', { breach: 2, notice: 1, lang: 'ru', sha256: 'ab' }), exists)).toBe('breach № 2 · notice № 1 · in Russian');
    expect(detailsText(t, entry('settings.changed', { key: 'request_answer_days', value: '5' }), exists)).toBe('Own target for access answers (working days): 5');
  });
});

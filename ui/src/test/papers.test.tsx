import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Confidant, Organisation, PackSummary, PaperPreview, PaperRow, Person, Produced, UserRef } from '../api';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { formatDate } from '../lib/format';
import { coreText } from '../lib/words';
import { createPapers } from '../dev/preview-papers';
import { DocumentsScreen } from '../screens/documents/DocumentsScreen';
import { actionText, detailsText } from '../screens/journal/JournalScreen';
import { SeesDataToggle } from '../screens/people/SeesDataToggle';
import { OrganisationSettings } from '../screens/settings/OrganisationSettings';
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
  window.location.hash = '#/documents';
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

function renderAs(user: UserRef, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

const produced = (over: Partial<Produced> & Pick<Produced, 'paper' | 'number'>): Produced => ({
  lang: 'kk',
  producedAt: '2026-11-25T09:30:00Z',
  sha256: 'ab'.repeat(32),
  pages: 0,
  ...over,
});

const aigerim: Confidant = { id: 'u1', name: 'Айгерім Сейітқызы', source: 'user', role: 'responsible', number: null };
const nurlan: Confidant = { id: '0190-person-7', name: 'Ахметов Нұрлан', source: 'register', role: 'volunteer', number: 7 };

const ROWS: PaperRow[] = [
  { paper: 'policy', person: null, last: produced({ paper: 'policy', number: 2 }), outdated: [], status: 'current', nextNumber: 3 },
  { paper: 'inventory', person: null, last: produced({ paper: 'inventory', number: 1, lang: 'ru' }), outdated: ['inventory_changed', 'responsible_changed'], status: 'outdated', nextNumber: 2 },
  { paper: 'order', person: null, last: null, outdated: [], status: 'never', nextNumber: 1 },
  { paper: 'retention', person: null, last: produced({ paper: 'retention', number: 4 }), outdated: ['details_changed'], status: 'outdated', nextNumber: 5 },
  { paper: 'undertaking', person: aigerim, last: produced({ paper: 'undertaking', number: 5 }), outdated: [], status: 'current', nextNumber: 6 },
  { paper: 'undertaking', person: nurlan, last: null, outdated: [], status: 'never', nextNumber: 6 },
];

const PAGE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 595 842"><text x="10" y="20">Саясат</text></svg>';
const PREVIEW: PaperPreview = { number: 3, pages: [PAGE, PAGE] };

const row = (paper: string, person?: string) =>
  screen.getAllByTestId('paper-row').find((r) => r.getAttribute('data-paper') === paper && (person === undefined || r.getAttribute('data-person') === person))!;

describe('the Documents screen', () => {
  it("shows each paper's state: never made, up to date with its № and date, out of date and why", async () => {
    backend({ papers_list: () => ROWS });
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await screen.findAllByTestId('paper-row');

    const policy = row('policy');
    expect(policy).toHaveAttribute('data-status', 'current');
    expect(within(policy).getByTestId('paper-status')).toHaveTextContent(en.documents.state.current);
    expect(within(policy).getByTestId('paper-made')).toHaveTextContent(`№ 2 of ${formatDate(new Date('2026-11-25T09:30:00Z'))} · in Kazakh`);

    const inventory = row('inventory');
    expect(within(inventory).getByTestId('paper-status')).toHaveTextContent(en.documents.state.outdated);
    expect(within(inventory).getByTestId('paper-made')).toHaveTextContent('in Russian');
    expect(within(inventory).getByTestId('paper-why')).toHaveTextContent('Since it was made: the data inventory changed; the responsible person changed.');
    expect(within(row('retention')).getByTestId('paper-why')).toHaveTextContent('its details changed');

    const order = row('order');
    expect(within(order).getByTestId('paper-status')).toHaveTextContent(en.documents.state.never);
    expect(within(order).queryByTestId('paper-made')).not.toBeInTheDocument();

    // One undertaking per person who sees the data, with why and how to add someone.
    const undertakings = screen.getByTestId('papers-undertakings');
    expect(undertakings).toHaveTextContent('Art. 11(2)');
    expect(undertakings).toHaveTextContent(en.documents.undertakings.howToAdd);
    expect(within(row('undertaking', 'u1')).getByText('Айгерім Сейітқызы')).toBeInTheDocument();
    expect(row('undertaking', 'u1')).toHaveTextContent('User of the vault · Responsible person');
    expect(row('undertaking', nurlan.id)).toHaveTextContent('Volunteer · № 7');
    expect(within(row('undertaking', nurlan.id)).getByRole('link', { name: 'Ахметов Нұрлан' })).toHaveAttribute('href', `#/people/${nurlan.id}`);

    // The responsible person may save; the documents are in Kazakh unless chosen otherwise.
    expect(screen.getByTestId('paper-save-policy')).toBeInTheDocument();
    expect(screen.getByTestId('papers-lang-kk')).toBeChecked();
    expect(screen.queryByTestId('documents-readonly')).not.toBeInTheDocument();
  });

  it('lets staff look and preview, but offers them no Save and no pack', async () => {
    backend({ papers_list: () => ROWS });
    renderAs(STAFF, <DocumentsScreen />);
    await screen.findAllByTestId('paper-row');
    expect(screen.getByTestId('documents-readonly')).toHaveTextContent(en.onlyResponsible.documents);
    expect(screen.queryByTestId('paper-save-policy')).not.toBeInTheDocument();
    expect(screen.getByTestId('paper-preview-policy')).toBeInTheDocument();
    expect(screen.queryByTestId('pack-make')).not.toBeInTheDocument();
    expect(screen.getByTestId('pack-readonly')).toBeInTheDocument();
  });

  it('opens a preview with its pages as images and the number it will get; Save there writes that paper', async () => {
    let list = ROWS;
    backend({
      papers_list: () => list,
      paper_preview: () => PREVIEW,
      default_save_path: (a) => `/home/aigerim/Documents/${String(a.suggestedName)}`,
      paper_save: (a) => {
        list = ROWS.map((r) => (r.paper === 'policy' ? { ...r, last: produced({ paper: 'policy', number: 3 }) } : r));
        return produced({ paper: 'policy', number: 3, pages: 2, producedAt: new Date().toISOString(), lang: (a.request as { lang: 'kk' }).lang });
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await user.click(await screen.findByTestId('paper-preview-policy'));

    const dialog = await screen.findByTestId('paper-preview');
    const pages = await within(dialog).findAllByTestId('paper-preview-page');
    expect(pages).toHaveLength(2);
    // Shown as images, never inline: nothing in an SVG can run.
    expect(pages[0]!.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(pages[0]!.getAttribute('src')!.split(',')[1]!), (c) => c.charCodeAt(0)));
    expect(decoded).toBe(PAGE);
    expect(pages[1]).toHaveAttribute('alt', 'Page 2 of 2');
    expect(within(dialog).getByTestId('paper-preview-number')).toHaveTextContent('Saved now, it gets № 3');
    expect(calls('paper_preview')).toEqual([{ request: { paper: 'policy', lang: 'kk' } }]);

    await user.click(within(dialog).getByTestId('paper-preview-save'));
    const save = await screen.findByTestId('save-dialog');
    // The number the preview said is in the file name and the facts; the language was chosen before.
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Documents/Саясат-№3.pdf'));
    expect(save).toHaveTextContent('Personal data policy № 3');
    expect(within(save).queryByTestId('save-lang-kk')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('save-confirm'));

    await waitFor(() => expect(screen.queryByTestId('save-dialog')).not.toBeInTheDocument());
    expect(calls('paper_save')).toEqual([{ request: { paper: 'policy', lang: 'kk' }, path: '/home/aigerim/Documents/Саясат-№3.pdf', ifExists: 'refuse' }]);
    expect(screen.queryByTestId('paper-preview')).not.toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent('Saved Personal data policy № 3: /home/aigerim/Documents/Саясат-№3.pdf');
    // The list is asked again and says the new number.
    await waitFor(() => expect(within(row('policy')).getByTestId('paper-made')).toHaveTextContent('№ 3 of'));
  });

  it('makes documents in the language chosen on the screen, not the app\'s; an undertaking names its person', async () => {
    backend({
      papers_list: () => ROWS,
      paper_preview: () => PREVIEW,
      default_save_path: (a) => `/home/aigerim/Documents/${String(a.suggestedName)}`,
      paper_save: () => produced({ paper: 'undertaking', number: 6, lang: 'ru' }),
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await user.click(await screen.findByTestId('papers-lang-ru'));
    await user.click(screen.getByTestId(`paper-save-undertaking-${nurlan.id}`));
    await screen.findByTestId('save-dialog');
    // Undertakings share one count across people: only a preview says the number.
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Documents/Обязательство-№6-Ахметов-Нұрлан.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    await waitFor(() => expect(calls('paper_save')).toHaveLength(1));
    expect(calls('paper_save')[0]).toEqual({
      request: { paper: 'undertaking', lang: 'ru', person: nurlan.id },
      path: '/home/aigerim/Documents/Обязательство-№6-Ахметов-Нұрлан.pdf',
      ifExists: 'refuse',
    });

    // The preview follows the same choice, and changing it there lays the paper out again.
    await user.click(screen.getByTestId('paper-preview-order'));
    await screen.findAllByTestId('paper-preview-page');
    await user.click(screen.getByTestId('preview-lang-kk'));
    await waitFor(() => expect(calls('paper_preview')).toHaveLength(2));
    expect(calls('paper_preview')).toEqual([{ request: { paper: 'order', lang: 'ru' } }, { request: { paper: 'order', lang: 'kk' } }]);
  });

  it('asks before replacing a file that is already there', async () => {
    backend({
      papers_list: () => ROWS,
      default_save_path: (a) => `/home/aigerim/Documents/${String(a.suggestedName)}`,
      paper_save: (a) => {
        if (a.ifExists !== 'replace') throw { code: 'file_exists', message: 'exists', params: {} };
        return produced({ paper: 'order', number: 1 });
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await user.click(await screen.findByTestId('paper-save-order'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Documents/Бұйрық-№1.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    expect(await screen.findByTestId('save-error')).toHaveTextContent(coreText('error-file_exists', {}, 'en'));
    await user.click(screen.getByTestId('save-replace'));
    await waitFor(() => expect(calls('paper_save').map((c) => c.ifExists)).toEqual(['refuse', 'replace']));
  });
});

describe('the compliance pack', () => {
  const SUMMARY: PackSummary = {
    number: 2,
    producedAt: '2026-12-07T10:00:00Z',
    entries: [
      { file: '1-policy.pdf', what: 'policy', article: '25(2)(1-1)', state: 'current', number: 2 },
      { file: '2-inventory.pdf', what: 'inventory', article: '25(2)(1)', state: 'new', number: 2 },
      { file: '3-order.pdf', what: 'order', article: '25(2)(10), 25(3)', state: 'new', number: 1 },
      { file: 'tables/journal.csv', what: 'journal', article: '22(1)(5)', state: '57', number: null },
    ],
    missing: ['org_bin_missing', 'head_missing', 'no_acts', 'requests_overdue_missing', 'breach_notice_missing'],
    journalOk: false,
    sha256: 'cd'.repeat(32),
    size: 3 * 1024 * 1024,
  };

  it('saves a ZIP where the person chose, then says how many files and, as sentences, what is missing', async () => {
    backend({
      papers_list: () => ROWS,
      pack_file_name: () => 'Жәрдем-қоғамдық-бірлестігі-2026-12-07.zip',
      default_save_path: (a) => `/home/aigerim/Documents/${String(a.suggestedName)}`,
      pack_save: () => SUMMARY,
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await screen.findAllByTestId('paper-row');
    const card = screen.getByTestId('pack-card');
    // Scans are left out unless asked for; the pack's language is its own choice.
    expect(within(card).getByTestId('pack-scans')).not.toBeChecked();
    expect(within(card).getByTestId('pack-lang-kk')).toBeChecked();
    await user.click(within(card).getByTestId('pack-lang-ru'));
    await user.click(within(card).getByTestId('pack-scans'));
    await user.click(within(card).getByTestId('pack-make'));

    await screen.findByTestId('save-dialog');
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Documents/Жәрдем-қоғамдық-бірлестігі-2026-12-07.zip'));
    expect(calls('default_save_path')).toEqual([{ suggestedName: 'Жәрдем-қоғамдық-бірлестігі-2026-12-07.zip' }]);
    expect(screen.getByTestId('save-dialog')).toHaveTextContent(en.documents.pack.saveHint);
    await user.click(screen.getByTestId('save-confirm'));

    const result = await screen.findByTestId('pack-result');
    expect(calls('pack_save')).toEqual([{ lang: 'ru', path: '/home/aigerim/Documents/Жәрдем-қоғамдық-бірлестігі-2026-12-07.zip', ifExists: 'refuse', scans: true }]);
    expect(within(result).getByTestId('pack-result-title')).toHaveTextContent('Compliance pack № 2 is saved');
    // The entries and the index.
    expect(within(result).getByTestId('pack-result-files')).toHaveTextContent('5 files · 3.0 MB');
    expect(within(result).getByTestId('pack-new-papers')).toHaveTextContent('2 documents in it were made anew');
    const missing = within(result).getAllByTestId('pack-missing-item');
    expect(missing.map((m) => m.textContent)).toEqual(SUMMARY.missing.map((key) => coreText(`pack-missing-${key}`, {}, 'en')));
    expect(missing[1]).toHaveTextContent('The head of the organisation is not set.');
    expect(within(result).getByTestId('pack-open-settings')).toHaveAttribute('href', '#/settings');
    expect(within(result).getByTestId('pack-journal-broken')).toHaveTextContent(en.documents.pack.journalBroken);
    // Papers made for the pack are in the list now.
    expect(calls('papers_list').length).toBeGreaterThanOrEqual(2);
  });

  it('says what is missing in the language of the app', async () => {
    backend({
      papers_list: () => ROWS,
      pack_file_name: () => 'pack.zip',
      default_save_path: () => '/home/a/pack.zip',
      pack_save: () => ({ ...SUMMARY, journalOk: true }),
    });
    await act(() => i18n.changeLanguage('kk'));
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <DocumentsScreen />);
    await user.click(await screen.findByTestId('pack-make'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/a/pack.zip'));
    await user.click(screen.getByTestId('save-confirm'));
    const result = await screen.findByTestId('pack-result');
    expect(within(result).getAllByTestId('pack-missing-item')[0]).toHaveTextContent('Ұйымның БСН-і көрсетілмеген.');
    expect(within(result).queryByTestId('pack-journal-broken')).not.toBeInTheDocument();
  });
});

describe("a person's page: sees personal data at work", () => {
  const person = (over: Partial<Person>): Person => ({
    id: '0190-person-7',
    number: 7,
    kind: 'volunteer',
    access: 'restricted',
    status: 'active',
    values: {},
    services: [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    seesData: false,
    ...over,
  });

  it('is a switch for an employee or volunteer that calls person_sees_data', async () => {
    backend({ person_sees_data: () => null });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <SeesDataToggle person={person({})} onChanged={onChanged} />);
    const toggle = screen.getByTestId('person-sees-data');
    expect(toggle).not.toBeChecked();
    expect(screen.getByText(en.personPage.seesData.label)).toBeInTheDocument();
    await user.click(toggle);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(true));
    expect(calls('person_sees_data')).toEqual([{ id: '0190-person-7', yes: true }]);
    expect(screen.getByTestId('toast')).toHaveTextContent(en.personPage.seesData.on);
  });

  it('turns off, and shows a refusal as a sentence', async () => {
    backend({ person_sees_data: () => null });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    const { unmount } = renderAs(RESPONSIBLE, <SeesDataToggle person={person({ kind: 'employee', seesData: true })} onChanged={onChanged} />);
    await user.click(screen.getByTestId('person-sees-data'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(false));
    expect(calls('person_sees_data')).toEqual([{ id: '0190-person-7', yes: false }]);
    unmount();

    backend({ person_sees_data: () => Promise.reject({ code: 'invalid_input', message: 'no', params: { field: 'sees_data', reason: 'sees_data_beneficiary' } }) });
    renderAs(RESPONSIBLE, <SeesDataToggle person={person({})} onChanged={() => {}} />);
    await user.click(screen.getByTestId('person-sees-data'));
    expect(await screen.findByRole('alert')).toHaveTextContent(coreText('reason-sees_data_beneficiary', {}, 'en'));
  });

  it('is not offered for a beneficiary, nor to a user who may not change settings', () => {
    const { unmount } = renderAs(RESPONSIBLE, <SeesDataToggle person={person({ kind: 'beneficiary' })} onChanged={() => {}} />);
    expect(screen.queryByTestId('person-sees-data')).not.toBeInTheDocument();
    unmount();
    renderAs(STAFF, <SeesDataToggle person={person({})} onChanged={() => {}} />);
    expect(screen.queryByTestId('person-sees-data')).not.toBeInTheDocument();
  });
});

describe('the head of the organisation in Settings', () => {
  it('is two more fields of the organisation, sent with it', async () => {
    const org: Organisation = { name: 'Жәрдем', bin: '', address: '', responsibleName: 'Айгерім', responsibleContacts: '', headName: '', headPosition: '' };
    backend({ org_get: () => org, org_set: (a) => a.org });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <OrganisationSettings />);
    const head = await screen.findByLabelText(en.settings.org.fields.headName);
    expect(screen.getByText(en.settings.org.hints.headName)).toBeInTheDocument();
    await user.type(head, 'Ержан Тоқтаров');
    await user.type(screen.getByLabelText(en.settings.org.fields.headPosition), 'Төраға');
    await user.click(screen.getByTestId('settings-org-save'));
    await waitFor(() => expect(calls('org_set')).toHaveLength(1));
    expect(calls('org_set')[0]!.org).toEqual({ ...org, headName: 'Ержан Тоқтаров', headPosition: 'Төраға' });
  });

  it('puts a refusal about the head under its field', async () => {
    const org: Organisation = { name: 'Жәрдем', bin: '', address: '', responsibleName: '', responsibleContacts: '', headName: 'x', headPosition: '' };
    backend({ org_get: () => org, org_set: () => Promise.reject({ code: 'invalid_input', message: 'bad', params: { field: 'head_name', reason: 'text_control' } }) });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <OrganisationSettings />);
    await user.type(await screen.findByLabelText(en.settings.org.fields.headName), 'y');
    await user.click(screen.getByTestId('settings-org-save'));
    expect(await screen.findByTestId('settings-org-error')).toHaveTextContent(en.settings.org.errors.headName);
  });
});

describe('the journal', () => {
  it('names the new actions and says what they were about', () => {
    const t = i18n.getFixedT('en');
    const exists = (key: string) => i18n.exists(key);
    expect(actionText(t, 'subject.sees_data_changed', exists)).toBe(en.journal.actions.subject.sees_data_changed);
    expect(actionText(t, 'paper.produced', exists)).toBe(en.journal.actions.paper.produced);
    expect(actionText(t, 'paper.previewed', exists)).toBe(en.journal.actions.paper.previewed);
    expect(actionText(t, 'pack.produced', exists)).toBe(en.journal.actions.pack.produced);
    const entry = (action: string, details: Record<string, unknown>) => ({ seq: 1, at: '2026-12-07T10:00:00Z', userId: 'u1', userName: 'A', action, object: null, details });
    expect(detailsText(t, entry('paper.produced', { paper: 'policy', number: 3, lang: 'kk' }), exists)).toBe('Personal data policy · № 3 · in Kazakh');
    expect(detailsText(t, entry('pack.produced', { number: 2, files: 14, lang: 'ru' }), exists)).toBe('№ 2 · 14 files · in Russian');
    expect(detailsText(t, entry('subject.sees_data_changed', { number: 7, sees_data: true }), exists)).toBe(en.journal.details.seesData.on);
  });
});

describe('the design preview of the papers', () => {
  it('answers every state, a one-page SVG, and a pack, as the screen expects', () => {
    const journal = vi.fn();
    const inventory = { version: 2 };
    const register = {
      organisation: () => ({ name: '«Қамқор» қоры', bin: '', address: 'Алматы', responsibleName: 'Айгерім', responsibleContacts: '+7', headName: '', headPosition: '' }),
      inventory: () => inventory,
      seeingData: () => [{ id: 'p7', number: 7, kind: 'volunteer' as const, name: 'Ахметов Нұрлан' }],
    };
    const { handlers } = createPapers(
      {
        fail: (code, message, params) => {
          throw { code, message, params };
        },
        journal,
        users: () => [{ id: 'u1', name: 'Айгерім', role: 'responsible' }],
        register: () => register as never,
        acts: () => [],
        journalOk: () => true,
      },
      { seed: true },
    );
    const rows = handlers.papers_list!({}) as PaperRow[];
    expect(rows.map((r) => `${r.paper}:${r.status}`)).toEqual(['policy:current', 'inventory:outdated', 'order:never', 'retention:outdated', 'undertaking:current', 'undertaking:never']);
    const preview = handlers.paper_preview!({ request: { paper: 'order', lang: 'kk' } }) as PaperPreview;
    expect(preview.number).toBe(1);
    expect(preview.pages[0]).toMatch(/^<svg/);
    const pack = handlers.pack_save!({ lang: 'kk', path: '/tmp/p.zip', ifExists: 'refuse', scans: false }) as PackSummary;
    expect(pack.missing).toEqual(['org_bin_missing', 'head_missing', 'no_acts', 'requests_overdue_missing', 'breach_notice_missing']);
    expect((handlers.papers_list!({}) as PaperRow[]).every((r) => r.status === 'current')).toBe(true);
  });
});

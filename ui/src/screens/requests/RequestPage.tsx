import { CircleCheck, FileText, MessageSquareX, UserRound } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './requests.css';
import { api, toApiError, type ApiError, type DocumentLanguage, type SubjectRequest } from '../../api';
import { useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveDialog } from '../../components/SaveDialog';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { answerFileName, evidenceText, requestKindLabel, requestsPath, termText } from '../../lib/obligations';
import { displayDate, fullName } from '../../lib/register';
import { peoplePath } from '../../lib/route';
import { SaveFacts } from '../documents/SaveFacts';
import { ClockLine } from '../obligations/ClockLine';
import { PagesPreviewDialog } from '../obligations/PagesPreviewDialog';
import { BackLink } from '../people/PersonForm';

/** What to do before a request of each kind can be closed as done, and where. */
const TODO_LINK: Record<string, 'edit' | 'person'> = {
  correction: 'edit',
  blocking: 'person',
  unblocking: 'person',
  destruction: 'person',
  withdrawal: 'person',
  publication_refusal: 'person',
};

/**
 * One request: who asked what and when, its clock, and what closes it. An access request is
 * answered with a document Derbes writes from the vault (previewed in Kazakh or Russian, saved as
 * PDF); any request closes as done only with evidence the core finds itself (the change in the
 * journal, the act, the answer), or is refused with reasons.
 */
export function RequestPage({ number }: { number: number }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<SubjectRequest | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(request === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .requestsList()
      .then((list) => {
        const r = list.find((x) => x.number === number);
        if (!r) setError({ code: 'invalid_input', message: '', params: { field: 'request', reason: 'request_not_found', number } });
        else setRequest(r);
      })
      .catch((e) => setError(toApiError(e)));
  }, [number]);
  useEffect(load, [load]);

  // The person's name, from their record (opened, and so journaled, as on their own page).
  const subjectId = request?.subjectPresent ? request.subjectId : null;
  useEffect(() => {
    if (!subjectId) return;
    let live = true;
    api
      .subjectGet(subjectId)
      .then((p) => live && setName(fullName(Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, v?.value])))))
      .catch(() => live && setName(null));
    return () => {
      live = false;
    };
  }, [subjectId]);

  if (error || !request) {
    return (
      <div className="page" data-testid="request-page-loading">
        <BackLink href={requestsPath.list()} label={t('requests.back')} />
        {error ? (
          <div className="card card--panel state">
            <ErrorMessage error={error} testId="request-page-error" />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : (
          showLoading && <LoadingBlock label={t('requests.loading')} />
        )}
      </div>
    );
  }

  const r = request;
  return (
    <div className="page" data-testid="request-page" data-number={r.number} data-kind={r.kind} data-open={r.closure === null}>
      <BackLink href={requestsPath.list()} label={t('requests.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{requestKindLabel(t, r.kind)}</h1>
          <p className="obligation-meta">
            <span className="person-number">{t('requests.numbered', { number: r.number })}</span>
            {r.closure ? (
              <span className={`state-badge${r.closure.outcome === 'done' ? ' state-badge--active' : ''}`} data-testid="request-status">
                {t(`requests.outcome.${r.closure.outcome}`)}
              </span>
            ) : (
              <span className="tag" data-testid="request-status">
                {t('requests.status.open')}
              </span>
            )}
          </p>
        </div>
      </header>

      <section className={`card card--panel clock-panel clock-panel--${r.closure ? 'stopped' : r.clock.state}`} aria-labelledby="request-clock-title">
        <h2 id="request-clock-title" className="card__title">
          {t('requests.page.clock')}
        </h2>
        <p className="clock-panel__line">
          <ClockLine clock={r.clock} stopped={r.closure !== null} testId="request-page-clock" />
        </p>
        <p className="muted small" data-testid="request-term">
          {t('requests.page.termLine', { term: termText(t, r.termSource, r.termDays), date: displayDate(r.receivedOn) })}
        </p>
        {r.clock.state === 'unknown' && (
          <a className="link" href="#/settings/calendar">
            {t('clocks.openCalendar')}
          </a>
        )}
      </section>

      <section className="card card--panel" aria-labelledby="request-facts-title">
        <h2 id="request-facts-title" className="card__title">
          {t('requests.page.facts')}
        </h2>
        <dl className="facts" data-testid="request-facts">
          <div className="facts__row">
            <dt>{t('requests.columns.person')}</dt>
            <dd>
              {r.subjectPresent ? (
                <a className="link with-icon" href={peoplePath.person(r.subjectId)} data-testid="request-person-link">
                  <UserRound size={16} aria-hidden="true" />
                  {name ? `${name} · ${t('personPage.number', { number: r.subjectNumber })}` : t('personPage.number', { number: r.subjectNumber })}
                </a>
              ) : (
                <span className="muted">{t('requests.personGone', { number: r.subjectNumber })}</span>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('requests.columns.received')}</dt>
            <dd>
              {displayDate(r.receivedOn)} · {t(`requests.channels.${r.channel}`)}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('requests.form.identity')}</dt>
            <dd>
              {t(`requests.identity.${r.identityCheck}`)}
              {r.representative && <span className="table__details">{t('requests.page.representative', { who: r.representative })}</span>}
            </dd>
          </div>
          {r.note && (
            <div className="facts__row">
              <dt>{t('requests.page.note')}</dt>
              <dd className="obligation-text">{r.note}</dd>
            </div>
          )}
          <div className="facts__row">
            <dt>{t('requests.page.takenBy')}</dt>
            <dd>{r.takenBy}</dd>
          </div>
          {r.answerNumber !== null && (
            <div className="facts__row">
              <dt>{t('requests.page.answer')}</dt>
              <dd className="strong" data-testid="request-answer-number">
                {t('requests.evidence.answer', { number: r.answerNumber })}
              </dd>
            </div>
          )}
        </dl>
      </section>

      {r.closure ? <ClosurePanel request={r} /> : <RequestActions request={r} name={name} onChanged={setRequest} />}
    </div>
  );
}

/** How a closed request ended: the evidence Derbes found, or the reasons it was refused. */
function ClosurePanel({ request: r }: { request: SubjectRequest }) {
  const { t } = useTranslation();
  const c = r.closure!;
  const evidence = evidenceText(t, c.evidence);
  return (
    <section className={`notice ${c.outcome === 'done' ? 'notice--success' : 'notice--info'} closure`} data-testid="request-closure" data-outcome={c.outcome}>
      {c.outcome === 'done' ? <CircleCheck size={20} aria-hidden="true" /> : <MessageSquareX size={20} aria-hidden="true" />}
      <div>
        <p className="notice__title">
          {t(c.outcome === 'done' ? 'requests.page.closedDone' : 'requests.page.closedRefused', { date: displayDate(c.closedOn), who: c.closedBy })}
        </p>
        {evidence && <p data-testid="request-evidence">{t('requests.page.evidence', { evidence })}</p>}
        {c.refusalReason && (
          <p className="obligation-text" data-testid="request-refusal">
            {t('requests.page.reasons', { reasons: c.refusalReason })}
          </p>
        )}
      </div>
    </section>
  );
}

/** What closes an open request: the answer (access), the change made elsewhere, or a refusal. */
function RequestActions({ request: r, name, onChanged }: { request: SubjectRequest; name: string | null; onChanged: (r: SubjectRequest) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const can = useCan();
  const mayAnswer = can('reveal_sensitive');
  const [lang, setLang] = useState<DocumentLanguage>('kk');
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(closing);
  const isAccess = r.kind === 'access';
  const todo = TODO_LINK[r.kind];

  const closeDone = async () => {
    setClosing(true);
    setError(null);
    try {
      const closed = await api.requestClose(r.number, { outcome: 'done' });
      toast.success(t('requests.page.closedToast', { number: r.number }));
      onChanged(closed);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setClosing(false);
    }
  };

  const personFacts: [string, string][] = [
    [t('requests.page.document'), t('requests.answer.title')],
    [t('requests.columns.request'), t('requests.numbered', { number: r.number })],
    [t('requests.columns.person'), name ? `${name} · ${t('personPage.number', { number: r.subjectNumber })}` : t('personPage.number', { number: r.subjectNumber })],
  ];

  return (
    <section className="card card--panel" aria-labelledby="request-actions-title" data-testid="request-actions">
      <h2 id="request-actions-title" className="card__title">
        {t('requests.page.actions')}
      </h2>
      <p className="muted" data-testid="request-todo">
        {t(`requests.todo.${r.kind}`)}{' '}
        {todo && r.subjectPresent && (
          <a className="link" href={todo === 'edit' ? peoplePath.edit(r.subjectId) : peoplePath.person(r.subjectId)} data-testid="request-todo-link">
            {t(todo === 'edit' ? 'requests.todo.openEdit' : 'requests.todo.openPerson')}
          </a>
        )}
      </p>
      {isAccess && !mayAnswer && <p className="muted small">{t('requests.answer.onlyRevealers')}</p>}
      <div className="actions request-actions">
        {isAccess && mayAnswer && r.subjectPresent && (
          <button type="button" className="button button--primary" onClick={() => setPreviewing(true)} data-testid="request-answer-prepare">
            <FileText size={18} aria-hidden="true" />
            {r.answerNumber !== null ? t('requests.answer.again') : t('requests.answer.prepare')}
          </button>
        )}
        <button
          type="button"
          className={`button ${isAccess ? 'button--secondary' : 'button--primary'}`}
          onClick={() => void closeDone()}
          disabled={closing}
          aria-busy={closing}
          data-testid="request-close-done"
        >
          {showSpinner ? <Spinner /> : <CircleCheck size={18} aria-hidden="true" />}
          {t('requests.page.closeDone')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setError(null);
            setRefusing(true);
          }}
          data-testid="request-refuse"
        >
          <MessageSquareX size={18} aria-hidden="true" />
          {t('requests.page.refuse')}
        </button>
      </div>
      {error && <ErrorMessage error={error} testId="request-close-error" />}

      {previewing && (
        <PagesPreviewDialog
          title={t('requests.answer.previewTitle', { number: r.number })}
          facts={
            <p>
              <span className="strong">{name ?? t('personPage.number', { number: r.subjectNumber })}</span>{' '}
              <span className="muted">· {t('requests.numbered', { number: r.number })}</span>
            </p>
          }
          lang={lang}
          onLang={setLang}
          load={(l) => api.requestAnswerPreview(r.number, l)}
          maySave
          onSave={() => setSaving(true)}
          onClose={() => setPreviewing(false)}
          testId="answer-preview"
        />
      )}
      {saving && (
        <SaveDialog
          title={t('requests.answer.saveTitle')}
          lead={<SaveFacts facts={[...personFacts, [t('save.language'), t(`language.names.${lang}`)]]} note={t('requests.answer.saveNote')} />}
          lang={lang}
          suggestName={(l) => answerFileName(l, r.number)}
          onSave={async (path, l, ifExists) => {
            const saved = await api.requestAnswerSave(r.number, l, path, ifExists);
            setPreviewing(false);
            const list = await api.requestsList();
            const fresh = list.find((x) => x.number === r.number);
            if (fresh) onChanged(fresh);
            return { path, toast: t('requests.answer.saved', { number: saved.number, path }) };
          }}
          onClose={() => setSaving(false)}
        />
      )}
      {refusing && (
        <RefuseDialog
          request={r}
          onClose={() => setRefusing(false)}
          onRefused={(closed) => {
            setRefusing(false);
            toast.success(t('requests.page.refusedToast', { number: r.number }));
            onChanged(closed);
          }}
        />
      )}
    </section>
  );
}

/** A refusal must be reasoned (Art. 25(2)(7)): the reasons are kept with the request. */
function RefuseDialog({ request, onClose, onRefused }: { request: SubjectRequest; onClose: () => void; onRefused: (r: SubjectRequest) => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onRefused(await api.requestClose(request.number, { outcome: 'refused', reason }));
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('requests.refuse.title', { number: request.number })} onClose={() => !busy && onClose()} testId="request-refuse-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <p className="muted">{t('requests.refuse.lead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('requests.refuse.reason')}
          </label>
          <textarea
            id={`${id}-reason`}
            className="input textarea"
            rows={4}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            data-testid="request-refuse-reason"
          />
          <p className="field__hint">{t('requests.refuse.hint')}</p>
        </div>
        {error && <ErrorMessage error={error} testId="request-refuse-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="request-refuse-submit">
            {showSpinner ? <Spinner /> : <MessageSquareX size={18} aria-hidden="true" />}
            {t('requests.refuse.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { CircleCheck, FileText, Send, ShieldAlert, ShieldX } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './breaches.css';
import { api, SUBJECTS_TOLD, toApiError, type ApiError, type Breach, type DocumentLanguage, type SubjectsTold } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveDialog } from '../../components/SaveDialog';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { awaitsNotice, breachDescription, breachesPath, breachKindLabel, detectedText, isoFromTyped, noticeFileName, todayIso } from '../../lib/obligations';
import { categoryLabel, displayDate, useCount } from '../../lib/register';
import { coreText } from '../../lib/words';
import { SaveFacts } from '../documents/SaveFacts';
import { ClockLine } from '../obligations/ClockLine';
import { PagesPreviewDialog } from '../obligations/PagesPreviewDialog';
import { BackLink } from '../people/PersonForm';
import { BreachStatusBadge } from './BreachStatusBadge';

/**
 * One breach: what happened and to whom, the clock to notify the authorised body (one working day
 * from detection), the notice (previewed in Kazakh or Russian, saved as PDF), the day it was sent,
 * the follow-up (were the people told, what was done) and closing it. A breach Derbes proposed is
 * confirmed or dismissed with a reason first.
 */
export function BreachPage({ number }: { number: number }) {
  const { t } = useTranslation();
  const count = useCount();
  const [breach, setBreach] = useState<Breach | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(breach === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .breachesList()
      .then((list) => {
        const b = list.find((x) => x.number === number);
        if (!b) setError({ code: 'invalid_input', message: '', params: { field: 'breach', reason: 'breach_not_found', number } });
        else setBreach(b);
      })
      .catch((e) => setError(toApiError(e)));
  }, [number]);
  useEffect(load, [load]);

  if (error || !breach) {
    return (
      <div className="page" data-testid="breach-page-loading">
        <BackLink href={breachesPath.list()} label={t('breaches.back')} />
        {error ? (
          <div className="card card--panel state">
            <ErrorMessage error={error} testId="breach-page-error" />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : (
          showLoading && <LoadingBlock label={t('breaches.loading')} />
        )}
      </div>
    );
  }

  const b = breach;
  const live = b.status === 'proposed' || b.status === 'open';
  return (
    <div className="page" data-testid="breach-page" data-number={b.number} data-status={b.status}>
      <BackLink href={breachesPath.list()} label={t('breaches.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{breachKindLabel(t, b.kind)}</h1>
          <p className="obligation-meta">
            <span className="person-number">{t('breaches.numbered', { number: b.number })}</span>
            <BreachStatusBadge breach={b} />
          </p>
        </div>
      </header>

      {b.status === 'proposed' && <ProposalPanel breach={b} onChanged={setBreach} />}

      <NoticePanel breach={b} onChanged={setBreach} />

      <section className="card card--panel" aria-labelledby="breach-facts-title">
        <h2 id="breach-facts-title" className="card__title">
          {t('breaches.page.facts')}
        </h2>
        <dl className="facts" data-testid="breach-facts">
          <div className="facts__row">
            <dt>{t('breaches.columns.detected')}</dt>
            <dd>{detectedText(b.detectedAt)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('breaches.page.what')}</dt>
            <dd className="obligation-text" data-testid="breach-description">
              {breachDescription(t, b)}
            </dd>
          </div>
          {b.categories.length > 0 && (
            <div className="facts__row">
              <dt>{t('breaches.form.categories')}</dt>
              <dd>{b.categories.map((c) => categoryLabel(t, c)).join(', ')}</dd>
            </div>
          )}
          <div className="facts__row">
            <dt>{t('breaches.columns.affected')}</dt>
            <dd data-testid="breach-affected">
              {b.wholeRegister ? t('breaches.affectedAll', { count: b.affected, formatted: count(b.affected) }) : t('breaches.affectedSome', { count: b.affected, formatted: count(b.affected) })}
              {!b.wholeRegister && b.people.length > 0 && (
                <span className="table__details">{b.people.map((n) => t('personPage.number', { number: n })).join(', ')}</span>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('breaches.form.containment')}</dt>
            <dd className="obligation-text">{b.containment ?? <span className="muted">{t('breaches.page.nothingYet')}</span>}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('breaches.form.told')}</dt>
            <dd>{b.subjectsTold ? t(`breaches.told.${b.subjectsTold}`) : <span className="muted">{t('breaches.page.nothingYet')}</span>}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('breaches.page.recordedBy')}</dt>
            <dd>{b.proposedBy ? t('breaches.page.proposedBy', { who: b.recordedBy }) : b.recordedBy}</dd>
          </div>
          {b.closedOn && (
            <div className="facts__row">
              <dt>{t(b.status === 'dismissed' ? 'breaches.page.dismissedOn' : 'breaches.page.closedOn')}</dt>
              <dd>{displayDate(b.closedOn)}</dd>
            </div>
          )}
          {b.dismissReason && (
            <div className="facts__row">
              <dt>{t('breaches.page.dismissReason')}</dt>
              <dd className="obligation-text" data-testid="breach-dismiss-reason">
                {b.dismissReason}
              </dd>
            </div>
          )}
        </dl>
      </section>

      {live && b.status === 'open' && <FollowUp breach={b} onChanged={setBreach} />}
    </div>
  );
}

/** A breach Derbes proposed: a person confirms it (it becomes a breach like the others) or dismisses it with a reason. */
function ProposalPanel({ breach: b, onChanged }: { breach: Breach; onChanged: (b: Breach) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.breachConfirm(b.number));
      toast.success(t('breaches.proposal.confirmed', { number: b.number }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notice notice--warning proposal-panel" data-testid="breach-proposal-panel">
      <ShieldAlert size={22} aria-hidden="true" />
      <div className="proposal-panel__body">
        <p className="notice__title">{t('breaches.proposal.title')}</p>
        <p data-testid="breach-proposal-text">{breachDescription(t, b)}</p>
        <p className="muted small">{t(`breaches.proposal.explain.${b.kind === 'journal_broken' ? 'journal_broken' : 'unlock_attempts'}`)}</p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={busy} aria-busy={busy} data-testid="breach-confirm">
            {showSpinner ? <Spinner /> : <ShieldAlert size={18} aria-hidden="true" />}
            {t('breaches.proposal.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDismissing(true)} disabled={busy} data-testid="breach-dismiss">
            <ShieldX size={18} aria-hidden="true" />
            {t('breaches.proposal.dismiss')}
          </button>
        </div>
        {error && <ErrorMessage error={error} testId="breach-proposal-error" />}
      </div>
      {dismissing && (
        <ReasonDialog
          title={t('breaches.dismiss.title', { number: b.number })}
          lead={t('breaches.dismiss.lead')}
          label={t('breaches.dismiss.reason')}
          submit={t('breaches.dismiss.submit')}
          testId="breach-dismiss-dialog"
          onSubmit={(reason) => api.breachDismiss(b.number, reason)}
          onClose={() => setDismissing(false)}
          onDone={(fresh) => {
            setDismissing(false);
            toast.success(t('breaches.dismiss.done', { number: b.number }));
            onChanged(fresh);
          }}
        />
      )}
    </section>
  );
}

/**
 * The notice to the authorised body: the clock while it is due, the document (previewed, saved as
 * PDF), and the day it was sent, which stops the clock. Once sent, the breach can be closed.
 */
function NoticePanel({ breach: b, onChanged }: { breach: Breach; onChanged: (b: Breach) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [lang, setLang] = useState<DocumentLanguage>('kk');
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [sentOn, setSentOn] = useState(() => displayDate(todayIso()));
  const [busy, setBusy] = useState<'notified' | 'close' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy !== null);
  const waiting = awaitsNotice(b);
  const sentIso = isoFromTyped(sentOn);
  const mayNotice = b.status !== 'dismissed';

  const run = async (what: 'notified' | 'close') => {
    if (what === 'notified' && !sentIso) return;
    setBusy(what);
    setError(null);
    try {
      const fresh = what === 'notified' ? await api.breachNotified(b.number, sentIso!) : await api.breachClose(b.number);
      toast.success(what === 'notified' ? t('breaches.notice.recorded', { date: displayDate(fresh.notifiedOn) }) : t('breaches.page.closedToast', { number: b.number }));
      onChanged(fresh);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const tone = waiting ? b.clock.state : 'stopped';
  return (
    <section className={`card card--panel clock-panel clock-panel--${tone}`} aria-labelledby="breach-notice-title" data-testid="breach-notice">
      <h2 id="breach-notice-title" className="card__title">
        {t('breaches.notice.title')}
      </h2>
      {b.status === 'dismissed' ? (
        <p className="muted">{t('breaches.notice.dismissed')}</p>
      ) : waiting ? (
        <>
          <p className="clock-panel__line">
            <ClockLine clock={b.clock} testId="breach-page-clock" />
          </p>
          <p className="muted small">{t('breaches.notice.explain')}</p>
          {b.clock.state === 'unknown' && (
            <a className="link" href="#/settings/calendar">
              {t('clocks.openCalendar')}
            </a>
          )}
        </>
      ) : (
        <>
          <p className="clock-panel__line" data-testid="breach-notified">
            <span className="strong">{t('breaches.notifiedOn', { date: displayDate(b.notifiedOn) })}</span>
          </p>
          <p>
            <ClockLine clock={b.clock} stopped testId="breach-page-clock" />
          </p>
        </>
      )}
      {b.noticeNumber !== null && (
        <p className="small" data-testid="breach-notice-number">
          {t('breaches.notice.made', { number: b.noticeNumber })}
        </p>
      )}

      {mayNotice && (
        <div className="notice-steps">
          <div className="actions">
            <button type="button" className={`button ${waiting ? 'button--primary' : 'button--secondary'}`} onClick={() => setPreviewing(true)} data-testid="breach-notice-prepare">
              <FileText size={18} aria-hidden="true" />
              {b.noticeNumber !== null ? t('breaches.notice.again') : t('breaches.notice.prepare')}
            </button>
            {b.status === 'open' && b.notifiedOn !== null && (
              <button type="button" className="button button--secondary" onClick={() => void run('close')} disabled={busy !== null} aria-busy={busy === 'close'} data-testid="breach-close">
                {busy === 'close' && showSpinner ? <Spinner /> : <CircleCheck size={18} aria-hidden="true" />}
                {t('breaches.page.close')}
              </button>
            )}
          </div>
          {waiting && (
            <form
              className="notice-sent"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!busy) void run('notified');
              }}
            >
              <div className="field">
                <label className="field__label" htmlFor={`${id}-sent`}>
                  {t('breaches.notice.sentOn')}
                </label>
                <div className="input-row notice-sent__row">
                  <input
                    id={`${id}-sent`}
                    className="input input--date"
                    inputMode="numeric"
                    placeholder={t('person.datePlaceholder')}
                    value={sentOn}
                    onChange={(e) => {
                      setSentOn(e.target.value);
                      setError(null);
                    }}
                    aria-invalid={sentIso === null && sentOn.trim() !== '' ? true : undefined}
                    data-testid="breach-sent-on"
                  />
                  <button type="submit" className="button button--secondary" disabled={busy !== null || sentIso === null} aria-busy={busy === 'notified'} data-testid="breach-notified-submit">
                    {busy === 'notified' && showSpinner ? <Spinner /> : <Send size={18} aria-hidden="true" />}
                    {t('breaches.notice.recordSent')}
                  </button>
                </div>
                {sentIso === null && sentOn.trim() !== '' && <p className="field__error">{coreText('problem-date_format')}</p>}
              </div>
            </form>
          )}
          {error && <ErrorMessage error={error} testId="breach-notice-error" />}
        </div>
      )}

      {previewing && (
        <PagesPreviewDialog
          title={t('breaches.notice.previewTitle', { number: b.number })}
          facts={
            <p>
              <span className="strong">{breachKindLabel(t, b.kind)}</span> <span className="muted">· {t('breaches.numbered', { number: b.number })}</span>
            </p>
          }
          lang={lang}
          onLang={setLang}
          load={(l) => api.breachNoticePreview(b.number, l)}
          maySave
          onSave={() => setSaving(true)}
          onClose={() => setPreviewing(false)}
          testId="notice-preview"
        />
      )}
      {saving && (
        <SaveDialog
          title={t('breaches.notice.saveTitle')}
          lead={
            <SaveFacts
              facts={[
                [t('requests.page.document'), t('breaches.notice.document')],
                [t('breaches.columns.number'), t('breaches.numbered', { number: b.number })],
                [t('save.language'), t(`language.names.${lang}`)],
              ]}
              note={t('breaches.notice.saveNote')}
            />
          }
          lang={lang}
          suggestName={(l) => noticeFileName(l, b.number)}
          onSave={async (path, l, ifExists) => {
            const saved = await api.breachNoticeSave(b.number, l, path, ifExists);
            setPreviewing(false);
            const fresh = (await api.breachesList()).find((x) => x.number === b.number);
            if (fresh) onChanged(fresh);
            return { path, toast: t('breaches.notice.saved', { number: saved.number, path }) };
          }}
          onClose={() => setSaving(false)}
        />
      )}
    </section>
  );
}

/** After the notice: whether the people affected were told, and what was done to contain it. */
function FollowUp({ breach: b, onChanged }: { breach: Breach; onChanged: (b: Breach) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [told, setTold] = useState<SubjectsTold>(b.subjectsTold ?? 'not_yet');
  const [containment, setContainment] = useState(b.containment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const changed = told !== (b.subjectsTold ?? 'not_yet') || containment.trim() !== (b.containment ?? '').trim();

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await api.breachFollowUp(b.number, told, containment.trim() ? containment : null);
      toast.success(t('breaches.followUp.saved'));
      onChanged(fresh);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--panel" aria-labelledby={`${id}-title`} data-testid="breach-follow-up">
      <h2 id={`${id}-title`} className="card__title">
        {t('breaches.followUp.title')}
      </h2>
      <p className="muted">{t('breaches.followUp.lead')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && changed) void save();
        }}
      >
        <fieldset className="fieldset">
          <legend className="field__label">{t('breaches.form.told')}</legend>
          <div className="radio-cards">
            {SUBJECTS_TOLD.map((s) => (
              <label key={s} className="radio-card">
                <input
                  type="radio"
                  name={`${id}-told`}
                  checked={told === s}
                  onChange={() => {
                    setTold(s);
                    setError(null);
                  }}
                  data-testid={`follow-up-told-${s}`}
                />
                <span>{t(`breaches.told.${s}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-containment`}>
            {t('breaches.form.containment')}
          </label>
          <textarea
            id={`${id}-containment`}
            className="input textarea"
            rows={3}
            value={containment}
            onChange={(e) => {
              setContainment(e.target.value);
              setError(null);
            }}
            data-testid="follow-up-containment"
          />
          <p className="field__hint">{t('breaches.followUp.containmentHint')}</p>
        </div>
        {error && <ErrorMessage error={error} testId="follow-up-error" />}
        <div className="actions actions--end">
          <button type="submit" className="button button--secondary" disabled={busy || !changed} aria-busy={busy} data-testid="follow-up-save">
            {showSpinner && <Spinner />}
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A reason typed for the record (dismissing a proposal); the core decides whether it is enough. */
function ReasonDialog({
  title,
  lead,
  label,
  submit,
  testId,
  onSubmit,
  onClose,
  onDone,
}: {
  title: string;
  lead: string;
  label: string;
  submit: string;
  testId: string;
  onSubmit: (reason: string) => Promise<Breach>;
  onClose: () => void;
  onDone: (b: Breach) => void;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await onSubmit(reason));
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={() => !busy && onClose()} testId={testId}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void send();
        }}
      >
        <p className="muted">{lead}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {label}
          </label>
          <textarea
            id={`${id}-reason`}
            className="input textarea"
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            data-testid={`${testId}-reason`}
          />
        </div>
        {error && <ErrorMessage error={error} testId={`${testId}-error`} />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid={`${testId}-submit`}>
            {showSpinner && <Spinner />}
            {submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

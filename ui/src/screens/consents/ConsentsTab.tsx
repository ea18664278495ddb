import { CircleCheck, FilePlus2, FileSignature, Paperclip, Printer, Undo2 } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../people/person.css';
import './consents.css';
import {
  api,
  SCOPES,
  toApiError,
  type ApiError,
  type Consent,
  type LifecycleMeta,
  type Person,
  type Scope,
} from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { consentStateLabel, errorField, formLabel, purposeName, scopeLabel } from '../../lib/lifecycle';
import { displayDate, fieldLabel, useUiLanguage } from '../../lib/register';
import { PrintConsentDialog } from './ConsentWizard';
import { useAttachEvidence } from './useAttachEvidence';
import { errorText } from '../../lib/errors';

/** A consent's state as a badge: active green, expiring amber, expired and withdrawn grey. */
export function ConsentStateBadge({ state, testId }: { state: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`state-badge state-badge--${state}`} data-testid={testId} data-state={state}>
      {consentStateLabel(t, state)}
    </span>
  );
}

/**
 * A person's consents, newest first, each with every Art. 8(4) item, its withdrawals and its
 * signed scan; and the buttons to record a new one, print the form, attach the scan and withdraw.
 */
export function ConsentsTab({
  person,
  meta,
  version,
  onNew,
  onChanged,
}: {
  person: Person;
  meta: LifecycleMeta;
  /** Changes when a consent was recorded elsewhere (the wizard), to load the list again. */
  version: number;
  onNew: () => void;
  /** A consent changed: the person's lifecycle summary (and access) may have changed too. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const showLoading = useDelayedFlag(consents === null && error === null);
  const blocked = Boolean(person.lifecycle?.blockedReason);

  const load = useCallback(() => {
    setError(null);
    api
      .consentList(person.id)
      .then(setConsents)
      .catch((e) => setError(toApiError(e)));
  }, [person.id]);
  useEffect(load, [load, version]);

  const replace = (c: Consent) => setConsents((all) => (all ? all.map((x) => (x.number === c.number ? c : x)) : all));

  return (
    <div className="consents" data-testid="person-consents">
      <div className="consents__bar">
        <p className="muted small">{t('consent.listLead')}</p>
        <button
          type="button"
          className="button button--primary"
          onClick={onNew}
          disabled={blocked}
          title={blocked ? t('lifecycle.blockedHint') : undefined}
          data-testid="consent-new"
        >
          <FilePlus2 size={18} aria-hidden="true" />
          {t('consent.new')}
        </button>
      </div>

      {error ? (
        <div className="state">
          <ErrorMessage error={error} />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : consents === null ? (
        showLoading ? <LoadingBlock label={t('consent.loading')} /> : <div className="state state--blank" />
      ) : consents.length === 0 ? (
        <div className="card card--panel state" data-testid="consents-empty">
          <FileSignature size={28} aria-hidden="true" className="state__icon" />
          <p className="state__title">{t('consent.emptyTitle')}</p>
          <p className="muted">{t('consent.emptyText')}</p>
        </div>
      ) : (
        consents.map((c) => (
          <ConsentCard
            key={c.number}
            consent={c}
            meta={meta}
            blocked={blocked}
            onPrint={() => setPrinting(c.number)}
            onWithdraw={() => setWithdrawing(c)}
            onEvidence={(evidence) => replace({ ...c, evidence })}
          />
        ))
      )}

      {printing !== null && <PrintConsentDialog number={printing} onClose={() => setPrinting(null)} />}
      {withdrawing && (
        <WithdrawDialog
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(c) => {
            replace(c);
            setWithdrawing(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

export function ConsentCard({
  consent: c,
  meta,
  blocked,
  onPrint,
  onWithdraw,
  onEvidence,
}: {
  consent: Consent;
  meta: LifecycleMeta;
  blocked: boolean;
  onPrint: () => void;
  onWithdraw: () => void;
  onEvidence: (evidence: NonNullable<Consent['evidence']>) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const { attach, busy, error, confirm } = useAttachEvidence();
  const withdrawn = c.state === 'withdrawn';

  const scopeValue = (s: Scope) => {
    const allowed = s === 'third_parties' ? c.thirdParties : s === 'cross_border' ? c.crossBorder : c.publication;
    const detail = s === 'third_parties' ? c.thirdPartyRecipients : s === 'cross_border' ? c.crossBorderCountries : c.publicationWhere;
    if (c.withdrawnScopes.includes(s)) {
      return (
        <span data-testid={`consent-${c.number}-scope-${s}`} data-value="withdrawn">
          <s className="muted">{detail || t('common.yes')}</s> <span className="tag tag--muted">{t('consent.scopeWithdrawn')}</span>
        </span>
      );
    }
    return (
      <span data-testid={`consent-${c.number}-scope-${s}`} data-value={allowed ? 'yes' : 'no'}>
        <span className={allowed ? 'yes' : 'no'}>{allowed ? t('common.yes') : t('common.no')}</span>
        {allowed && detail && <span> — {detail}</span>}
      </span>
    );
  };

  const term = c.validUntil ? t('consent.until', { date: displayDate(c.validUntil) }) : t('consent.untilPurpose');

  return (
    <article
      className={`card card--panel consent-card consent-card--${c.state}`}
      aria-labelledby={`${id}-title`}
      data-testid="consent-card"
      data-number={c.number}
      data-state={c.state}
    >
      <header className="consent-card__header">
        <h3 id={`${id}-title`} className={`consent-card__title${withdrawn ? ' is-withdrawn' : ''}`}>
          {t('consent.numberTitle', { number: c.number })}
        </h3>
        <ConsentStateBadge state={c.state} testId={`consent-state-${c.number}`} />
        <span className="muted small consent-card__given">{t('consent.givenOnShort', { date: displayDate(c.givenOn) })}</span>
      </header>

      <dl className="facts facts--person consent-card__facts">
        <div className="facts__row">
          <dt>{t('consent.purposes')}</dt>
          <dd>{c.purposes.map((p) => purposeName(meta, p, lang)).join('; ')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('consent.term')}</dt>
          <dd>
            {t('consent.termRange', { from: displayDate(c.validFrom), until: term })}
          </dd>
        </div>
        {SCOPES.map((s) => (
          <div key={s} className="facts__row">
            <dt>{scopeLabel(t, s)}</dt>
            <dd>{scopeValue(s)}</dd>
          </div>
        ))}
        <div className="facts__row">
          <dt>{t('consent.data')}</dt>
          <dd className="small">{c.dataFields.map((f) => fieldLabel(t, f)).join(', ') || '—'}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('consent.givenBy')}</dt>
          <dd data-testid={`consent-${c.number}-given-by`}>
            {c.representative ? (
              <>
                <span className="tag">{t('consent.representative')}</span> {c.representative.name}
                <span className="muted">
                  {' '}
                  · {c.representative.relation} · {c.representative.document}
                </span>
              </>
            ) : (
              t('consent.byPersonThemself')
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('consent.form')}</dt>
          <dd>
            {formLabel(t, c.form)}
            {c.formReference && <span className="muted"> · {c.formReference}</span>}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('consent.evidence.label')}</dt>
          <dd data-testid={`consent-${c.number}-evidence`} data-attached={c.evidence ? 'true' : 'false'}>
            {c.evidence ? (
              <span className="with-icon">
                <CircleCheck size={16} aria-hidden="true" className="ok-icon" />
                {t('consent.evidence.summary', { type: mediaName(c.evidence.mediaType), size: sizeText(c.evidence.size, lang) })}
                <span className="mono muted small" title={c.evidence.sha256}>
                  SHA-256 {c.evidence.sha256.slice(0, 12)}…
                </span>
              </span>
            ) : (
              <span className="muted">{t('consent.evidence.none')}</span>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('consent.takenBy')}</dt>
          <dd className="small">
            {t('consent.takenByText', { name: c.takenByName ?? '—', at: formatDateTime(c.createdAt), version: c.inventoryVersion })}
          </dd>
        </div>
      </dl>

      {c.withdrawals.length > 0 && (
        <section className="withdrawals" aria-label={t('consent.withdrawals')}>
          <h4 className="form-section__title">{t('consent.withdrawals')}</h4>
          <ul className="withdrawals__list">
            {c.withdrawals.map((w, i) => (
              <li key={i} className={w.refused ? 'is-refused' : undefined} data-testid={`consent-${c.number}-withdrawal`}>
                <span className="withdrawals__date">{displayDate(w.requestedOn)}</span>
                <span>
                  {t('consent.withdrawalText', { scope: scopeLabel(t, w.scope).toLowerCase(), channel: w.channel })}
                  {' — '}
                  {w.refused ? (
                    <strong className="warning-text">
                      {t('consent.withdrawalRefused', { ground: t(`consent.refusalGrounds.${w.refusalGround ?? 'law'}`) })}
                      {w.refusalNote && `: ${w.refusalNote}`}
                    </strong>
                  ) : (
                    <span>{t('consent.withdrawalAccepted')}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {error && <ErrorMessage error={error} text={errorText(t, error)} testId={`consent-attach-error-${c.number}`} />}

      <footer className="consent-card__actions">
        <button type="button" className="button button--secondary button--small" onClick={onPrint} data-testid={`consent-print-${c.number}`}>
          <Printer size={16} aria-hidden="true" />
          {t('consent.print.button')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy || blocked}
          title={blocked ? t('lifecycle.blockedHint') : undefined}
          onClick={() =>
            void attach(c.number).then((ev) => {
              if (ev) {
                onEvidence(ev);
                toast.success(t('consent.evidence.attached'));
              }
            })
          }
          data-testid={`consent-attach-${c.number}`}
        >
          {busy ? <Spinner size={16} /> : <Paperclip size={16} aria-hidden="true" />}
          {c.evidence ? t('consent.evidence.replace') : t('consent.evidence.attach')}
        </button>
        {!withdrawn && (
          <button type="button" className="button button--ghost button--small consent-card__withdraw" onClick={onWithdraw} data-testid={`consent-withdraw-${c.number}`}>
            <Undo2 size={16} aria-hidden="true" />
            {t('consent.withdraw.button')}
          </button>
        )}
      </footer>
      {confirm}
    </article>
  );
}

function mediaName(type: string): string {
  if (type === 'application/pdf') return 'PDF';
  if (type === 'image/jpeg') return 'JPEG';
  if (type === 'image/png') return 'PNG';
  return type;
}

function sizeText(bytes: number, lang: string): string {
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${f.format(bytes / 1024 / 1024)} MB`;
  return `${f.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Record a request to withdraw a consent (whole or one scope), or its refusal with a ground. */
function WithdrawDialog({ consent, onClose, onDone }: { consent: Consent; onClose: () => void; onDone: (c: Consent) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const offered: Scope[] = [
    'all',
    ...SCOPES.filter((s) => {
      const given = s === 'third_parties' ? consent.thirdParties : s === 'cross_border' ? consent.crossBorder : consent.publication;
      return given && !consent.withdrawnScopes.includes(s);
    }),
  ];
  const [scope, setScope] = useState<Scope>('all');
  const [requestedOn, setRequestedOn] = useState(() => formatDate(new Date()));
  const [channel, setChannel] = useState('');
  const [refuse, setRefuse] = useState(false);
  const [ground, setGround] = useState<'law' | 'obligation'>('law');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const field = errorField(error);
  const fieldError = (key: string) =>
    error && field === key ? (
      <p className="field__error" id={`${id}-${key}-error`} role="alert" data-testid={`withdraw-error-${key}`}>
        {errorText(t, error)}
      </p>
    ) : null;
  const invalid = (key: string) => (field === key ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${key}-error` } : {});
  const known = ['scope', 'requested_on', 'channel', 'refusal_note'];

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await api.consentWithdraw(consent.number, {
        scope,
        requestedOn: requestedOn.trim() || null,
        channel,
        refusal: refuse ? { ground, note } : null,
      });
      toast.success(refuse ? t('consent.withdraw.refusedToast') : t('consent.withdraw.doneToast'));
      onDone(c);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('consent.withdraw.title', { number: consent.number })} onClose={() => !busy && onClose()} testId="withdraw-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <fieldset className="fieldset">
          <legend className="field__label">{t('consent.withdraw.scope')}</legend>
          <div className="radio-cards radio-cards--stack">
            {offered.map((s) => (
              <label key={s} className="radio-card">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={scope === s}
                  onChange={() => {
                    setScope(s);
                    setError(null);
                  }}
                  data-testid={`withdraw-scope-${s}`}
                />
                <span>{s === 'all' ? t('consent.withdraw.all') : t('consent.withdraw.only', { scope: scopeLabel(t, s).toLowerCase() })}</span>
              </label>
            ))}
          </div>
          {fieldError('scope')}
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-on`}>
              {t('consent.withdraw.requestedOn')}
            </label>
            <input
              id={`${id}-on`}
              className="input input--date"
              inputMode="numeric"
              placeholder={t('person.datePlaceholder')}
              value={requestedOn}
              onChange={(e) => {
                setRequestedOn(e.target.value);
                setError(null);
              }}
              {...invalid('requested_on')}
              data-testid="withdraw-requested-on"
            />
            {fieldError('requested_on')}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-channel`}>
              {t('consent.withdraw.channel')}
            </label>
            <input
              id={`${id}-channel`}
              className="input"
              list={`${id}-channels`}
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                setError(null);
              }}
              {...invalid('channel')}
              autoComplete="off"
              data-testid="withdraw-channel"
            />
            <datalist id={`${id}-channels`}>
              {(['writing', 'egov', 'email', 'in_person'] as const).map((c) => (
                <option key={c} value={t(`consent.withdraw.channels.${c}`)} />
              ))}
            </datalist>
            <p className="field__hint">{t('consent.withdraw.channelHint')}</p>
            {fieldError('channel')}
          </div>
        </div>

        <label className="checkbox">
          <input
            type="checkbox"
            checked={refuse}
            onChange={(e) => {
              setRefuse(e.target.checked);
              setError(null);
            }}
            data-testid="withdraw-refuse"
          />
          <span>
            {t('consent.withdraw.refuse')}
            <span className="field__hint checkbox__hint">{t('consent.withdraw.refuseHint')}</span>
          </span>
        </label>
        {refuse && (
          <div className="subpanel form" data-testid="withdraw-refusal">
            <fieldset className="fieldset">
              <legend className="field__label">{t('consent.withdraw.refusalGround')}</legend>
              <div className="radio-cards radio-cards--stack">
                {(['law', 'obligation'] as const).map((g) => (
                  <label key={g} className="radio-card">
                    <input type="radio" name={`${id}-ground`} checked={ground === g} onChange={() => setGround(g)} data-testid={`withdraw-ground-${g}`} />
                    <span>{t(`consent.refusalGrounds.${g}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-note`}>
                {t('consent.withdraw.refusalNote')}
              </label>
              <textarea
                id={`${id}-note`}
                className="input textarea"
                value={note}
                onChange={(e) => {
                  setNote(e.target.value);
                  setError(null);
                }}
                {...invalid('refusal_note')}
                data-testid="withdraw-refusal-note"
              />
              {fieldError('refusal_note')}
            </div>
          </div>
        )}
        {!refuse && scope !== 'all' && scope === 'publication' && <p className="muted small">{t('consent.withdraw.publicationNote')}</p>}

        {error && !(field && known.includes(field)) && <ErrorMessage error={error} text={errorText(t, error)} testId="withdraw-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="withdraw-submit">
            {busy && <Spinner />}
            {refuse ? t('consent.withdraw.submitRefusal') : t('consent.withdraw.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

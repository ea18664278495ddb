import { Ban, CircleCheckBig, Eraser, Flame, Scale, ShieldAlert, ShieldOff } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './lifecycle.css';
import { api, toApiError, type ApiError, type EndAction, type LifecycleMeta, type Person } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorField, purposeName, reasonText } from '../../lib/lifecycle';
import { subparagraphLabel } from '../../lib/basis';
import { displayDate, useUiLanguage } from '../../lib/register';
import { GroundDialog } from './GroundDialog';
import { ConsentStateBadge } from '../consents/ConsentsTab';
import type { ReasonMode } from './ReasonDialog';
import { errorText } from '../../lib/errors';

/** The visible banners of a blocked record (red) and one under legal hold (amber). */
export function LifecycleBanners({ person }: { person: Person }) {
  const { t } = useTranslation();
  const l = person.lifecycle;
  if (!l) return null;
  return (
    <>
      {l.blockedReason && (
        <div className="banner banner--blocked" role="note" data-testid="person-blocked-banner">
          <Ban size={22} aria-hidden="true" />
          <div>
            <p className="banner__title">{t('lifecycle.blockedTitle')}</p>
            <p>
              <span className="strong">{t('lifecycle.reasonLabel')}</span> {reasonText(t, l.blockedReason)}
            </p>
            <p className="small">{t('lifecycle.blockedText')}</p>
          </div>
        </div>
      )}
      {l.holdReason && (
        <div className="banner banner--hold" role="note" data-testid="person-hold-banner">
          <Scale size={22} aria-hidden="true" />
          <div>
            <p className="banner__title">{t('lifecycle.holdTitle')}</p>
            <p>
              <span className="strong">{t('lifecycle.reasonLabel')}</span> {reasonText(t, l.holdReason)}
            </p>
            <p className="small">{t('lifecycle.holdText')}</p>
          </div>
        </div>
      )}
    </>
  );
}

/**
 * Where the person's data stands: consent state, the Art. 9 ground, the day the purpose was
 * achieved (or the programme or job ended), blocking and legal hold, and the way out — anonymise
 * or destroy. Every change goes to the backend, which answers with the updated person.
 */
export function LifecyclePanel({
  person,
  meta,
  onPerson,
  onOpenConsents,
  onReason,
  onEnd,
}: {
  person: Person;
  meta: LifecycleMeta | null;
  onPerson: (p: Person) => void;
  onOpenConsents: () => void;
  onReason: (mode: ReasonMode) => void;
  onEnd: (action: EndAction) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const can = useCan();
  const id = useId().replace(/:/g, '');
  const l = person.lifecycle;
  // Unblocking and holds are decisions about keeping data; anonymising and destroying end it.
  // Only roles with these permissions are offered them (the core refuses the others anyway).
  const mayDecide = can('decide_keeping');
  const mayEnd = can('end_life');
  const blocked = Boolean(l?.blockedReason);
  const held = Boolean(l?.holdReason);
  const lang = useUiLanguage();
  const savedEnd = displayDate(l?.endedOn ?? '');
  const [editingGround, setEditingGround] = useState(false);
  const [endDate, setEndDate] = useState(savedEnd);
  const [busy, setBusy] = useState<'end' | null>(null);
  const [error, setError] = useState<{ what: 'end'; error: ApiError } | null>(null);

  useEffect(() => setEndDate(savedEnd), [savedEnd]);

  const saveEnd = async () => {
    setBusy('end');
    setError(null);
    try {
      onPerson(await api.subjectSetEndDate(person.id, endDate.trim() || null));
      toast.success(t('lifecycle.endDateSaved'));
    } catch (e) {
      setError({ what: 'end', error: toApiError(e) });
    } finally {
      setBusy(null);
    }
  };

  const endField = error?.what === 'end' && ['ended_on', 'end_date', 'date'].includes(errorField(error.error) ?? '');
  const groundPurposes = l?.groundPurposes ?? [];

  return (
    <section className="card card--panel lifecycle" aria-labelledby={`${id}-title`} data-testid="person-lifecycle">
      <h2 id={`${id}-title`} className="form-section__title">
        {t('lifecycle.panelTitle')}
      </h2>
      <div className="lifecycle__grid">
        <div className="lifecycle__cell" data-testid="lifecycle-consent">
          <span className="lifecycle__label">{t('lifecycle.consentLabel')}</span>
          <div className="lifecycle__value">
            {l?.consentState ? (
              <ConsentStateBadge state={l.consentState} testId="lifecycle-consent-state" />
            ) : (
              <span className="muted" data-testid="lifecycle-consent-state" data-state="none">
                {t('lifecycle.noConsent')}
              </span>
            )}
            {l?.publicationConsent && <span className="tag">{t('lifecycle.publicationAllowed')}</span>}
          </div>
          <button type="button" className="link-button" onClick={onOpenConsents} data-testid="lifecycle-open-consents">
            {t('lifecycle.openConsents')}
          </button>
        </div>

        <div className="lifecycle__cell" data-testid="lifecycle-ground">
          <span className="lifecycle__label">{t('lifecycle.groundLabel')}</span>
          {l?.legalGround ? (
            <div className="lifecycle__ground" data-testid="lifecycle-ground-current" data-ground={l.legalGround}>
              <p className="lifecycle__ground-name">{subparagraphLabel(t, l.legalGround)}</p>
              {l.legalGroundLaw?.trim() ? (
                <p className="small" data-testid="lifecycle-ground-law">
                  <span className="muted">{t('lifecycle.groundLaw')}</span> {l.legalGroundLaw}
                </p>
              ) : (
                <p className="field__error small" data-testid="lifecycle-ground-no-law">
                  {t('lifecycle.groundNoLaw')}
                </p>
              )}
              <p className="muted small">
                {groundPurposes.length ? groundPurposes.map((p) => purposeName(meta, p, lang)).join('; ') : t('basis.allPurposes')}
              </p>
            </div>
          ) : (
            <span className="muted" data-testid="lifecycle-ground-current" data-ground="">
              {t('lifecycle.noGround')}
            </span>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => setEditingGround(true)}
            disabled={blocked || !meta}
            title={blocked ? t('lifecycle.blockedHint') : undefined}
            data-testid="legal-ground-edit"
          >
            {l?.legalGround ? t('lifecycle.groundChange') : t('lifecycle.groundSet')}
          </button>
        </div>

        <form
          className="lifecycle__cell"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && endDate.trim() !== savedEnd) void saveEnd();
          }}
        >
          <label className="lifecycle__label" htmlFor={`${id}-end`}>
            {t(person.kind === 'employee' ? 'lifecycle.endLabelEmployee' : 'lifecycle.endLabel')}
          </label>
          <div className="input-row">
            <input
              id={`${id}-end`}
              className="input input--date"
              inputMode="numeric"
              placeholder={t('person.datePlaceholder')}
              value={endDate}
              disabled={blocked || busy !== null}
              onChange={(e) => {
                setEndDate(e.target.value);
                setError(null);
              }}
              aria-invalid={endField || undefined}
              aria-describedby={endField ? `${id}-end-error` : `${id}-end-hint`}
              data-testid="end-date"
            />
            <button
              type="submit"
              className="button button--secondary button--small"
              disabled={blocked || busy !== null || endDate.trim() === savedEnd}
              data-testid="end-date-save"
            >
              {busy === 'end' && <Spinner size={14} />}
              {t('common.save')}
            </button>
          </div>
          {endField && error ? (
            <p className="field__error" id={`${id}-end-error`} role="alert" data-testid="end-date-error">
              {errorText(t, error.error)}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-end-hint`}>
              {t('lifecycle.endHint')}
            </p>
          )}
        </form>
      </div>

      {error && !endField && <ErrorMessage error={error.error} text={errorText(t, error.error)} testId="lifecycle-error" />}

      <footer className="lifecycle__actions">
        <div className="lifecycle__actions-group">
          {blocked ? (
            mayDecide && (
              <button type="button" className="button button--secondary button--small" onClick={() => onReason('unblock')} data-testid="person-unblock">
                <CircleCheckBig size={16} aria-hidden="true" />
                {t('lifecycle.unblock')}
              </button>
            )
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={() => onReason('block')} data-testid="person-block">
              <Ban size={16} aria-hidden="true" />
              {t('lifecycle.block')}
            </button>
          )}
          {!mayDecide ? null : held ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onReason('release')}
              disabled={blocked}
              title={blocked ? t('lifecycle.blockedHint') : undefined}
              data-testid="person-release-hold"
            >
              <ShieldOff size={16} aria-hidden="true" />
              {t('lifecycle.releaseHold')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onReason('hold')}
              disabled={blocked}
              title={blocked ? t('lifecycle.blockedHint') : undefined}
              data-testid="person-hold"
            >
              <ShieldAlert size={16} aria-hidden="true" />
              {t('lifecycle.hold')}
            </button>
          )}
        </div>
        {mayEnd ? (
          <div className="lifecycle__actions-group">
            <button type="button" className="button button--danger-outline button--small" onClick={() => onEnd('anonymise')} data-testid="person-anonymise">
              <Eraser size={16} aria-hidden="true" />
              {t('lifecycle.anonymise')}
            </button>
            <button type="button" className="button button--danger button--small" onClick={() => onEnd('destroy')} data-testid="person-destroy">
              <Flame size={16} aria-hidden="true" />
              {t('lifecycle.destroy')}
            </button>
          </div>
        ) : null}
      </footer>
      {(!mayEnd || !mayDecide) && <OnlyResponsible text={t('onlyResponsible.lifecycle')} testId="lifecycle-only-responsible" />}
      {editingGround && meta && (
        <GroundDialog
          person={person}
          meta={meta}
          onClose={() => setEditingGround(false)}
          onSaved={(p, removed) => {
            setEditingGround(false);
            onPerson(p);
            toast.success(removed ? t('lifecycle.groundRemoved') : t('lifecycle.groundSaved'));
          }}
        />
      )}
    </section>
  );
}

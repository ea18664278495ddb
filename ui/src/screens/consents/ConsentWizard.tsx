import { CircleCheck, FileSignature, Info, Paperclip, Printer, UserRound, UsersRound } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './consents.css';
import {
  api,
  SCOPES,
  toApiError,
  type ApiError,
  type Consent,
  type ConsentDraft,
  type ConsentForm,
  type FieldKey,
  type Inventory,
  type LifecycleMeta,
  type Organisation,
  type Person,
  type Representative,
  type Scope,
} from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveDialog } from '../../components/SaveDialog';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { formatDate } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField, formLabel, purposeName, scopeLabel } from '../../lib/lifecycle';
import { displayDate, fieldLabel, fullName, kindLabel, useUiLanguage } from '../../lib/register';
import { coreText } from '../../lib/words';
import { PurposeChecks, RepresentativeFields } from './ConsentParts';
import { useAttachEvidence } from './useAttachEvidence';
import { errorText } from '../../lib/errors';

type Step = 'purposes' | 'scopes' | 'who' | 'review';
const STEPS: Step[] = ['purposes', 'scopes', 'who', 'review'];
const FORMS: ConsentForm[] = ['paper', 'electronic', 'egov', 'consent_service', 'other'];
type ScopeKey = Exclude<Scope, 'all'>;

/** Which step holds the input an `invalid_input` error names (Rust's snake_case field keys). */
const STEP_OF_FIELD: Record<string, Step> = {
  purposes: 'purposes',
  given_on: 'purposes',
  valid_from: 'purposes',
  valid_until: 'purposes',
  third_parties: 'scopes',
  cross_border: 'scopes',
  publication: 'scopes',
  form: 'who',
  form_reference: 'who',
  representative_name: 'who',
  representative_relation: 'who',
  representative_document: 'who',
};

/** The step an error belongs to; null for an error about the whole record (blocked, organisation…). */
function stepOf(error: ApiError): Step | null {
  if (error.code === 'representative_required') return 'who';
  const field = errorField(error);
  return field ? (STEP_OF_FIELD[field] ?? null) : null;
}

const emptyRep: Representative = { name: '', relation: '', document: '' };

/**
 * Record a consent in four steps: purposes and term; the separate scopes (Art. 7(6)); who gave it
 * and in what form; a review of every Art. 8(4) item. Each step is checked by the backend
 * (consent_check) before the next one opens, so a mistake shows where it was made. Whether a
 * legal representative is needed is the backend's answer (`representative_required`), not ours.
 */
export function ConsentWizard({
  person,
  meta,
  initialScopes = [],
  onClose,
  onRecorded,
}: {
  person: Person;
  meta: LifecycleMeta;
  /** Scopes to start switched on (e.g. publication, when the user came from "Make public"). */
  initialScopes?: ScopeKey[];
  onClose: () => void;
  onRecorded: (consent: Consent) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const [step, setStep] = useState<Step>('purposes');
  const [purposes, setPurposes] = useState<string[]>([]);
  const [givenOn, setGivenOn] = useState(() => formatDate(new Date()));
  const [validFrom, setValidFrom] = useState('');
  const [untilPurpose, setUntilPurpose] = useState(true);
  const [validUntil, setValidUntil] = useState('');
  const [scopes, setScopes] = useState<Record<ScopeKey, { on: boolean; text: string }>>(() => ({
    third_parties: { on: initialScopes.includes('third_parties'), text: '' },
    cross_border: { on: initialScopes.includes('cross_border'), text: '' },
    publication: { on: initialScopes.includes('publication'), text: '' },
  }));
  // Art. 19: the person is to be told of each transfer of their data to a third party.
  const [notifyTransfers, setNotifyTransfers] = useState(false);
  const [byRep, setByRep] = useState(false);
  const [repRequired, setRepRequired] = useState(false);
  const [rep, setRep] = useState<Representative>(emptyRep);
  const [form, setForm] = useState<ConsentForm>('paper');
  const [formReference, setFormReference] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<Consent | null>(null);
  const [org, setOrg] = useState<Organisation | null>(null);
  const [printingDraft, setPrintingDraft] = useState(false);
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const showSpinner = useDelayedFlag(busy, 150);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const plain = Object.fromEntries(Object.entries(person.values).map(([k, v]) => [k, v?.value]));
  const name = fullName(plain) || t('people.noName');
  const offered = meta.purposes.filter((p) => p.kinds.includes(person.kind));

  // For the review: the operator and the data the inventory lists for the chosen purposes.
  useEffect(() => {
    api.orgGet().then(setOrg).catch(() => setOrg(null));
    api.inventoryGet().then(setInventory).catch(() => setInventory(null));
  }, []);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step, recorded]);

  // After the backend pointed at a field, put the cursor there (after the heading effect above).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, step]);

  const draft = (): ConsentDraft => ({
    purposes,
    givenOn: givenOn.trim() || null,
    validFrom: validFrom.trim() || null,
    validUntil: untilPurpose ? null : validUntil.trim() || null,
    thirdParties: scopes.third_parties.on ? scopes.third_parties.text : null,
    crossBorder: scopes.cross_border.on ? scopes.cross_border.text : null,
    publication: scopes.publication.on ? scopes.publication.text : null,
    form,
    formReference: formReference.trim() || null,
    representative: byRep ? rep : null,
    notifyTransfers: scopes.third_parties.on && notifyTransfers,
  });

  /** Shows an error where it belongs; true when the user must fix something on this step or before. */
  const route = (err: ApiError, current: Step): boolean => {
    if (err.code === 'representative_required') {
      setByRep(true);
      setRepRequired(true);
    }
    const target = stepOf(err);
    if (target === null) {
      setError(err);
      return true;
    }
    if (STEPS.indexOf(target) <= STEPS.indexOf(current)) {
      setError(err);
      setStep(target);
      return true;
    }
    // A problem with a later step: the user has not reached it yet.
    setError(null);
    return false;
  };

  const next = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.consentCheck(person.id, draft());
      setStep(STEPS[STEPS.indexOf(step) + 1]!);
    } catch (e) {
      if (!route(toApiError(e), step)) setStep(STEPS[STEPS.indexOf(step) + 1]!);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const consent = await api.consentAdd(person.id, draft());
      setRecorded(consent);
      onRecorded(consent);
    } catch (e) {
      route(toApiError(e), 'review');
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setError(null);
    setStep(STEPS[Math.max(0, STEPS.indexOf(step) - 1)]!);
  };

  const field = errorField(error);
  const fieldError = (key: string) =>
    error && field === key ? (
      <p className="field__error" id={`${id}-${key}-error`} role="alert" data-testid={`consent-error-${key}`}>
        {errorText(t, error)}
      </p>
    ) : null;
  const invalid = (key: string) =>
    field === key ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${key}-error` } : {};
  const generalError = error && (field === null || !STEP_OF_FIELD[field]) && error.code !== 'representative_required';

  const dataFields = useMemo(() => {
    if (!inventory) return [];
    const set = new Set<string>();
    for (const p of inventory.purposes) if (purposes.includes(p.key)) for (const f of p.fields[person.kind] ?? []) set.add(f);
    return (Object.keys(inventory.categories) as FieldKey[]).filter((f) => set.has(f));
  }, [inventory, purposes, person.kind]);

  const termText =
    untilPurpose || !validUntil.trim()
      ? t('consent.untilPurpose')
      : t('consent.until', { date: displayDate(validUntil.trim()) });

  if (recorded) {
    return <Done consent={recorded} onClose={onClose} headingRef={headingRef} />;
  }

  return (
    <Dialog title={t('consent.wizard.title', { name })} onClose={() => !busy && onClose()} testId="consent-wizard" size="wide">
      <ol className="steps steps--4" aria-label={t('create.stepsLabel')}>
        {STEPS.map((s, i) => {
          const current = STEPS.indexOf(step);
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__dot" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="steps__label">{t(`consent.wizard.steps.${s}`)}</span>
            </li>
          );
        })}
      </ol>

      <form
        ref={formRef}
        className="form wizard-step"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          if (step === 'review') void save();
          else void next();
        }}
      >
        {step === 'purposes' && (
          <>
            <h3 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('consent.wizard.purposesTitle')}
            </h3>
            <fieldset className="fieldset" aria-describedby={field === 'purposes' ? `${id}-purposes-error` : undefined}>
              <legend className="field__label">{t('consent.wizard.purposes')}</legend>
              <p className="field__hint">{t('consent.wizard.purposesHint', { kind: kindLabel(t, person.kind).toLowerCase() })}</p>
              <PurposeChecks
                offered={offered}
                chosen={purposes}
                onChange={(next) => {
                  setError(null);
                  setPurposes(next);
                }}
                lang={lang}
                testIdPrefix="consent-purpose"
              />
              {fieldError('purposes')}
            </fieldset>

            <div className="form-grid form-grid--dates">
              <div className="field">
                <label className="field__label" htmlFor={`${id}-given`}>
                  {t('consent.givenOn')}
                </label>
                <input
                  id={`${id}-given`}
                  className="input input--date"
                  inputMode="numeric"
                  placeholder={t('person.datePlaceholder')}
                  value={givenOn}
                  onChange={(e) => {
                    setGivenOn(e.target.value);
                    setError(null);
                  }}
                  {...invalid('given_on')}
                  data-testid="consent-given-on"
                />
                {fieldError('given_on')}
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-from`}>
                  {t('consent.validFrom')}
                </label>
                <input
                  id={`${id}-from`}
                  className="input input--date"
                  inputMode="numeric"
                  placeholder={t('person.datePlaceholder')}
                  value={validFrom}
                  onChange={(e) => {
                    setValidFrom(e.target.value);
                    setError(null);
                  }}
                  {...invalid('valid_from')}
                  data-testid="consent-valid-from"
                />
                <p className="field__hint">{t('consent.validFromHint')}</p>
                {fieldError('valid_from')}
              </div>
            </div>

            <fieldset className="fieldset">
              <legend className="field__label">{t('consent.term')}</legend>
              <div className="radio-cards radio-cards--stack">
                <label className="radio-card">
                  <input
                    type="radio"
                    name={`${id}-term`}
                    checked={untilPurpose}
                    onChange={() => {
                      setUntilPurpose(true);
                      setError(null);
                    }}
                    data-testid="consent-until-purpose"
                  />
                  <span>{t('consent.untilPurpose')}</span>
                </label>
                <label className="radio-card">
                  <input
                    type="radio"
                    name={`${id}-term`}
                    checked={!untilPurpose}
                    onChange={() => {
                      setUntilPurpose(false);
                      setError(null);
                    }}
                    data-testid="consent-until-date"
                  />
                  <span>{t('consent.untilDate')}</span>
                </label>
              </div>
              {!untilPurpose && (
                <div className="field field--nested">
                  <label className="field__label" htmlFor={`${id}-until`}>
                    {t('consent.validUntil')}
                  </label>
                  <input
                    id={`${id}-until`}
                    className="input input--date"
                    inputMode="numeric"
                    placeholder={t('person.datePlaceholder')}
                    value={validUntil}
                    onChange={(e) => {
                      setValidUntil(e.target.value);
                      setError(null);
                    }}
                    {...invalid('valid_until')}
                    data-testid="consent-valid-until"
                  />
                </div>
              )}
              {fieldError('valid_until')}
            </fieldset>
          </>
        )}

        {step === 'scopes' && (
          <>
            <h3 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('consent.wizard.scopesTitle')}
            </h3>
            <p className="muted">{t('consent.wizard.scopesLead')}</p>
            {SCOPES.map((s) => {
              const key = s as ScopeKey;
              const value = scopes[key];
              return (
                <fieldset key={s} className="scope-choice" data-testid={`consent-scope-block-${s}`}>
                  <legend className="field__label">{t(`consent.wizard.scopeQuestion.${s}`)}</legend>
                  <div className="scope-choice__toggle">
                    <label className="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={value.on}
                        onChange={(e) => {
                          setError(null);
                          setScopes((all) => ({ ...all, [key]: { ...all[key], on: e.target.checked } }));
                        }}
                        data-testid={`consent-scope-${s}`}
                      />
                      <span className="switch__track" aria-hidden="true" />
                      <span className="switch__text">{value.on ? t('common.yes') : t('common.no')}</span>
                    </label>
                  </div>
                  {value.on && (
                    <div className="field">
                      <label className="field__label field__label--light" htmlFor={`${id}-scope-${s}`}>
                        {t(`consent.wizard.scopeDetail.${s}`)}
                      </label>
                      <input
                        id={`${id}-scope-${s}`}
                        className="input"
                        value={value.text}
                        onChange={(e) => {
                          setError(null);
                          setScopes((all) => ({ ...all, [key]: { ...all[key], text: e.target.value } }));
                        }}
                        placeholder={t(`consent.wizard.scopePlaceholder.${s}`)}
                        {...invalid(s)}
                        data-testid={`consent-scope-${s}-text`}
                      />
                    </div>
                  )}
                  {value.on && s === 'third_parties' && (
                    <label className="checkbox consent-notify-transfers">
                      <input type="checkbox" checked={notifyTransfers} onChange={(e) => setNotifyTransfers(e.target.checked)} data-testid="consent-notify-transfers" />
                      <span>
                        {t('consent.wizard.notifyTransfers')}
                        <span className="field__hint checkbox__hint">{t('consent.wizard.notifyTransfersHint')}</span>
                      </span>
                    </label>
                  )}
                  {fieldError(s)}
                </fieldset>
              );
            })}
          </>
        )}

        {step === 'who' && (
          <>
            <h3 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('consent.wizard.whoTitle')}
            </h3>
            {repRequired && (
              <div className="notice notice--warning" role="alert" data-testid="consent-rep-required">
                <Info size={20} aria-hidden="true" />
                <div>
                  <p className="notice__title">{t('consent.wizard.repRequiredTitle')}</p>
                  <p>{coreText('error-representative_required')}</p>
                </div>
              </div>
            )}
            <fieldset className="fieldset">
              <legend className="field__label">{t('consent.wizard.whoGave')}</legend>
              <div className="radio-cards">
                <label className="radio-card">
                  <input
                    type="radio"
                    name={`${id}-who`}
                    checked={!byRep}
                    onChange={() => {
                      setByRep(false);
                      setError(null);
                    }}
                    data-testid="consent-by-person"
                  />
                  <UserRound size={18} aria-hidden="true" />
                  <span>{t('consent.wizard.byPerson')}</span>
                </label>
                <label className="radio-card">
                  <input
                    type="radio"
                    name={`${id}-who`}
                    checked={byRep}
                    onChange={() => {
                      setByRep(true);
                      setError(null);
                    }}
                    data-testid="consent-by-representative"
                  />
                  <UsersRound size={18} aria-hidden="true" />
                  <span>{t('consent.wizard.byRepresentative')}</span>
                </label>
              </div>
            </fieldset>
            {byRep && (
              <section className="subpanel" aria-labelledby={`${id}-rep`} data-testid="consent-rep-section">
                <h4 id={`${id}-rep`} className="form-section__title">
                  {t('consent.representative')}
                </h4>
                <p className="field__hint">{t('consent.wizard.repHint')}</p>
                <RepresentativeFields
                  id={id}
                  rep={rep}
                  onChange={(next) => {
                    setRep(next);
                    setError(null);
                  }}
                  invalid={invalid}
                  fieldError={fieldError}
                  testIdPrefix="consent-rep"
                />
              </section>
            )}

            <fieldset className="fieldset">
              <legend className="field__label">{t('consent.form')}</legend>
              <div className="radio-cards">
                {FORMS.filter((f) => meta.forms.length === 0 || meta.forms.includes(f)).map((f) => (
                  <label key={f} className="radio-card">
                    <input
                      type="radio"
                      name={`${id}-form`}
                      checked={form === f}
                      onChange={() => {
                        setForm(f);
                        setError(null);
                      }}
                      data-testid={`consent-form-${f}`}
                    />
                    <span>{formLabel(t, f)}</span>
                  </label>
                ))}
              </div>
              {fieldError('form')}
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-ref`}>
                {t('consent.formReference')}
              </label>
              <input
                id={`${id}-ref`}
                className="input input--medium"
                value={formReference}
                onChange={(e) => {
                  setFormReference(e.target.value);
                  setError(null);
                }}
                {...invalid('form_reference')}
                autoComplete="off"
                data-testid="consent-form-reference"
              />
              <p className="field__hint">{t('consent.formReferenceHint')}</p>
              {fieldError('form_reference')}
            </div>
          </>
        )}

        {step === 'review' && (
          <>
            <h3 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('consent.wizard.reviewTitle')}
            </h3>
            <p className="muted">{t('consent.wizard.reviewLead')}</p>
            <ol className="review-list" data-testid="consent-review">
              <ReviewItem n={1} label={t('consent.review.operator')}>
                {org ? (
                  <>
                    {org.name || '—'}
                    {org.bin && <span className="muted"> · {t('consent.review.bin', { bin: org.bin })}</span>}
                  </>
                ) : (
                  '—'
                )}
              </ReviewItem>
              <ReviewItem n={2} label={t('consent.review.subject')}>
                {name} <span className="muted">· {t('personPage.number', { number: person.number })}</span>
              </ReviewItem>
              <ReviewItem n={3} label={t('consent.review.term')}>
                {t('consent.review.termText', {
                  given: displayDate(givenOn.trim()) || '—',
                  from: displayDate(validFrom.trim()) || displayDate(givenOn.trim()) || '—',
                  until: termText,
                })}
              </ReviewItem>
              {SCOPES.map((s, i) => {
                const v = scopes[s as ScopeKey];
                return (
                  <ReviewItem key={s} n={4 + i} label={scopeLabel(t, s)}>
                    <span className={v.on ? 'yes' : 'no'}>{v.on ? t('common.yes') : t('common.no')}</span>
                    {v.on && v.text.trim() && <span> — {v.text.trim()}</span>}
                    {v.on && s === 'third_parties' && notifyTransfers && <span className="muted"> · {t('consent.review.notifyTransfers')}</span>}
                  </ReviewItem>
                );
              })}
              <ReviewItem n={7} label={t('consent.review.data')}>
                {dataFields.length ? dataFields.map((f) => fieldLabel(t, f)).join(', ') : '—'}
              </ReviewItem>
              <ReviewItem n={8} label={t('consent.review.purposes')}>
                {purposes.map((p) => purposeName(meta, p, lang)).join('; ') || '—'}
              </ReviewItem>
            </ol>
            <dl className="facts facts--compact">
              <div className="facts__row">
                <dt>{t('consent.givenBy')}</dt>
                <dd>
                  {byRep
                    ? t('consent.review.byRep', { name: rep.name.trim() || '—', relation: rep.relation.trim() || '—', document: rep.document.trim() || '—' })
                    : t('consent.review.byPerson')}
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('consent.form')}</dt>
                <dd>
                  {formLabel(t, form)}
                  {formReference.trim() && <span className="muted"> · {formReference.trim()}</span>}
                </dd>
              </div>
            </dl>
          </>
        )}

        {generalError && error && (
          <ErrorMessage error={error} text={errorText(t, error)} testId="consent-error">
            {field === 'organisation' && (
              <a className="link" href="#/settings">
                {t('consent.wizard.openSettings')}
              </a>
            )}
          </ErrorMessage>
        )}

        {step === 'review' && (
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setPrintingDraft(true)}
              disabled={busy}
              data-testid="consent-print-draft"
            >
              <Printer size={18} aria-hidden="true" />
              {t('consent.printDraft.button')}
            </button>
          </div>
        )}

        <div className="actions actions--split wizard-step__footer">
          {step === 'purposes' ? (
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
          ) : (
            <button type="button" className="button button--ghost" onClick={back} disabled={busy} data-testid="consent-back">
              {t('common.back')}
            </button>
          )}
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            aria-busy={busy}
            data-testid={step === 'review' ? 'consent-save' : 'consent-next'}
          >
            {showSpinner && <Spinner />}
            {step === 'review' ? (
              <>
                <FileSignature size={18} aria-hidden="true" />
                {t('consent.wizard.save')}
              </>
            ) : (
              t('common.next')
            )}
          </button>
        </div>
      </form>
      {/* Outside the wizard's form: a submit inside the save dialog must not record the consent. */}
      {printingDraft && (
        <SaveDialog
          title={t('consent.printDraft.title')}
          lead={t('consent.printDraft.lead')}
          suggestName={(l) => t('consent.printDraft.fileName', { lang: l })}
          onSave={(path, l, ifExists) => api.consentFormDraftSave(person.id, draft(), l, path, ifExists)}
          onClose={() => setPrintingDraft(false)}
        />
      )}
    </Dialog>
  );
}

function ReviewItem({ n, label, children }: { n: number; label: string; children: React.ReactNode }) {
  return (
    <li className="review-list__item">
      <span className="review-list__n" aria-hidden="true">
        {n}
      </span>
      <span className="review-list__label">{label}</span>
      <span className="review-list__value">{children}</span>
    </li>
  );
}

/** After recording: print the form for signing and attach the signed scan, right here. */
function Done({ consent, onClose, headingRef }: { consent: Consent; onClose: () => void; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [printing, setPrinting] = useState(false);
  const [evidence, setEvidence] = useState(consent.evidence);
  const { attach, busy, error, confirm } = useAttachEvidence();

  return (
    <Dialog title={t('consent.wizard.doneTitle')} onClose={onClose} testId="consent-wizard" size="wide">
      <div className="form" data-testid="consent-done" data-number={consent.number}>
        <div className="notice notice--success">
          <CircleCheck size={22} aria-hidden="true" />
          <div>
            <p className="notice__title" tabIndex={-1} ref={headingRef}>
              {t('consent.wizard.recorded', { number: consent.number })}
            </p>
            <p>{t('consent.wizard.recordedNext')}</p>
          </div>
        </div>
        <div className="next-steps">
          <button type="button" className="next-step" onClick={() => setPrinting(true)} data-testid="consent-done-print">
            <Printer size={22} aria-hidden="true" />
            <span>
              <span className="next-step__title">{t('consent.print.button')}</span>
              <span className="next-step__hint">{t('consent.print.hint')}</span>
            </span>
          </button>
          <button
            type="button"
            className="next-step"
            disabled={busy}
            onClick={() =>
              void attach(consent.number).then((ev) => {
                if (ev) {
                  setEvidence(ev);
                  toast.success(t('consent.evidence.attached'));
                }
              })
            }
            data-testid="consent-done-attach"
          >
            {busy ? <Spinner size={22} /> : evidence ? <CircleCheck size={22} aria-hidden="true" className="ok-icon" /> : <Paperclip size={22} aria-hidden="true" />}
            <span>
              <span className="next-step__title">{evidence ? t('consent.evidence.attachedShort') : t('consent.evidence.attach')}</span>
              <span className="next-step__hint">{t('consent.evidence.hint')}</span>
            </span>
          </button>
        </div>
        {error && <ErrorMessage error={error} text={errorText(t, error)} testId="consent-attach-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--primary" onClick={onClose} data-testid="consent-done-close">
            {t('common.done')}
          </button>
        </div>
      </div>
      {printing && <PrintConsentDialog number={consent.number} onClose={() => setPrinting(false)} />}
      {confirm}
    </Dialog>
  );
}

/** Save the pre-filled consent form (PDF, Kazakh or Russian) for signing. */
export function PrintConsentDialog({ number, onClose }: { number: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SaveDialog
      title={t('consent.print.title', { number })}
      lead={t('consent.print.lead')}
      suggestName={(l) => t('consent.print.fileName', { number, lang: l })}
      onSave={(path, l, ifExists) => api.consentFormSave(number, l, path, ifExists)}
      onClose={onClose}
    />
  );
}


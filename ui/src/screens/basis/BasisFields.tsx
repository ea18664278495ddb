import { FileSignature, Info, Scale, UserRound, UsersRound } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './basis.css';
import '../consents/consents.css';
import type { ConsentForm, Kind, LifecycleMeta } from '../../api';
import { offeredPurposes, subparagraphLabel, type BasisMode, type BasisProblem, type BasisState, type ConsentPart, type GroundPart } from '../../lib/basis';
import { formLabel } from '../../lib/lifecycle';
import { kindLabel, useUiLanguage } from '../../lib/register';
import { PurposeChecks, RepresentativeFields } from '../consents/ConsentParts';

const FORMS: ConsentForm[] = ['paper', 'electronic', 'egov', 'consent_service', 'other'];

/**
 * The basis for processing (Art. 7(1), 9), asked wherever people enter the register or lack a
 * basis: the add-a-person form, the import, the list of people without a basis. Either a consent
 * (for one person: purposes, term, who gave it, the form and when its scan is due; for a batch:
 * "paper consents on file" with their purposes and scan day), or an Art. 9 ground with the law
 * relied on. A controlled component: the caller holds the state and sends it.
 */
export function BasisFields({
  mode,
  kinds,
  meta,
  value,
  onChange,
  problems,
  disabled,
}: {
  mode: BasisMode;
  /** The kind of the person, or of every person in the batch or selection. */
  kinds: Kind[];
  meta: LifecycleMeta;
  value: BasisState;
  onChange: (next: BasisState) => void;
  problems: BasisProblem[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const offered = offeredPurposes(meta, kinds);
  const kindWords = kinds.map((k) => kindLabel(t, k).toLowerCase()).join(', ');
  const problemFor = (field: string) => problems.find((p) => p.field === field) ?? null;
  const errorLine = (field: string, testId = field) => {
    const p = problemFor(field);
    return p ? (
      <p className="field__error" id={`${id}-${field}-error`} role="alert" data-testid={`basis-error-${testId}`}>
        {p.text}
      </p>
    ) : null;
  };
  const invalid = (field: string) =>
    problemFor(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const general = problems.filter((p) => ['basis', 'organisation', 'subject'].includes(p.field) || (p.field === 'legal_ground' && value.type !== 'ground'));

  const setType = (type: BasisState['type']) => onChange({ ...value, type });
  const setConsent = (patch: Partial<ConsentPart>) => onChange({ ...value, consent: { ...value.consent, ...patch } });

  return (
    <div className="basis" data-testid="basis" data-type={value.type ?? ''}>
      <fieldset className="fieldset">
        <legend className="field__label">{mode === 'batch' ? t('basis.chooseBatch') : t('basis.choose')}</legend>
        <div className="basis-choice" role="radiogroup">
          <label className="basis-option">
            <input
              type="radio"
              name={`${id}-type`}
              checked={value.type === 'consent'}
              disabled={disabled}
              onChange={() => setType('consent')}
              data-testid="basis-consent"
            />
            <FileSignature size={22} aria-hidden="true" />
            <span>
              <span className="basis-option__title">{mode === 'batch' ? t('basis.consent.batchTitle') : t('basis.consent.title')}</span>
              <span className="basis-option__hint">{mode === 'batch' ? t('basis.consent.batchHint') : t('basis.consent.hint')}</span>
            </span>
          </label>
          <label className="basis-option">
            <input
              type="radio"
              name={`${id}-type`}
              checked={value.type === 'ground'}
              disabled={disabled}
              onChange={() => setType('ground')}
              data-testid="basis-ground"
            />
            <Scale size={22} aria-hidden="true" />
            <span>
              <span className="basis-option__title">{t('basis.ground.title')}</span>
              <span className="basis-option__hint">{t('basis.ground.hint')}</span>
            </span>
          </label>
        </div>
      </fieldset>
      {general.map((p, i) => (
        <p key={i} className="field__error" role="alert" data-testid={`basis-error-${p.field}`}>
          {p.text}
          {p.field === 'organisation' && (
            <>
              {' '}
              <a className="link" href="#/settings">
                {t('consent.wizard.openSettings')}
              </a>
            </>
          )}
        </p>
      ))}

      {value.type === 'consent' && (
        <div className="basis__details" data-testid="basis-consent-details">
          <fieldset className="fieldset" aria-describedby={problemFor('purposes') ? `${id}-purposes-error` : undefined}>
            <legend className="field__label">{t('consent.wizard.purposes')}</legend>
            <p className="field__hint">
              {mode === 'batch' ? t('basis.consent.batchPurposesHint', { kind: kindWords }) : t('basis.consent.purposesHint', { kind: kindWords })}
            </p>
            <PurposeChecks
              offered={offered}
              chosen={value.consent.purposes}
              onChange={(purposes) => setConsent({ purposes })}
              lang={lang}
              testIdPrefix="basis-purpose"
              disabled={disabled}
            />
            {errorLine('purposes')}
          </fieldset>

          {mode === 'person' && <PersonConsent id={id} value={value.consent} set={setConsent} invalid={invalid} errorLine={errorLine} problemFor={problemFor} disabled={disabled} />}

          {(mode === 'batch' || value.consent.form === 'paper') && (
            <div className="field basis__scan">
              <label className="field__label" htmlFor={`${id}-scan`}>
                {mode === 'batch' ? t('basis.consent.batchScanDue') : t('basis.consent.scanDue')}
              </label>
              <input
                id={`${id}-scan`}
                className="input input--date"
                inputMode="numeric"
                placeholder={t('person.datePlaceholder')}
                value={value.consent.scanDue}
                disabled={disabled}
                onChange={(e) => setConsent({ scanDue: e.target.value })}
                {...invalid('scan_due')}
                data-testid="basis-scan-due"
              />
              <p className="field__hint">{mode === 'batch' ? t('basis.consent.batchScanHint') : t('basis.consent.scanDueHint')}</p>
              {errorLine('scan_due')}
            </div>
          )}
          <p className="muted small with-icon basis__note">
            <Info size={14} aria-hidden="true" />
            <span>{mode === 'batch' ? t('basis.consent.batchNote') : t('basis.consent.scopesNote')}</span>
          </p>
        </div>
      )}

      {value.type === 'ground' && (
        <div className="basis__details" data-testid="basis-ground-details">
          <GroundFields kinds={kinds} meta={meta} value={value.ground} onChange={(ground) => onChange({ ...value, ground })} problems={problems} disabled={disabled} testIdPrefix="basis" />
        </div>
      )}
    </div>
  );
}

/**
 * An Art. 9 ground: the sub-paragraph (only those an NGO may rely on, with their full names), the
 * law relied on (required by the core), and the purposes it covers (none ticked: all of them).
 */
export function GroundFields({
  kinds,
  meta,
  value,
  onChange,
  problems,
  disabled,
  testIdPrefix,
}: {
  kinds: Kind[];
  meta: LifecycleMeta;
  value: GroundPart;
  onChange: (next: GroundPart) => void;
  problems: BasisProblem[];
  disabled?: boolean;
  /** `basis` gives data-testid="basis-subparagraph", "basis-law", "basis-covers-<purpose>". */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const offered = offeredPurposes(meta, kinds);
  const kindWords = kinds.map((k) => kindLabel(t, k).toLowerCase()).join(', ');
  const problemFor = (field: string) => problems.find((p) => p.field === field) ?? null;
  const errorLine = (field: string) => {
    const p = problemFor(field);
    return p ? (
      <p className="field__error" id={`${id}-${field}-error`} role="alert" data-testid={`${testIdPrefix}-error-${field}`}>
        {p.text}
      </p>
    ) : null;
  };
  const invalid = (field: string) =>
    problemFor(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const set = (patch: Partial<GroundPart>) => onChange({ ...value, ...patch });
  // A ground recorded before (a code this build no longer offers) stays visible until changed.
  const codes = meta.legalGrounds.includes(value.subparagraph) || !value.subparagraph ? meta.legalGrounds : [value.subparagraph, ...meta.legalGrounds];
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-sub`}>
          {t('basis.ground.subparagraph')}
        </label>
        <select
          id={`${id}-sub`}
          className="input select basis__select"
          value={value.subparagraph}
          disabled={disabled}
          onChange={(e) => set({ subparagraph: e.target.value })}
          {...invalid('legal_ground')}
          data-testid={`${testIdPrefix}-subparagraph`}
        >
          {codes.map((g) => (
            <option key={g} value={g}>
              {subparagraphLabel(t, g)}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('basis.ground.subparagraphHint')}</p>
        {errorLine('legal_ground')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-law`}>
          {t('basis.ground.law')}
        </label>
        <input
          id={`${id}-law`}
          className="input basis__law"
          value={value.law}
          placeholder={t('basis.ground.lawPlaceholder')}
          disabled={disabled}
          onChange={(e) => set({ law: e.target.value })}
          autoComplete="off"
          {...invalid('law')}
          data-testid={`${testIdPrefix}-law`}
        />
        <p className="field__hint">{t('basis.ground.lawHint')}</p>
        {errorLine('law')}
      </div>
      <fieldset className="fieldset" aria-describedby={problemFor('purposes') ? `${id}-purposes-error` : undefined}>
        <legend className="field__label">{t('basis.ground.purposes')}</legend>
        <p className="field__hint">{t('basis.ground.purposesHint', { kind: kindWords })}</p>
        <PurposeChecks
          offered={offered}
          chosen={value.purposes}
          onChange={(purposes) => set({ purposes })}
          lang={lang}
          testIdPrefix={`${testIdPrefix}-covers`}
          disabled={disabled}
        />
        {errorLine('purposes')}
      </fieldset>
    </>
  );
}

/** One person's consent: when it was given and for how long, who gave it, and in what form. */
function PersonConsent({
  id,
  value,
  set,
  invalid,
  errorLine,
  problemFor,
  disabled,
}: {
  id: string;
  value: ConsentPart;
  set: (patch: Partial<ConsentPart>) => void;
  invalid: (field: string) => Record<string, unknown>;
  errorLine: (field: string) => React.ReactNode;
  problemFor: (field: string) => BasisProblem | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const repProblem = problemFor('representative');
  return (
    <>
      <div className="basis__dates">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-given`}>
            {t('consent.givenOn')}
          </label>
          <input
            id={`${id}-given`}
            className="input input--date"
            inputMode="numeric"
            placeholder={t('person.datePlaceholder')}
            value={value.givenOn}
            disabled={disabled}
            onChange={(e) => set({ givenOn: e.target.value })}
            {...invalid('given_on')}
            data-testid="basis-given-on"
          />
          {errorLine('given_on')}
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('consent.term')}</legend>
          <div className="radio-cards radio-cards--tight">
            <label className="radio-card">
              <input
                type="radio"
                name={`${id}-term`}
                checked={value.untilPurpose}
                disabled={disabled}
                onChange={() => set({ untilPurpose: true })}
                data-testid="basis-until-purpose"
              />
              <span>{t('consent.untilPurpose')}</span>
            </label>
            <label className="radio-card">
              <input
                type="radio"
                name={`${id}-term`}
                checked={!value.untilPurpose}
                disabled={disabled}
                onChange={() => set({ untilPurpose: false })}
                data-testid="basis-until-date"
              />
              <span>{t('consent.untilDate')}</span>
            </label>
          </div>
          {!value.untilPurpose && (
            <div className="field basis__until">
              <label className="field__label field__label--light" htmlFor={`${id}-until`}>
                {t('consent.validUntil')}
              </label>
              <input
                id={`${id}-until`}
                className="input input--date"
                inputMode="numeric"
                placeholder={t('person.datePlaceholder')}
                value={value.validUntil}
                disabled={disabled}
                onChange={(e) => set({ validUntil: e.target.value })}
                {...invalid('valid_until')}
                data-testid="basis-valid-until"
              />
            </div>
          )}
          {errorLine('valid_from')}
          {errorLine('valid_until')}
        </fieldset>
      </div>

      <fieldset className="fieldset">
        <legend className="field__label">{t('consent.wizard.whoGave')}</legend>
        <div className="radio-cards radio-cards--tight">
          <label className="radio-card">
            <input
              type="radio"
              name={`${id}-who`}
              checked={!value.byRep}
              disabled={disabled}
              onChange={() => set({ byRep: false })}
              data-testid="basis-by-person"
            />
            <UserRound size={18} aria-hidden="true" />
            <span>{t('consent.wizard.byPerson')}</span>
          </label>
          <label className="radio-card">
            <input
              type="radio"
              name={`${id}-who`}
              checked={value.byRep}
              disabled={disabled}
              onChange={() => set({ byRep: true })}
              data-testid="basis-by-representative"
            />
            <UsersRound size={18} aria-hidden="true" />
            <span>{t('consent.wizard.byRepresentative')}</span>
          </label>
        </div>
      </fieldset>
      {repProblem && (
        <div className="notice notice--warning" role="alert" data-testid="basis-rep-required">
          <Info size={20} aria-hidden="true" />
          <div>
            <p className="notice__title">{t('consent.wizard.repRequiredTitle')}</p>
            <p>{repProblem.text}</p>
          </div>
        </div>
      )}
      {value.byRep && (
        <section className="subpanel" aria-label={t('consent.representative')} data-testid="basis-rep-section">
          <p className="field__hint">{t('consent.wizard.repHint')}</p>
          <RepresentativeFields
            id={id}
            rep={value.rep}
            onChange={(rep) => set({ rep })}
            invalid={invalid}
            fieldError={errorLine}
            testIdPrefix="basis-rep"
            disabled={disabled}
          />
        </section>
      )}

      <fieldset className="fieldset">
        <legend className="field__label">{t('consent.form')}</legend>
        <div className="radio-cards radio-cards--tight">
          {FORMS.map((f) => (
            <label key={f} className="radio-card">
              <input
                type="radio"
                name={`${id}-form`}
                checked={value.form === f}
                disabled={disabled}
                onChange={() => set({ form: f })}
                data-testid={`basis-form-${f}`}
              />
              <span>{formLabel(t, f)}</span>
            </label>
          ))}
        </div>
        {errorLine('form')}
      </fieldset>
      {value.form !== 'paper' && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-ref`}>
            {t('consent.formReference')}
          </label>
          <input
            id={`${id}-ref`}
            className="input input--medium"
            value={value.formReference}
            disabled={disabled}
            onChange={(e) => set({ formReference: e.target.value })}
            {...invalid('form_reference')}
            autoComplete="off"
            data-testid="basis-form-reference"
          />
          <p className="field__hint">{t('consent.formReferenceHint')}</p>
          {errorLine('form_reference')}
        </div>
      )}
    </>
  );
}

/** The basis chosen, in one line: shown above a check or a run, so nobody imports on the wrong one. */
export function BasisSummary({ value, mode, meta, testId = 'basis-summary' }: { value: BasisState; mode: BasisMode; meta: LifecycleMeta | null; testId?: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const names = (keys: string[]) => keys.map((k) => meta?.purposes.find((p) => p.key === k)?.names[lang] ?? k).join(', ');
  let title: string;
  let detail: string;
  if (value.type === 'ground') {
    title = subparagraphLabel(t, value.ground.subparagraph);
    detail = [value.ground.law.trim(), value.ground.purposes.length ? names(value.ground.purposes) : t('basis.allPurposes')].filter(Boolean).join(' · ');
  } else {
    title = mode === 'batch' ? t('basis.consent.batchTitle') : t('basis.consent.title');
    const scan = value.consent.scanDue.trim() && (mode === 'batch' || value.consent.form === 'paper') ? t('basis.scansBy', { date: value.consent.scanDue.trim() }) : '';
    detail = [names(value.consent.purposes), scan].filter(Boolean).join(' · ');
  }
  return (
    <div className="basis-summary" data-testid={testId} data-type={value.type ?? ''}>
      {value.type === 'ground' ? <Scale size={18} aria-hidden="true" /> : <FileSignature size={18} aria-hidden="true" />}
      <div>
        <p className="muted small">{t('basis.summaryLabel')}</p>
        <p className="basis-summary__title">{title}</p>
        {detail && <p className="small">{detail}</p>}
      </div>
    </div>
  );
}

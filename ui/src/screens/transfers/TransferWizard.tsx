import { ArrowLeft, ArrowRight, CircleCheck, Globe, Plus } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import {
  api,
  ART16_EXCEPTIONS,
  toApiError,
  type ApiError,
  type Art16Exception,
  type FieldKey,
  type IdentifyingDraft,
  type RecipientRecord,
  type Transfer,
  type TransferCheck,
} from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { fieldLabel, isSensitive, useRegisterMeta } from '../../lib/register';
import { placeText, recipientKindLabel, transferableFields, transfersPath, unprotectedAbroad } from '../../lib/transfers';
import { coreText } from '../../lib/words';
import { parseNumbers } from '../breaches/BreachForm';
import { BackLink } from '../people/PersonForm';
import { PersonPicker, type PickedPerson } from '../requests/PersonPicker';
import { CheckStep } from './CheckStep';
import { RecipientDialog } from './RecipientDialog';
import { TransferDone } from './TransferDone';

const STEPS = ['recipient', 'data', 'people', 'check'] as const;
type Step = (typeof STEPS)[number];

/** A person on the list: their number, and their name when they were picked by search. */
export interface Listed {
  number: number;
  name?: string;
}

/** The fields ticked at first: the name, as a list of participants usually carries. */
const FIRST_FIELDS: FieldKey[] = ['surname', 'name', 'patronymic'];

/**
 * A transfer of data that identifies people to a third party (Art. 7(6), 15, 16): to whom and why,
 * which data, which people; then Derbes checks each person's basis (a consent naming this
 * recipient — abroad, also the country — or an Art. 9 ground; an Art. 16(3) exception abroad
 * without protection) and says who lacks one. Nothing can be saved while anyone does. The CSV is
 * written with the fields every basis covers and recorded in the transfer ledger.
 */
export function TransferWizard({ recipient: initialRecipient }: { recipient: number | null }) {
  const { t } = useTranslation();
  const may = useCan()('export_rows');
  const id = useId().replace(/:/g, '');
  const { meta } = useRegisterMeta();
  const [step, setStep] = useState<Step>('recipient');
  const [recipients, setRecipients] = useState<RecipientRecord[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [recipientNo, setRecipientNo] = useState<number | null>(initialRecipient);
  const [adding, setAdding] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [exception, setException] = useState<Art16Exception | ''>('');
  const [fields, setFields] = useState<FieldKey[] | null>(null);
  const [people, setPeople] = useState<Listed[]>([]);
  const [numbers, setNumbers] = useState('');
  const [gap, setGap] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ transfer: Transfer; path: string; check: TransferCheck } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const showLoading = useDelayedFlag(recipients === null && loadError === null);

  const loadRecipients = useCallback((select?: number) => {
    setLoadError(null);
    api
      .recipientsList()
      .then((list) => {
        setRecipients(list);
        if (select) setRecipientNo(select);
      })
      .catch((e) => setLoadError(toApiError(e)));
  }, []);
  useEffect(() => loadRecipients(), [loadRecipients]);

  const offered = transferableFields(meta);
  // The first fields are ticked once the inventory says which exist.
  useEffect(() => {
    if (fields === null && offered.length) setFields(FIRST_FIELDS.filter((f) => offered.includes(f)));
  }, [fields, offered]);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step, saved]);

  const recipient = recipients?.find((r) => r.number === recipientNo) ?? null;
  const needsException = recipient ? unprotectedAbroad(recipient) : false;
  const chosen = fields ?? [];

  const draft = (): IdentifyingDraft => ({
    recipient: recipientNo ?? 0,
    purpose: purpose.trim(),
    fields: offered.filter((f) => chosen.includes(f)),
    people: people.map((p) => p.number),
    exception: needsException && exception ? exception : null,
  });

  if (!may) {
    return (
      <div className="page" data-testid="transfer-wizard">
        <BackLink href={transfersPath.recipients()} label={t('transfers.back')} />
        <h1 className="page__title">{t('transfers.wizard.title')}</h1>
        <OnlyResponsible text={t('transfers.wizard.onlyExport')} />
      </div>
    );
  }

  if (saved) return <TransferDone transfer={saved.transfer} path={saved.path} check={saved.check} headingRef={headingRef} />;

  /** What stops the user going on from this step, as a sentence; null when nothing does. */
  const missing = (s: Step): string | null => {
    switch (s) {
      case 'recipient':
        if (!recipient) return t('transfers.wizard.chooseRecipient');
        if (!purpose.trim()) return coreText('reason-transfer_purpose_missing');
        return null;
      case 'data':
        return chosen.length ? null : coreText('reason-transfer_fields_missing');
      case 'people':
        return people.length ? null : coreText('reason-transfer_people_missing');
      case 'check':
        return null;
    }
  };

  const next = () => {
    const why = missing(step);
    setGap(why);
    if (!why) setStep(STEPS[STEPS.indexOf(step) + 1]!);
  };
  const back = () => {
    setGap(null);
    setStep(STEPS[Math.max(0, STEPS.indexOf(step) - 1)]!);
  };

  const addPeople = (more: Listed[]) => {
    setGap(null);
    setPeople((list) => {
      const out = [...list];
      for (const p of more) {
        const at = out.findIndex((x) => x.number === p.number);
        if (at < 0) out.push(p);
        else if (p.name && !out[at]!.name) out[at] = p;
      }
      return out;
    });
  };
  const typed = parseNumbers(numbers);
  const remove = (ns: number[]) => setPeople((list) => list.filter((p) => !ns.includes(p.number)));

  return (
    <div className="page transfer-wizard" data-testid="transfer-wizard" data-step={step}>
      <BackLink href={transfersPath.recipients()} label={t('transfers.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('transfers.wizard.title')}</h1>
          <p className="page__lead">{t('transfers.wizard.lead')}</p>
        </div>
      </header>

      <ol className="steps steps--4" aria-label={t('create.stepsLabel')}>
        {STEPS.map((s, i) => {
          const current = STEPS.indexOf(step);
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="steps__dot" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="steps__label">{t(`transfers.wizard.steps.${s}`)}</span>
            </li>
          );
        })}
      </ol>

      <form
        className="card card--panel form wizard-step transfer-step"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step !== 'check') next();
        }}
      >
        {step === 'recipient' && (
          <>
            <h2 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('transfers.wizard.recipientTitle')}
            </h2>
            {loadError ? (
              <ErrorMessage error={loadError} testId="transfer-recipients-error">
                <button type="button" className="link-button" onClick={() => loadRecipients()}>
                  {t('common.tryAgain')}
                </button>
              </ErrorMessage>
            ) : recipients === null ? (
              showLoading && <LoadingBlock label={t('common.loading')} />
            ) : (
              <fieldset className="fieldset">
                <legend className="field__label">{t('transfers.wizard.recipient')}</legend>
                {recipients.length === 0 ? (
                  <p className="muted" data-testid="transfer-no-recipients">
                    {t('transfers.wizard.noRecipients')}
                  </p>
                ) : (
                  <div className="recipient-choices">
                    {recipients.map((r) => (
                      <label key={r.number} className="radio-card recipient-choice">
                        <input
                          type="radio"
                          name={`${id}-recipient`}
                          checked={recipientNo === r.number}
                          onChange={() => {
                            setRecipientNo(r.number);
                            setException('');
                            setGap(null);
                          }}
                          data-testid="transfer-recipient"
                          data-number={r.number}
                        />
                        <span className="recipient-choice__text">
                          <span className="strong">{r.name}</span>
                          <span className="muted small">
                            {recipientKindLabel(t, r.kind)} · {placeText(t, r)}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                )}
                <button type="button" className="button button--ghost recipient-choices__add" onClick={() => setAdding(true)} data-testid="transfer-recipient-add">
                  <Plus size={18} aria-hidden="true" />
                  {t('transfers.recipients.add')}
                </button>
              </fieldset>
            )}

            {recipient && recipient.abroad && (
              <div className={`notice ${needsException ? 'notice--warning' : 'notice--info'} small`} data-testid="transfer-abroad-note">
                <Globe size={18} aria-hidden="true" />
                <p>{t(needsException ? 'transfers.wizard.abroadUnprotected' : 'transfers.wizard.abroadProtected', { country: recipient.country })}</p>
              </div>
            )}

            {needsException && (
              <div className="field">
                <label className="field__label" htmlFor={`${id}-exception`}>
                  {t('transfers.wizard.exception')}
                </label>
                <select
                  id={`${id}-exception`}
                  className="input select transfer-exception"
                  value={exception}
                  onChange={(e) => setException(e.target.value as Art16Exception | '')}
                  aria-describedby={`${id}-exception-hint`}
                  data-testid="transfer-exception"
                >
                  <option value="">{t('transfers.wizard.exceptionNone', { country: recipient!.country })}</option>
                  {ART16_EXCEPTIONS.map((x) => (
                    <option key={x} value={x}>
                      {t(`transfers.exceptions.${x}`)}
                    </option>
                  ))}
                </select>
                <p className="field__hint" id={`${id}-exception-hint`}>
                  {t('transfers.wizard.exceptionHint')}
                </p>
              </div>
            )}

            <div className="field">
              <label className="field__label" htmlFor={`${id}-purpose`}>
                {t('transfers.wizard.purpose')} <span className="required-mark" aria-hidden="true">*</span>
              </label>
              <textarea
                id={`${id}-purpose`}
                className="input textarea"
                rows={2}
                value={purpose}
                onChange={(e) => {
                  setPurpose(e.target.value);
                  setGap(null);
                }}
                aria-required="true"
                aria-describedby={`${id}-purpose-hint`}
                placeholder={t('transfers.wizard.purposePlaceholder')}
                data-testid="transfer-purpose"
              />
              <p className="field__hint" id={`${id}-purpose-hint`}>
                {t('transfers.wizard.purposeHint')}
              </p>
            </div>
          </>
        )}

        {step === 'data' && (
          <>
            <h2 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('transfers.wizard.dataTitle')}
            </h2>
            <p className="muted">{t('transfers.wizard.dataLead')}</p>
            <fieldset className="fieldset">
              <legend className="visually-hidden">{t('transfers.wizard.dataTitle')}</legend>
              <div className="transfer-fields">
                {offered.map((f) => (
                  <label key={f} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(f)}
                      onChange={() => {
                        setGap(null);
                        setFields(chosen.includes(f) ? chosen.filter((x) => x !== f) : [...chosen, f]);
                      }}
                      data-testid={`transfer-field-${f}`}
                    />
                    <span>
                      {fieldLabel(t, f)}
                      {isSensitive(meta, f) && <span className="transfer-fields__sensitive">{t('transfers.wizard.sensitive')}</span>}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        )}

        {step === 'people' && (
          <>
            <h2 className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('transfers.wizard.peopleTitle')}
            </h2>
            <p className="muted">{t('transfers.wizard.peopleLead')}</p>
            <div className="transfer-people__add">
              <PersonPicker
                value={null}
                onChange={(p: PickedPerson | null) => p && addPeople([{ number: p.number, name: p.name }])}
                label={t('transfers.wizard.search')}
                testId="transfer-person"
              />
              <div className="field">
                <label className="field__label" htmlFor={`${id}-numbers`}>
                  {t('transfers.wizard.numbers')}
                </label>
                <div className="input-row">
                  <input
                    id={`${id}-numbers`}
                    className="input input--digits transfer-people__numbers"
                    value={numbers}
                    inputMode="numeric"
                    onChange={(e) => setNumbers(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        if (typed?.length) {
                          addPeople(typed.map((number) => ({ number })));
                          setNumbers('');
                        }
                      }
                    }}
                    aria-invalid={typed === null || undefined}
                    aria-describedby={`${id}-numbers-hint`}
                    data-testid="transfer-numbers"
                  />
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={!typed?.length}
                    onClick={() => {
                      addPeople((typed ?? []).map((number) => ({ number })));
                      setNumbers('');
                    }}
                    data-testid="transfer-numbers-add"
                  >
                    <Plus size={18} aria-hidden="true" />
                    {t('transfers.wizard.addNumbers')}
                  </button>
                </div>
                <p className="field__hint" id={`${id}-numbers-hint`}>
                  {t('transfers.wizard.numbersHint')}
                </p>
                {typed === null && <p className="field__error">{t('breaches.form.peopleFormat')}</p>}
              </div>
            </div>

            <section className="transfer-people" aria-labelledby={`${id}-list`} data-testid="transfer-people">
              <h3 id={`${id}-list`} className="field__label">
                {t('transfers.wizard.listed', { count: people.length })}
              </h3>
              {people.length === 0 ? (
                <p className="muted small">{t('transfers.wizard.noneListed')}</p>
              ) : (
                <ul className="transfer-people__list">
                  {people.map((p) => (
                    <li key={p.number} className="person-chip" data-testid="transfer-listed" data-number={p.number}>
                      <span>
                        {t('personPage.number', { number: p.number })}
                        {p.name && <span className="muted"> · {p.name}</span>}
                      </span>
                      <button
                        type="button"
                        className="icon-button icon-button--small"
                        onClick={() => remove([p.number])}
                        aria-label={t('transfers.wizard.removePerson', { number: p.number })}
                        data-testid="transfer-listed-remove"
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}

        {step === 'check' && recipient && (
          <CheckStep
            draft={draft()}
            recipient={recipient}
            names={new Map(people.filter((p) => p.name).map((p) => [p.number, p.name!]))}
            headingRef={headingRef}
            onRemove={remove}
            onSaved={(transfer, path, check) => setSaved({ transfer, path, check })}
          />
        )}

        {gap && (
          <p className="field__error" role="alert" data-testid="transfer-gap">
            {gap}
          </p>
        )}

        <div className="actions actions--split wizard-step__footer">
          {step === 'recipient' ? (
            <a className="button button--ghost" href={transfersPath.recipients()}>
              {t('common.cancel')}
            </a>
          ) : (
            <button type="button" className="button button--ghost" onClick={back} data-testid="transfer-back">
              <ArrowLeft size={18} aria-hidden="true" />
              {t('common.back')}
            </button>
          )}
          {step !== 'check' && (
            <button type="submit" className="button button--primary" data-testid="transfer-next">
              {step === 'people' ? <CircleCheck size={18} aria-hidden="true" /> : null}
              {step === 'people' ? t('transfers.wizard.toCheck') : t('common.next')}
              {step !== 'people' && <ArrowRight size={18} aria-hidden="true" />}
            </button>
          )}
        </div>
      </form>

      {adding && (
        <RecipientDialog
          onClose={() => setAdding(false)}
          onAdded={(r) => {
            setAdding(false);
            setException('');
            loadRecipients(r.number);
          }}
        />
      )}
    </div>
  );
}

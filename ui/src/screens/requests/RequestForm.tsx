import { Inbox } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './requests.css';
import {
  api,
  IDENTITY_CHECKS,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  toApiError,
  type ApiError,
  type ClockSettings,
  type IdentityCheck,
  type RequestChannel,
  type RequestKind,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import { isoFromTyped, requestKindLabel, requestsPath, termText, todayIso } from '../../lib/obligations';
import { displayDate, fullName } from '../../lib/register';
import { navigate } from '../../lib/route';
import { coreText } from '../../lib/words';
import { BackLink } from '../people/PersonForm';
import { PersonPicker, type PickedPerson } from './PersonPicker';

/** The field a refusal is about, when the form has it. */
function fieldOf(error: ApiError | null): string | null {
  if (!error) return null;
  if (error.code === 'subject_not_found') return 'subject';
  return error.code === 'invalid_input' && typeof error.params.field === 'string' ? error.params.field : null;
}

const FORM_FIELDS = ['subject', 'kind', 'received_on', 'representative', 'note'];

/**
 * Register a request as it arrives: who it is about, what they ask, the day it was received and
 * how, how identity was checked (a representative names themselves and their authority), and what
 * exactly is asked. The core checks it and counts its term; a refusal shows under its field.
 */
export function RequestForm({ personId }: { personId: string | null }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [kind, setKind] = useState<RequestKind>('access');
  const [received, setReceived] = useState(() => displayDate(todayIso()));
  const [channel, setChannel] = useState<RequestChannel>('in_person');
  const [identity, setIdentity] = useState<IdentityCheck>('id_document');
  const [representative, setRepresentative] = useState('');
  const [note, setNote] = useState('');
  const [settings, setSettings] = useState<ClockSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const field = fieldOf(error);
  const fieldError = (key: string) => (error && field === key ? errorText(t, error) : null);

  useEffect(() => {
    api
      .clockSettings()
      .then(setSettings)
      .catch(() => setSettings(null));
  }, []);

  // From a person's page: that person, already chosen.
  useEffect(() => {
    if (!personId) return;
    let live = true;
    api
      .subjectGet(personId)
      .then((p) => {
        if (!live) return;
        const values = Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, v?.value]));
        setPerson({ id: p.id, number: p.number, name: fullName(values), kind: p.kind });
      })
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [personId]);

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };

  // Said before the request is taken, as the core counts it (Vault::request_terms); the request
  // then keeps the term it was taken with.
  const term = settings?.requestTerms?.find((x) => x.kind === kind) ?? null;
  const termDays = term?.workingDays ?? null;
  const source = term?.source ?? '';
  const representativeNeeded = identity === 'representative_authority';
  const receivedOn = isoFromTyped(received);
  const canSubmit = !busy && person !== null && receivedOn !== null;

  const submit = async () => {
    if (!person || !receivedOn) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.requestAdd({
        subject: person.id,
        kind,
        receivedOn,
        channel,
        identityCheck: identity,
        representative: representativeNeeded ? representative : null,
        note: note.trim() ? note : null,
      });
      toast.success(
        r.clock.due
          ? t('requests.form.saved', { number: r.number, date: displayDate(r.clock.due) })
          : t('requests.form.savedNoDue', { number: r.number }),
      );
      navigate(requestsPath.request(r.number));
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="request-form">
      <BackLink href={requestsPath.list()} label={t('requests.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('requests.form.title')}</h1>
          <p className="page__lead">{t('requests.form.lead')}</p>
        </div>
      </header>

      <form
        className="card card--panel form request-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <PersonPicker
          value={person}
          onChange={edit(setPerson)}
          label={t('requests.form.person')}
          error={fieldError('subject')}
          testId="request-person"
        />

        <div className="field request-form__kind">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('requests.form.kind')}
          </label>
          <select
            id={`${id}-kind`}
            className="input select"
            value={kind}
            onChange={(e) => edit(setKind)(e.target.value as RequestKind)}
            aria-describedby={`${id}-kind-hint`}
            aria-invalid={field === 'kind' ? true : undefined}
            data-testid="request-kind"
          >
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {requestKindLabel(t, k)}
              </option>
            ))}
          </select>
          <p className="field__hint" id={`${id}-kind-hint`} data-testid="request-kind-term">
            {termDays !== null ? t('requests.form.termHint', { term: termText(t, source, termDays) }) : '\u00a0'}
          </p>
          {fieldError('kind') && <p className="field__error">{fieldError('kind')}</p>}
        </div>

        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-received`}>
              {t('requests.form.receivedOn')}
            </label>
            <input
              id={`${id}-received`}
              className="input input--date"
              inputMode="numeric"
              placeholder={t('person.datePlaceholder')}
              value={received}
              onChange={(e) => edit(setReceived)(e.target.value)}
              aria-invalid={field === 'received_on' || (receivedOn === null && received.trim() !== '') ? true : undefined}
              aria-describedby={`${id}-received-hint`}
              data-testid="request-received"
            />
            <p className="field__hint" id={`${id}-received-hint`}>
              {t('requests.form.receivedHint')}
            </p>
            {receivedOn === null && received.trim() !== '' && (
              <p className="field__error" data-testid="request-received-format">
                {coreText('problem-date_format')}
              </p>
            )}
            {fieldError('received_on') && (
              <p className="field__error" data-testid="request-received-error">
                {fieldError('received_on')}
              </p>
            )}
          </div>

          <div className="field">
            <label className="field__label" htmlFor={`${id}-channel`}>
              {t('requests.form.channel')}
            </label>
            <select
              id={`${id}-channel`}
              className="input select"
              value={channel}
              onChange={(e) => edit(setChannel)(e.target.value as RequestChannel)}
              data-testid="request-channel"
            >
              {REQUEST_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`requests.channels.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('requests.form.identity')}</legend>
          <p className="field__hint">{t('requests.form.identityHint')}</p>
          <div className="radio-cards radio-cards--stack request-identity">
            {IDENTITY_CHECKS.map((c) => (
              <label key={c} className="radio-card">
                <input
                  type="radio"
                  name={`${id}-identity`}
                  value={c}
                  checked={identity === c}
                  onChange={() => edit(setIdentity)(c)}
                  data-testid={`request-identity-${c}`}
                />
                <span>{t(`requests.identity.${c}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {representativeNeeded && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-representative`}>
              {t('requests.form.representative')}
            </label>
            <input
              id={`${id}-representative`}
              className="input"
              value={representative}
              onChange={(e) => edit(setRepresentative)(e.target.value)}
              aria-invalid={field === 'representative' ? true : undefined}
              aria-describedby={`${id}-representative-hint`}
              data-testid="request-representative"
            />
            <p className="field__hint" id={`${id}-representative-hint`}>
              {t('requests.form.representativeHint')}
            </p>
            {fieldError('representative') && (
              <p className="field__error" data-testid="request-representative-error">
                {fieldError('representative')}
              </p>
            )}
          </div>
        )}

        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('requests.form.note')}
          </label>
          <textarea
            id={`${id}-note`}
            className="input textarea"
            rows={3}
            value={note}
            onChange={(e) => edit(setNote)(e.target.value)}
            aria-invalid={field === 'note' ? true : undefined}
            aria-describedby={`${id}-note-hint`}
            data-testid="request-note"
          />
          <p className="field__hint" id={`${id}-note-hint`}>
            {t('requests.form.noteHint')}
          </p>
          {fieldError('note') && <p className="field__error">{fieldError('note')}</p>}
        </div>

        {error && !FORM_FIELDS.includes(field ?? '') && (
          <ErrorMessage error={error} testId="request-form-error">
            {error.code === 'invalid_input' && error.params.reason === 'calendar_year_missing' && (
              <a className="link" href="#/settings/calendar">
                {t('clocks.openCalendar')}
              </a>
            )}
          </ErrorMessage>
        )}

        <div className="actions actions--end">
          <a className="button button--ghost" href={requestsPath.list()}>
            {t('common.cancel')}
          </a>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="request-submit">
            {showSpinner ? <Spinner /> : <Inbox size={18} aria-hidden="true" />}
            {t('requests.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

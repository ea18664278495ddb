import { Search, UserRound, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './requests.css';
import { api, toApiError, type ApiError, type Kind, type SubjectRow } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { fullName, kindLabel } from '../../lib/register';

/** The person a request is about, as the form shows them. */
export interface PickedPerson {
  id: string;
  number: number;
  name: string;
  kind: Kind;
}

/** "№ 12", "12" or "№12": a record number typed into the search. */
function typedNumber(text: string): number | null {
  const m = /^\s*№?\s*(\d{1,9})\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Choose a person of the register: search by name, IIN or phone as the People list does, or type
 * their internal number. Only the chosen person's record is opened (and so journaled as viewed);
 * the results show what the register list shows.
 */
export function PersonPicker({
  value,
  onChange,
  label,
  error,
  testId = 'person-picker',
}: {
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  label: string;
  /** A refusal about the person (e.g. not found), shown under the field. */
  error?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<SubjectRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const number = typedNumber(text);

  // Search as the user types, a quarter of a second after the last key.
  useEffect(() => {
    const search = text.trim();
    setFailure(null);
    if (value || search.length < 2 || (number !== null && search.replace(/\D/g, '').length < 3)) {
      setRows(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .subjectList({ search, limit: 8, offset: 0 })
        .then((page) => live && setRows(page.rows))
        .catch((e) => live && setFailure(toApiError(e)))
        .finally(() => live && setBusy(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, value, number]);

  const choose = (p: PickedPerson) => {
    onChange(p);
    setText('');
    setRows(null);
  };

  const chooseNumber = async (n: number) => {
    setBusy(true);
    setFailure(null);
    try {
      const person = await api.subjectGet(String(n));
      const values = Object.fromEntries(Object.entries(person.values).map(([k, v]) => [k, v?.value]));
      choose({ id: person.id, number: person.number, name: fullName(values), kind: person.kind });
    } catch (e) {
      setFailure(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (value) {
    return (
      <div className="field">
        <span className="field__label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picked-person" data-testid={`${testId}-chosen`} data-id={value.id} data-number={value.number} aria-labelledby={`${id}-label`}>
          <UserRound size={20} aria-hidden="true" className="picked-person__icon" />
          <span className="picked-person__text">
            <span className="strong">{value.name || t('personPage.number', { number: value.number })}</span>
            <span className="muted small">
              {t('personPage.number', { number: value.number })} · {kindLabel(t, value.kind)}
            </span>
          </span>
          <button type="button" className="button button--ghost button--small" onClick={() => onChange(null)} data-testid={`${testId}-change`}>
            <X size={16} aria-hidden="true" />
            {t('requests.form.changePerson')}
          </button>
        </div>
        {error && <p className="field__error">{error}</p>}
      </div>
    );
  }

  const showNumber = number !== null;
  const results = rows ?? [];
  return (
    <div className="field person-picker">
      <label className="field__label" htmlFor={`${id}-search`}>
        {label}
      </label>
      <div className="person-picker__search">
        <Search size={18} aria-hidden="true" className="person-picker__icon" />
        <input
          id={`${id}-search`}
          className="input person-picker__input"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (number !== null) void chooseNumber(number);
            }
          }}
          placeholder={t('requests.form.personPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          data-testid={`${testId}-search`}
        />
        {busy && <Spinner />}
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {t('requests.form.personHint')}
      </p>
      {(showNumber || results.length > 0 || (rows !== null && !busy)) && (
        <ul className="person-picker__results" aria-label={t('requests.form.personResults')} data-testid={`${testId}-results`}>
          {showNumber && (
            <li>
              <button type="button" className="person-picker__option" onClick={() => void chooseNumber(number)} data-testid={`${testId}-number`}>
                <span className="strong">{t('requests.form.personByNumber', { number })}</span>
              </button>
            </li>
          )}
          {results.map((r) => {
            const name = fullName(r.values);
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className="person-picker__option"
                  onClick={() => choose({ id: r.id, number: r.number, name, kind: r.kind })}
                  data-testid={`${testId}-option`}
                  data-number={r.number}
                >
                  <span className="strong">{name || t('personPage.number', { number: r.number })}</span>
                  <span className="muted small">
                    {t('personPage.number', { number: r.number })} · {kindLabel(t, r.kind)}
                  </span>
                </button>
              </li>
            );
          })}
          {!showNumber && rows !== null && results.length === 0 && !busy && <li className="person-picker__none muted">{t('requests.form.personNone')}</li>}
        </ul>
      )}
      {failure && <ErrorMessage error={failure} testId={`${testId}-error`} />}
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}

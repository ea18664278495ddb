import { ArrowLeft, Eye, Lock, Plus, ShieldCheck, Trash2 } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './people.css';
import './person.css';
import {
  api,
  FIELD_KEYS,
  problemsOf,
  toApiError,
  type ApiError,
  type FieldKey,
  type FieldProblem,
  type Inventory,
  type Kind,
  type Person,
  type RegisterMeta,
  type ServiceEntry,
} from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { coreText } from '../../lib/words';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import {
  allowedFields,
  displayDate,
  FIELD_GROUPS,
  fieldLabel,
  fullName,
  isSensitive,
  kindLabel,
  problemText,
  serviceTypeLabel,
  useUiLanguage,
} from '../../lib/register';
import { navigate, peoplePath } from '../../lib/route';
import {
  basisDraft,
  basisProblemOf,
  checkBasis,
  initialBasis,
  keepOffered,
  offeredPurposes,
  type BasisProblem,
  type BasisState,
} from '../../lib/basis';
import { purposeName, useLifecycleMeta } from '../../lib/lifecycle';
import { BasisFields } from '../basis/BasisFields';
import { SensitiveMark } from './fields';

interface ServiceRow {
  key: number;
  date: string;
  type: string;
  other: string;
}

const OTHER = '__other__';
const MULTILINE: FieldKey[] = ['notes', 'health_notes', 'address'];

/** The id of a field's input, for labels and for focusing the first invalid one. */
const inputId = (form: string, key: string) => `${form}-${key}`;

/**
 * Add or edit a person. Only the fields the approved inventory allows for the chosen kind are
 * offered (register_meta().allowed). Every rule is checked in Rust; its problems come back as
 * `invalid` with one entry per field and are shown under those fields.
 */
export function PersonForm({ meta, id, onSaved }: { meta: RegisterMeta; id?: string; onSaved?: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const mayReveal = useCan()('reveal_sensitive');
  const form = useId().replace(/:/g, '');
  const editing = id !== undefined;

  const [person, setPerson] = useState<Person | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [kind, setKind] = useState<Kind | ''>(editing ? '' : (meta.kinds[0] ?? 'beneficiary'));
  const [values, setValues] = useState<Partial<Record<FieldKey, string>>>({});
  const [dirty, setDirty] = useState<Set<FieldKey>>(new Set());
  /** In edit mode: sensitive values the backend sent masked, shown as placeholders. */
  const [masks, setMasks] = useState<Partial<Record<FieldKey, string>>>({});
  const [revealing, setRevealing] = useState<FieldKey | null>(null);
  const [services, setServices] = useState<ServiceRow[]>([]);
  const nextService = useRef(1);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const showSpinner = useDelayedFlag(busy);
  const showLoading = useDelayedFlag(editing && person === null && loadError === null);
  const [focusRequest, setFocusRequest] = useState(0);
  // The basis for processing, asked only when a person is added (Art. 7(1), 9); on the person's
  // page it is their consents and their Art. 9 ground.
  const lifecycle = useLifecycleMeta();
  const [basis, setBasis] = useState<BasisState>(() => initialBasis(editing ? '' : (meta.kinds[0] ?? 'beneficiary')));
  const [basisTouched, setBasisTouched] = useState(false);
  const [basisProblems, setBasisProblems] = useState<BasisProblem[]>([]);
  const [basisFocus, setBasisFocus] = useState(0);
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const basisRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (editing) return;
    api
      .inventoryGet()
      .then(setInventory)
      .catch(() => setInventory(null));
  }, [editing]);

  // After a problem with the basis, bring the section into view and put the cursor there.
  useEffect(() => {
    if (basisFocus === 0) return;
    const section = basisRef.current;
    section?.scrollIntoView?.({ block: 'start' });
    (section?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? section?.querySelector<HTMLElement>('input:checked, input, select'))?.focus();
  }, [basisFocus]);

  const loadPerson = () => {
    if (!id) return;
    setLoadError(null);
    api
      .subjectGet(id)
      .then((p) => {
        setPerson(p);
        setKind(p.kind);
        const plain: Partial<Record<FieldKey, string>> = {};
        const masked: Partial<Record<FieldKey, string>> = {};
        for (const [key, v] of Object.entries(p.values) as [FieldKey, NonNullable<Person['values'][FieldKey]>][]) {
          if (v.masked) masked[key] = v.value;
          else plain[key] = key === 'birth_date' ? displayDate(v.value) : v.value;
        }
        setValues(plain);
        setMasks(masked);
      })
      .catch((e) => setLoadError(toApiError(e)));
  };
  useEffect(loadPerson, [id]); // once per person

  const allowed = allowedFields(meta, kind);
  const lang = useUiLanguage();
  /** The fields the chosen basis covers (Art. 14); null while that cannot be told or is everything. */
  const covered = useMemo(() => {
    if (editing || !inventory || !kind || basis.type === null) return null;
    const chosen = basis.type === 'consent' ? basis.consent.purposes : basis.ground.purposes;
    if (chosen.length === 0) return null;
    const set = new Set<FieldKey>();
    for (const p of inventory.purposes) if (chosen.includes(p.key)) for (const f of p.fields[kind] ?? []) set.add(f);
    return set;
  }, [editing, inventory, kind, basis]);
  const purposeOf = (key: string) => purposeName(lifecycle.meta, key, lang);
  /** Fields on the form: what the inventory allows, plus (when editing) fields that hold a value. */
  const shown = useMemo(() => {
    const set = new Set<FieldKey>(allowed);
    if (person) for (const key of Object.keys(person.values) as FieldKey[]) set.add(key);
    return set;
  }, [allowed, person]);
  const servicesShown = shown.has('services');

  const problems = problemsOf(error);
  const duplicate = error?.code === 'duplicate_iin' ? Number(error.params.existing) : null;
  const byField = new Map<string, FieldProblem[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);

  // Focus the first field with a problem, in form order, once the answer is on screen.
  useEffect(() => {
    if (focusRequest === 0) return;
    const order = ['kind', ...FIELD_GROUPS.flatMap((g) => g.fields), 'services', ...FIELD_KEYS];
    const first = duplicate !== null ? 'iin' : order.find((f) => byField.has(f));
    if (!first) return;
    const el =
      first === 'kind'
        ? document.getElementById(inputId(form, 'kind'))
        : first === 'services'
          ? document.querySelector<HTMLElement>(`#${form}-services input, #${form}-services button`)
          : document.getElementById(inputId(form, first));
    el?.focus();
  }, [focusRequest]); // only when a new answer asked for it

  /** The user changed a field: its old problem no longer applies. */
  const dropProblems = (field: string) => {
    setError((prev) => {
      if (!prev) return prev;
      if (prev.code === 'duplicate_iin') return field === 'iin' ? null : prev;
      if (prev.code !== 'invalid') return null;
      const rest = problemsOf(prev).filter((p) => p.field !== field);
      return rest.length ? { ...prev, params: { ...prev.params, problems: rest } } : null;
    });
  };

  const setValue = (key: FieldKey, value: string) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setDirty((prev) => new Set(prev).add(key));
    dropProblems(key);
  };

  const reveal = async (key: FieldKey) => {
    if (!id) return;
    setRevealing(key);
    try {
      const p = await api.subjectReveal(id, [key]);
      const v = p.values[key];
      if (v && !v.masked) {
        setValues((prev) => ({ ...prev, [key]: key === 'birth_date' ? displayDate(v.value) : v.value }));
        setMasks((prev) => {
          const next = { ...prev };
          delete next[key];
          return next;
        });
      }
    } catch (e) {
      toast.error(errorText(t, toApiError(e)));
    } finally {
      setRevealing(null);
    }
  };

  const serviceEntries = (): ServiceEntry[] =>
    services
      .filter((s) => s.date.trim() || s.type || s.other.trim())
      .map((s) => ({ date: s.date.trim(), serviceType: s.type === OTHER ? s.other.trim() : s.type }));

  const changeBasis = (next: BasisState) => {
    setBasis(next);
    setBasisTouched(true);
    setBasisProblems([]);
  };

  const changeKind = (next: Kind) => {
    setKind(next);
    dropProblems('kind');
    if (editing) return;
    // Until the user touched the basis, it follows the kind: employees by the Labour Code
    // (Art. 9(10)), the others by consent. After that only purposes the kind has no data for go.
    setBasis((b) => (basisTouched ? keepOffered(b, offeredPurposes(lifecycle.meta, [next])) : initialBasis(next)));
    setBasisProblems([]);
  };

  const submit = async () => {
    if (!kind) {
      setError({ code: 'invalid', message: '', params: { problems: [{ field: 'kind', code: 'required', args: {} }] } });
      setFocusRequest((n) => n + 1);
      return;
    }
    if (!editing) {
      const missing = checkBasis(basis);
      if (missing.length) {
        setBasisProblems(missing);
        setBasisFocus((n) => n + 1);
        return;
      }
    }
    setBusy(true);
    setError(null);
    setBasisProblems([]);
    try {
      let saved: Person;
      if (editing && id) {
        const changed: Partial<Record<FieldKey, string>> = {};
        for (const key of dirty) if (shown.has(key)) changed[key] = values[key] ?? '';
        saved = await api.subjectUpdate(id, {
          ...(person && kind !== person.kind ? { kind } : {}),
          values: changed,
          services: servicesShown ? serviceEntries() : [],
        });
        toast.success(t('person.saved'));
      } else {
        const sent: Partial<Record<FieldKey, string>> = {};
        for (const key of shown) {
          const v = values[key];
          if (v !== undefined && v.trim() !== '') sent[key] = v;
        }
        saved = await api.subjectCreate({ kind, values: sent, services: servicesShown ? serviceEntries() : [] }, basisDraft(basis, 'person'));
        toast.success(t('person.created', { number: saved.number }));
      }
      onSaved?.();
      navigate(peoplePath.person(saved.id));
    } catch (e) {
      const err = toApiError(e);
      const basisProblem = editing ? null : basisProblemOf(t, err);
      setBusy(false);
      if (basisProblem) {
        // A minor's consent is given by a legal representative: open their three lines.
        if (basisProblem.field === 'representative') setBasis((b) => ({ ...b, consent: { ...b.consent, byRep: true } }));
        setBasisProblems([basisProblem]);
        setBasisFocus((n) => n + 1);
        return;
      }
      setError(err);
      setFocusRequest((n) => n + 1);
    }
  };

  if (editing && person === null) {
    return (
      <div className="page">
        <BackLink href={id ? peoplePath.person(id) : peoplePath.list()} />
        {loadError ? (
          <div className="state">
            <ErrorMessage error={loadError} />
            <button type="button" className="button button--secondary" onClick={loadPerson}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : (
          showLoading && <LoadingBlock label={t('personPage.loading')} />
        )}
      </div>
    );
  }

  const kindProblems = byField.get('kind') ?? [];
  const hiddenCount = FIELD_KEYS.filter((f) => !shown.has(f)).length;
  const unshownProblems = problems.filter(
    (p) => p.field !== 'kind' && p.field !== 'services' && !shown.has(p.field as FieldKey),
  );
  const title = editing && person ? t('person.editTitle', { number: person.number }) : t('person.newTitle');
  const subtitle = editing && person ? fullName(Object.fromEntries(Object.entries(person.values).map(([k, v]) => [k, v?.value]))) : null;

  const renderField = (key: FieldKey) => {
    const fieldProblems = byField.get(key) ?? [];
    const sensitive = isSensitive(meta, key);
    const masked = masks[key];
    const notAllowed = !allowed.includes(key);
    const hintId = `${inputId(form, key)}-hint`;
    const errorId = `${inputId(form, key)}-error`;
    const invalid = fieldProblems.length > 0 || (key === 'iin' && duplicate !== null);
    const common = {
      id: inputId(form, key),
      'data-testid': `field-${key}`,
      'aria-invalid': invalid || undefined,
      'aria-describedby': [hintId, invalid ? errorId : null].filter(Boolean).join(' '),
      disabled: busy,
    };
    let input: React.ReactNode;
    const value = values[key] ?? '';
    switch (key) {
      case 'sex':
        input = (
          <select className="input" value={value} onChange={(e) => setValue(key, e.target.value)} {...common}>
            <option value="">{t('person.notChosen')}</option>
            <option value="female">{t('sex.female')}</option>
            <option value="male">{t('sex.male')}</option>
          </select>
        );
        break;
      case 'region':
        input = (
          <select className="input" value={value} onChange={(e) => setValue(key, e.target.value)} {...common}>
            <option value="">{t('person.regionChoose')}</option>
            {meta.regions.map((r) => (
              <option key={r.key} value={r.key}>
                {r[lang]}
              </option>
            ))}
          </select>
        );
        break;
      default:
        if (MULTILINE.includes(key)) {
          input = (
            <textarea
              className="input textarea"
              rows={key === 'address' ? 2 : 3}
              value={value}
              placeholder={masked}
              onChange={(e) => setValue(key, e.target.value)}
              {...common}
            />
          );
        } else {
          input = (
            <input
              className={`input${key === 'iin' || key === 'id_document' ? ' input--digits' : ''}${key === 'household_size' ? ' input--narrow' : ''}${key === 'birth_date' ? ' input--date' : ''}`}
              type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
              inputMode={key === 'iin' || key === 'household_size' || key === 'birth_date' ? 'numeric' : undefined}
              list={key === 'programme' ? `${form}-programmes` : undefined}
              placeholder={masked ?? (key === 'birth_date' ? t('person.datePlaceholder') : key === 'phone' ? '+7 7__ ___ __ __' : undefined)}
              value={value}
              autoComplete="off"
              spellCheck={key === 'notes'}
              onChange={(e) => setValue(key, e.target.value)}
              {...common}
            />
          );
        }
    }
    const hints: string[] = [];
    if (key === 'iin') hints.push(t('person.iinHint'));
    if (key === 'birth_date') hints.push(t('person.dateHint'));
    if (key === 'programme') hints.push(t('person.programmeHint'));
    if (key === 'household_size') hints.push(t('person.householdHint'));
    if (masked) hints.push(t('person.keepHint'));
    if (notAllowed) hints.push(t('person.notInInventoryHint'));
    const uncovered = !notAllowed && covered !== null && !covered.has(key);
    return (
      <div key={key} className={`field${MULTILINE.includes(key) ? ' field--wide' : ''}`}>
        <label className="field__label field__label--row" htmlFor={common.id}>
          <span>{fieldLabel(t, key)}</span>
          {sensitive && <SensitiveMark />}
        </label>
        {masked && editing && mayReveal ? (
          <div className="input-row">
            {input}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void reveal(key)}
              disabled={revealing !== null}
              title={t('personPage.revealTitle')}
              data-testid={`reveal-${key}`}
            >
              {revealing === key ? <Spinner size={14} /> : <Eye size={16} aria-hidden="true" />}
              {t('personPage.reveal')}
            </button>
          </div>
        ) : (
          input
        )}
        {hints.length > 0 && (
          <p className="field__hint" id={hintId}>
            {hints.join(' ')}
          </p>
        )}
        {uncovered && !invalid && (
          <p className="field__hint field__hint--basis" data-testid={`field-uncovered-${key}`}>
            {t('basis.fieldNotCovered')}
          </p>
        )}
        {invalid && (
          <div className="field__error" id={errorId} data-testid={`field-error-${key}`} role="alert">
            {fieldProblems.map((p, i) => (
              <p key={i}>{problemText(t, p, purposeOf)}</p>
            ))}
            {key === 'iin' && duplicate !== null && (
              <p>
                {coreText('problem-duplicate_iin', { number: duplicate })}{' '}
                <a className="link" href={peoplePath.person(String(duplicate))} data-testid="duplicate-link">
                  {t('person.openExisting', { number: duplicate })}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    );
  };

  const serviceProblems = byField.get('services') ?? [];

  return (
    <div className="page page--form" data-testid="person-form">
      <BackLink href={editing && id ? peoplePath.person(id) : peoplePath.list()} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{title}</h1>
          {subtitle && <p className="page__lead">{subtitle}</p>}
        </div>
      </header>

      <form
        className="person-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <section className="card card--panel form-section" aria-labelledby={`${form}-kind-title`}>
          <div className="field field--kind">
            <label id={`${form}-kind-title`} className="field__label" htmlFor={inputId(form, 'kind')}>
              {t('person.kind')}
            </label>
            <select
              id={inputId(form, 'kind')}
              className="input select"
              value={kind}
              onChange={(e) => changeKind(e.target.value as Kind)}
              disabled={busy}
              aria-invalid={kindProblems.length > 0 || undefined}
              data-testid="person-kind"
            >
              {kind === '' && <option value="">{t('person.notChosen')}</option>}
              {meta.kinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('person.kindHint')}</p>
            <p className="field__hint with-icon">
              <Lock size={14} aria-hidden="true" />
              {t('person.sensitiveNote')}
            </p>
            {kindProblems.length > 0 && (
              <div className="field__error" data-testid="field-error-kind" role="alert">
                {kindProblems.map((p, i) => (
                  <p key={i}>{p.code === 'required' ? t('person.kindRequired') : problemText(t, p)}</p>
                ))}
              </div>
            )}
          </div>
          {kind && hiddenCount > 0 && (
            <p className="form-note">
              {t('person.inventoryNote', { kind: kindLabel(t, kind) })}{' '}
              <a className="link" href="#/settings">
                {t('person.inventoryLink')}
              </a>
            </p>
          )}
        </section>

        {!editing && kind && (
          <section
            ref={basisRef}
            className="card card--panel form-section form-section--basis"
            aria-labelledby={`${form}-basis-title`}
            data-testid="person-basis"
            tabIndex={-1}
          >
            <h2 id={`${form}-basis-title`} className="form-section__title with-icon">
              <ShieldCheck size={18} aria-hidden="true" />
              {t('basis.title')}
            </h2>
            <p className="form-section__lead">{t('basis.lead')}</p>
            {lifecycle.meta ? (
              <BasisFields
                mode="person"
                kinds={[kind]}
                meta={lifecycle.meta}
                value={basis}
                onChange={changeBasis}
                problems={basisProblems}
                disabled={busy}
              />
            ) : lifecycle.error ? (
              <div className="state">
                <ErrorMessage error={lifecycle.error} />
                <button type="button" className="button button--secondary" onClick={lifecycle.reload}>
                  {t('common.tryAgain')}
                </button>
              </div>
            ) : (
              <LoadingBlock label={t('common.loading')} />
            )}
            {problems.some((p) => p.code === 'outside_purposes') && (
              <p className="field__error" role="alert" data-testid="basis-outside-note">
                {t('basis.outsideNote')}
              </p>
            )}
          </section>
        )}

        {problems.length > 1 && (
          <div className="error-message" role="alert" data-testid="person-problems">
            <div>
              <p className="strong">{t('person.problemsTitle', { count: problems.length })}</p>
              <ul className="problem-list">
                {problems.map((p, i) => (
                  <li key={i}>
                    {fieldLabel(t, p.field)}: {problemText(t, p, purposeOf)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {unshownProblems.length === 1 && problems.length === 1 && (
          <div className="error-message" role="alert">
            <p>
              {fieldLabel(t, unshownProblems[0]!.field)}: {problemText(t, unshownProblems[0]!, purposeOf)}
            </p>
          </div>
        )}

        {kind &&
          FIELD_GROUPS.map((group) => {
            const fields = group.fields.filter((f) => shown.has(f));
            if (fields.length === 0) return null;
            return (
              <section key={group.key} className="card card--panel form-section" aria-labelledby={`${form}-${group.key}`}>
                <h2 id={`${form}-${group.key}`} className="form-section__title">
                  {t(`groups.${group.key}`)}
                </h2>
                <div className="form-grid">{fields.map(renderField)}</div>
              </section>
            );
          })}

        {kind && servicesShown && (
          <section className="card card--panel form-section" aria-labelledby={`${form}-services-title`} id={`${form}-services`}>
            <h2 id={`${form}-services-title`} className="form-section__title">
              {t('groups.services')}
            </h2>
            {editing && person && person.services.length > 0 && (
              <div className="services-existing">
                <p className="field__label">{t('person.services.existing')}</p>
                <ul className="services-existing__list">
                  {person.services.map((s, i) => (
                    <li key={i}>
                      <span className="services__date">{displayDate(s.date)}</span> {serviceTypeLabel(t, s.serviceType)}
                    </li>
                  ))}
                </ul>
                <p className="field__hint">{t('person.services.addedNote')}</p>
              </div>
            )}
            {services.length > 0 && (
              <ul className="services-edit" data-testid="services-list">
                {services.map((s, i) => (
                  <li key={s.key} className="services-edit__row">
                    <div className="field">
                      <label className="field__label" htmlFor={`${form}-svc-date-${s.key}`}>
                        {t('person.services.date')}
                      </label>
                      <input
                        id={`${form}-svc-date-${s.key}`}
                        className="input input--date"
                        inputMode="numeric"
                        placeholder={t('person.datePlaceholder')}
                        value={s.date}
                        onChange={(e) => {
                          const date = e.target.value;
                          setServices((all) => all.map((x) => (x.key === s.key ? { ...x, date } : x)));
                          dropProblems('services');
                        }}
                        data-testid={`service-date-${i}`}
                      />
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`${form}-svc-type-${s.key}`}>
                        {t('person.services.type')}
                      </label>
                      <select
                        id={`${form}-svc-type-${s.key}`}
                        className="input"
                        value={s.type}
                        onChange={(e) => {
                          const type = e.target.value;
                          setServices((all) => all.map((x) => (x.key === s.key ? { ...x, type } : x)));
                          dropProblems('services');
                        }}
                        data-testid={`service-type-${i}`}
                      >
                        <option value="">{t('person.notChosen')}</option>
                        {meta.serviceTypes.map((type) => (
                          <option key={type} value={type}>
                            {serviceTypeLabel(t, type)}
                          </option>
                        ))}
                        <option value={OTHER}>{t('person.services.other')}</option>
                      </select>
                    </div>
                    {s.type === OTHER && (
                      <div className="field services-edit__other">
                        <label className="field__label" htmlFor={`${form}-svc-other-${s.key}`}>
                          {t('person.services.otherLabel')}
                        </label>
                        <input
                          id={`${form}-svc-other-${s.key}`}
                          className="input"
                          value={s.other}
                          onChange={(e) => {
                            const other = e.target.value;
                            setServices((all) => all.map((x) => (x.key === s.key ? { ...x, other } : x)));
                            dropProblems('services');
                          }}
                        />
                      </div>
                    )}
                    <button
                      type="button"
                      className="icon-button services-edit__remove"
                      aria-label={t('person.services.remove')}
                      title={t('person.services.remove')}
                      onClick={() => setServices((all) => all.filter((x) => x.key !== s.key))}
                    >
                      <Trash2 size={18} aria-hidden="true" />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {services.length === 0 && !(editing && person && person.services.length > 0) && (
              <p className="muted small">{t('person.services.none')}</p>
            )}
            <button
              type="button"
              className="button button--secondary button--small services-edit__add"
              onClick={() => setServices((all) => [...all, { key: nextService.current++, date: '', type: '', other: '' }])}
              data-testid="service-add"
            >
              <Plus size={16} aria-hidden="true" />
              {t('person.services.add')}
            </button>
            {serviceProblems.length > 0 && (
              <div className="field__error" data-testid="field-error-services" role="alert">
                {serviceProblems.map((p, i) => (
                  <p key={i}>{problemText(t, p)}</p>
                ))}
              </div>
            )}
          </section>
        )}

        <datalist id={`${form}-programmes`}>
          {meta.programmes.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>

        {error && error.code !== 'invalid' && error.code !== 'duplicate_iin' && <ErrorMessage error={error} testId="person-error" />}

        {!editing && <p className="muted small">{t('person.restrictedDefault')}</p>}

        <div className="form-footer">
          <a className="button button--ghost" href={editing && id ? peoplePath.person(id) : peoplePath.list()}>
            {t('common.cancel')}
          </a>
          <button type="submit" className="button button--primary" disabled={busy || !kind} aria-busy={busy} data-testid="person-save">
            {showSpinner && <Spinner />}
            {editing ? t('person.save') : t('person.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function BackLink({ href, label }: { href: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <a className="back-link" href={href}>
      <ArrowLeft size={16} aria-hidden="true" />
      {label ?? t('person.back')}
    </a>
  );
}

import { Copy, Eye, EyeOff, FilePlus2, Globe, History, Inbox, Lock, Pencil, ScrollText } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './people.css';
import './person.css';
import {
  api,
  toApiError,
  type Act,
  type ApiError,
  type EndAction,
  type FieldKey,
  type JournalEntry,
  type Person,
  type RegisterMeta,
} from '../../api';
import { useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import {
  allowedFields,
  displayDate,
  displayPhone,
  FIELD_GROUPS,
  fieldLabel,
  fullName,
  kindLabel,
  regionName,
  serviceTypeLabel,
  sexLabel,
} from '../../lib/register';
import { useLifecycleMeta } from '../../lib/lifecycle';
import { requestsPath } from '../../lib/obligations';
import { navigate, peoplePath } from '../../lib/route';
import { ConsentsTab } from '../consents/ConsentsTab';
import { ConsentWizard } from '../consents/ConsentWizard';
import { EndDialog } from '../lifecycle/EndDialog';
import { LifecycleBanners, LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ReasonDialog, type ReasonMode } from '../lifecycle/ReasonDialog';
import { actionText, detailsText } from '../journal/JournalScreen';
import { SeesDataToggle } from './SeesDataToggle';
import { AccessBadge, SensitiveMark } from './fields';
import { BackLink } from './PersonForm';

type Tab = 'data' | 'consents' | 'services' | 'history';
const TABS: Tab[] = ['data', 'consents', 'services', 'history'];

/**
 * One person's record. Opening it is journaled by the backend (subject_get). Sensitive values
 * arrive masked; Reveal asks the backend for one field in clear (journaled). Revealed values live
 * only in this component's state, so they are masked again when the page closes.
 */
export function PersonPage({ meta, id }: { meta: RegisterMeta; id: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const can = useCan();
  /** Health data and identity numbers in clear: the responsible person, or staff they allowed. */
  const mayReveal = can('reveal_sensitive');
  const uid = useId().replace(/:/g, '');
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<FieldKey, string>>>({});
  const [revealing, setRevealing] = useState<FieldKey | null>(null);
  const [copying, setCopying] = useState<FieldKey | null>(null);
  const [tab, setTab] = useState<Tab>('data');
  const [confirmPublic, setConfirmPublic] = useState(false);
  const [accessBusy, setAccessBusy] = useState(false);
  const [accessError, setAccessError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(person === null && error === null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ data: null, consents: null, services: null, history: null });
  const lifecycle = useLifecycleMeta();
  /** The consent wizard, open with these scopes switched on. */
  const [wizard, setWizard] = useState<{ scopes: ('third_parties' | 'cross_border' | 'publication')[] } | null>(null);
  const [consentsVersion, setConsentsVersion] = useState(0);
  const [reasonMode, setReasonMode] = useState<ReasonMode | null>(null);
  const [ending, setEnding] = useState<EndAction | null>(null);

  const load = useCallback(() => {
    setError(null);
    api
      .subjectGet(id)
      .then(setPerson)
      .catch((e) => setError(toApiError(e)));
  }, [id]);
  useEffect(load, [load]);

  /** After a consent changed: the consent state and access may have changed (journaled as a view). */
  const refresh = useCallback(() => {
    api
      .subjectGet(id)
      .then(setPerson)
      .catch(() => {});
  }, [id]);

  const reveal = async (key: FieldKey) => {
    setRevealing(key);
    try {
      const p = await api.subjectReveal(id, [key]);
      const v = p.values[key];
      if (v && !v.masked) setRevealed((prev) => ({ ...prev, [key]: v.value }));
    } catch (e) {
      toast.error(errorText(t, toApiError(e)));
    } finally {
      setRevealing(null);
    }
  };

  /** The value onto the clipboard, by the backend (journaled; cleared after 30 s or at lock). */
  const copy = async (key: FieldKey) => {
    setCopying(key);
    try {
      await api.clipboardCopyRevealed(id, key);
      toast.success(t('personPage.copied'));
    } catch (e) {
      toast.error(errorText(t, toApiError(e)));
    } finally {
      setCopying(null);
    }
  };

  const hide = (key: FieldKey) =>
    setRevealed((prev) => {
      const next = { ...prev };
      delete next[key];
      return next;
    });

  const setAccess = async (access: 'public' | 'restricted') => {
    setAccessBusy(true);
    setAccessError(null);
    try {
      await api.subjectSetAccess(id, access);
      setPerson((p) => (p ? { ...p, access } : p));
      setConfirmPublic(false);
      toast.success(t(access === 'public' ? 'personPage.madePublic' : 'personPage.madeRestricted'));
    } catch (e) {
      const err = toApiError(e);
      if (access === 'public') setAccessError(err);
      else toast.error(errorText(t, err));
    } finally {
      setAccessBusy(false);
    }
  };

  if (!person) {
    return (
      <div className="page" data-testid="person-page-loading">
        <BackLink href={peoplePath.list()} />
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="person-page-error" />
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={load}>
                {t('common.tryAgain')}
              </button>
              <a className="button button--ghost" href={peoplePath.list()}>
                {t('person.back')}
              </a>
            </div>
          </div>
        ) : (
          showLoading && <LoadingBlock label={t('personPage.loading')} />
        )}
      </div>
    );
  }

  const plain = Object.fromEntries(Object.entries(person.values).map(([k, v]) => [k, v?.value]));
  const name = fullName(plain) || t('people.noName');
  const blocked = Boolean(person.lifecycle?.blockedReason);
  const held = Boolean(person.lifecycle?.holdReason);
  const allowed = new Set(allowedFields(meta, person.kind));
  const hasSensitiveMasked = Object.values(person.values).some((v) => v?.masked);

  const onTabKey = (e: React.KeyboardEvent, current: Tab) => {
    const i = TABS.indexOf(current);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      e.preventDefault();
      setTab(next);
      tabRefs.current[next]?.focus();
    }
  };

  const displayValue = (key: FieldKey, value: string): string => {
    switch (key) {
      case 'birth_date':
        return displayDate(value);
      case 'sex':
        return sexLabel(t, value);
      case 'region':
        return regionName(meta, value, i18n.language);
      case 'phone':
        return displayPhone(value);
      default:
        return value;
    }
  };

  const renderValue = (key: FieldKey) => {
    const v = person.values[key];
    if (!v || v.value === '') {
      return (
        <span className="muted" data-testid={`value-${key}`}>
          —
        </span>
      );
    }
    const clear = revealed[key];
    if (v.masked && clear === undefined) {
      return (
        <span className="value-masked">
          <span className="mono masked" data-testid={`value-${key}`} data-masked="true">
            {v.value}
          </span>
          {mayReveal && (
            <button
              type="button"
              className="reveal-button"
              onClick={() => void reveal(key)}
              disabled={revealing !== null}
              title={t('personPage.revealTitle')}
              aria-label={`${t('personPage.reveal')}: ${fieldLabel(t, key)}. ${t('personPage.revealTitle')}`}
              data-testid={`reveal-${key}`}
            >
              {revealing === key ? <Spinner size={14} /> : <Eye size={16} aria-hidden="true" />}
              <span>{t('personPage.reveal')}</span>
            </button>
          )}
        </span>
      );
    }
    const text = clear ?? v.value;
    return (
      <span className="value-masked">
        <span
          className={`${key === 'iin' || key === 'id_document' ? 'mono ' : ''}value-text${clear !== undefined ? ' is-revealed' : ''}`}
          data-testid={`value-${key}`}
          data-masked="false"
        >
          {displayValue(key, text)}
        </span>
        {clear !== undefined && (
          <button
            type="button"
            className="reveal-button reveal-button--icon"
            onClick={() => void copy(key)}
            disabled={copying !== null}
            title={t('personPage.copyTitle')}
            aria-label={`${t('personPage.copy')}: ${fieldLabel(t, key)}. ${t('personPage.copyTitle')}`}
            data-testid={`copy-${key}`}
          >
            {copying === key ? <Spinner size={14} /> : <Copy size={15} aria-hidden="true" />}
          </button>
        )}
        {clear !== undefined && (
          <button
            type="button"
            className="reveal-button"
            onClick={() => hide(key)}
            title={t('personPage.hide')}
            aria-label={`${t('personPage.hide')}: ${fieldLabel(t, key)}`}
            data-testid={`hide-${key}`}
          >
            <EyeOff size={16} aria-hidden="true" />
            <span>{t('personPage.hide')}</span>
          </button>
        )}
      </span>
    );
  };

  return (
    <div className="page person-page" data-testid="person-page" data-id={person.id}>
      <BackLink href={peoplePath.list()} />
      <header className="person-header">
        <div className="person-header__text">
          <h1 className="page__title">{name}</h1>
          <p className="person-header__meta">
            <span className="person-number" data-testid="person-number" data-number={person.number}>
              {t('personPage.number', { number: person.number })}
            </span>
            <span className="kind-tag">{kindLabel(t, person.kind)}</span>
            <AccessBadge access={person.access} />
          </p>
        </div>
        <div className="page__actions">
          <a className="button button--ghost" href={requestsPath.add(person.id)} data-testid="person-add-request">
            <Inbox size={18} aria-hidden="true" />
            {t('requests.fromPerson')}
          </a>
          {person.access === 'public' ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void setAccess('restricted')}
              disabled={accessBusy || blocked}
              title={blocked ? t('lifecycle.blockedHint') : undefined}
              data-testid="person-make-restricted"
            >
              <Lock size={18} aria-hidden="true" />
              {t('personPage.makeRestricted')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAccessError(null);
                setConfirmPublic(true);
              }}
              disabled={blocked}
              title={blocked ? t('lifecycle.blockedHint') : undefined}
              data-testid="person-make-public"
            >
              <Globe size={18} aria-hidden="true" />
              {t('personPage.makePublic')}
            </button>
          )}
          {blocked ? (
            <button type="button" className="button button--primary" disabled title={t('lifecycle.blockedHint')} data-testid="person-edit">
              <Pencil size={18} aria-hidden="true" />
              {t('personPage.edit')}
            </button>
          ) : (
            <a className="button button--primary" href={peoplePath.edit(person.id)} data-testid="person-edit">
              <Pencil size={18} aria-hidden="true" />
              {t('personPage.edit')}
            </a>
          )}
        </div>
      </header>

      <LifecycleBanners person={person} />
      <LifecyclePanel
        person={person}
        meta={lifecycle.meta}
        onPerson={setPerson}
        onOpenConsents={() => {
          setTab('consents');
          tabRefs.current.consents?.focus();
        }}
        onReason={setReasonMode}
        onEnd={setEnding}
      />
      <SeesDataToggle person={person} onChanged={(seesData) => setPerson((p) => (p ? { ...p, seesData } : p))} />

      <div className="tabs" role="tablist" aria-label={t('personPage.tabs.label')}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`${uid}-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`${uid}-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(k)}
            onKeyDown={(e) => onTabKey(e, k)}
            data-testid={`tab-${k}`}
          >
            {t(`personPage.tabs.${k}`)}
            {k === 'services' && person.services.length > 0 && <span className="tabs__count">{person.services.length}</span>}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`${uid}-panel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabs__panel">
        {tab === 'data' && (
          <>
            {hasSensitiveMasked && (
              <p className="notice notice--info small" data-testid="masked-note">
                <Lock size={16} aria-hidden="true" />
                <span>{mayReveal ? t('personPage.maskedNote') : t('onlyResponsible.reveal')}</span>
              </p>
            )}
            <div className="person-data">
              {FIELD_GROUPS.map((group) => {
                const keys = group.fields.filter((f) => allowed.has(f) || person.values[f]);
                if (keys.length === 0) return null;
                return (
                  <section key={group.key} className="card card--panel" aria-labelledby={`${uid}-${group.key}`}>
                    <h2 id={`${uid}-${group.key}`} className="form-section__title">
                      {t(`groups.${group.key}`)}
                    </h2>
                    <dl className="facts facts--person">
                      {keys.map((key) => (
                        <div key={key} className="facts__row">
                          <dt>
                            {fieldLabel(t, key)}
                            {person.values[key]?.sensitive && <SensitiveMark />}
                          </dt>
                          <dd className={MULTILINE_VALUES.has(key) ? 'facts__multiline' : undefined}>{renderValue(key)}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                );
              })}
            </div>
            <p className="muted small person-page__stamps">
              {t('personPage.stamps', { created: formatDateTime(person.createdAt), updated: formatDateTime(person.updatedAt) })}
            </p>
          </>
        )}
        {tab === 'consents' &&
          (lifecycle.meta ? (
            <ConsentsTab
              person={person}
              meta={lifecycle.meta}
              version={consentsVersion}
              onNew={() => setWizard({ scopes: [] })}
              onChanged={refresh}
            />
          ) : lifecycle.error ? (
            <div className="state">
              <ErrorMessage error={lifecycle.error} />
              <button type="button" className="button button--secondary" onClick={lifecycle.reload}>
                {t('common.tryAgain')}
              </button>
            </div>
          ) : (
            <LoadingBlock label={t('consent.loading')} />
          ))}
        {tab === 'services' && <ServicesTab person={person} />}
        {tab === 'history' && <HistoryTab id={person.id} />}
      </div>

      {confirmPublic && (
        <Dialog title={t('personPage.publicConfirmTitle')} onClose={() => setConfirmPublic(false)} testId="public-dialog">
          <div className="form">
            <p>{t('personPage.publicConfirmText')}</p>
            <p className="muted">{t('personPage.publicConfirmConsent')}</p>
            {accessError && (
              <ErrorMessage error={accessError} testId="public-error">
                {accessError.code === 'publication_consent_required' && lifecycle.meta && (
                  <button
                    type="button"
                    className="button button--secondary button--small error-message__action"
                    onClick={() => {
                      setConfirmPublic(false);
                      setWizard({ scopes: ['publication'] });
                    }}
                    data-testid="public-open-wizard"
                  >
                    <FilePlus2 size={16} aria-hidden="true" />
                    {t('personPage.recordPublicationConsent')}
                  </button>
                )}
              </ErrorMessage>
            )}
            <div className="actions actions--end">
              <button type="button" className="button button--ghost" onClick={() => setConfirmPublic(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void setAccess('public')}
                disabled={accessBusy}
                aria-busy={accessBusy}
                data-testid="public-confirm"
              >
                {accessBusy && <Spinner />}
                {t('personPage.publicConfirm')}
              </button>
            </div>
          </div>
        </Dialog>
      )}

      {wizard && lifecycle.meta && (
        <ConsentWizard
          person={person}
          meta={lifecycle.meta}
          initialScopes={wizard.scopes}
          onClose={() => setWizard(null)}
          onRecorded={() => {
            setConsentsVersion((v) => v + 1);
            setTab('consents');
            refresh();
          }}
        />
      )}

      {reasonMode && lifecycle.meta && (
        <ReasonDialog
          mode={reasonMode}
          person={person}
          meta={lifecycle.meta}
          onClose={() => setReasonMode(null)}
          onDone={(p) => {
            setPerson(p);
            toast.success(t(`lifecycle.reasonDialog.${reasonMode}.done`));
            setReasonMode(null);
          }}
        />
      )}

      {ending && (
        <EndDialog
          action={ending}
          target={{ kind: 'people', ids: [person.id], numbers: [person.number] }}
          meta={lifecycle.meta}
          warning={blocked ? t('lifecycle.end.blockedWarning') : held ? t('lifecycle.end.holdWarning') : undefined}
          onClose={() => setEnding(null)}
          onDone={(act: Act) => {
            setEnding(null);
            toast.success(t(`lifecycle.act.done.${act.action}`, { count: act.subjects.length }));
            navigate(peoplePath.list());
          }}
        />
      )}
    </div>
  );
}

const MULTILINE_VALUES = new Set<FieldKey>(['notes', 'health_notes', 'address']);

function ServicesTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.services.length === 0) {
    return (
      <div className="card card--panel state">
        <ScrollText size={28} aria-hidden="true" className="state__icon" />
        <p className="state__title">{t('personPage.servicesEmpty')}</p>
        <a className="link" href={peoplePath.edit(person.id)}>
          {t('personPage.addService')}
        </a>
      </div>
    );
  }
  const sorted = [...person.services].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <div className="table-card table-card--auto">
      <table className="table" data-testid="services-table">
        <thead>
          <tr>
            <th scope="col" className="table__when">
              {t('person.services.date')}
            </th>
            <th scope="col">{t('person.services.type')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((s, i) => (
            <tr key={i}>
              <td className="table__when">{displayDate(s.date)}</td>
              <td>{serviceTypeLabel(t, s.serviceType)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HistoryTab({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(entries === null && error === null);
  const exists = (key: string) => i18n.exists(key);

  const load = useCallback(() => {
    setError(null);
    api
      .subjectHistory(id)
      .then(setEntries)
      .catch((e) => setError(toApiError(e)));
  }, [id]);
  useEffect(load, [load]);

  if (error) {
    return (
      <div className="state">
        <ErrorMessage error={error} />
        <button type="button" className="button button--secondary" onClick={load}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (!entries) return showLoading ? <LoadingBlock label={t('personPage.historyLoading')} /> : <div className="state state--blank" />;
  if (entries.length === 0) {
    return (
      <div className="card card--panel state">
        <History size={28} aria-hidden="true" className="state__icon" />
        <p className="state__title">{t('personPage.historyEmpty')}</p>
      </div>
    );
  }
  return (
    <div className="table-card table-card--auto">
      <p className="history__lead muted small">{t('personPage.historyLead')}</p>
      <table className="table" data-testid="history-table">
        <thead>
          <tr>
            <th scope="col" className="table__when">
              {t('journal.columns.when')}
            </th>
            <th scope="col" className="history__who">
              {t('journal.columns.who')}
            </th>
            <th scope="col">{t('journal.columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const details = detailsText(t, entry, exists);
            return (
              <tr key={entry.seq} data-action={entry.action} data-testid="history-row">
                <td className="table__when">{formatDateTime(entry.at)}</td>
                <td>{entry.userName ?? <span className="muted">{t('journal.noUser')}</span>}</td>
                <td>
                  <span className={`action action--${entry.action.split('.').join('-')}`}>{actionText(t, entry.action, exists)}</span>
                  {details && <span className="table__details">{details}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

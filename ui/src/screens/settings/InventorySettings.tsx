import { ChevronRight, Lock } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './settings.css';
import {
  api,
  CATEGORIES,
  FIELD_KEYS,
  toApiError,
  type ApiError,
  type Category,
  type FieldKey,
  type Inventory,
  type InventoryDocument,
  type Kind,
  type RegisterMeta,
} from '../../api';
import { useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { categoryLabel, fieldLabel, kindLabel, useUiLanguage } from '../../lib/register';

/** Categories whose fields are masked until revealed (shown with a lock in the select). */
const SENSITIVE_CATEGORIES = new Set<Category>(['id_number', 'financial', 'health', 'biometric']);

function copy(doc: InventoryDocument): InventoryDocument {
  return JSON.parse(JSON.stringify({ purposes: doc.purposes, categories: doc.categories })) as InventoryDocument;
}

/**
 * The data inventory: purposes of processing, and per purpose and kind the fields collected; each
 * field's category. Approving saves a new version (the backend checks it and journals it).
 */
export function InventorySettings() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const toast = useToast();
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [meta, setMeta] = useState<RegisterMeta | null>(null);
  const [draft, setDraft] = useState<InventoryDocument | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const showLoading = useDelayedFlag(draft === null && loadError === null);

  const load = () => {
    setLoadError(null);
    Promise.all([api.inventoryGet(), api.registerMeta()])
      .then(([inv, m]) => {
        setInventory(inv);
        setMeta(m);
        setDraft(copy(inv));
      })
      .catch((e) => setLoadError(toApiError(e)));
  };
  useEffect(load, []);

  const dirty = useMemo(
    () => inventory !== null && draft !== null && JSON.stringify(copy(inventory)) !== JSON.stringify(draft),
    [inventory, draft],
  );

  const kinds: Kind[] = meta?.kinds ?? ['beneficiary', 'employee', 'volunteer'];
  const fieldOrder: FieldKey[] = meta ? meta.fields.map((f) => f.key) : [...FIELD_KEYS];

  const toggle = (purpose: number, kind: Kind, field: FieldKey) => {
    setError(null);
    setDraft((d) => {
      if (!d) return d;
      const next = copy(d);
      const p = next.purposes[purpose]!;
      const list = new Set(p.fields[kind] ?? []);
      if (list.has(field)) list.delete(field);
      else list.add(field);
      p.fields[kind] = fieldOrder.filter((f) => list.has(f));
      return next;
    });
  };

  const setCategory = (field: FieldKey, category: Category) => {
    setError(null);
    setDraft((d) => (d ? { ...copy(d), categories: { ...d.categories, [field]: category } } : d));
  };

  const approve = async () => {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const inv = await api.inventoryApprove(draft);
      setInventory(inv);
      setDraft(copy(inv));
      setConfirming(false);
      toast.success(t('settings.inventory.approvedToast', { version: inv.version }));
    } catch (e) {
      setError(toApiError(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const approvedBy = inventory?.approvedByName ?? inventory?.approvedBy;

  return (
    <section className="card card--panel inventory" aria-labelledby={`${id}-title`} data-testid="settings-inventory">
      <header className="settings-card__header">
        <h2 id={`${id}-title`} className="card__title">
          {t('settings.inventory.title')}
        </h2>
        <p className="muted">{t('settings.inventory.text')}</p>
      </header>

      {loadError ? (
        <ErrorMessage error={loadError}>
          <button type="button" className="link-button" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      ) : !draft || !inventory ? (
        showLoading && <LoadingBlock label={t('common.loading')} />
      ) : (
        <div className="form">
          <dl className="inventory__version" data-testid="inventory-version" data-version={inventory.version}>
            <div>
              <dt>{t('settings.inventory.version')}</dt>
              <dd className="strong">{inventory.version}</dd>
            </div>
            <div>
              <dt>{t('settings.inventory.approvedAt')}</dt>
              <dd>{formatDateTime(inventory.approvedAt)}</dd>
            </div>
            <div>
              <dt>{t('settings.inventory.approvedBy')}</dt>
              <dd>{approvedBy || '—'}</dd>
            </div>
          </dl>
          <p className="notice notice--info small">
            <Lock size={16} aria-hidden="true" />
            <span>{t('settings.inventory.onlyInventory')}</span>
          </p>

          <h3 className="form-section__title">{t('settings.inventory.purposes')}</h3>
          <div className="purposes">
            {draft.purposes.map((purpose, pi) => (
              <details key={purpose.key} className="purpose" open={pi === 0} data-testid={`purpose-${purpose.key}`}>
                <summary className="purpose__summary">
                  <ChevronRight size={18} aria-hidden="true" className="purpose__chevron" />
                  <span className="purpose__name">{purpose.names[lang]}</span>
                  <span className="purpose__counts muted small">
                    {kinds
                      .filter((k) => (purpose.fields[k]?.length ?? 0) > 0)
                      .map((k) => t('settings.inventory.kindCount', { kind: kindLabel(t, k), count: purpose.fields[k]?.length ?? 0 }))
                      .join(' · ') || t('settings.inventory.noFields')}
                  </span>
                </summary>
                <div className="table-scroll">
                  <table className="table table--compact matrix">
                    <thead>
                      <tr>
                        <th scope="col">{t('settings.inventory.field')}</th>
                        {kinds.map((k) => (
                          <th key={k} scope="col" className="matrix__kind">
                            {kindLabel(t, k)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {fieldOrder.map((field) => (
                        <tr key={field}>
                          <th scope="row" className="matrix__field">
                            {fieldLabel(t, field)}
                          </th>
                          {kinds.map((k) => {
                            const checked = purpose.fields[k]?.includes(field) ?? false;
                            return (
                              <td key={k} className="matrix__cell">
                                <input
                                  type="checkbox"
                                  checked={checked}
                                  disabled={!mayChange}
                                  onChange={() => toggle(pi, k, field)}
                                  aria-label={`${purpose.names[lang]}: ${kindLabel(t, k)}: ${fieldLabel(t, field)}`}
                                  data-testid={`inv-${purpose.key}-${k}-${field}`}
                                />
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ))}
          </div>

          <h3 className="form-section__title">{t('settings.inventory.categories')}</h3>
          <p className="muted small">{t('settings.inventory.categoriesText')}</p>
          <div className="categories">
            {fieldOrder.map((field) => {
              const category = draft.categories[field] ?? meta?.fields.find((f) => f.key === field)?.category ?? 'other';
              const sensitive = SENSITIVE_CATEGORIES.has(category);
              return (
                <div key={field} className="categories__row">
                  <label htmlFor={`${id}-cat-${field}`} className="categories__field">
                    {fieldLabel(t, field)}
                  </label>
                  <select
                    id={`${id}-cat-${field}`}
                    className="input categories__select"
                    value={category}
                    disabled={!mayChange}
                    onChange={(e) => setCategory(field, e.target.value as Category)}
                    data-testid={`inv-category-${field}`}
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {categoryLabel(t, c)}
                      </option>
                    ))}
                  </select>
                  <span className="categories__mark" title={sensitive ? t('person.sensitiveHint') : undefined}>
                    {sensitive && <Lock size={15} aria-label={t('person.sensitive')} />}
                  </span>
                </div>
              );
            })}
          </div>

          {error && (
            <ErrorMessage error={error} testId="inventory-error">
              {error.code === 'invalid_input' && <p className="small inventory__reason">{t('settings.inventory.refused')}</p>}
            </ErrorMessage>
          )}

          {mayChange ? (
            <div className="form-footer form-footer--inline">
              {dirty && <span className="muted small">{t('settings.inventory.unsaved')}</span>}
              <button type="button" className="button button--ghost" disabled={!dirty || busy} onClick={() => setDraft(copy(inventory))}>
                {t('settings.inventory.discard')}
              </button>
              <button type="button" className="button button--primary" disabled={!dirty || busy} onClick={() => setConfirming(true)} data-testid="inventory-approve">
                {t('settings.inventory.approve')}
              </button>
            </div>
          ) : (
            <OnlyResponsible text={t('onlyResponsible.inventory')} testId="settings-inventory-readonly" />
          )}
        </div>
      )}

      {confirming && inventory && (
        <Dialog title={t('settings.inventory.confirmTitle', { version: inventory.version + 1 })} onClose={() => setConfirming(false)} testId="inventory-dialog">
          <div className="form">
            <p>{t('settings.inventory.confirmText')}</p>
            <p className="muted">{t('settings.inventory.confirmJournal')}</p>
            <div className="actions actions--end">
              <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button--primary" onClick={() => void approve()} disabled={busy} aria-busy={busy} data-testid="inventory-approve-confirm">
                {busy && <Spinner />}
                {t('settings.inventory.approve')}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </section>
  );
}

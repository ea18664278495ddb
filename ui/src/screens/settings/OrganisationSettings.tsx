import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError, type Organisation } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';

type OrgField = keyof Organisation;
const FIELDS: OrgField[] = ['name', 'bin', 'address', 'responsibleName', 'responsibleContacts', 'headName', 'headPosition'];
/** The fields with a line of explanation under them. */
const HINTED = new Set<OrgField>(['bin', 'responsibleName', 'responsibleContacts', 'headName', 'headPosition']);
/** invalid_input's params.field (snake_case in Rust) → the form's field. */
const FROM_BACKEND: Record<string, OrgField> = {
  name: 'name',
  bin: 'bin',
  address: 'address',
  responsible_name: 'responsibleName',
  responsible_contacts: 'responsibleContacts',
  head_name: 'headName',
  head_position: 'headPosition',
};

/**
 * The organisation that operates the register: what consents and documents name as the operator,
 * and its head, who signs the order appointing the responsible person and approves the policy.
 */
export function OrganisationSettings() {
  const { t } = useTranslation();
  const toast = useToast();
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [org, setOrg] = useState<Organisation | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const showLoading = useDelayedFlag(org === null && loadError === null);
  const showSpinner = useDelayedFlag(busy);

  const load = () => {
    setLoadError(null);
    api
      .orgGet()
      .then(setOrg)
      .catch((e) => setLoadError(toApiError(e)));
  };
  useEffect(load, []);

  const errorField = error?.code === 'invalid_input' ? FROM_BACKEND[String(error.params.field)] : undefined;

  useEffect(() => {
    if (errorField) document.getElementById(`${id}-${errorField}`)?.focus();
  }, [error, errorField, id]);

  const save = async () => {
    if (!org) return;
    setBusy(true);
    setError(null);
    try {
      setOrg(await api.orgSet(org));
      setDirty(false);
      toast.success(t('settings.org.saved'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: OrgField) =>
    errorField === field && error ? (
      <p className="field__error" id={`${id}-${field}-error`} role="alert" data-testid="settings-org-error">
        {t(`settings.org.errors.${field}`)}
      </p>
    ) : null;

  return (
    <section className="card card--panel" aria-labelledby={`${id}-title`} data-testid="settings-org">
      <header className="settings-card__header">
        <h2 id={`${id}-title`} className="card__title">
          {t('settings.org.title')}
        </h2>
        <p className="muted">{t('settings.org.text')}</p>
      </header>
      {loadError ? (
        <ErrorMessage error={loadError}>
          <button type="button" className="link-button" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      ) : !org ? (
        showLoading && <LoadingBlock label={t('common.loading')} />
      ) : (
        <form
          className="form org-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && mayChange) void save();
          }}
        >
          {!mayChange && <OnlyResponsible text={t('onlyResponsible.org')} testId="settings-org-readonly" />}
          <div className="form-grid">
            {FIELDS.map((field) => {
              const testId = field === 'name' ? 'settings-org-name' : field === 'bin' ? 'settings-org-bin' : `settings-org-${field}`;
              const invalid = errorField === field;
              const hint = HINTED.has(field) ? t(`settings.org.hints.${field}`) : null;
              return (
                <div key={field} className={`field${field === 'name' || field === 'address' ? ' field--wide' : ''}${field === 'headName' ? ' org-form__head' : ''}`}>
                  <label className="field__label" htmlFor={`${id}-${field}`}>
                    {t(`settings.org.fields.${field}`)}
                  </label>
                  <input
                    id={`${id}-${field}`}
                    className={`input${field === 'bin' ? ' input--digits input--medium' : ''}`}
                    inputMode={field === 'bin' ? 'numeric' : undefined}
                    value={org[field] ?? ''}
                    onChange={(e) => {
                      setOrg({ ...org, [field]: e.target.value });
                      setDirty(true);
                      if (invalid || (error && !errorField)) setError(null);
                    }}
                    aria-invalid={invalid || undefined}
                    aria-describedby={[hint ? `${id}-${field}-hint` : null, invalid ? `${id}-${field}-error` : null].filter(Boolean).join(' ') || undefined}
                    disabled={busy}
                    readOnly={!mayChange}
                    autoComplete="off"
                    data-testid={testId}
                  />
                  {hint && (
                    <p className="field__hint" id={`${id}-${field}-hint`}>
                      {hint}
                    </p>
                  )}
                  {fieldError(field)}
                </div>
              );
            })}
          </div>
          {error && !errorField && <ErrorMessage error={error} testId="settings-org-error" />}
          {mayChange && (
            <div className="actions actions--end">
              <button type="submit" className="button button--primary" disabled={busy || !dirty} aria-busy={busy} data-testid="settings-org-save">
                {showSpinner && <Spinner />}
                {t('settings.org.save')}
              </button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

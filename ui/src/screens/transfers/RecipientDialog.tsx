import { Building2 } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import { api, RECIPIENT_KINDS, toApiError, type ApiError, type RecipientKind, type RecipientRecord } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField } from '../../lib/lifecycle';
import { useUiLanguage } from '../../lib/register';
import { recipientKindLabel } from '../../lib/transfers';

const OWN_FIELDS = ['name', 'country', 'protects'];
const HOME: Record<'kk' | 'ru' | 'en', string> = { kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' };

/**
 * Add a recipient: its name and country as consents name them, its kind, whether it is abroad and,
 * abroad, whether its country ensures the protection of personal data (Art. 16(2)). The core
 * refuses a second recipient with the same name and country.
 */
export function RecipientDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (r: RecipientRecord) => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RecipientKind>('donor');
  const [abroad, setAbroad] = useState(false);
  const [country, setCountry] = useState(HOME[lang]);
  const [protects, setProtects] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy, 150);
  const field = errorField(error);
  const fieldError = (key: string) =>
    error && field === key ? (
      <p className="field__error" id={`${id}-${key}-error`} data-testid={`recipient-${key}-error`}>
        {errorText(t, error)}
      </p>
    ) : null;

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };

  const setWhere = (out: boolean) => {
    setError(null);
    setAbroad(out);
    // The country follows the choice while it still says the home country or nothing.
    if (out && Object.values(HOME).includes(country.trim())) setCountry('');
    if (!out && country.trim() === '') setCountry(HOME[lang]);
    if (!out) setProtects(null);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.recipientAdd({ name, country, abroad, kind, protects: abroad ? protects : null });
      toast.success(t('transfers.recipients.added', { name: r.name }));
      onAdded(r);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('transfers.recipients.addTitle')} onClose={() => !busy && onClose()} testId="recipient-dialog" size="wide">
      <form
        className="form recipient-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void save();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('transfers.recipients.name')} <span className="required-mark" aria-hidden="true">*</span>
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => edit(setName)(e.target.value)}
            aria-required="true"
            aria-invalid={field === 'name' || undefined}
            aria-describedby={`${id}-name-hint ${id}-name-error`}
            placeholder={t('transfers.recipients.namePlaceholder')}
            autoComplete="off"
            data-testid="recipient-name"
          />
          {fieldError('name') ?? (
            <p className="field__hint" id={`${id}-name-hint`}>
              {t('transfers.recipients.nameHint')}
            </p>
          )}
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('transfers.recipients.kind')}</legend>
          <div className="radio-cards radio-cards--tight">
            {RECIPIENT_KINDS.map((k) => (
              <label key={k} className="radio-card">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => edit(setKind)(k)} data-testid={`recipient-kind-${k}`} />
                <span>{recipientKindLabel(t, k)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t('transfers.recipients.where')}</legend>
          <div className="radio-cards radio-cards--stack">
            <label className="radio-card">
              <input type="radio" name={`${id}-where`} checked={!abroad} onChange={() => setWhere(false)} data-testid="recipient-home" />
              <span>{t('transfers.recipients.whereHome')}</span>
            </label>
            <label className="radio-card">
              <input type="radio" name={`${id}-where`} checked={abroad} onChange={() => setWhere(true)} data-testid="recipient-abroad-choice" />
              <span>{t('transfers.recipients.whereAbroad')}</span>
            </label>
          </div>
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-country`}>
            {t('transfers.recipients.country')} <span className="required-mark" aria-hidden="true">*</span>
          </label>
          <input
            id={`${id}-country`}
            className="input recipient-form__country"
            value={country}
            onChange={(e) => edit(setCountry)(e.target.value)}
            aria-required="true"
            aria-invalid={field === 'country' || undefined}
            aria-describedby={`${id}-country-hint ${id}-country-error`}
            autoComplete="off"
            data-testid="recipient-country"
          />
          {fieldError('country') ?? (
            <p className="field__hint" id={`${id}-country-hint`}>
              {t('transfers.recipients.countryHint')}
            </p>
          )}
        </div>

        {abroad && (
          <fieldset className="fieldset" aria-describedby={`${id}-protects-hint`} data-testid="recipient-protects">
            <legend className="field__label">{t('transfers.recipients.protectsQuestion')}</legend>
            <div className="radio-cards radio-cards--stack">
              <label className="radio-card">
                <input type="radio" name={`${id}-protects`} checked={protects === true} onChange={() => edit(setProtects)(true)} data-testid="recipient-protects-yes" />
                <span>{t('transfers.recipients.protectsYes')}</span>
              </label>
              <label className="radio-card">
                <input type="radio" name={`${id}-protects`} checked={protects === false} onChange={() => edit(setProtects)(false)} data-testid="recipient-protects-no" />
                <span>{t('transfers.recipients.protectsNo')}</span>
              </label>
            </div>
            {fieldError('protects') ?? (
              <p className="field__hint" id={`${id}-protects-hint`}>
                {t('transfers.recipients.protectsHint')}
              </p>
            )}
          </fieldset>
        )}

        {error && !OWN_FIELDS.includes(field ?? '') && <ErrorMessage error={error} testId="recipient-error" />}

        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="recipient-save">
            {showSpinner ? <Spinner /> : <Building2 size={18} aria-hidden="true" />}
            {t('transfers.recipients.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

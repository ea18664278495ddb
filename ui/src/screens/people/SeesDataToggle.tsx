import { FileSignature } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './person.css';
import { api, toApiError, type Person } from '../../api';
import { useCan } from '../../app-context';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';

/**
 * On an employee's or volunteer's page: whether they see personal data at work, and so sign a
 * confidentiality undertaking (Art. 11(2)), listed on the Documents screen. Who sees the data is
 * the responsible person's decision (change_settings); others are not offered the switch, and
 * beneficiaries never sign one.
 */
export function SeesDataToggle({ person, onChanged }: { person: Person; onChanged: (seesData: boolean) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const mayDecide = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [busy, setBusy] = useState(false);
  if (person.kind === 'beneficiary' || !mayDecide) return null;
  const checked = person.seesData === true;

  const change = async (yes: boolean) => {
    setBusy(true);
    try {
      await api.personSeesData(person.id, yes);
      onChanged(yes);
      toast.success(t(yes ? 'personPage.seesData.on' : 'personPage.seesData.off'));
    } catch (e) {
      toast.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card--panel sees-data" aria-label={t('personPage.seesData.label')} data-testid="person-sees-data-card">
      <label className="sees-data__toggle">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={busy}
          onChange={(e) => void change(e.target.checked)}
          aria-describedby={`${id}-hint`}
          data-testid="person-sees-data"
        />
        <span>
          <span className="sees-data__label">
            <FileSignature size={16} aria-hidden="true" />
            {t('personPage.seesData.label')}
            {busy && <Spinner size={14} />}
          </span>
          <span className="field__hint sees-data__hint" id={`${id}-hint`}>
            {t('personPage.seesData.hint')}{' '}
            <a className="link" href="#/documents">
              {t('personPage.seesData.openDocuments')}
            </a>
          </span>
        </span>
      </label>
    </section>
  );
}

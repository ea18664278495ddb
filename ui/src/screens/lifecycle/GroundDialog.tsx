import { Scale, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError, type LifecycleMeta, type Person } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { basisProblemOf, EMPLOYEE_GROUND, type BasisProblem, type GroundPart } from '../../lib/basis';
import { errorText } from '../../lib/errors';
import { fullName } from '../../lib/register';
import { coreText } from '../../lib/words';
import { GroundFields } from '../basis/BasisFields';

/**
 * Set, change or remove a person's Art. 9 ground: the sub-paragraph, the law relied on and the
 * purposes it covers. The core checks it (only the grounds an NGO may use, a law named, purposes
 * of the inventory for this kind of person) and answers with the updated person.
 */
export function GroundDialog({
  person,
  meta,
  onClose,
  onSaved,
}: {
  person: Person;
  meta: LifecycleMeta;
  onClose: () => void;
  onSaved: (person: Person, removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const l = person.lifecycle;
  const [value, setValue] = useState<GroundPart>(() => ({
    subparagraph: l?.legalGround ?? (person.kind === 'employee' ? EMPLOYEE_GROUND : (meta.legalGrounds[0] ?? EMPLOYEE_GROUND)),
    law: l?.legalGroundLaw ?? '',
    purposes: l?.groundPurposes ?? [],
  }));
  const [problems, setProblems] = useState<BasisProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'remove' | null>(null);
  const name = fullName(Object.fromEntries(Object.entries(person.values).map(([k, v]) => [k, v?.value]))) || t('people.noName');
  const consentInForce = l?.consentState === 'active' || l?.consentState === 'expiring';

  const send = async (remove: boolean) => {
    if (!remove && !value.law.trim()) {
      setProblems([{ field: 'law', text: coreText('reason-legal_ground_law_required') }]);
      return;
    }
    setBusy(remove ? 'remove' : 'save');
    setError(null);
    setProblems([]);
    try {
      const saved = await api.subjectSetLegalGround(
        person.id,
        remove ? null : { subparagraph: value.subparagraph, law: value.law.trim(), purposes: value.purposes },
      );
      onSaved(saved, remove);
    } catch (e) {
      const err = toApiError(e);
      const problem = basisProblemOf(t, err);
      if (problem) setProblems([problem]);
      else setError(err);
      setBusy(null);
    }
  };

  return (
    <Dialog title={t('lifecycle.groundDialog.title', { name })} onClose={() => busy === null && onClose()} testId="ground-dialog" size="wide">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy === null) void send(false);
        }}
      >
        <p className="muted">{t('lifecycle.groundDialog.lead')}</p>
        <div className="basis__details">
          <GroundFields kinds={[person.kind]} meta={meta} value={value} onChange={(next) => {
            setValue(next);
            setProblems([]);
          }} problems={problems} disabled={busy !== null} testIdPrefix="legal-ground" />
        </div>
        {l?.legalGround && !consentInForce && (
          <p className="notice notice--warning small" data-testid="ground-remove-warning">
            <TriangleAlert size={16} aria-hidden="true" />
            <span>{t('lifecycle.groundDialog.removeWarning')}</span>
          </p>
        )}
        {error && <ErrorMessage error={error} text={errorText(t, error)} testId="ground-error" />}
        <div className="actions actions--split">
          <div className="actions">
            {l?.legalGround && (
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => void send(true)}
                disabled={busy !== null}
                data-testid="legal-ground-remove"
              >
                {busy === 'remove' && <Spinner />}
                {t('lifecycle.groundDialog.remove')}
              </button>
            )}
          </div>
          <div className="actions">
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy !== null}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy !== null} aria-busy={busy === 'save'} data-testid="legal-ground-save">
              {busy === 'save' ? <Spinner /> : <Scale size={18} aria-hidden="true" />}
              {t('lifecycle.groundDialog.save')}
            </button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}

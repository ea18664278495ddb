import { FileCheck2, IdCard } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Path } from '../../components/Path';

/**
 * Asked before a scan is kept as a consent's evidence: is this the signed consent form? Copies
 * of identity documents must not be kept (Art. 7(10)); the IIN or the document's number goes in
 * the person's record instead. The scan is stored only when the user says it is the signed form.
 */
export function EvidenceConfirmDialog({ path, onAnswer }: { path: string; onAnswer: (yes: boolean) => void }) {
  const { t } = useTranslation();
  const [sure, setSure] = useState(false);
  return (
    <Dialog title={t('consent.evidence.confirm.title')} onClose={() => onAnswer(false)} testId="evidence-confirm">
      <div className="form">
        <Path path={path} className="path" />
        <p>{t('consent.evidence.confirm.lead')}</p>
        <div className="notice notice--warning" role="note" data-testid="evidence-confirm-warning">
          <IdCard size={20} aria-hidden="true" />
          <div>
            <p className="notice__title">{t('consent.evidence.confirm.idTitle')}</p>
            <p>{t('consent.evidence.confirm.idText')}</p>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="evidence-confirm-check" />
          <span>{t('consent.evidence.confirm.check')}</span>
        </label>
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={() => onAnswer(false)} data-testid="evidence-confirm-no">
            {t('consent.evidence.confirm.no')}
          </button>
          <button type="button" className="button button--primary" disabled={!sure} onClick={() => onAnswer(true)} data-testid="evidence-confirm-yes">
            <FileCheck2 size={18} aria-hidden="true" />
            {t('consent.evidence.confirm.yes')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

import { Building2, Globe, Plus, Send } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import { api, toApiError, type ApiError, type RecipientRecord } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useCount } from '../../lib/register';
import { recipientKindLabel, transfersPath } from '../../lib/transfers';
import { RecipientDialog } from './RecipientDialog';

/**
 * The recipients the organisation sends personal data to: donors, partners, state bodies. Each is
 * a record with its country, whether that is abroad (a cross-border transfer, Art. 16) and, abroad,
 * whether the country ensures the protection of personal data (Art. 16(2)); consents name them.
 */
export function RecipientsList() {
  const { t } = useTranslation();
  const count = useCount();
  const mayAdd = useCan()('export_rows');
  const [list, setList] = useState<RecipientRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .recipientsList()
      .then(setList)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const addButton = mayAdd && (
    <button type="button" className="button button--secondary" onClick={() => setAdding(true)} data-testid="recipients-add">
      <Plus size={18} aria-hidden="true" />
      {t('transfers.recipients.add')}
    </button>
  );

  return (
    <>
      <div className="transfers-toolbar">
        <p className="muted transfers-toolbar__lead">{t('transfers.recipients.lead')}</p>
        {list && list.length > 0 && addButton}
      </div>

      <section className={`table-card table-card--auto${list?.length === 0 ? ' table-card--empty' : ''}`} aria-label={t('transfers.tabs.recipients')} data-testid="recipients">
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="recipients-error" />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : list === null ? (
          showLoading ? <LoadingBlock label={t('common.loading')} /> : <div className="state state--blank" />
        ) : list.length === 0 ? (
          <div className="state" data-testid="recipients-empty">
            <Building2 size={32} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('transfers.recipients.emptyTitle')}</p>
            <p className="muted">{t('transfers.recipients.emptyText')}</p>
            {addButton}
          </div>
        ) : (
          <div className="table-scroll">
            <table className="table recipients-table" data-testid="recipients-table">
              <thead>
                <tr>
                  <th scope="col" className="table__num">
                    {t('transfers.recipients.number')}
                  </th>
                  <th scope="col">{t('transfers.recipients.name')}</th>
                  <th scope="col">{t('transfers.recipients.country')}</th>
                  <th scope="col">{t('transfers.recipients.protection')}</th>
                  <th scope="col" className="table__num">
                    {t('transfers.recipients.transfers')}
                  </th>
                  {mayAdd && (
                    <th scope="col">
                      <span className="visually-hidden">{t('transfers.recipients.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.number} data-testid="recipient-row" data-number={r.number} data-abroad={r.abroad} data-protects={r.protects ?? ''}>
                    <td className="table__num">{r.number}</td>
                    <td className="recipients-table__name">
                      <span className="strong">{r.name}</span>
                      <span className="table__details">{recipientKindLabel(t, r.kind)}</span>
                    </td>
                    <td>
                      <span className="recipients-table__country">
                        {r.country}
                        {r.abroad && (
                          <span className="tag tag--abroad" data-testid="recipient-abroad">
                            <Globe size={13} aria-hidden="true" />
                            {t('transfers.recipients.abroad')}
                          </span>
                        )}
                      </span>
                    </td>
                    <td data-testid="recipient-protection">
                      {!r.abroad ? (
                        <span className="muted">{t('transfers.recipients.home')}</span>
                      ) : r.protects ? (
                        <span className="protection protection--yes">{t('transfers.recipients.protects')}</span>
                      ) : (
                        <span className="protection protection--no">{t('transfers.recipients.notProtects')}</span>
                      )}
                    </td>
                    <td className="table__num" data-testid="recipient-transfers">
                      {count(r.transfers)}
                    </td>
                    {mayAdd && (
                      <td className="recipients-table__action">
                        <a className="button button--ghost button--small" href={transfersPath.add(r.number)} data-testid="recipient-transfer">
                          <Send size={16} aria-hidden="true" />
                          {t('transfers.recipients.transfer')}
                        </a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {adding && (
        <RecipientDialog
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            load();
          }}
        />
      )}
    </>
  );
}

import { FileText } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../lifecycle/lifecycle.css';
import './retention.css';
import { api, toApiError, type ActSummary, type ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { actionLabel, groundLabel } from '../../lib/lifecycle';
import { useCount } from '../../lib/register';
import { ActDialog } from '../lifecycle/ActView';

/** Every act of anonymisation or destruction, newest first; a row opens the act. */
export function ActsList() {
  const { t } = useTranslation();
  const count = useCount();
  const [acts, setActs] = useState<ActSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const showLoading = useDelayedFlag(acts === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .actsList()
      .then((list) => setActs([...list].sort((a, b) => b.number - a.number)))
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <section className={`table-card table-card--auto${acts?.length === 0 ? ' table-card--empty' : ''}`} data-testid="acts-list" aria-label={t('retention.acts.title')}>
      {error ? (
        <div className="state">
          <ErrorMessage error={error} />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : acts === null ? (
        showLoading ? <LoadingBlock label={t('common.loading')} /> : <div className="state state--blank" />
      ) : acts.length === 0 ? (
        <div className="state" data-testid="acts-empty">
          <FileText size={32} aria-hidden="true" className="state__icon" />
          <p className="state__title">{t('retention.acts.emptyTitle')}</p>
          <p className="muted">{t('retention.acts.emptyText')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="acts-table">
            <thead>
              <tr>
                <th scope="col" className="table__num">
                  {t('retention.acts.number')}
                </th>
                <th scope="col">{t('retention.acts.action')}</th>
                <th scope="col">{t('retention.acts.ground')}</th>
                <th scope="col" className="table__num">
                  {t('retention.acts.people')}
                </th>
                <th scope="col" className="table__when">
                  {t('retention.acts.when')}
                </th>
                <th scope="col">{t('retention.acts.who')}</th>
              </tr>
            </thead>
            <tbody>
              {acts.map((a) => (
                <tr
                  key={a.number}
                  className="acts__row"
                  data-testid="act-row"
                  data-number={a.number}
                  tabIndex={0}
                  onClick={() => setOpen(a.number)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      setOpen(a.number);
                    }
                  }}
                  aria-label={t('retention.acts.open', { number: a.number })}
                >
                  <td className="table__num">{a.number}</td>
                  <td>
                    <span className={`action-tag action-tag--${a.action}`}>{actionLabel(t, a.action)}</span>
                  </td>
                  <td>{groundLabel(t, a.ground)}</td>
                  <td className="table__num">{count(a.people)}</td>
                  <td className="table__when">{formatDateTime(a.performedAt)}</td>
                  <td>{a.performedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && <ActDialog number={open} onClose={() => setOpen(null)} />}
    </section>
  );
}

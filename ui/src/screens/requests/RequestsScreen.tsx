import { Inbox, Plus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './requests.css';
import { api, toApiError, type ApiError, type SubjectRequest } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { isOpen, requestKindLabel, requestsPath } from '../../lib/obligations';
import { displayDate } from '../../lib/register';
import { useSubRoute } from '../../lib/route';
import { peoplePath } from '../../lib/route';
import { ClockLine } from '../obligations/ClockLine';
import { RequestForm } from './RequestForm';
import { RequestPage } from './RequestPage';

/**
 * Requests from the people in the register (Art. 24, 25): to learn what is held about them, to
 * correct, block, unblock or destroy it, to withdraw a consent, to refuse publication. Each has its
 * term in working days, counted by the core. Routes: #/requests, #/requests/new,
 * #/requests/new/<person id> (from a person's page), #/requests/<№>.
 */
export function RequestsScreen() {
  const route = useSubRoute();
  const [first, second] = route;
  if (first === 'new') return <RequestForm key={second ?? 'new'} personId={second ?? null} />;
  if (first && /^\d+$/.test(first)) return <RequestPage key={first} number={Number(first)} />;
  return <RequestList />;
}

function RequestList() {
  const { t } = useTranslation();
  const [list, setList] = useState<SubjectRequest[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .requestsList()
      .then(setList)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const open = list?.filter(isOpen) ?? [];
  const closed = list?.filter((r) => !isOpen(r)) ?? [];

  return (
    <div className="page page--wide" data-testid="requests-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('requests.title')}</h1>
          <p className="page__lead">{t('requests.lead')}</p>
        </div>
        <a className="button button--primary page__header-action" href={requestsPath.add()} data-testid="requests-add">
          <Plus size={18} aria-hidden="true" />
          {t('requests.add')}
        </a>
      </header>

      {error ? (
        <div className="card card--panel state">
          <ErrorMessage error={error} testId="requests-error" />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : list === null ? (
        showLoading ? <LoadingBlock label={t('requests.loading')} /> : <div className="state state--blank" />
      ) : list.length === 0 ? (
        <div className="card card--panel state" data-testid="requests-empty">
          <Inbox size={32} aria-hidden="true" className="state__icon" />
          <p className="state__title">{t('requests.emptyTitle')}</p>
          <p className="muted">{t('requests.emptyText')}</p>
        </div>
      ) : (
        <>
          <RequestTable title={t('requests.open', { count: open.length })} rows={open} testId="requests-open" empty={t('requests.noneOpen')} />
          {closed.length > 0 && <RequestTable title={t('requests.closed')} rows={closed} testId="requests-closed" />}
        </>
      )}
    </div>
  );
}

function RequestTable({ title, rows, testId, empty }: { title: string; rows: SubjectRequest[]; testId: string; empty?: string }) {
  const { t } = useTranslation();
  const headingId = `${testId}-title`;
  return (
    <section className="table-card table-card--auto obligation-card" aria-labelledby={headingId} data-testid={testId}>
      <header className="obligation-card__header">
        <h2 id={headingId} className="obligation-card__title">
          {title}
        </h2>
      </header>
      {rows.length === 0 ? (
        <p className="obligation-card__empty muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table obligation-table obligation-table--requests">
            <thead>
              <tr>
                <th scope="col" className="table__num">
                  {t('requests.columns.number')}
                </th>
                <th scope="col">{t('requests.columns.request')}</th>
                <th scope="col">{t('requests.columns.person')}</th>
                <th scope="col">{t('requests.columns.received')}</th>
                <th scope="col">{t('requests.columns.term')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.number} data-testid="request-row" data-number={r.number} data-kind={r.kind} data-state={r.closure ? r.closure.outcome : r.clock.state}>
                  <td className="table__num">{r.number}</td>
                  <td>
                    <a className="obligation-table__link" href={requestsPath.request(r.number)} data-testid="request-open">
                      {requestKindLabel(t, r.kind)}
                    </a>
                    {r.note && <span className="table__details obligation-table__note">{r.note}</span>}
                  </td>
                  <td className="obligation-table__nowrap">
                    {r.subjectPresent ? (
                      <a className="link" href={peoplePath.person(r.subjectId)}>
                        {t('personPage.number', { number: r.subjectNumber })}
                      </a>
                    ) : (
                      <span className="muted">{t('requests.personGone', { number: r.subjectNumber })}</span>
                    )}
                  </td>
                  <td className="obligation-table__nowrap">
                    {displayDate(r.receivedOn)}
                    <span className="table__details">{t(`requests.channels.${r.channel}`)}</span>
                  </td>
                  <td>
                    {r.closure ? (
                      <span className="obligation-table__closure">
                        <span className={`state-badge${r.closure.outcome === 'done' ? ' state-badge--active' : ''}`} data-testid="request-outcome">
                          {t(`requests.outcome.${r.closure.outcome}`)}
                        </span>
                        <span className="table__details">{t('requests.closedOn', { date: displayDate(r.closure.closedOn) })}</span>
                      </span>
                    ) : (
                      <ClockLine clock={r.clock} testId="request-clock" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

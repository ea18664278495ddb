import { Plus, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './breaches.css';
import { api, toApiError, type ApiError, type Breach } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { awaitsNotice, breachDescription, breachesPath, breachKindLabel, detectedText } from '../../lib/obligations';
import { displayDate, useCount } from '../../lib/register';
import { useSubRoute } from '../../lib/route';
import { ClockLine } from '../obligations/ClockLine';
import { BreachForm } from './BreachForm';
import { BreachPage } from './BreachPage';
import { BreachStatusBadge } from './BreachStatusBadge';

/**
 * The breach register (Art. 20-22, 25(2)(8)): what happened, when it was detected, the data and
 * the people affected, and the notice to the authorised body, due within one working day of
 * detection. Derbes proposes breaches it sees itself (a broken journal, a burst of wrong
 * passwords); a person confirms or dismisses them. Routes: #/breaches, #/breaches/new,
 * #/breaches/<№>.
 */
export function BreachesScreen() {
  const route = useSubRoute();
  const [first] = route;
  if (first === 'new') return <BreachForm />;
  if (first && /^\d+$/.test(first)) return <BreachPage key={first} number={Number(first)} />;
  return <BreachList />;
}

function BreachList() {
  const { t } = useTranslation();
  const [list, setList] = useState<Breach[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .breachesList()
      .then(setList)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const proposals = list?.filter((b) => b.status === 'proposed') ?? [];
  const waiting = list?.filter((b) => awaitsNotice(b) && b.status !== 'proposed') ?? [];
  const rest = list?.filter((b) => !awaitsNotice(b)) ?? [];

  return (
    <div className="page page--wide" data-testid="breaches-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('breaches.title')}</h1>
          <p className="page__lead">{t('breaches.lead')}</p>
        </div>
        <a className="button button--primary page__header-action" href={breachesPath.add()} data-testid="breaches-add">
          <Plus size={18} aria-hidden="true" />
          {t('breaches.add')}
        </a>
      </header>

      {error ? (
        <div className="card card--panel state">
          <ErrorMessage error={error} testId="breaches-error" />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : list === null ? (
        showLoading ? <LoadingBlock label={t('breaches.loading')} /> : <div className="state state--blank" />
      ) : list.length === 0 ? (
        <div className="card card--panel state" data-testid="breaches-empty">
          <ShieldCheck size={32} aria-hidden="true" className="state__icon" />
          <p className="state__title">{t('breaches.emptyTitle')}</p>
          <p className="muted">{t('breaches.emptyText')}</p>
        </div>
      ) : (
        <>
          {proposals.map((b) => (
            <a key={b.number} className="proposal" href={breachesPath.breach(b.number)} data-testid="breach-proposal" data-number={b.number}>
              <ShieldAlert size={22} aria-hidden="true" className="proposal__icon" />
              <span className="proposal__text">
                <span className="proposal__title">{t('breaches.proposal.title')}</span>
                <span>{breachDescription(t, b)}</span>
                <span className="muted small">{t('breaches.proposal.seen', { when: detectedText(b.detectedAt) })}</span>
              </span>
              <span className="proposal__action">{t('breaches.proposal.check')}</span>
            </a>
          ))}
          <BreachTable title={t('breaches.waiting', { count: waiting.length })} rows={waiting} testId="breaches-waiting" empty={t('breaches.noneWaiting')} />
          {rest.length > 0 && <BreachTable title={t('breaches.others')} rows={rest} testId="breaches-others" />}
        </>
      )}
    </div>
  );
}

function BreachTable({ title, rows, testId, empty }: { title: string; rows: Breach[]; testId: string; empty?: string }) {
  const { t } = useTranslation();
  const count = useCount();
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
          <table className="table obligation-table obligation-table--breaches">
            <thead>
              <tr>
                <th scope="col" className="table__num">
                  {t('breaches.columns.number')}
                </th>
                <th scope="col">{t('breaches.columns.what')}</th>
                <th scope="col">{t('breaches.columns.detected')}</th>
                <th scope="col">{t('breaches.columns.affected')}</th>
                <th scope="col">{t('breaches.columns.notice')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => (
                <tr key={b.number} data-testid="breach-row" data-number={b.number} data-status={b.status} data-state={b.clock.state}>
                  <td className="table__num">{b.number}</td>
                  <td>
                    <a className="obligation-table__link" href={breachesPath.breach(b.number)} data-testid="breach-open">
                      {breachKindLabel(t, b.kind)}
                    </a>
                    <span className="table__details obligation-table__note">{breachDescription(t, b)}</span>
                  </td>
                  <td className="obligation-table__nowrap">{detectedText(b.detectedAt)}</td>
                  <td className="obligation-table__nowrap">
                    {b.wholeRegister ? t('breaches.affectedAll', { count: b.affected, formatted: count(b.affected) }) : t('breaches.affectedSome', { count: b.affected, formatted: count(b.affected) })}
                  </td>
                  <td>
                    {awaitsNotice(b) ? (
                      <ClockLine clock={b.clock} testId="breach-clock" />
                    ) : (
                      <span className="obligation-table__closure">
                        <BreachStatusBadge breach={b} />
                        {b.notifiedOn && <span className="table__details">{t('breaches.notifiedOn', { date: displayDate(b.notifiedOn) })}</span>}
                      </span>
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

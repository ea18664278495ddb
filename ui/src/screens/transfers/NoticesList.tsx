import { BellRing, Check } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import { api, toApiError, type ApiError, type TransferNotice } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { isoFromTyped, todayIso } from '../../lib/obligations';
import { displayDate } from '../../lib/register';
import { peoplePath } from '../../lib/route';
import { coreText } from '../../lib/words';
import { ClockLine } from '../obligations/ClockLine';
import '../obligations/obligations.css';

/**
 * The notices people are owed of a transfer of their data to a third party (Art. 19): where a
 * person's consent asks to be told of each transfer, they are told within ten working days. Each
 * row has its clock (red when overdue) and the day they were told, which takes it off the list.
 */
export function NoticesList({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const [list, setList] = useState<TransferNotice[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .transferNotices()
      .then(setList)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const told = () => {
    load();
    onChanged?.();
  };

  return (
    <>
      <p className="muted transfers-toolbar__lead">{t('transfers.notices.lead')}</p>
      <section className={`table-card table-card--auto obligation-card${list?.length === 0 ? ' table-card--empty' : ''}`} aria-label={t('transfers.tabs.notices')} data-testid="notices">
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="notices-error" />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : list === null ? (
          showLoading ? <LoadingBlock label={t('common.loading')} /> : <div className="state state--blank" />
        ) : list.length === 0 ? (
          <div className="state" data-testid="notices-empty">
            <BellRing size={32} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('transfers.notices.emptyTitle')}</p>
            <p className="muted">{t('transfers.notices.emptyText')}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="table obligation-table notices-table" data-testid="notices-table">
              <thead>
                <tr>
                  <th scope="col">{t('transfers.notices.person')}</th>
                  <th scope="col">{t('transfers.notices.transfer')}</th>
                  <th scope="col">{t('transfers.notices.term')}</th>
                  <th scope="col">{t('transfers.notices.toldOn')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((n) => (
                  <NoticeRow key={`${n.transfer}-${n.number}`} notice={n} onTold={told} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function NoticeRow({ notice: n, onTold }: { notice: TransferNotice; onTold: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [on, setOn] = useState(() => displayDate(todayIso()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy, 150);
  const iso = isoFromTyped(on);

  const record = async () => {
    if (!iso) return;
    setBusy(true);
    setError(null);
    try {
      await api.transferNotified(n.transfer, n.number, iso);
      toast.success(t('transfers.notices.recorded', { number: n.number, date: displayDate(iso) }));
      onTold();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  const label = t('transfers.notices.toldLabel', { number: n.number });
  return (
    <tr data-testid="notice-row" data-transfer={n.transfer} data-number={n.number} data-state={n.clock.state}>
      <td className="obligation-table__nowrap">
        <a className="link" href={peoplePath.person(String(n.number))}>
          {t('personPage.number', { number: n.number })}
        </a>
      </td>
      <td>
        <span className="strong">{t('transfers.notices.transferNumber', { number: n.transfer })}</span>
        <span className="table__details">{n.recipient}</span>
      </td>
      <td>
        <ClockLine clock={n.clock} testId="notice-clock" />
        {n.clock.state === 'unknown' && (
          <a className="link table__details" href="#/settings/calendar">
            {t('clocks.openCalendar')}
          </a>
        )}
      </td>
      <td>
        <form
          className="notice-told"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void record();
          }}
        >
          <input
            className="input input--date"
            inputMode="numeric"
            placeholder={t('person.datePlaceholder')}
            value={on}
            onChange={(e) => {
              setOn(e.target.value);
              setError(null);
            }}
            aria-label={label}
            aria-invalid={iso === null && on.trim() !== '' ? true : undefined}
            data-testid="notice-told-on"
          />
          <button type="submit" className="button button--secondary button--small" disabled={busy || iso === null} aria-busy={busy} data-testid="notice-told">
            {showSpinner ? <Spinner /> : <Check size={16} aria-hidden="true" />}
            {t('transfers.notices.told')}
          </button>
        </form>
        {iso === null && on.trim() !== '' && <p className="field__error">{coreText('problem-date_format')}</p>}
        {error && <ErrorMessage error={error} testId="notice-error" />}
      </td>
    </tr>
  );
}

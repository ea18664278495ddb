import { BookCheck, Copy, FileSearch, ShieldAlert, ShieldCheck, UserRound } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './release.css';
import { api, toApiError, type ApiError, type Transfer } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { shortSha } from '../../lib/reports';
import { fieldLabel } from '../../lib/register';
import { identifyingFacts } from '../../lib/transfers';

type Check = { path: string; transfer: Transfer | null };

/**
 * The transfer ledger: every file saved for someone outside the organisation, newest first, with
 * its SHA-256 — anonymised reports and releases, and transfers that identify people, marked as such
 * with the people and data they carried; and a check that tells whether a file on disk is one of
 * them, unchanged.
 */
export function Ledger({ version, active }: { version: number; active: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [transfers, setTransfers] = useState<Transfer[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(transfers === null && error === null);
  const showCheckSpinner = useDelayedFlag(checking, 150);

  const load = useCallback(() => {
    setError(null);
    api
      .transfersList()
      .then(setTransfers)
      .catch((e) => setError(toApiError(e)));
  }, []);
  // Asked again whenever the tab is shown or a file was just exported.
  useEffect(() => {
    if (active) load();
  }, [active, version, load]);

  const verify = async () => {
    setCheckError(null);
    setChecking(true);
    try {
      const path = await api.chooseFileToVerify();
      if (path) setCheck({ path, transfer: await api.transferVerify(path) });
    } catch (e) {
      setCheckError(toApiError(e));
    } finally {
      setChecking(false);
    }
  };

  const copy = async (sha: string) => {
    try {
      await navigator.clipboard.writeText(sha);
      toast.success(t('reports.ledger.copied'));
    } catch {
      // No clipboard: the full value is in the tooltip.
    }
  };

  const kindText = (k: string) => t(`reports.ledger.kinds.${k}`, { defaultValue: k });

  return (
    <>
      <div className="ledger__toolbar">
        <p className="muted ledger__lead">{t('reports.ledger.lead')}</p>
        <button type="button" className="button button--secondary" onClick={() => void verify()} disabled={checking} aria-busy={checking} data-testid="ledger-verify">
          {showCheckSpinner ? <Spinner /> : <FileSearch size={18} aria-hidden="true" />}
          {t('reports.ledger.verify')}
        </button>
      </div>

      {checkError && <ErrorMessage error={checkError} testId="ledger-verify-error" />}
      {check && (
        <div className={`notice ${check.transfer ? 'notice--success' : 'notice--warning'}`} role="status" data-testid="ledger-verify-result" data-found={check.transfer ? 'yes' : 'no'}>
          {check.transfer ? <ShieldCheck size={20} aria-hidden="true" /> : <ShieldAlert size={20} aria-hidden="true" />}
          <div>
            <p className="notice__title">
              {check.transfer
                ? t('reports.ledger.found', { number: check.transfer.number, recipient: check.transfer.recipient, date: formatDate(new Date(check.transfer.at)) })
                : t('reports.ledger.notFound')}
            </p>
            <p className="muted small">
              <Path path={check.path} />
            </p>
          </div>
        </div>
      )}

      <section className={`table-card table-card--auto${transfers?.length === 0 ? ' table-card--empty' : ''}`} aria-label={t('reports.ledger.title')} data-testid="ledger">
        {error ? (
          <div className="state">
            <ErrorMessage error={error} />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : transfers === null ? (
          showLoading ? <LoadingBlock label={t('common.loading')} /> : <div className="state state--blank" />
        ) : transfers.length === 0 ? (
          <div className="state" data-testid="ledger-empty">
            <BookCheck size={32} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('reports.ledger.emptyTitle')}</p>
            <p className="muted">{t('reports.ledger.emptyText')}</p>
          </div>
        ) : (
          <div className="table-scroll ledger__scroll">
            <table className="table ledger-table" data-testid="ledger-table">
              <thead>
                <tr>
                  <th scope="col" className="table__num">
                    {t('reports.ledger.number')}
                  </th>
                  <th scope="col" className="ledger-table__date">
                    {t('reports.ledger.date')}
                  </th>
                  <th scope="col">{t('reports.ledger.kind')}</th>
                  <th scope="col">{t('reports.ledger.recipient')}</th>
                  <th scope="col">{t('reports.ledger.purpose')}</th>
                  <th scope="col">{t('reports.ledger.sha')}</th>
                </tr>
              </thead>
              <tbody>
                {transfers.map((x) => (
                  <tr key={x.number} className={x.kind === 'identifying' ? 'ledger-row--identifying' : undefined} data-testid={`ledger-row-${x.number}`} data-kind={x.kind}>
                    <td className="table__num ledger-table__number">{x.number}</td>
                    <td className="ledger-table__date">
                      <span title={formatDateTime(x.at)}>{formatDate(new Date(x.at))}</span>
                      <span className="ledger-table__user" title={t('reports.ledger.user')}>
                        {x.userName}
                      </span>
                    </td>
                    <td className="ledger-table__kind">
                      <span className="ledger-table__what">
                        <span className={`tag ledger-kind ledger-kind--${x.kind}`} title={x.kind === 'identifying' ? t('reports.ledger.identifyingHint') : undefined}>
                          {x.kind === 'identifying' && <UserRound size={13} aria-hidden="true" />}
                          {kindText(x.kind)}
                        </span>
                        <span className="format-tag" aria-label={t('reports.ledger.formatIs', { format: x.format.toUpperCase() })}>
                          {x.format.toUpperCase()}
                        </span>
                      </span>
                    </td>
                    <td className="ledger-table__recipient">{x.recipient}</td>
                    <td className="ledger-table__purpose">
                      {x.purpose}
                      {x.kind === 'identifying' && <IdentifyingDetails transfer={x} />}
                    </td>
                    <td className="ledger-table__sha">
                      <span className="sha">
                        <code className="mono" title={x.sha256}>
                          {shortSha(x.sha256)}
                        </code>
                        <button type="button" className="icon-button icon-button--small" onClick={() => void copy(x.sha256)} aria-label={t('reports.ledger.copy', { number: x.number })} title={t('reports.ledger.copyHint')}>
                          <Copy size={14} aria-hidden="true" />
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** What an identifying transfer carried: how many people, which data, what was left out. */
function IdentifyingDetails({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  const f = identifyingFacts(transfer);
  return (
    <span className="table__details ledger-table__carried" data-testid="ledger-identifying">
      {f.people !== null && <span className="ledger-table__people">{t('reports.ledger.people', { count: f.people })}</span>}
      {f.fields.length > 0 && <span> · {f.fields.map((k) => fieldLabel(t, k)).join(', ')}</span>}
    </span>
  );
}

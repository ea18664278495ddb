import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useReportsMeta } from '../../lib/reports';
import { navigate, useSubRoute } from '../../lib/route';
import { Ledger } from './Ledger';
import { ReleaseBuilder } from './ReleaseBuilder';
import { ReportBuilder } from './ReportBuilder';

type Tab = 'table' | 'release' | 'ledger';
const TABS: Tab[] = ['table', 'release', 'ledger'];

export const reportsPath = (tab: Tab = 'table') => (tab === 'table' ? '#/reports' : `#/reports/${tab}`);

/**
 * Reports to donors: an aggregate table with small cells hidden, a k-anonymous row-level release,
 * and the ledger of every file sent. Routes: #/reports, #/reports/release, #/reports/ledger.
 * The two builders stay mounted while another tab is shown, so a built table is not lost.
 * The row-level release is offered only to a role that may export row by row (export_rows);
 * aggregate reports and the ledger are for everyone.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const route = useSubRoute();
  const mayRelease = useCan()('export_rows');
  const tabs = mayRelease ? TABS : TABS.filter((k) => k !== 'release');
  const tab: Tab = tabs.includes(route[0] as Tab) ? (route[0] as Tab) : 'table';
  const { meta, error, reload } = useReportsMeta();
  const showLoading = useDelayedFlag(meta === null && error === null);
  const [ledgerVersion, setLedgerVersion] = useState(0);
  const exported = useCallback(() => setLedgerVersion((v) => v + 1), []);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ table: null, release: null, ledger: null });

  const onTabKey = (e: React.KeyboardEvent, current: Tab) => {
    const i = tabs.indexOf(current);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
    if (next) {
      e.preventDefault();
      navigate(reportsPath(next));
      setTimeout(() => tabRefs.current[next]?.focus(), 0);
    }
  };

  const panel = (k: Tab, children: React.ReactNode) => (
    <div
      key={k}
      role="tabpanel"
      id={`${uid}-panel-${k}`}
      aria-labelledby={`${uid}-tab-${k}`}
      className="tabs__panel"
      hidden={tab !== k}
    >
      {children}
    </div>
  );

  return (
    <div className="page page--wide page--reports" data-testid="reports-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('reports.title')}</h1>
          <p className="page__lead">{t('reports.lead')}</p>
        </div>
      </header>

      <div className="tabs" role="tablist" aria-label={t('reports.tabs.label')}>
        {tabs.map((k) => (
          <button
            key={k}
            ref={(el) => {
              tabRefs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`${uid}-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`${uid}-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className="tabs__tab"
            onClick={() => navigate(reportsPath(k))}
            onKeyDown={(e) => onTabKey(e, k)}
            data-testid={`reports-tab-${k}`}
          >
            {t(`reports.tabs.${k}`)}
          </button>
        ))}
      </div>

      {error && tab !== 'ledger' ? (
        <div className="state">
          <ErrorMessage error={error} />
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : !meta && tab !== 'ledger' ? (
        showLoading && <LoadingBlock label={t('common.loading')} />
      ) : null}

      {meta && panel('table', <ReportBuilder meta={meta} onExported={exported} />)}
      {meta && mayRelease && panel('release', <ReleaseBuilder meta={meta} onExported={exported} />)}
      {panel('ledger', <Ledger version={ledgerVersion} active={tab === 'ledger'} />)}
    </div>
  );
}

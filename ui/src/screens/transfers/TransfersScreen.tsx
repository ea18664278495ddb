import { Send } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import { api, type TransferNotice } from '../../api';
import { useCan } from '../../app-context';
import { transfersPath } from '../../lib/transfers';
import { navigate, useSubRoute } from '../../lib/route';
import { Ledger } from '../reports/Ledger';
import { NoticesList } from './NoticesList';
import { RecipientsList } from './RecipientsList';
import { TransferWizard } from './TransferWizard';

type Tab = 'recipients' | 'notices' | 'ledger';
const TABS: Tab[] = ['recipients', 'notices', 'ledger'];
const pathOf = (tab: Tab) => (tab === 'recipients' ? transfersPath.recipients() : tab === 'notices' ? transfersPath.notices() : transfersPath.ledger());

/**
 * Transfers of personal data to third parties (Art. 7(6), 15, 16, 19): the recipients the
 * organisation sends data to, the notices people are owed of a transfer (Art. 19) and the one
 * transfer ledger (anonymised reports too). A transfer that identifies people is made with the
 * wizard, which checks each person's basis first. Routes: #/transfers, #/transfers/notices,
 * #/transfers/ledger, #/transfers/new, #/transfers/new/<recipient №>.
 */
export function TransfersScreen() {
  const route = useSubRoute();
  const [first, second] = route;
  if (first === 'new') return <TransferWizard key={second ?? 'new'} recipient={second && /^\d+$/.test(second) ? Number(second) : null} />;
  return <TransfersTabs tab={TABS.includes(first as Tab) ? (first as Tab) : 'recipients'} />;
}

function TransfersTabs({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const mayTransfer = useCan()('export_rows');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ recipients: null, notices: null, ledger: null });
  // How many notices are owed, for the tab's count (the list itself loads when it is shown).
  const [owed, setOwed] = useState<TransferNotice[] | null>(null);
  const loadOwed = useCallback(() => {
    api
      .transferNotices()
      .then(setOwed)
      .catch(() => setOwed(null));
  }, []);
  useEffect(loadOwed, [loadOwed]);
  const overdue = owed?.some((n) => n.clock.state === 'overdue') ?? false;

  const onTabKey = (e: React.KeyboardEvent, current: Tab) => {
    const i = TABS.indexOf(current);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      e.preventDefault();
      navigate(pathOf(next));
      setTimeout(() => tabRefs.current[next]?.focus(), 0);
    }
  };

  return (
    <div className="page page--wide page--transfers" data-testid="transfers-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('transfers.title')}</h1>
          <p className="page__lead">{t('transfers.lead')}</p>
        </div>
        {mayTransfer && (
          <a className="button button--primary page__header-action" href={transfersPath.add()} data-testid="transfers-new">
            <Send size={18} aria-hidden="true" />
            {t('transfers.new')}
          </a>
        )}
      </header>

      <div className="tabs" role="tablist" aria-label={t('transfers.tabs.label')}>
        {TABS.map((k) => (
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
            onClick={() => navigate(pathOf(k))}
            onKeyDown={(e) => onTabKey(e, k)}
            data-testid={`transfers-tab-${k}`}
          >
            {t(`transfers.tabs.${k}`)}
            {k === 'notices' && owed && owed.length > 0 && (
              <span className={`transfers-count${overdue ? ' transfers-count--danger' : ''}`} data-testid="transfers-notices-count">
                {owed.length}
              </span>
            )}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`${uid}-panel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabs__panel">
        {tab === 'recipients' && <RecipientsList />}
        {tab === 'notices' && <NoticesList onChanged={loadOwed} />}
        {tab === 'ledger' && <Ledger version={0} active />}
      </div>
    </div>
  );
}

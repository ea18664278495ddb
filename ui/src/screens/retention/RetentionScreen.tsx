import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './retention.css';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useLifecycleMeta } from '../../lib/lifecycle';
import { navigate, useSubRoute } from '../../lib/route';
import { ActsList } from './ActsList';
import { DueList } from './DueList';
import { RulesEditor } from './RulesEditor';

type Tab = 'due' | 'rules' | 'acts';
const TABS: Tab[] = ['due', 'rules', 'acts'];

export const retentionPath = (tab: Tab = 'due') => (tab === 'due' ? '#/retention' : `#/retention/${tab}`);

/**
 * Retention: who is due for anonymisation or destruction on a day (and doing it), the rules that
 * decide it, and the acts made so far. Routes: #/retention, #/retention/rules, #/retention/acts.
 */
export function RetentionScreen() {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const route = useSubRoute();
  const tab: Tab = TABS.includes(route[0] as Tab) ? (route[0] as Tab) : 'due';
  const { meta, error, reload } = useLifecycleMeta();
  const showLoading = useDelayedFlag(meta === null && error === null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ due: null, rules: null, acts: null });

  const onTabKey = (e: React.KeyboardEvent, current: Tab) => {
    const i = TABS.indexOf(current);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (next) {
      e.preventDefault();
      navigate(retentionPath(next));
      setTimeout(() => tabRefs.current[next]?.focus(), 0);
    }
  };

  return (
    <div className={`page${tab === 'due' ? ' page--full page--retention' : ' page--wide'}`}>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('retention.title')}</h1>
          <p className="page__lead">{t('retention.lead')}</p>
        </div>
      </header>

      <div className="tabs" role="tablist" aria-label={t('retention.tabs.label')}>
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
            onClick={() => navigate(retentionPath(k))}
            onKeyDown={(e) => onTabKey(e, k)}
            data-testid={`retention-tab-${k}`}
          >
            {t(`retention.tabs.${k}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`${uid}-panel-${tab}`} aria-labelledby={`${uid}-tab-${tab}`} className="tabs__panel tabs__panel--fill">
        {error ? (
          <div className="state">
            <ErrorMessage error={error} />
            <button type="button" className="button button--secondary" onClick={reload}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : !meta ? (
          showLoading && <LoadingBlock label={t('common.loading')} />
        ) : tab === 'due' ? (
          <DueList meta={meta} />
        ) : tab === 'rules' ? (
          <RulesEditor meta={meta} />
        ) : (
          <ActsList />
        )}
      </div>
    </div>
  );
}

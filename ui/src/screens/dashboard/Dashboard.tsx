import { ArrowRight, Clock, FlaskConical, HardDrive, Keyboard, KeyRound, Lock, ScrollText, ShieldCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError } from '../../api';
import { useApp } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { IntegrityCheck } from '../journal/Integrity';

/** A calm overview of the open vault. */
export function Dashboard() {
  const { t } = useTranslation();
  const { status } = useApp();
  const vault = status?.vault;
  const [entries, setEntries] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(entries === null && error === null);

  const loadCount = () => {
    setError(null);
    api
      .journalList(1, 0)
      .then((page) => setEntries(page.total))
      .catch((e) => setError(toApiError(e)));
  };
  useEffect(loadCount, []);

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('dashboard.title')}</h1>
          {status?.user && <p className="page__lead">{t('dashboard.greeting', { name: status.user.name })}</p>}
        </div>
      </header>

      {vault?.isDemo && (
        <div className="banner banner--demo" role="note" data-testid="demo-banner">
          <FlaskConical size={22} aria-hidden="true" />
          <div>
            <p className="banner__title">{t('dashboard.demoTitle')}</p>
            <p>{t('dashboard.demoText')}</p>
          </div>
        </div>
      )}

      <div className="grid">
        <section className="card card--panel" aria-labelledby="vault-card-title">
          <header className="card__header">
            <span className="card__icon" aria-hidden="true">
              <HardDrive size={20} />
            </span>
            <h2 id="vault-card-title" className="card__title">
              {t('dashboard.vaultCard')}
            </h2>
          </header>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('dashboard.name')}</dt>
              <dd className="strong">{vault?.isDemo ? t('shell.demoVaultName') : vault?.name}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('dashboard.folder')}</dt>
              <dd>
                <Path path={vault?.path ?? ''} />
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('dashboard.encryption')}</dt>
              <dd>
                <span className="with-icon">
                  <ShieldCheck size={16} aria-hidden="true" className="ok-icon" />
                  {t('dashboard.encryptionValue')}
                </span>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('dashboard.autoLock')}</dt>
              <dd>
                <span className="with-icon">
                  <Clock size={16} aria-hidden="true" />
                  {t('dashboard.autoLockValue', { count: status?.autoLockMinutes ?? 0 })}
                </span>{' '}
                <a className="link" href="#/settings">
                  {t('dashboard.change')}
                </a>
              </dd>
            </div>
          </dl>
        </section>

        <section className="card card--panel" aria-labelledby="journal-card-title">
          <header className="card__header">
            <span className="card__icon" aria-hidden="true">
              <ScrollText size={20} />
            </span>
            <h2 id="journal-card-title" className="card__title">
              {t('dashboard.journalCard')}
            </h2>
          </header>
          <p className="big-number" aria-live="polite">
            {entries !== null ? (
              <>
                <span className="big-number__value">{entries}</span>
                <span className="big-number__label">{t('dashboard.entries', { count: entries })}</span>
              </>
            ) : error ? null : showLoading ? (
              <Spinner label={t('common.loading')} />
            ) : (
              <span className="big-number__value">&nbsp;</span>
            )}
          </p>
          {error && (
            <ErrorMessage error={error}>
              <button type="button" className="link-button" onClick={loadCount}>
                {t('common.tryAgain')}
              </button>
            </ErrorMessage>
          )}
          <IntegrityCheck auto compact />
          <a className="link with-icon" href="#/journal">
            {t('dashboard.openJournal')}
            <ArrowRight size={16} aria-hidden="true" />
          </a>
        </section>

        <section className="card card--panel card--span" aria-labelledby="habits-title">
          <header className="card__header">
            <span className="card__icon" aria-hidden="true">
              <ShieldCheck size={20} />
            </span>
            <h2 id="habits-title" className="card__title">
              {t('dashboard.habitsTitle')}
            </h2>
          </header>
          <ul className="habits">
            <li>
              <Lock size={18} aria-hidden="true" />
              <span>{t('dashboard.habitLock')}</span>
            </li>
            <li>
              <KeyRound size={18} aria-hidden="true" />
              <span>{t('dashboard.habitKey')}</span>
            </li>
            <li>
              <Keyboard size={18} aria-hidden="true" />
              <span>{t('dashboard.habitPassword')}</span>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}

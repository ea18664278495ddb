import { ArrowRight, Ban, CalendarClock, Clock, FileText, FlaskConical, HardDrive, Hourglass, Keyboard, KeyRound, Lock, ScrollText, ShieldCheck, UserRoundX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './dashboard.css';
import { api, toApiError, type ApiError, type LifecycleOverview } from '../../api';
import { can, useApp } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useCount } from '../../lib/register';
import { DashboardBackupNotice } from '../backup/BackupNotices';
import { IntegrityCheck } from '../journal/Integrity';
import { ClockTiles } from './ClockTiles';

/** A calm overview of the open vault. */
export function Dashboard() {
  const { t } = useTranslation();
  const { status } = useApp();
  const mayChangeSettings = can(status, 'change_settings');
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

      <ClockTiles />

      <DashboardBackupNotice />

      <LifecycleTiles />

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
                </span>
                {mayChangeSettings && (
                  <>
                    {' '}
                    <a className="link" href="#/settings">
                      {t('dashboard.change')}
                    </a>
                  </>
                )}
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

/**
 * Consents and retention at a glance, from lifecycle_overview(): amber where a deadline is close
 * (consents ending within 30 days, people due for the end of retention), calm otherwise.
 */
function LifecycleTiles() {
  const { t } = useTranslation();
  const count = useCount();
  const [overview, setOverview] = useState<LifecycleOverview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(overview === null && error === null);

  const load = () => {
    setError(null);
    api
      .lifecycleOverview()
      .then(setOverview)
      .catch((e) => setError(toApiError(e)));
  };
  useEffect(load, []);

  if (error) {
    return (
      <ErrorMessage error={error}>
        <button type="button" className="link-button" onClick={load}>
          {t('common.tryAgain')}
        </button>
      </ErrorMessage>
    );
  }

  const value = (n: number | undefined) => (n === undefined ? (showLoading ? '…' : '\u00a0') : count(n));
  const o = overview;
  return (
    <section className="tiles" aria-labelledby="tiles-title" aria-busy={o === null}>
      <h2 id="tiles-title" className="visually-hidden">
        {t('dashboard.tiles.title')}
      </h2>
      <Tile
        testId="tile-expiring"
        icon={<CalendarClock size={20} />}
        value={value(o?.consents.expiring)}
        label={t('dashboard.tiles.expiring', { count: o?.consents.expiring ?? 0 })}
        warn={(o?.consents.expiring ?? 0) > 0}
        n={o?.consents.expiring}
      />
      <Tile
        testId="tile-without-basis"
        icon={<UserRoundX size={20} />}
        value={value(o?.consents.withoutBasis)}
        label={t('dashboard.tiles.withoutBasis', { count: o?.consents.withoutBasis ?? 0 })}
        n={o?.consents.withoutBasis}
      />
      <Tile
        testId="tile-due"
        icon={<Hourglass size={20} />}
        value={value(o?.due)}
        label={t('dashboard.tiles.due', { count: o?.due ?? 0 })}
        warn={(o?.due ?? 0) > 0}
        n={o?.due}
        href="#/retention"
        link={t('dashboard.tiles.openRetention')}
      />
      <Tile
        testId="tile-blocked"
        icon={<Ban size={20} />}
        value={value(o?.blocked)}
        label={t('dashboard.tiles.blocked', { count: o?.blocked ?? 0 })}
        n={o?.blocked}
        extra={o && o.held > 0 ? t('dashboard.tiles.held', { count: o.held, formatted: count(o.held) }) : undefined}
      />
      <Tile
        testId="tile-acts"
        icon={<FileText size={20} />}
        value={value(o?.acts)}
        label={t('dashboard.tiles.acts', { count: o?.acts ?? 0 })}
        n={o?.acts}
        href="#/retention/acts"
        link={t('dashboard.tiles.openActs')}
      />
    </section>
  );
}

function Tile({
  testId,
  icon,
  value,
  label,
  n,
  warn = false,
  href,
  link,
  extra,
}: {
  testId: string;
  icon: React.ReactNode;
  value: string;
  label: string;
  n: number | undefined;
  warn?: boolean;
  href?: string;
  link?: string;
  extra?: string;
}) {
  return (
    <div className={`tile${warn ? ' tile--warning' : ''}`} data-testid={testId} data-value={n ?? ''} data-warning={warn}>
      <span className="tile__icon" aria-hidden="true">
        {icon}
      </span>
      <p className="tile__figure">
        <span className="tile__value">{value}</span>
        <span className="tile__label">{label}</span>
      </p>
      {extra && <p className="tile__extra">{extra}</p>}
      {href && link && (
        <a className="link tile__link" href={href}>
          {link}
          <ArrowRight size={15} aria-hidden="true" />
        </a>
      )}
    </div>
  );
}

import { Lock, ShieldCheck, UserRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { useApp } from '../app-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LogoMark } from '../components/Logo';
import { useToast } from '../components/Toast';
import { errorText } from '../lib/errors';
import { RestoreOutcomeNotice } from '../screens/backup/BackupNotices';
import { DEFAULT_SCREEN, SCREENS } from './screens';

/** The screen is the first part of the hash: "#/people/123" is the People screen. */
function screenFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return SCREENS.some((s) => s.id === id) ? id : DEFAULT_SCREEN;
}

/** The frame around the open vault: sidebar, top bar, and the current screen. */
export function Shell() {
  const { t } = useTranslation();
  const { status, lock } = useApp();
  const toast = useToast();
  const [current, setCurrent] = useState(screenFromHash);

  useEffect(() => {
    const onHash = () => setCurrent(screenFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const doLock = () => {
    lock().catch((e) => toast.error(errorText(t, toApiError(e))));
  };

  // Ctrl+L locks. e.code is the physical key, so it works in the Kazakh and Russian layouts too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l')) {
        e.preventDefault();
        doLock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const vault = status?.vault;
  const screen = SCREENS.find((s) => s.id === current) ?? SCREENS[0]!;
  const Screen = screen.component;
  const marked = screen.parent ?? screen.id;
  const navItem = (s: (typeof SCREENS)[number]) => {
    const Icon = s.icon;
    return (
      <li key={s.id}>
        <a
          href={`#/${s.id}`}
          className="nav__item"
          aria-current={s.id === marked ? 'page' : undefined}
          data-testid={`nav-${s.id}`}
        >
          <Icon size={20} aria-hidden="true" />
          <span>{t(`nav.${s.id}`)}</span>
        </a>
      </li>
    );
  };

  return (
    <div className="shell" data-testid="app-shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <LogoMark size={28} />
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul className="nav__list">{SCREENS.filter((s) => !s.bottom && !s.parent).map(navItem)}</ul>
          <ul className="nav__list nav__list--bottom">{SCREENS.filter((s) => s.bottom && !s.parent).map(navItem)}</ul>
        </nav>
        <p className="sidebar__status">
          <ShieldCheck size={16} aria-hidden="true" />
          {t('shell.encrypted')}
        </p>
      </aside>

      <div className="shell__main">
        <header className="topbar">
          <div className="topbar__vault">
            <span className="topbar__vault-name" title={vault?.path}>
              {vault?.isDemo ? t('shell.demoVaultName') : vault?.name}
            </span>
            {vault?.isDemo && (
              <span className="badge badge--demo" data-testid="demo-badge" title={t('shell.demoBadgeHint')}>
                {t('shell.demoBadge')}
              </span>
            )}
          </div>
          <div className="topbar__tools">
            {status?.user && (
              <span className="topbar__user" title={t('shell.signedInAs')}>
                <UserRound size={18} aria-hidden="true" />
                <span>{status.user.name}</span>
              </span>
            )}
            <LanguageSwitch />
            <button
              type="button"
              className="button button--secondary button--lock"
              onClick={doLock}
              data-testid="lock-button"
              title={t('shell.lockHint')}
              aria-keyshortcuts="Control+L"
            >
              <Lock size={18} aria-hidden="true" />
              {t('shell.lock')}
            </button>
          </div>
        </header>
        <main className="content" id="content" tabIndex={-1}>
          <RestoreOutcomeNotice />
          <Screen key={current} />
        </main>
      </div>
    </div>
  );
}

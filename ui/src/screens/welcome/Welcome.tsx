import { ArchiveRestore, ChevronRight, FolderOpen, FlaskConical, HardDrive, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './welcome.css';
import { toApiError, type ApiError } from '../../api';
import { useApp } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LogoMark } from '../../components/Logo';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useRestoreDialog } from '../backup/RestoreDialog';

/** First run: one task — make a vault (or open one, or look around in a demo). */
export function Welcome() {
  const { t } = useTranslation();
  const { status, setRoute, openFolder, startDemo } = useApp();
  const [busy, setBusy] = useState<'open' | 'demo' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showDemoSpinner = useDelayedFlag(busy === 'demo');
  const recent = status?.recentVaults ?? [];
  const restore = useRestoreDialog();

  const run = async (what: 'open' | 'demo', action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className="centered-page">
      <div className="corner-tools">
        <LanguageSwitch />
      </div>
      <section className="card welcome" aria-labelledby="welcome-title">
        <div className="brand brand--large">
          <LogoMark size={56} />
          <h1 id="welcome-title" className="brand__name">
            {t('app.name')}
          </h1>
        </div>
        <p className="welcome__tagline">{t('app.tagline')}</p>

        <div className="choice-list">
          <button
            type="button"
            className="choice choice--primary"
            data-testid="welcome-create"
            onClick={() => setRoute({ name: 'create', back: { name: 'welcome' } })}
          >
            <span className="choice__icon" aria-hidden="true">
              <Plus size={22} />
            </span>
            <span className="choice__text">
              <span className="choice__title">{t('welcome.create')}</span>
              <span className="choice__hint">{t('welcome.createHint')}</span>
            </span>
            <ChevronRight className="choice__chevron" size={20} aria-hidden="true" />
          </button>

          <button
            type="button"
            className="choice"
            data-testid="welcome-open"
            disabled={busy !== null}
            onClick={() => void run('open', openFolder)}
          >
            <span className="choice__icon" aria-hidden="true">
              <FolderOpen size={22} />
            </span>
            <span className="choice__text">
              <span className="choice__title">{t('welcome.open')}</span>
              <span className="choice__hint">{t('welcome.openHint')}</span>
            </span>
            <ChevronRight className="choice__chevron" size={20} aria-hidden="true" />
          </button>

          <button
            type="button"
            className="choice choice--demo"
            data-testid="welcome-demo"
            disabled={busy !== null}
            onClick={() => void run('demo', startDemo)}
          >
            <span className="choice__icon" aria-hidden="true">
              {showDemoSpinner ? <Spinner /> : <FlaskConical size={22} />}
            </span>
            <span className="choice__text">
              <span className="choice__title">{t('welcome.demo')}</span>
              <span className="choice__hint">
                {showDemoSpinner ? t('welcome.demoOpening') : t('welcome.demoHint')}
              </span>
            </span>
            <ChevronRight className="choice__chevron" size={20} aria-hidden="true" />
          </button>

          <button type="button" className="choice" data-testid="welcome-restore" disabled={busy !== null} onClick={restore.open}>
            <span className="choice__icon" aria-hidden="true">
              <ArchiveRestore size={22} />
            </span>
            <span className="choice__text">
              <span className="choice__title">{t('restore.action')}</span>
              <span className="choice__hint">{t('restore.actionHint')}</span>
            </span>
            <ChevronRight className="choice__chevron" size={20} aria-hidden="true" />
          </button>
        </div>

        {error && <ErrorMessage error={error} />}

        {recent.length > 0 && (
          <div className="recent">
            <h2 className="recent__title">{t('welcome.recent')}</h2>
            <ul className="recent__list">
              {recent.map((vault) => (
                <li key={vault.path}>
                  <button
                    type="button"
                    className="recent__item"
                    onClick={() => setRoute({ name: 'unlock', folder: vault.path, vaultName: vault.name })}
                  >
                    <HardDrive size={18} aria-hidden="true" />
                    <span className="recent__name">{vault.name}</span>
                    <span className="recent__path">{vault.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <p className="footnote">{t('welcome.footnote')}</p>
      {restore.dialog}
    </main>
  );
}

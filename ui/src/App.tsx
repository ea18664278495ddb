import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, events, onLockedError, toApiError, type ApiError, type AppStatus } from './api';
import { AppContext, type Route } from './app-context';
import { ErrorMessage } from './components/ErrorMessage';
import { LanguageSwitch } from './components/LanguageSwitch';
import { LogoMark } from './components/Logo';
import { LoadingBlock } from './components/Spinner';
import { useDelayedFlag } from './lib/hooks';
import { folderName } from './lib/format';
import { CreateWizard } from './screens/create/CreateWizard';
import { UnlockScreen } from './screens/unlock/UnlockScreen';
import { Welcome } from './screens/welcome/Welcome';
import { Shell } from './shell/Shell';
import { useActivityReporter } from './shell/useActivityReporter';

/** Where the backend's state sends us when nothing else is going on. */
function routeFor(status: AppStatus): Route {
  if (status.state === 'unlocked') return { name: 'app' };
  if (status.state === 'locked' && status.vault) {
    return { name: 'unlock', folder: status.vault.path, vaultName: status.vault.name };
  }
  return { name: 'welcome' };
}

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [route, setRoute] = useState<Route>({ name: 'loading' });
  const [startError, setStartError] = useState<ApiError | null>(null);
  const routeRef = useRef(route);
  routeRef.current = route;

  const refresh = useCallback(async (): Promise<AppStatus> => {
    const next = await api.appStatus();
    setStatus(next);
    return next;
  }, []);

  const start = useCallback(async () => {
    setStartError(null);
    setRoute({ name: 'loading' });
    try {
      setRoute(routeFor(await refresh()));
    } catch (e) {
      setStartError(toApiError(e));
    }
  }, [refresh]);

  /** After unlock, create, recover or demo: the vault is open, show the app. */
  const enterApp = useCallback(async () => {
    const next = await refresh();
    setRoute(next.state === 'unlocked' ? { name: 'app' } : routeFor(next));
  }, [refresh]);

  /** The vault was locked (by us, by the idle timer, or found locked by a command). */
  const showLocked = useCallback(
    async (reason: 'idle' | 'manual' | null, idleMinutes?: number) => {
      try {
        const next = await refresh();
        const vault = next.vault ?? status?.vault;
        if (next.state === 'unlocked') return; // a stale event: nothing to do
        if (vault) {
          setRoute({ name: 'unlock', folder: vault.path, vaultName: vault.name, note: reason === 'idle' ? 'idle' : null, idleMinutes });
        } else {
          setRoute({ name: 'welcome' });
        }
      } catch (e) {
        setStartError(toApiError(e));
      }
    },
    [refresh, status?.vault],
  );

  const lock = useCallback(async () => {
    await api.lockVault();
    await showLocked('manual');
  }, [showLocked]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    void events
      .onVaultLocked((payload) => {
        void showLocked(payload.reason, payload.minutes ?? undefined);
      })
      .then((fn) => {
        if (cancelled) fn();
        else unlisten = fn;
      });
    const offLocked = onLockedError(() => {
      const current = routeRef.current.name;
      if (current === 'app' || current === 'create') void showLocked(null);
    });
    return () => {
      cancelled = true;
      unlisten?.();
      offLocked();
    };
  }, [showLocked]);

  // While a vault is open (the app, or the recovery-key step of the wizard), tell the backend the
  // person is still there. The backend decides when to lock.
  useActivityReporter(status?.state === 'unlocked' && (route.name === 'app' || route.name === 'create'));

  const openFolder = useCallback(async () => {
    const folder = await api.chooseFolder();
    if (folder) setRoute({ name: 'unlock', folder, vaultName: folderName(folder) });
  }, []);

  const startDemo = useCallback(async () => {
    await api.openDemo();
    await enterApp();
  }, [enterApp]);

  const context = { status, route, setRoute, refresh, enterApp, lock, openFolder, startDemo };

  let screen: React.ReactNode;
  if (startError) {
    screen = <StartError error={startError} onRetry={() => void start()} />;
  } else {
    switch (route.name) {
      case 'loading':
        screen = <StartLoading />;
        break;
      case 'welcome':
        screen = <Welcome />;
        break;
      case 'create':
        screen = <CreateWizard />;
        break;
      case 'unlock':
        screen = <UnlockScreen key={route.folder} route={route} />;
        break;
      case 'app':
        screen = <Shell />;
        break;
    }
  }

  return <AppContext.Provider value={context}>{screen}</AppContext.Provider>;
}

function StartLoading() {
  const { t } = useTranslation();
  const shown = useDelayedFlag(true);
  return <main className="centered-page">{shown && <LoadingBlock label={t('start.loading')} />}</main>;
}

function StartError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="centered-page">
      <div className="corner-tools">
        <LanguageSwitch />
      </div>
      <section className="card card--narrow">
        <div className="brand brand--small">
          <LogoMark size={28} />
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <h1 className="title">{t('start.errorTitle')}</h1>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" className="button button--primary" onClick={onRetry} autoFocus>
            {t('common.tryAgain')}
          </button>
        </div>
      </section>
    </main>
  );
}

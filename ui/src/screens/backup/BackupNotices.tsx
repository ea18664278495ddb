import { ArrowRight, DatabaseBackup, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './backup.css';
import { api, toApiError, type ApiError, type BackupStatus } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { daysSince, setRestoreOutcome, useRestoreOutcome } from '../../lib/backup';
import { formatDateTime } from '../../lib/format';

export const BACKUPS_PATH = '#/backups';

/** backup_status(), with its error and a way to ask again. */
function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .backupStatus()
      .then(setStatus)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);
  return { status, error, load };
}

/**
 * The dashboard's word on backups, only when there is something to do: none yet or the last one
 * is old (the core decides; never for the demo), backups that still hold people destroyed since,
 * backups older than the organisation keeps them. Amber, with the way to the Backups screen.
 */
export function DashboardBackupNotice() {
  const { t } = useTranslation();
  const { status, error, load } = useBackupStatus();

  if (error) {
    return (
      <ErrorMessage error={error} testId="dashboard-backup-error">
        <button type="button" className="link-button" onClick={load}>
          {t('common.tryAgain')}
        </button>
      </ErrorMessage>
    );
  }
  if (!status) return null;
  const holding = status.holdingEnded.length;
  const expired = status.expired.length;
  if (!status.overdue && holding === 0 && expired === 0) return null;

  return (
    <section className="notice notice--warning dashboard-backup" aria-labelledby="dashboard-backup-title" data-testid="dashboard-backup">
      <DatabaseBackup size={22} aria-hidden="true" />
      <div className="dashboard-backup__body">
        <h2 id="dashboard-backup-title" className="notice__title">
          {t('dashboard.backup.title')}
        </h2>
        {status.overdue && (
          <p data-testid="dashboard-backup-overdue">
            {status.last ? t('dashboard.backup.lastDays', { count: daysSince(status.last.madeAt) }) : t('dashboard.backup.none')}
          </p>
        )}
        {holding > 0 && <p data-testid="dashboard-backup-holding">{t('backup.todo.holding', { count: holding })}</p>}
        {expired > 0 && <p data-testid="dashboard-backup-expired">{t('backup.todo.expired', { count: expired, days: status.retentionDays })}</p>}
      </div>
      <a className="button button--secondary button--small dashboard-backup__open" href={BACKUPS_PATH} data-testid="dashboard-backup-open">
        {t('dashboard.backup.open')}
        <ArrowRight size={16} aria-hidden="true" />
      </a>
    </section>
  );
}

/** Settings: when and where the last backup was made, and the way to the Backups screen. */
export function SettingsBackupLine() {
  const { t } = useTranslation();
  const { status, error, load } = useBackupStatus();
  const last = status?.last;
  return (
    <section className="card card--panel" aria-labelledby="settings-backup-title" data-testid="settings-backup">
      <div className="backup-line">
        <div className="settings-row__text">
          <h2 id="settings-backup-title" className="card__title">
            {t('settings.backup.title')}
          </h2>
          {status && (
            <p className="muted" data-testid="settings-backup-last">
              {last ? (
                <>
                  {t('settings.backup.last', { date: formatDateTime(last.madeAt) })} <Path path={last.place} />
                </>
              ) : (
                t('settings.backup.none')
              )}
            </p>
          )}
        </div>
        <a className="link with-icon" href={BACKUPS_PATH} data-testid="settings-backup-open">
          {t('settings.backup.open')}
          <ArrowRight size={16} aria-hidden="true" />
        </a>
      </div>
      {error && (
        <ErrorMessage error={error}>
          <button type="button" className="link-button" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      )}
    </section>
  );
}

/**
 * After a restore that found no destruction log: anyone destroyed after the backup was made is
 * back in this copy. Stays above every screen until the person says they read it.
 */
export function RestoreOutcomeNotice() {
  const { t } = useTranslation();
  const outcome = useRestoreOutcome();
  if (!outcome || outcome.logs > 0) return null;
  return (
    <div className="notice notice--warning restore-outcome" role="alert" data-testid="restore-no-log">
      <TriangleAlert size={22} aria-hidden="true" />
      <div className="restore-outcome__body">
        <p className="notice__title">{t('restore.noLogTitle')}</p>
        <p>{t('restore.noLog', { date: formatDateTime(outcome.header.madeAt) })}</p>
        <div className="restore-outcome__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setRestoreOutcome(null)} data-testid="restore-no-log-dismiss">
            {t('restore.noLogDismiss')}
          </button>
        </div>
      </div>
    </div>
  );
}

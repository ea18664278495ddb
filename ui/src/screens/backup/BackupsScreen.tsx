import { CalendarClock, DatabaseBackup, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './backup.css';
import { api, toApiError, type ApiError, type BackupRecord, type BackupStatus } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { Path } from '../../components/Path';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { daysSince, megabytes } from '../../lib/backup';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { useCount, useUiLanguage } from '../../lib/register';
import { BackupDialog } from './BackupDialog';
import { BackupList } from './BackupList';

/**
 * Backups: when the last one was made and whether it is time for a new one, every backup the vault
 * made with what became of it (kept, replaced, deleted; still holding people destroyed since;
 * older than the organisation keeps backups), and the reminder and retention. The responsible
 * person (back_up) makes backups and says they are gone; change_settings sets the two periods.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const can = useCan();
  const mayBackUp = can('back_up');
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [list, setList] = useState<BackupRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [making, setMaking] = useState(false);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(() => {
    setError(null);
    Promise.all([api.backupStatus(), api.backupsList()])
      .then(([s, l]) => {
        setStatus(s);
        setList(l);
      })
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <div className="page page--wide" data-testid="backups-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('backup.title')}</h1>
          <p className="page__lead">{t('backup.lead')}</p>
        </div>
        {mayBackUp && (
          <button type="button" className="button button--primary backup-make" onClick={() => setMaking(true)} data-testid="backup-make">
            <DatabaseBackup size={18} aria-hidden="true" />
            {t('backup.make')}
          </button>
        )}
      </header>

      {!mayBackUp && <OnlyResponsible text={t('onlyResponsible.backup')} testId="backups-readonly" />}

      {error ? (
        <div className="card card--panel state">
          <ErrorMessage error={error} testId="backups-error" />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : status === null || list === null ? (
        showLoading ? <LoadingBlock label={t('backup.loading')} /> : <div className="state state--blank" />
      ) : (
        <>
          <LastBackup status={status} />
          <BackupList list={list} status={status} mayForget={mayBackUp} onChanged={load} />
          <BackupSettings status={status} onSaved={load} />
        </>
      )}

      {making && (
        <BackupDialog
          onClose={() => setMaking(false)}
          onMade={() => {
            setMaking(false);
            load();
          }}
        />
      )}
    </div>
  );
}

/** The last backup kept (when, who, where, what), and the reminder when it is time for another. */
function LastBackup({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const count = useCount();
  const lang = useUiLanguage();
  const last = status.last;
  return (
    <section className="card card--panel backup-last" aria-labelledby="backup-last-title" data-testid="backup-last" data-overdue={status.overdue}>
      <header className="card__header">
        <span className="card__icon" aria-hidden="true">
          <DatabaseBackup size={20} />
        </span>
        <h2 id="backup-last-title" className="card__title">
          {t('backup.last.title')}
        </h2>
      </header>
      {last ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('backup.last.when')}</dt>
            <dd className="strong" data-testid="backup-last-when">
              {formatDateTime(last.madeAt)}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('backup.last.by')}</dt>
            <dd>{last.madeByName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('backup.last.place')}</dt>
            <dd>
              <Path path={last.place} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('backup.last.contents')}</dt>
            <dd>
              {t('backup.sizeMb', { size: megabytes(last.size, lang) })} · {t('backup.people', { count: last.people, formatted: count(last.people) })}
            </dd>
          </div>
        </dl>
      ) : (
        // When it is time for a backup, the reminder below says there is none.
        !status.overdue && (
          <p className="backup-none" data-testid="backup-last-none">
            {t('backup.last.none')}
          </p>
        )
      )}
      {status.overdue && (
        <div className={`notice notice--warning${last ? ' backup-last__reminder' : ''}`} role="note" data-testid="backup-overdue">
          <CalendarClock size={20} aria-hidden="true" />
          <p>{last ? t('backup.last.overdueDays', { count: daysSince(last.madeAt) }) : t('backup.last.overdueNone')}</p>
        </div>
      )}
      {(status.holdingEnded.length > 0 || status.expired.length > 0) && (
        <div className="notice notice--warning backup-last__reminder" role="note" data-testid="backup-to-clean">
          <TriangleAlert size={20} aria-hidden="true" />
          <div>
            {status.holdingEnded.length > 0 && <p>{t('backup.todo.holding', { count: status.holdingEnded.length })}</p>}
            {status.expired.length > 0 && <p>{t('backup.todo.expired', { count: status.expired.length, days: status.retentionDays })}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

/** Whole days as typed: a number the core can read (it decides the range and refuses the rest). */
function days(text: string): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) return null;
  return Math.min(Math.max(0, Number.parseInt(text, 10)), 4_294_967_295);
}

/** How soon the reminder comes and how long backups are kept: change_settings changes them. */
function BackupSettings({ status, onSaved }: { status: BackupStatus; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [reminder, setReminder] = useState(String(status.reminderDays));
  const [retention, setRetention] = useState(String(status.retentionDays));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const reminderDays = days(reminder);
  const retentionDays = days(retention);
  const changed = reminderDays !== status.reminderDays || retentionDays !== status.retentionDays;
  const canSave = mayChange && !busy && reminderDays !== null && retentionDays !== null && changed;

  const save = async () => {
    if (reminderDays === null || retentionDays === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.backupSettingsSet(reminderDays, retentionDays);
      toast.success(t('backup.settings.saved'));
      onSaved();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (
    key: 'reminder' | 'retention',
    value: string,
    set: (v: string) => void,
    range: [number, number],
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`backup.settings.${key}`)}
      </label>
      <div className="backup-days">
        <input
          id={`${id}-${key}`}
          className="input input--digits backup-days__input"
          type="number"
          inputMode="numeric"
          min={range[0]}
          max={range[1]}
          value={value}
          readOnly={!mayChange}
          disabled={busy}
          onChange={(e) => {
            set(e.target.value);
            setError(null);
          }}
          aria-describedby={`${id}-${key}-hint`}
          data-testid={`backup-${key}-days`}
        />
        <span className="muted">{t('backup.settings.daysUnit', { count: days(value) ?? 0 })}</span>
      </div>
      <p className="field__hint" id={`${id}-${key}-hint`}>
        {t(`backup.settings.${key}Hint`, { min: range[0], max: range[1] })}
      </p>
    </div>
  );

  return (
    <section className="card card--panel" aria-labelledby={`${id}-title`} data-testid="backup-settings">
      <h2 id={`${id}-title`} className="card__title">
        {t('backup.settings.title')}
      </h2>
      <p className="muted">{t('backup.settings.text')}</p>
      <form
        className="backup-settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void save();
        }}
      >
        {field('reminder', reminder, setReminder, status.reminderRange)}
        {field('retention', retention, setRetention, status.retentionRange)}
        {mayChange && (
          <div className="backup-settings__save">
            <button type="submit" className="button button--secondary" disabled={!canSave} aria-busy={busy} data-testid="backup-settings-save">
              {showSpinner && <Spinner />}
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      {!mayChange && <OnlyResponsible text={t('onlyResponsible.settings')} testId="backup-settings-readonly" />}
      {error && <ErrorMessage error={error} text={errorText(t, error)} testId="backup-settings-error" />}
    </section>
  );
}

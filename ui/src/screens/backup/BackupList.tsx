import { Archive, CloudAlert, EyeOff, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../lifecycle/lifecycle.css';
import './backup.css';
import { api, toApiError, type ApiError, type BackupRecord, type BackupStatus } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { megabytes } from '../../lib/backup';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCount, useUiLanguage } from '../../lib/register';

type Forgetting = { backup: BackupRecord; deleteFile: boolean };

/**
 * Every backup the vault made, newest first, with what became of it. A kept backup that still
 * holds people destroyed or anonymised since, or that is older than the organisation keeps
 * backups, is amber; the responsible person deletes its file here or says it was deleted
 * elsewhere (a USB stick that is not plugged in).
 */
export function BackupList({
  list,
  status,
  mayForget,
  onChanged,
}: {
  list: BackupRecord[];
  status: BackupStatus;
  mayForget: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const count = useCount();
  const lang = useUiLanguage();
  const [forgetting, setForgetting] = useState<Forgetting | null>(null);
  const expired = new Set(status.expired.map((b) => b.id));
  const anyActions = mayForget && list.some((b) => b.goneAt === null);

  return (
    <section className={`table-card table-card--auto${list.length === 0 ? ' table-card--empty' : ''}`} aria-labelledby="backup-list-title" data-testid="backup-list">
      <h2 id="backup-list-title" className="backup-list__title">
        {t('backup.list.title')}
      </h2>
      {list.length === 0 ? (
        <div className="state" data-testid="backup-list-empty">
          <Archive size={32} aria-hidden="true" className="state__icon" />
          <p className="state__title">{t('backup.list.emptyTitle')}</p>
          <p className="muted">{t(mayForget ? 'backup.list.emptyText' : 'backup.list.emptyTextStaff')}</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table className="table backup-table" data-testid="backup-table">
            <thead>
              <tr>
                <th scope="col" className="table__when">
                  {t('backup.list.columns.made')}
                </th>
                <th scope="col">{t('backup.list.columns.place')}</th>
                <th scope="col">{t('backup.list.columns.contents')}</th>
                <th scope="col">{t('backup.list.columns.state')}</th>
                {anyActions && (
                  <th scope="col" className="backup-table__actions-head">
                    <span className="visually-hidden">{t('backup.list.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((b) => {
                const kept = b.goneAt === null;
                const holding = kept && b.acts.length > 0;
                const old = kept && expired.has(b.id);
                const state = !kept ? (b.goneHow ?? 'deleted') : holding || old ? 'attention' : 'kept';
                return (
                  <tr key={b.id} data-testid="backup-row" data-id={b.id} data-state={state} className={kept ? undefined : 'backup-row--gone'}>
                    <td className="table__when">
                      <span className="strong">{formatDateTime(b.madeAt)}</span>
                      <span className="table__details">{t('backup.list.by', { name: b.madeByName })}</span>
                    </td>
                    <td className="backup-table__place">
                      <Path path={b.place} />
                      {b.cloud && kept && (
                        <span className="backup-table__cloud" data-testid="backup-row-cloud">
                          <CloudAlert size={14} aria-hidden="true" />
                          {t('backup.list.inCloud', { service: b.cloud })}
                        </span>
                      )}
                    </td>
                    <td className="backup-table__contents">
                      <span>{t('backup.sizeMb', { size: megabytes(b.size, lang) })}</span>
                      <span className="table__details">{t('backup.people', { count: b.people, formatted: count(b.people) })}</span>
                    </td>
                    <td>
                      <span className="backup-states">
                        {!kept ? (
                          <span className="state-badge" data-testid="backup-state-gone">
                            {t(b.goneHow === 'replaced' ? 'backup.state.replaced' : 'backup.state.deleted', { date: formatDate(new Date(b.goneAt!)) })}
                          </span>
                        ) : (
                          <>
                            {!holding && !old && (
                              <span className="state-badge state-badge--active" data-testid="backup-state-kept">
                                {t('backup.state.kept')}
                              </span>
                            )}
                            {holding && (
                              <span className="backup-attention" data-testid="backup-state-holding">
                                {t('backup.state.holding', { count: b.acts.length, acts: b.acts.join(', ') })}
                              </span>
                            )}
                            {old && (
                              <span className="backup-attention" data-testid="backup-state-expired">
                                {t('backup.state.expired', { count: status.retentionDays })}
                              </span>
                            )}
                          </>
                        )}
                      </span>
                    </td>
                    {anyActions && (
                      <td>
                        {kept && (
                          <div className="backup-table__actions">
                            <button
                              type="button"
                              className="button button--danger-outline button--small"
                              onClick={() => setForgetting({ backup: b, deleteFile: true })}
                              data-testid="backup-delete"
                            >
                              <Trash2 size={16} aria-hidden="true" />
                              {t('backup.forget.delete')}
                            </button>
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => setForgetting({ backup: b, deleteFile: false })}
                              data-testid="backup-deleted-elsewhere"
                            >
                              <EyeOff size={16} aria-hidden="true" />
                              {t('backup.forget.elsewhere')}
                            </button>
                          </div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {forgetting && (
        <ForgetDialog
          {...forgetting}
          onClose={() => setForgetting(null)}
          onDone={() => {
            setForgetting(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

/** Delete a backup's file, or say it was deleted elsewhere: what happens, then yes or no. */
function ForgetDialog({ backup, deleteFile, onClose, onDone }: Forgetting & { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const which = deleteFile ? 'delete' : 'elsewhere';

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.backupForget(backup.id, deleteFile);
      toast.success(t(`backup.forget.${which}Done`));
      onDone();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t(`backup.forget.${which}Title`)} onClose={() => !busy && onClose()} testId="backup-forget-dialog">
      <div className="form">
        <dl className="facts backup-forget__facts">
          <div className="facts__row">
            <dt>{t('backup.list.columns.made')}</dt>
            <dd className="strong">{formatDateTime(backup.madeAt)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('backup.list.columns.place')}</dt>
            <dd>
              <Path path={backup.place} />
            </dd>
          </div>
        </dl>
        {deleteFile ? (
          <div className="danger-box">
            <Trash2 size={22} aria-hidden="true" />
            <div>
              <p className="danger-box__title">{t('backup.forget.deleteLead')}</p>
              <p>{t('backup.forget.deleteIrreversible')}</p>
            </div>
          </div>
        ) : (
          <p>{t('backup.forget.elsewhereLead')}</p>
        )}
        {error && <ErrorMessage error={error} testId="backup-forget-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={`button ${deleteFile ? 'button--danger' : 'button--primary'}`}
            onClick={() => void confirm()}
            disabled={busy}
            aria-busy={busy}
            data-testid="backup-forget-confirm"
          >
            {busy ? <Spinner /> : deleteFile ? <Trash2 size={18} aria-hidden="true" /> : null}
            {t(`backup.forget.${which}Confirm`)}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

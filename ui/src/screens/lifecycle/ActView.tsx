import type { TFunction } from 'i18next';
import { ArrowRight, CircleCheck, DatabaseBackup, FileDown, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './lifecycle.css';
import { api, toApiError, type Act, type ApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { SaveDialog } from '../../components/SaveDialog';
import { BACKUPS_PATH } from '../backup/BackupNotices';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { actCategoryLabel, actionLabel, groundLabel } from '../../lib/lifecycle';

/** Numbers as "№ 3, 5, 9"; a long list is shortened with a count of the rest. */
function numbersText(t: TFunction, numbers: number[], max = 60): string {
  const shown = numbers.slice(0, max).join(', ');
  return numbers.length > max ? t('lifecycle.act.numbersMore', { numbers: shown, count: numbers.length - max }) : t('lifecycle.act.numbers', { numbers: shown });
}

/**
 * An act of anonymisation or destruction: what was done, on what ground, to whom (by internal
 * number only: the act holds no personal data), which categories of data, by whom and when.
 */
export function ActView({ act, skipped = [], fresh = false, onClose }: { act: Act; skipped?: number[]; fresh?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLParagraphElement>(null);

  // A fresh act replaces the confirmation form: move focus to what happened.
  useEffect(() => {
    if (fresh) titleRef.current?.focus();
  }, [fresh]);

  return (
    <div className="form act-view" data-testid="act-view" data-number={act.number} data-action={act.action}>
      {fresh && (
        <div className="notice notice--success" role="status">
          <CircleCheck size={22} aria-hidden="true" />
          <div>
            <p className="notice__title" tabIndex={-1} ref={titleRef}>
              {t(`lifecycle.act.done.${act.action}`, { count: act.subjects.length })}
            </p>
            <p>{t('lifecycle.act.doneText')}</p>
          </div>
        </div>
      )}
      <dl className="facts act-view__facts">
        <div className="facts__row">
          <dt>{t('lifecycle.act.number')}</dt>
          <dd className="strong" data-testid="act-number">
            {t('lifecycle.act.title', { number: act.number })}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.action')}</dt>
          <dd>
            <span className={`action-tag action-tag--${act.action}`}>{actionLabel(t, act.action)}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.ground')}</dt>
          <dd data-testid="act-ground" data-ground={act.ground}>
            {groundLabel(t, act.ground)}
            {act.reference && <span className="muted"> · {act.reference}</span>}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.when')}</dt>
          <dd>{formatDateTime(act.performedAt)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.who')}</dt>
          <dd>{act.performedByName || '—'}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.operator')}</dt>
          <dd>
            {act.operatorName || '—'}
            {act.operatorBin && <span className="muted"> · {t('consent.review.bin', { bin: act.operatorBin })}</span>}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.categories')}</dt>
          <dd>
            <span className="tags" data-testid="act-categories">
              {act.categories.map((c) => (
                <span key={c} className="tag" data-category={c}>
                  {actCategoryLabel(t, c)}
                </span>
              ))}
            </span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('lifecycle.act.people', { count: act.subjects.length })}</dt>
          <dd className="act-view__numbers" data-testid="act-people">
            {numbersText(t, act.subjects)}
          </dd>
        </div>
      </dl>
      {skipped.length > 0 && (
        <p className="notice notice--warning small" data-testid="act-skipped">
          <TriangleAlert size={16} aria-hidden="true" />
          <span>{t('lifecycle.act.skipped', { count: skipped.length, numbers: skipped.join(', ') })}</span>
        </p>
      )}
      {act.backups?.length > 0 && <HeldBackups act={act} onOpen={onClose} />}
      <p className="muted small">{t('lifecycle.act.noPersonalData')}</p>
      <div className="actions actions--end">
        <button type="button" className="button button--secondary" onClick={() => setSaving(true)} data-testid="act-save">
          <FileDown size={18} aria-hidden="true" />
          {t('lifecycle.act.save')}
        </button>
        <button type="button" className="button button--primary" onClick={onClose} data-testid="act-close">
          {t('common.close')}
        </button>
      </div>
      {saving && (
        <SaveDialog
          title={t('lifecycle.act.saveTitle', { number: act.number })}
          suggestName={(l) => t('lifecycle.act.fileName', { number: act.number, lang: l })}
          onSave={(path, l, ifExists) => api.actSave(act.number, l, path, ifExists)}
          onClose={() => setSaving(false)}
        />
      )}
    </div>
  );
}

/**
 * The backups made before the act that still held its people: each must be replaced by a new
 * backup or deleted. Amber while any of them is still there.
 */
function HeldBackups({ act, onOpen }: { act: Act; onOpen: () => void }) {
  const { t } = useTranslation();
  const pending = act.backups.some((b) => !b.gone);
  return (
    <section
      className={`act-backups${pending ? ' act-backups--pending' : ''}`}
      aria-labelledby={`act-${act.number}-backups`}
      data-testid="act-backups"
      data-pending={pending}
    >
      <h3 id={`act-${act.number}-backups`} className="act-backups__title">
        {pending ? <TriangleAlert size={18} aria-hidden="true" /> : <CircleCheck size={18} aria-hidden="true" />}
        <span>{t('lifecycle.act.backupsTitle')}</span>
      </h3>
      <ul className="act-backups__list">
        {act.backups.map((b) => (
          <li key={b.id} className={`act-backups__item${b.gone ? ' is-gone' : ''}`} data-testid="act-backup" data-gone={b.gone}>
            <DatabaseBackup size={16} aria-hidden="true" />
            <span className="act-backups__when">{formatDateTime(b.madeAt)}</span>
            <span className="act-backups__place path path--small" title={b.place}>
              {b.place}
            </span>
            <span className={`act-backups__state${b.gone ? '' : ' is-held'}`}>{b.gone ? t('lifecycle.act.backupGone') : t('lifecycle.act.backupHeld')}</span>
          </li>
        ))}
      </ul>
      <a className="link with-icon" href={BACKUPS_PATH} onClick={onOpen} data-testid="act-backups-open">
        {t('lifecycle.act.backupsOpen')}
        <ArrowRight size={16} aria-hidden="true" />
      </a>
    </section>
  );
}

/** An act from the list, loaded by its number. */
export function ActDialog({ number, onClose }: { number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [act, setAct] = useState<Act | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(act === null && error === null);

  useEffect(() => {
    api
      .actGet(number)
      .then(setAct)
      .catch((e) => setError(toApiError(e)));
  }, [number]);

  return (
    <Dialog title={t('lifecycle.act.title', { number })} onClose={onClose} testId="act-dialog" size="wide">
      {error ? (
        <ErrorMessage error={error} testId="act-error" />
      ) : act ? (
        <ActView act={act} onClose={onClose} />
      ) : (
        showLoading && <LoadingBlock label={t('common.loading')} />
      )}
    </Dialog>
  );
}

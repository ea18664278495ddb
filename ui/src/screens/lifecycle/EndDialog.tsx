import { Eraser, Flame, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './lifecycle.css';
import { api, toApiError, type Act, type ApiError, type EndAction, type Ground, type LifecycleMeta } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { confirmMatches, confirmWord, errorField, groundLabel } from '../../lib/lifecycle';
import { useCount } from '../../lib/register';
import { ActView } from './ActView';
import { errorText } from '../../lib/errors';

const GROUNDS: Ground[] = ['retention_ended', 'consent_withdrawn', 'request', 'court_decision', 'unlawful_processing'];

/** Who the action is for: chosen people, or everyone due on a day (blocked ones are skipped by the backend). */
export type EndTarget =
  | { kind: 'people'; ids: string[]; numbers: number[] }
  | { kind: 'due'; asOf: string | null; count: number };

/**
 * Anonymise or destroy: says what goes and what stays and that it cannot be undone, asks for the
 * ground and for the confirmation word typed by hand, shows progress while the backend works, then
 * shows the act it made. The backend decides whether it is allowed (blocked, legal hold…).
 */
export function EndDialog({
  action,
  target,
  meta,
  presetGround,
  warning,
  onClose,
  onDone,
}: {
  action: EndAction;
  target: EndTarget;
  meta: LifecycleMeta | null;
  presetGround?: Ground;
  /** A sentence shown above the form, e.g. that the record is blocked. */
  warning?: string;
  /** Closed before anything was done. */
  onClose: () => void;
  /** Closed after the act was shown. */
  onDone: (act: Act) => void;
}) {
  const { t } = useTranslation();
  const count = useCount();
  const id = useId().replace(/:/g, '');
  const grounds = (meta?.grounds.length ? meta.grounds : GROUNDS) as Ground[];
  const fixedGround = target.kind === 'due';
  const [ground, setGround] = useState<Ground | ''>(presetGround ?? (fixedGround ? 'retention_ended' : ''));
  const [reference, setReference] = useState('');
  const [typed, setTyped] = useState('');
  const [phase, setPhase] = useState<'confirm' | 'running' | 'act'>('confirm');
  const [error, setError] = useState<ApiError | null>(null);
  const [act, setAct] = useState<Act | null>(null);
  const [skipped, setSkipped] = useState<number[]>([]);

  const word = confirmWord(t, action);
  const people = target.kind === 'people' ? target.numbers.length : target.count;
  const ready = ground !== '' && confirmMatches(typed, word);
  const Icon = action === 'destroy' ? Flame : Eraser;
  const field = errorField(error);

  const run = async () => {
    if (!ready) return;
    setPhase('running');
    setError(null);
    try {
      if (target.kind === 'due') {
        const result = await api.lifecycleEndDue(action, target.asOf);
        setAct(result.act);
        setSkipped(result.skipped);
      } else {
        setAct(await api.lifecycleEnd(target.ids, action, ground, ground === 'court_decision' ? reference.trim() || null : null));
      }
      setPhase('act');
    } catch (e) {
      setError(toApiError(e));
      setPhase('confirm');
    }
  };

  const close = () => {
    if (phase === 'running') return;
    if (phase === 'act' && act) onDone(act);
    else onClose();
  };

  const title =
    phase === 'act' && act
      ? t('lifecycle.act.title', { number: act.number })
      : target.kind === 'people' && target.numbers.length === 1
        ? t(`lifecycle.end.titleOne.${action}`, { number: target.numbers[0] })
        : t(`lifecycle.end.title.${action}`, { count: people, formatted: count(people) });

  return (
    <Dialog title={title} onClose={close} testId="end-dialog" size={phase === 'act' ? 'wide' : undefined}>
      {phase === 'act' && act ? (
        <ActView act={act} skipped={skipped} fresh onClose={close} />
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (phase === 'confirm') void run();
          }}
          data-testid="end-form"
          data-action={action}
        >
          {warning && (
            <p className="notice notice--warning small" data-testid="end-warning">
              <TriangleAlert size={16} aria-hidden="true" />
              <span>{warning}</span>
            </p>
          )}
          <div className="danger-box">
            <Icon size={22} aria-hidden="true" />
            <div>
              <p className="danger-box__title">{t(`lifecycle.end.lead.${action}`, { count: people, formatted: count(people) })}</p>
              <p>{t(`lifecycle.end.removed.${action}`)}</p>
              <p>{t(`lifecycle.end.kept.${action}`)}</p>
              <p className="strong">{t('lifecycle.end.irreversible')}</p>
            </div>
          </div>
          {target.kind === 'due' && <p className="muted small">{t('lifecycle.end.dueNote')}</p>}

          <div className="field">
            <label className="field__label" htmlFor={`${id}-ground`}>
              {t('lifecycle.end.ground')}
            </label>
            <select
              id={`${id}-ground`}
              className="input select"
              value={ground}
              disabled={fixedGround || phase === 'running'}
              onChange={(e) => {
                setGround(e.target.value as Ground);
                setError(null);
              }}
              data-testid="end-ground"
            >
              {ground === '' && <option value="">{t('lifecycle.end.chooseGround')}</option>}
              {grounds.map((g) => (
                <option key={g} value={g}>
                  {groundLabel(t, g)}
                </option>
              ))}
            </select>
            {fixedGround && <p className="field__hint">{t('lifecycle.end.groundFixed')}</p>}
          </div>
          {ground === 'court_decision' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-ref`}>
                {t('lifecycle.end.reference')}
              </label>
              <input
                id={`${id}-ref`}
                className="input"
                value={reference}
                disabled={phase === 'running'}
                onChange={(e) => {
                  setReference(e.target.value);
                  setError(null);
                }}
                aria-invalid={field === 'reference' || undefined}
                aria-describedby={field === 'reference' ? `${id}-ref-error` : `${id}-ref-hint`}
                placeholder={t('lifecycle.end.referencePlaceholder')}
                autoComplete="off"
                data-testid="end-reference"
              />
              <p className="field__hint" id={`${id}-ref-hint`}>
                {t('lifecycle.end.referenceHint')}
              </p>
              {field === 'reference' && error && (
                <p className="field__error" id={`${id}-ref-error`} role="alert" data-testid="end-error-reference">
                  {errorText(t, error)}
                </p>
              )}
            </div>
          )}

          <div className="field">
            <label className="field__label" htmlFor={`${id}-confirm`}>
              {t('lifecycle.end.typeWord')} <strong className="confirm-word" data-testid="end-confirm-word">{word}</strong>
            </label>
            <input
              id={`${id}-confirm`}
              className="input input--confirm"
              value={typed}
              disabled={phase === 'running'}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-confirm-hint`}
              data-testid="end-confirm-input"
            />
            <p className="field__hint" id={`${id}-confirm-hint`}>
              {t('lifecycle.end.typeWordHint')}
            </p>
          </div>

          {phase === 'running' && (
            <div className="progress-block" data-testid="end-progress">
              <div className="progress progress--indeterminate" role="progressbar" aria-label={t(`lifecycle.end.running.${action}`)}>
                <span className="progress__bar" />
              </div>
              <p className="muted small" aria-live="polite">
                {t(`lifecycle.end.running.${action}`)} {t('lifecycle.end.runningHint')}
              </p>
            </div>
          )}

          {error && field !== 'reference' && <ErrorMessage error={error} text={errorText(t, error)} testId="end-error" />}

          <div className="actions actions--end">
            <button type="button" className="button button--ghost" onClick={close} disabled={phase === 'running'}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button button--danger"
              disabled={!ready || phase === 'running'}
              aria-busy={phase === 'running'}
              data-testid="end-submit"
            >
              <Icon size={18} aria-hidden="true" />
              {t(`lifecycle.end.submit.${action}`, { count: people, formatted: count(people) })}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError, type LifecycleMeta, type Person } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { composeReason, errorField } from '../../lib/lifecycle';
import { errorText } from '../../lib/errors';

export type ReasonMode = 'block' | 'unblock' | 'hold' | 'release';

/**
 * Block, unblock, place or release a legal hold. The reason is a code from lifecycle_meta and an
 * optional note, sent as "<code>: <note>"; the journal keeps only the code. Releasing a hold takes
 * no reason.
 */
export function ReasonDialog({
  mode,
  person,
  meta,
  onClose,
  onDone,
}: {
  mode: ReasonMode;
  person: Person;
  meta: LifecycleMeta;
  onClose: () => void;
  onDone: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [code, setCode] = useState(meta.reasonCodes[0] ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const withReason = mode !== 'release';

  const submit = async () => {
    setBusy(true);
    setError(null);
    const reason = composeReason(code, note);
    try {
      const p =
        mode === 'block'
          ? await api.subjectBlock(person.id, reason)
          : mode === 'unblock'
            ? await api.subjectUnblock(person.id, reason)
            : mode === 'hold'
              ? await api.subjectHold(person.id, reason)
              : await api.subjectReleaseHold(person.id);
      onDone(p);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  const field = errorField(error);
  const reasonError = error && field === 'reason';

  return (
    <Dialog title={t(`lifecycle.reasonDialog.${mode}.title`, { number: person.number })} onClose={() => !busy && onClose()} testId="reason-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
        data-mode={mode}
      >
        <p>{t(`lifecycle.reasonDialog.${mode}.text`)}</p>
        {withReason && (
          <>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-code`}>
                {t('lifecycle.reasonDialog.code')}
              </label>
              <select
                id={`${id}-code`}
                className="input select"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setError(null);
                }}
                data-testid="reason-code"
              >
                {meta.reasonCodes.map((c) => (
                  <option key={c} value={c}>
                    {t(`lifecycle.reasons.${c}`, { defaultValue: c })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-note`}>
                {t('lifecycle.reasonDialog.note')}
              </label>
              <input
                id={`${id}-note`}
                className="input"
                value={note}
                onChange={(e) => {
                  setNote(e.target.value);
                  setError(null);
                }}
                aria-invalid={reasonError || undefined}
                aria-describedby={`${id}-note-hint${reasonError ? ` ${id}-note-error` : ''}`}
                autoComplete="off"
                data-testid="reason-note"
              />
              <p className="field__hint" id={`${id}-note-hint`}>
                {t('lifecycle.reasonDialog.noteHint')}
              </p>
              {reasonError && (
                <p className="field__error" id={`${id}-note-error`} role="alert" data-testid="reason-error-field">
                  {errorText(t, error)}
                </p>
              )}
            </div>
          </>
        )}
        {error && !reasonError && <ErrorMessage error={error} text={errorText(t, error)} testId="reason-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || (withReason && !code)}
            aria-busy={busy}
            data-testid="reason-submit"
          >
            {busy && <Spinner />}
            {t(`lifecycle.reasonDialog.${mode}.submit`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
